// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "database/database.h"
#include "deskpractice.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "reception/bookingdialog.h"
#include "reception/cancelappointmentdialog.h"
#include "reception/schedulepage.h"
#include "reception/scheduleview.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

const QDate kDay = QDate::currentDate().addDays(1);

// Opens the booking dialog at a slot with Enter, as the desk does.
BookingDialog* openBookingAt(SchedulePage& page, PractitionerId practitioner, const QTime& time)
{
    page.view()->selectSlot(practitioner, time);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Return);
    auto* dialog = page.findChild<BookingDialog*>(QStringLiteral("bookingDialog"));
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void chooseClient(BookingDialog* dialog, const char* text)
{
    QTest::keyClicks(child<QLineEdit>(dialog, "bookingClientSearch"), QLatin1String(text));
}

std::vector<Appointment> dayOf(Database& db)
{
    return AppointmentRepository(db).day(kDay).value_or(std::vector<Appointment>{});
}

} // namespace

class TestGuiSchedule : public QObject
{
    Q_OBJECT

private slots:
    void keyboardNavigation();
    void bookMoveCancelNoShow();
    void overlapIsRefusedUnlessOverridden();
    void staleEditIsRefused();
};

void TestGuiSchedule::keyboardNavigation()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    SchedulePage page(db, p.desk);
    page.resize(1000, 700);
    page.show();
    QCOMPARE(page.day(), QDate::currentDate());
    QCOMPARE(page.view()->practitioners().size(), size_t(2));
    const PractitionerId first = page.view()->practitioners().front().id;
    const PractitionerId second = page.view()->practitioners().back().id;
    page.view()->selectSlot(second, QTime(9, 0));
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_PageDown);
    QCOMPARE(page.day(), QDate::currentDate().addDays(1));
    QTest::keyClick(page.view(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(page.day(), QDate::currentDate().addDays(2));
    QTest::keyClick(page.view(), Qt::Key_PageUp);
    QCOMPARE(page.day(), QDate::currentDate().addDays(1));
    QTest::keyClick(page.view(), Qt::Key_T);
    QCOMPARE(page.day(), QDate::currentDate());
    QTest::keyClick(page.view(), Qt::Key_Down);
    QTest::keyClick(page.view(), Qt::Key_Down);
    QCOMPARE(page.view()->selectedTime().time(), QTime(9, 30));
    QTest::keyClick(page.view(), Qt::Key_Left);
    QCOMPARE(page.view()->selectedPractitioner(), first);
    QTest::keyClick(page.view(), Qt::Key_Left); // stays in the first column
    QCOMPARE(page.view()->selectedPractitioner(), first);
    QTest::keyClick(page.view(), Qt::Key_Right);
    QCOMPARE(page.view()->selectedPractitioner(), second);
}

void TestGuiSchedule::bookMoveCancelNoShow()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    SchedulePage page(db, p.desk);
    page.resize(1000, 700);
    page.show();
    page.showDay(kDay);

    // Book Anna with Dr. Weber at 09:00.
    BookingDialog* dialog = openBookingAt(page, p.weber, QTime(9, 0));
    QVERIFY(dialog);
    QCOMPARE(child<QComboBox>(dialog, "bookingPractitioner")->currentText(),
             QStringLiteral("Dr. Weber"));
    chooseClient(dialog, "Adler");
    QVERIFY(child<QLabel>(dialog, "bookingClient")->text().contains(QStringLiteral("Anna Adler")));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "bookingNotes"), "first visit");
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    auto appointments = dayOf(db);
    QCOMPARE(appointments.size(), size_t(1));
    QCOMPARE(appointments[0].client, p.anna);
    QCOMPARE(appointments[0].practitioner, p.weber);
    QCOMPARE(appointments[0].startsAt, QDateTime(kDay, QTime(9, 0)));
    QCOMPARE(appointments[0].endsAt, QDateTime(kDay, QTime(9, 30)));
    QCOMPARE(appointments[0].notes, QStringLiteral("first visit"));
    QCOMPARE(appointments[0].createdBy, p.desk.user);
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 1);
    QCOMPARE(page.view()->appointments().size(), size_t(1));

    // Move it to Dr. Braun at 10:00.
    page.view()->selectSlot(p.weber, QTime(9, 15));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleMove"), Qt::LeftButton);
    dialog = page.findChild<BookingDialog*>();
    QVERIFY(dialog && dialog->isMove());
    auto* practitioner = child<QComboBox>(dialog, "bookingPractitioner");
    practitioner->setCurrentIndex(practitioner->findText(QStringLiteral("Dr. Braun")));
    child<QDateTimeEdit>(dialog, "bookingStart")->setDateTime(QDateTime(kDay, QTime(10, 0)));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    appointments = dayOf(db);
    QCOMPARE(appointments.size(), size_t(1));
    QCOMPARE(appointments[0].practitioner, p.braun);
    QCOMPARE(appointments[0].startsAt, QDateTime(kDay, QTime(10, 0)));
    QCOMPARE(appointments[0].endsAt, QDateTime(kDay, QTime(10, 30)));
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 2);

    // Book Ben at 11:00, then cancel with a reason.
    dialog = openBookingAt(page, p.braun, QTime(11, 0));
    QVERIFY(dialog);
    chooseClient(dialog, "Berg");
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    page.view()->selectSlot(p.braun, QTime(11, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleCancel"), Qt::LeftButton);
    auto* reason = page.findChild<CancelAppointmentDialog*>(QStringLiteral("cancelReasonDialog"));
    QVERIFY(reason);
    auto* reasons = child<QListWidget>(reason, "cancelReasonList");
    reasons->setCurrentRow(reasons->count() - 1); // Other: …
    QTest::keyClicks(child<QLineEdit>(reason, "cancelReasonOther"), "Client is ill");
    reason->accept();
    auto ben = AppointmentRepository(db).day(kDay, p.braun).value_or(std::vector<Appointment>{});
    QCOMPARE(ben.size(), size_t(2));
    QCOMPARE(ben[1].client, p.ben);
    QCOMPARE(ben[1].status, AppointmentStatus::Cancelled);
    QCOMPARE(ben[1].cancellationReason, QStringLiteral("Client is ill"));
    const auto benTimeline = TouchpointRepository(db).timeline(p.ben);
    QVERIFY(benTimeline && benTimeline->size() == 2);
    QCOMPARE(benTimeline->front().kind, QStringLiteral("cancellation"));
    QCOMPARE(benTimeline->front().outcome, QStringLiteral("Client is ill"));

    // The cancellation is faded, or hidden by the toggle.
    QCOMPARE(page.view()->appointments().size(), size_t(2));
    child<QCheckBox>(&page, "scheduleShowCancelled")->setChecked(false);
    QCOMPARE(page.view()->appointments().size(), size_t(1));

    // Anna did not come.
    page.view()->selectSlot(p.braun, QTime(10, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(appointments[0].id)->status, AppointmentStatus::NoShow);
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 3);
    QVERIFY(!child<QPushButton>(&page, "scheduleCancel")->isEnabled());
}

void TestGuiSchedule::overlapIsRefusedUnlessOverridden()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    SchedulePage page(db, p.desk);
    page.resize(1000, 700);
    page.show();
    page.showDay(kDay);

    BookingDialog* dialog = openBookingAt(page, p.weber, QTime(9, 0));
    QVERIFY(dialog);
    chooseClient(dialog, "Adler");
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());

    // Enter on a booked slot opens the appointment; Book… books over it.
    page.view()->selectSlot(p.weber, QTime(9, 15));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleBook"), Qt::LeftButton);
    dialog = page.findChild<BookingDialog*>();
    QVERIFY(dialog && !dialog->isMove());
    chooseClient(dialog, "Berg");
    auto* doubleBook = child<QCheckBox>(dialog, "bookingDoubleBook");
    QVERIFY(!doubleBook->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    const QString refusal = child<QLabel>(dialog, "bookingError")->text();
    QVERIFY2(refusal.contains(QStringLiteral("Anna Adler")), qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("09:00")), qPrintable(refusal));
    QCOMPARE(dayOf(db).size(), size_t(1));

    // The override needs a reason, and records it.
    QVERIFY(doubleBook->isEnabled());
    doubleBook->setChecked(true);
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dayOf(db).size(), size_t(1));
    QTest::keyClicks(child<QLineEdit>(dialog, "bookingDoubleBookReason"), "emergency");
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    const auto appointments = dayOf(db);
    QCOMPARE(appointments.size(), size_t(2));
    QCOMPARE(appointments[1].client, p.ben);
    QCOMPARE(appointments[1].doubleBookingReason, QStringLiteral("emergency"));
}

