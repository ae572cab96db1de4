#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "workspace.h"

class QSplitter;
class QTabWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ClientFinder;
class ClientPanel;
class ClientProfile;
class SchedulePage;

// The front desk. Its pages are tabs (the tab bar appears once there is more than one page);
// the first is the client finder with the client's details beside it. Further pages
// (schedule, onboarding, profile) are added with addPage().
class ReceptionWorkspace : public Workspace
{
    Q_OBJECT

public:
    ReceptionWorkspace(Database& database, const Actor& actor, QWidget* parent = nullptr);

    // Adds a page after the existing ones; returns its index.
    int addPage(QWidget* page, const QString& title);
    void showPage(QWidget* page);

    ClientFinder* finder() const { return m_finder; }
    ClientPanel* clientPanel() const { return m_panel; }
    SchedulePage* schedulePage() const { return m_schedule; }

    ClientProfile* profilePage() const { return m_profile; }
    // Opens the new-client form, started with text (what was searched for).
    void startOnboarding(const QString& text = {});
    // Shows the client's full profile on its own page.
    void openProfile(ClientId client);

    bool offersClientSearch() const override { return true; }
    void focusClientSearch() override;

signals:
    // A client was opened from the finder (after the details panel shows them).
    void clientOpened(aftercare::ClientId client);

private:
    void openClient(ClientId client);
    void closeClient();
    void hidePanel();

    Database& m_database;
    Actor m_actor;
    QTabWidget* m_pages;
    QWidget* m_findPage;
    QSplitter* m_splitter;
    ClientFinder* m_finder;
    ClientPanel* m_panel;
    SchedulePage* m_schedule;
    ClientProfile* m_profile;
};

} // namespace aftercare::ui
