#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"
#include "error.h"

#include <QDate>

#include <vector>

namespace aftercare {
class Database;
}

namespace aftercare::bench {

// What the reception schedule loads to show a range of days: the practitioners (its columns)
// and their appointments.
struct ScheduleData
{
    std::vector<Practitioner> practitioners;
    std::vector<Appointment> appointments;
};

// The day view's load, through the calls SchedulePage::reload() makes.
Result<ScheduleData> loadDay(Database& database, QDate day);

// The week view's load: the seven days from monday through the repository's range call.
// The one place to point at the week view's own model once it exists.
Result<ScheduleData> loadWeek(Database& database, QDate monday);

} // namespace aftercare::bench
