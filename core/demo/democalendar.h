#pragma once

#include "demo/demotime.h"

#include <cstdint>
#include <vector>

namespace aftercare {

// When the demo practice is open and how busy a day tends to be. The calendar is planned in
// quarter hours ("units") from 08:00; Monday to Thursday until 18:00, Friday until 15:00,
// lunch 12:30-13:30, closed at weekends and on the public holidays of Baden-Württemberg.
class DemoCalendar
{
public:
    static constexpr int kUnitMinutes = 15;
    static constexpr int kOpeningHour = 8;
    static constexpr int kUnitsPerDay = 40;    // 08:00-18:00
    static constexpr int kFridayUnits = 28;    // 08:00-15:00
    static constexpr int kLunchFirstUnit = 18; // 12:30
    static constexpr int kLunchUnits = 4;      // until 13:30

    DemoCalendar(qint64 firstDay, qint64 lastDay);

    bool isOpen(qint64 julianDay) const;
    // The first open day on or after julianDay.
    qint64 openOnOrAfter(qint64 julianDay) const;
    // Units that can never be booked on that day: lunch and after closing.
    std::uint64_t closedUnits(qint64 julianDay) const;
    DemoTime unitStart(qint64 julianDay, int unit) const;
    // How much demand a day sees, in per mille of the busiest days: fewer visits in August
    // and between Christmas and New Year, more in January, March and October.
    int seasonPerMille(qint64 julianDay) const;

    static bool isPublicHoliday(int year, int month, int day, qint64 julianDay);

private:
    qint64 m_firstDay;
    std::vector<bool> m_open;
};

} // namespace aftercare
