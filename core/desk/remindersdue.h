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
    // The client's latest reminder consent for the preferred channel (or for any channel) is
    // granted and not withdrawn.
    bool consented = false;
    JourneyStage stage = JourneyStage::Decision;

    // The desk phones these: they prefer the phone, or there is nothing else to go by.
    bool toCall() const { return preferredChannel == ContactChannel::Phone && consented; }
};

// The desk's list of reminders still to give: the booked or confirmed appointments of a day
// (tomorrow, as the desk uses it) whose reminder was not sent. Marking one done stamps the
// appointment's reminder_sent_at and records a reminder touchpoint, in one transaction, so it
// leaves the list.
class RemindersDue
{
    Q_DECLARE_TR_FUNCTIONS(RemindersDue)

public:
    explicit RemindersDue(Database& database);

    // The day's appointments still to remind, by start time.
    Result<std::vector<ReminderDue>> list(const QDate& day) const;
    // Refused with a Conflict naming who and when if the appointment changed since it was read
    // (a move clears the reminder; the new time must be read first).
    Status markDone(const ReminderDue& due, Channel channel, const Actor& actor,
                    const QString& outcome = {});

private:
    Database& m_database;
};

} // namespace aftercare