void TestGuiSchedule::staleEditIsRefused()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    Appointment draft;
    draft.client = p.anna;
    draft.practitioner = p.weber;
    draft.serviceType = p.checkUp;
    draft.startsAt = QDateTime(kDay, QTime(9, 0));
    const auto id = AppointmentRepository(db).book(draft, p.desk);
    QVERIFY(id);

    SchedulePage page(db, p.desk);
    page.resize(1000, 700);
    page.show();
    page.showDay(kDay);
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QCOMPARE(page.view()->selectedAppointment()->id, *id);

    // Another workstation confirms it meanwhile, through its own connection.
    auto other = Database::open(dbHolder->url());
    QVERIFY(other);
    {
        auto appointment = AppointmentRepository(**other).get(*id);
        QVERIFY(appointment);
        QVERIFY(AppointmentRepository(**other).confirm(*appointment, p.colleague));
    }
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QVERIFY2(page.message().contains(QStringLiteral("Olga Other")), qPrintable(page.message()));
    auto current = AppointmentRepository(db).get(*id);
    QCOMPARE(current->status, AppointmentStatus::Confirmed);
    QCOMPARE(current->updatedBy, p.colleague.user);
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(-1), 0);
    // The page reloaded: the next change works on what is there now.
    QCOMPARE(page.view()->selectedAppointment()->status, AppointmentStatus::Confirmed);

    // A move dialog that was open while the other workstation moved it saves nothing.
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleMove"), Qt::LeftButton);
    auto* dialog = page.findChild<BookingDialog*>();
    QVERIFY(dialog);
    {
        auto appointment = AppointmentRepository(**other).get(*id);
        QVERIFY(AppointmentRepository(**other).reschedule(
            *appointment, QDateTime(kDay, QTime(12, 0)), QDateTime(kDay, QTime(12, 30)), p.braun,
            p.colleague));
    }
    child<QDateTimeEdit>(dialog, "bookingStart")->setDateTime(QDateTime(kDay, QTime(15, 0)));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    QVERIFY2(page.message().contains(QStringLiteral("Olga Other")), qPrintable(page.message()));
    current = AppointmentRepository(db).get(*id);
    QCOMPARE(current->startsAt, QDateTime(kDay, QTime(12, 0)));
    QCOMPARE(current->practitioner, p.braun);
}

QTEST_MAIN(TestGuiSchedule)
#include "tst_gui_schedule.moc"
