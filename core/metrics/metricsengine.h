#pragma once

#include "error.h"
#include "metrics/metricfilter.h"
#include "metrics/metricresults.h"
#include "metrics/period.h"
#include "repositories/practicesettingsrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace aftercare {

class Database;
class ParallelReader;

// Computes the metrics of docs/metrics.md for a period and a filter: SQL counts (grouped by month
// so a monthly series costs about as much as one period), turned into results by MetricFormulas.
// Reads only; `now` is passed in so that "not yet due" is reproducible.
class MetricsEngine
{
    Q_DECLARE_TR_FUNCTIONS(MetricsEngine)

public:
    explicit MetricsEngine(const Database& database);

    // How many connections the statements may use at once (ParallelReader); 0, the default:
    // one per core, from 2 to 4. 1 runs them one after another on the given connection.
    void setMaxConnections(int connections) { m_maxConnections = connections; }

    static constexpr int kDefaultLapseWindowDays = PracticeSetting::kDefaultLapseWindowDays;
    // The key PracticeSettingsRepository and the demo write: one name for the practice's W.
    static inline const QString kLapseWindowSetting = PracticeSetting::kLapseWindowDays;

    // The practice's lapse window W in days (practice_settings 'practice.lapse_window_days',
    // 365 when not set).
    Result<int> lapseWindowDays() const;

    Result<PeriodMetrics> compute(const Period& period, const MetricFilter& filter,
                                  const QDateTime& now) const;

    // The `months` calendar months ending with the month of lastDay, oldest first; the last
    // month ends on lastDay.
    Result<std::vector<PeriodMetrics>> monthlySeries(QDate lastDay, int months,
                                                     const MetricFilter& filter,
                                                     const QDateTime& now) const;

    // A period and the monthly series ending with it (at least `months` long, and covering
    // the whole period), from one set of queries when the period starts on a month's first day.
    struct PeriodWithSeries
    {
        PeriodMetrics period;
        std::vector<PeriodMetrics> monthly;
    };
    Result<PeriodWithSeries> computeWithSeries(const Period& period, int months,
                                               const MetricFilter& filter,
                                               const QDateTime& now) const;

    Result<LifetimeValueResult> lifetimeValue(QDate to, const MetricFilter& filter) const;

    // Cohorts by month of first visit from firstMonth to lastMonth, seen from asOf.
    Result<std::vector<CohortRow>> cohorts(QDate firstMonth, QDate lastMonth, QDate asOf,
                                           const MetricFilter& filter) const;

    // Everything a report shows: the period with its monthly series (computeWithSeries), the
    // lifetime value at the period's end, and the cohorts from cohortsFrom's month to the
    // period's last month as seen from its last day. All of it from one consistent state of
    // the database, its statements spread over several connections (ParallelReader).
    struct ReportFigures
    {
        PeriodWithSeries series;
        LifetimeValueResult lifetimeValue;
        std::vector<CohortRow> cohorts;
        int lapseWindowDays = kDefaultLapseWindowDays; // the W the figures were computed with
    };
    Result<ReportFigures> computeReport(const Period& period, int seriesMonths, QDate cohortsFrom,
                                        const MetricFilter& filter, const QDateTime& now) const;

private:
    struct Gathered;
    struct SeriesPlan;
    // Counts for consecutive periods (each starting the day after the previous one ends, none
    // spanning two calendar months unless it is the only one), with one query per metric
    // family; activity on the day before each period and on its last day, and for `pairs`
    // of those days (indexes: 0 = the day before the first period, i + 1 = the last day of
    // period i) the clients active on both.
    Result<Gathered> gather(const QList<Period>& periods, const QList<std::pair<int, int>>& pairs,
                            const MetricFilter& filter, const QDateTime& now) const;
    // Checks the periods and adds gather()'s statements to `reader`, each filling its part
    // of `out` when the reader runs.
    // alsoActiveOn: two more days whose active clients (and those active on both) the same
    // pass over the visits counts, found through Gathered::alsoActive afterwards.
    Status planGather(ParallelReader& reader, Gathered& out, const QList<Period>& periods,
                      const QList<std::pair<int, int>>& pairs, const MetricFilter& filter,
                      const QDateTime& now, int lapseWindowDays,
                      std::optional<std::pair<QDate, QDate>> alsoActiveOn = {},
                      bool countNewClients = true) const;
    // computeWithSeries() in two steps: the statements, then the results from their counts.
    // countNewClients false: the caller fills plan.series.newClients itself.
    Status planSeries(ParallelReader& reader, SeriesPlan& plan, const Period& period, int months,
                      const MetricFilter& filter, const QDateTime& now, int lapseWindowDays,
                      std::optional<std::pair<QDate, QDate>> alsoActiveOn = {},
                      bool countNewClients = true) const;
    static PeriodWithSeries finishSeries(const SeriesPlan& plan);
    // The calendar months of the series for `period`: `months` of them, more if the period is
    // longer, the last ending on the period's last day.
    static QList<Period> seriesMonths(const Period& period, int months);
    // Reads the practice's lapse window, lets plan(reader, W) add its statements, runs them.
    Status runPlanned(const std::function<Status(ParallelReader&, int)>& plan) const;
    // The metrics of periods[first..last] taken together; pair is the index into the pairs
    // given to gather() that holds (first, last + 1).
    static PeriodMetrics assemble(const Gathered& gathered, int first, int last, int pair);

    const Database& m_database;
    int m_maxConnections = 0;
};

} // namespace aftercare
