#include "mainwindow.h"

#include "auth/permissions.h"
#include "common/vocabularytext.h"
#include "idlewatcher.h"
#include "lockscreen.h"
#include "reception/clientprofile.h"
#include "signin/session.h"
#include "today/todaynavigator.h"
#include "today/todayoverview.h"
#include "workspace.h"
#include "workspaceregistry.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace aftercare::ui {

MainWindow::MainWindow(Database& database, Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_session(session)
    , m_screens(new QStackedWidget(this))
    , m_workArea(new QWidget(m_screens))
    , m_navigation(new QListWidget(m_workArea))
    , m_workspaces(new QStackedWidget(m_workArea))
    , m_lockScreen(new LockScreen(session, m_screens))
    , m_userStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    const QString practiceName = TodayOverview(database).practiceName().value_or(QString());
    setWindowTitle(practiceName.isEmpty() ? tr("Aftercare")
                                          : tr("%1 — Aftercare").arg(practiceName));

    m_navigation->setObjectName(QStringLiteral("workspaceList"));
    m_workspaces->setObjectName(QStringLiteral("workspaceStack"));
    m_navigation->setAccessibleName(tr("Workspaces"));

    const User& user = session.user();
    m_context =
        std::make_unique<WorkspaceContext>(WorkspaceContext{database, session.actor(), user});
    for (const WorkspaceRegistration& registration : registeredWorkspaces()) {
        if (!registration.isFor(user.role))
            continue;
        Page page;
        page.key = registration.key;
        page.create = registration.create;
        page.offersClientSearch = registration.offersClientSearch;
        page.standIn = new QWidget(m_workspaces);
        m_workspaces->addWidget(page.standIn);
        auto* item = new QListWidgetItem(registration.title(), m_navigation);
        item->setData(Qt::UserRole, registration.key);
        m_pages.push_back(std::move(page));
    }

    auto* workLayout = new QHBoxLayout(m_workArea);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(buildSidebar(practiceName));
    workLayout->addWidget(m_workspaces, 1);

    m_screens->addWidget(m_workArea);
    m_screens->addWidget(m_lockScreen);
    setCentralWidget(m_screens);

    m_userStatus->setObjectName(QStringLiteral("userStatusLabel"));
    m_userStatus->setText(tr("Signed in: %1 · %2").arg(user.displayName, roleName(user.role)));
    statusBar()->addPermanentWidget(m_userStatus);

    buildActions();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(m_pages.size()))
            return;
        ensureBuilt(std::size_t(row));
        m_workspaces->setCurrentIndex(row);
    });
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_lockScreen, &LockScreen::switchUserRequested, this, &MainWindow::signOutRequested);
    m_navigation->setCurrentRow(0);

    const auto idleAfter = session.idleLockAfter().value_or(
        std::chrono::milliseconds(qint64(Session::kDefaultIdleLockMinutes * 60'000)));
    m_idle = new IdleWatcher(idleAfter, this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    m_idle->resume();

    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildSidebar(const QString& practiceName)
{
    auto* sidebar = new QFrame(m_workArea);
    sidebar->setObjectName(QStringLiteral("navigationSidebar"));
    auto* layout = new QVBoxLayout(sidebar);

    auto* practice = new QLabel(practiceName.isEmpty() ? tr("Aftercare") : practiceName, sidebar);
    practice->setObjectName(QStringLiteral("sidebarPractice"));
    practice->setWordWrap(true);
    layout->addWidget(practice);
    layout->addSpacing(8);
    layout->addWidget(m_navigation, 1);

    const User& user = m_session.user();
    auto* who =
        new QLabel(QStringLiteral("%1\n%2").arg(user.displayName, roleName(user.role)), sidebar);
    who->setObjectName(QStringLiteral("sidebarUser"));
    who->setWordWrap(true);
    layout->addWidget(who);

    // No Alt letters here: these two are on screen beside every workspace, whose forms need
    // the letters (Alt+O is "Open profile" at the desk). Their keys are Ctrl+L and
    // Ctrl+Shift+Q, from the menu's actions.
    auto* lockButton = new QPushButton(tr("Lock"), sidebar);
    lockButton->setObjectName(QStringLiteral("lockButton"));
    lockButton->setToolTip(tr("Hide everything until you sign in again (Ctrl+L)"));
    auto* signOutButton = new QPushButton(tr("Sign out"), sidebar);
    signOutButton->setObjectName(QStringLiteral("signOutButton"));
    signOutButton->setToolTip(tr("Sign out and leave the workstation to the next person "
                                 "(Ctrl+Shift+Q)"));
    layout->addWidget(lockButton);
    layout->addWidget(signOutButton);
    connect(lockButton, &QPushButton::clicked, this, &MainWindow::lock);
    connect(signOutButton, &QPushButton::clicked, this, &MainWindow::signOutRequested);
    // Its width comes from the stylesheet (in em, so it follows the font and the screen).
    return sidebar;
}

void MainWindow::buildActions()
{
    // No Alt letter: the workspaces' forms need them all ("Cancel appointment", "Find
    // client", "Timeline", "Summary templates" ...). F10 opens it, as on most desktops, and
    // its items have shortcuts of their own.
    QMenu* session = menuBar()->addMenu(tr("Aftercare"));
    auto* openMenu = new QAction(this);
    openMenu->setObjectName(QStringLiteral("openMenuAction"));
    openMenu->setShortcut(QKeySequence(Qt::Key_F10));
    connect(openMenu, &QAction::triggered, this, [this, session] {
        if (!m_locked)
            menuBar()->setActiveAction(session->menuAction());
    });
    addAction(openMenu);
    m_findClient = session->addAction(tr("&Find client"), this, &MainWindow::findClient);
    m_findClient->setObjectName(QStringLiteral("findClientAction"));
    m_findClient->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});
    m_findClient->setEnabled(std::any_of(m_pages.begin(), m_pages.end(),
                                         [](const Page& p) { return p.offersClientSearch; }));
    QAction* lockAction = session->addAction(tr("&Lock now"), this, &MainWindow::lock);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    session->addSeparator();
    QAction* signOut = session->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    QAction* quit = session->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence::Quit);
    m_actions << m_findClient << lockAction << signOut << quit;

    QMenu* go = menuBar()->addMenu(tr("&Go to"));
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        Page& page = m_pages[i];
        QAction* action = go->addAction(m_navigation->item(int(i))->text());
        action->setObjectName(page.key + QStringLiteral("Action"));
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        const QString key = page.key;
        connect(action, &QAction::triggered, this, [this, key] { showWorkspace(key); });
        m_navigation->item(int(i))->setToolTip(
            action->shortcut().toString(QKeySequence::NativeText));
        page.action = action;
        m_actions << action;
    }
    addActions(m_actions);
}

