#include "desk/remindersdue.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/touchpoint.h"
#include "repositories/appointmentrepository.h"
#include "repositories/touchpointrepository.h"

#include <QSqlQuery>

namespace aftercare {

RemindersDue::RemindersDue(Database& database)
    : m_database(database)
{}

Result<std::vector<ReminderDue>> RemindersDue::list(const QDate& day) const
{
    if (!day.isValid())
        return fail(Error::validation(tr("Please choose a day.")));
    // The latest decision about reminders on the client's channel counts, as in
    // ClientRepository::hasConsent.
    auto query = m_database.run(
        QStringLiteral(
            "SELECT a.id, a.row_version, c.id, c.first_name, c.last_name, c.phone, a.starts_at, "
            "p.name, s.name, c.preferred_channel, c.journey_stage, "
            "(SELECT g.granted FROM consents g WHERE g.client_id = c.id AND g.purpose = "
            "'reminders' AND (g.channel = c.preferred_channel OR g.channel = 'any') AND "
            "g.withdrawn_at IS NULL ORDER BY g.recorded_at DESC, g.id DESC LIMIT 1) "
            "FROM appointments a JOIN clients c ON c.id = a.client_id "
            "JOIN practitioners p ON p.id = a.practitioner_id "
            "JOIN service_types s ON s.id = a.service_type_id "
            "WHERE a.starts_at >= ? AND a.starts_at < ? AND a.status IN ('booked', 'confirmed') "
            "AND a.reminder_sent_at IS NULL "
            "ORDER BY a.starts_at, c.last_name, a.id"),
        {SqlTime::toSql(day.startOfDay()), SqlTime::toSql(day.addDays(1).startOfDay())});
    if (!query)
        return fail(query.error());
    std::vector<ReminderDue> result;
    while (query->next()) {
        ReminderDue due;
        due.appointment = AppointmentId(query->value(0).toLongLong());
        due.rowVersion = query->value(1).toInt();
        due.client = ClientId(query->value(2).toLongLong());
        due.clientName = query->value(3).toString() + QLatin1Char(' ') + query->value(4).toString();
        due.phone = query->value(5).toString();
        due.startsAt = SqlTime::toDateTime(query->value(6));
        due.practitionerName = query->value(7).toString();
        due.serviceName = query->value(8).toString();
        due.preferredChannel = parseSqlName<ContactChannel>(query->value(9).toString())
                                   .value_or(ContactChannel::Email);
        due.stage = parseSqlName<JourneyStage>(query->value(10).toString())
                        .value_or(JourneyStage::Decision);
        due.consented = !query->value(11).isNull() && query->value(11).toBool();
        result.push_back(std::move(due));
    }
    return result;
}

Status RemindersDue::markDone(const ReminderDue& due, Channel channel, const Actor& actor,
                              const QString& outcome)
{
    AppointmentRepository appointments(m_database);
    return m_database.write([&](TransactionGuard& tx) -> Status {
        auto appointment = appointments.get(due.appointment);
        if (!appointment)
            return fail(appointment.error());
        appointment->rowVersion = due.rowVersion; // as the desk read it: a later change wins
        const QDateTime now = QDateTime::currentDateTime();
        if (auto marked = appointments.markReminderSent(tx, *appointment, now, actor); !marked)
            return marked;
        Touchpoint touchpoint;
        touchpoint.client = due.client;
        touchpoint.occurredAt = now;
        touchpoint.stage = due.stage;
        touchpoint.channel = channel;
        touchpoint.kind = TouchpointKind::kReminder;
        touchpoint.appointment = due.appointment;
        touchpoint.outcome = outcome.trimmed().isEmpty() ? tr("Reminded") : outcome.trimmed();
        return toStatus(TouchpointRepository(m_database).record(tx, touchpoint, actor));
    });
}

} // namespace aftercare
