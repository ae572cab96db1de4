#include "importing/activebookings.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "importing/importvalues.h"

namespace aftercare {

Status ActiveBookings::load(Database& database)
{
    auto query = database.run(
        QStringLiteral(
            "SELECT id, practitioner_id, starts_at, ends_at, external_id FROM appointments "
            "WHERE status IN %1 AND double_booking_reason IS NULL")
            .arg(activeBookingStatusesSql()));
    if (!query)
        return fail(query.error());
    while (query->next()) {
        const AppointmentId id(query->value(0).toLongLong());
        const QString externalId = query->value(4).toString();
        add(PractitionerId(query->value(1).toLongLong()),
            Booking{id, ImportValues::storedTime(query->value(2)),
                    ImportValues::storedTime(query->value(3)),
                    externalId.isEmpty() ? QStringLiteral("#%1").arg(id.value()) : externalId});
    }
    return {};
}

std::optional<ActiveBookings::Booking> ActiveBookings::conflict(PractitionerId practitioner,
                                                                const QDateTime& start,
                                                                const QDateTime& end,
                                                                AppointmentId ignore) const
{
    const auto bookings = m_byPractitioner.constFind(practitioner);
    if (bookings == m_byPractitioner.constEnd())
        return std::nullopt;
    auto it = bookings->lower_bound(end); // the first booking starting at or after end
    while (it != bookings->begin()) {
        --it;
        if (it->second.id == ignore)
            continue;
        if (it->second.end > start)
            return it->second;
        break;
    }
    return std::nullopt;
}

void ActiveBookings::add(PractitionerId practitioner, const Booking& booking)
{
    m_byPractitioner[practitioner].emplace(booking.start, booking);
    m_where.insert(booking.id, {practitioner, booking.start});
}

void ActiveBookings::remove(AppointmentId id)
{
    const auto where = m_where.constFind(id);
    if (where == m_where.constEnd())
        return;
    auto& bookings = m_byPractitioner[where->first];
    auto [from, to] = bookings.equal_range(where->second);
    for (auto it = from; it != to; ++it) {
        if (it->second.id == id) {
            bookings.erase(it);
            break;
        }
    }
    m_where.erase(where);
}

} // namespace aftercare
