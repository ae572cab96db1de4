// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/clocktime.h"
#include "repositories/appointmentrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// A Monday well away from today, so nothing depends on the clock.
const QDate kDay(2031, 3, 10);

QDateTime at(int hour, int minute = 0, const QDate& day = kDay)
{
    return QDateTime(day, QTime(hour, minute));
}

Appointment draft(ClientId client, PractitionerId practitioner, ServiceTypeId service,
                  const QDateTime& start, const QDateTime& end = {})
{
    Appointment a;
    a.client = client;
    a.practitioner = practitioner;
    a.serviceType = service;
    a.startsAt = start;
    a.endsAt = end;
    return a;
}

// Pairs of active, non-double-booked appointments of one practitioner that overlap: the
// invariant every test here ends by checking.
qlonglong overlappingActivePairs(Database& db)
{
    return db
        .scalar(
            QStringLiteral("SELECT count(*) FROM appointments a JOIN appointments b ON a.id < b.id "
                           "AND a.practitioner_id = b.practitioner_id AND a.starts_at < b.ends_at "
                           "AND b.starts_at < a.ends_at "
                           "WHERE a.status IN ('booked', 'confirmed', 'checked_in') AND b.status "
                           "IN ('booked', 'confirmed', "
                           "'checked_in') AND a.double_booking_reason IS NULL AND "
                           "b.double_booking_reason IS NULL"))
        .value()
        .toLongLong();
}

} // namespace

class TestRepoAppointments : public QObject
{
    Q_OBJECT

private slots:
    void bookingFillsEndAndPriceFromService();
    void endMustFollowStart_data();
    void endMustFollowStart();
    void overlapIsRefusedAndNamed_data();
    void overlapIsRefusedAndNamed();
    void otherPractitionerIsFree();
    void historyDoesNotBlock_data();
    void historyDoesNotBlock();
    void explicitDoubleBookingIsRecorded();
    void movingIntoAnOverlapIsRefused();
    void movingKeepsTheRulesAndClearsTheReminder();
    void staleEditIsRefusedNamingWhoAndWhen();
    void lifecycleStampsEachStep();
    void invalidTransitionsAreRefused_data();
    void invalidTransitionsAreRefused();
    void cancellationNeedsAReason();
    void diaryLists();
    void clientsUpcomingAndPast();
    void twoWorkstationsRaceForOneSlot();
};

void TestRepoAppointments::bookingFillsEndAndPriceFromService()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.physio, at(9)), p.reception);
    QVERIFY2(id, why(id));
    auto a = repo.get(*id);
    QVERIFY2(a, why(a));
    QCOMPARE(a->endsAt, at(9, 45));
    QCOMPARE(a->priceCents, std::optional<qint64>(5550));
    QCOMPARE(a->status, AppointmentStatus::Booked);
    QCOMPARE(a->createdBy, p.reception.user);
    QCOMPARE(a->clientName, QStringLiteral("Anna Müller"));
    QCOMPARE(a->practitionerName, QStringLiteral("Dr Weber"));
    QCOMPARE(a->serviceName, QStringLiteral("Physiotherapy"));
    QCOMPARE(a->rowVersion, 1);

    Appointment priced = draft(p.ben, p.weber, p.physio, at(10), at(10, 20));
    priced.priceCents = 0; // a free follow-up is a price, not "no price"
    auto second = repo.book(priced, p.reception);
    QVERIFY2(second, why(second));
    QCOMPARE(repo.get(*second)->priceCents, std::optional<qint64>(0));
    QCOMPARE(repo.get(*second)->endsAt, at(10, 20));
}

void TestRepoAppointments::endMustFollowStart_data()
{
    QTest::addColumn<int>("endMinute");
    QTest::newRow("end equals start") << 0;
    QTest::newRow("end before start") << -15;
}

void TestRepoAppointments::endMustFollowStart()
{
    QFETCH(int, endMinute);
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(
        draft(p.anna, p.weber, p.consultation, at(9), at(9).addSecs(60 * endMinute)), p.reception);
    QVERIFY(!id);
    QCOMPARE(id.error().kind, ErrorKind::Validation);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toLongLong(),
             0);
}

