#include "demo/democalendar.h"

#include <QDate>

#include <array>

namespace aftercare {

namespace {

// Easter Sunday (anonymous Gregorian algorithm), as a Julian day.
qint64 easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day).toJulianDay();
}

constexpr std::array<int, 12> kMonthPerMille{1000, 800, 1000, 780,  760, 760,
                                             680,  420, 900,  1000, 880, 720};

} // namespace

bool DemoCalendar::isPublicHoliday(int year, int month, int day, qint64 julianDay)
{
    // New Year, Epiphany, Labour Day, German Unity, All Saints, Christmas Eve to Boxing Day
    // and New Year's Eve (the practice closes on both eves).
    const int md = month * 100 + day;
    for (int fixed : {101, 106, 501, 1003, 1101, 1224, 1225, 1226, 1231})
        if (md == fixed)
            return true;
    const qint64 offset = julianDay - easterSunday(year);
    // Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi.
    for (int movable : {-2, 1, 39, 50, 60})
        if (offset == movable)
            return true;
    return false;
}

DemoCalendar::DemoCalendar(qint64 firstDay, qint64 lastDay)
    : m_firstDay(firstDay)
    , m_open(static_cast<std::size_t>(std::max<qint64>(lastDay - firstDay + 1, 0)), false)
{
    for (qint64 jd = firstDay; jd <= lastDay; ++jd) {
        if (DemoClock::isWeekend(jd))
            continue;
        int y = 0, m = 0, d = 0;
        QDate::fromJulianDay(jd).getDate(&y, &m, &d);
        m_open[static_cast<std::size_t>(jd - firstDay)] = !isPublicHoliday(y, m, d, jd);
    }
}

bool DemoCalendar::isOpen(qint64 julianDay) const
{
    const qint64 slot = julianDay - m_firstDay;
    if (slot < 0 || slot >= qint64(m_open.size()))
        return false;
    return m_open[static_cast<std::size_t>(slot)];
}

qint64 DemoCalendar::openOnOrAfter(qint64 julianDay) const
{
    const qint64 last = m_firstDay + qint64(m_open.size()) - 1;
    qint64 jd = std::max(julianDay, m_firstDay);
    while (jd <= last && !isOpen(jd))
        ++jd;
    return jd;
}

std::uint64_t DemoCalendar::closedUnits(qint64 julianDay) const
{
    const int units = DemoClock::dayOfWeek(julianDay) == 5 ? kFridayUnits : kUnitsPerDay;
    std::uint64_t closed = ~((std::uint64_t(1) << units) - 1);
    closed |= ((std::uint64_t(1) << kLunchUnits) - 1) << kLunchFirstUnit;
    return closed;
}

DemoTime DemoCalendar::unitStart(qint64 julianDay, int unit) const
{
    const int minutes = kOpeningHour * 60 + unit * kUnitMinutes;
    return DemoClock::at(julianDay, minutes / 60, minutes % 60);
}

int DemoCalendar::seasonPerMille(qint64 julianDay) const
{
    int y = 0, m = 0, d = 0;
    QDate::fromJulianDay(julianDay).getDate(&y, &m, &d);
    if ((m == 12 && d >= 20) || (m == 1 && d <= 4))
        return 200;
    return kMonthPerMille[static_cast<std::size_t>(m - 1)];
}

} // namespace aftercare
