#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"

#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QWidget>

#include <optional>
#include <vector>

class QFontMetrics;

namespace aftercare::ui {

// The diary drawn as a grid: a row per quarter hour, a column per practitioner of one day
// (day view) or, for the week from Monday to Sunday, a column per day split into one
// sub-column per practitioner shown (week view). Appointments are blocks coloured by status.
// The keyboard moves a selected slot; the slot's appointment (if any) is the selected
// appointment. An active appointment can be dragged onto another slot: the view only asks
// (moveRequested); the page moves it through the desk, which may refuse.
//
// The grid spans the practice's usual hours and grows to take in every appointment shown:
// one booked at 21:30 extends the day to 22:00 (the hours outside the usual ones are shaded),
// so nothing booked is ever out of sight. Today's day shows a line at the current time.
class ScheduleView : public QWidget
{
    Q_OBJECT

public:
    // The hours the grid shows when nothing is booked outside them.
    static constexpr int kUsualFirstHour = 7;
    static constexpr int kUsualLastHour = 19; // the usual grid ends at this hour
    static constexpr int kSlotMinutes = 15;

    // The colour of an appointment's block, also used by the page's legend.
    static QColor statusColour(AppointmentStatus status);

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
    // The hours the grid shows now: the usual ones, extended to every appointment shown.
    int firstHour() const { return m_firstHour; }
    int lastHour() const { return m_lastHour; }
    // Where the current-time line is drawn (a y in the view's coordinates), when the day
    // shown is today and now lies within the grid.
    std::optional<int> nowLineY() const;
    // Overrides the clock for the current-time line (tests); invalid: the real time.
    void setNow(const QDateTime& now);

    // The selected slot: its practitioner and start time.
    PractitionerId selectedPractitioner() const;
    QDateTime selectedTime() const;
    void selectSlot(PractitionerId practitioner, const QTime& time);
    // In the week view: the slot of practitioner on date.
    void selectSlot(const QDate& date, PractitionerId practitioner, const QTime& time);
    // Selects the slot where appointment starts (when it is shown); false when it is not.
    bool selectAppointment(AppointmentId appointment);
    // The appointment at the selected slot (the active one when several share it).
    std::optional<Appointment> selectedAppointment() const;
    // Where the slot of practitioner at time is drawn (for tests and scrolling); empty when
    // it is not shown.
    QRect slotRectFor(const QDateTime& time, PractitionerId practitioner) const;
    // The practitioner's name as the heading of column shows it at the current width: in
    // full, or shortened to the surname or initials where the week is narrow, never cut.
    QString columnHeading(int column) const;
    // What the week's block of an appointment says at the current width (the client's name,
    // wrapped or shortened, never cut); empty in the day view or when the block is too narrow.
    QString blockText(AppointmentId appointment) const;

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
    // The usual hours, extended to the appointments in the columns.
    void fitHours();
    // The practitioner's name as it fits `width`: in full, the surname, or the initials.
    QString fittingName(const QString& name, int width, const QFontMetrics& metrics) const;
    QDateTime now() const;
    QStringList weekLines(const Appointment& appointment, const QRect& text,
                          const QFontMetrics& metrics) const;
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
    int m_firstHour = kUsualFirstHour;
    int m_lastHour = kUsualLastHour;
    QDateTime m_now; // invalid: the clock
    QDate m_first;   // the day shown, or the week's Monday
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
