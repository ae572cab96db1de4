#pragma once

#include "domain/appointment.h"
#include "domain/client.h"

#include <optional>
#include <vector>

namespace aftercare {

// Everything the desk takes down when a new client arrives, saved as one: the client, their
// consent decisions (client and recorder are filled in on saving) and, when there is one, the
// first booking (its client is filled in on saving).
struct OnboardingDraft
{
    Client client;
    std::vector<Consent> consents;
    std::optional<Appointment> firstBooking;
    Channel channel = Channel::InPerson; // how the intake was taken
};

// What onboarding created.
struct OnboardingOutcome
{
    ClientId client;
    AppointmentId firstBooking; // invalid when nothing was booked
};

// An existing client who may be the person being onboarded, with what they share.
struct DuplicateCandidate
{
    ClientId id;
    QString externalId;
    QString name;
    QDate dateOfBirth;
    QString email;
    QString phone;
    bool sameNameAndBirth = false;
    bool sameEmail = false;
    bool samePhone = false;
};

} // namespace aftercare
