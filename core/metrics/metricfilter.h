#pragma once

#include "domain/ids.h"

#include <QString>

namespace aftercare {

// Narrows every metric to part of the practice (docs/metrics.md, "Filters").
// - practitioner / serviceType: the metrics read the practice as if only that practitioner's
//   (that service's) appointments existed. Visits, no-shows, first visits, rebookings and
//   cohorts use those appointments only; feedback, invoices and follow-up tasks count when
//   they are linked to one of them (directly, or for a task through its feedback or result).
// - referralSource: only clients whose referral source is this text (compared without
//   regard to case or surrounding spaces), and everything that belongs to them.
struct MetricFilter
{
    PractitionerId practitioner;
    ServiceTypeId serviceType;
    QString referralSource;

    bool restrictsAppointments() const { return practitioner.isValid() || serviceType.isValid(); }
    bool restrictsClients() const { return !referralSource.trimmed().isEmpty(); }
    bool isEmpty() const { return !restrictsAppointments() && !restrictsClients(); }
};

} // namespace aftercare