void TestRepoAppointments::overlapIsRefusedAndNamed_data()
{
    // Anna is booked with Dr Weber 09:00–09:30; Ben asks for [start, end).
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<bool>("refused");

    QTest::newRow("same slot") << QTime(9, 0) << QTime(9, 30) << true;
    QTest::newRow("starts inside") << QTime(9, 15) << QTime(9, 45) << true;
    QTest::newRow("ends inside") << QTime(8, 45) << QTime(9, 15) << true;
    QTest::newRow("inside") << QTime(9, 10) << QTime(9, 20) << true;
    QTest::newRow("around") << QTime(8, 0) << QTime(10, 0) << true;
    QTest::newRow("one minute into it") << QTime(9, 29) << QTime(10, 0) << true;
    QTest::newRow("touching before") << QTime(8, 30) << QTime(9, 0) << false;
    QTest::newRow("touching after") << QTime(9, 30) << QTime(10, 0) << false;
    QTest::newRow("well apart") << QTime(14, 0) << QTime(14, 30) << false;
}

void TestRepoAppointments::overlapIsRefusedAndNamed()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(bool, refused);
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto first = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY2(first, why(first));

    auto second = repo.book(
        draft(p.ben, p.weber, p.physio, QDateTime(kDay, start), QDateTime(kDay, end)), p.reception);
    QCOMPARE(!second, refused);
    if (refused) {
        QCOMPARE(second.error().kind, ErrorKind::Overlap);
        const QString message = second.error().message;
        QVERIFY2(message.contains(QStringLiteral("Anna Müller")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("09:00")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("09:30")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Consultation")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Dr Weber")), qPrintable(message));
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toLongLong(), 1);
    } else {
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toLongLong(), 2);
    }
    QCOMPARE(overlappingActivePairs(db), 0);
}

void TestRepoAppointments::otherPractitionerIsFree()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception));
    auto other = repo.book(draft(p.ben, p.silva, p.consultation, at(9)), p.reception);
    QVERIFY2(other, why(other));
    // The same client twice at once with two practitioners is the desk's call, not a clash.
    auto sameClient = repo.book(draft(p.anna, p.silva, p.physio, at(11)), p.reception);
    QVERIFY2(sameClient, why(sameClient));
}

void TestRepoAppointments::historyDoesNotBlock_data()
{
    QTest::addColumn<AppointmentStatus>("status");
    QTest::newRow("cancelled") << AppointmentStatus::Cancelled;
    QTest::newRow("completed") << AppointmentStatus::Completed;
    QTest::newRow("no-show") << AppointmentStatus::NoShow;
}

void TestRepoAppointments::historyDoesNotBlock()
{
    QFETCH(AppointmentStatus, status);
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY2(id, why(id));
    Appointment a = repo.get(*id).value();
    Status changed = status == AppointmentStatus::Cancelled
                         ? repo.cancel(a, QStringLiteral("ill"), p.reception)
                     : status == AppointmentStatus::Completed ? repo.complete(a, p.reception)
                                                              : repo.markNoShow(a, p.reception);
    QVERIFY2(changed, why(changed));
    QCOMPARE(a.status, status);

    auto again = repo.book(draft(p.ben, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY2(again, why(again));

    // History recorded as such (an import) lands in a taken slot too.
    Appointment past = draft(p.ben, p.weber, p.consultation, at(9, 10));
    past.status = status;
    auto imported = repo.book(past, p.admin);
    QVERIFY2(imported, why(imported));
    QCOMPARE(overlappingActivePairs(db), 0);
}

void TestRepoAppointments::explicitDoubleBookingIsRecorded()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception));

    Appointment blank = draft(p.ben, p.weber, p.consultation, at(9, 10));
    blank.doubleBookingReason = QStringLiteral("   ");
    auto refused = repo.book(blank, p.reception);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Overlap);

    Appointment urgent = blank;
    urgent.doubleBookingReason = QStringLiteral("  Acute pain, squeezed in  ");
    auto id = repo.book(urgent, p.reception);
    QVERIFY2(id, why(id));
    QCOMPARE(repo.get(*id)->doubleBookingReason, QStringLiteral("Acute pain, squeezed in"));
    QCOMPARE(repo.get(*id)->status, AppointmentStatus::Booked);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'booked'"))
                 .value()
                 .toLongLong(),
             2);

    // A reason where nothing clashes is not a double-booking and is not recorded as one.
    Appointment free = draft(p.ben, p.weber, p.consultation, at(15));
    free.doubleBookingReason = QStringLiteral("just in case");
    auto plain = repo.book(free, p.reception);
    QVERIFY2(plain, why(plain));
    QVERIFY(repo.get(*plain)->doubleBookingReason.isEmpty());
    QVERIFY(db.scalar(QStringLiteral("SELECT double_booking_reason FROM appointments WHERE id = ?"),
                      {plain->toVariant()})
                .value()
                .isNull());
}

