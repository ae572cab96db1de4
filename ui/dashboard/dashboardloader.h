#pragma once

#include "dashboarddata.h"
#include "database/databaseurl.h"
#include "error.h"
#include "metrics/metricfilter.h"
#include "metrics/period.h"

#include <QCoreApplication>
#include <QObject>

#include <vector>

class QThread;

namespace aftercare::ui {

// Computes DashboardData away from the window: each request runs on a thread of its own with
// its own connection opened from the practice's URL (a connection belongs to the thread that
// opened it), so the window stays responsive while a big practice takes a second. Only the
// latest request is answered; results of earlier ones are dropped when they arrive.
class DashboardLoader : public QObject
{
    Q_OBJECT

public:
    explicit DashboardLoader(DatabaseUrl url, QObject* parent = nullptr);
    // Waits for running computations (each takes at most a few seconds).
    ~DashboardLoader() override;

    // The figures of comparison.current against those of comparison.previous.
    void request(const PeriodComparison& comparison, const MetricFilter& filter,
                 const QDateTime& now);
    bool isBusy() const { return m_pending; }

    // The computation itself, on the calling thread and a new connection.
    static Result<DashboardData> compute(const DatabaseUrl& url, const PeriodComparison& comparison,
                                         const MetricFilter& filter, const QDateTime& now);

signals:
    void busyChanged(bool busy);
    void loaded(const aftercare::ui::DashboardData& data);
    void failed(const QString& message);

private:
    DatabaseUrl m_url;
    quint64 m_generation = 0;
    bool m_pending = false;
    std::vector<QThread*> m_running;
};

} // namespace aftercare::ui
