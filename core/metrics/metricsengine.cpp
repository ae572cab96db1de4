#include "metrics/metricsengine.h"

#include "database/database.h"
#include "database/parallelreader.h"
#include "metrics/appointmentmetrics.h"
#include "metrics/clientmetrics.h"
#include "metrics/feedbackmetrics.h"
#include "metrics/lifetimevaluemetrics.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/postservicemetrics.h"
#include "metrics/slametrics.h"

#include <algorithm>
#include <optional>

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
    // With planGather()'s alsoActiveOn: where its days and their pair are in `active`.
    int alsoFirst = -1;
    int alsoPair = -1;
};

struct MetricsEngine::SeriesPlan
{
    Gathered series;                // the monthly periods
    std::optional<Gathered> period; // a period that does not start a month, on its own
    int first = 0;                  // otherwise: the period's first month in series.periods
    int pair = 0;                   // and the pair of days (its start, its end)
};

namespace {

// ParallelReader lanes. History: statements that walk each client's appointments
// (appointments_client_start_idx), look-ups and whole passes. Period: statements that read
// the visits of the months asked for (appointments_start_idx) with their consents, steps,
// tasks and answers.
constexpr int kHistoryLane = 0;
constexpr int kPeriodLane = 1;

// A reader job: one family of counts by month, spread over the gathered periods.
template <typename Counts, typename Count>
ParallelReader::Job countsJob(std::vector<Counts>& out, const QList<Period>& periods,
                              const MetricFilter& filter, Count count)
{
    return [&out, &periods, filter, count](const Database& database) -> Status {
        auto counts = count(MetricQuery(database, filter));
        if (!counts)
            return fail(counts.error());
        out = distribute(*counts, periods);
        return {};
    };
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

Status MetricsEngine::planSeries(ParallelReader& reader, SeriesPlan& plan, const Period& period,
                                 int months, const MetricFilter& filter, const QDateTime& now,
                                 int lapseWindowDays,
                                 std::optional<std::pair<QDate, QDate>> alsoActiveOn,
                                 bool countNewClients) const
{
    if (!period.isValid())
        return fail(Error::validation(
            tr("The report period is not valid: its first day must not be after its last.")));
    const QList<Period> periods = seriesMonths(period, months);
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i < periods.size(); ++i)
        pairs.append({i, i + 1});
    if (period.from.day() != 1) {
        // The period does not start with a month: it is counted on its own.
        plan.period.emplace();
        if (auto planned =
                planGather(reader, *plan.period, {period}, {{0, 1}}, filter, now, lapseWindowDays);
            !planned)
            return planned;
    } else {
        // The period is made of the series' last months: one set of statements for both.
        plan.first = int(periods.size()) - monthsSpanned(period.from, period.to);
        plan.pair = int(pairs.size());
        pairs.append({plan.first, int(periods.size())});
    }
    return planGather(reader, plan.series, periods, pairs, filter, now, lapseWindowDays,
                      alsoActiveOn, countNewClients);
}

MetricsEngine::PeriodWithSeries MetricsEngine::finishSeries(const SeriesPlan& plan)
{
    PeriodWithSeries result;
    const Gathered& series = plan.series;
    result.monthly.reserve(series.periods.size());
    for (int i = 0; i < series.periods.size(); ++i)
        result.monthly.push_back(assemble(series, i, i, i));
    if (plan.period)
        result.period = assemble(*plan.period, 0, 0, 0);
    else
        result.period = assemble(series, plan.first, int(series.periods.size()) - 1, plan.pair);
    return result;
}

Result<MetricsEngine::PeriodWithSeries> MetricsEngine::computeWithSeries(const Period& period,
                                                                         int months,
                                                                         const MetricFilter& filter,
                                                                         const QDateTime& now) const
{
    SeriesPlan plan;
    if (auto done = runPlanned([&](ParallelReader& reader, int lapse) {
            return planSeries(reader, plan, period, months, filter, now, lapse);
        });
        !done)
        return fail(done.error());
    return finishSeries(plan);
}

Result<MetricsEngine::ReportFigures>
MetricsEngine::computeReport(const Period& period, int seriesMonths, QDate cohortsFrom,
                             const MetricFilter& filter, const QDateTime& now) const
{
    ReportFigures figures;
    SeriesPlan plan;
    // The cohorts' pass finds every first visit from cohortsFrom's month to the period's end;
    // when that covers the series, it counts the series' new clients too.
    const QList<Period> months = MetricsEngine::seriesMonths(period, seriesMonths);
    const bool newClientsFromCohorts = period.isValid() && !months.isEmpty() &&
                                       Period::monthOf(cohortsFrom).from <= months.first().from;
    std::map<QDate, NewClientCounts> newClients;
    HistoryTotals history;
    auto planned = runPlanned([&](ParallelReader& reader, int lapse) {
        figures.lapseWindowDays = lapse;
        // The cohorts first: with the series' longest statements after them, the connections
        // finish at about the same time. Their pass over every client's first visit also
        // counts the historical lifetime value.
        reader.add(
            [&, lapse](const Database& database) -> Status {
                auto cohorts =
                    ClientMetrics(MetricQuery(database, filter), lapse)
                        .cohorts(cohortsFrom, period.to, period.to,
                                 newClientsFromCohorts ? &newClients : nullptr, &history);
                if (!cohorts)
                    return fail(cohorts.error());
                figures.cohorts = std::move(*cohorts);
                return {};
            },
            kHistoryLane);
        reader.add(
            [&, lapse](const Database& database) {
                const MetricQuery query(database, filter);
                const ClientMetrics clients(query, lapse);
                return LifetimeValueMetrics(query, clients)
                    .computeWindowCounts(period.to, figures.lifetimeValue);
            },
            kPeriodLane);
        // The predicted value's churn comes from the series' pass over the active clients.
        return planSeries(reader, plan, period, seriesMonths, filter, now, lapse,
                          LifetimeValueMetrics::churnDays(period.to), !newClientsFromCohorts);
    });
    if (!planned)
        return fail(planned.error());
    if (newClientsFromCohorts)
        plan.series.newClients = distribute(newClients, plan.series.periods);
    LifetimeValueMetrics::finishHistorical(figures.lifetimeValue, history);
    figures.series = finishSeries(plan);
    const ActiveClients& active = plan.series.active;
    LifetimeValueMetrics::finishPredicted(figures.lifetimeValue,
                                          active.active[plan.series.alsoFirst],
                                          active.both[plan.series.alsoPair]);
    return figures;
}

QList<Period> MetricsEngine::seriesMonths(const Period& period, int months)
{
    return Period::monthsEndingOn(period.to,
                                  std::max(months, monthsSpanned(period.from, period.to)));
}

Status MetricsEngine::runPlanned(const std::function<Status(ParallelReader&, int)>& plan) const
{
    auto lapse = lapseWindowDays();
    if (!lapse)
        return fail(lapse.error());
    ParallelReader reader(m_database, m_maxConnections);
    if (auto planned = plan(reader, *lapse); !planned)
        return planned;
    return reader.run();
}

Result<MetricsEngine::Gathered> MetricsEngine::gather(const QList<Period>& periods,
                                                      const QList<std::pair<int, int>>& pairs,
                                                      const MetricFilter& filter,
                                                      const QDateTime& now) const
{
    Gathered gathered;
    if (auto done = runPlanned([&](ParallelReader& reader, int lapse) {
            return planGather(reader, gathered, periods, pairs, filter, now, lapse);
        });
        !done)
        return fail(done.error());
    return gathered;
}

Status MetricsEngine::planGather(ParallelReader& reader, Gathered& out,
                                 const QList<Period>& periods,
                                 const QList<std::pair<int, int>>& pairs,
                                 const MetricFilter& filter, const QDateTime& now,
                                 int lapseWindowDays,
                                 std::optional<std::pair<QDate, QDate>> alsoActiveOn,
                                 bool countNewClients) const
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

