// backends: sqlite postgresql
// gui
#include "auth/actor.h"
#include "common/vocabularytext.h"
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "deskpractice.h"
#include "reception/bookingdialog.h"
#include "reception/cancelappointmentdialog.h"
#include "reception/clientprofile.h"
#include "reception/notrebookedpage.h"
#include "reception/schedulepage.h"
#include "reception/scheduleview.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeWidget>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

// A weekday after today, so the whole day can be booked and moved.
const QDate kDay = [] {
    QDate day = QDate::currentDate().addDays(1);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    return day;
}();

bool hasSeconds(const QString& text)
{
    return text.contains(QRegularExpression(QStringLiteral("\\d:\\d\\d:\\d\\d")));
}

} // namespace

class TestGuiDiary : public QObject
{
    Q_OBJECT

private slots:
    void eveningBookingIsShownMovedAndCancelled();
    void cancelNeedsAReason();
    void noShowCanBeUndone();
    void dragMoveCanBeUndone();
    void undoIsRefusedWhenChangedElsewhere();
    void completeCanBeUndone();
    void profileOpensMovesCancelsAndBooks();
    void notRebookedListBooks();
    void dayListPrints();
    void weekShowsEveryPractitionerReadably();
    void legendAndCurrentTime();
};

void TestGuiDiary::eveningBookingIsShownMovedAndCancelled()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    QVERIFY(!child<QLabel>(&page, "scheduleOutsideHours")->isVisible());

    // Booked through the dialog at 21:30, well after the usual hours.
    QTest::mouseClick(child<QPushButton>(&page, "scheduleBook"), Qt::LeftButton);
    auto* dialog = page.findChild<BookingDialog*>();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "bookingClientSearch"), "Adler");
    auto* practitioner = child<QComboBox>(dialog, "bookingPractitioner");
    practitioner->setCurrentIndex(practitioner->findText(QStringLiteral("Dr. Weber")));
    child<QDateTimeEdit>(dialog, "bookingStart")->setDateTime(QDateTime(kDay, QTime(21, 30)));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    const auto booked = AppointmentRepository(db).day(kDay).value();
    QCOMPARE(booked.size(), size_t(1));
    QCOMPARE(booked[0].startsAt, QDateTime(kDay, QTime(21, 30)));

    // The diary shows it: inside the grid, selectable, and says the day runs late.
    ScheduleView* view = page.view();
    QCOMPARE(view->appointments().size(), size_t(1));
    const QRect slot = view->slotRectFor(QDateTime(kDay, QTime(21, 30)), p.weber);
    QVERIFY2(!slot.isEmpty() && view->rect().contains(slot),
             qPrintable(QStringLiteral("slot %1,%2 in a view of height %3")
                            .arg(slot.x())
                            .arg(slot.y())
                            .arg(view->height())));
    QVERIFY(view->lastHour() >= 22);
    QCOMPARE(view->firstHour(), ScheduleView::kUsualFirstHour);
    view->selectSlot(p.weber, QTime(21, 30));
    QVERIFY(view->selectedAppointment());
    QCOMPARE(view->selectedAppointment()->id, booked[0].id);
    auto* outside = child<QLabel>(&page, "scheduleOutsideHours");
    QVERIFY(outside->isVisible());
    QVERIFY2(outside->text().contains(QStringLiteral("22:00")), qPrintable(outside->text()));

    // Moved with the mouse to 21:45, still out of hours: still in view.
    drag(view, view->slotRectFor(QDateTime(kDay, QTime(21, 30)), p.weber),
         view->slotRectFor(QDateTime(kDay, QTime(21, 45)), p.weber));
    QCOMPARE(AppointmentRepository(db).get(booked[0].id)->startsAt, QDateTime(kDay, QTime(21, 45)));
    QVERIFY2(!hasSeconds(page.message()), qPrintable(page.message()));
    QVERIFY(view->lastHour() >= 23); // 21:45 + 30 minutes ends at 22:15
    QTRY_VERIFY(view->rect().contains(view->slotRectFor(QDateTime(kDay, QTime(22, 0)), p.weber)));

    // Cancelled from the diary, with a reason.
    view->selectSlot(p.weber, QTime(21, 45));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleCancel"), Qt::LeftButton);
    auto* cancel = page.findChild<CancelAppointmentDialog*>(QStringLiteral("cancelReasonDialog"));
    QVERIFY(cancel);
    child<QListWidget>(cancel, "cancelReasonList")->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(cancel, "cancelReasonConfirm"), Qt::LeftButton);
    const auto cancelled = AppointmentRepository(db).get(booked[0].id).value();
    QCOMPARE(cancelled.status, AppointmentStatus::Cancelled);
    QCOMPARE(cancelled.cancellationReason, QStringLiteral("The client is ill"));
    // Still shown (faded) with its reason; the grid still reaches it.
    QCOMPARE(view->appointments().size(), size_t(1));
    QCOMPARE(view->appointments().front().cancellationReason, QStringLiteral("The client is ill"));
    QTRY_VERIFY(view->rect().contains(view->slotRectFor(QDateTime(kDay, QTime(21, 45)), p.weber)));
}

