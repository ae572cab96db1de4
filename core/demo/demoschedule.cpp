#include "demo/demoschedule.h"

#include <algorithm>

namespace aftercare {

DemoSchedule::DemoSchedule(const DemoCalendar& calendar, qint64 firstDay, qint64 lastDay,
                           std::vector<Staff> staff)
    : m_calendar(calendar)
    , m_firstDay(firstDay)
    , m_lastDay(lastDay)
    , m_staff(std::move(staff))
    , m_taken(static_cast<std::size_t>((lastDay - firstDay + 1) * qint64(m_staff.size())), 0)
{}

std::uint64_t& DemoSchedule::cell(int practitioner, qint64 day)
{
    return m_taken[static_cast<std::size_t>((day - m_firstDay) * qint64(m_staff.size()) +
                                            practitioner)];
}

std::uint64_t DemoSchedule::cell(int practitioner, qint64 day) const
{
    return m_taken[static_cast<std::size_t>((day - m_firstDay) * qint64(m_staff.size()) +
                                            practitioner)];
}

bool DemoSchedule::offers(int practitioner, int service) const
{
    return m_staff[static_cast<std::size_t>(practitioner)].services >> service & 1u;
}

bool DemoSchedule::works(int practitioner, int service, qint64 day) const
{
    const Staff& staff = m_staff[static_cast<std::size_t>(practitioner)];
    return day >= staff.firstDay && day >= m_firstDay && day <= m_lastDay &&
           m_calendar.isOpen(day) && (staff.weekdays >> (DemoClock::dayOfWeek(day) - 1) & 1u) &&
           (staff.services >> service & 1u);
}

bool DemoSchedule::isFree(int practitioner, qint64 day, int unit, int units) const
{
    if (unit < 0 || unit + units > DemoCalendar::kUnitsPerDay)
        return false;
    const std::uint64_t busy = cell(practitioner, day) | m_calendar.closedUnits(day);
    return ((busy >> unit) & ((std::uint64_t(1) << units) - 1)) == 0;
}

std::optional<int> DemoSchedule::freeUnit(int practitioner, qint64 day, int units,
                                          int preferredUnit) const
{
    // Reception fills a half-day from its start, as a practice does: the calendar stays
    // packed and the free time in one piece, so longer visits still find room.
    const int afternoon = DemoCalendar::kLunchFirstUnit + DemoCalendar::kLunchUnits;
    const int blockStart = preferredUnit < DemoCalendar::kLunchFirstUnit ? 0 : afternoon;
    for (int unit = blockStart; unit + units <= DemoCalendar::kUnitsPerDay; ++unit)
        if (isFree(practitioner, day, unit, units))
            return unit;
    for (int unit = 0; unit < blockStart; ++unit)
        if (isFree(practitioner, day, unit, units))
            return unit;
    return std::nullopt;
}

std::optional<DemoSlot> DemoSchedule::book(int preferred, int service, int units, qint64 day,
                                           int preferredUnit, int maxDays)
{
    const int count = practitionerCount();
    day = std::max(day, m_firstDay);
    for (qint64 d = day; d <= std::min(day + 6, m_lastDay); ++d) {
        if (!works(preferred, service, d))
            continue;
        if (auto unit = freeUnit(preferred, d, units, preferredUnit)) {
            DemoSlot slot{preferred, d, *unit, units};
            take(slot);
            return slot;
        }
    }
    for (qint64 d = day; d <= std::min(day + maxDays, m_lastDay); ++d) {
        if (!m_calendar.isOpen(d))
            continue;
        for (int k = 0; k < count; ++k) {
            const int p = (preferred + k) % count;
            if (!works(p, service, d))
                continue;
            if (auto unit = freeUnit(p, d, units, preferredUnit)) {
                DemoSlot slot{p, d, *unit, units};
                take(slot);
                return slot;
            }
        }
    }
    return std::nullopt;
}

void DemoSchedule::take(const DemoSlot& slot)
{
    cell(slot.practitioner, slot.day) |= ((std::uint64_t(1) << slot.units) - 1) << slot.unit;
}

void DemoSchedule::release(const DemoSlot& slot)
{
    cell(slot.practitioner, slot.day) &= ~(((std::uint64_t(1) << slot.units) - 1) << slot.unit);
}

} // namespace aftercare
