#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"

#include <QDate>
#include <QWidget>

#include <optional>
#include <vector>

namespace aftercare::ui {

// One day of the diary drawn as a grid: a column per practitioner, a row per quarter hour,
// appointments as blocks coloured by status. The keyboard moves a selected slot; the slot's
// appointment (if any) is the selected appointment.
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
    QDate date() const { return m_date; }
    const std::vector<Practitioner>& practitioners() const { return m_practitioners; }
    const std::vector<Appointment>& appointments() const { return m_appointments; }

    // The selected slot: its practitioner and start time.
    PractitionerId selectedPractitioner() const;
    QDateTime selectedTime() const;
    void selectSlot(PractitionerId practitioner, const QTime& time);
    // The appointment at the selected slot (the active one when several share it).
    std::optional<Appointment> selectedAppointment() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void selectionChanged(const QRect& slotRect);
    void slotActivated(aftercare::PractitionerId practitioner, const QDateTime& startsAt);
    void appointmentActivated(aftercare::AppointmentId appointment);
    void dayStepRequested(int days);
    void todayRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    struct Block
    {
        int appointment; // index into m_appointments
        int column;
        int lane;
        int lanes;
    };

    int rowCount() const;
    int columnWidth() const;
    QRect slotRect(int column, int row) const;
    QRect blockRect(const Block& block) const;
    int rowOf(const QTime& time) const;
    void layoutBlocks();
    void moveSelection(int columnStep, int rowStep);
    void activate();
    const Appointment* appointmentAt(int column, int row) const;

    QDate m_date;
    std::vector<Practitioner> m_practitioners;
    std::vector<Appointment> m_appointments;
    std::vector<Block> m_blocks;
    int m_column = 0;
    int m_row = 0;
};

} // namespace aftercare::ui
