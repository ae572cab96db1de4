#pragma once

#include "domain/appointment.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace aftercare::ui {

// Asks why an appointment is cancelled: one of the usual reasons, or "Other" with the reason
// in the receptionist's words. It cannot be confirmed without a reason: the button stays off
// until there is one, and Enter on an empty reason keeps the dialog open.
class CancelAppointmentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CancelAppointmentDialog(const Appointment& appointment, QWidget* parent = nullptr);

    const Appointment& appointment() const { return m_appointment; }
    // The reason chosen or typed, trimmed; empty while there is none.
    QString reason() const;

    void accept() override;

private:
    bool otherChosen() const;
    void updateState();

    Appointment m_appointment;
    QListWidget* m_reasons;
    QLineEdit* m_other;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};

} // namespace aftercare::ui