void TestGuiDiary::cancelNeedsAReason()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleCancel"), Qt::LeftButton);
    auto* dialog = page.findChild<CancelAppointmentDialog*>(QStringLiteral("cancelReasonDialog"));
    QVERIFY(dialog && dialog->isVisible());
    auto* confirm = child<QPushButton>(dialog, "cancelReasonConfirm");
    auto* reasons = child<QListWidget>(dialog, "cancelReasonList");
    auto* other = child<QLineEdit>(dialog, "cancelReasonOther");

    // No reason yet: the button is off and Enter does not close the dialog.
    QVERIFY(!confirm->isEnabled());
    QTest::keyClick(dialog, Qt::Key_Return);
    dialog->accept();
    QVERIFY(dialog->isVisible());

    // "Other" needs its text, checked as it is typed.
    reasons->setCurrentRow(reasons->count() - 1);
    QVERIFY(other->isEnabled());
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(other, "   ");
    QVERIFY(!confirm->isEnabled());
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::Booked);
    QTest::keyClicks(other, "car broke down");
    QVERIFY(confirm->isEnabled());
    other->clear();
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(other, "Car broke down");
    QTest::keyClick(other, Qt::Key_Return);
    QTRY_VERIFY(!page.findChild<CancelAppointmentDialog*>());

    const auto cancelled = AppointmentRepository(db).get(*anna).value();
    QCOMPARE(cancelled.status, AppointmentStatus::Cancelled);
    QCOMPARE(cancelled.cancellationReason, QStringLiteral("Car broke down"));
    QVERIFY2(page.message().contains(QStringLiteral("Car broke down")), qPrintable(page.message()));
    const auto timeline = TouchpointRepository(db).timeline(p.anna).value();
    QCOMPARE(timeline.front().outcome, QStringLiteral("Car broke down"));

    // The reason is in the appointment's tooltip in the diary.
    const QRect slot = page.view()->slotRectFor(QDateTime(kDay, QTime(9, 0)), p.weber);
    QHelpEvent help(QEvent::ToolTip, slot.center() + QPoint(0, 2),
                    page.view()->mapToGlobal(slot.center()));
    QApplication::sendEvent(page.view(), &help);
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Car broke down")),
             qPrintable(QToolTip::text()));
}

