#pragma once

#include "metrics/metricresults.h"
#include "report/report.h"

#include <QString>

namespace aftercare::ui {

// What the dashboard shows for one period and filter: the report (the period, its monthly
// series, cohorts and lifetime value) and the period before it for the change on each tile.
struct DashboardData
{
    Report report;
    PeriodMetrics previous;
    QString practiceName;
};

} // namespace aftercare::ui
