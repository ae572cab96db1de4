// backends: sqlite postgresql
#include "aftercare/deadlines.h"
#include "aftercare/followupplanner.h"
#include "aftercare/sourcekey.h"
#include "repositories/clientrepository.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

FollowUpPlanner::Options full(const QDateTime& now, int staleAfterDays = 90)
{
    FollowUpPlanner::Options o;
    o.mode = FollowUpPlanner::Mode::Full;
    o.now = now;
    o.staleAfterDays = staleAfterDays;
    return o;
}

FollowUpPlanner::Options incremental(const QDateTime& now)
{
    FollowUpPlanner::Options o;
    o.mode = FollowUpPlanner::Mode::Incremental;
    o.now = now;
    return o;
}

qint64 taskCount(Database& db)
{
    return count(db, QStringLiteral("SELECT count(*) FROM followup_tasks"));
}

std::optional<ClientId> addClient(Database& db, const Practice& p, const QString& first)
{
    Client c;
    c.firstName = first;
    c.lastName = QStringLiteral("Test");
    c.preferredChannel = ContactChannel::Letter;
    auto id = ClientRepository(db).create(c, p.reception);
    return id ? std::optional<ClientId>(*id) : std::nullopt;
}

} // namespace

class TestAftercarePlanner : public QObject
{
    Q_OBJECT

private slots:
    void abnormalResultCreatesDiscussTask_data();
    void abnormalResultCreatesDiscussTask();
    void regeneratingCreatesNothingNew();
    void detractorOpensRecoveryTask_data();
    void detractorOpensRecoveryTask();
    void checkinCallPerPolicy();
    void rebookReminderOnlyWhenNothingBooked();
    void annualReviewAYearOn();
    void staleWorkIsLeftOut();
    void incrementalRunsFromTheWatermark();
    void communicatedResultClosesItsTasks_data();
    void communicatedResultClosesItsTasks();
};

void TestAftercarePlanner::abnormalResultCreatesDiscussTask_data()
{
    QTest::addColumn<bool>("viaHook");
    QTest::newRow("planner run") << false;
    QTest::newRow("hook when recorded") << true;
}

void TestAftercarePlanner::abnormalResultCreatesDiscussTask()
{
    QFETCH(bool, viaHook);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    const QDateTime received = at(2026, 3, 28, 10, 0);
    const QDateTime now = at(2026, 3, 28, 10, 5);
    const auto abnormal = addResult(db, p, p.anna, received, 8.1);
    const auto normal = addResult(db, p, p.ben, received, 5.2);
    QVERIFY(abnormal && normal);

    FollowUpPlanner planner(db);
    if (viaHook) {
        for (ResultId id : {*abnormal, *normal}) {
            auto report = db.write([&](TransactionGuard& tx) {
                return planner.onResultRecorded(tx, id, p.clinician, now);
            });
            QVERIFY2(report, why(report));
        }
    } else {
        auto report = planner.plan(full(now), p.clinician);
        QVERIFY2(report, why(report));
        QCOMPARE(report->createdOf(TaskKind::DiscussResult), 1);
        QCOMPARE(report->createdOf(TaskKind::CommunicateResult), 2);
        QCOMPARE(int(report->created.size()), 3);
    }
    QCOMPARE(taskCount(db), 3);

    FollowUpTaskRepository tasks(db);
    auto discuss =
        tasks.findBySourceKey(QStringLiteral("result:%1:discuss").arg(abnormal->value()));
    QVERIFY2(discuss, why(discuss));
    QCOMPARE(discuss->kind, TaskKind::DiscussResult);
    QCOMPARE(discuss->client, p.anna);
    QCOMPARE(discuss->result, *abnormal);
    QCOMPARE(discuss->priority, 1);
    QCOMPARE(discuss->status, TaskStatus::Open);
    QCOMPARE(discuss->dueAt, received);
    // 72 real hours across the change to summer time: 11:00 on the clock, not 10:00.
    QCOMPARE(discuss->deadlineAt, at(2026, 3, 31, 11, 0));
    QCOMPARE(discuss->createdAt, now);
    QVERIFY(!discuss->assignee.isValid());

    auto communicate = tasks.findBySourceKey(SourceKey::communicateResult(*abnormal));
    QVERIFY2(communicate, why(communicate));
    QCOMPARE(communicate->kind, TaskKind::CommunicateResult);
    QCOMPARE(communicate->priority, 2);
    QCOMPARE(communicate->deadlineAt, at(2026, 4, 4, 10, 0));

    // A normal result is passed on, not discussed.
    QCOMPARE(errorKind(tasks.findBySourceKey(SourceKey::discussResult(*normal))),
             std::optional(ErrorKind::NotFound));
    QVERIFY(tasks.findBySourceKey(SourceKey::communicateResult(*normal)).has_value());
}

