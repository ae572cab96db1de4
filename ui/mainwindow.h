#pragma once

#include "domain/ids.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QDialog;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace aftercare {
class Database;
class Session;
} // namespace aftercare

namespace aftercare::ui {

class IdleWatcher;
class LockScreen;
class Workspace;
struct WorkspaceContext;

// The signed-in user's window: a navigation list of the workspaces their role may use
// (workspaceregistry.cpp), the workspaces themselves, and the idle lock that hides them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& database, Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The keys of the workspaces this user sees, in navigation order.
    QStringList workspaceKeys() const;
    QString currentWorkspaceKey() const;
    // The workspace, built now if it has not been shown yet.
    Workspace* workspace(const QString& key);
    bool showWorkspace(const QString& key);

    bool isLocked() const { return m_locked; }
    void lock();

    // Opens the client's profile (the desk's ClientProfile) in a window of its own over the
    // current workspace, as far as the user's role may see it; asked for by any workspace
    // (Workspace::clientProfileRequested), e.g. from a dashboard drill-down.
    void openClientProfile(aftercare::ClientId client);

signals:
    void signOutRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // A workspace is built the first time it is shown, so the window opens as fast as its
    // first page allows; until then an empty stand-in holds its place in the stack.
    struct Page
    {
        QString key;
        std::function<Workspace*(const WorkspaceContext&, QWidget*)> create;
        bool offersClientSearch = false;
        Workspace* widget = nullptr;
        QWidget* standIn = nullptr;
        QAction* action = nullptr;
    };

    QWidget* buildSidebar(const QString& practiceName);
    void buildActions();
    Workspace* ensureBuilt(std::size_t index);
    void findClient();
    void unlock();
    void setActionsEnabled(bool enabled);

    Database& m_database;
    Session& m_session;
    std::unique_ptr<WorkspaceContext> m_context;
    std::vector<Page> m_pages;
    QStackedWidget* m_screens; // the work area, or the lock screen
    QWidget* m_workArea;
    QListWidget* m_navigation;
    QStackedWidget* m_workspaces;
    LockScreen* m_lockScreen;
    IdleWatcher* m_idle = nullptr;
    QLabel* m_userStatus;
    QList<QAction*> m_actions;
    QAction* m_findClient = nullptr;
    bool m_locked = false;
    QPointer<QWidget> m_focusBeforeLock;
    QList<QPointer<QDialog>> m_hiddenByLock;
};

} // namespace aftercare::ui
