#pragma once

#include "domain/ids.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace aftercare {

// A client's next active booking, as the finder shows it.
struct NextAppointment
{
    AppointmentId id;
    QDateTime startsAt;
    QString practitioner;
    QString serviceType;
};

// One row of the client finder: enough to tell two clients apart at the desk.
struct ClientMatch
{
    enum class Field
    {
        ExternalId,
        Name,
        DateOfBirth,
        Phone,
        Email
    };

    ClientId id;
    QString externalId;
    QString firstName;
    QString lastName;
    QDate dateOfBirth;
    QString phone;
    QString email;
    bool archived = false;
    Field matchedOn = Field::Name;
    std::optional<NextAppointment> next;
};

} // namespace aftercare
