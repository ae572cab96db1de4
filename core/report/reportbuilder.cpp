#include "report/reportbuilder.h"

#include "database/database.h"
#include "metrics/metricsengine.h"

#include <algorithm>

namespace aftercare {

namespace {

// Calendar months from the month of `first` to the month of `last`, both included.
int monthsSpanned(QDate first, QDate last)
{
    return (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
}

} // namespace

ReportBuilder::ReportBuilder(const Database& database)
    : m_database(database)
{}

Status ReportBuilder::tuneConnection(Database& database, Tuning tuning)
{
    if (!database.isSqlite())
        return database.configureSession(QStringLiteral("SET jit = off"));
    return database.configureSession(
        tuning == Tuning::Command
            ? QStringLiteral("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;")
            : QStringLiteral("PRAGMA cache_size = -16384;"));
}

Result<QString> ReportBuilder::nameOf(const QString& table, qint64 id) const
{
    // table is one of two names written below, never outside text.
    auto name = m_database.scalar(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table),
                                  {qlonglong(id)});
    if (!name)
        return fail(name.error());
    if (name->isNull()) {
        return fail(
            Error::notFound(table == QLatin1String("practitioners")
                                ? tr("There is no practitioner with the number %1.").arg(id)
                                : tr("There is no service type with the number %1.").arg(id)));
    }
    return name->toString();
}

Result<Report> ReportBuilder::build(const Period& period, const MetricFilter& filter,
                                    const QDateTime& now) const
{
    return build(period, filter, now, Options{});
}

Result<Report> ReportBuilder::build(const Period& period, const MetricFilter& filter,
                                    const QDateTime& now, const Options& options) const
{
    if (!period.isValid())
        return fail(Error::validation(
            tr("The report period is not valid: its first day must not be after its last.")));

    Report report;
    report.period = period;
    report.filter = filter;
    report.asOf = now;
    if (filter.practitioner.isValid()) {
        auto name = nameOf(QStringLiteral("practitioners"), filter.practitioner.value());
        if (!name)
            return fail(name.error());
        report.practitionerName = *name;
    }
    if (filter.serviceType.isValid()) {
        auto name = nameOf(QStringLiteral("service_types"), filter.serviceType.value());
        if (!name)
            return fail(name.error());
        report.serviceTypeName = *name;
    }

    const MetricsEngine engine(m_database);
    const int periodMonths = monthsSpanned(period.from, period.to);
    const int cohortMonths = std::max(options.cohortMonths, periodMonths);
    auto figures = engine.computeReport(period, options.seriesMonths,
                                        period.to.addMonths(1 - cohortMonths), filter, now);
    if (!figures)
        return fail(figures.error());
    report.lapseWindowDays = figures->lapseWindowDays;
    report.metrics = std::move(figures->series.period);
    report.monthly = std::move(figures->series.monthly);
    report.lifetimeValue = std::move(figures->lifetimeValue);
    report.cohorts = std::move(figures->cohorts);
    if (options.compareWith && options.compareWith->isValid()) {
        auto previous = engine.compute(*options.compareWith, filter, now);
        if (!previous)
            return fail(previous.error());
        auto value = engine.lifetimeValue(options.compareWith->to, filter);
        if (!value)
            return fail(value.error());
        report.previous = std::move(*previous);
        report.previousLifetimeValue = std::move(*value);
    }
    return report;
}

} // namespace aftercare