    out.periods = periods;
    const Period range{periods.first().from, periods.last().to};
    // Retention of a period: S = active on the day before it, E = active on its last day.
    QList<QDate> days{periods.first().from.addDays(-1)};
    for (const Period& period : periods)
        days.append(period.to);
    QList<std::pair<int, int>> activePairs = pairs;
    if (alsoActiveOn) {
        auto indexOf = [&days](QDate day) {
            if (const qsizetype found = days.indexOf(day); found >= 0)
                return int(found);
            days.append(day);
            return int(days.size()) - 1;
        };
        out.alsoFirst = indexOf(alsoActiveOn->first);
        out.alsoPair = int(activePairs.size());
        activePairs.append({out.alsoFirst, indexOf(alsoActiveOn->second)});
    }

    // The longest statements first (docs/benchmarks-notes.md).
    reader.add(countsJob(out.postService, out.periods, filter,
                         [range](const MetricQuery& query) {
                             return PostServiceMetrics(query).countByMonth(range);
                         }),
               kPeriodLane);
    reader.add(
        [&out, filter, days, activePairs, lapseWindowDays](const Database& database) -> Status {
            auto active = ClientMetrics(MetricQuery(database, filter), lapseWindowDays)
                              .activeOn(days, activePairs);
            if (!active)
                return fail(active.error());
            out.active = std::move(*active);
            return {};
        },
        kPeriodLane);
    reader.add(countsJob(out.appointments, out.periods, filter,
                         [range](const MetricQuery& query) {
                             return AppointmentMetrics(query).countByMonth(range);
                         }),
               kHistoryLane);
    if (countNewClients) {
        reader.add(
            countsJob(out.newClients, out.periods, filter,
                      [range, lapseWindowDays](const MetricQuery& query) {
                          return ClientMetrics(query, lapseWindowDays).newClientsByMonth(range);
                      }),
            kHistoryLane);
    }
    reader.add(countsJob(out.sla, out.periods, filter,
                         [range, now](const MetricQuery& query) {
                             return SlaMetrics(query).countByMonth(range, now);
                         }),
               kPeriodLane);
    reader.add(countsJob(out.feedback, out.periods, filter,
                         [range](const MetricQuery& query) {
                             return FeedbackMetrics(query).countByMonth(range);
                         }),
               kPeriodLane);
    return {};
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
