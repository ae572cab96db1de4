#pragma once

#include "metrics/metriccounts.h"
#include "metrics/metricresults.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>

#include <optional>

namespace aftercare {

// The formulas of docs/metrics.md as pure functions of counts: no database, no clock. The SQL in
// the metric classes only counts; everything that turns counts into a figure is here, where it can
// be tested by hand.
namespace MetricFormulas {

// 100 × part / whole, empty when whole is 0.
std::optional<double> percentage(qint64 part, qint64 whole);

CsatResult csatFromCounts(qint64 responses, qint64 satisfied, qint64 scoreSum);
bool isCsatSatisfied(int score); // ≥ 4

NpsResult npsFromCounts(qint64 promoters, qint64 passives, qint64 detractors);
// NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), clipped to [−100, 100]; empty when n is 0.
std::optional<NpsInterval> npsInterval95(qint64 promoters, qint64 detractors, qint64 responses);
bool isNpsPromoter(int score);  // ≥ 9
bool isNpsDetractor(int score); // ≤ 6

// Active on day T: a visit dated in (T − W, T].
bool isActiveOn(QDate day, const QList<QDate>& visitDays, int lapseWindowDays);
// The first and last visit day that make a client active on `day`.
QDate activeWindowStart(QDate day, int lapseWindowDays);
RetentionResult retentionFromCounts(qint64 activeStart, qint64 activeEnd, qint64 retained,
                                    qint64 newClients);
RetentionResult retentionFromSets(const QSet<qint64>& activeStart, const QSet<qint64>& activeEnd,
                                  qint64 newClients);

NoShowResult noShowFromCounts(qint64 noShows, qint64 completed);
RebookingResult rebookingFromCounts(qint64 rebooked, qint64 visits);
ReferralResult referralFromCounts(const NewClientCounts& counts);
// A client referral: a referring client is recorded, or the source says "client referral"
// in any case and with any surrounding spaces.
bool isClientReferral(const QString& referralSource, bool hasReferringClient);
// The key a new client is counted under in ReferralResult::bySource.
QString referralSourceKey(const QString& referralSource, bool hasReferringClient);

std::optional<double> historicalClvCents(qint64 paidCents, qint64 clients);
// The expected remaining lifetime in years from the yearly churn c (a fraction):
// min(1 / c, 20), and 20 when c is 0. Empty when c is unknown.
std::optional<double> expectedLifetimeYears(std::optional<double> churnFraction);
inline constexpr double kMaxLifetimeYears = 20.0;
// (paid in Y / visits in Y) × (visits in Y / clients in Y) × lifetime; empty when a
// denominator is 0 or the churn of Y is unknown.
std::optional<double> predictedClvCents(qint64 paidCentsInWindow, qint64 visitsInWindow,
                                        qint64 clientsInWindow,
                                        std::optional<double> churnFraction);
// The predicted value's window Y = [to − 364, to].
Period predictionWindow(QDate to);

// A task counts towards SLA adherence when its deadline is in the period and it is done, or
// still open with its deadline passed by `now`; it is met when done on or before its deadline.
bool taskIsDue(TaskStatus status, const QDateTime& deadline, const QDateTime& now);
bool taskIsMet(TaskStatus status, const QDateTime& doneAt, const QDateTime& deadline);
SlaResult slaFromCounts(const SlaCounts& counts);

// The consent purpose a post-service step needs beyond the service's policy, if any.
std::optional<ConsentPurpose> consentNeededFor(PostServiceStep step);
// SQL, true when the client of visit `a` held the consent for purpose at the visit's end: their
// latest decision for it recorded by then and not withdrawn by then is a grant (NULL, read as
// false, without any decision). The one spelling of that rule for the metrics and the visit's
// own post-service view; the purpose is the vocabulary's fixed name, never outside text.
QString consentHeldSql(ConsentPurpose purpose);
// A step applies when the policy names it and, for steps that need consent, the client gave it.
bool stepApplies(PostServiceStep step, bool inPolicy, bool hasNeededConsent);
PostServiceDeltaResult postServiceDeltaFromCounts(const PostServiceCounts& counts);

// The last day of a k-month window that starts on day: the same day k months later, or the
// month's last day when that month is shorter (31 January + 1 month = 28/29 February).
QDate cohortWindowEnd(QDate firstVisit, int months);
// Whether every client of the cohort month had the whole k-month window by asOf.
bool cohortWindowElapsed(QDate cohortMonth, int months, QDate asOf);
CohortRow cohortFromCounts(QDate cohortMonth, qint64 clients, qint64 returned3, qint64 returned6,
                           qint64 returned12, QDate asOf);
inline constexpr int kCohortMonths[] = {3, 6, 12};

} // namespace MetricFormulas

} // namespace aftercare
