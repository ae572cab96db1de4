// backends: sqlite postgresql
#include "aftercare/followupplanner.h"
#include "aftercare/sourcekey.h"
#include "desk/callservice.h"
#include "repositories/auditlog.h"
#include "repositories/clientrepository.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kVisit = at(2026, 5, 4, 9, 0);
const QDateTime kCall = at(2026, 5, 7, 10, 0); // the check-in day (3 days on)

// Anna's completed consultation and its check-in task.
std::optional<FollowUpTask> checkinTask(Database& db, const Practice& p)
{
    const auto visit = addVisit(db, p, p.anna, p.consultation, kVisit);
    if (!visit)
        return std::nullopt;
    auto planned = db.write([&](TransactionGuard& tx) {
        return FollowUpPlanner(db).onVisitCompleted(tx, *visit, p.clinician, kVisit);
    });
    if (!planned || planned->created.size() != 1)
        return std::nullopt;
    auto task = FollowUpTaskRepository(db).get(planned->created.front());
    return task ? std::optional<FollowUpTask>(*task) : std::nullopt;
}

// Anna's abnormal result and its discuss task.
std::optional<FollowUpTask> discussTask(Database& db, const Practice& p, ResultId* resultId)
{
    const auto result = addResult(db, p, p.anna, kVisit, 8.4);
    if (!result)
        return std::nullopt;
    *resultId = *result;
    auto planned = db.write([&](TransactionGuard& tx) {
        return FollowUpPlanner(db).onResultRecorded(tx, *result, p.clinician, kVisit);
    });
    if (!planned)
        return std::nullopt;
    auto task = FollowUpTaskRepository(db).findBySourceKey(SourceKey::discussResult(*result));
    return task ? std::optional<FollowUpTask>(*task) : std::nullopt;
}

CallLog unanswered(CallOutcome outcome, const QDateTime& at, const QDateTime& again)
{
    CallLog log;
    log.outcome = outcome;
    log.nextStep = CallNextStep::CallAgain;
    log.at = at;
    log.callAgainAt = again;
    return log;
}

qint64 touchpoints(Database& db, ClientId client)
{
    return TouchpointRepository(db).count(client).value_or(-1);
}

} // namespace

class TestAftercareCalls : public QObject
{
    Q_OBJECT

private slots:
    void reachedWithBookingClosesTheTask();
    void aBookingThatOverlapsSavesNothing();
    void threeUnansweredCallsProposeALetter();
    void callAgainMovesTheDueTime();
    void everyAttemptIsATouchpoint();
    void escalateHandsTheTaskOver();
    void contentIsForCliniciansOnly_data();
    void contentIsForCliniciansOnly();
    void everyContentViewIsAudited();
    void openShowsWhyWeCall();
    void detractorAnswerInACallOpensRecovery();
    void recoveryCaseNeedsAResolutionNote();
    void paperFeedbackOpensRecovery();
};

void TestAftercareCalls::reachedWithBookingClosesTheTask()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    const qint64 before = touchpoints(db, p.anna);

    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.notes = QStringLiteral("Knee better; wants a follow-up.");
    log.nextStep = CallNextStep::Book;
    log.at = kCall;
    Appointment next;
    next.practitioner = p.weber;
    next.serviceType = p.consultation;
    next.startsAt = at(2026, 5, 20, 11, 0);
    log.booking = next;
    CallService calls(db);
    auto logged = calls.logCall(*task, log, p.clinician);
    QVERIFY2(logged, why(logged));

    QCOMPARE(task->status, TaskStatus::Done);
    QCOMPARE(task->doneAt, kCall);
    QCOMPARE(task->doneBy, p.clinician.user);
    QCOMPARE(logged->task.status, TaskStatus::Done);
    QVERIFY(logged->booked.isValid());
    auto booked = AppointmentRepository(db).get(logged->booked);
    QVERIFY2(booked, why(booked));
    QCOMPARE(booked->client, p.anna);
    QCOMPARE(booked->status, AppointmentStatus::Booked);
    QCOMPARE(booked->startsAt, at(2026, 5, 20, 11, 0));
    QCOMPARE(booked->endsAt, at(2026, 5, 20, 11, 30));
    // The call, and the booking made in it (as every booking is recorded).
    QCOMPARE(touchpoints(db, p.anna), before + 2);
    // A completed visit and a booking: back to "during".
    QCOMPARE(ClientRepository(db).get(p.anna)->stage, JourneyStage::During);
    auto attempts = FollowUpTaskRepository(db).callAttempts(task->id, p.clinician).value();
    QCOMPARE(int(attempts.size()), 1);
    QCOMPARE(attempts.front().nextStep, CallNextStep::Book);
    QCOMPARE(attempts.front().notes, log.notes);
}

