#pragma once

#include "domain/ids.h"
#include "error.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <map>
#include <optional>

namespace aftercare {

class Database;

// The active bookings (booked, confirmed, checked in) of each practitioner while an import
// runs, so that an overlapping booking is reported as a rejected row naming the booking it
// collides with, before the database would refuse it. Times are wall-clock readings.
class ActiveBookings
{
public:
    struct Booking
    {
        AppointmentId id;
        QDateTime start;
        QDateTime end;
        QString label; // external_id, or "#id" for a booking made in Aftercare
    };

    // The stored active bookings that are not explicit double bookings.
    Status load(Database& database);

    // A booking of practitioner overlapping [start, end), other than ignore.
    std::optional<Booking> conflict(PractitionerId practitioner, const QDateTime& start,
                                    const QDateTime& end, AppointmentId ignore) const;
    void add(PractitionerId practitioner, const Booking& booking);
    void remove(AppointmentId id);

private:
    // Bookings that do not overlap, ordered by start, also have ordered ends: walking back
    // from the last one starting before an end finds every overlap.
    QHash<PractitionerId, std::multimap<QDateTime, Booking>> m_byPractitioner;
    QHash<AppointmentId, std::pair<PractitionerId, QDateTime>> m_where;
};

} // namespace aftercare
