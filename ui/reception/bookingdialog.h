#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/appointment.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// Books a client into the diary, or moves an existing appointment to another time or
// practitioner. An overlap is refused with the appointment in the way named; booking over it
// anyway needs the "double-book" box ticked and a reason, which is recorded.
class BookingDialog : public FormDialog
{
    Q_OBJECT

public:
    // A new booking, proposed at practitioner / startsAt.
    BookingDialog(Database& database, const Actor& actor, PractitionerId practitioner,
                  const QDateTime& startsAt, QWidget* parent = nullptr);
    // Moving `appointment` (as read).
    BookingDialog(Database& database, const Actor& actor, const Appointment& appointment,
                  QWidget* parent = nullptr);
    // Choosing a time for `proposal.client` without booking it yet: the caller books it with
    // its own change (a call's booking is saved with the call). The time is checked against
    // the diary here as well, so an overlap is named before the caller tries.
    static BookingDialog* forChoosing(Database& database, const Actor& actor,
                                      const Appointment& proposal, const QString& clientName,
                                      QWidget* parent = nullptr);

    // A new booking for `client` (from the client's profile, details or the not-rebooked
    // list): the client is set, the practitioner and service of their last visit are
    // proposed, at the first free quarter hour from an hour on.
    static BookingDialog* forClient(Database& database, const Actor& actor, ClientId client,
                                    const QString& clientName, QWidget* parent = nullptr);

    void setClient(ClientId client, const QString& name);
    bool isMove() const { return m_moving.has_value(); }

    void accept() override;

signals:
    void saved(aftercare::AppointmentId appointment);
    // Someone else changed the appointment since it was read: nothing was saved.
    void conflicted(const QString& message);
    // The time chosen in a dialog made by forChoosing(); doubleBookingReason set when the
    // desk chose to book over another appointment.
    void chosen(const aftercare::Appointment& draft);

private:
    BookingDialog(Database& database, const Actor& actor, QWidget* parent);
    void build();
    void hideClientSearch();
    void searchClients(const QString& text);
    void showServiceInfo();
    void updateOverride();
    void showError(const QString& message);
    // The appointment as the form describes it; nothing (and a message shown) when incomplete.
    std::optional<Appointment> draftFromForm();

    Database& m_database;
    Actor m_actor;
    std::optional<Appointment> m_moving;
    bool m_chooseOnly = false;
    std::vector<Practitioner> m_practitioners;
    std::vector<ServiceType> m_services;
    ClientId m_client;

    QLineEdit* m_clientSearch;
    QListWidget* m_clientList;
    QLabel* m_clientChosen;
    QComboBox* m_practitioner;
    QComboBox* m_service;
    QDateTimeEdit* m_start;
    QLabel* m_serviceInfo;
    QPlainTextEdit* m_notes;
    QCheckBox* m_doubleBook;
    QLineEdit* m_doubleBookReason;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace aftercare::ui
