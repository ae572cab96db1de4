#include "metrics/sladeadlines.h"

#include <QTimeZone>

namespace aftercare::SlaDeadlines {

namespace {

// Adds seconds on the wall clock: the calculation runs in UTC, which has no gaps, and the
// reading is taken back as local wall-clock time.
QDateTime addWallClockSeconds(const QDateTime& time, qint64 seconds)
{
    if (!time.isValid())
        return {};
    const QDateTime shifted =
        QDateTime(time.date(), time.time(), QTimeZone::utc()).addSecs(seconds);
    return QDateTime(shifted.date(), shifted.time());
}

} // namespace

QDateTime discussAbnormalResult(const QDateTime& receivedAt)
{
    return addWallClockSeconds(receivedAt, qint64(kDiscussAbnormalResultHours) * 3600);
}

QDateTime communicateResult(const QDateTime& receivedAt)
{
    return addWallClockSeconds(receivedAt, qint64(kCommunicateResultDays) * 24 * 3600);
}

QDateTime detractorCallback(const QDateTime& respondedAt)
{
    return addWallClockSeconds(respondedAt, qint64(kDetractorCallbackHours) * 3600);
}

QDateTime checkinCall(QDate visitDay, int checkinAfterDays)
{
    if (!visitDay.isValid() || checkinAfterDays < 0)
        return {};
    return QDateTime(visitDay.addDays(checkinAfterDays), QTime(23, 59, 59));
}

} // namespace aftercare::SlaDeadlines
