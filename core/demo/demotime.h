#pragma once

#include <QtGlobal>

namespace aftercare {

// A moment in the demo practice's local wall-clock time, as whole seconds: Julian day *
// 86400 + seconds since midnight. Plain integers keep the generator fast and exact; they are
// turned into the database's text form only when written (DemoTimeText).
using DemoTime = qint64;

namespace DemoClock {

inline constexpr qint64 kMinute = 60;
inline constexpr qint64 kHour = 3600;
inline constexpr qint64 kDay = 86400;

constexpr DemoTime at(qint64 julianDay, int hour, int minute = 0, int second = 0)
{
    return julianDay * kDay + hour * kHour + minute * kMinute + second;
}

constexpr qint64 dayOf(DemoTime time)
{
    return time / kDay; // times are never before Julian day 0
}

constexpr int secondOfDay(DemoTime time)
{
    return static_cast<int>(time % kDay);
}

// 1 = Monday ... 7 = Sunday, like QDate::dayOfWeek (Julian day 0 was a Monday).
constexpr int dayOfWeek(qint64 julianDay)
{
    return static_cast<int>(julianDay % 7) + 1;
}

constexpr bool isWeekend(qint64 julianDay)
{
    return dayOfWeek(julianDay) >= 6;
}

} // namespace DemoClock

} // namespace aftercare
