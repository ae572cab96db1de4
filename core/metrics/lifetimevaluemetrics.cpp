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
    const QVariant end = SqlTime::toSql(to.addDays(1));

    // Historical: every client with a visit up to `to` counts once, paid or not.
    SqlBuilder historical;
    historical
        .sql(u"SELECT count(*), CAST(coalesce(sum(p.paid), 0) AS BIGINT) FROM "
             u"(SELECT DISTINCT a.client_id FROM appointments a "
             u"WHERE a.status = 'completed' AND a.starts_at < ")
        .bind(end);
    m_query.filterAppointments(historical, u"a");
    historical
        .sql(u") v LEFT JOIN (SELECT i.client_id, sum(i.total_cents) AS paid FROM invoices i "
             u"WHERE i.status = 'paid' AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(historical, u"i.appointment_id", u"i.client_id");
    historical.sql(u" GROUP BY i.client_id) p ON p.client_id = v.client_id");
    {
        auto query = m_query.run(historical);
        if (!query)
            return fail(query.error());
        if (query->next()) {
            result.clients = MetricQuery::count(query->value(0));
            result.paidCents = MetricQuery::count(query->value(1));
        }
    }
    result.historicalCents = MetricFormulas::historicalClvCents(result.paidCents, result.clients);

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

    // The churn of Y: S = active on the day before Y, E = active on `to`.
    auto active = m_clients.activeOn({result.window.from.addDays(-1), to});
    if (!active)
        return fail(active.error());
    // As a fraction straight from the counts, so that "nobody left" is exactly 0.
    const qint64 activeBefore = (*active)[0].active;
    if (activeBefore > 0)
        result.windowChurn = static_cast<double>(activeBefore - (*active)[1].retained) /
                             static_cast<double>(activeBefore);
    result.lifetimeYears = MetricFormulas::expectedLifetimeYears(result.windowChurn);
    result.predictedCents = MetricFormulas::predictedClvCents(
        result.windowPaidCents, result.windowVisits, result.windowClients, result.windowChurn);
    return result;
}

} // namespace aftercare
