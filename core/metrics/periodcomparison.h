#pragma once

#include "metrics/period.h"

#include <QDate>

namespace aftercare {

// Which days a period's figures cover and which days they are compared with. A period that
// is over is compared with Period::previous(). One that is not over yet (this month, this
// quarter, this year on a day inside it) covers its days up to and including today, and is
// compared with the same days of the previous period: 1–7 December with 1–7 November, the
// year to 7 December with the previous year to 7 December. Days that the previous period
// does not have are cut at its end (30 March is compared up to 28 February), and a period
// counted up to a month's last day is compared up to that month's last day.
struct PeriodComparison
{
    Period current;      // the days the figures cover
    Period previous;     // the days they are compared with
    bool toDate = false; // the period is not over: current ends today, before its last day

    static PeriodComparison of(const Period& period, QDate today);

    friend bool operator==(const PeriodComparison&, const PeriodComparison&) = default;
};

} // namespace aftercare
