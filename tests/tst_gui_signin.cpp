// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "desktopcontroller.h"
#include "maintenance/databasecompaction.h"
#include "mainwindow.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse 42");

template <typename T = QWidget> T* visibleTopLevel(const char* objectName)
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->objectName() == QLatin1String(objectName))
            return qobject_cast<T*>(w);
    return nullptr;
}

template <typename T> T* child(QWidget* parent, const char* objectName)
{
    return parent ? parent->findChild<T*>(QLatin1String(objectName)) : nullptr;
}

void addUser(Database& db, const QString& name, Role role)
{
    auto created =
        UserRepository(db).create(Actor::system(), name, name.toUpper(), role, kPassword);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().describe()));
}

// Types the name and password into the sign-in dialog and presses Sign in.
void signIn(QWidget* dialog, const QString& name, const QString& password = kPassword)
{
    QTest::keyClicks(child<QLineEdit>(dialog, "userNameEdit"), name);
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), password);
    QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
}

} // namespace

Q_DECLARE_METATYPE(Role)

class TestGuiSignIn : public QObject
{
    Q_OBJECT

private slots:
    void firstRunCreatesAdministrator();
    void wrongPasswordSaysSoAndKeepsName();
    void fiveFailuresInARowWait();
    void roleDecidesWorkspaces_data();
    void roleDecidesWorkspaces();
    void signOutReturnsToSignIn();
    void quittingCompactsALargeFileOnceAMonth();
};

void TestGuiSignIn::firstRunCreatesAdministrator()
{
    AFTERCARE_FRESH_DATABASE(db);
    DesktopController controller(db);
    controller.start();
    auto* dialog = visibleTopLevel("firstRunDialog");
    QVERIFY(dialog);
    QVERIFY(!visibleTopLevel("signInDialog"));
    auto* create = child<QPushButton>(dialog, "createAdminButton");
    auto* hint = child<QLabel>(dialog, "passwordHintLabel");
    QVERIFY(create && hint);
    QVERIFY(!create->isEnabled());

    QTest::keyClicks(child<QLineEdit>(dialog, "userNameEdit"), QStringLiteral("Maria"));
    QTest::keyClicks(child<QLineEdit>(dialog, "displayNameEdit"),
                     QStringLiteral("Maria Schneider"));
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("short"));
    // Checked as it is typed.
    QVERIFY(hint->text().contains(QLatin1String("8")));
    QCOMPARE(hint->property("messageKind").toString(), QStringLiteral("warning"));
    QVERIFY(!create->isEnabled());
    child<QLineEdit>(dialog, "passwordEdit")->clear();
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), kPassword);
    QTest::keyClicks(child<QLineEdit>(dialog, "repeatPasswordEdit"), kPassword.left(5));
    QVERIFY(!create->isEnabled()); // not the same twice yet
    QTest::keyClicks(child<QLineEdit>(dialog, "repeatPasswordEdit"), kPassword.mid(5));
    QCOMPARE(hint->property("messageKind").toString(), QStringLiteral("good"));
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);

    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QCOMPARE(controller.mainWindow()->workspaceKeys(),
             (QStringList{"today", "reception", "dashboard", "administration"}));
    QVERIFY(controller.session().isSignedIn());
    QCOMPARE(controller.session().user().username, QStringLiteral("maria"));
    QCOMPARE(controller.session().user().role, Role::Admin);
    auto users = UserRepository(db).all();
    QVERIFY(users);
    QCOMPARE(users->size(), std::size_t(1));
    QCOMPARE(users->front().displayName, QStringLiteral("Maria Schneider"));
    auto* status = child<QLabel>(controller.mainWindow(), "userStatusLabel");
    QVERIFY(status && status->text().contains(QLatin1String("Maria Schneider")));
}

void TestGuiSignIn::wrongPasswordSaysSoAndKeepsName()
{
    AFTERCARE_FRESH_DATABASE(db);
    addUser(db, QStringLiteral("anna"), Role::Reception);
    DesktopController controller(db);
    controller.start();
    auto* dialog = visibleTopLevel("signInDialog");
    QVERIFY(dialog);
    QVERIFY(!visibleTopLevel("firstRunDialog"));
    auto* name = child<QLineEdit>(dialog, "userNameEdit");
    auto* password = child<QLineEdit>(dialog, "passwordEdit");
    auto* button = child<QPushButton>(dialog, "signInButton");
    auto* error = child<QLabel>(dialog, "errorLabel");
    QVERIFY(name && password && button && error);
    QVERIFY(!error->isVisible());

    QTest::keyClicks(name, QStringLiteral("anna"));
    QTest::keyClicks(password, QStringLiteral("not the password"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), UserRepository::tr("The user name or the password is not right."));
    QCOMPARE(name->text(), QStringLiteral("anna"));
    QVERIFY(password->text().isEmpty());
    QVERIFY(!controller.mainWindow());

    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return); // Enter signs in, too
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QCOMPARE(controller.session().user().username, QStringLiteral("anna"));
}