void TestAftercarePlanner::regeneratingCreatesNothingNew()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    const QDateTime now = at(2026, 4, 1, 12, 0);
    const auto visit = addVisit(db, p, p.anna, p.consultation, at(2026, 3, 30, 9, 0));
    const auto oldVisit = addVisit(db, p, p.ben, p.physio, at(2025, 3, 20, 9, 0));
    QVERIFY(visit && oldVisit);
    QVERIFY(addResult(db, p, p.anna, at(2026, 3, 31, 8, 0), 9.0, *visit));
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Nps, 2, at(2026, 3, 31, 18, 0), *visit));

    FollowUpPlanner planner(db);
    auto first = planner.plan(full(now), p.clinician);
    QVERIFY2(first, why(first));
    // discuss + communicate + recovery + check-in + Ben's annual review.
    QCOMPARE(int(first->created.size()), 5);
    QCOMPARE(first->createdOf(TaskKind::AnnualReview), 1);
    const qint64 tasks = taskCount(db);
    QCOMPARE(tasks, 5);

    auto again = planner.plan(full(now), p.clinician);
    QVERIFY2(again, why(again));
    QCOMPARE(int(again->created.size()), 0);
    auto later = planner.plan(incremental(now.addSecs(3600)), p.reception);
    QVERIFY2(later, why(later));
    QCOMPARE(int(later->created.size()), 0);
    auto hook = db.write([&](TransactionGuard& tx) {
        return planner.onVisitCompleted(tx, *visit, p.clinician, now);
    });
    QVERIFY2(hook, why(hook));
    QCOMPARE(int(hook->created.size()), 0);
    QCOMPARE(taskCount(db), tasks);

    // A reason covered by a task under another key (an import, older data) gets no second one.
    const auto otherVisit = addVisit(db, p, p.ben, p.consultation, at(2026, 3, 31, 9, 0));
    QVERIFY(otherVisit);
    FollowUpTask imported;
    imported.client = p.ben;
    imported.kind = TaskKind::CheckinCall;
    imported.sourceKey = QStringLiteral("checkin:%1").arg(otherVisit->value());
    imported.appointment = *otherVisit;
    imported.dueAt = at(2026, 4, 3, 0, 0);
    imported.deadlineAt = at(2026, 4, 3, 23, 59, 59);
    QVERIFY(FollowUpTaskRepository(db).upsert(imported, p.admin));
    auto afterImport = planner.plan(full(now), p.clinician);
    QVERIFY2(afterImport, why(afterImport));
    QCOMPARE(int(afterImport->created.size()), 0);
    QCOMPARE(taskCount(db), tasks + 1);
}

void TestAftercarePlanner::detractorOpensRecoveryTask_data()
{
    QTest::addColumn<FeedbackKind>("kind");
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("detractor");
    QTest::newRow("NPS 0") << FeedbackKind::Nps << 0 << true;
    QTest::newRow("NPS 6") << FeedbackKind::Nps << 6 << true;
    QTest::newRow("NPS 7") << FeedbackKind::Nps << 7 << false;
    QTest::newRow("NPS 10") << FeedbackKind::Nps << 10 << false;
    QTest::newRow("CSAT 1") << FeedbackKind::Csat << 1 << true;
    QTest::newRow("CSAT 2") << FeedbackKind::Csat << 2 << true;
    QTest::newRow("CSAT 3") << FeedbackKind::Csat << 3 << false;
}

