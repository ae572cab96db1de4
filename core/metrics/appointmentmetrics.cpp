#include "metrics/appointmentmetrics.h"

#include "database/sqltime.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

AppointmentMetrics::AppointmentMetrics(const MetricQuery& query)
    : m_query(query)
{}

Result<std::map<QDate, AppointmentCounts>>
AppointmentMetrics::countByMonth(const Period& range) const
{
    // A visit is rebooked when the same client has an appointment starting later, not
    // cancelled (a later no-show was still booked), made no later than 7 × 24 h after the
    // visit ended.
    const QString rebookingDeadline =
        m_query.isSqlite() ? QStringLiteral("datetime(a.ends_at, '+%1 hours')").arg(kRebookingHours)
                           : QStringLiteral("a.ends_at + interval '%1 hours'").arg(kRebookingHours);

    SqlBuilder rebooked;
    rebooked.sql(QStringLiteral("(SELECT 1 FROM appointments b WHERE b.client_id = a.client_id "
                                "AND b.starts_at > a.starts_at AND b.status <> 'cancelled' "
                                "AND b.created_at <= %1")
                     .arg(rebookingDeadline));
    m_query.filterAppointments(rebooked, u"b");
    // A scalar sub-select (one look-up per visit) rather than EXISTS, which PostgreSQL may
    // turn into a hash over every appointment.
    rebooked.sql(u" LIMIT 1) IS NOT NULL");

    SqlBuilder sql;
    sql.sql(QStringLiteral("SELECT %1 AS month, "
                           "sum(CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END), "
                           "sum(CASE WHEN a.status = 'no_show' THEN 1 ELSE 0 END), "
                           "sum(CASE WHEN a.status = 'completed' AND ")
                .arg(m_query.monthOf(u"a.starts_at")))
        .append(rebooked)
        .sql(u" THEN 1 ELSE 0 END) "
             u"FROM appointments a WHERE a.status IN ('completed', 'no_show') AND a.starts_at >= ")
        .bind(SqlTime::toSql(range.from))
        .sql(u" AND a.starts_at < ")
        .bind(SqlTime::toSql(range.endExclusive()));
    m_query.filterAppointments(sql, u"a");
    sql.sql(u" GROUP BY 1");

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, AppointmentCounts> months;
    while (query->next()) {
        AppointmentCounts& counts = months[MetricQuery::monthStart(query->value(0))];
        counts.completed += MetricQuery::count(query->value(1));
        counts.noShows += MetricQuery::count(query->value(2));
        counts.rebooked += MetricQuery::count(query->value(3));
    }
    return months;
}

} // namespace aftercare