void TestGuiDiary::noShowCanBeUndone()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(anna);
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(kDay, QTime(10, 0))));
    {
        auto appointment = AppointmentRepository(db).get(*anna);
        QVERIFY(AppointmentRepository(db).confirm(*appointment, p.desk));
    }
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    auto* undo = child<QPushButton>(&page, "scheduleUndo");
    QVERIFY(!undo->isVisible());
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::NoShow);
    QVERIFY(undo->isVisible());
    QVERIFY(page.canUndo());

    QTest::mouseClick(undo, Qt::LeftButton);
    const auto back = AppointmentRepository(db).get(*anna).value();
    QCOMPARE(back.status, AppointmentStatus::Confirmed); // as it was, not merely "booked"
    QVERIFY(!undo->isVisible());
    QVERIFY(!page.canUndo());
    QCOMPARE(page.view()->selectedAppointment()->status, AppointmentStatus::Confirmed);
    // booked, no-show, taken back
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 3);
    // The no-show rate does not count it.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'no_show'"))
                 ->toLongLong(),
             0);

    // Ctrl+Z does the same; another change ends the offer.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QVERIFY(page.canUndo());
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::Confirmed);
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QVERIFY(page.canUndo());
    page.view()->selectSlot(p.braun, QTime(10, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleCheckIn"), Qt::LeftButton);
    QVERIFY(!page.canUndo());
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::NoShow);
}

void TestGuiDiary::dragMoveCanBeUndone()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    ScheduleView* view = page.view();
    drag(view, view->slotRectFor(QDateTime(kDay, QTime(9, 0)), p.weber),
         view->slotRectFor(QDateTime(kDay, QTime(14, 0)), p.braun));
    auto moved = AppointmentRepository(db).get(*anna).value();
    QCOMPARE(moved.startsAt, QDateTime(kDay, QTime(14, 0)));
    QCOMPARE(moved.practitioner, p.braun);
    QVERIFY(page.canUndo());
    QVERIFY2(!hasSeconds(page.message()), qPrintable(page.message()));

    QTest::mouseClick(child<QPushButton>(&page, "scheduleUndo"), Qt::LeftButton);
    const auto back = AppointmentRepository(db).get(*anna).value();
    QCOMPARE(back.startsAt, QDateTime(kDay, QTime(9, 0)));
    QCOMPARE(back.endsAt, QDateTime(kDay, QTime(9, 30)));
    QCOMPARE(back.practitioner, p.weber);
    QVERIFY2(page.message().contains(QStringLiteral("Anna Adler")), qPrintable(page.message()));
    QVERIFY2(!hasSeconds(page.message()), qPrintable(page.message()));
    QCOMPARE(page.view()->selectedAppointment()->id, *anna);

    // A move through the dialog can be taken back too.
    view->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleMove"), Qt::LeftButton);
    auto* dialog = page.findChild<BookingDialog*>();
    QVERIFY(dialog);
    child<QDateTimeEdit>(dialog, "bookingStart")->setDateTime(QDateTime(kDay, QTime(16, 0)));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<BookingDialog*>());
    QCOMPARE(AppointmentRepository(db).get(*anna)->startsAt, QDateTime(kDay, QTime(16, 0)));
    QVERIFY(page.canUndo());
    page.undoLast();
    QCOMPARE(AppointmentRepository(db).get(*anna)->startsAt, QDateTime(kDay, QTime(9, 0)));
}

void TestGuiDiary::undoIsRefusedWhenChangedElsewhere()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    ScheduleView* view = page.view();
    drag(view, view->slotRectFor(QDateTime(kDay, QTime(9, 0)), p.weber),
         view->slotRectFor(QDateTime(kDay, QTime(11, 0)), p.weber));
    QVERIFY(page.canUndo());
    // Another workstation moves it on meanwhile, and books Ben into the old slot.
    auto other = Database::open(dbHolder->url());
    QVERIFY(other);
    {
        auto appointment = AppointmentRepository(**other).get(*anna);
        QVERIFY(AppointmentRepository(**other).reschedule(
            *appointment, QDateTime(kDay, QTime(12, 0)), QDateTime(kDay, QTime(12, 30)), p.weber,
            p.colleague));
    }
    page.undoLast();
    QVERIFY2(page.message().contains(QStringLiteral("Olga Other")), qPrintable(page.message()));
    QCOMPARE(AppointmentRepository(db).get(*anna)->startsAt, QDateTime(kDay, QTime(12, 0)));

    // A no-show whose slot was given to someone else is not taken back over them.
    page.view()->selectSlot(p.weber, QTime(12, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleNoShow"), Qt::LeftButton);
    QVERIFY(page.canUndo());
    QVERIFY(book(db, p, p.ben, p.weber, QDateTime(kDay, QTime(12, 0))));
    page.undoLast();
    QVERIFY2(page.message().contains(QStringLiteral("Ben Berg")), qPrintable(page.message()));
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::NoShow);
}

