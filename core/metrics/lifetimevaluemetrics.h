#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/metricresults.h"

#include <QDate>

#include <utility>

namespace aftercare {

class ClientMetrics;
class MetricQuery;

// Historical and predicted client lifetime value at the end of a period (docs/metrics.md).
class LifetimeValueMetrics
{
public:
    LifetimeValueMetrics(const MetricQuery& query, const ClientMetrics& clients);

    // Historical: paid invoices up to `to` (by paid_at) of the clients with a visit up to
    // `to`, per such client. Predicted: from the window Y = [to − 364, to] and its churn.
    Result<LifetimeValueResult> compute(QDate to) const;

    // The two halves of compute(), each filling its own fields of `result` (so that they can
    // run at the same time on two connections).
    Status computeHistorical(QDate to, LifetimeValueResult& result) const;
    // computeHistorical()'s result from sums counted elsewhere (ClientMetrics::cohorts).
    static void finishHistorical(LifetimeValueResult& result, const HistoryTotals& totals);
    Status computePredicted(QDate to, LifetimeValueResult& result) const;

    // computePredicted() without its churn: the window's payments and visits. The churn
    // comes from the clients active on churnDays(to) and on both (ClientMetrics::activeOn,
    // which a report asks once for all its days), given to finishPredicted().
    Status computeWindowCounts(QDate to, LifetimeValueResult& result) const;
    static std::pair<QDate, QDate> churnDays(QDate to);
    static void finishPredicted(LifetimeValueResult& result, qint64 activeBefore,
                                qint64 activeOnBoth);

private:
    const MetricQuery& m_query;
    const ClientMetrics& m_clients;
};

} // namespace aftercare
