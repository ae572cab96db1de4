#pragma once

#include "domain/vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace aftercare {

// When a piece of after-care work is due and by when it must be done (its SLA deadline),
// both as the practice's local wall-clock time, the way times are stored.
struct TaskWindow
{
    QDateTime dueAt;
    QDateTime deadlineAt;

    friend bool operator==(const TaskWindow&, const TaskWindow&) = default;
};

// Whether a follow-up task counts towards SLA adherence (docs/metrics.md), and how.
enum class SlaOutcome
{
    NotCounted, // open and its deadline not yet passed, or cancelled
    Met,        // done at or before its deadline
    Missed,     // done after its deadline, or open with its deadline passed
};

// The deadlines of docs/metrics.md and the after-care policy of a service type, as pure functions
// of the practice's time zone and their inputs.
//
// Inputs and results are wall-clock readings in the practice's zone (a QDateTime whose
// date() and time() are what the clock on the practice's wall showed; its own zone is not
// looked at). Hours are real elapsed hours: the arithmetic runs in UTC through the zone, so
// 72 h across the spring change ends one wall-clock hour later than "3 days on", and across
// the autumn change one hour earlier. Days are calendar days: the same wall-clock time N
// dates later. A reading that does not exist (inside the spring gap) is taken as the clock
// would show it had it not been put forward (02:30 -> 03:30); a reading that exists twice
// (inside the autumn fold) is taken as the earlier of the two instants.
class Deadlines
{
public:
    static constexpr int kDiscussAbnormalResultHours = 72;
    static constexpr int kCommunicateResultDays = 7;
    static constexpr int kDetractorCallbackHours = 48;
    // A rebook reminder is a call to make within a week of falling due.
    static constexpr int kRebookReminderDays = 7;
    // The annual review falls due a year after the last visit and has a month.
    static constexpr int kAnnualReviewDays = 30;
    // A letter sent when a client could not be reached by phone.
    static constexpr int kLetterDays = 7;

    explicit Deadlines(const QTimeZone& zone = QTimeZone::systemTimeZone());

    const QTimeZone& zone() const { return m_zone; }

    // Building blocks.
    QDateTime addElapsedHours(const QDateTime& wallClock, qint64 hours) const;
    QDateTime addElapsedSeconds(const QDateTime& wallClock, qint64 seconds) const;
    QDateTime addCalendarDays(const QDateTime& wallClock, int days) const;
    // The first existing wall-clock moment of a local day (00:00, or later where the day
    // starts in a gap) and its last stored second (23:59:59).
    QDateTime startOfDay(const QDate& day) const;
    QDateTime endOfDay(const QDate& day) const;
    // Seconds between two wall-clock readings, as really elapsed.
    qint64 elapsedSeconds(const QDateTime& from, const QDateTime& to) const;

    // An abnormal result is discussed within 72 h of its receipt; due at once.
    TaskWindow discussResult(const QDateTime& receivedAt) const;
    // Any result is communicated within 7 days of its receipt; due at once.
    TaskWindow communicateResult(const QDateTime& receivedAt) const;
    // A detractor (NPS ≤ 6 or CSAT ≤ 2) is called back within 48 h of the answer; due at once.
    TaskWindow detractorCallback(const QDateTime& respondedAt) const;
    // The check-in call is due on the local day N days after the visit ended, from its start
    // to its end (23:59:59). Nothing when the policy has no check-in.
    std::optional<TaskWindow> checkinCall(const QDateTime& visitEnd,
                                          std::optional<int> afterDays) const;
    // The survey request goes out on the local day N days after the visit ended.
    std::optional<TaskWindow> surveyRequest(const QDateTime& visitEnd,
                                            std::optional<int> afterDays) const;
    // With nothing booked, the rebook reminder falls due at the start of the day N weeks
    // after the last visit and is met until the end of the 7th day after that.
    std::optional<TaskWindow> rebookReminder(const QDateTime& lastVisitEnd,
                                             std::optional<int> afterWeeks) const;
    // The annual review falls due at the start of the day a year after the last visit (29
    // February -> 28 February) and is met until the end of the 30th day after that.
    TaskWindow annualReview(const QDateTime& lastVisitEnd) const;
    // A letter instead of a call: due now, met until the end of the 7th day after.
    TaskWindow letter(const QDateTime& now) const;

    // The deadline window of a task of this kind created from its reason's time: the result's
    // receipt, the answer, or the visit's end. Kinds that need a policy value take it in
    // policyValue (days for a check-in, weeks for a rebook reminder).
    std::optional<TaskWindow> forKind(TaskKind kind, const QDateTime& reasonTime,
                                      std::optional<int> policyValue = std::nullopt) const;

    // SLA adherence of one task as of `now` (docs/metrics.md): the same rule the metrics count by.
    static SlaOutcome slaOutcome(TaskStatus status, const QDateTime& doneAt,
                                 const QDateTime& deadline, const QDateTime& now);

private:
    // The instant a wall-clock reading stands for, in UTC (see the class comment for gaps
    // and folds).
    QDateTime toUtc(const QDateTime& wallClock) const;
    // The wall-clock reading of an instant, as a zone-less QDateTime.
    QDateTime toWallClock(const QDateTime& instant) const;
    std::optional<TaskWindow> wholeDay(const QDateTime& visitEnd,
                                       std::optional<int> afterDays) const;

    QTimeZone m_zone;
};

} // namespace aftercare
