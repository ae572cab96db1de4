#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"

#include <QDate>
#include <QWidget>

#include <optional>
#include <vector>

namespace aftercare::ui {

// The diary drawn as a grid: a row per quarter hour, a column per practitioner of one day
// (day view) or, for the week from Monday to Sunday, a column per day split into one
// sub-column per practitioner shown (week view). Appointments are blocks coloured by status.
// The keyboard moves a selected slot; the slot's appointment (if any) is the selected
// appointment. An active appointment can be dragged onto another slot: the view only asks
// (moveRequested); the page moves it through the desk, which may refuse.
class ScheduleView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFirstHour = 7;
    static constexpr int kLastHour = 19; // the grid ends at this hour
    static constexpr int kSlotMinutes = 15;

    explicit ScheduleView(QWidget* parent = nullptr);

    void setDay(const QDate& date, std::vector<Practitioner> practitioners,
                std::vector<Appointment> appointments);
    // The seven days from monday, each with a sub-column per practitioner.
    void setWeek(const QDate& monday, std::vector<Practitioner> practitioners,
                 std::vector<Appointment> appointments);
    bool isWeek() const { return m_week; }
    // The day shown, or in the week view the day of the selected slot.
    QDate date() const;
    const std::vector<Practitioner>& practitioners() const { return m_practitioners; }
    const std::vector<Appointment>& appointments() const { return m_appointments; }

    // The selected slot: its practitioner and start time.
    PractitionerId selectedPractitioner() const;
    QDateTime selectedTime() const;
    void selectSlot(PractitionerId practitioner, const QTime& time);
    // In the week view: the slot of practitioner on date.
    void selectSlot(const QDate& date, PractitionerId practitioner, const QTime& time);
    // The appointment at the selected slot (the active one when several share it).
    std::optional<Appointment> selectedAppointment() const;
    // Where the slot of practitioner at time is drawn (for tests and scrolling); empty when
    // it is not shown.
    QRect slotRectFor(const QDateTime& time, PractitionerId practitioner) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void selectionChanged(const QRect& slotRect);
    void slotActivated(aftercare::PractitionerId practitioner, const QDateTime& startsAt);
    void appointmentActivated(aftercare::AppointmentId appointment);
    void dayStepRequested(int days);
    void todayRequested();
    void moveRequested(aftercare::AppointmentId appointment, aftercare::PractitionerId practitioner,
                       const QDateTime& startsAt);

protected:
    bool event(QEvent* event) override; // a block's tooltip names it in full
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    struct Column
    {
        QDate date;
        int practitioner; // index into m_practitioners
    };
    struct Block
    {
        int appointment; // index into m_appointments
        int column;
        int lane;
        int lanes;
    };

    void setColumns(std::vector<Practitioner> practitioners, std::vector<Appointment> appointments);
    int headerHeight() const;
    int rowCount() const;
    int columnWidth() const;
    int minColumnWidth() const;
    QRect slotRect(int column, int row) const;
    QRect blockRect(const Block& block) const;
    int rowOf(const QTime& time) const;
    QDateTime timeOf(int column, int row) const;
    bool inColumn(const Appointment& appointment, int column) const;
    void layoutBlocks();
    void moveSelection(int columnStep, int rowStep);
    void activate();
    const Appointment* appointmentAt(int column, int row) const;
    // The slot under a point, or false when the point is outside the grid.
    bool slotAt(const QPoint& at, int* column, int* row) const;
    void paintHeader(QPainter& painter);

    bool m_week = false;
    QDate m_first; // the day shown, or the week's Monday
    std::vector<Practitioner> m_practitioners;
    std::vector<Column> m_columns;
    std::vector<Appointment> m_appointments;
    std::vector<Block> m_blocks;
    int m_column = 0;
    int m_row = 0;
    // Dragging: the appointment pressed on, where, and the slot it would land on.
    std::optional<Appointment> m_dragged;
    QPoint m_pressedAt;
    bool m_dragging = false;
    int m_dropColumn = -1;
    int m_dropRow = -1;
};

} // namespace aftercare::ui
