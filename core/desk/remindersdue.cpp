#include "desk/remindersdue.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/touchpoint.h"
#include "repositories/appointmentrepository.h"
#include "repositories/touchpointrepository.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

// The client's reminder decisions on their preferred channel (or for any channel): binds
// nothing, reads the client as c.
const QString kDecisions =
    QStringLiteral("FROM consents g WHERE g.client_id = c.id AND g.purpose = 'reminders' AND "
                   "(g.channel = c.preferred_channel OR g.channel = 'any') ");
// The latest decision that is not withdrawn (as ClientRepository::hasConsent), its time, and
// the latest withdrawal.
const QString kConsentColumns =
    QStringLiteral("(SELECT g.granted ") + kDecisions +
    QStringLiteral("AND g.withdrawn_at IS NULL ORDER BY g.recorded_at DESC, g.id DESC LIMIT 1), "
                   "(SELECT g.recorded_at ") +
    kDecisions +
    QStringLiteral("AND g.withdrawn_at IS NULL ORDER BY g.recorded_at DESC, g.id DESC LIMIT 1), "
                   "(SELECT max(g.withdrawn_at) ") +
    kDecisions + QStringLiteral(") ");

// Reads the three consent columns starting at column.
void readConsent(const QSqlQuery& query, int column, ReminderDue& due)
{
    const QVariant granted = query.value(column);
    if (!granted.isNull()) {
        due.consent = granted.toBool() ? ReminderConsent::Granted : ReminderConsent::Declined;
        due.consentChangedAt = SqlTime::toDateTime(query.value(column + 1));
    } else if (!query.value(column + 2).isNull()) {
        due.consent = ReminderConsent::Withdrawn;
        due.consentChangedAt = SqlTime::toDateTime(query.value(column + 2));
    } else {
        due.consent = ReminderConsent::NeverAsked;
    }
    due.consented = due.consent == ReminderConsent::Granted;
}

} // namespace

RemindersDue::RemindersDue(Database& database)
    : m_database(database)
{}

Result<std::vector<ReminderDue>> RemindersDue::list(const QDate& day) const
{
    if (!day.isValid())
        return fail(Error::validation(tr("Please choose a day.")));
    return m_database.collect(
        QStringLiteral(
            "SELECT a.id, a.row_version, c.id, c.first_name, c.last_name, c.phone, a.starts_at, "
            "p.name, s.name, c.preferred_channel, c.journey_stage, ") +
            kConsentColumns +
            QStringLiteral("FROM appointments a JOIN clients c ON c.id = a.client_id "
                           "JOIN practitioners p ON p.id = a.practitioner_id "
                           "JOIN service_types s ON s.id = a.service_type_id "
                           "WHERE a.starts_at >= ? AND a.starts_at < ? AND a.status IN %1 "
                           "AND a.reminder_sent_at IS NULL "
                           "ORDER BY a.starts_at, c.last_name, a.id")
                .arg(expectedBookingStatusesSql()),
        {SqlTime::toSql(day.startOfDay()), SqlTime::toSql(day.addDays(1).startOfDay())},
        [](const QSqlQuery& row) {
            ReminderDue due;
            due.appointment = AppointmentId(row.value(0).toLongLong());
            due.rowVersion = row.value(1).toInt();
            due.client = ClientId(row.value(2).toLongLong());
            due.clientName = row.value(3).toString() + QLatin1Char(' ') + row.value(4).toString();
            due.phone = row.value(5).toString();
            due.startsAt = SqlTime::toDateTime(row.value(6));
            due.practitionerName = row.value(7).toString();
            due.serviceName = row.value(8).toString();
            due.preferredChannel = parseSqlName<ContactChannel>(row.value(9).toString())
                                       .value_or(ContactChannel::Email);
            due.stage = parseSqlName<JourneyStage>(row.value(10).toString())
                            .value_or(JourneyStage::Decision);
            readConsent(row, 11, due);
            return due;
        });
}

Status RemindersDue::markDone(const ReminderDue& due, Channel channel, const Actor& actor,
                              const QString& outcome, WithoutConsent withoutConsent)
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
        // The consent as it is now, not as the list read it: it may have been withdrawn since.
        auto consent = m_database.run(QStringLiteral("SELECT ") + kConsentColumns +
                                          QStringLiteral("FROM clients c WHERE c.id = ?"),
                                      {due.client.toVariant()});
        if (!consent)
            return fail(consent.error());
        ReminderDue current;
        if (consent->next())
            readConsent(*consent, 0, current);
        if (!current.consented && withoutConsent == WithoutConsent::Refuse)
            return fail(Error::validation(
                tr("%1 has not agreed to appointment reminders; the reminder was not recorded.")
                    .arg(due.clientName)));
        Touchpoint touchpoint;
        touchpoint.client = due.client;
        touchpoint.occurredAt = now;
        touchpoint.stage = due.stage;
        touchpoint.channel = channel;
        touchpoint.kind = TouchpointKind::kReminder;
        touchpoint.appointment = due.appointment;
        touchpoint.outcome = outcome.trimmed().isEmpty() ? tr("Reminded") : outcome.trimmed();
        if (!current.consented)
            touchpoint.notes = tr(
                "Without consent to reminders; the desk confirmed that the client asked for it.");
        return toStatus(TouchpointRepository(m_database).record(tx, touchpoint, actor));
    });
}

} // namespace aftercare
