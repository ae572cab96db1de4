#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "error.h"

#include <QCoreApplication>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// What the front desk does to the diary, each change with its touchpoint and the client's
// journey stage. A booking, its touchpoint, the stage and the planner's hook share one
// transaction; a later change of the appointment is committed by AppointmentRepository (which
// checks row_version) and its touchpoint and stage follow in a second transaction.
class BookingDesk
{
    Q_DECLARE_TR_FUNCTIONS(BookingDesk)

public:
    BookingDesk(Database& database, const Actor& actor);

    Result<AppointmentId> book(const Appointment& draft, const QString& doubleBookingReason = {});
    Status move(Appointment& appointment, const QDateTime& startsAt, PractitionerId practitioner,
                const QString& doubleBookingReason = {});
    Status cancel(Appointment& appointment, const QString& reason);
    Status markNoShow(Appointment& appointment);
    Status checkIn(Appointment& appointment);
    // Completes the visit, drafts its invoice and plans its after-care.
    Status complete(Appointment& appointment);

private:
    Status follow(const Appointment& appointment, QLatin1String kind, const QString& outcome,
                  bool visitCompleted = false);

    Database& m_database;
    Actor m_actor;
};

} // namespace aftercare::ui
