#include "desk/callservice.h"

#include "aftercare/deadlines.h"
#include "aftercare/followupplanner.h"
#include "aftercare/practicezone.h"
#include "aftercare/sourcekey.h"
#include "aftercare/taskreason.h"
#include "auth/permissions.h"
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "repositories/appointmentrepository.h"
#include "repositories/auditlog.h"
#include "repositories/clientrepository.h"
#include "repositories/feedbackrepository.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/resultrepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"

#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

namespace {

bool isUnanswered(CallOutcome outcome)
{
    return outcome == CallOutcome::Voicemail || outcome == CallOutcome::NoAnswer;
}

QDateTime nowIfInvalid(const QDateTime& at)
{
    return at.isValid() ? at : QDateTime::currentDateTime();
}

bool isWorkingDay(const QDate& day)
{
    return day.dayOfWeek() <= 5;
}

QDate nextWorkingDay(QDate day)
{
    do
        day = day.addDays(1);
    while (!isWorkingDay(day));
    return day;
}

// `at` moved to another day and time, in the same time spec.
QDateTime on(const QDateTime& at, const QDate& day, const QTime& time)
{
    QDateTime moved = at;
    moved.setDate(day);
    moved.setTime(time);
    return moved;
}

// A recall: the clinician asks the client to come back, and says whether they booked.
bool isRecall(TaskKind kind)
{
    return kind == TaskKind::RebookReminder || kind == TaskKind::AnnualReview;
}

} // namespace

bool CallService::reachesClient(CallOutcome outcome)
{
    switch (outcome) {
    case CallOutcome::Reached:
        return true;
    case CallOutcome::Voicemail:
    case CallOutcome::NoAnswer:
    case CallOutcome::WrongNumber:
    case CallOutcome::Declined:
        return false;
    }
    return false;
}

QDateTime CallService::nextAttemptAt(CallOutcome outcome, const QDateTime& call)
{
    const QTime from(kCallingFromHour, 0);
    const QTime until(kCallingUntilHour, 0);
    if (outcome == CallOutcome::Voicemail) {
        const QTime latest = until.addSecs(-3600);
        const QTime same = std::clamp(call.time(), from, latest);
        return on(call, nextWorkingDay(call.date()), same);
    }
    const QDateTime later = call.addSecs(qint64(kRetryAfterHours) * 3600);
    if (later.date() == call.date() && isWorkingDay(later.date()) && later.time() <= until)
        return later.time() < from ? on(later, later.date(), from) : later;
    return on(call, nextWorkingDay(call.date()), from);
}

CallChoices CallService::choices(const CallContext& context, CallOutcome outcome,
                                 const QDateTime& at)
{
    CallChoices choices;
    choices.callAgainAt = nextAttemptAt(outcome, nowIfInvalid(at));
    const TaskKind kind = context.task.kind;
    const bool canEscalate = !context.handOverTo.empty();
    const bool canWrite = kind != TaskKind::Letter;
    auto& offered = choices.offered;
    if (reachesClient(outcome)) {
        offered = {CallNextStep::Done, CallNextStep::Book, CallNextStep::CallAgain};
        if (canEscalate)
            offered.push_back(CallNextStep::Escalate);
        if (canWrite)
            offered.push_back(CallNextStep::Letter);
        if (!isRecall(kind))
            choices.proposed = CallNextStep::Done;
        choices.closingNeedsReason = kind == TaskKind::DetractorCallback;
        return choices;
    }
    offered = {CallNextStep::CallAgain};
    if (canWrite)
        offered.push_back(CallNextStep::Letter);
    if (canEscalate)
        offered.push_back(CallNextStep::Escalate);
    offered.push_back(CallNextStep::Done);
    choices.closingNeedsReason = true;
    const int unanswered = context.unansweredAttempts + (isUnanswered(outcome) ? 1 : 0);
    const bool writeRather =
        canWrite && (outcome == CallOutcome::WrongNumber || unanswered >= kUnansweredBeforeLetter);
    choices.proposed = writeRather ? CallNextStep::Letter : CallNextStep::CallAgain;
    return choices;
}

