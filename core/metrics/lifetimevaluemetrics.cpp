#include "metrics/lifetimevaluemetrics.h"

#include "database/sqltime.h"
#include "metrics/clientmetrics.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

LifetimeValueMetrics::LifetimeValueMetrics(const MetricQuery& query, const ClientMetrics& clients)
    : m_query(query)
    , m_clients(clients)
{}

Result<LifetimeValueResult> LifetimeValueMetrics::compute(QDate to) const
{
    LifetimeValueResult result;
    if (auto done = computeHistorical(to, result); !done)
        return fail(done.error());
    if (auto done = computePredicted(to, result); !done)
        return fail(done.error());
    return result;
}

Status LifetimeValueMetrics::computeHistorical(QDate to, LifetimeValueResult& result) const
{
    const QVariant end = SqlTime::toSql(to.addDays(1));

    // Historical: every client with a visit up to `to` counts once, paid or not. The sum is
    // all paid invoices less those of clients without such a visit (few), so that the
    // invoices are read in one pass of an index instead of one look-up per client.
    SqlBuilder hasVisit;
    // A scalar sub-select, not EXISTS, so that PostgreSQL looks up each client instead of
    // hashing every visit.
    hasVisit.sql(u"(SELECT 1 FROM appointments a WHERE a.client_id = c.id AND a.starts_at < ")
        .bind(end)
        .sql(u" AND a.status = 'completed'");
    m_query.filterAppointments(hasVisit, u"a");
    hasVisit.sql(u" LIMIT 1) IS NOT NULL");
    SqlBuilder paidByClient;
    paidByClient
        .sql(u"(SELECT coalesce(sum(i.total_cents), 0) FROM invoices i WHERE i.client_id = c.id "
             u"AND i.status = 'paid' AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(paidByClient, u"i.appointment_id", u"i.client_id");
    paidByClient.sql(u")");

    SqlBuilder historical;
    historical.sql(u"WITH v AS MATERIALIZED (SELECT c.id, CASE WHEN ")
        .append(hasVisit)
        .sql(u" THEN 1 ELSE 0 END AS visited FROM clients c WHERE 1 = 1");
    m_query.filterClients(historical, u"c.id");
    historical
        .sql(u") SELECT (SELECT count(*) FROM v WHERE v.visited = 1), "
             u"(SELECT CAST(coalesce(sum(i.total_cents), 0) AS BIGINT) FROM invoices i "
             u"WHERE i.status = 'paid' AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(historical, u"i.appointment_id", u"i.client_id");
    historical.sql(u"), (SELECT CAST(coalesce(sum(")
        .append(paidByClient)
        .sql(u"), 0) AS BIGINT) FROM v JOIN clients c ON c.id = v.id WHERE v.visited = 0)");
    auto query = m_query.run(historical);
    if (!query)
        return fail(query.error());
    HistoryTotals totals;
    if (query->next()) {
        totals.clientsWithVisit = MetricQuery::count(query->value(0));
        totals.paidCents =
            MetricQuery::count(query->value(1)) - MetricQuery::count(query->value(2));
    }
    finishHistorical(result, totals);
    return {};
}

void LifetimeValueMetrics::finishHistorical(LifetimeValueResult& result,
                                            const HistoryTotals& totals)
{
    result.clients = totals.clientsWithVisit;
    result.paidCents = totals.paidCents;
    result.historicalCents = MetricFormulas::historicalClvCents(result.paidCents, result.clients);
}

Status LifetimeValueMetrics::computePredicted(QDate to, LifetimeValueResult& result) const
{
    if (auto counted = computeWindowCounts(to, result); !counted)
        return counted;
    const auto [before, last] = churnDays(to);
    auto active = m_clients.activeOn({before, last}, {{0, 1}});
    if (!active)
        return fail(active.error());
    finishPredicted(result, active->active[0], active->both[0]);
    return {};
}

std::pair<QDate, QDate> LifetimeValueMetrics::churnDays(QDate to)
{
    // The churn of Y: S = active on the day before Y, E = active on `to`.
    return {MetricFormulas::predictionWindow(to).from.addDays(-1), to};
}

void LifetimeValueMetrics::finishPredicted(LifetimeValueResult& result, qint64 activeBefore,
                                           qint64 activeOnBoth)
{
    // As a fraction straight from the counts, so that "nobody left" is exactly 0.
    result.windowChurn.reset();
    if (activeBefore > 0)
        result.windowChurn =
            static_cast<double>(activeBefore - activeOnBoth) / static_cast<double>(activeBefore);
    result.lifetimeYears = MetricFormulas::expectedLifetimeYears(result.windowChurn);
    result.predictedCents = MetricFormulas::predictedClvCents(
        result.windowPaidCents, result.windowVisits, result.windowClients, result.windowChurn);
}

Status LifetimeValueMetrics::computeWindowCounts(QDate to, LifetimeValueResult& result) const
{
    const QVariant end = SqlTime::toSql(to.addDays(1));

    // Predicted: the last 365 days' value per visit, visits per client and churn.
    result.window = MetricFormulas::predictionWindow(to);
    const QVariant windowStart = SqlTime::toSql(result.window.from);
    SqlBuilder paid;
    paid.sql(u"SELECT CAST(coalesce(sum(i.total_cents), 0) AS BIGINT) FROM invoices i "
             u"WHERE i.status = 'paid' AND i.paid_at >= ")
        .bind(windowStart)
        .sql(u" AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(paid, u"i.appointment_id", u"i.client_id");
    {
        auto query = m_query.run(paid);
        if (!query)
            return fail(query.error());
        if (query->next())
            result.windowPaidCents = MetricQuery::count(query->value(0));
    }

    SqlBuilder visits;
    visits
        .sql(u"SELECT count(*), count(DISTINCT a.client_id) FROM appointments a "
             u"WHERE a.status = 'completed' AND a.starts_at >= ")
        .bind(windowStart)
        .sql(u" AND a.starts_at < ")
        .bind(end);
    m_query.filterAppointments(visits, u"a");
    {
        auto query = m_query.run(visits);
        if (!query)
            return fail(query.error());
        if (query->next()) {
            result.windowVisits = MetricQuery::count(query->value(0));
            result.windowClients = MetricQuery::count(query->value(1));
        }
    }
    return {};
}

} // namespace aftercare
