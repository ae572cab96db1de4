#include "reception/welcomepackreader.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/practicesettingsrepository.h"

#include <QSqlQuery>

namespace aftercare {

WelcomePackReader::WelcomePackReader(Database& database)
    : m_database(database)
{}

Result<WelcomePack> WelcomePackReader::forAppointment(AppointmentId appointment) const
{
    auto query = m_database.run(
        QStringLiteral(
            "SELECT c.first_name, c.last_name, a.starts_at, a.ends_at, p.name, s.name, "
            "s.preparation, a.client_id FROM appointments a JOIN clients c ON c.id = a.client_id "
            "JOIN practitioners p ON p.id = a.practitioner_id "
            "JOIN service_types s ON s.id = a.service_type_id WHERE a.id = ?"),
        {appointment.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(
            tr("There is no appointment with the number %1.").arg(appointment.value())));
    WelcomePack pack;
    pack.appointment = appointment;
    pack.client = ClientId(query->value(7).toLongLong());
    pack.clientName = query->value(0).toString() + QLatin1Char(' ') + query->value(1).toString();
    pack.startsAt = SqlTime::toDateTime(query->value(2));
    pack.durationMinutes = int(pack.startsAt.secsTo(SqlTime::toDateTime(query->value(3))) / 60);
    pack.practitionerName = query->value(4).toString();
    pack.serviceName = query->value(5).toString();
    pack.preparation = query->value(6).toString().trimmed();

    auto settings = m_database.run(
        QStringLiteral("SELECT key, value FROM practice_settings WHERE key IN (?, ?, ?, ?, ?, ?)"),
        {PracticeSetting::kName, PracticeSetting::kAddress, PracticeSetting::kPhone,
         PracticeSetting::kEmail, PracticeSetting::kOpeningHours,
         PracticeSetting::kCancellationPolicy});
    if (!settings)
        return fail(settings.error());
    while (settings->next()) {
        const QString key = settings->value(0).toString();
        const QString value = settings->value(1).toString().trimmed();
        if (key == PracticeSetting::kName)
            pack.practiceName = value;
        else if (key == PracticeSetting::kAddress)
            pack.practiceAddress = value;
        else if (key == PracticeSetting::kPhone)
            pack.practicePhone = value;
        else if (key == PracticeSetting::kEmail)
            pack.practiceEmail = value;
        else if (key == PracticeSetting::kOpeningHours)
            pack.openingHours = value;
        else if (key == PracticeSetting::kCancellationPolicy)
            pack.cancellationPolicy = value;
    }
    if (pack.cancellationPolicy.isEmpty())
        pack.cancellationPolicy =
            tr("If you cannot come or would like another time, please let us know at least 24 "
               "hours beforehand, so that someone else can have the appointment.");
    return pack;
}

} // namespace aftercare
