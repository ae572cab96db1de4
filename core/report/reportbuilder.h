#pragma once

#include "error.h"
#include "metrics/metricfilter.h"
#include "metrics/period.h"
#include "report/report.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace aftercare {

class Database;

// Gathers a Report: the period's metrics, lifetime value, cohorts and the monthly series.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    struct Options
    {
        // The monthly series covers at least this many months, and always the whole period.
        int seriesMonths = 12;
        // Cohorts of at least this many months ending with the period's last month, and
        // always every month of the period.
        int cohortMonths = 24;
        // The days to compare the figures with (PeriodComparison): their metrics and lifetime
        // value go into Report::previous. None by default: the JSON and CSV do not show them.
        std::optional<Period> compareWith;
    };

    explicit ReportBuilder(const Database& database);

    // Who computes on a connection: the headless command, alone in its process, or the
    // dashboard's worker inside the desktop application, which must stay small in memory.
    enum class Tuning
    {
        Command,
        Desktop,
    };
    // Session settings for a connection that computes reports. SQLite: the command gets a
    // 64 MiB page cache and reads through a memory map; the desktop a 16 MiB cache and no
    // map (mapped pages count towards the application's resident memory). PostgreSQL runs
    // without just-in-time compilation, which costs more than it saves on these queries
    // (docs/metrics.md, "How long a report takes").
    static Status tuneConnection(Database& database, Tuning tuning);

    Result<Report> build(const Period& period, const MetricFilter& filter,
                         const QDateTime& now) const;
    Result<Report> build(const Period& period, const MetricFilter& filter, const QDateTime& now,
                         const Options& options) const;

private:
    Result<QString> nameOf(const QString& table, qint64 id) const;

    const Database& m_database;
};

} // namespace aftercare
