#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "error.h"

#include <QDate>
#include <QDateTime>

#include <functional>
#include <initializer_list>
#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The diary: booking, moving, checking in, completing, cancelling appointments.
//
// Two active bookings (booked, confirmed, checked_in) of one practitioner never overlap,
// unless the later one is an explicit double-booking with a recorded reason. The repository
// checks this inside the writing transaction so that it can name the appointment in the
// way; the database enforces it as well (triggers on SQLite, an exclusion constraint on
// PostgreSQL), which decides a race between two workstations.
//
// Every change takes the Appointment as it was read: when someone else changed it since
// (row_version moved on), the change is refused with a Conflict naming who and when. On
// success the Appointment is refreshed from the database.
class AppointmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentRepository)

public:
    explicit AppointmentRepository(Database& database);

    // Books a new appointment. An invalid endsAt means "the service's usual duration"; no
    // price means the service's price. A non-blank doubleBookingReason allows booking over
    // another active appointment and is recorded only when there is one. History (completed,
    // cancelled, no_show, e.g. from an import) is recorded as given and blocks nothing.
    Result<AppointmentId> book(const Appointment& draft, const Actor& actor);
    Result<AppointmentId> book(TransactionGuard& transaction, const Appointment& draft,
                               const Actor& actor);

    Result<Appointment> get(AppointmentId id) const;
    Result<Appointment> findByExternalId(const QString& externalId) const;

    // Moves to another time and/or practitioner. Clears reminder_sent_at when the start
    // changes, so the client is reminded of the new time.
    //
    // Each change also comes in a form that runs inside the caller's transaction, so that its
    // touchpoint and after-care effects commit or roll back with it. That form refreshes
    // `appointment` before the transaction commits: hand it a copy and keep the copy only
    // once the transaction committed. A database-raised overlap is named with nameOverlap()
    // after the transaction rolled back.
    Status reschedule(Appointment& appointment, const QDateTime& startsAt, const QDateTime& endsAt,
                      PractitionerId practitioner, const Actor& actor,
                      const QString& doubleBookingReason = {});
    Status reschedule(TransactionGuard& transaction, Appointment& appointment,
                      const QDateTime& startsAt, const QDateTime& endsAt,
                      PractitionerId practitioner, const Actor& actor,
                      const QString& doubleBookingReason = {});
    Status confirm(Appointment& appointment, const Actor& actor);
    Status confirm(TransactionGuard& transaction, Appointment& appointment, const Actor& actor);
    Status checkIn(Appointment& appointment, const Actor& actor, const QDateTime& at = {});
    Status checkIn(TransactionGuard& transaction, Appointment& appointment, const Actor& actor,
                   const QDateTime& at = {});
    Status complete(Appointment& appointment, const Actor& actor, const QDateTime& at = {});
    Status complete(TransactionGuard& transaction, Appointment& appointment, const Actor& actor,
                    const QDateTime& at = {});
    Status cancel(Appointment& appointment, const QString& reason, const Actor& actor,
                  const QDateTime& at = {});
    Status cancel(TransactionGuard& transaction, Appointment& appointment, const QString& reason,
                  const Actor& actor, const QDateTime& at = {});
    Status markNoShow(Appointment& appointment, const Actor& actor);
    Status markNoShow(TransactionGuard& transaction, Appointment& appointment, const Actor& actor);
    // Takes back a no-show or a completion recorded by mistake: the appointment (as the change
    // left it) becomes `previous` again, an active status, and loses its completion time.
    // Refused when it was changed since, or when its slot was booked by someone else meanwhile.
    Status reopen(Appointment& appointment, AppointmentStatus previous, const Actor& actor);
    Status reopen(TransactionGuard& transaction, Appointment& appointment,
                  AppointmentStatus previous, const Actor& actor);
    // Records that the client was reminded of this (booked or confirmed) appointment.
    Status markReminderSent(TransactionGuard& transaction, Appointment& appointment,
                            const QDateTime& at, const Actor& actor);

    // The database refused an overlap that the check in the transaction did not see (another
    // workstation committed first): names the appointment now that it is visible. Call it
    // outside the failed transaction; other errors are returned as they are.
    Error nameOverlap(const Error& error, PractitionerId practitioner, const QDateTime& startsAt,
                      const QDateTime& endsAt, AppointmentId ignore) const;
    // The same for a refused booking of draft.
    Error nameOverlap(const Error& error, const Appointment& draft) const;

    // The diary of one day, or of the days from..to (both included), of every practitioner
    // or of one, ordered by start. All statuses, so the diary can show cancellations.
    Result<std::vector<Appointment>> day(const QDate& date, PractitionerId practitioner = {}) const;
    Result<std::vector<Appointment>> range(const QDate& from, const QDate& to,
                                           PractitionerId practitioner = {}) const;
    // A client's active appointments starting at or after now, soonest first.
    Result<std::vector<Appointment>> upcoming(ClientId client, const QDateTime& now) const;
    // The rest of a client's appointments (started before now, or no longer active), newest
    // first.
    Result<std::vector<Appointment>> past(ClientId client, const QDateTime& now) const;

    // The refusal that names `conflict`, the appointment in the way.
    Error overlapError(const Appointment& conflict) const;

    // The active appointment of practitioner that overlaps [startsAt, endsAt), ignoring
    // `ignore` (the appointment being moved); nothing when the time is free.
    Result<std::optional<Appointment>> conflictFor(PractitionerId practitioner,
                                                   const QDateTime& startsAt,
                                                   const QDateTime& endsAt,
                                                   AppointmentId ignore = {}) const;

private:
    Result<std::vector<Appointment>> list(const QString& where, const QString& order,
                                          const QVariantList& values) const;
    // In one transaction: loads the row, refuses a stale rowVersion or a status outside
    // allowedFrom (with `refusal`), runs check on the current row (it
    // may refuse, or return values to bind after `values`), then `UPDATE appointments SET
    // <assignments>, updated_at, updated_by, row_version + 1` and refreshes appointment.
    using Check = std::function<Result<QVariantList>(const Appointment& current)>;
    Status change(TransactionGuard& transaction, Appointment& appointment,
                  std::initializer_list<AppointmentStatus> allowedFrom, const QString& refusal,
                  const QString& assignments, const QVariantList& values, const Actor& actor,
                  const Check& check = {});
    // Runs change in a transaction of its own.
    using Change = std::function<Status(TransactionGuard&, Appointment&)>;
    Status alone(Appointment& appointment, const Change& change);

    Database& m_database;
};

} // namespace aftercare