void TestAftercareCalls::aBookingThatOverlapsSavesNothing()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    QVERIFY(
        addVisit(db, p, p.ben, p.consultation, at(2026, 5, 20, 11, 0), AppointmentStatus::Booked));
    const qint64 touches = touchpoints(db, p.anna);
    const qint64 appointments = count(db, QStringLiteral("SELECT count(*) FROM appointments"));

    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.nextStep = CallNextStep::Book;
    log.at = kCall;
    Appointment clash;
    clash.practitioner = p.weber;
    clash.serviceType = p.consultation;
    clash.startsAt = at(2026, 5, 20, 11, 15);
    log.booking = clash;
    const FollowUpTask original = *task;
    auto logged = CallService(db).logCall(*task, log, p.clinician);
    QCOMPARE(errorKind(logged), std::optional(ErrorKind::Overlap));
    // Nothing of the call was saved, and the caller's task is as it was.
    QCOMPARE(task->rowVersion, original.rowVersion);
    QCOMPARE(FollowUpTaskRepository(db).get(task->id)->status, TaskStatus::Open);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM call_attempts")), 0);
    QCOMPARE(touchpoints(db, p.anna), touches);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM appointments")), appointments);
}

void TestAftercareCalls::threeUnansweredCallsProposeALetter()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    CallService calls(db);
    const CallOutcome outcomes[] = {CallOutcome::NoAnswer, CallOutcome::Voicemail,
                                    CallOutcome::WrongNumber, CallOutcome::NoAnswer};
    const bool proposed[] = {false, false, false, true};
    const int counted[] = {1, 2, 2, 3};
    for (int i = 0; i < 4; ++i) {
        const QDateTime when = kCall.addSecs(i * 3600);
        auto logged =
            calls.logCall(*task, unanswered(outcomes[i], when, when.addSecs(1800)), p.clinician);
        QVERIFY2(logged, why(logged));
        QCOMPARE(logged->unansweredAttempts, counted[i]);
        QCOMPARE(logged->proposeLetter, proposed[i]);
        QCOMPARE(logged->task.status, TaskStatus::Open);
    }
    QVERIFY(calls.open(task->id, p.clinician)->proposeLetter);

    auto letter = calls.sendLetterInstead(*task, p.clinician, kCall.addDays(1));
    QVERIFY2(letter, why(letter));
    QCOMPARE(task->status, TaskStatus::Done);
    QVERIFY(!task->resolutionNote.isEmpty());
    FollowUpTaskRepository tasks(db);
    auto letterTask = tasks.get(*letter);
    QVERIFY2(letterTask, why(letterTask));
    QCOMPARE(letterTask->kind, TaskKind::Letter);
    QCOMPARE(letterTask->sourceKey, QStringLiteral("task:%1:letter").arg(task->id.value()));
    QCOMPARE(letterTask->client, p.anna);
    QCOMPARE(letterTask->appointment, task->appointment);
    QCOMPARE(letterTask->dueAt, kCall.addDays(1));
    QCOMPARE(letterTask->deadlineAt, at(2026, 5, 15, 23, 59, 59));
    QCOMPARE(letterTask->status, TaskStatus::Open);

    // Sending the letter closes it and is a letter touchpoint.
    const qint64 before = touchpoints(db, p.anna);
    QVERIFY(calls.resolve(*letterTask, QStringLiteral("Sent."), p.clinician, kCall.addDays(2)));
    QCOMPARE(letterTask->status, TaskStatus::Done);
    auto timeline = TouchpointRepository(db).timeline(p.anna, 1).value();
    QCOMPARE(touchpoints(db, p.anna), before + 1);
    QCOMPARE(timeline.front().channel, Channel::Letter);
    QCOMPARE(timeline.front().kind, QStringLiteral("letter"));
}

