// backends: sqlite postgresql
// Follow-up work is planned when its cause happens (a visit completed, a result received or
// moved on, an answer recorded, an import of any of them), not only when "Plan follow-ups" is
// pressed; and an unhappy client's complaint gets one call-back, not a second one after the
// first was done.
#include "aftercare/followupplanner.h"
#include "aftercare/sourcekey.h"
#include "desk/bookingdesk.h"
#include "desk/callservice.h"
#include "importing/csvimporter.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QBuffer>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kNow = QDateTime::currentDateTime();

Result<ImportSummary> importCsv(Database& db, ImportKind kind, const QByteArray& csv,
                                bool dryRun = false)
{
    QBuffer buffer;
    buffer.setData(csv);
    ImportOptions options;
    options.dryRun = dryRun;
    return CsvImporter(db, Actor::system()).import(kind, buffer, options);
}

QByteArray stamp(const QDateTime& time)
{
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toLatin1();
}

qint64 tasksOf(Database& db, TaskKind kind, const QString& status = QStringLiteral("open"))
{
    return count(
        db, QStringLiteral("SELECT count(*) FROM followup_tasks WHERE kind = ? AND status = ?"),
        {sqlName(kind), status});
}

// A recovery task for the answer, closed as done (the client was called back).
bool doneRecovery(Database& db, const Practice& p, FeedbackId answer, const QString& key,
                  const QDateTime& respondedAt)
{
    auto feedback = FeedbackRepository(db).get(answer);
    if (!feedback)
        return false;
    FollowUpTask t;
    t.client = feedback->client;
    t.kind = TaskKind::DetractorCallback;
    t.sourceKey = key;
    t.appointment = feedback->appointment;
    t.feedback = answer;
    t.dueAt = respondedAt;
    t.deadlineAt = respondedAt.addDays(2);
    t.priority = 1;
    t.createdAt = respondedAt;
    FollowUpTaskRepository tasks(db);
    auto id = tasks.upsert(t, p.admin);
    if (!id)
        return false;
    auto task = tasks.get(id->id);
    return task && tasks.complete(*task, QStringLiteral("Apologised; she is content again."),
                                  p.clinician, respondedAt.addSecs(3600));
}

} // namespace

class TestAutoPlan : public QObject
{
    Q_OBJECT

private slots:
    void importPlansWhatItBrings();
    void dryRunPlansNothing();
    void deskCompletionPlansTheCheckin();
    void resultLifecyclePlansAndCloses();
    void recoveryIsNotOpenedAgain_data();
    void recoveryIsNotOpenedAgain();
    void answerTakenInTheCallBackOpensNoSecondCase();
    void planButtonStaysIdempotent();
};

void TestAutoPlan::importPlansWhatItBrings()
{
    // The practice's Dr Weber and Consultation (check-in call three days on) are used by name.
    AFTERCARE_PRACTICE(db, p);
    Q_UNUSED(p);
    const QDateTime yesterday = kNow.addDays(-1);
    auto clients = importCsv(db, ImportKind::Clients,
                             "external_id,first_name,last_name\nK-1,Anna,Berg\nK-2,Ben,Cole\n");
    QVERIFY2(clients, why(clients));

    // A visit completed yesterday of a service with a check-in policy (the practice's
    // Consultation: three days on).
    const QByteArray visits =
        "external_id,client,practitioner,service,start,duration_minutes,status\n"
        "A-1,K-1,Dr Weber,Consultation," +
        stamp(yesterday) + ",30,completed\n";
    auto visited = importCsv(db, ImportKind::Appointments, visits);
    QVERIFY2(visited, why(visited));
    QCOMPARE(visited->created, 1);
    QCOMPARE(tasksOf(db, TaskKind::CheckinCall), 1);
    QCOMPARE(visited->tasksPlanned, 1);

    // An abnormal result received yesterday: discussed and passed on; a normal one passed on.
    const QByteArray results = "client,test,received_at,value,unit,reference_low,reference_high\n"
                               "K-1,HbA1c," +
                               stamp(yesterday) +
                               ",8.4,%,4,6\n"
                               "K-2,HbA1c," +
                               stamp(yesterday) + ",5.1,%,4,6\n";
    auto received = importCsv(db, ImportKind::Results, results);
    QVERIFY2(received, why(received));
    QCOMPARE(tasksOf(db, TaskKind::DiscussResult), 1);
    QCOMPARE(tasksOf(db, TaskKind::CommunicateResult), 2);
    QCOMPARE(received->tasksPlanned, 3);

    // An unhappy answer: a call-back; a happy one: nothing.
    const QByteArray answers = "client,appointment,kind,score,responded_at\n"
                               "K-1,A-1,nps,3," +
                               stamp(kNow.addSecs(-3600)) +
                               "\n"
                               "K-2,,csat,5," +
                               stamp(kNow.addSecs(-3600)) + "\n";
    auto answered = importCsv(db, ImportKind::Feedback, answers);
    QVERIFY2(answered, why(answered));
    QCOMPARE(tasksOf(db, TaskKind::DetractorCallback), 1);
    QCOMPARE(answered->tasksPlanned, 1);

    // Importing the same files again changes nothing, tasks included.
    const qint64 before = count(db, QStringLiteral("SELECT count(*) FROM followup_tasks"));
    for (const auto& [kind, csv] :
         {std::pair{ImportKind::Appointments, visits}, std::pair{ImportKind::Results, results},
          std::pair{ImportKind::Feedback, answers}}) {
        auto again = importCsv(db, kind, csv);
        QVERIFY2(again, why(again));
        QCOMPARE(again->tasksPlanned, 0);
    }
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks")), before);

    // History stays history: a result of last year opens nothing.
    auto old = importCsv(db, ImportKind::Results,
                         "client,test,received_at,value,unit,reference_low,reference_high\n"
                         "K-2,Ferritin," +
                             stamp(kNow.addYears(-1)) + ",900,ng/mL,30,400\n");
    QVERIFY2(old, why(old));
    QCOMPARE(old->tasksPlanned, 0);
}

