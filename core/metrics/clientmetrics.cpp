#include "metrics/clientmetrics.h"

#include "database/sqltime.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace aftercare {

namespace {

// The spans a mask column carries, one bit each: a bigint's bits below its sign, so that a
// sum of distinct bits stays positive.
constexpr int kSpansPerMask = 63;
// Range scans per compound SELECT (SQLite's limit is 500 terms).
constexpr std::size_t kSpansPerGroup = 400;

// Days between two consecutive edges (first day or day after the last) of the days' activity
// windows: a visit anywhere in one span makes its client active on the same days.
struct ActivitySpan
{
    QDate from;
    QDate endExclusive;
    std::vector<bool> days; // active on days[i]
};

// The spans in which a visit makes its client active on at least one of the days, in order.
std::vector<ActivitySpan> activitySpans(const QList<QDate>& days, int lapseWindowDays)
{
    std::vector<QDate> edges;
    for (QDate day : days) {
        edges.push_back(MetricFormulas::activeWindowStart(day, lapseWindowDays));
        edges.push_back(day.addDays(1));
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<ActivitySpan> spans;
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
        ActivitySpan span{edges[k], edges[k + 1], std::vector<bool>(days.size())};
        bool any = false;
        for (int i = 0; i < days.size(); ++i) {
            span.days[i] =
                MetricFormulas::activeWindowStart(days[i], lapseWindowDays) <= span.from &&
                span.endExclusive <= days[i].addDays(1);
            any = any || span.days[i];
        }
        if (any)
            spans.push_back(std::move(span));
    }
    return spans;
}

} // namespace

ClientMetrics::ClientMetrics(const MetricQuery& query, int lapseWindowDays)
    : m_query(query)
    , m_lapseWindowDays(lapseWindowDays)
{}

void ClientMetrics::requireFirstVisit(SqlBuilder& sql) const
{
    // A scalar sub-select rather than NOT EXISTS: PostgreSQL would turn NOT EXISTS into a hash
    // anti-join over every visit ever, where a look-up per visit of the period is far cheaper.
    sql.sql(u" AND (SELECT 1 FROM appointments e WHERE e.client_id = a.client_id "
            u"AND e.starts_at <= a.starts_at AND e.status = 'completed' "
            u"AND (e.starts_at < a.starts_at OR e.id < a.id)");
    m_query.filterAppointments(sql, u"e");
    sql.sql(u" LIMIT 1) IS NULL");
}

QString ClientMetrics::dateOf(QStringView column) const
{
    if (m_query.isSqlite())
        return QStringLiteral("date(%1)").arg(column);
    return QStringLiteral("CAST(%1 AS date)").arg(column);
}

QString ClientMetrics::windowEnd(QStringView column, int months) const
{
    if (m_query.isSqlite()) {
        // SQLite rolls 31 January + 1 month over into March; the month's last day caps it.
        return QStringLiteral("min(date(%1, '+%2 months'), date(%1, 'start of month', '+%3 "
                              "months', '-1 day'))")
            .arg(column)
            .arg(months)
            .arg(months + 1);
    }
    return QStringLiteral("CAST(CAST(%1 AS date) + interval '%2 months' AS date)")
        .arg(column)
        .arg(months);
}

QString ClientMetrics::referralSourceOf()
{
    return QStringLiteral(
               "CASE WHEN c.referred_by IS NOT NULL OR lower(trim(c.referral_source)) = '%1' "
               "     THEN '%1' "
               "     WHEN c.referral_source IS NULL OR trim(c.referral_source) = '' THEN '%2' "
               "     ELSE lower(trim(c.referral_source)) END")
        .arg(kClientReferralSource, kUnknownReferralSource);
}

void ClientMetrics::addNewClients(NewClientCounts& counts, const QString& source, qint64 clients)
{
    counts.newClients += clients;
    counts.bySource[source] += clients;
    if (source == kClientReferralSource)
        counts.referred += clients;
}

void ClientMetrics::firstVisitsBefore(SqlBuilder& sql, QDate endExclusive) const
{
    sql.sql(u"SELECT a.client_id, min(a.starts_at) AS first_at FROM appointments a "
            u"WHERE a.status = 'completed' AND a.starts_at < ")
        .bind(SqlTime::toSql(endExclusive));
    m_query.filterAppointments(sql, u"a");
    sql.sql(u" GROUP BY a.client_id");
}

void ClientMetrics::firstVisitsBetween(SqlBuilder& sql, QDate from, QDate endExclusive) const
{
    firstVisitsBefore(sql, endExclusive);
    sql.sql(u" HAVING min(a.starts_at) >= ").bind(SqlTime::toSql(from));
}

