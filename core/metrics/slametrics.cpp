#include "metrics/slametrics.h"

#include "database/sqltime.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

SlaMetrics::SlaMetrics(const MetricQuery& query)
    : m_query(query)
{}

Result<std::map<QDate, SlaCounts>> SlaMetrics::countByMonth(const Period& range,
                                                            const QDateTime& now) const
{
    SqlBuilder sql;
    sql.sql(QStringLiteral(
                "SELECT %1 AS month, t.kind, count(*), "
                "sum(CASE WHEN t.status = 'done' AND t.done_at <= t.deadline_at THEN 1 ELSE 0 END) "
                "FROM followup_tasks t WHERE t.deadline_at >= ")
                .arg(m_query.monthOf(u"t.deadline_at")))
        .bind(SqlTime::toSql(range.from))
        .sql(u" AND t.deadline_at < ")
        .bind(SqlTime::toSql(range.endExclusive()))
        .sql(u" AND (t.status = 'done' OR (t.status = 'open' AND t.deadline_at < ")
        .bind(SqlTime::toSql(now))
        .sql(u"))");
    // A task belongs to the appointment it names, or to the one behind its feedback or result.
    m_query.filterLinked(
        sql,
        u"coalesce(t.appointment_id, "
        u"(SELECT lf.appointment_id FROM feedback lf WHERE lf.id = t.feedback_id), "
        u"(SELECT lr.appointment_id FROM test_results lr WHERE lr.id = t.result_id))",
        u"t.client_id");
    sql.sql(u" GROUP BY 1, 2");

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, SlaCounts> months;
    while (query->next()) {
        const auto kind = parseSqlName<TaskKind>(query->value(1).toString());
        if (!kind)
            continue; // the schema's CHECK keeps unknown kinds out
        SlaCounts::Figures& figures =
            months[MetricQuery::monthStart(query->value(0))].byKind[*kind];
        figures.due += MetricQuery::count(query->value(2));
        figures.met += MetricQuery::count(query->value(3));
    }
    return months;
}

} // namespace aftercare