void TestAutoPlan::dryRunPlansNothing()
{
    AFTERCARE_PRACTICE(db, p);
    Q_UNUSED(p);
    QVERIFY(
        importCsv(db, ImportKind::Clients, "external_id,first_name,last_name\nK-1,Anna,Berg\n"));
    auto dry = importCsv(db, ImportKind::Results,
                         "client,test,received_at,value,unit,reference_low,reference_high\n"
                         "K-1,HbA1c," +
                             stamp(kNow.addDays(-1)) + ",8.4,%,4,6\n",
                         true);
    QVERIFY2(dry, why(dry));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks")), 0);
}

void TestAutoPlan::deskCompletionPlansTheCheckin()
{
    AFTERCARE_PRACTICE(db, p);
    auto visit = addVisit(db, p, p.anna, p.consultation, kNow.addSecs(-2 * 3600),
                          AppointmentStatus::CheckedIn);
    QVERIFY(visit);
    Appointment appointment = AppointmentRepository(db).get(*visit).value();
    QVERIFY(BookingDesk(db, p.reception).complete(appointment));
    FollowUpTaskRepository tasks(db);
    auto checkin = tasks.findBySourceKey(SourceKey::checkinCall(*visit));
    QVERIFY2(checkin, why(checkin));
    QCOMPARE(checkin->kind, TaskKind::CheckinCall);
}

void TestAutoPlan::resultLifecyclePlansAndCloses()
{
    AFTERCARE_PRACTICE(db, p);
    // Recorded as normal, then confirmed abnormal by the clinician: to be discussed at once.
    const auto result = addResult(db, p, p.anna, kNow.addSecs(-3600), 5.0);
    QVERIFY(result);
    ResultRepository results(db);
    auto content = results.content(*result, p.clinician);
    QVERIFY2(content, why(content));
    QVERIFY(results.confirmAbnormal(*content, true, p.clinician));
    QCOMPARE(tasksOf(db, TaskKind::DiscussResult), 1);
    QCOMPARE(tasksOf(db, TaskKind::CommunicateResult), 1);

    // Told in person: both done at once, with no planner run.
    QVERIFY(results.markReviewed(*content, p.clinician));
    QVERIFY(results.markCommunicated(*content, Channel::InPerson, p.clinician));
    QCOMPARE(tasksOf(db, TaskKind::DiscussResult), 0);
    QCOMPARE(tasksOf(db, TaskKind::CommunicateResult), 0);
    QCOMPARE(tasksOf(db, TaskKind::DiscussResult, QStringLiteral("done")), 1);
    QCOMPARE(tasksOf(db, TaskKind::CommunicateResult, QStringLiteral("done")), 1);
}

void TestAutoPlan::recoveryIsNotOpenedAgain_data()
{
    QTest::addColumn<bool>("withVisit");
    QTest::addColumn<QString>("doneKey"); // the done task's source key: ours or an import's
    QTest::newRow("one survey of a visit") << true << QString();
    QTest::newRow("one survey of a visit, imported task") << true << QStringLiteral("imported:7");
    QTest::newRow("one survey without a visit") << false << QString();
}