void TestGuiDiary::completeCanBeUndone()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto anna = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(anna);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);
    page.view()->selectSlot(p.weber, QTime(9, 0));
    QTest::mouseClick(child<QPushButton>(&page, "scheduleComplete"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::Completed);
    const auto drafts = [&] {
        return db.scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'draft'"))
            ->toLongLong();
    };
    QCOMPARE(drafts(), 1);
    QVERIFY(page.canUndo());
    QTest::mouseClick(child<QPushButton>(&page, "scheduleUndo"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(*anna)->status, AppointmentStatus::Booked);
    QCOMPARE(drafts(), 0);
    QVERIFY2(page.message().contains(QStringLiteral("Anna Adler")), qPrintable(page.message()));
}

void TestGuiDiary::profileOpensMovesCancelsAndBooks()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    const auto late = book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(21, 30)));
    QVERIFY(late);
    ClientProfile profile(db, p.desk);
    profile.resize(1280, 760);
    profile.show();
    QVERIFY(profile.showClient(p.anna));
    QCOMPARE(profile.listedAppointments().size(), size_t(1));
    auto* showInDiary = child<QPushButton>(&profile, "profileShowInDiary");
    auto* move = child<QPushButton>(&profile, "profileMoveAppointment");
    auto* cancel = child<QPushButton>(&profile, "profileCancelAppointment");
    QVERIFY(!move->isEnabled());
    profile.selectAppointment(*late);
    QVERIFY(move->isEnabled() && cancel->isEnabled() && showInDiary->isEnabled());

    // Open: the diary shows it on its day, selected.
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    connect(&profile, &ClientProfile::appointmentOpenRequested, &page,
            &SchedulePage::showAppointment);
    QTest::mouseClick(showInDiary, Qt::LeftButton);
    QCOMPARE(page.day(), kDay);
    QVERIFY(page.view()->selectedAppointment());
    QCOMPARE(page.view()->selectedAppointment()->id, *late);

    // Move from the profile.
    QDialog* opened = nullptr;
    connect(&profile, &ClientProfile::dialogOpened, this, [&](QDialog* d) { opened = d; });
    QTest::mouseClick(move, Qt::LeftButton);
    auto* dialog = qobject_cast<BookingDialog*>(opened);
    QVERIFY(dialog && dialog->isMove());
    child<QDateTimeEdit>(dialog, "bookingStart")->setDateTime(QDateTime(kDay, QTime(10, 0)));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).get(*late)->startsAt, QDateTime(kDay, QTime(10, 0)));
    QCOMPARE(profile.selectedAppointment()->id, *late);

    // Cancel from the profile, with a reason that the list shows afterwards.
    opened = nullptr;
    QTest::mouseClick(cancel, Qt::LeftButton);
    auto* reason = qobject_cast<CancelAppointmentDialog*>(opened);
    QVERIFY(reason);
    child<QListWidget>(reason, "cancelReasonList")->setCurrentRow(3);
    reason->accept();
    const auto cancelled = AppointmentRepository(db).get(*late).value();
    QCOMPARE(cancelled.status, AppointmentStatus::Cancelled);
    QCOMPARE(cancelled.cancellationReason, QStringLiteral("The practitioner is unavailable"));
    auto* list = child<QTreeWidget>(&profile, "profileAppointments");
    bool shown = false;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown = shown || list->topLevelItem(i)->text(3) ==
                             appointmentStatusName(AppointmentStatus::Cancelled) +
                                 QStringLiteral(": The practitioner is unavailable");
    QVERIFY(shown);
    QVERIFY(!cancel->isEnabled());

    // Book: the dialog opens for Anna, without asking who.
    opened = nullptr;
    QTest::mouseClick(child<QPushButton>(&profile, "profileBook"), Qt::LeftButton);
    dialog = qobject_cast<BookingDialog*>(opened);
    QVERIFY(dialog && !dialog->isMove());
    QVERIFY(!child<QLineEdit>(dialog, "bookingClientSearch")->isVisible());
    QVERIFY(child<QLabel>(dialog, "bookingClient")->text().contains(QStringLiteral("Anna Adler")));
    QVERIFY(child<QDateTimeEdit>(dialog, "bookingStart")->dateTime() >
            QDateTime::currentDateTime());
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    const auto upcoming =
        AppointmentRepository(db).upcoming(p.anna, QDateTime::currentDateTime()).value();
    QCOMPARE(upcoming.size(), size_t(1));
    QCOMPARE(upcoming[0].practitioner, p.weber); // as last time
    QCOMPARE(upcoming[0].startsAt.time().second(), 0);
    QCOMPARE(upcoming[0].startsAt.time().minute() % 15, 0);
}

