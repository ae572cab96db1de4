// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "database/sqltime.h"
#include "mainwindow.h"
#include "reception/clientfinder.h"
#include "reception/clientmatchmodel.h"
#include "reception/clientpanel.h"
#include "reception/receptionworkspace.h"
#include "repositories/clientrepository.h"
#include "repositories/userrepository.h"
#include "signin/session.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

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

const QString kPassword = QStringLiteral("front counter 2026");

ClientId addClient(Database& db, const QString& first, const QString& last, const QDate& born,
                   const QString& phone, const QString& externalId = {})
{
    Client c;
    c.externalId = externalId;
    c.firstName = first;
    c.lastName = last;
    c.dateOfBirth = born;
    c.phone = PhoneNumber::parse(phone);
    c.email = Email::parse(first.toLower() + QStringLiteral("@example.org"));
    c.address = QStringLiteral("Hauptstraße 1, 10115 Berlin");
    auto id = ClientRepository(db).create(c, Actor::system());
    return id ? *id : ClientId();
}

// A practice with two Müllers, one of them booked with Dr. Weber next week, and consents.
struct Practice
{
    ClientId anna;
    ClientId mark;
};

Practice seed(Database& db)
{
    Practice p;
    p.anna = addClient(db, QStringLiteral("Anna"), QStringLiteral("Müller"), QDate(1985, 3, 12),
                       QStringLiteral("+49 171 2345678"), QStringLiteral("K-100"));
    p.mark = addClient(db, QStringLiteral("Mark"), QStringLiteral("Müllerson"), QDate(1979, 5, 5),
                       QStringLiteral("0171 9876543"), QStringLiteral("K-200"));
    addClient(db, QStringLiteral("Jürgen"), QStringLiteral("Groß"), QDate(1970, 1, 1),
              QStringLiteral("030 1234567"));
    ClientRepository clients(db);
    Consent reminders{ConsentId(),
                      p.anna,
                      ConsentPurpose::Reminders,
                      ConsentChannel::Sms,
                      true,
                      QStringLiteral("signed intake form"),
                      UserId(),
                      {},
                      {},
                      UserId()};
    Consent newsletter{ConsentId(),
                       p.anna,
                       ConsentPurpose::Marketing,
                       ConsentChannel::Email,
                       false,
                       QString(),
                       UserId(),
                       {},
                       {},
                       UserId()};
    clients.recordConsent(reminders, Actor::system());
    clients.recordConsent(newsletter, Actor::system());

    auto practitioner = db.run(
        QStringLiteral("INSERT INTO practitioners (name) VALUES ('Dr. Weber') RETURNING id"));
    auto service = db.run(QStringLiteral(
        "INSERT INTO service_types (name, duration_minutes) VALUES ('Check-up', 30) RETURNING id"));
    if (practitioner && practitioner->next() && service && service->next()) {
        const QDateTime start(QDate::currentDate().addDays(7), QTime(9, 30));
        db.run(
            QStringLiteral(
                "INSERT INTO appointments (client_id, practitioner_id, service_type_id, starts_at, "
                "ends_at, status, created_at) VALUES (?, ?, ?, ?, ?, 'booked', ?)"),
            {p.anna.toVariant(), practitioner->value(0), service->value(0), SqlTime::toSql(start),
             SqlTime::toSql(start.addSecs(1800)), SqlTime::toSql(QDateTime::currentDateTime())});
    }
    return p;
}

} // namespace

class TestGuiFinder : public QObject
{
    Q_OBJECT

private slots:
    void modelIsLazyAndSound();
    void typeFindOpenAndClose();
    void dateOfBirthAndPhoneAsTyped();
    void ctrlFFromAnotherWorkspace();
};

void TestGuiFinder::modelIsLazyAndSound()
{
    AFTERCARE_FRESH_DATABASE(db);
    for (int i = 0; i < 45; ++i)
        QVERIFY(addClient(db, QStringLiteral("Client%1").arg(i, 2, 10, QLatin1Char('0')),
                          QStringLiteral("Meyer"), QDate(1990, 1, 1).addDays(i), QString())
                    .isValid());
    // Lazy: a page at a time, only when asked.
    ClientMatchModel model(db);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.search(QStringLiteral("meyer")));
    QCOMPARE(model.rowCount(), ClientMatchModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * ClientMatchModel::kPageSize);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 45);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.data(model.index(0, ClientMatchModel::NameColumn)).toString(),
             QStringLiteral("Meyer, Client00"));
    QCOMPARE(model.data(model.index(44, ClientMatchModel::NameColumn)).toString(),
             QStringLiteral("Meyer, Client44"));

    // Sound: the same life under QAbstractItemModelTester (which fetches more on its own).
    ClientMatchModel tested(db);
    QAbstractItemModelTester tester(&tested,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(tested.search(QStringLiteral("meyer")));
    while (tested.canFetchMore({}))
        tested.fetchMore({});
    QCOMPARE(tested.rowCount(), 45);
    QVERIFY(tested.search(QStringLiteral("nobody")));
    QCOMPARE(tested.rowCount(), 0);
    QVERIFY(!tested.canFetchMore({}));
    QVERIFY(tested.search(QStringLiteral("12.03.")));
    QCOMPARE(tested.searchText().kind, SearchText::Kind::PartialDate);
    QCOMPARE(tested.rowCount(), 0);
    QVERIFY(tested.search(QStringLiteral("Client")));
    QCOMPARE(tested.rowCount(), ClientMatchModel::kPageSize);
}

