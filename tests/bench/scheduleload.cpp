#include "scheduleload.h"

#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"

namespace aftercare::bench {

namespace {

Result<ScheduleData> load(Database& database, QDate from, QDate to)
{
    auto practitioners = PractitionerRepository(database).practitioners();
    if (!practitioners)
        return fail(practitioners.error());
    auto appointments = from == to ? AppointmentRepository(database).day(from)
                                   : AppointmentRepository(database).range(from, to);
    if (!appointments)
        return fail(appointments.error());
    return ScheduleData{std::move(*practitioners), std::move(*appointments)};
}

} // namespace

Result<ScheduleData> loadDay(Database& database, QDate day)
{
    return load(database, day, day);
}

Result<ScheduleData> loadWeek(Database& database, QDate monday)
{
    return load(database, monday, monday.addDays(6));
}

} // namespace aftercare::bench