void TestGuiDiary::notRebookedListBooks()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    {
        auto service = ServiceTypeRepository(db).serviceType(p.checkUp);
        service->rebookAfterWeeks = 4;
        QVERIFY(ServiceTypeRepository(db).updateServiceType(*service, Actor::system()));
    }
    Appointment visit;
    visit.practitioner = p.braun;
    visit.serviceType = p.checkUp;
    visit.status = AppointmentStatus::Completed;
    visit.client = p.anna;
    visit.startsAt = QDateTime(QDate::currentDate().addDays(-40), QTime(9, 0));
    QVERIFY(AppointmentRepository(db).book(visit, p.desk));
    NotRebookedPage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    QCOMPARE(page.list()->model()->rowCount(), 1);
    QDialog* opened = nullptr;
    connect(&page, &NotRebookedPage::dialogOpened, this, [&](QDialog* d) { opened = d; });
    QTest::mouseClick(child<QPushButton>(&page, "notRebookedBook"), Qt::LeftButton);
    auto* dialog = qobject_cast<BookingDialog*>(opened);
    QVERIFY(dialog);
    QVERIFY(child<QLabel>(dialog, "bookingClient")->text().contains(QStringLiteral("Anna Adler")));
    QCOMPARE(child<QComboBox>(dialog, "bookingPractitioner")->currentText(),
             QStringLiteral("Dr. Braun"));
    QTest::mouseClick(child<QPushButton>(dialog, "bookingSave"), Qt::LeftButton);
    QCOMPARE(AppointmentRepository(db).upcoming(p.anna, QDateTime::currentDateTime())->size(),
             size_t(1));
    QCOMPARE(page.list()->model()->rowCount(), 0); // booked again: off the list
    QVERIFY2(page.message().contains(QStringLiteral("Anna Adler")), qPrintable(page.message()));
}

void TestGuiDiary::dayListPrints()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(kDay, QTime(9, 0))));
    QVERIFY(book(db, p, p.ben, p.braun, QDateTime(kDay, QTime(21, 30))));
    const auto gone = book(db, p, p.ben, p.weber, QDateTime(kDay, QTime(11, 0)));
    QVERIFY(gone);
    {
        auto appointment = AppointmentRepository(db).get(*gone);
        QVERIFY(BookingDesk(db, p.desk).cancel(*appointment, QStringLiteral("moved away")));
    }
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(kDay);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("day.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(pdf);
    QVERIFY(page.printDayList(printer));

    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    QCOMPARE(text.exitCode(), 0);
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    for (const char* expected : {"Dr. Weber", "Dr. Braun", "Anna Adler", "Ben Berg", "09:00",
                                 "21:30", "Check-up", "cancelled appointment"})
        QVERIFY2(words.contains(QLatin1String(expected)),
                 qPrintable(QStringLiteral("%1 missing from:\n%2").arg(expected, words)));
    QVERIFY(!words.contains(QStringLiteral("11:00")));

    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), pdf,
                  dir.filePath(QStringLiteral("page"))});
    QVERIFY(render.waitForFinished(30000));
    QCOMPARE(render.exitCode(), 0);
    QVERIFY(!QDir(dir.path()).entryList({QStringLiteral("page*.png")}).isEmpty());

    // Ctrl+P asks for the printer.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_P, Qt::ControlModifier);
    QDialog* asked = page.findChild<QDialog*>(QStringLiteral("schedulePrintDialog"));
    QVERIFY(asked);
    asked->reject();
}