void TestRepoAppointments::movingIntoAnOverlapIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception));
    auto benId = repo.book(draft(p.ben, p.weber, p.physio, at(11)), p.reception);
    QVERIFY2(benId, why(benId));
    Appointment ben = repo.get(*benId).value();

    auto moved = repo.reschedule(ben, at(9, 15), at(10), p.weber, p.reception);
    QVERIFY(!moved);
    QCOMPARE(moved.error().kind, ErrorKind::Overlap);
    QVERIFY2(moved.error().message.contains(QStringLiteral("Anna Müller")),
             qPrintable(moved.error().message));
    QVERIFY2(moved.error().message.contains(QStringLiteral("Consultation")),
             qPrintable(moved.error().message));
    // Nothing changed, in the database or in the caller's copy.
    QCOMPARE(ben.startsAt, at(11));
    QCOMPARE(repo.get(*benId)->startsAt, at(11));
    QCOMPARE(repo.get(*benId)->rowVersion, 1);

    // Moving practitioner at the same time is allowed when the other one is free...
    QVERIFY2(repo.reschedule(ben, at(9, 15), at(10), p.silva, p.reception), "move to Dr Silva");
    QCOMPARE(ben.practitioner, p.silva);
    QCOMPARE(ben.startsAt, at(9, 15));
    QCOMPARE(ben.rowVersion, 2);
    // ...and shifting it within its own old slot does not clash with itself.
    QVERIFY2(repo.reschedule(ben, at(9, 30), at(10, 15), p.silva, p.reception),
             "shift by 15 minutes");
    QCOMPARE(repo.get(*benId)->startsAt, at(9, 30));
    QCOMPARE(overlappingActivePairs(db), 0);
}

void TestRepoAppointments::movingKeepsTheRulesAndClearsTheReminder()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    QVERIFY(db.run(QStringLiteral("UPDATE appointments SET reminder_sent_at = ? WHERE id = ?"),
                   {SqlTime::toSql(at(8, 0, kDay.addDays(-1))), id->toVariant()}));
    Appointment a = repo.get(*id).value();
    QVERIFY(a.reminderSentAt.isValid());

    auto backwards = repo.reschedule(a, at(10), at(9, 30), p.weber, p.reception);
    QVERIFY(!backwards);
    QCOMPARE(backwards.error().kind, ErrorKind::Validation);

    // Same start, longer: the reminder still holds.
    QVERIFY(repo.reschedule(a, at(9), at(9, 45), p.weber, p.reception));
    QVERIFY(a.reminderSentAt.isValid());
    // New start: the client must be reminded of the new time.
    QVERIFY(repo.reschedule(a, at(13), at(13, 30), p.weber, p.reception));
    QVERIFY(!a.reminderSentAt.isValid());
    QCOMPARE(a.updatedBy, p.reception.user);
    QVERIFY(a.updatedAt.isValid());
}

