// backends: sqlite postgresql
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "repositories/appointmentrepository.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDate kDay(2031, 3, 10);

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(kDay, QTime(hour, minute));
}

Appointment draft(ClientId client, PractitionerId practitioner, ServiceTypeId service,
                  const QDateTime& start)
{
    Appointment a;
    a.client = client;
    a.practitioner = practitioner;
    a.serviceType = service;
    a.startsAt = start;
    return a;
}

} // namespace

// Taking back a no-show or a completion recorded by mistake (AppointmentRepository::reopen,
// BookingDesk::undoNoShow): back to the status it had, with row_version guarding against a
// change made meanwhile and the slot guarded against a booking made meanwhile.
class TestRepoAppointmentsUndo : public QObject
{
    Q_OBJECT

private slots:
    void reopensToThePreviousStatus_data();
    void reopensToThePreviousStatus();
    void refusesAStaleCopy();
    void refusesWhenTheSlotWasTaken();
    void refusesWhatCannotBeTakenBack();
    void deskUndoesANoShow();
    void deskUndoesACompletion();
    void undoKeepsWorkWithACauseOfItsOwn();
};

void TestRepoAppointmentsUndo::reopensToThePreviousStatus_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("change");
    QTest::newRow("booked no-show") << "booked"
                                    << "no_show";
    QTest::newRow("confirmed no-show") << "confirmed"
                                       << "no_show";
    QTest::newRow("checked-in completed") << "checked_in"
                                          << "complete";
    QTest::newRow("booked completed") << "booked"
                                      << "complete";
}

void TestRepoAppointmentsUndo::reopensToThePreviousStatus()
{
    QFETCH(QString, previous);
    QFETCH(QString, change);
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY2(id, why(id).constData());
    Appointment a = repo.get(*id).value();
    if (previous == QLatin1String("confirmed"))
        QVERIFY(repo.confirm(a, p.reception));
    else if (previous == QLatin1String("checked_in"))
        QVERIFY(repo.checkIn(a, p.reception, at(8, 55)));
    const Appointment before = a;
    if (change == QLatin1String("no_show"))
        QVERIFY(repo.markNoShow(a, p.reception));
    else
        QVERIFY(repo.complete(a, p.reception, at(9, 30)));
    QVERIFY(!a.isActive());

    const Status reopened = repo.reopen(a, before.status, p.reception);
    QVERIFY2(reopened, why(reopened).constData());
    QCOMPARE(a.status, before.status);
    QVERIFY(!a.completedAt.isValid());
    QCOMPARE(a.checkedInAt, before.checkedInAt);
    QCOMPARE(a.startsAt, before.startsAt);
    QCOMPARE(a.rowVersion, before.rowVersion + 2);
    const Appointment stored = repo.get(*id).value();
    QCOMPARE(stored.status, before.status);
    QVERIFY(!stored.completedAt.isValid());
    QCOMPARE(stored.rowVersion, a.rowVersion);
}

void TestRepoAppointmentsUndo::refusesAStaleCopy()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment mine = repo.get(*id).value();
    QVERIFY(repo.markNoShow(mine, p.reception));
    // Someone else takes it back first (and the clinician completes the visit).
    Appointment theirs = repo.get(*id).value();
    QVERIFY(repo.reopen(theirs, AppointmentStatus::Booked, p.clinician));
    QVERIFY(repo.complete(theirs, p.clinician));
    const Status reopened = repo.reopen(mine, AppointmentStatus::Booked, p.reception);
    QCOMPARE(errorKind(reopened), std::optional(ErrorKind::Conflict));
    QCOMPARE(mine.status, AppointmentStatus::NoShow); // the caller's copy is left alone
    QCOMPARE(repo.get(*id)->status, AppointmentStatus::Completed);
}