void TestGuiDiary::weekShowsEveryPractitionerReadably()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    PractitionerRepository practice(db);
    for (const char* name :
         {"Dr. Käthe Brandt-Oberndorfer", "Maximilian Schönberger", "Dr. Anneliese Wolkenstein"}) {
        Practitioner more;
        more.name = QString::fromUtf8(name);
        QVERIFY(practice.createPractitioner(more, Actor::system()));
    }
    const QDate monday = kDay.addDays(1 - kDay.dayOfWeek());
    QVERIFY(book(db, p, p.anna, p.weber, QDateTime(monday.addDays(6), QTime(20, 0))));
    const ClientId long1 =
        addClient(db, QStringLiteral("Käthe"), QStringLiteral("Oberndorfer-Wittelsbach"));
    const auto kaethe = book(db, p, long1, p.braun, QDateTime(monday.addDays(1), QTime(10, 0)));
    QVERIFY(kaethe);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    page.showDay(monday);
    page.setWeek(true);
    ScheduleView* view = page.view();
    QCOMPARE(view->practitioners().size(), size_t(5));
    // The whole week fits the desk's screen.
    QVERIFY2(view->sizeHint().width() <= 1280 - 40,
             qPrintable(QString::number(view->sizeHint().width())));
    // Sunday evening's appointment is inside the grid.
    QTRY_VERIFY(view->rect().contains(
        view->slotRectFor(QDateTime(monday.addDays(6), QTime(20, 0)), p.weber)));
    // Headings are whole words or initials, never cut.
    for (int column = 0; column < 5 * 7; ++column) {
        const QString heading = view->columnHeading(column);
        QVERIFY2(!heading.isEmpty() && !heading.contains(QChar(0x2026)), qPrintable(heading));
        QVERIFY2(QFontMetrics(view->font()).horizontalAdvance(heading) <=
                     view->slotRectFor(QDateTime(monday, QTime(9, 0)), p.weber).width(),
                 qPrintable(heading));
    }
}

void TestGuiDiary::legendAndCurrentTime()
{
    AFTERCARE_FRESH_DATABASE(db);
    const Practice p = seed(db);
    SchedulePage page(db, p.desk);
    page.resize(1280, 760);
    page.show();
    QWidget* legend = page.findChild<QWidget*>(QStringLiteral("scheduleLegend"));
    QVERIFY(legend && legend->isVisible());
    for (AppointmentStatus status : allOf<AppointmentStatus>()) {
        auto* name =
            legend->findChild<QLabel*>(QStringLiteral("scheduleLegend_") + sqlName(status));
        QVERIFY(name);
        QCOMPARE(name->text(), appointmentStatusName(status));
    }

    ScheduleView* view = page.view();
    page.showDay(kDay);
    view->setNow(QDateTime(kDay, QTime(10, 0)));
    const std::optional<int> y = view->nowLineY();
    QVERIFY(y);
    QCOMPARE(*y, view->slotRectFor(QDateTime(kDay, QTime(10, 0)), p.weber).top());
    const QImage shot = view->grab().toImage();
    const QColor line =
        shot.pixelColor(view->slotRectFor(QDateTime(kDay, QTime(10, 0)), p.weber).center().x(), *y);
    QVERIFY2(line.red() > 180 && line.green() < 120, qPrintable(line.name()));
    view->setNow(QDateTime(kDay.addDays(1), QTime(10, 0)));
    QVERIFY(!view->nowLineY()); // another day: no line
    view->setNow(QDateTime(kDay, QTime(3, 0)));
    QVERIFY(!view->nowLineY()); // before the grid
}

QTEST_MAIN(TestGuiDiary)
#include "tst_gui_diary.moc"