void TestRepoAppointments::staleEditIsRefusedNamingWhoAndWhen()
{
    AFTERCARE_PRACTICE(db, p);
    // Two workstations: the desk on the test's connection, the clinician's room on its own.
    auto room = Database::open(dbHolder->url());
    QVERIFY2(room, why(room));
    AppointmentRepository desk(db);
    AppointmentRepository roomRepo(**room);

    auto id = desk.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment atDesk = desk.get(*id).value();
    Appointment inRoom = roomRepo.get(*id).value();

    QVERIFY2(roomRepo.reschedule(inRoom, at(10), at(10, 30), p.weber, p.clinician),
             "the room moves it first");

    const int versionBefore = atDesk.rowVersion;
    auto stale = desk.cancel(atDesk, QStringLiteral("client called"), p.reception);
    QVERIFY(!stale);
    QCOMPARE(stale.error().kind, ErrorKind::Conflict);
    const QString message = stale.error().message;
    QVERIFY2(message.contains(QStringLiteral("Dr Clara Klinik")), qPrintable(message));
    const QDateTime when = roomRepo.get(*id)->updatedAt;
    QVERIFY(when.isValid());
    QVERIFY2(message.contains(clockDateTimeText(when)), qPrintable(message));
    QCOMPARE(atDesk.rowVersion, versionBefore); // the desk's copy is untouched

    // Nothing was overwritten: the room's change stands.
    auto stored = desk.get(*id);
    QCOMPARE(stored->status, AppointmentStatus::Booked);
    QCOMPARE(stored->startsAt, at(10));
    QCOMPARE(stored->updatedBy, p.clinician.user);

    // Every kind of change checks the version, not only cancel.
    QCOMPARE(errorKind(desk.checkIn(atDesk, p.reception)), std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(desk.reschedule(atDesk, at(12), at(12, 30), p.weber, p.reception)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(desk.complete(atDesk, p.reception)), std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(desk.markNoShow(atDesk, p.reception)), std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(desk.confirm(atDesk, p.reception)), std::optional(ErrorKind::Conflict));

    // After reloading, the desk's change goes through.
    atDesk = desk.get(*id).value();
    QVERIFY(desk.cancel(atDesk, QStringLiteral("client called"), p.reception));
    QCOMPARE(atDesk.status, AppointmentStatus::Cancelled);
}

void TestRepoAppointments::lifecycleStampsEachStep()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment a = repo.get(*id).value();
    QVERIFY(!a.updatedAt.isValid());

    QVERIFY(repo.confirm(a, p.reception));
    QCOMPARE(a.status, AppointmentStatus::Confirmed);
    QCOMPARE(a.rowVersion, 2);
    QCOMPARE(a.updatedBy, p.reception.user);

    QVERIFY(repo.checkIn(a, p.reception, at(8, 55)));
    QCOMPARE(a.status, AppointmentStatus::CheckedIn);
    QCOMPARE(a.checkedInAt, at(8, 55));

    QVERIFY(repo.complete(a, p.clinician, at(9, 31)));
    QCOMPARE(a.status, AppointmentStatus::Completed);
    QCOMPARE(a.completedAt, at(9, 31));
    QCOMPARE(a.updatedBy, p.clinician.user);
    QCOMPARE(a.rowVersion, 4);
    QCOMPARE(repo.get(*id)->rowVersion, 4);
}

void TestRepoAppointments::invalidTransitionsAreRefused_data()
{
    QTest::addColumn<QString>("from"); // how the appointment gets to its state
    QTest::addColumn<QString>("action");

    QTest::newRow("complete a cancelled") << "cancelled"
                                          << "complete";
    QTest::newRow("complete a no-show") << "no_show"
                                        << "complete";
    QTest::newRow("complete a completed") << "completed"
                                          << "complete";
    QTest::newRow("cancel a completed") << "completed"
                                        << "cancel";
    QTest::newRow("cancel a cancelled") << "cancelled"
                                        << "cancel";
    QTest::newRow("cancel a no-show") << "no_show"
                                      << "cancel";
    QTest::newRow("no-show a checked-in") << "checked_in"
                                          << "no_show";
    QTest::newRow("no-show a completed") << "completed"
                                         << "no_show";
    QTest::newRow("check in a completed") << "completed"
                                          << "check_in";
    QTest::newRow("check in a cancelled") << "cancelled"
                                          << "check_in";
    QTest::newRow("check in twice") << "checked_in"
                                    << "check_in";
    QTest::newRow("confirm a confirmed") << "confirmed"
                                         << "confirm";
    QTest::newRow("confirm a checked-in") << "checked_in"
                                          << "confirm";
    QTest::newRow("move a cancelled") << "cancelled"
                                      << "move";
    QTest::newRow("move a completed") << "completed"
                                      << "move";
}

