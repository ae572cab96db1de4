#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/period.h"

#include <QDate>

#include <map>

namespace aftercare {

class MetricQuery;

// CSAT and NPS answers counted per month of their responded_at date.
class FeedbackMetrics
{
public:
    explicit FeedbackMetrics(const MetricQuery& query);

    // Keys are the first days of the months that have answers in range.
    Result<std::map<QDate, FeedbackCounts>> countByMonth(const Period& range) const;

private:
    const MetricQuery& m_query;
};

} // namespace aftercare