void TestGuiSignIn::fiveFailuresInARowWait()
{
    AFTERCARE_FRESH_DATABASE(db);
    addUser(db, QStringLiteral("anna"), Role::Reception);
    DesktopController controller(db);
    controller.start();
    auto* dialog = visibleTopLevel("signInDialog");
    QVERIFY(dialog);
    auto* name = child<QLineEdit>(dialog, "userNameEdit");
    auto* password = child<QLineEdit>(dialog, "passwordEdit");
    auto* button = child<QPushButton>(dialog, "signInButton");
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTest::keyClicks(name, QStringLiteral("anna"));
    for (int attempt = 1; attempt <= Session::kFreeAttempts; ++attempt) {
        QVERIFY2(button->isEnabled(), qPrintable(QString::number(attempt)));
        QTest::keyClicks(password, QStringLiteral("guess %1").arg(attempt));
        QTest::mouseClick(button, Qt::LeftButton);
    }
    QVERIFY(!button->isEnabled());
    QVERIFY(error->text().contains(QLatin1String("wait")));
    // Even the right password is not tried while the delay runs.
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!controller.mainWindow());
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 8000);
    password->clear();
    QTest::keyClicks(password, kPassword);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QCOMPARE(controller.session().failuresInARow(), 0);
}

void TestGuiSignIn::roleDecidesWorkspaces_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QStringList>("workspaces");
    QTest::addColumn<bool>("canFindClients");
    QTest::newRow("reception") << Role::Reception << QStringList{"today", "reception"} << true;
    QTest::newRow("clinician") << Role::Clinician << QStringList{"followup", "today"}
                               << true; // Ctrl+K: the clinical profile
    QTest::newRow("manager") << Role::Manager << QStringList{"today", "dashboard"} << false;
    QTest::newRow("admin") << Role::Admin
                           << QStringList{"today", "reception", "dashboard", "administration"}
                           << true;
}

void TestGuiSignIn::roleDecidesWorkspaces()
{
    QFETCH(Role, role);
    QFETCH(QStringList, workspaces);
    QFETCH(bool, canFindClients);
    AFTERCARE_FRESH_DATABASE(db);
    addUser(db, QStringLiteral("someone"), role);
    DesktopController controller(db);
    controller.start();
    auto* dialog = visibleTopLevel("signInDialog");
    QVERIFY(dialog);
    signIn(dialog, QStringLiteral("someone"));
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    MainWindow* window = controller.mainWindow();
    QCOMPARE(window->workspaceKeys(), workspaces);
    QCOMPARE(window->currentWorkspaceKey(), workspaces.front()); // the role's first workspace
    // Only the first page is built when the window opens; the others when first shown.
    for (const QString& key : workspaces.mid(1))
        QVERIFY2(!window->findChild<QWidget*>(key + QLatin1String("Workspace")), qPrintable(key));
    // The pages of other roles are not merely hidden: they cannot be built at all.
    for (const char* key : {"reception", "administration"}) {
        QCOMPARE(window->workspace(QLatin1String(key)) != nullptr,
                 workspaces.contains(QLatin1String(key)));
        QCOMPARE(window->findChild<QWidget*>(QLatin1String(key) + QLatin1String("Workspace")) !=
                     nullptr,
                 workspaces.contains(QLatin1String(key)));
    }
    auto* find = window->findChild<QAction*>(QStringLiteral("findClientAction"));
    QVERIFY(find);
    QCOMPARE(find->isEnabled(), canFindClients);
}

void TestGuiSignIn::signOutReturnsToSignIn()
{
    AFTERCARE_FRESH_DATABASE(db);
    addUser(db, QStringLiteral("anna"), Role::Reception);
    DesktopController controller(db);
    controller.start();
    auto* dialog = visibleTopLevel("signInDialog");
    signIn(dialog, QStringLiteral("anna"));
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QTest::mouseClick(child<QPushButton>(controller.mainWindow(), "signOutButton"), Qt::LeftButton);
    QTRY_VERIFY(!controller.mainWindow());
    QVERIFY(!controller.session().isSignedIn());
    auto* again = visibleTopLevel("signInDialog");
    QVERIFY(again);
    QVERIFY(child<QLineEdit>(again, "userNameEdit")->text().isEmpty());
}

void TestGuiSignIn::quittingCompactsALargeFileOnceAMonth()
{
    AFTERCARE_FRESH_DATABASE(db);
    addUser(db, QStringLiteral("anna"), Role::Reception);
    {
        // Signed in, a workspace open, then the window closed: the user quits.
        DesktopController controller(db);
        controller.setCompactionThreshold(0); // any file is large enough
        QSignalSpy finished(&controller, &DesktopController::finished);
        controller.start();
        auto* dialog = visibleTopLevel("signInDialog");
        signIn(dialog, QStringLiteral("anna"));
        QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
        controller.mainWindow()->close();
        if (db.isSqlite())
            QVERIFY(visibleTopLevel("compactingDialog")); // says why quitting takes a moment
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.first().first().toInt(), 0);
        QVERIFY(!visibleTopLevel("compactingDialog"));
    }
    // PostgreSQL vacuums itself; a SQLite file was compacted by the worker's connection.
    const QDateTime compacted = DatabaseCompaction::lastCompacted(db).value();
    QCOMPARE(compacted.isValid(), db.isSqlite());
    if (db.isSqlite()) {
        QVERIFY(qAbs(compacted.secsTo(QDateTime::currentDateTime())) < 60);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).value().toString(),
                 QStringLiteral("ok"));
    }

    // Quitting again the same month: not due, no window, the date stays.
    DesktopController again(db);
    again.setCompactionThreshold(0);
    QSignalSpy finished(&again, &DesktopController::finished);
    again.start();
    auto* dialog = visibleTopLevel<QDialog>("signInDialog");
    QVERIFY(dialog);
    dialog->reject();
    QCOMPARE(finished.count(), 1); // at once
    QVERIFY(!visibleTopLevel("compactingDialog"));
    QCOMPARE(DatabaseCompaction::lastCompacted(db).value(), compacted);
}

QTEST_MAIN(TestGuiSignIn)
#include "tst_gui_signin.moc"