void TestRepoAppointments::invalidTransitionsAreRefused()
{
    QFETCH(QString, from);
    QFETCH(QString, action);
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment a = repo.get(*id).value();
    if (from == QLatin1String("cancelled"))
        QVERIFY(repo.cancel(a, QStringLiteral("moved away"), p.reception));
    else if (from == QLatin1String("no_show"))
        QVERIFY(repo.markNoShow(a, p.reception));
    else if (from == QLatin1String("completed"))
        QVERIFY(repo.complete(a, p.reception));
    else if (from == QLatin1String("checked_in"))
        QVERIFY(repo.checkIn(a, p.reception));
    else if (from == QLatin1String("confirmed"))
        QVERIFY(repo.confirm(a, p.reception));
    const Appointment before = a;

    Status outcome;
    if (action == QLatin1String("complete"))
        outcome = repo.complete(a, p.reception);
    else if (action == QLatin1String("cancel"))
        outcome = repo.cancel(a, QStringLiteral("changed mind"), p.reception);
    else if (action == QLatin1String("no_show"))
        outcome = repo.markNoShow(a, p.reception);
    else if (action == QLatin1String("check_in"))
        outcome = repo.checkIn(a, p.reception);
    else if (action == QLatin1String("confirm"))
        outcome = repo.confirm(a, p.reception);
    else
        outcome = repo.reschedule(a, at(15), at(15, 30), p.weber, p.reception);
    QVERIFY2(!outcome, qPrintable(from + QLatin1String(" -> ") + action));
    QCOMPARE(outcome.error().kind, ErrorKind::Validation);
    QVERIFY(!outcome.error().message.isEmpty());

    auto stored = repo.get(*id).value();
    QCOMPARE(stored.status, before.status);
    QCOMPARE(stored.rowVersion, before.rowVersion);
    QCOMPARE(stored.startsAt, at(9));
    QCOMPARE(a.rowVersion, before.rowVersion);
}

void TestRepoAppointments::cancellationNeedsAReason()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    auto id = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(id);
    Appointment a = repo.get(*id).value();
    auto blank = repo.cancel(a, QStringLiteral("  "), p.reception);
    QVERIFY(!blank);
    QCOMPARE(blank.error().kind, ErrorKind::Validation);
    QCOMPARE(repo.get(*id)->status, AppointmentStatus::Booked);

    QVERIFY(repo.cancel(a, QStringLiteral("Flu"), p.reception, at(7, 45)));
    QCOMPARE(a.status, AppointmentStatus::Cancelled);
    QCOMPARE(a.cancellationReason, QStringLiteral("Flu"));
    QCOMPARE(a.cancelledAt, at(7, 45));
}

void TestRepoAppointments::diaryLists()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    // Booked out of order, over three days and two practitioners.
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(14)), p.reception));
    QVERIFY(repo.book(draft(p.ben, p.silva, p.consultation, at(8)), p.reception));
    QVERIFY(repo.book(draft(p.ben, p.weber, p.consultation, at(9)), p.reception));
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(23, 30, kDay.addDays(-1))),
                      p.reception));
    QVERIFY(
        repo.book(draft(p.anna, p.silva, p.consultation, at(0, 0, kDay.addDays(1))), p.reception));
    auto cancelled = repo.book(draft(p.anna, p.silva, p.physio, at(11)), p.reception);
    QVERIFY(cancelled);
    Appointment c = repo.get(*cancelled).value();
    QVERIFY(repo.cancel(c, QStringLiteral("travel"), p.reception));

    auto day = repo.day(kDay);
    QVERIFY2(day, why(day));
    QCOMPARE(day->size(), std::size_t(4)); // the cancelled one stays visible in the diary
    QCOMPARE(day->at(0).startsAt, at(8));
    QCOMPARE(day->at(1).startsAt, at(9));
    QCOMPARE(day->at(2).startsAt, at(11));
    QCOMPARE(day->at(2).status, AppointmentStatus::Cancelled);
    QCOMPARE(day->at(3).startsAt, at(14));

    auto weber = repo.day(kDay, p.weber);
    QVERIFY(weber);
    QCOMPARE(weber->size(), std::size_t(2));
    for (const Appointment& a : *weber)
        QCOMPARE(a.practitioner, p.weber);

    auto range = repo.range(kDay.addDays(-1), kDay.addDays(1));
    QVERIFY(range);
    QCOMPARE(range->size(), std::size_t(6));
    QCOMPARE(range->front().startsAt, at(23, 30, kDay.addDays(-1)));
    QCOMPARE(range->back().startsAt, at(0, 0, kDay.addDays(1)));

    auto reversed = repo.range(kDay, kDay.addDays(-1));
    QVERIFY(!reversed);
    QCOMPARE(reversed.error().kind, ErrorKind::Validation);
}