void TestAftercareCalls::callAgainMovesTheDueTime()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    const QDateTime deadline = task->deadlineAt;
    CallService calls(db);
    const QDateTime again = at(2026, 5, 7, 16, 30);
    auto logged =
        calls.logCall(*task, unanswered(CallOutcome::NoAnswer, kCall, again), p.reception);
    QVERIFY2(logged, why(logged));
    QCOMPARE(task->dueAt, again);
    QCOMPARE(task->deadlineAt, deadline);
    QCOMPARE(task->status, TaskStatus::Open);
    QCOMPARE(FollowUpTaskRepository(db).get(task->id)->dueAt, again);

    // "Call again" needs a time after the call.
    auto past = calls.logCall(*task, unanswered(CallOutcome::NoAnswer, kCall, kCall.addSecs(-60)),
                              p.reception);
    QCOMPARE(errorKind(past), std::optional(ErrorKind::Validation));
    QCOMPARE(FollowUpTaskRepository(db).get(task->id)->dueAt, again);
}

void TestAftercareCalls::everyAttemptIsATouchpoint()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    const qint64 before = touchpoints(db, p.anna);
    CallService calls(db);
    CallLog first = unanswered(CallOutcome::Voicemail, kCall, kCall.addSecs(7200));
    first.notes = QStringLiteral("Left a message about the knee.");
    QVERIFY(calls.logCall(*task, first, p.clinician));
    CallLog second;
    second.outcome = CallOutcome::Reached;
    second.nextStep = CallNextStep::Done;
    second.at = kCall.addSecs(7200);
    second.notes = QStringLiteral("All well, swelling gone.");
    auto done = calls.logCall(*task, second, p.clinician);
    QVERIFY2(done, why(done));
    QCOMPARE(task->status, TaskStatus::Done);

    QCOMPARE(touchpoints(db, p.anna), before + 2);
    auto timeline = TouchpointRepository(db).timeline(p.anna, 2).value();
    QCOMPARE(timeline[0].occurredAt, second.at);
    QCOMPARE(timeline[0].outcome, QStringLiteral("reached"));
    QCOMPARE(timeline[1].outcome, QStringLiteral("voicemail"));
    for (const Touchpoint& t : timeline) {
        QCOMPARE(t.channel, Channel::Phone);
        QCOMPARE(t.stage, JourneyStage::After);
        QCOMPARE(t.kind, QStringLiteral("checkin_call"));
        QCOMPARE(t.appointment, task->appointment);
        QCOMPARE(t.by, p.clinician.user);
        // The timeline is for every role: the call notes stay out of it.
        QVERIFY(t.notes.isEmpty());
    }
    QCOMPARE(done->touchpoint, timeline[0].id);
}

void TestAftercareCalls::escalateHandsTheTaskOver()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    QCOMPARE(task->priority, 3);
    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.nextStep = CallNextStep::Escalate;
    log.at = kCall;
    CallService calls(db);
    QCOMPARE(errorKind(calls.logCall(*task, log, p.reception)),
             std::optional(ErrorKind::Validation)); // to whom?
    log.escalateTo = p.clinician.user;
    auto logged = calls.logCall(*task, log, p.reception);
    QVERIFY2(logged, why(logged));
    QCOMPARE(task->priority, 1);
    QCOMPARE(task->assignee, p.clinician.user);
    QCOMPARE(task->status, TaskStatus::Open);
}

void TestAftercareCalls::contentIsForCliniciansOnly_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("clinician") << Role::Clinician << true;
    QTest::newRow("reception") << Role::Reception << false;
    QTest::newRow("manager") << Role::Manager << false;
    QTest::newRow("admin") << Role::Admin << false;
}

void TestAftercareCalls::contentIsForCliniciansOnly()
{
    QFETCH(Role, role);
    QFETCH(bool, allowed);
    AFTERCARE_PRACTICE(db, p);
    ResultId result;
    auto task = discussTask(db, p, &result);
    QVERIFY(task);
    const Actor actor = role == Role::Clinician   ? p.clinician
                        : role == Role::Reception ? p.reception
                        : role == Role::Manager   ? p.manager
                                                  : p.admin;
    CallService calls(db);
    // Notes of an earlier call by the clinician.
    QVERIFY(calls.logCall(
        *task,
        [] {
            CallLog log = unanswered(CallOutcome::Voicemail, kCall, kCall.addSecs(3600));
            log.notes = QStringLiteral("Value high; discuss diet.");
            return log;
        }(),
        p.clinician));

    const auto refused = allowed ? std::nullopt : std::optional(ErrorKind::Permission);
    QCOMPARE(errorKind(calls.open(task->id, actor)), refused);
    QCOMPARE(errorKind(ResultRepository(db).content(result, actor)), refused);
    CallLog withNotes = unanswered(CallOutcome::NoAnswer, kCall.addSecs(3600), kCall.addDays(1));
    withNotes.notes = QStringLiteral("Tried again.");
    FollowUpTask copy = *task;
    QCOMPARE(errorKind(calls.logCall(copy, withNotes, actor)), refused);
    auto attempts = FollowUpTaskRepository(db).callAttempts(task->id, actor);
    QVERIFY2(attempts, why(attempts));
    QCOMPARE(attempts->front().notes.isEmpty(), !allowed);
    QCOMPARE(attempts->front().notesHidden, !allowed);
    if (!allowed) {
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN "
                                          "('result.view', 'task.view')")),
                 0);
    }
}

