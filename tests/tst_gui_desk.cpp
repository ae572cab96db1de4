// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "deskpractice.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "reception/bookingdialog.h"
#include "reception/invoicepage.h"
#include "reception/notrebookedpage.h"
#include "reception/pagedrowsmodel.h"
#include "reception/reminderspage.h"
#include "reception/schedulepage.h"
#include "reception/scheduleview.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <numeric>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

// A Monday after today, so every day of its week can be booked.
const QDate kMonday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek());

} // namespace

class TestGuiDesk : public QObject
{
    Q_OBJECT

private slots:
    void weekViewShowsTheWeek();
    void weekViewKeyboard();
    void dragMovesAndRefusesATakenSlot_data();
    void dragMovesAndRefusesATakenSlot();
    void staleDragIsRefused();
    void completeIssuePay();
    void remindersListAndMarkDone();
    void notRebookedListAndRecallCall();
    void pagedListFetchesMore();
};

void TestGuiDesk::weekViewShowsTheWeek()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(kMonday, QTime(9, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(kMonday.addDays(6), QTime(17, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(kMonday.addDays(7), QTime(9, 0))));
    QVERIFY(book(db, p, p.anna, p.braun, QDateTime(kMonday.addDays(-1), QTime(9, 0))));
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kMonday.addDays(2));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleWeekToggle"), Qt::LeftButton);
    QVERIFY(page.isWeek());
    QVERIFY(page.view()->isWeek());
    QCOMPARE(page.view()->appointments().size(), size_t(2));
    QVERIFY(!page.view()->slotRectFor(QDateTime(kMonday, QTime(9, 0)), p.weber).isEmpty());
    QVERIFY(
        !page.view()->slotRectFor(QDateTime(kMonday.addDays(6), QTime(17, 0)), p.braun).isEmpty());
    // The whole week fits the width of the desk's screen.
    QVERIFY2(page.view()->sizeHint().width() <= 1280 - 40,
             qPrintable(QString::number(page.view()->sizeHint().width())));
    page.view()->selectSlot(kMonday.addDays(6), p.braun, QTime(17, 0));
    QCOMPARE(page.view()->selectedAppointment()->client, p.ben);

    // One practitioner only.
    auto* filter = child<QComboBox>(&page, "schedulePractitioner");
    filter->setCurrentIndex(filter->findText(QStringLiteral("Dr. Weber")));
    QCOMPARE(page.view()->practitioners().size(), size_t(1));
    QCOMPARE(page.view()->appointments().size(), size_t(1));
    filter->setCurrentIndex(0);
    QCOMPARE(page.view()->appointments().size(), size_t(2));

    // Back to the day by keyboard: the day selected in the week.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page)); // shortcuts go to the active window
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!page.view()->isWeek());
    QCOMPARE(page.day(), kMonday.addDays(6));
    QCOMPARE(page.view()->appointments().size(), size_t(1));
}

void TestGuiDesk::weekViewKeyboard()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(kMonday.addDays(7), QTime(9, 0))));
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kMonday);
    page.setWeek(true);
    page.view()->setFocus();
    const PractitionerId first = page.view()->practitioners().front().id;
    page.view()->selectSlot(kMonday, first, QTime(9, 0));
    // Right walks through the practitioners of Monday, then into Tuesday.
    QTest::keyClick(page.view(), Qt::Key_Right);
    QCOMPARE(page.view()->date(), kMonday);
    QTest::keyClick(page.view(), Qt::Key_Right);
    QCOMPARE(page.view()->date(), kMonday.addDays(1));
    QCOMPARE(page.view()->selectedPractitioner(), first);
    QTest::keyClick(page.view(), Qt::Key_Down);
    QCOMPARE(page.view()->selectedTime(), QDateTime(kMonday.addDays(1), QTime(9, 15)));
    QTest::keyClick(page.view(), Qt::Key_PageDown);
    QCOMPARE(page.day(), kMonday.addDays(8));
    QCOMPARE(page.view()->appointments().size(), size_t(1));
    QTest::keyClick(page.view(), Qt::Key_PageUp);
    QCOMPARE(page.day(), kMonday.addDays(1));
    QCOMPARE(page.view()->appointments().size(), size_t(0));
    QTest::keyClick(page.view(), Qt::Key_Home);
    QCOMPARE(page.day(), QDate::currentDate());
    QVERIFY(page.view()->isWeek());
    QCOMPARE(page.view()->date(), QDate::currentDate());

    // Enter on a free slot of the week books there.
    page.showDay(kMonday.addDays(7));
    page.view()->selectSlot(kMonday.addDays(9), first, QTime(10, 0));
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Return);
    auto* dialog = page.findChild<BookingDialog*>(QStringLiteral("bookingDialog"));
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(child<QDateTimeEdit>(dialog, "bookingStart")->dateTime(),
             QDateTime(kMonday.addDays(9), QTime(10, 0)));
    dialog->reject();
}