void TestRepoAppointments::clientsUpcomingAndPast()
{
    AFTERCARE_PRACTICE(db, p);
    AppointmentRepository repo(db);
    const QDateTime now = at(12);
    QVERIFY(
        repo.book(draft(p.anna, p.weber, p.consultation, at(9, 0, kDay.addDays(7))), p.reception));
    QVERIFY(repo.book(draft(p.anna, p.weber, p.consultation, at(13)), p.reception));
    QVERIFY(
        repo.book(draft(p.ben, p.weber, p.consultation, at(15)), p.reception)); // someone else's
    auto earlier = repo.book(draft(p.anna, p.weber, p.consultation, at(9)), p.reception);
    QVERIFY(earlier);
    Appointment e = repo.get(*earlier).value();
    QVERIFY(repo.complete(e, p.reception));
    auto dropped =
        repo.book(draft(p.anna, p.silva, p.consultation, at(9, 0, kDay.addDays(3))), p.reception);
    QVERIFY(dropped);
    Appointment d = repo.get(*dropped).value();
    QVERIFY(repo.cancel(d, QStringLiteral("holiday"), p.reception));

    auto upcoming = repo.upcoming(p.anna, now);
    QVERIFY2(upcoming, why(upcoming));
    QCOMPARE(upcoming->size(), std::size_t(2));
    QCOMPARE(upcoming->at(0).startsAt, at(13));
    QCOMPARE(upcoming->at(1).startsAt, at(9, 0, kDay.addDays(7)));

    auto past = repo.past(p.anna, now);
    QVERIFY2(past, why(past));
    QCOMPARE(past->size(), std::size_t(2));
    QCOMPARE(past->at(0).status, AppointmentStatus::Cancelled); // newest first
    QCOMPARE(past->at(1).status, AppointmentStatus::Completed);
}

void TestRepoAppointments::twoWorkstationsRaceForOneSlot()
{
    AFTERCARE_PRACTICE(db, p);
    const DatabaseUrl url = dbHolder->url();

    // Workstation A books 10:00–10:30 and has not committed yet.
    AppointmentRepository deskA(db);
    auto transaction = db.begin();
    QVERIFY2(transaction, why(transaction));
    auto first =
        deskA.book(*transaction, draft(p.anna, p.weber, p.consultation, at(10)), p.reception);
    QVERIFY2(first, why(first));

    // Workstation B, on its own connection in its own thread, wants 10:15–10:45.
    std::optional<Result<AppointmentId>> second;
    QString openError;
    std::unique_ptr<QThread> deskB(QThread::create([&] {
        auto connection = Database::open(url);
        if (!connection) {
            openError = connection.error().describe();
            return;
        }
        AppointmentRepository repo(**connection);
        second = repo.book(draft(p.ben, p.weber, p.physio, at(10, 15)), p.clinician);
    }));
    deskB->start();

    if (db.isPostgreSql()) {
        // Wait until B's insert is blocked by A's uncommitted row: B's own check could not see
        // it, so the exclusion constraint decides.
        auto observer = Database::open(url);
        QVERIFY2(observer, why(observer));
        QElapsedTimer waited;
        waited.start();
        qlonglong blocked = 0;
        while (blocked == 0 && waited.elapsed() < 20000) {
            blocked =
                (*observer)
                    ->scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                            "current_database() AND wait_event_type = 'Lock'"))
                    .value()
                    .toLongLong();
            if (blocked == 0)
                QThread::msleep(20);
        }
        QVERIFY2(blocked > 0, "workstation B never reached the database's overlap check");
    } else {
        // B waits for the write lock that A holds (BEGIN IMMEDIATE).
        QThread::msleep(300);
        QVERIFY(deskB->isRunning());
    }
    QVERIFY2(transaction->commit(), "A commits");
    QVERIFY(deskB->wait(QDeadlineTimer(30000)));
    QVERIFY2(openError.isEmpty(), qPrintable(openError));

    QVERIFY(second.has_value());
    QVERIFY2(!*second, "both workstations got the slot");
    const Error& error = second->error();
    QCOMPARE(error.kind, ErrorKind::Overlap);
    QVERIFY2(error.message.contains(QStringLiteral("Anna Müller")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("10:00")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("Consultation")), qPrintable(error.message));
    if (db.isPostgreSql())
        QVERIFY2(!error.detail.isEmpty(),
                 "on PostgreSQL the exclusion constraint should have refused B");

    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toLongLong(),
             1);
    QCOMPARE(overlappingActivePairs(db), 0);
}

QTEST_GUILESS_MAIN(TestRepoAppointments)
#include "tst_repo_appointments.moc"
