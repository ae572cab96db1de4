#include "desk/bookingdesk.h"

#include "aftercare/followupplanner.h"
#include "aftercare/journeystageupdater.h"
#include "database/database.h"
#include "domain/clocktime.h"
#include "domain/touchpoint.h"
#include "repositories/appointmentrepository.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/touchpointrepository.h"

#include <QLocale>

namespace aftercare {

BookingDesk::BookingDesk(Database& database, const Actor& actor)
    : m_database(database)
    , m_actor(actor)
{}

Result<AppointmentId> BookingDesk::book(const Appointment& draft,
                                        const QString& doubleBookingReason)
{
    Appointment appointment = draft;
    appointment.doubleBookingReason = doubleBookingReason.trimmed();
    auto booked = m_database.write(
        [&](TransactionGuard& tx) -> Result<AppointmentId> { return book(tx, appointment); });
    if (!booked)
        return fail(AppointmentRepository(m_database).nameOverlap(booked.error(), appointment));
    return booked;
}

Result<AppointmentId> BookingDesk::book(TransactionGuard& tx, const Appointment& draft,
                                        Channel channel)
{
    Appointment appointment = draft;
    appointment.doubleBookingReason = appointment.doubleBookingReason.trimmed();
    auto id = AppointmentRepository(m_database).book(tx, appointment, m_actor);
    if (!id)
        return fail(id.error());
    Touchpoint touchpoint;
    touchpoint.client = appointment.client;
    touchpoint.stage = JourneyStage::Decision;
    touchpoint.channel = channel;
    touchpoint.kind = TouchpointKind::kBooking;
    touchpoint.appointment = *id;
    touchpoint.outcome = appointment.doubleBookingReason.isEmpty()
                             ? tr("Booked")
                             : tr("Double-booked: %1").arg(appointment.doubleBookingReason);
    if (auto recorded = TouchpointRepository(m_database).record(tx, touchpoint, m_actor); !recorded)
        return fail(recorded.error());
    if (auto stage = JourneyStageUpdater(m_database).refresh(tx, appointment.client); !stage)
        return fail(stage.error());
    if (auto planned = FollowUpPlanner(m_database).onAppointmentBooked(tx, *id, m_actor); !planned)
        return fail(planned.error());
    return *id;
}

Status BookingDesk::move(Appointment& appointment, const QDateTime& startsAt,
                         PractitionerId practitioner, const QString& doubleBookingReason)
{
    const qint64 length = appointment.startsAt.secsTo(appointment.endsAt);
    const QString before = clockDateTimeText(appointment.startsAt);
    AppointmentRepository appointments(m_database);
    auto moved = changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return appointments.reschedule(tx, copy, startsAt, startsAt.addSecs(length),
                                           practitioner, m_actor, doubleBookingReason.trimmed());
        },
        TouchpointKind::kBooking,
        [&](const Appointment& after) {
            return tr("Moved from %1 to %2").arg(before, clockDateTimeText(after.startsAt));
        });
    if (!moved)
        return fail(appointments.nameOverlap(moved.error(), practitioner, startsAt,
                                             startsAt.addSecs(length), appointment.id));
    return moved;
}

Status BookingDesk::cancel(Appointment& appointment, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::validation(tr("Please give a reason for the cancellation.")));
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return AppointmentRepository(m_database).cancel(tx, copy, reason.trimmed(), m_actor);
        },
        TouchpointKind::kCancellation, [&](const Appointment&) { return reason.trimmed(); });
}

Status BookingDesk::markNoShow(Appointment& appointment)
{
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return AppointmentRepository(m_database).markNoShow(tx, copy, m_actor);
        },
        TouchpointKind::kNoShow, [](const Appointment&) { return tr("Did not come"); });
}

Status BookingDesk::undoNoShow(Appointment& appointment, AppointmentStatus previous)
{
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return AppointmentRepository(m_database).reopen(tx, copy, previous, m_actor);
        },
        TouchpointKind::kNoShow,
        [](const Appointment&) { return tr("Taken back: marked as a no-show by mistake"); });
}

Status BookingDesk::checkIn(Appointment& appointment)
{
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return AppointmentRepository(m_database).checkIn(tx, copy, m_actor);
        },
        TouchpointKind::kCheckIn, [](const Appointment&) { return tr("Checked in"); });
}

Status BookingDesk::complete(Appointment& appointment)
{
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) {
            return AppointmentRepository(m_database).complete(tx, copy, m_actor);
        },
        TouchpointKind::kVisit, [](const Appointment&) { return tr("Completed"); }, true);
}

Status BookingDesk::undoComplete(Appointment& appointment, AppointmentStatus previous)
{
    const QDateTime completedAt = appointment.completedAt;
    const QString why = tr("Completion taken back: recorded by mistake");
    return changeAndFollow(
        appointment,
        [&](TransactionGuard& tx, Appointment& copy) -> Status {
            if (auto reopened =
                    AppointmentRepository(m_database).reopen(tx, copy, previous, m_actor);
                !reopened)
                return reopened;
            if (auto voided =
                    InvoiceRepository(m_database).voidDraftOfVisit(tx, copy.id, why, m_actor);
                !voided)
                return voided;
            return toStatus(FollowUpTaskRepository(m_database)
                                .withdrawPlannedForVisit(tx, copy.id, completedAt));
        },
        TouchpointKind::kVisit, [&](const Appointment&) { return why; });
}

Status BookingDesk::changeAndFollow(Appointment& appointment, const Change& change,
                                    QLatin1String kind,
                                    const std::function<QString(const Appointment&)>& outcome,
                                    bool visitCompleted)
{
    Appointment copy; // handed to the caller only once the transaction committed
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = appointment; // afresh on every attempt
        if (auto changed = change(tx, copy); !changed)
            return changed;
        return follow(tx, copy, kind, outcome(copy), visitCompleted);
    });
    if (done)
        appointment = std::move(copy);
    return done;
}

Status BookingDesk::follow(TransactionGuard& tx, const Appointment& appointment, QLatin1String kind,
                           const QString& outcome, bool visitCompleted)
{
    if (visitCompleted) {
        if (auto invoice =
                InvoiceRepository(m_database).draftForAppointment(tx, appointment.id, m_actor);
            !invoice)
            return fail(invoice.error());
        if (auto planned =
                FollowUpPlanner(m_database).onVisitCompleted(tx, appointment.id, m_actor);
            !planned)
            return fail(planned.error());
    }
    auto stage = JourneyStageUpdater(m_database).refresh(tx, appointment.client);
    if (!stage)
        return fail(stage.error());
    Touchpoint touchpoint;
    touchpoint.client = appointment.client;
    touchpoint.stage = *stage;
    touchpoint.channel = Channel::InPerson;
    touchpoint.kind = kind;
    touchpoint.appointment = appointment.id;
    touchpoint.outcome = outcome;
    return toStatus(TouchpointRepository(m_database).record(tx, touchpoint, m_actor));
}

} // namespace aftercare
