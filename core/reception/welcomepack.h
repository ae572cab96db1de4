#pragma once

#include "domain/ids.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// What a new client takes home, as data: the practice and how to reach it, the booked
// appointment, how to prepare for it and how to cancel or move it. Rendered by the desk.
struct WelcomePack
{
    ClientId client;
    AppointmentId appointment;
    QString clientName;
    QString practiceName;
    QString practiceAddress;
    QString practicePhone;
    QString practiceEmail;
    QString openingHours;
    QDateTime startsAt;
    int durationMinutes = 0;
    QString practitionerName;
    QString serviceName;
    QString preparation;        // the service type's "what to bring and how to prepare"
    QString cancellationPolicy; // the practice's, or a general rule when it has none
};

} // namespace aftercare
