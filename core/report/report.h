#pragma once

#include "metrics/metricfilter.h"
#include "metrics/metricresults.h"
#include "metrics/period.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

// The manager's report as data: what the JSON and CSV writers print and the PDF draws.
// Holds no Qt Gui types and queries nothing itself.
struct Report
{
    Period period;
    MetricFilter filter;
    QString practitionerName; // of filter.practitioner, when set
    QString serviceTypeName;  // of filter.serviceType, when set
    int lapseWindowDays = 0;
    QDateTime asOf; // the moment "not yet due" was judged against (SLA)

    PeriodMetrics metrics;
    LifetimeValueResult lifetimeValue;
    std::vector<CohortRow> cohorts;
    std::vector<PeriodMetrics> monthly; // calendar months ending with the period's last day

    // The period the figures are compared with (ReportBuilder::Options::compareWith), for
    // the change on the PDF's summary page; empty when none was asked for. Not part of the
    // JSON and CSV files.
    std::optional<PeriodMetrics> previous;
    LifetimeValueResult previousLifetimeValue;
};

} // namespace aftercare
