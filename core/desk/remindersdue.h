#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace aftercare {

class Database;

// Where a client stands on appointment reminders: the latest decision on their preferred
// channel (or for any channel) that is not withdrawn, as ClientRepository::hasConsent reads
// it; "withdrawn" when the only decisions left were withdrawn.
enum class ReminderConsent
{
    Granted,
    Declined,
    Withdrawn,
    NeverAsked
};

// One appointment whose client has not been reminded yet.
struct ReminderDue
{
    AppointmentId appointment;
    int rowVersion = 0; // of the appointment, as read
    ClientId client;
    QString clientName;
    QString phone; // empty when none is known
    QDateTime startsAt;
    QString practitionerName;
    QString serviceName;
    ContactChannel preferredChannel = ContactChannel::Email;
    ReminderConsent consent = ReminderConsent::NeverAsked;
    QDateTime consentChangedAt; // when the decision was recorded, or withdrawn
    // The client agreed to reminders (consent == Granted).
    bool consented = false;
    JourneyStage stage = JourneyStage::Decision;

    // The desk phones these: they prefer the phone, or there is nothing else to go by.
    bool toCall() const { return preferredChannel == ContactChannel::Phone && consented; }
};

// The desk's list of reminders still to give: the booked or confirmed appointments of a day
// (tomorrow, as the desk uses it) whose reminder was not sent. Marking one done stamps the
// appointment's reminder_sent_at and records a reminder touchpoint, in one transaction, so it
// leaves the list. A client who has not agreed to reminders is not marked reminded unless the
// desk confirms it (they asked for it themselves); the history says so.
class RemindersDue
{
    Q_DECLARE_TR_FUNCTIONS(RemindersDue)

public:
    explicit RemindersDue(Database& database);

    // The day's appointments still to remind, by start time.
    Result<std::vector<ReminderDue>> list(const QDate& day) const;
    enum class WithoutConsent
    {
        Refuse,      // a client without reminder consent (as it is now) is refused
        RemindAnyway // the desk confirmed it: the client asked for the reminder
    };

    // Refused with a Conflict naming who and when if the appointment changed since it was read
    // (a move clears the reminder; the new time must be read first), and with a Validation
    // error when the client has not agreed to reminders, unless withoutConsent says otherwise.
    Status markDone(const ReminderDue& due, Channel channel, const Actor& actor,
                    const QString& outcome = {},
                    WithoutConsent withoutConsent = WithoutConsent::Refuse);

private:
    Database& m_database;
};

} // namespace aftercare
