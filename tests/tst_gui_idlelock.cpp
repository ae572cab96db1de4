// backends: sqlite postgresql
// gui
#include "admin/adduserdialog.h"
#include "auth/actor.h"
#include "lockscreen.h"
#include "mainwindow.h"
#include "reception/clientfinder.h"
#include "reception/clientmatchmodel.h"
#include "reception/clientpanel.h"
#include "repositories/clientrepository.h"
#include "repositories/userrepository.h"
#include "signin/session.h"
#include "testdatabase.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

namespace {

// QTest::keyClicks() only knows ASCII; a receptionist types umlauts.
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key(c.toUpper().unicode()), QString(c),
                                Qt::NoModifier);
    }
}

const QString kPassword = QStringLiteral("locked out 2026");
// 'lock.idle_minutes' takes fractions: 0.01 minutes are 600 ms.
const char* const kShortIdle = "0.01";

void prepare(Database& db, Role role)
{
    QVERIFY(
        db.run(QStringLiteral(
                   "INSERT INTO practice_settings (key, value) VALUES ('lock.idle_minutes', ?)"),
               {QString::fromLatin1(kShortIdle)}));
    QVERIFY(UserRepository(db).create(Actor::system(), QStringLiteral("desk"),
                                      QStringLiteral("Front Desk"), role, kPassword));
    Client c;
    c.firstName = QStringLiteral("Anna");
    c.lastName = QStringLiteral("Müller");
    c.email = Email::parse(QStringLiteral("anna@example.org"));
    QVERIFY(ClientRepository(db).create(c, Actor::system()));
}

} // namespace

class TestGuiIdleLock : public QObject
{
    Q_OBJECT

private slots:
    void settingIsRead();
    void inputKeepsItOpen();
    void locksAndRestoresTheExactState();
    void lockHidesAndRestoresDialogs();
    void switchUserSignsOut();
};

void TestGuiIdleLock::settingIsRead()
{
    AFTERCARE_FRESH_DATABASE(db);
    Session session(db);
    QCOMPARE(session.idleLockAfter().value(),
             std::chrono::milliseconds(5 * 60'000)); // unset: 5 minutes
    QVERIFY(db.run(QStringLiteral(
        "INSERT INTO practice_settings (key, value) VALUES ('lock.idle_minutes', '12')")));
    QCOMPARE(session.idleLockAfter().value(), std::chrono::milliseconds(12 * 60'000));
    QVERIFY(db.run(QStringLiteral(
        "UPDATE practice_settings SET value = 'soon' WHERE key = 'lock.idle_minutes'")));
    QCOMPARE(session.idleLockAfter().value(), std::chrono::milliseconds(5 * 60'000));
}

void TestGuiIdleLock::inputKeepsItOpen()
{
    AFTERCARE_FRESH_DATABASE(db);
    prepare(db, Role::Reception);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showWorkspace(QStringLiteral("reception"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"));
    search->setFocus();
    // Typing every 200 ms for three times the idle time: never locked.
    for (int i = 0; i < 9; ++i) {
        QTest::keyClick(search, Qt::Key_A);
        QTest::qWait(200);
        QVERIFY2(!window.isLocked(), qPrintable(QString::number(i)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
}

void TestGuiIdleLock::locksAndRestoresTheExactState()
{
    AFTERCARE_FRESH_DATABASE(db);
    prepare(db, Role::Reception);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"));
    auto* finder = window.findChild<ClientFinder*>(QStringLiteral("clientFinder"));
    auto* panel = window.findChild<ClientPanel*>(QStringLiteral("clientPanel"));
    auto* lockScreen = window.findChild<LockScreen*>(QStringLiteral("lockScreen"));
    QVERIFY(search && finder && panel && lockScreen);
    typeText(search, QStringLiteral("mül"));
    QTRY_COMPARE(finder->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(panel->isVisible());
    search->setFocus(); // where the receptionist was when they walked away
    QCOMPARE(QApplication::focusWidget(), search);

    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
    // Nothing of the client is visible; only the lock.
    QVERIFY(lockScreen->isVisible());
    QVERIFY(!finder->isVisible());
    QVERIFY(!panel->isVisible());
    QCOMPARE(lockScreen->findChild<QLabel*>(QStringLiteral("lockHeading"))->text(),
             QStringLiteral("Locked — sign in to continue"));
    QCOMPARE(lockScreen->findChild<QLineEdit*>(QStringLiteral("userNameEdit"))->text(),
             QStringLiteral("desk"));
    QVERIFY(!window.menuBar()->isEnabled());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier); // no way around the lock
    QVERIFY(!finder->isVisible());
    QCOMPARE(window.windowTitle().contains(QLatin1String("Müller")), false);

    auto* password = lockScreen->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* unlock = lockScreen->findChild<QPushButton*>(QStringLiteral("unlockButton"));
    auto* error = lockScreen->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QCOMPARE(QApplication::focusWidget(), password);
    QTest::keyClicks(password, QStringLiteral("wrong"));
    QTest::mouseClick(unlock, Qt::LeftButton);
    QVERIFY(window.isLocked());
    QVERIFY(error->isVisible());
    QVERIFY(!finder->isVisible());

    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window.isLocked());
    QVERIFY(!lockScreen->isVisible());
    QVERIFY(finder->isVisible());
    QVERIFY(panel->isVisible());
    QCOMPARE(search->text(), QStringLiteral("mül"));
    QCOMPARE(finder->model()->rowCount(), 1);
    QCOMPARE(panel->findChild<QLabel*>(QStringLiteral("clientNameLabel"))->text(),
             QStringLiteral("Anna Müller"));
    QCOMPARE(QApplication::focusWidget(), search);
    QVERIFY(window.menuBar()->isEnabled());

    // And the watch goes on.
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 3000);
}

void TestGuiIdleLock::lockHidesAndRestoresDialogs()
{
    AFTERCARE_FRESH_DATABASE(db);
    prepare(db, Role::Admin);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.showWorkspace(QStringLiteral("administration")));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("addUserButton")),
                      Qt::LeftButton);
    auto* dialog = window.findChild<AddUserDialog*>(QStringLiteral("addUserDialog"));
    QVERIFY(dialog && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit")),
                     QStringLiteral("newcomer"));

    window.lock();
    QVERIFY(window.isLocked());
    QVERIFY(!dialog->isVisible());
    auto* password =
        window.findChild<LockScreen*>()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window.isLocked());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit"))->text(),
             QStringLiteral("newcomer"));
}

void TestGuiIdleLock::switchUserSignsOut()
{
    AFTERCARE_FRESH_DATABASE(db);
    prepare(db, Role::Reception);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy signOut(&window, &MainWindow::signOutRequested);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier); // lock at once
    QVERIFY(window.isLocked());
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("switchUserButton")),
                      Qt::LeftButton);
    QCOMPARE(signOut.count(), 1);
}

QTEST_MAIN(TestGuiIdleLock)
#include "tst_gui_idlelock.moc"
