#include "metrics/metricsengine.h"

#include "database/database.h"
#include "metrics/appointmentmetrics.h"
#include "metrics/clientmetrics.h"
#include "metrics/feedbackmetrics.h"
#include "metrics/lifetimevaluemetrics.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/postservicemetrics.h"
#include "metrics/slametrics.h"

namespace aftercare {

namespace {

constexpr int kMaxLapseWindowDays = 100 * 366;

// Which of the consecutive periods a month's counts belong to: the one overlapping it.
template <typename Counts>
std::vector<Counts> distribute(const std::map<QDate, Counts>& byMonth, const QList<Period>& periods)
{
    std::vector<Counts> result(periods.size());
    for (const auto& [month, counts] : byMonth) {
        const Period calendarMonth = Period::monthOf(month);
        for (int i = 0; i < periods.size(); ++i) {
            if (periods[i].from <= calendarMonth.to && periods[i].to >= calendarMonth.from) {
                result[i] += counts;
                break;
            }
        }
    }
    return result;
}

} // namespace

MetricsEngine::MetricsEngine(const Database& database)
    : m_database(database)
{}

Result<int> MetricsEngine::lapseWindowDays() const
{
    auto value = m_database.scalar(
        QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"), {kLapseWindowSetting});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return kDefaultLapseWindowDays;
    bool ok = false;
    const int days = value->toString().trimmed().toInt(&ok);
    if (!ok || days < 1 || days > kMaxLapseWindowDays)
        return fail(Error::validation(
            tr("The practice setting %1 must be a number of days from 1 to %2, not "
               "\"%3\".")
                .arg(kLapseWindowSetting)
                .arg(kMaxLapseWindowDays)
                .arg(value->toString())));
    return days;
}

Result<PeriodMetrics> MetricsEngine::compute(const Period& period, const MetricFilter& filter,
                                             const QDateTime& now) const
{
    auto series = computeConsecutive({period}, filter, now);
    if (!series)
        return fail(series.error());
    return series->front();
}

Result<std::vector<PeriodMetrics>> MetricsEngine::monthlySeries(QDate lastDay, int months,
                                                                const MetricFilter& filter,
                                                                const QDateTime& now) const
{
    return computeConsecutive(Period::monthsEndingOn(lastDay, months), filter, now);
}

Result<std::vector<PeriodMetrics>> MetricsEngine::computeConsecutive(const QList<Period>& periods,
                                                                     const MetricFilter& filter,
                                                                     const QDateTime& now) const
{
    if (periods.isEmpty())
        return std::vector<PeriodMetrics>{};
    for (int i = 0; i < periods.size(); ++i) {
        const bool valid = periods[i].isValid();
        const bool follows = i == 0 || periods[i].from == periods[i - 1].to.addDays(1);
        const bool oneMonth =
            periods.size() == 1 || Period::monthOf(periods[i].from).to >= periods[i].to;
        if (!valid || !follows || !oneMonth)
            return fail(Error::validation(
                tr("The report periods must be valid, consecutive calendar months.")));
    }
    auto lapse = lapseWindowDays();
    if (!lapse)
        return fail(lapse.error());

    const MetricQuery query(m_database, filter);
    const ClientMetrics clients(query, *lapse);
    const Period range{periods.first().from, periods.last().to};

    auto feedback = FeedbackMetrics(query).countByMonth(range);
    if (!feedback)
        return fail(feedback.error());
    auto appointments = AppointmentMetrics(query).countByMonth(range);
    if (!appointments)
        return fail(appointments.error());
    auto newClients = clients.newClientsByMonth(range);
    if (!newClients)
        return fail(newClients.error());
    auto sla = SlaMetrics(query).countByMonth(range, now);
    if (!sla)
        return fail(sla.error());
    auto postService = PostServiceMetrics(query).countByMonth(range);
    if (!postService)
        return fail(postService.error());

    // Retention of period i: S = active on the day before it (the previous period's last
    // day), E = active on its last day.
    QList<QDate> days{periods.first().from.addDays(-1)};
    for (const Period& period : periods)
        days.append(period.to);
    auto active = clients.activeOn(days);
    if (!active)
        return fail(active.error());

    const auto feedbackPer = distribute(*feedback, periods);
    const auto appointmentsPer = distribute(*appointments, periods);
    const auto newClientsPer = distribute(*newClients, periods);
    const auto slaPer = distribute(*sla, periods);
    const auto postServicePer = distribute(*postService, periods);

    std::vector<PeriodMetrics> result(periods.size());
    for (int i = 0; i < periods.size(); ++i) {
        PeriodMetrics& m = result[i];
        m.period = periods[i];
        const FeedbackCounts& f = feedbackPer[i];
        m.csat = MetricFormulas::csatFromCounts(f.csatResponses, f.csatSatisfied, f.csatScoreSum);
        m.nps = MetricFormulas::npsFromCounts(f.npsPromoters, f.npsPassives, f.npsDetractors);
        m.retention = MetricFormulas::retentionFromCounts(
            (*active)[i].active, (*active)[i + 1].active, (*active)[i + 1].retained,
            newClientsPer[i].newClients);
        m.noShow = MetricFormulas::noShowFromCounts(appointmentsPer[i].noShows,
                                                    appointmentsPer[i].completed);
        m.rebooking = MetricFormulas::rebookingFromCounts(appointmentsPer[i].rebooked,
                                                          appointmentsPer[i].completed);
        m.referral = MetricFormulas::referralFromCounts(newClientsPer[i]);
        m.sla = MetricFormulas::slaFromCounts(slaPer[i]);
        m.postServiceDelta = MetricFormulas::postServiceDeltaFromCounts(postServicePer[i]);
    }
    return result;
}

Result<LifetimeValueResult> MetricsEngine::lifetimeValue(QDate to, const MetricFilter& filter) const
{
    auto lapse = lapseWindowDays();
    if (!lapse)
        return fail(lapse.error());
    const MetricQuery query(m_database, filter);
    const ClientMetrics clients(query, *lapse);
    return LifetimeValueMetrics(query, clients).compute(to);
}

Result<std::vector<CohortRow>> MetricsEngine::cohorts(QDate firstMonth, QDate lastMonth, QDate asOf,
                                                      const MetricFilter& filter) const
{
    auto lapse = lapseWindowDays();
    if (!lapse)
        return fail(lapse.error());
    const MetricQuery query(m_database, filter);
    return ClientMetrics(query, *lapse).cohorts(firstMonth, lastMonth, asOf);
}

} // namespace aftercare