void TestRepoAppointmentsUndo::refusesWhenTheSlotWasTaken()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto anna = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(anna);
    Appointment a = repo.get(*anna).value();
    QVERIFY(repo.markNoShow(a, p.reception));
    // The free slot went to Ben.
    auto ben = repo.book(draft(p.ben, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY2(ben, why(ben).constData());
    const Status reopened = repo.reopen(a, AppointmentStatus::Booked, p.reception);
    QCOMPARE(errorKind(reopened), std::optional(ErrorKind::Overlap));
    QVERIFY2(reopened.error().message.contains(QStringLiteral("Ben Okafor")),
             qPrintable(reopened.error().message));
    QCOMPARE(repo.get(*anna)->status, AppointmentStatus::NoShow);
    QCOMPARE(repo.get(*ben)->status, AppointmentStatus::Booked);
}

void TestRepoAppointmentsUndo::refusesWhatCannotBeTakenBack()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment a = repo.get(*id).value();
    // An active appointment has nothing to take back.
    QCOMPARE(errorKind(repo.reopen(a, AppointmentStatus::Booked, p.reception)),
             std::optional(ErrorKind::Validation));
    QVERIFY(repo.cancel(a, QStringLiteral("moved away"), p.reception));
    // A cancellation is not undone this way.
    QCOMPARE(errorKind(repo.reopen(a, AppointmentStatus::Booked, p.reception)),
             std::optional(ErrorKind::Validation));
    Appointment b =
        repo.get(repo.book(draft(p.ben, p.weber, p.consultation, at(11)), p.reception).value())
            .value();
    QVERIFY(repo.markNoShow(b, p.reception));
    // Back to an inactive status is no taking back.
    QCOMPARE(errorKind(repo.reopen(b, AppointmentStatus::Cancelled, p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(repo.get(b.id)->status, AppointmentStatus::NoShow);
}

void TestRepoAppointmentsUndo::deskUndoesANoShow()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    auto id = desk.book(draft(p.anna, p.weber, p.consultation, at(9)));
    QVERIFY2(id, why(id).constData());
    Appointment a = AppointmentRepository(db).get(*id).value();
    QVERIFY(desk.markNoShow(a));
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 2);
    QVERIFY(desk.undoNoShow(a, AppointmentStatus::Booked));
    QCOMPARE(a.status, AppointmentStatus::Booked);
    QCOMPARE(AppointmentRepository(db).get(*id)->status, AppointmentStatus::Booked);
    const auto timeline = TouchpointRepository(db).timeline(p.anna).value();
    QCOMPARE(timeline.size(), size_t(3));
    QCOMPARE(timeline.front().kind, QStringLiteral("no_show"));
    QVERIFY(timeline.front().outcome.startsWith(QStringLiteral("Taken back")));

    // A stale copy changes nothing, touchpoints included.
    Appointment stale = a;
    QVERIFY(desk.markNoShow(a));
    QVERIFY(desk.undoNoShow(a, AppointmentStatus::Booked));
    QVERIFY(!desk.undoNoShow(stale, AppointmentStatus::Booked));
    QCOMPARE(TouchpointRepository(db).count(p.anna).value_or(0), 5);
}

void TestRepoAppointmentsUndo::deskUndoesACompletion()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    auto id = desk.book(draft(p.anna, p.weber, p.consultation, at(9)));
    QVERIFY2(id, why(id).constData());
    Appointment a = AppointmentRepository(db).get(*id).value();
    QVERIFY(desk.checkIn(a));
    const auto count = [&](const char* sql) {
        return db.scalar(QString::fromLatin1(sql), {id->toVariant()})->toLongLong();
    };
    const char* drafts =
        "SELECT count(*) FROM invoices WHERE appointment_id = ? AND status = 'draft'";
    const char* voided =
        "SELECT count(*) FROM invoices WHERE appointment_id = ? AND status = 'void'";
    const char* tasks =
        "SELECT count(*) FROM followup_tasks WHERE appointment_id = ? AND status = 'open'";
    QVERIFY(desk.complete(a));
    QCOMPARE(count(drafts), 1);
    QCOMPARE(count(tasks), 1); // the consultation's check-in call

    const Status undone = desk.undoComplete(a, AppointmentStatus::CheckedIn);
    QVERIFY2(undone, why(undone).constData());
    QCOMPARE(a.status, AppointmentStatus::CheckedIn);
    QCOMPARE(AppointmentRepository(db).get(*id)->status, AppointmentStatus::CheckedIn);
    QCOMPARE(count(drafts), 0);
    QCOMPARE(count(voided), 1);
    QCOMPARE(count(tasks), 0);
    QVERIFY(TouchpointRepository(db).timeline(p.anna)->front().outcome.startsWith(
        QStringLiteral("Completion taken back")));

    // Completed again for real: a new draft and a new check-in call.
    QVERIFY(desk.complete(a));
    QCOMPARE(count(drafts), 1);
    QCOMPARE(count(tasks), 1);

    // Once the invoice is issued, the completion stays, and so does everything else.
    const InvoiceId invoiceId(
        db.scalar(QStringLiteral("SELECT id FROM invoices WHERE appointment_id = ? AND status = "
                                 "'draft'"),
                  {id->toVariant()})
            ->toLongLong());
    Invoice invoice = InvoiceRepository(db).get(invoiceId).value();
    QVERIFY(InvoiceRepository(db).issue(invoice, p.reception));
    const Status refused = desk.undoComplete(a, AppointmentStatus::CheckedIn);
    QCOMPARE(errorKind(refused), std::optional(ErrorKind::Validation));
    QCOMPARE(AppointmentRepository(db).get(*id)->status, AppointmentStatus::Completed);
    QCOMPARE(InvoiceRepository(db).get(invoiceId)->status, InvoiceStatus::Issued);
    QCOMPARE(count(tasks), 1);
    QCOMPARE(a.status, AppointmentStatus::Completed);
}

void TestRepoAppointmentsUndo::undoKeepsWorkWithACauseOfItsOwn()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    auto id = desk.book(draft(p.anna, p.weber, p.consultation, at(9)));
    QVERIFY2(id, why(id).constData());
    Appointment a = AppointmentRepository(db).get(*id).value();
    QVERIFY(desk.checkIn(a));
    QVERIFY(desk.complete(a));
    // An unhappy answer about the visit, given before the completion is taken back.
    FollowUpTask callBack;
    callBack.client = p.anna;
    callBack.appointment = *id;
    callBack.kind = TaskKind::DetractorCallback;
    callBack.sourceKey = QStringLiteral("test:callback:%1").arg(id->value());
    callBack.dueAt = at(10);
    callBack.deadlineAt = at(10).addDays(2);
    QVERIFY(FollowUpTaskRepository(db).upsert(callBack, p.clinician));

    QVERIFY(desk.undoComplete(a, AppointmentStatus::CheckedIn));
    const auto open = [&](TaskKind kind) {
        return db
            .scalar(QStringLiteral("SELECT count(*) FROM followup_tasks WHERE appointment_id = ? "
                                   "AND status = 'open' AND kind = ?"),
                    {id->toVariant(), sqlName(kind)})
            ->toLongLong();
    };
    QCOMPARE(open(TaskKind::CheckinCall), 0);
    QCOMPARE(open(TaskKind::DetractorCallback), 1);
}

QTEST_MAIN(TestRepoAppointmentsUndo)
#include "tst_repo_appointments_undo.moc"
