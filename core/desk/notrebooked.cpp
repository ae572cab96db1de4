#include "desk/notrebooked.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/touchpoint.h"
#include "repositories/touchpointrepository.h"

#include <QSqlQuery>

namespace aftercare {

NotRebooked::NotRebooked(Database& database)
    : m_database(database)
{}

// Binds: today (date), now (time). The last visit is found per client through the client's
// appointment index; a visit is older than the interval when its date lies before today − N.
QString NotRebooked::from() const
{
    const QString due =
        m_database.isSqlite()
            ? QStringLiteral("v.starts_at < date(?, '-' || (s.rebook_after_weeks * 7) || ' days')")
            : QStringLiteral("v.starts_at < CAST(? AS date) - s.rebook_after_weeks * 7");
    return QStringLiteral(
               "FROM clients c "
               "JOIN appointments v ON v.id = (SELECT a.id FROM appointments a WHERE a.client_id "
               "= c.id AND a.status = 'completed' ORDER BY a.starts_at DESC, a.id DESC LIMIT 1) "
               "JOIN service_types s ON s.id = v.service_type_id "
               "WHERE NOT c.archived AND s.rebook_after_weeks IS NOT NULL AND %1 "
               "AND NOT EXISTS (SELECT 1 FROM appointments f WHERE f.client_id = c.id AND "
               "f.starts_at >= ? AND f.status IN %2) ")
        .arg(due, activeBookingStatusesSql());
}

Result<std::vector<RecallDue>> NotRebooked::list(const QDateTime& now, int limit, int offset) const
{
    return m_database.collect(
        QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.phone, v.id, v.starts_at, "
                       "s.name, s.rebook_after_weeks, c.journey_stage, "
                       "(SELECT max(t.occurred_at) FROM touchpoints t WHERE t.client_id = c.id "
                       "AND t.kind = 'recall_call') ") +
            from() + QStringLiteral("ORDER BY v.starts_at DESC, c.id LIMIT ? OFFSET ?"),
        {SqlTime::toSql(now.date()), SqlTime::toSql(now), limit, offset}, [](const QSqlQuery& row) {
            RecallDue due;
            due.client = ClientId(row.value(0).toLongLong());
            due.clientName = row.value(1).toString() + QLatin1Char(' ') + row.value(2).toString();
            due.phone = row.value(3).toString();
            due.lastVisit = AppointmentId(row.value(4).toLongLong());
            due.lastVisitAt = SqlTime::toDateTime(row.value(5));
            due.serviceName = row.value(6).toString();
            due.rebookAfterDays = row.value(7).toInt() * 7;
            due.stage =
                parseSqlName<JourneyStage>(row.value(8).toString()).value_or(JourneyStage::After);
            due.lastRecallAt = SqlTime::toDateTime(row.value(9));
            return due;
        });
}

Result<qint64> NotRebooked::count(const QDateTime& now) const
{
    auto value = m_database.scalar(QStringLiteral("SELECT count(*) ") + from(),
                                   {SqlTime::toSql(now.date()), SqlTime::toSql(now)});
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<TouchpointId> NotRebooked::recordCall(const RecallDue& due, const QString& outcome,
                                             const Actor& actor)
{
    if (outcome.trimmed().isEmpty())
        return fail(Error::validation(tr("Please say how the call went.")));
    Touchpoint touchpoint;
    touchpoint.client = due.client;
    touchpoint.stage = due.stage;
    touchpoint.channel = Channel::Phone;
    touchpoint.kind = TouchpointKind::kRecallCall;
    touchpoint.appointment = due.lastVisit;
    touchpoint.outcome = outcome.trimmed();
    return TouchpointRepository(m_database).record(touchpoint, actor);
}

} // namespace aftercare
