#pragma once

#include "auth/actor.h"
#include "domain/followuptask.h"
#include "error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLatin1String>
#include <QTimeZone>

#include <array>
#include <vector>

namespace aftercare {

class Database;
class Deadlines;
class TransactionGuard;

// Turns the practice's data into after-care work: for each reason a follow-up task with its
// due time and deadline (Deadlines), an assignee and a priority, created idempotently through
// its source key (SourceKey), so planning again creates nothing new.
//
// Reasons, and the task each one makes:
// - an abnormal result not yet discussed (not communicated by phone or in person):
//   discuss_result, priority 1, deadline 72 h after receipt;
// - a result not yet communicated: communicate_result, priority 2, deadline 7 days on;
// - a detractor answer (NPS ≤ 6, CSAT ≤ 2): detractor_callback, priority 1, 48 h;
// - a completed visit whose service has a check-in policy: checkin_call, priority 3, on the
//   policy's day (planned ahead, so the worklist can show it as upcoming);
// - a client whose last visit is older than that service's rebook interval and who has
//   nothing booked: rebook_reminder, priority 3, planned once it is due;
// - a client whose last visit's service has no rebook interval, a year after that visit and
//   with nothing booked: annual_review, priority 4, planned once it is due.
// A reason already covered by a task of the same kind for the same result, answer or visit
// (whatever its source key, e.g. an imported one) makes no second task. Visit-related tasks
// go to the practitioner's own (active) user account when there is one, others to nobody.
// Archived clients get no check-in, rebook or review tasks.
//
// Work that went away is closed: an open communicate task once the result is recorded as
// communicated (and a discuss task when that was by phone or in person), an open rebook or
// review task once the client has booked again.
class FollowUpPlanner
{
    Q_DECLARE_TR_FUNCTIONS(FollowUpPlanner)

public:
    // practice_settings key: the time up to which plan() has looked (local wall-clock text).
    static constexpr QLatin1String kWatermarkKey{"followup.planned_until"};
    // Work whose deadline passed longer ago than this is history (imported, or from before
    // Aftercare), not a call to make today: plan() leaves it out unless told otherwise.
    static constexpr int kDefaultStaleAfterDays = 90;
    // An incremental run looks this far back before the watermark, for rows entered late
    // with an earlier time (a result typed in the next morning).
    static constexpr int kReplayDays = 7;

    static constexpr int kDiscussPriority = 1;
    static constexpr int kDetractorPriority = 1;
    static constexpr int kCommunicatePriority = 2;
    static constexpr int kCheckinPriority = 3;
    static constexpr int kRebookPriority = 3;
    static constexpr int kReviewPriority = 4;
    static constexpr int kLetterPriority = 3;

    enum class Mode
    {
        Incremental, // reasons since the watermark (all, when there is none yet)
        Full,        // every reason in the data, e.g. after an import
    };

    struct Options
    {
        Mode mode = Mode::Incremental;
        QDateTime now;                               // invalid: the current time
        int staleAfterDays = kDefaultStaleAfterDays; // 0 or less: plan long-missed work too
    };

    // What a run (or a hook) did.
    struct Report
    {
        std::vector<FollowUpTaskId> created; // the new tasks, in the order planned
        std::array<int, 7> createdByKind{};  // indexed like allOf<TaskKind>()
        int alreadyPlanned = 0;              // reasons whose task existed (same source key)
        int closed = 0;                      // open tasks closed because their reason went away
        QDateTime plannedUntil;

        int createdOf(TaskKind kind) const;
    };

    explicit FollowUpPlanner(Database& database);

    // Scans the data and creates the missing tasks in one transaction; moves the watermark.
    Result<Report> plan(const Options& options, const Actor& actor);
    Result<Report> plan(const Actor& actor) { return plan(Options{}, actor); }

    // Hooks for the moment something happened, in the caller's transaction (the task is
    // saved with the event or not at all). `now` (invalid: the current time) is the tasks'
    // creation time. Nothing is left out as stale here: the event is news to the practice.
    //
    // After a result was recorded or its lifecycle moved on: creates its discuss and
    // communicate tasks, or closes them once it was communicated.
    Result<Report> onResultRecorded(TransactionGuard& transaction, ResultId result,
                                    const Actor& actor, const QDateTime& now = {});
    // After an answer was recorded: a detractor's recovery task.
    Result<Report> onFeedbackRecorded(TransactionGuard& transaction, FeedbackId feedback,
                                      const Actor& actor, const QDateTime& now = {});
    // After a visit was completed: its check-in call (when the service's policy has one);
    // closes the client's open rebook and review tasks.
    Result<Report> onVisitCompleted(TransactionGuard& transaction, AppointmentId visit,
                                    const Actor& actor, const QDateTime& now = {});
    // After a booking: closes the client's open rebook and review tasks.
    Result<Report> onAppointmentBooked(TransactionGuard& transaction, AppointmentId appointment,
                                       const Actor& actor);

    // After an import, in its transaction (the tasks come with the imported rows or not at
    // all): a Full run over the data as it now is. Imported history stays history: work whose
    // deadline passed more than kDefaultStaleAfterDays ago is left out, as plan() does.
    Result<Report> onImported(TransactionGuard& transaction, const Actor& actor,
                              const QDateTime& now = {});

    // The watermark; invalid before the first run.
    Result<QDateTime> plannedUntil() const;

private:
    struct Candidate; // a task to create, with the data that decides whether it is due

    // SQL restricting the reason rows: "" for all, or e.g. " AND r.id = ?".
    struct Scope
    {
        QString sql;
        QVariantList values;
    };
    static Scope since(const QString& column, const QDateTime& bound); // all when invalid
    static Scope only(const QString& column, qint64 id);

    Result<std::vector<Candidate>> resultCandidates(const Scope& scope) const;
    Result<std::vector<Candidate>> feedbackCandidates(const Scope& scope) const;
    Result<std::vector<Candidate>> checkinCandidates(const Scope& scope) const;
    // The visits of one service type whose reminder or review may fall due in a run.
    struct VisitWindow
    {
        qint64 serviceType = 0;
        QDateTime earliest; // invalid: since ever
        QDateTime latest;   // exclusive
    };
    // Clients' last visits whose rebook reminder (services with a rebook interval) or annual
    // review (services without) may have fallen due: those within the windows, with nothing
    // booked or visited since.
    Result<std::vector<Candidate>>
    lastVisitCandidates(const std::vector<VisitWindow>& windows) const;

    // Creates the candidates' tasks that are due by `dueBy` (invalid: any) and not stale
    // (deadline before staleBefore, when valid).
    Status create(TransactionGuard& transaction, const std::vector<Candidate>& candidates,
                  const Deadlines& deadlines, const QDateTime& now, const QDateTime& dueBy,
                  const QDateTime& staleBefore, const Actor& actor, Report& report);
    Status planAll(TransactionGuard& transaction, const Options& options, const QDateTime& now,
                   const Actor& actor, Report& report);

    Result<int> closeCommunicated(const Scope& scope);
    Result<int> closeRebooked(const Scope& scope);
    Result<Deadlines> deadlines() const;

    Database& m_database;
};

} // namespace aftercare
