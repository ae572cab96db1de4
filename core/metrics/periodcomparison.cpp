#include "metrics/periodcomparison.h"

namespace aftercare {

namespace {

bool isLastDayOfMonth(QDate day)
{
    return day.day() == day.daysInMonth();
}

} // namespace

PeriodComparison PeriodComparison::of(const Period& period, QDate today)
{
    PeriodComparison comparison;
    comparison.current = period;
    comparison.previous = period.previous();
    if (!period.isValid() || !today.isValid() || !period.contains(today) || today == period.to)
        return comparison;

    comparison.toDate = true;
    comparison.current.to = today;
    const Period before = comparison.previous;
    const bool wholeMonths = period.from.day() == 1 && isLastDayOfMonth(period.to);
    QDate lastDay;
    if (wholeMonths) {
        // The same day of the month, as many months back as the period is long; addMonths
        // cuts a day the shorter month does not have at its end.
        const int months = (before.to.year() - before.from.year()) * 12 + before.to.month() -
                           before.from.month() + 1;
        lastDay = today.addMonths(-months);
        if (isLastDayOfMonth(today))
            lastDay = QDate(lastDay.year(), lastDay.month(), lastDay.daysInMonth());
    } else {
        lastDay = before.from.addDays(period.from.daysTo(today));
    }
    comparison.previous.to = std::min(lastDay, before.to);
    return comparison;
}

} // namespace aftercare