void TestAftercarePlanner::detractorOpensRecoveryTask()
{
    QFETCH(FeedbackKind, kind);
    QFETCH(int, score);
    QFETCH(bool, detractor);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    QVERIFY(linkWeberToClinician(db, p));
    const QDateTime responded = at(2026, 10, 24, 12, 0);
    const auto visit = addVisit(db, p, p.anna, p.physio, at(2026, 10, 20, 9, 0));
    const auto answer = addFeedback(db, p, p.anna, kind, score, responded, *visit,
                                    QStringLiteral("Waited an hour."));
    QVERIFY(visit && answer);

    FollowUpPlanner planner(db);
    auto report = db.write([&](TransactionGuard& tx) {
        return planner.onFeedbackRecorded(tx, *answer, p.reception, responded);
    });
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::DetractorCallback), detractor ? 1 : 0);
    auto task = FollowUpTaskRepository(db).findBySourceKey(SourceKey::detractorCallback(*answer));
    QCOMPARE(task.has_value(), detractor);
    if (!detractor)
        return;
    QCOMPARE(task->kind, TaskKind::DetractorCallback);
    QCOMPARE(task->feedback, *answer);
    QCOMPARE(task->appointment, *visit);
    QCOMPARE(task->priority, 1);
    QCOMPARE(task->dueAt, responded);
    // 48 real hours across the change to winter time: an hour earlier on the clock.
    QCOMPARE(task->deadlineAt, at(2026, 10, 26, 11, 0));
    // About a visit with Dr Weber, who signs in as the clinician.
    QCOMPARE(task->assignee, p.clinician.user);
}

void TestAftercarePlanner::checkinCallPerPolicy()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    QVERIFY(linkWeberToClinician(db, p));
    const QDateTime now = at(2026, 3, 27, 18, 0);
    // Consultation: check-in 3 days after; physiotherapy: no check-in.
    const auto withWeber = addVisit(db, p, p.anna, p.consultation, at(2026, 3, 27, 15, 0));
    const auto withSilva = addVisit(db, p, p.ben, p.consultation, at(2026, 3, 27, 16, 0),
                                    AppointmentStatus::Completed, p.silva);
    const auto physio = addVisit(db, p, p.anna, p.physio, at(2026, 3, 26, 10, 0));
    const auto booked =
        addVisit(db, p, p.ben, p.consultation, at(2026, 4, 20, 10, 0), AppointmentStatus::Booked);
    const auto cancelled = addVisit(db, p, p.anna, p.consultation, at(2026, 3, 25, 10, 0),
                                    AppointmentStatus::Cancelled);
    QVERIFY(withWeber && withSilva && physio && booked && cancelled);

    FollowUpPlanner planner(db);
    // The hook does nothing for a visit not completed.
    auto notYet = db.write([&](TransactionGuard& tx) {
        return planner.onVisitCompleted(tx, *booked, p.reception, now);
    });
    QVERIFY2(notYet, why(notYet));
    QCOMPARE(int(notYet->created.size()), 0);

    auto report = planner.plan(full(now), p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::CheckinCall), 2);

    FollowUpTaskRepository tasks(db);
    auto weberTask = tasks.findBySourceKey(SourceKey::checkinCall(*withWeber));
    QVERIFY2(weberTask, why(weberTask));
    QCOMPARE(weberTask->kind, TaskKind::CheckinCall);
    QCOMPARE(weberTask->appointment, *withWeber);
    // The policy's day, the 30th (over the change to summer time), from its start to its end.
    QCOMPARE(weberTask->dueAt, at(2026, 3, 30, 0, 0));
    QCOMPARE(weberTask->deadlineAt, at(2026, 3, 30, 23, 59, 59));
    QCOMPARE(weberTask->assignee, p.clinician.user);
    QCOMPARE(weberTask->priority, 3);

    auto silvaTask = tasks.findBySourceKey(SourceKey::checkinCall(*withSilva));
    QVERIFY2(silvaTask, why(silvaTask));
    QVERIFY(!silvaTask->assignee.isValid()); // Dr Silva has no account
    for (AppointmentId none : {*physio, *booked, *cancelled})
        QVERIFY(!tasks.findBySourceKey(SourceKey::checkinCall(none)));
}

