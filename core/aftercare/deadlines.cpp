#include "aftercare/deadlines.h"

#include "metrics/metricformulas.h"

#include <initializer_list>

namespace aftercare {

namespace {

constexpr qint64 kSecondsPerHour = 3600;
constexpr qint64 kSecondsPerDay = 24 * kSecondsPerHour;

} // namespace

Deadlines::Deadlines(const QTimeZone& zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{}

QDateTime Deadlines::toUtc(const QDateTime& wallClock) const
{
    const QDateTime reading(wallClock.date(), wallClock.time(), QTimeZone::utc());
    // The offsets in force a day before and a day after the reading: the same outside a
    // change; around one, a reading matches one of them (the other in the gap, both in the
    // fold).
    const int before = m_zone.offsetFromUtc(reading.addSecs(-kSecondsPerDay));
    const int after = m_zone.offsetFromUtc(reading.addSecs(kSecondsPerDay));
    QDateTime earliest;
    for (const int offset : {before, after}) {
        const QDateTime instant = reading.addSecs(-offset);
        if (m_zone.offsetFromUtc(instant) == offset && (!earliest.isValid() || instant < earliest))
            earliest = instant;
    }
    if (earliest.isValid())
        return earliest;
    // In the gap: the clock had it not been put forward.
    return reading.addSecs(-before);
}

QDateTime Deadlines::toWallClock(const QDateTime& instant) const
{
    const QDateTime local = instant.toTimeZone(m_zone);
    return QDateTime(local.date(), local.time());
}

QDateTime Deadlines::addElapsedSeconds(const QDateTime& wallClock, qint64 seconds) const
{
    if (!wallClock.date().isValid())
        return {};
    return toWallClock(toUtc(wallClock).addSecs(seconds));
}

QDateTime Deadlines::addElapsedHours(const QDateTime& wallClock, qint64 hours) const
{
    return addElapsedSeconds(wallClock, hours * kSecondsPerHour);
}

QDateTime Deadlines::addCalendarDays(const QDateTime& wallClock, int days) const
{
    if (!wallClock.date().isValid())
        return {};
    return addElapsedSeconds(QDateTime(wallClock.date().addDays(days), wallClock.time()), 0);
}

QDateTime Deadlines::startOfDay(const QDate& day) const
{
    if (!day.isValid())
        return {};
    return toWallClock(day.startOfDay(m_zone));
}

QDateTime Deadlines::endOfDay(const QDate& day) const
{
    if (!day.isValid())
        return {};
    return addElapsedSeconds(QDateTime(day, QTime(23, 59, 59)), 0);
}

qint64 Deadlines::elapsedSeconds(const QDateTime& from, const QDateTime& to) const
{
    return toUtc(from).secsTo(toUtc(to));
}

TaskWindow Deadlines::discussResult(const QDateTime& receivedAt) const
{
    return {addElapsedSeconds(receivedAt, 0),
            addElapsedHours(receivedAt, kDiscussAbnormalResultHours)};
}

TaskWindow Deadlines::communicateResult(const QDateTime& receivedAt) const
{
    return {addElapsedSeconds(receivedAt, 0), addCalendarDays(receivedAt, kCommunicateResultDays)};
}

TaskWindow Deadlines::detractorCallback(const QDateTime& respondedAt) const
{
    return {addElapsedSeconds(respondedAt, 0),
            addElapsedHours(respondedAt, kDetractorCallbackHours)};
}

std::optional<TaskWindow> Deadlines::wholeDay(const QDateTime& visitEnd,
                                              std::optional<int> afterDays) const
{
    if (!afterDays || *afterDays < 0 || !visitEnd.date().isValid())
        return std::nullopt;
    const QDate day = visitEnd.date().addDays(*afterDays);
    return TaskWindow{startOfDay(day), endOfDay(day)};
}

std::optional<TaskWindow> Deadlines::checkinCall(const QDateTime& visitEnd,
                                                 std::optional<int> afterDays) const
{
    return wholeDay(visitEnd, afterDays);
}

std::optional<TaskWindow> Deadlines::surveyRequest(const QDateTime& visitEnd,
                                                   std::optional<int> afterDays) const
{
    return wholeDay(visitEnd, afterDays);
}

std::optional<TaskWindow> Deadlines::rebookReminder(const QDateTime& lastVisitEnd,
                                                    std::optional<int> afterWeeks) const
{
    if (!afterWeeks || *afterWeeks <= 0 || !lastVisitEnd.date().isValid())
        return std::nullopt;
    const QDate day = lastVisitEnd.date().addDays(7LL * *afterWeeks);
    return TaskWindow{startOfDay(day), endOfDay(day.addDays(kRebookReminderDays))};
}

TaskWindow Deadlines::annualReview(const QDateTime& lastVisitEnd) const
{
    if (!lastVisitEnd.date().isValid())
        return {};
    const QDate day = lastVisitEnd.date().addYears(1);
    return {startOfDay(day), endOfDay(day.addDays(kAnnualReviewDays))};
}

TaskWindow Deadlines::letter(const QDateTime& now) const
{
    if (!now.date().isValid())
        return {};
    return {addElapsedSeconds(now, 0), endOfDay(now.date().addDays(kLetterDays))};
}

std::optional<TaskWindow> Deadlines::forKind(TaskKind kind, const QDateTime& reasonTime,
                                             std::optional<int> policyValue) const
{
    if (!reasonTime.date().isValid())
        return std::nullopt;
    switch (kind) {
    case TaskKind::DiscussResult:
        return discussResult(reasonTime);
    case TaskKind::CommunicateResult:
        return communicateResult(reasonTime);
    case TaskKind::DetractorCallback:
        return detractorCallback(reasonTime);
    case TaskKind::CheckinCall:
        return checkinCall(reasonTime, policyValue);
    case TaskKind::RebookReminder:
        return rebookReminder(reasonTime, policyValue);
    case TaskKind::AnnualReview:
        return annualReview(reasonTime);
    case TaskKind::Letter:
        return letter(reasonTime);
    }
    return std::nullopt;
}

SlaOutcome Deadlines::slaOutcome(TaskStatus status, const QDateTime& doneAt,
                                 const QDateTime& deadline, const QDateTime& now)
{
    if (!MetricFormulas::taskIsDue(status, deadline, now))
        return SlaOutcome::NotCounted;
    return MetricFormulas::taskIsMet(status, doneAt, deadline) ? SlaOutcome::Met
                                                               : SlaOutcome::Missed;
}

} // namespace aftercare
