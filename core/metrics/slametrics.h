#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/period.h"

#include <QDate>
#include <QDateTime>

#include <map>

namespace aftercare {

class MetricQuery;

// Follow-up tasks counted against their deadlines, per month of the deadline and per kind.
class SlaMetrics
{
public:
    explicit SlaMetrics(const MetricQuery& query);

    // Tasks whose deadline is in range: done ones, and open ones whose deadline has passed by
    // `now` (those are missed). Open tasks still before their deadline and cancelled tasks
    // are left out.
    Result<std::map<QDate, SlaCounts>> countByMonth(const Period& range,
                                                    const QDateTime& now) const;

private:
    const MetricQuery& m_query;
};

} // namespace aftercare
