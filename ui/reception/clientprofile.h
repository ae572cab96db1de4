#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "domain/ids.h"

#include <QHash>
#include <QWidget>

#include <optional>
#include <vector>

class QDialog;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class ProfileConsents;
class ProfileDetails;
class TimelineModel;

// Everything the desk knows about one client: contact details (editable), consent history,
// upcoming and past appointments, invoices and balance, results (that they exist and where
// they stand, never what they say), the journey stage, and the timeline of every touchpoint,
// newest first, read a page at a time.
//
// From the appointments, the desk books the client again, shows an appointment in the diary,
// and moves or cancels an upcoming one (with a reason, shown in the list afterwards).
class ClientProfile : public QWidget
{
    Q_OBJECT

public:
    ClientProfile(Database& database, const Actor& actor, QWidget* parent = nullptr);

    // Reads and shows the client; false (with the reason on the page) when that failed.
    bool showClient(ClientId client);
    ClientId client() const { return m_client; }
    TimelineModel* timeline() const { return m_timelineModel; }
    // How long the last showClient() took, in milliseconds.
    qint64 lastLoadMs() const { return m_lastLoadMs; }

    // The appointments listed (upcoming, then past), as read; the selected one, if any.
    const std::vector<Appointment>& listedAppointments() const { return m_listed; }
    std::optional<Appointment> selectedAppointment() const;
    void selectAppointment(AppointmentId appointment);

    void bookForClient();
    void moveSelected();
    void cancelSelected();

signals:
    void closeRequested();
    // "Show in diary": the diary should open on the appointment's day with it selected.
    void appointmentOpenRequested(const aftercare::Appointment& appointment);
    // A dialog of the profile opened (tests reach it through this).
    void dialogOpened(QDialog* dialog);
    // The client's diary changed here (a booking, a move, a cancellation).
    void diaryChanged();

private:
    void refreshHeader();
    void showConsents();
    void showAppointments();
    void showInvoices();
    void showResults();
    void updateAppointmentActions();
    // Reads the appointments again after a change, keeping `keep` selected.
    void afterDiaryChange(AppointmentId keep);

    Database& m_database;
    Actor m_actor;
    ClientId m_client;
    qint64 m_lastLoadMs = 0;
    QHash<qint64, QString> m_userNames;
    QLabel* m_name;
    QLabel* m_subtitle;
    QPushButton* m_close;
    MessageLabel* m_error;
    ProfileDetails* m_details;
    ProfileConsents* m_consents;
    QTabWidget* m_tabs;
    TimelineModel* m_timelineModel;
    QTableView* m_timeline;
    QTreeWidget* m_appointments;
    std::vector<Appointment> m_listed;
    QPushButton* m_book;
    QPushButton* m_showInDiary;
    QPushButton* m_moveAppointment;
    QPushButton* m_cancelAppointment;
    QTreeWidget* m_invoices;
    QLabel* m_balance;
    QTreeWidget* m_results;
};

} // namespace aftercare::ui