Result<std::vector<User>> CallService::handOverCandidates(const Actor& actor) const
{
    auto users = UserRepository(m_database).all();
    if (!users)
        return fail(users.error());
    std::vector<User> clinicians;
    for (User& u : *users) {
        if (u.active && u.role == Role::Clinician && u.id != actor.user)
            clinicians.push_back(std::move(u));
    }
    std::sort(clinicians.begin(), clinicians.end(), [](const User& a, const User& b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    return clinicians;
}

CallService::CallService(Database& database)
    : m_database(database)
{}

Result<int> CallService::unansweredAttempts(FollowUpTaskId task) const
{
    auto n = m_database.scalar(QStringLiteral("SELECT count(*) FROM call_attempts WHERE task_id = "
                                              "? AND outcome IN ('voicemail', 'no_answer')"),
                               {task.toVariant()});
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<bool> CallService::letterProposed(const FollowUpTask& task, int unanswered) const
{
    if (task.status != TaskStatus::Open || task.kind == TaskKind::Letter ||
        unanswered < kUnansweredBeforeLetter)
        return false;
    auto letter = m_database.scalar(
        QStringLiteral("SELECT count(*) FROM followup_tasks WHERE source_key = ?"),
        {SourceKey::letter(task.id)});
    if (!letter)
        return fail(letter.error());
    return letter->toInt() == 0;
}

Result<CallContext> CallService::open(FollowUpTaskId id, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    FollowUpTaskRepository tasks(m_database);
    auto task = tasks.get(id);
    if (!task)
        return fail(task.error());
    // Logged before anything is shown: a view that was not logged did not happen.
    if (auto logged = m_database.write([&](TransactionGuard& tx) {
            return AuditLog(m_database)
                .record(tx, actor, QLatin1String(kViewAction), QStringLiteral("followup_tasks"),
                        id.value(), task->client);
        });
        !logged)
        return fail(logged.error());

    CallContext context;
    context.task = *task;
    auto client = ClientRepository(m_database).get(task->client);
    if (!client)
        return fail(client.error());
    context.client = std::move(*client);

    TaskReason::Facts facts;
    facts.kind = task->kind;
    if (task->result.isValid()) {
        auto result = ResultRepository(m_database).content(task->result, actor);
        if (!result)
            return fail(result.error());
        facts.testName = result->testName;
        facts.receivedOn = result->receivedAt.date();
        context.result = std::move(*result);
    }
    if (task->feedback.isValid()) {
        auto feedback = FeedbackRepository(m_database).get(task->feedback);
        if (!feedback)
            return fail(feedback.error());
        facts.feedbackKind = feedback->kind();
        facts.feedbackScore = feedback->score.value();
        facts.respondedOn = feedback->respondedAt.date();
        context.feedback = std::move(*feedback);
    }
    if (task->appointment.isValid()) {
        auto visit = AppointmentRepository(m_database).get(task->appointment);
        if (!visit)
            return fail(visit.error());
        facts.serviceName = visit->serviceName;
        facts.visitOn = visit->startsAt.date();
        context.visit = std::move(*visit);
    }
    context.kindText = TaskReason::kindText(task->kind);
    context.reason = TaskReason::text(facts);

    auto attempts = tasks.callAttempts(id, actor);
    if (!attempts)
        return fail(attempts.error());
    context.attempts = std::move(*attempts);
    context.unansweredAttempts =
        int(std::count_if(context.attempts.begin(), context.attempts.end(),
                          [](const CallAttempt& a) { return isUnanswered(a.outcome); }));
    auto propose = letterProposed(context.task, context.unansweredAttempts);
    if (!propose)
        return fail(propose.error());
    context.proposeLetter = *propose;

    auto timeline = TouchpointRepository(m_database).timeline(task->client, kTimelineLength);
    if (!timeline)
        return fail(timeline.error());
    context.timeline = std::move(*timeline);

    const Client& who = context.client;
    context.canCall = who.phone.has_value();
    const bool prefersLetter = who.preferredChannel == ContactChannel::Letter;
    if (who.email && !prefersLetter)
        context.writeChannels.push_back(Channel::Email);
    context.writeChannels.push_back(Channel::Letter);
    if (who.email && prefersLetter)
        context.writeChannels.push_back(Channel::Email);
    auto clinicians = handOverCandidates(actor);
    if (!clinicians)
        return fail(clinicians.error());
    context.handOverTo = std::move(*clinicians);
    return context;
}

Status CallService::check(const FollowUpTask& task, const CallLog& log)
{
    const bool reached = reachesClient(log.outcome);
    if (log.feedbackScore && !reached)
        return fail(Error::validation(tr("An answer can only be taken from a client reached.")));
    switch (log.nextStep) {
    case CallNextStep::Done:
        if (!reached && log.resolutionNote.trimmed().isEmpty())
            return fail(Error::validation(
                tr("The client was not reached: say why the task is closed all the same.")));
        if (task.kind == TaskKind::DetractorCallback && log.resolutionNote.trimmed().isEmpty())
            return fail(Error::validation(
                tr("Say how the client's concern was resolved before closing the case.")));
        break;
    case CallNextStep::Book:
        if (!reached)
            return fail(Error::validation(tr("An appointment is booked with a client reached.")));
        if (!log.booking)
            return fail(Error::validation(tr("Choose the appointment to book.")));
        if (log.booking->client.isValid() && log.booking->client != task.client)
            return fail(Error::validation(tr("The appointment is for another client.")));
        break;
    case CallNextStep::Escalate:
        if (!log.escalateTo.isValid())
            return fail(Error::validation(tr("Say whom to hand the task to.")));
        break;
    case CallNextStep::Letter:
        if (task.kind == TaskKind::Letter)
            return fail(Error::validation(tr("This task is a letter already.")));
        break;
    case CallNextStep::CallAgain:
        break;
    }
    return {};
}

Result<CallLogged> CallService::logCall(FollowUpTask& task, const CallLog& log, const Actor& actor)
{
    if (auto valid = check(task, log); !valid)
        return fail(valid.error());
    if (log.nextStep == CallNextStep::Escalate) {
        // Only someone who can work the follow-up list can take the task over.
        auto user = UserRepository(m_database).get(log.escalateTo);
        if (!user && user.error().kind != ErrorKind::NotFound)
            return fail(user.error());
        if (!user || !user->active || user->role != Role::Clinician)
            return fail(
                Error::validation(tr("Hand the task over to a clinician of the practice.")));
    }
    const QDateTime at = nowIfInvalid(log.at);
    FollowUpTaskRepository tasks(m_database);
    CallLogged logged;
    FollowUpTask copy; // the caller's task changes only once the transaction committed
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = task;
        logged = CallLogged{};
        CallAttempt attempt;
        attempt.task = copy.id;
        attempt.attemptedAt = at;
        attempt.outcome = log.outcome;
        attempt.notes = log.notes;
        attempt.nextStep = log.nextStep;
        attempt.callAgainAt = log.callAgainAt;
        attempt.by = actor.user;
        auto id =
            tasks.logCall(tx, copy, attempt, actor,
                          log.nextStep == CallNextStep::Done ? log.resolutionNote : QString());
        if (!id)
            return fail(id.error());
        logged.attempt = *id;

        Touchpoint touchpoint;
        touchpoint.client = copy.client;
        touchpoint.occurredAt = at;
        touchpoint.stage = JourneyStage::After;
        touchpoint.channel = Channel::Phone;
        touchpoint.kind = sqlName(copy.kind);
        touchpoint.outcome = sqlName(log.outcome);
        touchpoint.appointment = copy.appointment;
        auto touched = TouchpointRepository(m_database).record(tx, touchpoint, actor);
        if (!touched)
            return fail(touched.error());
        logged.touchpoint = *touched;

        FollowUpPlanner planner(m_database);
        if (log.feedbackScore) {
            Feedback answer(*log.feedbackScore);
            answer.client = copy.client;
            answer.appointment = copy.appointment;
            answer.comment = log.feedbackComment;
            answer.respondedAt = at;
            answer.source = FeedbackSource::Call;
            auto recorded = FeedbackRepository(m_database).record(tx, answer, actor);
            if (!recorded)
                return fail(recorded.error());
            logged.feedback = *recorded;
            auto recovery = planner.onFeedbackRecorded(tx, *recorded, actor, at);
            if (!recovery)
                return fail(recovery.error());
            if (!recovery->created.empty())
                logged.recoveryTask = recovery->created.front();
        }

        switch (log.nextStep) {
        case CallNextStep::Book: {
            const QString note = log.resolutionNote.trimmed().isEmpty()
                                     ? tr("Booked an appointment in the call.")
                                     : log.resolutionNote;
            // The task is closed first: the booking's own follow-up effects (the planner may
            // close a rebook reminder) then see it done rather than refuse a stale copy.
            if (auto completed = tasks.complete(tx, copy, note, actor, at); !completed)
                return completed;
            Appointment draft = *log.booking;
            draft.client = copy.client;
            // The same booking as the desk's, with its touchpoint, stage and planner hook.
            auto booked = BookingDesk(m_database, actor).book(tx, draft, Channel::Phone);
            if (!booked)
                return fail(booked.error());
            logged.booked = *booked;
            break;
        }
        case CallNextStep::Escalate:
            if (auto escalated = tasks.escalate(tx, copy, log.escalateTo, actor); !escalated)
                return escalated;
            break;
        case CallNextStep::Letter: {
            auto letter = replaceByLetter(tx, copy, actor, at);
            if (!letter)
                return fail(letter.error());
            logged.letterTask = *letter;
            break;
        }
        case CallNextStep::Done:
        case CallNextStep::CallAgain:
            break;
        }

        auto unanswered = unansweredAttempts(copy.id);
        if (!unanswered)
            return fail(unanswered.error());
        logged.unansweredAttempts = *unanswered;
        auto propose = letterProposed(copy, *unanswered);
        if (!propose)
            return fail(propose.error());
        logged.proposeLetter = *propose;
        return {};
    });
    if (!done)
        return fail(done.error());
    task = copy;
    logged.task = copy;
    return logged;
}

Result<FollowUpTaskId> CallService::replaceByLetter(TransactionGuard& transaction,
                                                    FollowUpTask& task, const Actor& actor,
                                                    const QDateTime& at)
{
    auto zone = practiceTimeZone(PracticeSettingsRepository(m_database));
    if (!zone)
        return fail(zone.error());
    const TaskWindow window = Deadlines(*zone).letter(at);
    FollowUpTask letter;
    letter.client = task.client;
    letter.kind = TaskKind::Letter;
    letter.sourceKey = SourceKey::letter(task.id);
    letter.appointment = task.appointment;
    letter.result = task.result;
    letter.feedback = task.feedback;
    letter.dueAt = window.dueAt;
    letter.deadlineAt = window.deadlineAt;
    letter.priority = FollowUpPlanner::kLetterPriority;
    letter.assignee = task.assignee;
    letter.createdAt = at;
    FollowUpTaskRepository tasks(m_database);
    auto created = tasks.upsert(transaction, letter, actor);
    if (!created)
        return fail(created.error());
    auto unanswered = unansweredAttempts(task.id);
    if (!unanswered)
        return fail(unanswered.error());
    if (auto closed =
            tasks.complete(transaction, task,
                           tr("Not reached by phone (%n unanswered calls); a letter follows.",
                              nullptr, *unanswered),
                           actor, at);
        !closed)
        return fail(closed.error());
    return created->id;
}

Result<FollowUpTaskId> CallService::sendLetterInstead(FollowUpTask& task, const Actor& actor,
                                                      const QDateTime& at)
{
    if (task.kind == TaskKind::Letter)
        return fail(Error::validation(tr("This task is a letter already.")));
    FollowUpTask copy;
    auto letter = m_database.write([&](TransactionGuard& tx) {
        copy = task;
        return replaceByLetter(tx, copy, actor, nowIfInvalid(at));
    });
    if (letter)
        task = copy;
    return letter;
}

Status CallService::recordWritten(FollowUpTask& task, Channel channel, const QString& note,
                                  const Actor& actor, const QDateTime& at)
{
    if (channel != Channel::Email && channel != Channel::Letter)
        return fail(Error::validation(tr("Write to the client by email or by letter.")));
    if (task.kind == TaskKind::DetractorCallback && note.trimmed().isEmpty())
        return fail(Error::validation(
            tr("Say how the client's concern was resolved before closing the case.")));
    if (channel == Channel::Email) {
        auto client = ClientRepository(m_database).get(task.client);
        if (!client)
            return fail(client.error());
        if (!client->email)
            return fail(Error::validation(
                tr("There is no email address for this client: write a letter instead.")));
    }
    const QDateTime when = nowIfInvalid(at);
    const QString resolution = !note.trimmed().isEmpty()   ? note.trimmed()
                               : channel == Channel::Email ? tr("Written to by email.")
                                                           : tr("Written to by letter.");
    FollowUpTask copy;
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = task;
        if (auto completed =
                FollowUpTaskRepository(m_database).complete(tx, copy, resolution, actor, when);
            !completed)
            return completed;
        Touchpoint sent;
        sent.client = copy.client;
        sent.occurredAt = when;
        sent.stage = JourneyStage::After;
        sent.channel = channel;
        sent.kind = sqlName(copy.kind);
        sent.outcome = QStringLiteral("sent");
        sent.appointment = copy.appointment;
        return toStatus(TouchpointRepository(m_database).record(tx, sent, actor));
    });
    if (done)
        task = copy;
    return done;
}

