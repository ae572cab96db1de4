#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/period.h"

#include <QDate>

#include <map>

namespace aftercare {

class MetricQuery;

// Visits, no-shows and rebookings counted per month of the appointment's start.
class AppointmentMetrics
{
public:
    explicit AppointmentMetrics(const MetricQuery& query);

    Result<std::map<QDate, AppointmentCounts>> countByMonth(const Period& range) const;

    // Hours after a visit's end within which a later booking counts as a rebooking.
    static constexpr int kRebookingHours = 7 * 24;

private:
    const MetricQuery& m_query;
};

} // namespace aftercare
