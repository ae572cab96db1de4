#pragma once

#include "auth/actor.h"
#include "domain/ids.h"

#include <QHash>
#include <QWidget>

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

signals:
    void closeRequested();

private:
    void refreshHeader();
    void showConsents();
    void showAppointments();
    void showInvoices();
    void showResults();

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
    QTreeWidget* m_invoices;
    QLabel* m_balance;
    QTreeWidget* m_results;
};

} // namespace aftercare::ui
