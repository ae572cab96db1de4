#include "reception/bookingdesk.h"

#include "aftercare/followupplanner.h"
#include "aftercare/journeystageupdater.h"
#include "database/database.h"
#include "domain/touchpoint.h"
#include "reception/bookingrecorder.h"
#include "repositories/appointmentrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/touchpointrepository.h"

namespace aftercare::ui {

BookingDesk::BookingDesk(Database& database, const Actor& actor)
    : m_database(database)
    , m_actor(actor)
{}

Result<AppointmentId> BookingDesk::book(const Appointment& draft,
                                        const QString& doubleBookingReason)
{
    Appointment appointment = draft;
    appointment.doubleBookingReason = doubleBookingReason.trimmed();
    return m_database.write([&](TransactionGuard& tx) {
        return BookingRecorder(m_database, m_actor).book(tx, appointment);
    });
}

Status BookingDesk::move(Appointment& appointment, const QDateTime& startsAt,
                         PractitionerId practitioner, const QString& doubleBookingReason)
{
    const qint64 length = appointment.startsAt.secsTo(appointment.endsAt);
    const QString before = QLocale().toString(appointment.startsAt, QLocale::ShortFormat);
    if (auto moved = AppointmentRepository(m_database)
                         .reschedule(appointment, startsAt, startsAt.addSecs(length), practitioner,
                                     m_actor, doubleBookingReason.trimmed());
        !moved)
        return moved;
    return follow(appointment, TouchpointKind::kBooking,
                  tr("Moved from %1 to %2")
                      .arg(before, QLocale().toString(appointment.startsAt, QLocale::ShortFormat)));
}

Status BookingDesk::cancel(Appointment& appointment, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::validation(tr("Please give a reason for the cancellation.")));
    if (auto cancelled =
            AppointmentRepository(m_database).cancel(appointment, reason.trimmed(), m_actor);
        !cancelled)
        return cancelled;
    return follow(appointment, TouchpointKind::kCancellation, reason.trimmed());
}

Status BookingDesk::markNoShow(Appointment& appointment)
{
    if (auto marked = AppointmentRepository(m_database).markNoShow(appointment, m_actor); !marked)
        return marked;
    return follow(appointment, TouchpointKind::kNoShow, tr("Did not come"));
}

Status BookingDesk::checkIn(Appointment& appointment)
{
    if (auto checked = AppointmentRepository(m_database).checkIn(appointment, m_actor); !checked)
        return checked;
    return follow(appointment, TouchpointKind::kCheckIn, tr("Checked in"));
}

Status BookingDesk::complete(Appointment& appointment)
{
    if (auto completed = AppointmentRepository(m_database).complete(appointment, m_actor);
        !completed)
        return completed;
    return follow(appointment, TouchpointKind::kVisit, tr("Completed"), true);
}

Status BookingDesk::follow(const Appointment& appointment, QLatin1String kind,
                           const QString& outcome, bool visitCompleted)
{
    return m_database.write([&](TransactionGuard& tx) -> Status {
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
        if (auto recorded = TouchpointRepository(m_database).record(tx, touchpoint, m_actor);
            !recorded)
            return fail(recorded.error());
        return {};
    });
}

} // namespace aftercare::ui