void TestAftercarePlanner::rebookReminderOnlyWhenNothingBooked()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    ServiceType checkup;
    checkup.name = QStringLiteral("Check-up");
    checkup.rebookAfterWeeks = 4;
    auto service = ServiceTypeRepository(db).createServiceType(checkup, p.admin);
    QVERIFY2(service, why(service));
    const auto cleo = addClient(db, p, QStringLiteral("Cleo"));
    QVERIFY(cleo);
    const QDateTime now = at(2026, 4, 1, 12, 0);

    // Anna: last visit 20 February, nothing booked since: reminder due 20 March.
    QVERIFY(addVisit(db, p, p.anna, *service, at(2026, 1, 5, 9, 0)));
    const auto annaLast = addVisit(db, p, p.anna, *service, at(2026, 2, 20, 9, 0));
    // Ben: the same, but his next visit is booked.
    QVERIFY(addVisit(db, p, p.ben, *service, at(2026, 2, 20, 10, 0)));
    QVERIFY(addVisit(db, p, p.ben, *service, at(2026, 4, 10, 10, 0), AppointmentStatus::Booked));
    // Cleo: last visit four weeks ago tomorrow, not yet due.
    QVERIFY(addVisit(db, p, *cleo, *service, at(2026, 3, 5, 10, 0)));
    QVERIFY(annaLast);

    FollowUpPlanner planner(db);
    auto report = planner.plan(full(now), p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::RebookReminder), 1);
    FollowUpTaskRepository tasks(db);
    auto reminder = tasks.findBySourceKey(SourceKey::rebookReminder(p.anna, *annaLast));
    QVERIFY2(reminder, why(reminder));
    QCOMPARE(reminder->sourceKey,
             QStringLiteral("client:%1:rebook:%2").arg(p.anna.value()).arg(annaLast->value()));
    QCOMPARE(reminder->kind, TaskKind::RebookReminder);
    QCOMPARE(reminder->appointment, *annaLast);
    QCOMPARE(reminder->dueAt, at(2026, 3, 20, 0, 0));
    QCOMPARE(reminder->deadlineAt, at(2026, 3, 27, 23, 59, 59));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks WHERE client_id = ?"),
                   {p.ben.toVariant()}),
             0);

    // A week later Cleo's reminder is due as well.
    auto nextWeek = planner.plan(incremental(now.addDays(7)), p.clinician);
    QVERIFY2(nextWeek, why(nextWeek));
    QCOMPARE(nextWeek->createdOf(TaskKind::RebookReminder), 1);

    // Anna books: her reminder is done, and planning again brings it back no more.
    const auto booking =
        addVisit(db, p, p.anna, *service, at(2026, 4, 20, 9, 0), AppointmentStatus::Booked);
    QVERIFY(booking);
    auto closed = db.write([&](TransactionGuard& tx) {
        return planner.onAppointmentBooked(tx, *booking, p.reception);
    });
    QVERIFY2(closed, why(closed));
    QCOMPARE(closed->closed, 1);
    auto done = tasks.get(reminder->id);
    QVERIFY2(done, why(done));
    QCOMPARE(done->status, TaskStatus::Done);
    QVERIFY(!done->resolutionNote.isEmpty());
    auto again = planner.plan(full(now.addDays(8)), p.clinician);
    QVERIFY2(again, why(again));
    QCOMPARE(again->createdOf(TaskKind::RebookReminder), 0);
}

void TestAftercarePlanner::annualReviewAYearOn()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    // Physiotherapy has no rebook interval: a review a year after the last visit.
    const auto annaVisit = addVisit(db, p, p.anna, p.physio, at(2025, 3, 10, 9, 0));
    const auto benVisit = addVisit(db, p, p.ben, p.physio, at(2025, 6, 1, 9, 0));
    QVERIFY(annaVisit && benVisit);
    FollowUpPlanner planner(db);
    auto report = planner.plan(full(at(2026, 4, 1, 12, 0)), p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::AnnualReview), 1);
    auto review = FollowUpTaskRepository(db).findBySourceKey(
        QStringLiteral("client:%1:review:2026").arg(p.anna.value()));
    QVERIFY2(review, why(review));
    QCOMPARE(review->kind, TaskKind::AnnualReview);
    QCOMPARE(review->appointment, *annaVisit);
    QCOMPARE(review->dueAt, at(2026, 3, 10, 0, 0));
    QCOMPARE(review->deadlineAt, at(2026, 4, 9, 23, 59, 59));
    QCOMPARE(review->priority, 4);
}

void TestAftercarePlanner::staleWorkIsLeftOut()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    const QDateTime now = at(2026, 4, 1, 12, 0);
    // Imported history: a result from last June never marked communicated.
    QVERIFY(addResult(db, p, p.anna, at(2025, 6, 2, 9, 0), 5.0));
    FollowUpPlanner planner(db);
    auto report = planner.plan(full(now), p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(int(report->created.size()), 0);
    QCOMPARE(taskCount(db), 0);

    auto everything = planner.plan(full(now, 0), p.clinician);
    QVERIFY2(everything, why(everything));
    QCOMPARE(everything->createdOf(TaskKind::CommunicateResult), 1);
}

