// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "desk/remindersdue.h"
#include "deskpractice.h"
#include "reception/reminderspage.h"
#include "repositories/clientrepository.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

enum Column
{
    TimeColumn,
    ClientColumn,
    ChannelColumn,
    ConsentColumn,
    PhoneColumn,
    WhyColumn
};

std::optional<ConsentId> consent(Database& db, const Practice& p, ClientId client, bool granted)
{
    Consent c;
    c.client = client;
    c.purpose = ConsentPurpose::Reminders;
    c.channel = ConsentChannel::Any;
    c.granted = granted;
    auto id = ClientRepository(db).recordConsent(c, p.desk);
    return id ? std::optional(*id) : std::nullopt;
}

qint64 reminders(Database& db, ClientId client)
{
    return db
        .scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'reminder' "
                               "AND client_id = ?"),
                {client.toVariant()})
        .value_or(QVariant())
        .toLongLong();
}

int rowOf(QAbstractItemModel* model, const QString& name)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ClientColumn).data().toString() == name)
            return r;
    return -1;
}

} // namespace

class TestGuiReminders : public QObject
{
    Q_OBJECT

private slots:
    void listSaysWhyAndTheConsent();
    void markingDoneWithoutConsentAsksFirst();
    void coreRefusesWithoutConsent();
};

void TestGuiReminders::listSaysWhyAndTheConsent()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const ClientId carla = addClient(db, QStringLiteral("Carla"), QStringLiteral("Clausen"));
    const ClientId dora = addClient(db, QStringLiteral("Dora"), QStringLiteral("Dietz"));
    QVERIFY(consent(db, p, p.anna, true));
    QVERIFY(consent(db, p, carla, false));
    const auto doras = consent(db, p, dora, true);
    QVERIFY(doras);
    QVERIFY(ClientRepository(db).withdrawConsent(*doras, p.desk));
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(tomorrow, QTime(9, 30))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(tomorrow, QTime(10, 0))));
    QVERIFY(book(db, p, carla, p.weber, QDateTime(tomorrow, QTime(11, 0))));
    QVERIFY(book(db, p, dora, p.braun, QDateTime(tomorrow, QTime(12, 0))));

    RemindersPage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    QAbstractItemModel* model = page.list()->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->index(0, ClientColumn).data().toString(), QStringLiteral("Anna Adler"));
    QCOMPARE(model->index(0, WhyColumn).data().toString(),
             QStringLiteral("Appointment tomorrow at 09:30 with Dr. Weber, Check-up"));
    QCOMPARE(model->index(0, ConsentColumn).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model->index(1, ConsentColumn).data().toString(), QStringLiteral("no – never asked"));
    QVERIFY2(model->index(2, ConsentColumn)
                 .data()
                 .toString()
                 .startsWith(QStringLiteral("no – declined ")),
             qPrintable(model->index(2, ConsentColumn).data().toString()));
    QVERIFY2(model->index(3, ConsentColumn)
                 .data()
                 .toString()
                 .startsWith(QStringLiteral("no – withdrawn ")),
             qPrintable(model->index(3, ConsentColumn).data().toString()));
    // Another day names its date.
    ReminderDue later;
    later.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(8, 15));
    later.practitionerName = QStringLiteral("Dr. Weber");
    later.serviceName = QStringLiteral("Check-up");
    const QString reason = RemindersPage::reasonText(later, QDate::currentDate());
    QVERIFY2(reason.startsWith(QStringLiteral("Appointment on ")) &&
                 reason.contains(QStringLiteral("08:15")),
             qPrintable(reason));
}

// Ben never agreed to reminders: Ctrl+D asks first, Cancel records nothing, "Record
// anyway" records it with a note. Anna agreed: no question.
void TestGuiReminders::markingDoneWithoutConsentAsksFirst()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    QVERIFY(consent(db, p, p.anna, true));
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(tomorrow, QTime(9, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(tomorrow, QTime(10, 0))));

    RemindersPage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QAbstractItemModel* model = page.list()->model();
    QCOMPARE(model->rowCount(), 2);

    page.list()->setFocus();
    page.list()->setCurrentIndex(model->index(rowOf(model, QStringLiteral("Ben Berg")), 0));
    QTest::keyClick(page.list(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(reminders(db, p.ben), 0); // not before the question is answered
    auto* question = page.findChild<QMessageBox*>(QStringLiteral("remindersConsentQuestion"));
    QVERIFY2(question, "no question asked");
    QVERIFY(question->isVisible());
    QVERIFY(question->text().contains(QStringLiteral("Ben Berg")));
    QCOMPARE(question->defaultButton()->objectName(), QStringLiteral("remindersConsentCancel"));
    question->defaultButton()->click();
    QCOMPARE(reminders(db, p.ben), 0);
    QCOMPARE(model->rowCount(), 2);
    QTRY_VERIFY(!page.findChild<QMessageBox*>(QStringLiteral("remindersConsentQuestion")));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.list()->setFocus();

    page.list()->setCurrentIndex(model->index(rowOf(model, QStringLiteral("Ben Berg")), 0));
    QTest::keyClick(page.list(), Qt::Key_D, Qt::ControlModifier);
    question = page.findChild<QMessageBox*>(QStringLiteral("remindersConsentQuestion"));
    QVERIFY(question);
    question->findChild<QPushButton*>(QStringLiteral("remindersConsentRemindAnyway"))->click();
    QCOMPARE(reminders(db, p.ben), 1);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!db.scalar(QStringLiteral("SELECT notes FROM touchpoints WHERE kind = 'reminder' AND "
                                      "client_id = ?"),
                       {p.ben.toVariant()})
                 ->toString()
                 .isEmpty());
    QTRY_VERIFY(!page.findChild<QMessageBox*>(QStringLiteral("remindersConsentQuestion")));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.list()->setFocus();

    // Anna said yes: done at once.
    page.list()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(page.list(), Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!page.findChild<QMessageBox*>(QStringLiteral("remindersConsentQuestion")));
    QCOMPARE(reminders(db, p.anna), 1);
    QCOMPARE(model->rowCount(), 0);
}

void TestGuiReminders::coreRefusesWithoutConsent()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const auto granted = consent(db, p, p.ben, true);
    QVERIFY(granted);
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(tomorrow, QTime(10, 0))));
    auto due = RemindersDue(db).list(tomorrow);
    QVERIFY(due && due->size() == 1);
    QVERIFY(due->front().consented);
    // Ben withdraws after the list was read: the list's "yes" no longer counts.
    QVERIFY(ClientRepository(db).withdrawConsent(*granted, p.desk));
    auto refused = RemindersDue(db).markDone(due->front(), Channel::Email, p.desk);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Validation);
    QCOMPARE(reminders(db, p.ben), 0);
    QCOMPARE(RemindersDue(db).list(tomorrow)->size(), size_t(1));
    QVERIFY(RemindersDue(db).markDone(due->front(), Channel::Email, p.desk, {},
                                      RemindersDue::WithoutConsent::RemindAnyway));
    QCOMPARE(reminders(db, p.ben), 1);
}

QTEST_MAIN(TestGuiReminders)
#include "tst_gui_reminders.moc"