QStringList MainWindow::workspaceKeys() const
{
    QStringList keys;
    for (const Page& page : m_pages)
        keys << page.key;
    return keys;
}

QString MainWindow::currentWorkspaceKey() const
{
    const int row = m_workspaces->currentIndex();
    return row >= 0 && row < int(m_pages.size()) ? m_pages[std::size_t(row)].key : QString();
}

Workspace* MainWindow::workspace(const QString& key)
{
    for (std::size_t i = 0; i < m_pages.size(); ++i)
        if (m_pages[i].key == key)
            return ensureBuilt(i);
    return nullptr;
}

Workspace* MainWindow::ensureBuilt(std::size_t index)
{
    Page& page = m_pages[index];
    if (page.widget)
        return page.widget;
    page.widget = page.create(*m_context, m_workspaces);
    page.widget->setObjectName(page.key + QStringLiteral("Workspace"));
    connect(page.widget, &Workspace::clientProfileRequested, this, &MainWindow::openClientProfile);
    // The Today page's figures and lines lead to the other workspaces.
    TodayNavigator::attach(*this, page.widget);
    const bool wasCurrent = m_workspaces->currentWidget() == page.standIn;
    m_workspaces->insertWidget(int(index), page.widget);
    m_workspaces->removeWidget(page.standIn);
    delete page.standIn;
    page.standIn = nullptr;
    if (wasCurrent)
        m_workspaces->setCurrentWidget(page.widget);
    return page.widget;
}

