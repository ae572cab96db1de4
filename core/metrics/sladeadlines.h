#pragma once

#include <QDate>
#include <QDateTime>

namespace aftercare {

// The default deadlines of follow-up work (BRIEF §4, SLA adherence). Times are the
// practice's wall-clock times; the arithmetic ignores daylight-saving shifts on purpose, so
// "72 h" is always three days on the clock.
namespace SlaDeadlines {

inline constexpr int kDiscussAbnormalResultHours = 72;
inline constexpr int kCommunicateResultDays = 7;
inline constexpr int kDetractorCallbackHours = 48;

// An abnormal result is discussed within 72 h of its receipt.
QDateTime discussAbnormalResult(const QDateTime& receivedAt);
// Any result is communicated within 7 days of its receipt.
QDateTime communicateResult(const QDateTime& receivedAt);
// A detractor (NPS ≤ 6 or CSAT ≤ 2) is called back within 48 h of the answer.
QDateTime detractorCallback(const QDateTime& respondedAt);
// The check-in call is due on the day the service type's policy names (checkin_after_days
// after the visit) and met until that day's end (23:59:59).
QDateTime checkinCall(QDate visitDay, int checkinAfterDays);

} // namespace SlaDeadlines

} // namespace aftercare
