#include "reception/bookingrecorder.h"

#include "aftercare/followupplanner.h"
#include "aftercare/journeystageupdater.h"
#include "database/database.h"
#include "domain/touchpoint.h"
#include "repositories/appointmentrepository.h"
#include "repositories/touchpointrepository.h"

namespace aftercare {

BookingRecorder::BookingRecorder(Database& database, const Actor& actor)
    : m_database(database)
    , m_actor(actor)
{}

Result<AppointmentId> BookingRecorder::book(TransactionGuard& tx, const Appointment& draft)
{
    Appointment appointment = draft;
    appointment.doubleBookingReason = appointment.doubleBookingReason.trimmed();
    auto id = AppointmentRepository(m_database).book(tx, appointment, m_actor);
    if (!id)
        return fail(id.error());
    Touchpoint touchpoint;
    touchpoint.client = appointment.client;
    touchpoint.stage = JourneyStage::Decision;
    touchpoint.channel = Channel::InPerson;
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

} // namespace aftercare