void TestAftercareCalls::everyContentViewIsAudited()
{
    AFTERCARE_PRACTICE(db, p);
    ResultId result;
    auto task = discussTask(db, p, &result);
    QVERIFY(task);
    CallService calls(db);
    AuditLog audit(db);
    const int views = 3;
    for (int i = 1; i <= views; ++i) {
        auto context = calls.open(task->id, p.clinician);
        QVERIFY2(context, why(context));
        QVERIFY(context->result.has_value());
        QCOMPARE(audit
                     .count(QStringLiteral("result.view"), QStringLiteral("test_results"),
                            result.value())
                     .value(),
                 qint64(i));
        QCOMPARE(audit
                     .count(QLatin1String(CallService::kViewAction),
                            QStringLiteral("followup_tasks"), task->id.value())
                     .value(),
                 qint64(i));
    }
    // Refused views leave no trace of content read.
    QVERIFY(!calls.open(task->id, p.reception));
    QCOMPARE(
        audit.count(QStringLiteral("result.view"), QStringLiteral("test_results"), result.value())
            .value(),
        qint64(views));
    auto entries = audit.forClient(p.anna).value();
    const auto viewed = std::count_if(entries.begin(), entries.end(), [&](const AuditEntry& e) {
        return e.action == QLatin1String(CallService::kViewAction) && e.user == p.clinician.user &&
               e.workstation == p.clinician.workstation;
    });
    QCOMPARE(int(viewed), views);
}

void TestAftercareCalls::openShowsWhyWeCall()
{
    AFTERCARE_PRACTICE(db, p);
    ResultId result;
    auto task = discussTask(db, p, &result);
    QVERIFY(task);
    CallService calls(db);
    QVERIFY(calls.logCall(*task, unanswered(CallOutcome::NoAnswer, kCall, kCall.addSecs(600)),
                          p.clinician));
    auto context = calls.open(task->id, p.clinician);
    QVERIFY2(context, why(context));
    QCOMPARE(context->task.id, task->id);
    QCOMPARE(context->client.id, p.anna);
    QCOMPARE(context->client.firstName, QStringLiteral("Anna"));
    QVERIFY(context->reason.contains(QStringLiteral("HbA1c")));
    QVERIFY(!context->kindText.isEmpty());
    QCOMPARE(context->result->id, result);
    QCOMPARE(context->result->summary, QStringLiteral("Your HbA1c is 8.4."));
    QCOMPARE(int(context->attempts.size()), 1);
    QCOMPARE(context->unansweredAttempts, 1);
    QVERIFY(!context->proposeLetter);
    QCOMPARE(int(context->timeline.size()), 1); // the attempt
    QVERIFY(!context->feedback);
}