void TestGuiDesk::dragMovesAndRefusesATakenSlot_data()
{
    QTest::addColumn<bool>("week");
    QTest::newRow("day") << false;
    QTest::newRow("week") << true;
}

void TestGuiDesk::dragMovesAndRefusesATakenSlot()
{
    QFETCH(bool, week);
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate day = kMonday.addDays(2);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(day, QTime(9, 0)));
    const auto ben = book(db, p, p.ben, p.braun, QDateTime(day, QTime(11, 0)));
    QVERIFY(anna && ben);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(day);
    page.setWeek(week);
    ScheduleView* view = page.view();

    // Anna to Dr. Braun at 10:00.
    drag(view, view->slotRectFor(QDateTime(day, QTime(9, 0)), p.weber),
         view->slotRectFor(QDateTime(day, QTime(10, 0)), p.braun));
    auto moved = AppointmentRepository(db).get(*anna);
    QVERIFY2(moved->practitioner == p.braun, qPrintable(page.message()));
    QCOMPARE(moved->startsAt, QDateTime(day, QTime(10, 0)));
    QCOMPARE(moved->endsAt, QDateTime(day, QTime(10, 30)));
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 2); // booked, moved

    // Onto Ben's time: refused, Ben named, nothing changed.
    drag(view, view->slotRectFor(QDateTime(day, QTime(10, 0)), p.braun),
         view->slotRectFor(QDateTime(day, QTime(10, 45)), p.braun));
    QVERIFY2(page.message().contains(QStringLiteral("Ben Berg")), qPrintable(page.message()));
    auto kept = AppointmentRepository(db).get(*anna);
    QCOMPARE(kept->startsAt, QDateTime(day, QTime(10, 0)));
    QCOMPARE(kept->rowVersion, moved->rowVersion);
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 2);
}

void TestGuiDesk::staleDragIsRefused()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate day = kMonday.addDays(1);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(day, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(day);
    auto other = Database::open(dbHolder->url());
    QVERIFY(other);
    {
        auto appointment = AppointmentRepository(**other).get(*anna);
        QVERIFY(AppointmentRepository(**other).confirm(*appointment, p.colleague));
    }
    drag(page.view(), page.view()->slotRectFor(QDateTime(day, QTime(9, 0)), p.weber),
         page.view()->slotRectFor(QDateTime(day, QTime(14, 0)), p.weber));
    QVERIFY2(page.message().contains(QStringLiteral("Olga Other")), qPrintable(page.message()));
    auto current = AppointmentRepository(db).get(*anna);
    QCOMPARE(current->startsAt, QDateTime(day, QTime(9, 0)));
    QCOMPARE(current->status, AppointmentStatus::Confirmed);
}

void TestGuiDesk::completeIssuePay()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate day = kMonday;
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(day, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage schedule(db, p.desk);
    schedule.resize(1280, 760);
    schedule.show();
    schedule.showDay(day);
    schedule.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&schedule, "scheduleComplete"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::Completed);

    InvoicePage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    QCOMPARE(page.list()->model()->rowCount(), 1);
    QVERIFY(page.invoice());
    QCOMPARE(page.invoice()->status, InvoiceStatus::Draft);
    QCOMPARE(page.invoice()->totalCents, qint64(6000));

    // Two of them: the total follows the line.
    auto* lines = child<QTableWidget>(&page, "invoiceLines");
    QCOMPARE(lines->rowCount(), 1);
    lines->item(0, 1)->setText(QStringLiteral("2"));
    QCOMPARE(page.invoice()->totalCents, qint64(12000));
    QVERIFY(
        child<QLabel>(&page, "invoiceBalance")->text().contains(QLocale().toString(120.0, 'f', 2)));
    // A quantity of nothing is refused and changes nothing.
    lines = child<QTableWidget>(&page, "invoiceLines");
    lines->item(0, 1)->setText(QStringLiteral("0"));
    QVERIFY2(!page.message().isEmpty(), "no refusal shown");
    QCOMPARE(InvoiceRepository(db).get(page.invoice()->id)->totalCents, qint64(12000));

    QTest::mouseClick(child<QPushButton>(&page, "invoiceIssue"), Qt::LeftButton);
    QCOMPARE(page.invoice()->status, InvoiceStatus::Issued);
    QCOMPARE(page.invoice()->dueAt.date(), QDate::currentDate().addDays(14));
    QCOMPARE(page.list()->model()->rowCount(), 1); // now among the issued

    // A part now, the rest later.
    child<QDoubleSpinBox>(&page, "invoicePaymentAmount")->setValue(50.0);
    QTest::mouseClick(child<QPushButton>(&page, "invoiceRecordPayment"), Qt::LeftButton);
    QCOMPARE(page.invoice()->balanceCents(), qint64(7000));
    QCOMPARE(page.invoice()->status, InvoiceStatus::Issued);
    QCOMPARE(child<QDoubleSpinBox>(&page, "invoicePaymentAmount")->value(), 70.0);
    QTest::mouseClick(child<QPushButton>(&page, "invoiceRecordPayment"), Qt::LeftButton);
    QCOMPARE(page.invoice()->balanceCents(), qint64(0));
    QCOMPARE(page.invoice()->status, InvoiceStatus::Paid);
    QCOMPARE(InvoiceRepository(db).balance(p.anna).value_or(-1), qint64(0));
    QCOMPARE(page.invoice()->payments.size(), size_t(2));
}

