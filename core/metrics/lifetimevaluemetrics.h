#pragma once

#include "error.h"
#include "metrics/metricresults.h"

#include <QDate>

namespace aftercare {

class ClientMetrics;
class MetricQuery;

// Historical and predicted client lifetime value at the end of a period (BRIEF §4).
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
    Status computePredicted(QDate to, LifetimeValueResult& result) const;

private:
    const MetricQuery& m_query;
    const ClientMetrics& m_clients;
};

} // namespace aftercare