void TestGuiFinder::typeFindOpenAndClose()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice practice = seed(db);
    QVERIFY(UserRepository(db).create(Actor::system(), QStringLiteral("desk"),
                                      QStringLiteral("Front Desk"), Role::Reception, kPassword));
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("today"));

    // Ctrl+K from the Today page lands in the search field of the reception.
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("reception"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"));
    auto* results = window.findChild<QTableView*>(QStringLiteral("clientResultsView"));
    auto* panel = window.findChild<ClientPanel*>(QStringLiteral("clientPanel"));
    QVERIFY(search && results && panel);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    auto* model = qobject_cast<ClientMatchModel*>(results->model());
    QVERIFY(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    typeText(search, QStringLiteral("müller"));
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(model->data(model->index(0, ClientMatchModel::NameColumn)).toString(),
             QStringLiteral("Müller, Anna"));
    QVERIFY(!model->data(model->index(0, ClientMatchModel::NextAppointmentColumn))
                 .toString()
                 .isEmpty());
    QCOMPARE(model->data(model->index(0, ClientMatchModel::PractitionerColumn)).toString(),
             QStringLiteral("Dr. Weber"));
    QVERIFY(
        model->data(model->index(1, ClientMatchModel::NextAppointmentColumn)).toString().isEmpty());
    QVERIFY(!panel->isVisible());

    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->client(), practice.anna);
    QCOMPARE(panel->findChild<QLabel*>(QStringLiteral("clientNameLabel"))->text(),
             QStringLiteral("Anna Müller"));
    QCOMPARE(panel->findChild<QLabel*>(QStringLiteral("clientPhoneLabel"))->text(),
             QStringLiteral("+49 171 2345678"));
    QCOMPARE(panel->findChild<QLabel*>(QStringLiteral("clientEmailLabel"))->text(),
             QStringLiteral("anna@example.org"));
    auto* consents = panel->findChild<QTreeWidget*>(QStringLiteral("consentList"));
    QVERIFY(consents && consents->isVisible());
    QCOMPARE(consents->topLevelItemCount(), 2);

    // Esc goes back to the search, ready for the next client; Down and Enter open the second.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!panel->isVisible());
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClick(search, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), results);
    QTest::keyClick(results, Qt::Key_Down);
    QTest::keyClick(results, Qt::Key_Return);
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->client(), practice.mark);
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("noConsentsLabel"))->isVisible());

    // A double-click opens too.
    const QRect firstRow = results->visualRect(model->index(0, 0));
    // What a real double-click delivers (QTest::mouseDClick alone sends only the second half).
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, firstRow.center());
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, firstRow.center());
    QTest::mouseRelease(results->viewport(), Qt::LeftButton, {}, firstRow.center());
    QCOMPARE(panel->client(), practice.anna);
}

void TestGuiFinder::dateOfBirthAndPhoneAsTyped()
{
    AFTERCARE_FRESH_DATABASE(db);
    seed(db);
    ClientFinder finder(db);
    finder.show();
    auto* search = finder.findChild<QLineEdit*>(QStringLiteral("clientSearchEdit"));
    auto* summary = finder.findChild<QLabel*>(QStringLiteral("searchSummaryLabel"));
    ClientMatchModel* model = finder.model();

    const QStringList dates{"12.03.1985", "1985-03-12", "12/03/1985"};
    for (const QString& date : dates) {
        search->clear();
        QTest::keyClicks(search, date);
        finder.searchNow();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->data(model->index(0, ClientMatchModel::ExternalIdColumn)).toString(),
                 QStringLiteral("K-100"));
    }
    search->clear();
    QTest::keyClicks(search, QStringLiteral("12.03."));
    finder.searchNow();
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(summary->text().contains(QLatin1String("12.03.1985")));

    search->clear();
    QTest::keyClicks(search, QStringLiteral("0171-234 5"));
    finder.searchNow();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->data(model->index(0, ClientMatchModel::ExternalIdColumn)).toString(),
             QStringLiteral("K-100"));

    // Typing pauses before searching; the search then runs on its own.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("gro"));
    QVERIFY(model->searchText().lowerKey != QLatin1String("gro")); // not yet: the pause is running
    QTRY_COMPARE(model->searchText().lowerKey, QStringLiteral("gro"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->data(model->index(0, ClientMatchModel::NameColumn)).toString(),
             QStringLiteral("Groß, Jürgen"));
}

void TestGuiFinder::ctrlFFromAnotherWorkspace()
{
    AFTERCARE_FRESH_DATABASE(db);
    seed(db);
    QVERIFY(UserRepository(db).createFirstAdmin(QStringLiteral("admin"), QStringLiteral("Admin"),
                                                kPassword));
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("admin"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.showWorkspace(QStringLiteral("administration")));
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("reception"));
    QCOMPARE(QApplication::focusWidget(),
             window.findChild<QLineEdit*>(QStringLiteral("clientSearchEdit")));
}

QTEST_MAIN(TestGuiFinder)
#include "tst_gui_finder.moc"
