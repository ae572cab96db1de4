#pragma once

#include <QDate>
#include <QList>

namespace aftercare {

// A reporting period of whole local days with both ends included (docs/metrics.md): [from, to].
struct Period
{
    QDate from;
    QDate to;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    bool contains(QDate day) const { return day >= from && day <= to; }
    qint64 days() const { return from.daysTo(to) + 1; }
    // The day after the last one: timestamps of the period are >= from and < endExclusive().
    QDate endExclusive() const { return to.addDays(1); }

    // The calendar month that contains day.
    static Period monthOf(QDate day);
    // The `count` calendar months ending with the month that contains lastDay, oldest first.
    // The last one ends on lastDay itself, so a series never reaches past the day asked for.
    static QList<Period> monthsEndingOn(QDate lastDay, int count);

    // The period of the same length just before this one, for "change against the previous
    // period": whole calendar months give as many whole months before (a quarter the quarter
    // before, a year the year before), anything else as many days before.
    Period previous() const;

    friend bool operator==(const Period&, const Period&) = default;
};

} // namespace aftercare
