// backends: sqlite postgresql
// What a call may lead to: a client not reached is never closed off by default, a client
// without a phone number is written to, and a task is handed over only to a clinician.
#include "aftercare/followupplanner.h"
#include "desk/callservice.h"
#include "repositories/clientrepository.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

#include <algorithm>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kVisit = at(2026, 5, 4, 9, 0);    // a Monday
const QDateTime kCall = at(2026, 5, 7, 10, 0);    // Thursday, the check-in day
const QDateTime kEvening = at(2026, 5, 8, 17, 0); // Friday, late

// The client's completed consultation and its check-in task.
std::optional<FollowUpTask> checkinTask(Database& db, const Practice& p, ClientId client)
{
    const auto visit = addVisit(db, p, client, p.consultation, kVisit);
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

bool contains(const std::vector<CallNextStep>& steps, CallNextStep step)
{
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

std::optional<UserId> addClinician(Database& db, const QString& name, const QString& login)
{
    QString error;
    return insertUser(db, login, name, Role::Clinician, &error);
}

} // namespace

class TestAftercareCallRules : public QObject
{
    Q_OBJECT

private slots:
    void unreachedIsNotClosedWithoutAReason_data();
    void unreachedIsNotClosedWithoutAReason();
    void unreachedProposesTheNextAttempt_data();
    void unreachedProposesTheNextAttempt();
    void nextAttemptFallsInTheCallingDay_data();
    void nextAttemptFallsInTheCallingDay();
    void aRecallIsNotProposedAsBooked();
    void withoutAPhoneTheClientIsWrittenTo();
    void handOverListsTheOtherClinicians();
    void handOverOnlyToAClinician();
};

void TestAftercareCallRules::unreachedIsNotClosedWithoutAReason_data()
{
    QTest::addColumn<CallOutcome>("outcome");
    QTest::newRow("no answer") << CallOutcome::NoAnswer;
    QTest::newRow("voicemail") << CallOutcome::Voicemail;
    QTest::newRow("wrong number") << CallOutcome::WrongNumber;
    QTest::newRow("busy or declined") << CallOutcome::Declined;
}

void TestAftercareCallRules::unreachedIsNotClosedWithoutAReason()
{
    QFETCH(CallOutcome, outcome);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    auto task = checkinTask(db, p, p.anna);
    QVERIFY(task);
    CallLog log;
    log.outcome = outcome;
    log.nextStep = CallNextStep::Done;
    log.at = kCall;
    CallService calls(db);
    QCOMPARE(errorKind(calls.logCall(*task, log, p.clinician)),
             std::optional(ErrorKind::Validation));
    log.resolutionNote = QStringLiteral("   ");
    QCOMPARE(errorKind(calls.logCall(*task, log, p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(FollowUpTaskRepository(db).get(task->id)->status, TaskStatus::Open);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM call_attempts")), 0);

    // Closing anyway is a deliberate choice with its reason.
    log.resolutionNote = QStringLiteral("Moved abroad, says the neighbour.");
    auto closed = calls.logCall(*task, log, p.clinician);
    QVERIFY2(closed, why(closed));
    auto stored = FollowUpTaskRepository(db).get(task->id).value();
    QCOMPARE(stored.status, TaskStatus::Done);
    QCOMPARE(stored.resolutionNote, log.resolutionNote);
}

void TestAftercareCallRules::unreachedProposesTheNextAttempt_data()
{
    QTest::addColumn<CallOutcome>("outcome");
    QTest::addColumn<int>("earlierUnanswered");
    QTest::addColumn<CallNextStep>("proposed");
    QTest::newRow("no answer") << CallOutcome::NoAnswer << 0 << CallNextStep::CallAgain;
    QTest::newRow("voicemail") << CallOutcome::Voicemail << 1 << CallNextStep::CallAgain;
    QTest::newRow("busy or declined") << CallOutcome::Declined << 2 << CallNextStep::CallAgain;
    QTest::newRow("wrong number") << CallOutcome::WrongNumber << 0 << CallNextStep::Letter;
    QTest::newRow("third unanswered") << CallOutcome::NoAnswer << 2 << CallNextStep::Letter;
}

void TestAftercareCallRules::unreachedProposesTheNextAttempt()
{
    QFETCH(CallOutcome, outcome);
    QFETCH(int, earlierUnanswered);
    QFETCH(CallNextStep, proposed);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    auto task = checkinTask(db, p, p.anna);
    QVERIFY(task);
    CallService calls(db);
    for (int i = 0; i < earlierUnanswered; ++i) {
        CallLog earlier;
        earlier.outcome = CallOutcome::NoAnswer;
        earlier.nextStep = CallNextStep::CallAgain;
        earlier.at = kCall.addSecs(-7200 * (i + 1));
        earlier.callAgainAt = kCall;
        QVERIFY(calls.logCall(*task, earlier, p.clinician));
    }
    auto context = calls.open(task->id, p.clinician);
    QVERIFY2(context, why(context));

    const CallChoices choices = CallService::choices(*context, outcome, kCall);
    QCOMPARE(choices.proposed, std::optional(proposed));
    QVERIFY(choices.proposed != CallNextStep::Done);
    QVERIFY(choices.closingNeedsReason);
    QVERIFY(!contains(choices.offered, CallNextStep::Book));
    QCOMPARE(choices.offered.front(), CallNextStep::CallAgain);
    QCOMPARE(choices.offered.back(), CallNextStep::Done); // closing is the last resort
    QVERIFY(choices.callAgainAt > kCall);
    QCOMPARE(choices.callAgainAt, CallService::nextAttemptAt(outcome, kCall));

    // Logged as proposed, the task stays open with its next attempt.
    CallLog log;
    log.outcome = outcome;
    log.nextStep = *choices.proposed;
    log.callAgainAt = choices.callAgainAt;
    log.at = kCall;
    auto logged = calls.logCall(*task, log, p.clinician);
    QVERIFY2(logged, why(logged));
    if (proposed == CallNextStep::CallAgain) {
        QCOMPARE(task->status, TaskStatus::Open);
        QCOMPARE(task->dueAt, choices.callAgainAt);
    } else {
        auto letter = FollowUpTaskRepository(db).get(logged->letterTask);
        QVERIFY2(letter, why(letter));
        QCOMPARE(letter->status, TaskStatus::Open);
        QCOMPARE(letter->kind, TaskKind::Letter);
    }
}

void TestAftercareCallRules::nextAttemptFallsInTheCallingDay_data()
{
    QTest::addColumn<CallOutcome>("outcome");
    QTest::addColumn<QDateTime>("call");
    QTest::addColumn<QDateTime>("next");
    QTest::newRow("morning") << CallOutcome::NoAnswer << kCall << at(2026, 5, 7, 12, 0);
    QTest::newRow("up to 18:00") << CallOutcome::Declined << at(2026, 5, 7, 16, 0)
                                 << at(2026, 5, 7, 18, 0);
    QTest::newRow("early") << CallOutcome::NoAnswer << at(2026, 5, 7, 6, 30)
                           << at(2026, 5, 7, 9, 0);
    QTest::newRow("friday evening") << CallOutcome::NoAnswer << kEvening << at(2026, 5, 11, 9, 0);
    QTest::newRow("saturday") << CallOutcome::WrongNumber << at(2026, 5, 9, 10, 0)
                              << at(2026, 5, 11, 9, 0);
    QTest::newRow("voicemail next day") << CallOutcome::Voicemail << kCall << at(2026, 5, 8, 10, 0);
    QTest::newRow("voicemail friday")
        << CallOutcome::Voicemail << kEvening << at(2026, 5, 11, 17, 0);
    QTest::newRow("voicemail late")
        << CallOutcome::Voicemail << at(2026, 5, 7, 19, 30) << at(2026, 5, 8, 17, 0);
    QTest::newRow("voicemail early")
        << CallOutcome::Voicemail << at(2026, 5, 7, 7, 0) << at(2026, 5, 8, 9, 0);
}

void TestAftercareCallRules::nextAttemptFallsInTheCallingDay()
{
    QFETCH(CallOutcome, outcome);
    QFETCH(QDateTime, call);
    QFETCH(QDateTime, next);
    QCOMPARE(CallService::nextAttemptAt(outcome, call), next);
}

void TestAftercareCallRules::aRecallIsNotProposedAsBooked()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    auto check = checkinTask(db, p, p.anna);
    QVERIFY(check);
    CallService calls(db);
    auto context = calls.open(check->id, p.clinician);
    QVERIFY2(context, why(context));
    // A check-in that reached the client is done, unless the clinician says otherwise.
    QCOMPARE(CallService::choices(*context, CallOutcome::Reached, kCall).proposed,
             std::optional(CallNextStep::Done));
    QVERIFY(!CallService::choices(*context, CallOutcome::Reached, kCall).closingNeedsReason);

    // A recall says nothing about a booking until the clinician does.
    for (const TaskKind kind : {TaskKind::RebookReminder, TaskKind::AnnualReview}) {
        CallContext recall = *context;
        recall.task.kind = kind;
        const CallChoices reached = CallService::choices(recall, CallOutcome::Reached, kCall);
        QVERIFY(reached.proposed != CallNextStep::Book);
        QVERIFY(!reached.proposed.has_value());
        QVERIFY(contains(reached.offered, CallNextStep::Book));
        QCOMPARE(CallService::choices(recall, CallOutcome::NoAnswer, kCall).proposed,
                 std::optional(CallNextStep::CallAgain));
    }
}

void TestAftercareCallRules::withoutAPhoneTheClientIsWrittenTo()
{
    AFTERCARE_PRACTICE(db, p);
    auto anna = checkinTask(db, p, p.anna); // an email address, no phone number
    QVERIFY(anna);
    CallService calls(db);
    auto context = calls.open(anna->id, p.clinician);
    QVERIFY2(context, why(context));
    QVERIFY(!context->canCall);
    QCOMPARE(context->writeChannels, (std::vector<Channel>{Channel::Email, Channel::Letter}));

    // Written to by email: the task is done, with an email touchpoint.
    const qint64 before = TouchpointRepository(db).count(p.anna).value();
    QCOMPARE(errorKind(calls.recordWritten(*anna, Channel::Phone, {}, p.clinician)),
             std::optional(ErrorKind::Validation));
    auto written = calls.recordWritten(*anna, Channel::Email, {}, p.clinician, kCall);
    QVERIFY2(written, why(written));
    QCOMPARE(anna->status, TaskStatus::Done);
    QVERIFY(!anna->resolutionNote.isEmpty());
    QCOMPARE(TouchpointRepository(db).count(p.anna).value(), before + 1);
    const Touchpoint sent = TouchpointRepository(db).timeline(p.anna, 1).value().front();
    QCOMPARE(sent.channel, Channel::Email);
    QCOMPARE(sent.kind, QStringLiteral("checkin_call"));
    QCOMPARE(sent.occurredAt, kCall);

    // Without an email address, a letter; one who prefers letters is offered one first.
    ClientRepository clients(db);
    Client ben = clients.get(p.ben).value();
    ben.email.reset();
    ben.preferredChannel = ContactChannel::Letter;
    QVERIFY(clients.update(ben, p.reception));
    auto bens = checkinTask(db, p, p.ben);
    QVERIFY(bens);
    context = calls.open(bens->id, p.clinician);
    QVERIFY2(context, why(context));
    QCOMPARE(context->writeChannels, std::vector<Channel>{Channel::Letter});
    QCOMPARE(errorKind(calls.recordWritten(*bens, Channel::Email, {}, p.clinician)),
             std::optional(ErrorKind::Validation));
    QVERIFY(calls.recordWritten(*bens, Channel::Letter, QStringLiteral("Sent the leaflet."),
                                p.clinician, kCall));
    QCOMPARE(FollowUpTaskRepository(db).get(bens->id)->resolutionNote,
             QStringLiteral("Sent the leaflet."));
    QCOMPARE(TouchpointRepository(db).timeline(p.ben, 1).value().front().channel, Channel::Letter);

    // With a phone number, a call.
    QVERIFY(givePhone(db, p, p.anna));
    auto called = checkinTask(db, p, p.anna); // another visit, another check-in
    QVERIFY(called);
    context = calls.open(called->id, p.clinician);
    QVERIFY2(context, why(context));
    QVERIFY(context->canCall);
}

void TestAftercareCallRules::handOverListsTheOtherClinicians()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    auto task = checkinTask(db, p, p.anna);
    QVERIFY(task);
    CallService calls(db);
    // The only clinician: nobody to hand over to, and escalating is not offered.
    auto context = calls.open(task->id, p.clinician);
    QVERIFY2(context, why(context));
    QVERIFY(context->handOverTo.empty());
    for (const CallOutcome outcome : allOf<CallOutcome>())
        QVERIFY(!contains(CallService::choices(*context, outcome, kCall).offered,
                          CallNextStep::Escalate));

    const auto nora = addClinician(db, QStringLiteral("Nora Nurse"), QStringLiteral("nora"));
    const auto otto = addClinician(db, QStringLiteral("Dr Otto Ost"), QStringLiteral("otto"));
    QVERIFY(nora && otto);
    QVERIFY(UserRepository(db).setActive(p.admin, *otto, false));
    context = calls.open(task->id, p.clinician);
    QVERIFY2(context, why(context));
    QCOMPARE(int(context->handOverTo.size()), 1);
    QCOMPARE(context->handOverTo.front().id, *nora);
    QCOMPARE(context->handOverTo.front().displayName, QStringLiteral("Nora Nurse"));
    QVERIFY(contains(CallService::choices(*context, CallOutcome::Reached, kCall).offered,
                     CallNextStep::Escalate));
    QVERIFY(contains(CallService::choices(*context, CallOutcome::NoAnswer, kCall).offered,
                     CallNextStep::Escalate));
}

void TestAftercareCallRules::handOverOnlyToAClinician()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    auto task = checkinTask(db, p, p.anna);
    QVERIFY(task);
    const auto nora = addClinician(db, QStringLiteral("Nora Nurse"), QStringLiteral("nora"));
    QVERIFY(nora);
    CallLog log;
    log.outcome = CallOutcome::NoAnswer;
    log.nextStep = CallNextStep::Escalate;
    log.at = kCall;
    CallService calls(db);
    for (const UserId nobody : {p.reception.user, p.manager.user, UserId(9999)}) {
        log.escalateTo = nobody;
        QCOMPARE(errorKind(calls.logCall(*task, log, p.clinician)),
                 std::optional(ErrorKind::Validation));
    }
    QCOMPARE(FollowUpTaskRepository(db).get(task->id)->assignee, UserId());
    log.escalateTo = *nora;
    auto handed = calls.logCall(*task, log, p.clinician);
    QVERIFY2(handed, why(handed));
    QCOMPARE(task->assignee, *nora);
    QCOMPARE(task->priority, 1);
    QCOMPARE(task->status, TaskStatus::Open);
}

QTEST_GUILESS_MAIN(TestAftercareCallRules)
#include "tst_aftercare_callrules.moc"
