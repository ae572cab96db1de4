#include "aftercare/journeystageupdater.h"

#include "database/database.h"
#include "domain/vocabulary.h"
#include "repositories/clientrepository.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

// Per client: checked in, booked or confirmed, completed (0/1 each).
const QString kFlags =
    QStringLiteral(
        "SELECT client_id, max(CASE WHEN status = 'checked_in' THEN 1 ELSE 0 END) AS checked_in, "
        "max(CASE WHEN status IN %1 THEN 1 ELSE 0 END) AS booked, "
        "max(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS visited FROM appointments")
        .arg(expectedBookingStatusesSql());

} // namespace

JourneyStageUpdater::JourneyStageUpdater(Database& database)
    : m_database(database)
{}

Result<JourneyFacts> JourneyStageUpdater::facts(ClientId client) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT c.journey_stage, coalesce(x.checked_in, 0), coalesce(x.booked, 0), "
                       "coalesce(x.visited, 0) FROM clients c LEFT JOIN (%1 WHERE client_id = ? "
                       "GROUP BY client_id) x ON x.client_id = c.id WHERE c.id = ?")
            .arg(kFlags),
        {client.toVariant(), client.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error::notFound(tr("There is no client with the number %1.").arg(client.value())));
    JourneyFacts facts;
    facts.stored = parseSqlName<JourneyStage>(query->value(0).toString())
                       .value_or(JourneyStage::Consideration);
    facts.checkedIn = query->value(1).toInt() == 1;
    facts.hasActiveBooking = query->value(2).toInt() == 1;
    facts.hasCompletedVisit = query->value(3).toInt() == 1;
    return facts;
}

Result<JourneyStage> JourneyStageUpdater::refresh(TransactionGuard& transaction, ClientId client)
{
    auto known = facts(client);
    if (!known)
        return fail(known.error());
    const JourneyStage stage = deriveJourneyStage(*known);
    if (stage != known->stored) {
        if (auto stored = ClientRepository(m_database).setJourneyStage(transaction, client, stage);
            !stored)
            return fail(stored.error());
    }
    return stage;
}

Result<JourneyStage> JourneyStageUpdater::refresh(ClientId client)
{
    return m_database.write([&](TransactionGuard& tx) { return refresh(tx, client); });
}

Result<qint64> JourneyStageUpdater::refreshAll()
{
    return m_database.write([&](TransactionGuard& tx) { return refreshAll(tx); });
}

Result<qint64> JourneyStageUpdater::refreshAll(TransactionGuard&)
{
    // deriveJourneyStage as SQL.
    const QString stage = QStringLiteral(
        "CASE WHEN coalesce(x.checked_in, 0) = 1 THEN 'during' "
        "WHEN coalesce(x.booked, 0) = 1 THEN "
        "CASE WHEN coalesce(x.visited, 0) = 1 THEN 'during' ELSE 'decision' END "
        "WHEN coalesce(x.visited, 0) = 1 THEN 'after' "
        "WHEN c.journey_stage = 'awareness' THEN 'awareness' ELSE 'consideration' END");
    auto query = m_database.run(
        QStringLiteral("UPDATE clients SET journey_stage = s.stage, row_version = "
                       "clients.row_version + 1 FROM (SELECT c.id, %1 AS stage FROM clients c "
                       "LEFT JOIN (%2 GROUP BY client_id) x ON x.client_id = c.id) s "
                       "WHERE clients.id = s.id AND clients.journey_stage <> s.stage")
            .arg(stage, kFlags));
    if (!query)
        return fail(query.error());
    return qint64(query->numRowsAffected());
}

} // namespace aftercare
