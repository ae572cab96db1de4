#include "repositories/touchpointrepository.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"

#include <QSqlQuery>

namespace aftercare {

TouchpointRepository::TouchpointRepository(Database& database)
    : m_database(database)
{}

Result<TouchpointId> TouchpointRepository::record(const Touchpoint& touchpoint, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return record(tx, touchpoint, actor); });
}

Result<TouchpointId> TouchpointRepository::record(TransactionGuard&, const Touchpoint& t,
                                                  const Actor& actor)
{
    if (!t.client.isValid())
        return fail(Error::validation(tr("A touchpoint must concern a client.")));
    if (t.kind.trimmed().isEmpty())
        return fail(Error::validation(tr("A touchpoint needs a kind.")));
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO touchpoints (client_id, occurred_at, stage, channel, kind, outcome, "
            "appointment_id, by_user, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {t.client.toVariant(),
         SqlTime::toSql(t.occurredAt.isValid() ? t.occurredAt : QDateTime::currentDateTime()),
         sqlName(t.stage), sqlName(t.channel), t.kind.trimmed(), SqlValue::text(t.outcome),
         t.appointment.toVariant(), (t.by.isValid() ? t.by : actor.user).toVariant(),
         SqlValue::text(t.notes)});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new touchpoint's id.")});
    return TouchpointId(query->value(0).toLongLong());
}

Result<std::vector<Touchpoint>> TouchpointRepository::timeline(ClientId client, int limit,
                                                               int offset) const
{
    auto query = m_database.run(QStringLiteral("SELECT id, client_id, occurred_at, stage, channel, "
                                               "kind, outcome, appointment_id, by_user, notes "
                                               "FROM touchpoints WHERE client_id = ? ORDER BY "
                                               "occurred_at DESC, id DESC LIMIT ? OFFSET ?"),
                                {client.toVariant(), limit, offset});
    if (!query)
        return fail(query.error());
    std::vector<Touchpoint> result;
    while (query->next()) {
        Touchpoint t;
        t.id = TouchpointId(query->value(0).toLongLong());
        t.client = ClientId(query->value(1).toLongLong());
        t.occurredAt = SqlTime::toDateTime(query->value(2));
        t.stage =
            parseSqlName<JourneyStage>(query->value(3).toString()).value_or(JourneyStage::During);
        t.channel = parseSqlName<Channel>(query->value(4).toString()).value_or(Channel::InPerson);
        t.kind = query->value(5).toString();
        t.outcome = query->value(6).toString();
        t.appointment = AppointmentId::fromVariant(query->value(7));
        t.by = UserId::fromVariant(query->value(8));
        t.notes = query->value(9).toString();
        result.push_back(std::move(t));
    }
    return result;
}

Result<qint64> TouchpointRepository::count(ClientId client) const
{
    auto n =
        m_database.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE client_id = ?"),
                          {client.toVariant()});
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

} // namespace aftercare
