#pragma once

#include "metrics/metricresults.h"
#include "metrics/periodcomparison.h"
#include "report/report.h"

#include <QString>

namespace aftercare::ui {

// What the dashboard shows for one period and filter: the report (the days so far of the
// period, its monthly series, cohorts and lifetime value, and the figures of the days it is
// compared with: Report::previous) and which days those are.
struct DashboardData
{
    Report report;
    PeriodMetrics previous; // the same as *report.previous
    PeriodComparison comparison;
    QString practiceName;
};

} // namespace aftercare::ui
