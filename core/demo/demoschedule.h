#pragma once

#include "demo/democalendar.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace aftercare {

// A booked stretch of a practitioner's day.
struct DemoSlot
{
    int practitioner = -1;
    qint64 day = 0;
    int unit = 0;
    int units = 0;
};

// The practitioners' calendars, one bit per quarter hour and day, so that no two visits of
// one practitioner ever overlap (the database refuses overlapping active bookings, and a
// believable history has none either).
class DemoSchedule
{
public:
    struct Staff
    {
        qint64 firstDay = 0;          // joined the practice
        std::uint8_t weekdays = 0x1f; // bit 0 = Monday
        std::uint32_t services = 0;   // bit per DemoCatalog service
    };

    DemoSchedule(const DemoCalendar& calendar, qint64 firstDay, qint64 lastDay,
                 std::vector<Staff> staff);

    int practitionerCount() const { return int(m_staff.size()); }
    bool offers(int practitioner, int service) const;
    bool works(int practitioner, int service, qint64 day) const;
    // Books the first free stretch of `units` on or after `day`: with the preferred
    // practitioner within a week if possible, otherwise with anyone offering the service,
    // near the preferred time of day. Nothing when the next `maxDays` days are full.
    std::optional<DemoSlot> book(int preferred, int service, int units, qint64 day,
                                 int preferredUnit, int maxDays);
    // The first free start unit for `units` in that practitioner's day, in the half of the
    // day preferredUnit lies in if possible.
    std::optional<int> freeUnit(int practitioner, qint64 day, int units, int preferredUnit) const;
    bool isFree(int practitioner, qint64 day, int unit, int units) const;
    void take(const DemoSlot& slot);
    void release(const DemoSlot& slot);

private:
    std::uint64_t& cell(int practitioner, qint64 day);
    std::uint64_t cell(int practitioner, qint64 day) const;

    const DemoCalendar& m_calendar;
    qint64 m_firstDay;
    qint64 m_lastDay;
    std::vector<Staff> m_staff;
    std::vector<std::uint64_t> m_taken; // (day - firstDay) * practitioners + practitioner
};

} // namespace aftercare
