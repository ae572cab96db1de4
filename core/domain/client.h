#pragma once

#include "domain/email.h"
#include "domain/ids.h"
#include "domain/phonenumber.h"
#include "domain/vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace aftercare {

// A person the practice serves.
struct Client
{
    ClientId id;
    QString externalId;
    QString firstName;
    QString lastName;
    QDate dateOfBirth;
    Sex sex = Sex::Unknown;
    std::optional<Email> email;
    std::optional<PhoneNumber> phone;
    QString address;
    ContactChannel preferredChannel = ContactChannel::Email;
    QString referralSource;
    ClientId referredBy;
    QString expectations;
    JourneyStage stage = JourneyStage::Consideration;
    QDateTime registeredAt;
    bool archived = false;
    int rowVersion = 0;

    QString displayName() const { return firstName + QLatin1Char(' ') + lastName; }
};

// Whether a client's preferred channel is one the practice cannot use although it could reach
// them otherwise: e-mail preferred, no e-mail address, but a phone number. The one rule for
// onboarding, the profile, the client repository and the import; a client with no contact
// details, or with only the one they prefer missing, is taken as given.
constexpr bool prefersMissingEmail(ContactChannel preferred, bool hasEmail, bool hasPhone)
{
    return preferred == ContactChannel::Email && !hasEmail && hasPhone;
}

inline bool prefersMissingEmail(const Client& client)
{
    return prefersMissingEmail(client.preferredChannel, client.email.has_value(),
                               client.phone.has_value());
}

// One consent decision, with its evidence. Never edited: a change of mind is a new row,
// and a withdrawal is stamped on the row it ends.
struct Consent
{
    ConsentId id;
    ClientId client;
    ConsentPurpose purpose = ConsentPurpose::Reminders;
    ConsentChannel channel = ConsentChannel::Any;
    bool granted = false;
    QString evidence;
    UserId recordedBy;
    QDateTime recordedAt;
    QDateTime withdrawnAt;
    UserId withdrawnBy;

    bool isActive() const { return !withdrawnAt.isValid(); }
};

} // namespace aftercare