void TestAutoPlan::recoveryIsNotOpenedAgain()
{
    QFETCH(bool, withVisit);
    QFETCH(QString, doneKey);
    AFTERCARE_PRACTICE(db, p);
    const QDateTime answered = kNow.addDays(-3);
    std::optional<AppointmentId> visit;
    if (withVisit) {
        visit = addVisit(db, p, p.anna, p.physio, kNow.addDays(-4));
        QVERIFY(visit);
    }
    // One survey, two unhappy answers: CSAT 2 and, a moment later, NPS 3.
    const auto csat = addFeedback(db, p, p.anna, FeedbackKind::Csat, 2, answered,
                                  visit.value_or(AppointmentId()));
    const auto nps =
        addFeedback(db, p, p.anna, FeedbackKind::Nps, 3,
                    withVisit ? answered.addSecs(90) : answered, visit.value_or(AppointmentId()));
    QVERIFY(csat && nps);
    // The client was called back about the NPS answer, and the case is closed.
    QVERIFY(doneRecovery(
        db, p, *nps, doneKey.isEmpty() ? SourceKey::detractorCallback(*nps) : doneKey, answered));

    FollowUpPlanner planner(db);
    FollowUpPlanner::Options options;
    options.mode = FollowUpPlanner::Mode::Full;
    options.now = kNow;
    auto report = planner.plan(options, p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::DetractorCallback), 0);
    auto hook = db.write([&](TransactionGuard& tx) {
        return planner.onFeedbackRecorded(tx, *csat, p.clinician, kNow);
    });
    QVERIFY2(hook, why(hook));
    QVERIFY(hook->created.empty());
    QCOMPARE(tasksOf(db, TaskKind::DetractorCallback), 0);

    // A complaint about a later visit is a case of its own.
    const auto later = addVisit(db, p, p.anna, p.physio, kNow.addDays(-1));
    QVERIFY(later);
    const auto again = addFeedback(db, p, p.anna, FeedbackKind::Csat, 1, kNow.addSecs(-600),
                                   withVisit ? *later : AppointmentId());
    QVERIFY(again);
    report = planner.plan(options, p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::DetractorCallback), 1);
    QVERIFY(FollowUpTaskRepository(db).findBySourceKey(SourceKey::detractorCallback(*again)));
}

void TestAutoPlan::answerTakenInTheCallBackOpensNoSecondCase()
{
    AFTERCARE_PRACTICE(db, p);
    const auto visit = addVisit(db, p, p.ben, p.consultation, kNow.addDays(-2));
    QVERIFY(visit);
    const auto answer = addFeedback(db, p, p.ben, FeedbackKind::Nps, 2, kNow.addDays(-1), *visit,
                                    QStringLiteral("Nobody told me about the costs."));
    QVERIFY(answer);
    auto planned = db.write([&](TransactionGuard& tx) {
        return FollowUpPlanner(db).onFeedbackRecorded(tx, *answer, p.clinician, kNow.addDays(-1));
    });
    QVERIFY2(planned, why(planned));
    QCOMPARE(int(planned->created.size()), 1);
    FollowUpTask recovery = FollowUpTaskRepository(db).get(planned->created.front()).value();

    // Reached: still not happy (NPS 5), asked again in the call, concern settled.
    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.nextStep = CallNextStep::Done;
    log.at = kNow.addSecs(-600);
    log.feedbackScore = FeedbackScore::parse(FeedbackKind::Nps, 5);
    log.resolutionNote = QStringLiteral("Explained the bill; refunded the parking.");
    auto logged = CallService(db).logCall(recovery, log, p.clinician);
    QVERIFY2(logged, why(logged));
    QVERIFY(logged->feedback.isValid());
    QVERIFY(!logged->recoveryTask.isValid());
    QCOMPARE(tasksOf(db, TaskKind::DetractorCallback), 0);
    QCOMPARE(tasksOf(db, TaskKind::DetractorCallback, QStringLiteral("done")), 1);

    // Nor does the next "Plan follow-ups".
    auto report = FollowUpPlanner(db).plan(p.clinician);
    QVERIFY2(report, why(report));
    QCOMPARE(report->createdOf(TaskKind::DetractorCallback), 0);
}

void TestAutoPlan::planButtonStaysIdempotent()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.0));
    QVERIFY(addFeedback(db, p, p.ben, FeedbackKind::Csat, 1, kNow.addSecs(-3600)));
    FollowUpPlanner planner(db);
    auto first = planner.plan(p.clinician);
    QVERIFY2(first, why(first));
    QCOMPARE(int(first->created.size()), 3);
    auto second = planner.plan(p.clinician);
    QVERIFY2(second, why(second));
    QCOMPARE(int(second->created.size()), 0);
}

QTEST_GUILESS_MAIN(TestAutoPlan)
#include "tst_autoplan.moc"