void TestAftercarePlanner::incrementalRunsFromTheWatermark()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    FollowUpPlanner planner(db);
    QCOMPARE(planner.plannedUntil().value(), QDateTime());
    const QDateTime first = at(2026, 4, 1, 12, 0);
    auto run = planner.plan(incremental(first), p.clinician);
    QVERIFY2(run, why(run));
    QCOMPARE(run->plannedUntil, first);
    QCOMPARE(planner.plannedUntil().value(), first);

    // Entered afterwards: a result of this afternoon, one typed in from two days ago (within
    // the replay window) and one from three weeks ago (only a full run sees it).
    QVERIFY(addResult(db, p, p.anna, first.addSecs(3600), 5.0));
    QVERIFY(addResult(db, p, p.ben, first.addDays(-2), 5.0));
    QVERIFY(addResult(db, p, p.ben, first.addDays(-21), 5.0));
    const QDateTime second = first.addSecs(2 * 3600);
    auto next = planner.plan(incremental(second), p.clinician);
    QVERIFY2(next, why(next));
    QCOMPARE(next->createdOf(TaskKind::CommunicateResult), 2);
    QCOMPARE(planner.plannedUntil().value(), second);
    auto all = planner.plan(full(second), p.clinician);
    QVERIFY2(all, why(all));
    QCOMPARE(all->createdOf(TaskKind::CommunicateResult), 1);
    QCOMPARE(taskCount(db), 3);
}

void TestAftercarePlanner::communicatedResultClosesItsTasks_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<bool>("discussClosed");
    QTest::newRow("by phone") << Channel::Phone << true;
    QTest::newRow("in person") << Channel::InPerson << true;
    QTest::newRow("by letter") << Channel::Letter << false;
}

void TestAftercarePlanner::communicatedResultClosesItsTasks()
{
    QFETCH(Channel, channel);
    QFETCH(bool, discussClosed);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(useBerlin(db, p));
    const QDateTime received = at(2026, 3, 2, 9, 0);
    const auto result = addResult(db, p, p.anna, received, 7.5);
    QVERIFY(result);
    FollowUpPlanner planner(db);
    auto report = db.write([&](TransactionGuard& tx) {
        return planner.onResultRecorded(tx, *result, p.clinician, received);
    });
    QVERIFY2(report, why(report));
    QCOMPARE(int(report->created.size()), 2);

    ResultRepository results(db);
    auto content = results.content(*result, p.clinician);
    QVERIFY2(content, why(content));
    QVERIFY(results.markReviewed(*content, p.clinician, received.addSecs(3600)));
    const QDateTime communicated = received.addDays(2);
    QVERIFY(results.markCommunicated(*content, channel, p.clinician, communicated));
    // Recording it closed the tasks at once; the hook run again finds nothing left to do.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks WHERE status = 'done'")),
             discussClosed ? 2 : 1);
    auto closed = db.write([&](TransactionGuard& tx) {
        return planner.onResultRecorded(tx, *result, p.clinician, communicated);
    });
    QVERIFY2(closed, why(closed));
    QCOMPARE(int(closed->created.size()), 0);
    QCOMPARE(closed->closed, 0);

    FollowUpTaskRepository tasks(db);
    auto communicate = tasks.findBySourceKey(SourceKey::communicateResult(*result)).value();
    QCOMPARE(communicate.status, TaskStatus::Done);
    QCOMPARE(communicate.doneAt, communicated);
    QCOMPARE(communicate.doneBy, p.clinician.user);
    QCOMPARE(Deadlines::slaOutcome(communicate.status, communicate.doneAt, communicate.deadlineAt,
                                   communicated.addDays(30)),
             SlaOutcome::Met);
    auto discuss = tasks.findBySourceKey(SourceKey::discussResult(*result)).value();
    QCOMPARE(discuss.status, discussClosed ? TaskStatus::Done : TaskStatus::Open);
}

QTEST_GUILESS_MAIN(TestAftercarePlanner)
#include "tst_aftercare_planner.moc"
