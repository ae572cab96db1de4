#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/period.h"

#include <QDate>

#include <map>

namespace aftercare {

class MetricQuery;

// The five post-service steps of each visit (docs/metrics.md): which apply and which were done,
// counted per month of the visit.
//
// A step applies when the visit's service type has it in its policy and, for the feedback
// request (consent "surveys"), the community invitation ("community") and the newsletter
// invitation ("marketing"), the client's consent allowed it at the visit: the latest
// decision for that purpose, on any channel, recorded no later than the visit's end and not
// withdrawn by then, is a grant. The quality follow-up and the thank-you need no consent. A
// step is done when post_service_steps has a row for the visit, whenever it was recorded.
class PostServiceMetrics
{
public:
    explicit PostServiceMetrics(const MetricQuery& query);

    Result<std::map<QDate, PostServiceCounts>> countByMonth(const Period& range) const;

private:
    const MetricQuery& m_query;
};

} // namespace aftercare