void ClientMetrics::historyTotalsOf(SqlBuilder& sql, QDate endExclusive) const
{
    // Every client in f counts once, paid or not. The sum is all paid invoices less those of
    // the clients not in f (few), so that the invoices are read in one pass of an index.
    const QVariant end = SqlTime::toSql(endExclusive);
    sql.sql(u"(SELECT count(*) FROM f), (SELECT CAST(coalesce(sum(i.total_cents), 0) AS BIGINT) "
            u"FROM invoices i WHERE i.status = 'paid' AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(sql, u"i.appointment_id", u"i.client_id");
    sql.sql(u"), (SELECT CAST(coalesce(sum((SELECT coalesce(sum(i.total_cents), 0) FROM invoices i "
            u"WHERE i.client_id = c.id AND i.status = 'paid' AND i.paid_at < ")
        .bind(end);
    m_query.filterLinked(sql, u"i.appointment_id", u"i.client_id");
    // NOT EXISTS, not NOT IN: PostgreSQL runs it as a hash anti-join that may spill to disk,
    // where NOT IN needs the whole list in memory or reads it again for every client.
    sql.sql(u")), 0) AS BIGINT) FROM clients c "
            u"WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.client_id = c.id)");
    m_query.filterClients(sql, u"c.id");
    sql.sql(u")");
}

Result<std::map<QDate, NewClientCounts>> ClientMetrics::newClientsByMonth(const Period& range) const
{
    SqlBuilder sql;
    sql.sql(QStringLiteral("SELECT %1 AS month, %2 AS source, count(*) FROM (")
                .arg(m_query.monthOf(u"f.first_at"), referralSourceOf()));
    firstVisitsBetween(sql, range.from, range.endExclusive());
    sql.sql(u") f JOIN clients c ON c.id = f.client_id GROUP BY 1, 2");

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, NewClientCounts> months;
    while (query->next()) {
        addNewClients(months[MetricQuery::monthStart(query->value(0))], query->value(1).toString(),
                      MetricQuery::count(query->value(2)));
    }
    return months;
}

Result<ActiveClients> ClientMetrics::activeOn(const QList<QDate>& days,
                                              const QList<std::pair<int, int>>& pairs) const
{
    ActiveClients result;
    result.active.assign(days.size(), 0);
    result.both.assign(pairs.size(), 0);
    if (days.isEmpty())
        return result;
    for (const auto& [first, second] : pairs) {
        if (first < 0 || second < 0 || first >= days.size() || second >= days.size())
            return fail(Error{ErrorKind::Validation,
                              QStringLiteral("a pair of active days is out of range")});
    }
    const std::vector<ActivitySpan> spans = activitySpans(days, m_lapseWindowDays);
    if (spans.empty())
        return result;
    const int masks = int((spans.size() + kSpansPerMask - 1) / kSpansPerMask);

    // Each visit tagged with its span's bit; per client the sum of the distinct bits is the
    // set of spans it visited in; the clients counted per such set. One range scan per span
    // and no comparison per visit and day. The filter goes on the union, so that a
    // sub-select in it runs once.
    SqlBuilder visits;
    for (std::size_t span = 0; span < spans.size(); ++span) {
        // SQLite allows 500 terms in one compound SELECT: longer unions are nested in groups.
        if (span % kSpansPerGroup == 0) {
            if (span > 0)
                visits.sql(QStringLiteral(") g%1 UNION ALL ").arg(span / kSpansPerGroup));
            visits.sql(u"SELECT * FROM (");
        } else {
            visits.sql(u" UNION ALL ");
        }
        visits.sql(u"SELECT a.client_id, a.practitioner_id, a.service_type_id");
        for (int mask = 0; mask < masks; ++mask) {
            const qint64 bit =
                int(span) / kSpansPerMask == mask ? qint64(1) << (int(span) % kSpansPerMask) : 0;
            visits.sql(QStringLiteral(", %1 AS b%2").arg(bit).arg(mask));
        }
        visits.sql(u" FROM appointments a WHERE a.status = 'completed' AND a.starts_at >= ")
            .bind(SqlTime::toSql(spans[span].from))
            .sql(u" AND a.starts_at < ")
            .bind(SqlTime::toSql(spans[span].endExclusive));
    }
    visits.sql(u") g0");
    QStringList maskColumns;
    for (int mask = 0; mask < masks; ++mask)
        maskColumns.append(QStringLiteral("u.m%1").arg(mask));
    SqlBuilder sql;
    sql.sql(QStringLiteral("SELECT %1, count(*) FROM (SELECT t.client_id")
                .arg(maskColumns.join(QStringLiteral(", "))));
    for (int mask = 0; mask < masks; ++mask)
        sql.sql(QStringLiteral(", CAST(sum(DISTINCT t.b%1) AS BIGINT) AS m%1").arg(mask));
    sql.sql(u" FROM (").append(visits).sql(u") t WHERE 1 = 1");
    m_query.filterAppointments(sql, u"t");
    sql.sql(QStringLiteral(" GROUP BY t.client_id) u GROUP BY %1")
                .arg(maskColumns.join(QStringLiteral(", "))));

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::vector<quint64> bits(masks);
    std::vector<bool> active(days.size());
    while (query->next()) {
        for (int mask = 0; mask < masks; ++mask)
            bits[mask] = quint64(MetricQuery::count(query->value(mask)));
        std::fill(active.begin(), active.end(), false);
        for (std::size_t span = 0; span < spans.size(); ++span) {
            if (((bits[span / kSpansPerMask] >> (span % kSpansPerMask)) & 1U) == 0)
                continue;
            for (std::size_t day = 0; day < active.size(); ++day)
                active[day] = active[day] || spans[span].days[day];
        }
        const qint64 clients = MetricQuery::count(query->value(masks));
        for (std::size_t day = 0; day < active.size(); ++day) {
            if (active[day])
                result.active[day] += clients;
        }
        for (int k = 0; k < pairs.size(); ++k) {
            if (active[pairs[k].first] && active[pairs[k].second])
                result.both[k] += clients;
        }
    }
    return result;
}

Result<std::vector<CohortRow>> ClientMetrics::cohorts(QDate firstMonth, QDate lastMonth, QDate asOf,
                                                      std::map<QDate, NewClientCounts>* newClients,
                                                      HistoryTotals* totals) const
{
    const QDate first = Period::monthOf(firstMonth).from;
    const QDate last = Period::monthOf(lastMonth).from;
    std::vector<CohortRow> rows;
    const bool empty = !first.isValid() || !last.isValid() || first > last;
    const QDate end = std::min(Period::monthOf(last).to, asOf).addDays(1);
    if (totals) {
        *totals = {};
        if (empty || end != asOf.addDays(1))
            return fail(Error::validation(QStringLiteral(
                "the history totals need cohorts up to the day they are counted on")));
    }
    if (empty)
        return rows;

    // For each client whose first visit is in range: the start of the next visit (up to
    // asOf), compared with the end of each k-month window. Materialized, so the next visit
    // is looked up once per client and not once per window. With totals, f holds every
    // client's first visit, which the totals' row below counts.
    SqlBuilder sql;
    sql.sql(u"WITH f AS MATERIALIZED (");
    if (totals)
        firstVisitsBefore(sql, end);
    else
        firstVisitsBetween(sql, first, end);
    sql.sql(u"), v AS MATERIALIZED (SELECT ")
        .sql(m_query.monthOf(u"f.first_at"))
        .sql(newClients ? QStringLiteral(" AS month, %1 AS source").arg(referralSourceOf())
                        : QStringLiteral(" AS month, '' AS source"))
        .sql(u", f.first_at, "
             u"(SELECT min(b.starts_at) FROM appointments b WHERE b.client_id = f.client_id "
             u"AND b.starts_at > f.first_at AND b.starts_at < ")
        .bind(SqlTime::toSql(asOf.addDays(1)))
        .sql(u" AND b.status = 'completed'");
    m_query.filterAppointments(sql, u"b");
    sql.sql(newClients ? u") AS next_at FROM f JOIN clients c ON c.id = f.client_id"
                       : u") AS next_at FROM f");
    if (totals)
        sql.sql(u" WHERE f.first_at >= ").bind(SqlTime::toSql(first));
    sql.sql(u") SELECT v.month, v.source, count(*)");
    for (int months : MetricFormulas::kCohortMonths) {
        sql.sql(
            QStringLiteral(", sum(CASE WHEN v.next_at IS NOT NULL AND %1 <= %2 THEN 1 ELSE 0 END)")
                .arg(dateOf(u"v.next_at"), windowEnd(u"v.first_at", months)));
    }
    sql.sql(u" FROM v GROUP BY v.month, v.source");
    if (totals) {
        // One more row, told apart by its empty month: clients with a visit, paid in all,
        // paid by clients without a visit.
        sql.sql(u" UNION ALL SELECT NULL, NULL, ");
        historyTotalsOf(sql, end);
        sql.sql(u", NULL");
    }

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, std::array<qint64, 4>> counted;
    if (newClients)
        newClients->clear();
    while (query->next()) {
        if (totals && query->value(0).isNull()) {
            totals->clientsWithVisit = MetricQuery::count(query->value(2));
            totals->paidCents =
                MetricQuery::count(query->value(3)) - MetricQuery::count(query->value(4));
            continue;
        }
        const QDate month = MetricQuery::monthStart(query->value(0));
        auto& counts = counted[month];
        for (int i = 0; i < 4; ++i)
            counts[i] += MetricQuery::count(query->value(i + 2));
        if (newClients)
            addNewClients((*newClients)[month], query->value(1).toString(),
                          MetricQuery::count(query->value(2)));
    }
    for (QDate month = first; month <= last; month = month.addMonths(1)) {
        const auto found = counted.find(month);
        const std::array<qint64, 4> counts =
            found == counted.end() ? std::array<qint64, 4>{} : found->second;
        rows.push_back(MetricFormulas::cohortFromCounts(month, counts[0], counts[1], counts[2],
                                                        counts[3], asOf));
    }
    return rows;
}

} // namespace aftercare