void TestAftercareCalls::detractorAnswerInACallOpensRecovery()
{
    AFTERCARE_PRACTICE(db, p);
    auto task = checkinTask(db, p);
    QVERIFY(task);
    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.nextStep = CallNextStep::Done;
    log.at = kCall;
    log.feedbackScore = FeedbackScore::parse(FeedbackKind::Nps, 4);
    log.feedbackComment = QStringLiteral("Nobody told me about the costs.");
    CallService calls(db);

    CallLog notReached = log;
    notReached.outcome = CallOutcome::Voicemail;
    FollowUpTask copy = *task;
    QCOMPARE(errorKind(calls.logCall(copy, notReached, p.clinician)),
             std::optional(ErrorKind::Validation));

    auto logged = calls.logCall(*task, log, p.clinician);
    QVERIFY2(logged, why(logged));
    QVERIFY(logged->feedback.isValid());
    QVERIFY(logged->recoveryTask.isValid());
    auto answer = FeedbackRepository(db).get(logged->feedback);
    QVERIFY2(answer, why(answer));
    QCOMPARE(answer->source, FeedbackSource::Call);
    QCOMPARE(answer->score.value(), 4);
    QCOMPARE(answer->respondedAt, kCall);
    QCOMPARE(answer->appointment, task->appointment);
    auto recovery = FollowUpTaskRepository(db).get(logged->recoveryTask);
    QVERIFY2(recovery, why(recovery));
    QCOMPARE(recovery->kind, TaskKind::DetractorCallback);
    QCOMPARE(recovery->feedback, logged->feedback);
    QCOMPARE(recovery->status, TaskStatus::Open);
    QCOMPARE(recovery->deadlineAt, kCall.addDays(2));

    // A contented answer opens nothing.
    const auto otherVisit = addVisit(db, p, p.ben, p.consultation, at(2026, 5, 5, 9, 0));
    QVERIFY(otherVisit);
    auto planned = db.write([&](TransactionGuard& tx) {
        return FollowUpPlanner(db).onVisitCompleted(tx, *otherVisit, p.clinician, kVisit);
    });
    QVERIFY2(planned, why(planned));
    FollowUpTask benTask = FollowUpTaskRepository(db).get(planned->created.front()).value();
    log.feedbackScore = FeedbackScore::parse(FeedbackKind::Nps, 9);
    auto happy = calls.logCall(benTask, log, p.clinician);
    QVERIFY2(happy, why(happy));
    QVERIFY(happy->feedback.isValid());
    QVERIFY(!happy->recoveryTask.isValid());
}

void TestAftercareCalls::recoveryCaseNeedsAResolutionNote()
{
    AFTERCARE_PRACTICE(db, p);
    const auto answer =
        addFeedback(db, p, p.anna, FeedbackKind::Csat, 1, kVisit, {}, QStringLiteral("Rude."));
    QVERIFY(answer);
    auto planned = db.write([&](TransactionGuard& tx) {
        return FollowUpPlanner(db).onFeedbackRecorded(tx, *answer, p.reception, kVisit);
    });
    QVERIFY2(planned, why(planned));
    FollowUpTask task = FollowUpTaskRepository(db).get(planned->created.front()).value();
    CallService calls(db);
    auto context = calls.open(task.id, p.clinician);
    QVERIFY2(context, why(context));
    QCOMPARE(context->feedback->comment, QStringLiteral("Rude."));

    CallLog log;
    log.outcome = CallOutcome::Reached;
    log.nextStep = CallNextStep::Done;
    log.at = kCall;
    QCOMPARE(errorKind(calls.logCall(task, log, p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(calls.resolve(task, QStringLiteral("  "), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(FollowUpTaskRepository(db).get(task.id)->status, TaskStatus::Open);

    log.resolutionNote = QStringLiteral("Apologised; next visit free of charge.");
    auto logged = calls.logCall(task, log, p.clinician);
    QVERIFY2(logged, why(logged));
    auto stored = FollowUpTaskRepository(db).get(task.id).value();
    QCOMPARE(stored.status, TaskStatus::Done);
    QCOMPARE(stored.resolutionNote, log.resolutionNote);
    QCOMPARE(stored.doneAt, kCall);
}

void TestAftercareCalls::paperFeedbackOpensRecovery()
{
    AFTERCARE_PRACTICE(db, p);
    CallService calls(db);
    Feedback paper(*FeedbackScore::parse(FeedbackKind::Csat, 2));
    paper.client = p.ben;
    paper.respondedAt = kCall;
    paper.source = FeedbackSource::Paper;
    auto captured = calls.recordFeedback(paper, p.reception);
    QVERIFY2(captured, why(captured));
    QVERIFY(captured->recoveryTask.isValid());
    Feedback happy(*FeedbackScore::parse(FeedbackKind::Csat, 5));
    happy.client = p.ben;
    happy.respondedAt = kCall.addDays(1);
    auto fine = calls.recordFeedback(happy, p.reception);
    QVERIFY2(fine, why(fine));
    QVERIFY(!fine->recoveryTask.isValid());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks WHERE kind = "
                                      "'detractor_callback'")),
             1);
}

QTEST_GUILESS_MAIN(TestAftercareCalls)
#include "tst_aftercare_calls.moc"
