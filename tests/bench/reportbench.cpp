// The manager's figures: the month's report as JSON (ReportBuilder + ReportJsonWriter, what
// `aftercare report --format json` runs) and the dashboard's 12-month series
// (MetricsEngine::monthlySeries). With --sql-out the statements of one run are written for
// the database's shell, to compare the engine with the queries alone.
#include "benchcommands.h"
#include "database/database.h"
#include "metrics/metricsengine.h"
#include "report/periodparser.h"
#include "report/reportbuilder.h"
#include "report/reportjsonwriter.h"
#include "statementscript.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <mutex>

namespace aftercare::bench {

namespace {

// One run of what is measured; false (and a message) when it failed.
bool runOnce(const Database& database, bool dashboard, const Period& period, const QDateTime& now,
             qint64* bytes)
{
    if (dashboard) {
        auto series = MetricsEngine(database).monthlySeries(period.to, 12, MetricFilter{}, now);
        if (!series) {
            std::fprintf(stderr, "dashboard failed: %s\n", qPrintable(series.error().describe()));
            return false;
        }
        *bytes = qint64(series->size());
        return true;
    }
    auto report = ReportBuilder(database).build(period, MetricFilter{}, now);
    if (!report) {
        std::fprintf(stderr, "report failed: %s\n", qPrintable(report.error().describe()));
        return false;
    }
    *bytes = ReportJsonWriter::toJson(*report).size();
    return true;
}

} // namespace

// --what report|dashboard --month YYYY-MM --now ISO-time [--repeat N] [--sql-out FILE]
int runReport(const BenchOptions& options)
{
    auto database = openDatabase(options);
    if (!database)
        return 1;
    const bool dashboard = options.value(QStringLiteral("what")) == QLatin1String("dashboard");
    // The connection as the real caller sets it up: the report command, or the dashboard's
    // worker in the desktop application.
    if (auto tuned = ReportBuilder::tuneConnection(
            *database, dashboard ? ReportBuilder::Tuning::Desktop : ReportBuilder::Tuning::Command);
        !tuned) {
        std::fprintf(stderr, "%s\n", qPrintable(tuned.error().describe()));
        return 1;
    }
    auto period = PeriodParser::parseMonth(options.value(QStringLiteral("month")));
    const QDateTime now = QDateTime::fromString(options.value(QStringLiteral("now")), Qt::ISODate);
    if (!period || !now.isValid()) {
        std::fprintf(stderr, "--month YYYY-MM and --now YYYY-MM-DDTHH:MM:SS are required\n");
        return 1;
    }
    QJsonArray samples;
    qint64 size = 0;
    for (int round = 0; round < options.number(QStringLiteral("repeat"), 3); ++round) {
        QElapsedTimer timer;
        timer.start();
        if (!runOnce(*database, dashboard, *period, now, &size))
            return 1;
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    QJsonObject result{{QStringLiteral("name"),
                        dashboard ? QStringLiteral("dashboard") : QStringLiteral("report")},
                       {QStringLiteral("unit"), QStringLiteral("ms")},
                       {QStringLiteral("samples"), samples},
                       {QStringLiteral("size"), size}};
    if (const QString out = options.value(QStringLiteral("sql-out")); !out.isEmpty()) {
        StatementScript script;
        // The report's statements run on several connections at once (ParallelReader).
        std::mutex recording;
        database->setStatementObserver(
            [&script, &recording](const QString& sql, const QVariantList& values) {
                const std::scoped_lock lock(recording);
                script.record(sql, values);
            });
        // The shell runs with the same session settings as the engine's connection.
        const bool ran =
            ReportBuilder::tuneConnection(*database, dashboard ? ReportBuilder::Tuning::Desktop
                                                               : ReportBuilder::Tuning::Command) &&
            runOnce(*database, dashboard, *period, now, &size);
        database->setStatementObserver({});
        if (!ran)
            return 1;
        QFile file(out);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(out));
            return 1;
        }
        file.write(script
                       .text(database->isSqlite() ? StatementScript::Shell::Sqlite3
                                                  : StatementScript::Shell::Psql)
                       .toUtf8());
        result.insert(QStringLiteral("statements"), script.size());
    }
    printJson(result);
    return 0;
}

} // namespace aftercare::bench