Status CallService::resolve(FollowUpTask& task, const QString& resolutionNote, const Actor& actor,
                            const QDateTime& at)
{
    if (task.kind == TaskKind::DetractorCallback && resolutionNote.trimmed().isEmpty())
        return fail(Error::validation(
            tr("Say how the client's concern was resolved before closing the case.")));
    const QDateTime when = nowIfInvalid(at);
    FollowUpTask copy;
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = task;
        if (auto completed =
                FollowUpTaskRepository(m_database).complete(tx, copy, resolutionNote, actor, when);
            !completed)
            return completed;
        if (copy.kind != TaskKind::Letter)
            return {};
        Touchpoint sent;
        sent.client = copy.client;
        sent.occurredAt = when;
        sent.stage = JourneyStage::After;
        sent.channel = Channel::Letter;
        sent.kind = sqlName(TaskKind::Letter);
        sent.appointment = copy.appointment;
        return toStatus(TouchpointRepository(m_database).record(tx, sent, actor));
    });
    if (done)
        task = copy;
    return done;
}

Result<FeedbackCaptured> CallService::recordFeedback(const Feedback& feedback, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) -> Result<FeedbackCaptured> {
        FeedbackCaptured captured;
        auto recorded = FeedbackRepository(m_database).record(tx, feedback, actor);
        if (!recorded)
            return fail(recorded.error());
        captured.feedback = *recorded;
        auto recovery = FollowUpPlanner(m_database).onFeedbackRecorded(tx, *recorded, actor);
        if (!recovery)
            return fail(recovery.error());
        if (!recovery->created.empty())
            captured.recoveryTask = recovery->created.front();
        return captured;
    });
}

} // namespace aftercare