void TestGuiDesk::remindersListAndMarkDone()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    {
        auto client = ClientRepository(db).get(p.anna);
        client->phone = PhoneNumber::parse(QStringLiteral("+49 30 1234567"));
        client->preferredChannel = ContactChannel::Phone;
        QVERIFY(ClientRepository(db).update(*client, p.desk));
        Consent consent;
        consent.client = p.anna;
        consent.purpose = ConsentPurpose::Reminders;
        consent.channel = ConsentChannel::Phone;
        consent.granted = true;
        QVERIFY(ClientRepository(db).recordConsent(consent, p.desk));
    }
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(tomorrow, QTime(9, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(tomorrow, QTime(10, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(tomorrow.addDays(1), QTime(10, 0))));
    RemindersPage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    QAbstractItemModel* model = page.list()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Anna Adler"));
    QCOMPARE(model->index(0, 4).data().toString(), QStringLiteral("+49 30 1234567"));
    QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Ben Berg"));
    QVERIFY(model->index(1, 3).data().toString().startsWith(QStringLiteral("no")));

    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page)); // shortcuts go to the active window
    page.list()->setFocus();
    page.list()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(page.list(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Ben Berg"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'reminder' "
                                      "AND client_id = ? AND channel = 'phone'"),
                       {p.anna.toVariant()})
                 ->toLongLong(),
             1);
}

void TestGuiDesk::notRebookedListAndRecallCall()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    {
        auto service = ServiceTypeRepository(db).serviceType(p.checkUp);
        service->rebookAfterWeeks = 4;
        QVERIFY(ServiceTypeRepository(db).updateServiceType(*service, Actor::system()));
    }
    const QDate today = QDate::currentDate();
    Appointment visit;
    visit.practitioner = p.weber;
    visit.serviceType = p.checkUp;
    visit.status = AppointmentStatus::Completed;
    visit.client = p.anna;
    visit.startsAt = QDateTime(today.addDays(-29), QTime(9, 0)); // 4 weeks + 1 day
    QVERIFY(AppointmentRepository(db).book(visit, p.desk));
    visit.client = p.ben;
    visit.startsAt = QDateTime(today.addDays(-28), QTime(9, 0)); // exactly 4 weeks
    QVERIFY(AppointmentRepository(db).book(visit, p.desk));

    NotRebookedPage page(db, p.desk);
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1280, 760);
    page.show();
    QAbstractItemModel* model = page.list()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Anna Adler"));
    QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("Check-up"));
    QVERIFY(model->index(0, 5).data().toString().isEmpty());

    QDialog* opened = nullptr;
    connect(&page, &NotRebookedPage::dialogOpened, this, [&](QDialog* d) { opened = d; });
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.list()->setFocus();
    QTest::keyClick(page.list(), Qt::Key_Return); // Enter on the client asks how it went
    auto* dialog = qobject_cast<QInputDialog*>(opened);
    QVERIFY(dialog);
    dialog->setTextValue(QStringLiteral("No answer"));
    dialog->accept();
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = "
                                      "'recall_call' AND client_id = ?"),
                       {p.anna.toVariant()})
                 ->toLongLong(),
             1);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!model->index(0, 5).data().toString().isEmpty());
    QVERIFY2(page.message().contains(QStringLiteral("Anna Adler")), qPrintable(page.message()));
}

void TestGuiDesk::pagedListFetchesMore()
{
    std::vector<int> all(120);
    std::iota(all.begin(), all.end(), 1);
    PagedRowsModel<int> model({QStringLiteral("n")}, [](const int& row, int, int role) -> QVariant {
        return role == Qt::DisplayRole ? QVariant(row) : QVariant();
    });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int fetches = 0;
    const auto fetch = [&](int limit, int offset) -> Result<std::vector<int>> {
        ++fetches;
        const int end = std::min<int>(int(all.size()), offset + limit);
        return std::vector<int>(all.begin() + std::min(offset, end), all.begin() + end);
    };
    QVERIFY(model.reload(fetch));
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 100);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(119, 0).data().toInt(), 120);
    QCOMPARE(fetches, 3);
    all.resize(10); // a reload starts again from the first page
    QVERIFY(model.reload(fetch));
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_MAIN(TestGuiDesk)
#include "tst_gui_desk.moc"
