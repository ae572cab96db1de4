#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "error.h"

#include <QCoreApplication>

namespace aftercare {

class Database;
class TransactionGuard;

// A new booking together with what follows from it, inside the caller's transaction: the
// booking touchpoint, the client's journey stage and the follow-up planner's hook. The front
// desk's booking and the onboarding of a new client both book through it, so a first booking
// has the same effects as any other.
class BookingRecorder
{
    Q_DECLARE_TR_FUNCTIONS(BookingRecorder)

public:
    BookingRecorder(Database& database, const Actor& actor);

    // draft.doubleBookingReason, when not blank, books over an active appointment.
    Result<AppointmentId> book(TransactionGuard& transaction, const Appointment& draft);

private:
    Database& m_database;
    Actor m_actor;
};

} // namespace aftercare