bool MainWindow::showWorkspace(const QString& key)
{
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].key == key) {
            m_navigation->setCurrentRow(int(i));
            return true;
        }
    }
    return false;
}

void MainWindow::openClientProfile(ClientId client)
{
    if (m_locked || !client.isValid())
        return;
    if (auto allowed = Permissions::require(m_session.actor(), Permission::FrontDesk); !allowed) {
        statusBar()->showMessage(allowed.error().message);
        return;
    }
    // A window, not a workspace page: the drill-down it was opened from stays where it is,
    // under it. Over a modal dialog of this window (the drill-down) it is that dialog's modal
    // child, so that it comes out on top; closing it returns to the list. A QDialog child, so
    // that the idle lock hides it with the others.
    QWidget* modal = QApplication::activeModalWidget();
    bool overModal = false;
    for (QWidget* w = modal; w && !overModal; w = w->parentWidget())
        overModal = w == this;
    auto* window = new QDialog(overModal ? modal : this);
    window->setObjectName(QStringLiteral("clientProfileWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Client profile"));
    auto* profile = new ClientProfile(m_database, m_session.actor(), window);
    auto* layout = new QVBoxLayout(window);
    layout->addWidget(profile);
    connect(profile, &ClientProfile::closeRequested, window, &QDialog::close);
    profile->showClient(client);
    window->resize(1100, 720);
    if (overModal)
        window->open();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::findClient()
{
    if (m_locked)
        return;
    const QString current = currentWorkspaceKey();
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].key == current && m_pages[i].offersClientSearch) {
            ensureBuilt(i)->focusClientSearch();
            return;
        }
    }
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].offersClientSearch) {
            showWorkspace(m_pages[i].key);
            ensureBuilt(i)->focusClientSearch();
            return;
        }
    }
}

void MainWindow::setActionsEnabled(bool enabled)
{
    for (QAction* action : m_actions)
        action->setEnabled(enabled);
    if (enabled)
        m_findClient->setEnabled(std::any_of(m_pages.begin(), m_pages.end(),
                                             [](const Page& p) { return p.offersClientSearch; }));
    menuBar()->setEnabled(enabled);
}

void MainWindow::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_idle->pause();
    QWidget* focus = QApplication::focusWidget();
    m_focusBeforeLock = (focus && isAncestorOf(focus)) ? focus : nullptr;
    // Dialogs over the window (a user being added, say) would show through: hide them, and
    // show them again, as they were, on unlock.
    m_hiddenByLock.clear();
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (dialog->isVisible()) {
            m_hiddenByLock << dialog;
            dialog->hide();
        }
    }
    setActionsEnabled(false);
    m_screens->setCurrentWidget(m_lockScreen);
    statusBar()->showMessage(tr("Locked"));
    m_lockScreen->prepare();
}

void MainWindow::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    m_screens->setCurrentWidget(m_workArea);
    setActionsEnabled(true);
    statusBar()->clearMessage();
    for (const QPointer<QDialog>& dialog : std::as_const(m_hiddenByLock))
        if (dialog)
            dialog->show();
    m_hiddenByLock.clear();
    if (m_focusBeforeLock)
        m_focusBeforeLock->setFocus(Qt::OtherFocusReason);
    m_idle->resume();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    event->accept();
    emit quitRequested();
}

} // namespace aftercare::ui
