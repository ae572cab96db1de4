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

#include <algorithm>

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

template <typename Counts> Counts sum(const std::vector<Counts>& perPeriod, int first, int last)
{
    Counts total;
    for (int i = first; i <= last; ++i)
        total += perPeriod[i];
    return total;
}

// Calendar months from the month of `first` to the month of `last`, both included.
int monthsSpanned(QDate first, QDate last)
{
    return (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
}

} // namespace

struct MetricsEngine::Gathered
{
    QList<Period> periods;
    std::vector<FeedbackCounts> feedback;
    std::vector<AppointmentCounts> appointments;
    std::vector<NewClientCounts> newClients;
    std::vector<SlaCounts> sla;
    std::vector<PostServiceCounts> postService;
    ActiveClients active;
};

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
    auto gathered = gather({period}, {{0, 1}}, filter, now);
    if (!gathered)
        return fail(gathered.error());
    return assemble(*gathered, 0, 0, 0);
}

Result<std::vector<PeriodMetrics>> MetricsEngine::monthlySeries(QDate lastDay, int months,
                                                                const MetricFilter& filter,
                                                                const QDateTime& now) const
{
    const QList<Period> periods = Period::monthsEndingOn(lastDay, months);
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i < periods.size(); ++i)
        pairs.append({i, i + 1});
    auto gathered = gather(periods, pairs, filter, now);
    if (!gathered)
        return fail(gathered.error());
    std::vector<PeriodMetrics> series;
    series.reserve(periods.size());
    for (int i = 0; i < periods.size(); ++i)
        series.push_back(assemble(*gathered, i, i, i));
    return series;
}

Result<MetricsEngine::PeriodWithSeries> MetricsEngine::computeWithSeries(const Period& period,
                                                                         int months,
                                                                         const MetricFilter& filter,
                                                                         const QDateTime& now) const
{
    if (!period.isValid())
        return fail(Error::validation(
            tr("The report period is not valid: its first day must not be after its last.")));
    const int spanned = monthsSpanned(period.from, period.to);
    months = std::max(months, spanned);
    PeriodWithSeries result;
    if (period.from.day() != 1) {
        // The period does not start with a month: its first month is counted separately.
        auto metrics = compute(period, filter, now);
        if (!metrics)
            return fail(metrics.error());
        auto series = monthlySeries(period.to, months, filter, now);
        if (!series)
            return fail(series.error());
        result.period = std::move(*metrics);
        result.monthly = std::move(*series);
        return result;
    }

    const QList<Period> periods = Period::monthsEndingOn(period.to, months);
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i < periods.size(); ++i)
        pairs.append({i, i + 1});
    const int first = months - spanned;
    pairs.append({first, int(periods.size())});
    auto gathered = gather(periods, pairs, filter, now);
    if (!gathered)
        return fail(gathered.error());
    result.monthly.reserve(periods.size());
    for (int i = 0; i < periods.size(); ++i)
        result.monthly.push_back(assemble(*gathered, i, i, i));
    result.period = assemble(*gathered, first, int(periods.size()) - 1, int(pairs.size()) - 1);
    return result;
}

Result<MetricsEngine::Gathered> MetricsEngine::gather(const QList<Period>& periods,
                                                      const QList<std::pair<int, int>>& pairs,
                                                      const MetricFilter& filter,
                                                      const QDateTime& now) const
{
    for (int i = 0; i < periods.size(); ++i) {
        const bool valid = periods[i].isValid();
        const bool follows = i == 0 || periods[i].from == periods[i - 1].to.addDays(1);
        const bool oneMonth =
            periods.size() == 1 || Period::monthOf(periods[i].from).to >= periods[i].to;
        if (!valid || !follows || !oneMonth)
            return fail(Error::validation(
                tr("The report periods must be valid, consecutive calendar months.")));
    }
    if (periods.isEmpty())
        return fail(Error::validation(
            tr("The report periods must be valid, consecutive calendar months.")));
    auto lapse = lapseWindowDays();
    if (!lapse)
        return fail(lapse.error());

    const MetricQuery query(m_database, filter);
    const ClientMetrics clients(query, *lapse);
    const Period range{periods.first().from, periods.last().to};
    Gathered gathered;
    gathered.periods = periods;

    auto feedback = FeedbackMetrics(query).countByMonth(range);
    if (!feedback)
        return fail(feedback.error());
    gathered.feedback = distribute(*feedback, periods);
    auto appointments = AppointmentMetrics(query).countByMonth(range);
    if (!appointments)
        return fail(appointments.error());
    gathered.appointments = distribute(*appointments, periods);
    auto newClients = clients.newClientsByMonth(range);
    if (!newClients)
        return fail(newClients.error());
    gathered.newClients = distribute(*newClients, periods);
    auto sla = SlaMetrics(query).countByMonth(range, now);
    if (!sla)
        return fail(sla.error());
    gathered.sla = distribute(*sla, periods);
    auto postService = PostServiceMetrics(query).countByMonth(range);
    if (!postService)
        return fail(postService.error());
    gathered.postService = distribute(*postService, periods);

    // Retention of a period: S = active on the day before it, E = active on its last day.
    QList<QDate> days{periods.first().from.addDays(-1)};
    for (const Period& period : periods)
        days.append(period.to);
    auto active = clients.activeOn(days, pairs);
    if (!active)
        return fail(active.error());
    gathered.active = std::move(*active);
    return gathered;
}

PeriodMetrics MetricsEngine::assemble(const Gathered& gathered, int first, int last, int pair)
{
    PeriodMetrics m;
    m.period = {gathered.periods[first].from, gathered.periods[last].to};
    const FeedbackCounts f = sum(gathered.feedback, first, last);
    const AppointmentCounts a = sum(gathered.appointments, first, last);
    const NewClientCounts n = sum(gathered.newClients, first, last);
    m.csat = MetricFormulas::csatFromCounts(f.csatResponses, f.csatSatisfied, f.csatScoreSum);
    m.nps = MetricFormulas::npsFromCounts(f.npsPromoters, f.npsPassives, f.npsDetractors);
    m.retention = MetricFormulas::retentionFromCounts(gathered.active.active[first],
                                                      gathered.active.active[last + 1],
                                                      gathered.active.both[pair], n.newClients);
    m.noShow = MetricFormulas::noShowFromCounts(a.noShows, a.completed);
    m.rebooking = MetricFormulas::rebookingFromCounts(a.rebooked, a.completed);
    m.referral = MetricFormulas::referralFromCounts(n);
    m.sla = MetricFormulas::slaFromCounts(sum(gathered.sla, first, last));
    m.postServiceDelta =
        MetricFormulas::postServiceDeltaFromCounts(sum(gathered.postService, first, last));
    return m;
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
