#include "dashboardloader.h"

#include "database/database.h"
#include "report/reportbuilder.h"
#include "today/todayoverview.h"

#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <memory>

namespace aftercare::ui {

DashboardLoader::DashboardLoader(DatabaseUrl url, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
{}

DashboardLoader::~DashboardLoader()
{
    for (QThread* thread : m_running) {
        thread->wait();
        delete thread;
    }
}

Result<DashboardData> DashboardLoader::compute(const DatabaseUrl& url,
                                               const PeriodComparison& comparison,
                                               const MetricFilter& filter, const QDateTime& now)
{
    auto database = Database::open(url);
    if (!database)
        return fail(database.error());
    if (auto tuned = ReportBuilder::tuneConnection(**database, ReportBuilder::Tuning::Desktop);
        !tuned)
        return fail(tuned.error());
    DashboardData data;
    ReportBuilder::Options options;
    options.compareWith = comparison.previous;
    auto report = ReportBuilder(**database).build(comparison.current, filter, now, options);
    if (!report)
        return fail(report.error());
    data.report = std::move(*report);
    data.previous = data.report.previous.value_or(PeriodMetrics{});
    data.comparison = comparison;
    auto name = TodayOverview(**database).practiceName();
    if (!name)
        return fail(name.error());
    data.practiceName = *name;
    return data;
}

void DashboardLoader::request(const PeriodComparison& comparison, const MetricFilter& filter,
                              const QDateTime& now)
{
    const quint64 generation = ++m_generation;
    auto result = std::make_shared<Result<DashboardData>>();
    QThread* thread = QThread::create([url = m_url, comparison, filter, now, result] {
        *result = compute(url, comparison, filter, now);
    });
    m_running.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread, generation, result] {
        m_running.erase(std::remove(m_running.begin(), m_running.end(), thread), m_running.end());
        thread->deleteLater();
        if (generation != m_generation)
            return; // a newer request is on its way
        m_pending = false;
        emit busyChanged(false);
        if (*result)
            emit loaded(**result);
        else
            emit failed(result->error().describe());
    });
    if (!m_pending) {
        m_pending = true;
        emit busyChanged(true);
    }
    thread->start();
}

} // namespace aftercare::ui
