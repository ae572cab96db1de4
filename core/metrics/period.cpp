#include "metrics/period.h"

namespace aftercare {

Period Period::monthOf(QDate day)
{
    const QDate first(day.year(), day.month(), 1);
    return {first, first.addMonths(1).addDays(-1)};
}

QList<Period> Period::monthsEndingOn(QDate lastDay, int count)
{
    QList<Period> months;
    if (!lastDay.isValid() || count <= 0)
        return months;
    months.reserve(count);
    const QDate lastFirst(lastDay.year(), lastDay.month(), 1);
    for (int back = count - 1; back >= 0; --back)
        months.append(monthOf(lastFirst.addMonths(-back)));
    months.last().to = lastDay;
    return months;
}

Period Period::previous() const
{
    if (!isValid())
        return {};
    const bool wholeMonths = from.day() == 1 && to == monthOf(to).to;
    if (wholeMonths) {
        const int months = (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
        return {from.addMonths(-months), from.addDays(-1)};
    }
    return {from.addDays(-days()), from.addDays(-1)};
}

} // namespace aftercare
