#pragma once

#include "domain/ids.h"
#include "error.h"
#include "reception/welcomepack.h"

#include <QCoreApplication>

namespace aftercare {

class Database;

// Gathers a welcome pack for a booked appointment from the practice settings, the service
// type and the appointment itself.
class WelcomePackReader
{
    Q_DECLARE_TR_FUNCTIONS(WelcomePackReader)

public:
    explicit WelcomePackReader(Database& database);

    Result<WelcomePack> forAppointment(AppointmentId appointment) const;

private:
    Database& m_database;
};

} // namespace aftercare
