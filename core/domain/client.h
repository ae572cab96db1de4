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
