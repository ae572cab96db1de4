#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace aftercare {

// A booking of a client with a practitioner for a service, and what became of it.
struct Appointment
{
    AppointmentId id;
    QString externalId;
    ClientId client;
    PractitionerId practitioner;
    ServiceTypeId serviceType;
    QDateTime startsAt;
    QDateTime endsAt;
    AppointmentStatus status = AppointmentStatus::Booked;
    std::optional<qint64> priceCents; // nothing: the service type's price applies
    QString cancellationReason;
    QDateTime cancelledAt;
    // Set only when the practice deliberately books over another active appointment.
    QString doubleBookingReason;
    QDateTime reminderSentAt;
    QDateTime checkedInAt;
    QDateTime completedAt;
    QString notes;
    QDateTime createdAt;
    UserId createdBy;
    QDateTime updatedAt;
    UserId updatedBy;
    int rowVersion = 0;

    // Filled when read from the database, for lists and messages; ignored on writes.
    QString clientName;
    QString practitionerName;
    QString serviceName;

    bool isActive() const { return isActiveBooking(status); }
};

} // namespace aftercare
