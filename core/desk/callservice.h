#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "domain/callattempt.h"
#include "domain/client.h"
#include "domain/feedback.h"
#include "domain/followuptask.h"
#include "domain/testresult.h"
#include "domain/touchpoint.h"
#include "domain/user.h"
#include "error.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Everything a clinician needs on the phone for one task. Made only for clinicians; the
// result's content read for it is audited like any other view.
struct CallContext
{
    FollowUpTask task;
    Client client; // name, phone, preferred channel
    QString kindText;
    QString reason;
    std::optional<TestResult> result;  // tasks about a result: its values and summary
    std::optional<Feedback> feedback;  // detractor callbacks: the answer and its comment
    std::optional<Appointment> visit;  // tasks about a visit
    std::vector<CallAttempt> attempts; // the calls so far, oldest first, with their notes
    std::vector<Touchpoint> timeline;  // the client's latest contacts, newest first
    int unansweredAttempts = 0;        // voicemail or no answer
    bool proposeLetter = false;        // offer CallService::sendLetterInstead
    bool canCall = true;               // there is a phone number to call
    // How to write to them instead: email (when an address is on file) and letter, the
    // client's preferred channel first.
    std::vector<Channel> writeChannels;
    std::vector<User> handOverTo; // the clinicians who can take the task over
};

// What may follow a call with a given outcome, and what the form proposes. An outcome that
// did not reach the client never proposes closing the task: the next attempt is planned,
// and closing anyway is a choice of its own that needs a reason.
struct CallChoices
{
    std::vector<CallNextStep> offered;    // in the order the form lists them
    std::optional<CallNextStep> proposed; // none: the clinician says which
    QDateTime callAgainAt;                // the next attempt, should they call again
    bool closingNeedsReason = false;      // "done" needs a reason or a resolution
};

// One call as the clinician logs it.
struct CallLog
{
    CallOutcome outcome = CallOutcome::Reached;
    QString notes; // clinical content: clinicians only
    CallNextStep nextStep = CallNextStep::Done;
    QDateTime at;          // when the call was made; invalid: now
    QDateTime callAgainAt; // CallAgain: the task's new due time
    // Book (the client was reached): the appointment to book; its client may be left empty.
    std::optional<Appointment> booking;
    UserId escalateTo; // Escalate: who takes the task over (at priority 1)
    // Done, Book: how the task was settled. Required to close a detractor's recovery case.
    QString resolutionNote;
    // A CSAT or NPS answer given during the call (the client was reached).
    std::optional<FeedbackScore> feedbackScore;
    QString feedbackComment;
};

// What logging a call did.
struct CallLogged
{
    CallAttemptId attempt;
    TouchpointId touchpoint;
    FollowUpTask task; // as it is now
    AppointmentId booked;
    FeedbackId feedback;
    FollowUpTaskId recoveryTask; // a detractor answer given in the call opened this task
    FollowUpTaskId letterTask;   // next step "letter"
    int unansweredAttempts = 0;
    bool proposeLetter = false; // three unanswered calls: offer sendLetterInstead
};

// A recorded answer and, for a detractor, the recovery task it opened.
struct FeedbackCaptured
{
    FeedbackId feedback;
    FollowUpTaskId recoveryTask;
};

// The call behind a worklist line: open it, log what came of it and what happens next.
// Every attempt is a touchpoint (phone, stage "after"; the call notes stay out of it, since
// touchpoints are shown to every role). Each log is one transaction: the attempt, the
// touchpoint, a booking, an answer and the tasks they change are saved together or not at all.
class CallService
{
    Q_DECLARE_TR_FUNCTIONS(CallService)

public:
    static constexpr int kTimelineLength = 20;
    static constexpr int kUnansweredBeforeLetter = 3;
    // A call that did not get through is tried again this much later, within the calling
    // day (working days, from 9:00 until 18:00).
    static constexpr int kRetryAfterHours = 2;
    static constexpr int kCallingFromHour = 9;
    static constexpr int kCallingUntilHour = 18;
    // The audit action written each time a task's call context (its notes) is shown.
    static constexpr const char* kViewAction = "task.view";

    explicit CallService(Database& database);

    // Whether the outcome means the client was spoken to. Busy lines, voicemail, no answer
    // and wrong numbers did not reach them.
    static bool reachesClient(CallOutcome outcome);
    // When to try again after a call that did not reach the client: two hours later while
    // that is within the calling day, else the next working day at 9:00; after a voicemail
    // (they may call back) the next working day at the same time, between 9:00 and 17:00.
    static QDateTime nextAttemptAt(CallOutcome outcome, const QDateTime& call);
    // The next steps after a call with this outcome, at `at`. Not reached: call again
    // (write instead after a wrong number or the third unanswered call), closing needs a
    // reason. Reached: done, except for a recall (rebook or review), where the clinician
    // says whether a visit was booked. Escalating is offered only when someone can take it.
    static CallChoices choices(const CallContext& context, CallOutcome outcome,
                               const QDateTime& at);
    // The rules a call log must meet that need no database: checked as the form is filled
    // in, and again by logCall().
    static Status check(const FollowUpTask& task, const CallLog& log);

    // The active clinicians other than `actor`, by name: whom a task can be handed to.
    Result<std::vector<User>> handOverCandidates(const Actor& actor) const;

    // Clinicians only (Permission error otherwise). Writes a "task.view" audit row, and a
    // "result.view" row when the task is about a result.
    Result<CallContext> open(FollowUpTaskId task, const Actor& actor);

    // Logs a call on an open task and carries out its next step:
    //   done       the task is done (a detractor's recovery case needs a resolution note);
    //   call_again the task is due again at callAgainAt;
    //   book       books log.booking and the task is done;
    //   escalate   priority 1, assigned to log.escalateTo;
    //   letter     a letter task replaces the call, which is closed.
    // Notes need WriteClinicalContent. On success `task` is refreshed.
    Result<CallLogged> logCall(FollowUpTask& task, const CallLog& log, const Actor& actor);

    // After unanswered calls: a letter task (due now, a week to send it) with the same
    // client and reason, and the call task closed. Returns the letter task.
    Result<FollowUpTaskId> sendLetterInstead(FollowUpTask& task, const Actor& actor,
                                             const QDateTime& at = {});

    // The client was written to instead of called (no phone number, or a letter task):
    // the task is done with a touchpoint by email or letter. Email needs an address on file;
    // a detractor's recovery case needs a note of what was written.
    Status recordWritten(FollowUpTask& task, Channel channel, const QString& note,
                         const Actor& actor, const QDateTime& at = {});

    // Closes a task without a call (the client came in, the letter went out). A detractor's
    // recovery case needs a resolution note. A letter task records a letter touchpoint.
    Status resolve(FollowUpTask& task, const QString& resolutionNote, const Actor& actor,
                   const QDateTime& at = {});

    // An answer from a paper form or given at the desk: recorded, and a detractor's recovery
    // task opened in the same transaction.
    Result<FeedbackCaptured> recordFeedback(const Feedback& feedback, const Actor& actor);

private:
    Result<FollowUpTaskId> replaceByLetter(TransactionGuard& transaction, FollowUpTask& task,
                                           const Actor& actor, const QDateTime& at);
    Result<int> unansweredAttempts(FollowUpTaskId task) const;
    Result<bool> letterProposed(const FollowUpTask& task, int unanswered) const;

    Database& m_database;
};

} // namespace aftercare
