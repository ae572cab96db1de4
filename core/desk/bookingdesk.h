#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "error.h"

#include <QCoreApplication>

#include <functional>

namespace aftercare {

class Database;
class TransactionGuard;

// What the front desk does to the diary. Each change of an appointment, its touchpoint, the
// client's journey stage and the after-care planner's hook (and, on completion, the drafted
// invoice) share one transaction: either all of it is recorded or nothing is, and the
// appointment the caller holds changes only when the transaction committed.
class BookingDesk
{
    Q_DECLARE_TR_FUNCTIONS(BookingDesk)

public:
    BookingDesk(Database& database, const Actor& actor);

    Result<AppointmentId> book(const Appointment& draft, const QString& doubleBookingReason = {});
    // The same booking inside the caller's transaction (a new client's first visit is booked
    // with the client's registration); draft.doubleBookingReason, when not blank, books over
    // an active appointment. The overlap is not named here: on PostgreSQL the failed
    // transaction cannot be asked which appointment was in the way.
    // `channel` is how the client made the booking (in person at the desk, or by phone when a
    // follow-up call books it).
    Result<AppointmentId> book(TransactionGuard& transaction, const Appointment& draft,
                               Channel channel = Channel::InPerson);
    // Moves to startsAt with practitioner, keeping the appointment's length.
    Status move(Appointment& appointment, const QDateTime& startsAt, PractitionerId practitioner,
                const QString& doubleBookingReason = {});
    Status cancel(Appointment& appointment, const QString& reason);
    Status markNoShow(Appointment& appointment);
    // Takes back a no-show marked by mistake: `appointment`, as the no-show left it, becomes
    // `previous` (booked or confirmed) again, and the client's timeline says it was taken
    // back. Refused, changing nothing, when someone changed the appointment since.
    Status undoNoShow(Appointment& appointment, AppointmentStatus previous);
    Status checkIn(Appointment& appointment);
    // Completes the visit, drafts its invoice and plans its after-care.
    Status complete(Appointment& appointment);
    // Takes back a completion recorded by mistake: `appointment`, as the completion left it,
    // becomes `previous` again, its drafted invoice is voided and the after-care planned for
    // it withdrawn. Refused, changing nothing, when the appointment was changed since, the
    // invoice issued or the follow-up worked on.
    Status undoComplete(Appointment& appointment, AppointmentStatus previous);

private:
    using Change = std::function<Status(TransactionGuard&, Appointment&)>;
    // Runs change, then the follow-up effects, in one transaction.
    Status changeAndFollow(Appointment& appointment, const Change& change, QLatin1String kind,
                           const std::function<QString(const Appointment&)>& outcome,
                           bool visitCompleted = false);
    Status follow(TransactionGuard& transaction, const Appointment& appointment, QLatin1String kind,
                  const QString& outcome, bool visitCompleted);

    Database& m_database;
    Actor m_actor;
};

} // namespace aftercare
