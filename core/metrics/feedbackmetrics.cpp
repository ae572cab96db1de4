#include "metrics/feedbackmetrics.h"

#include "database/sqltime.h"
#include "domain/feedbackscore.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

FeedbackMetrics::FeedbackMetrics(const MetricQuery& query)
    : m_query(query)
{}

Result<std::map<QDate, FeedbackCounts>> FeedbackMetrics::countByMonth(const Period& range) const
{
    // Satisfied CSAT answers and NPS promoters, then NPS detractors (FeedbackBands).
    SqlBuilder sql;
    sql.sql(QStringLiteral("SELECT %1 AS month, f.kind, count(*), "
                           "sum(CASE WHEN f.kind = 'csat' AND f.score >= %2 THEN 1 "
                           "         WHEN f.kind = 'nps' AND f.score >= %3 THEN 1 ELSE 0 END), "
                           "sum(CASE WHEN f.kind = 'nps' AND f.score <= %4 THEN 1 ELSE 0 END), "
                           "sum(f.score) "
                           "FROM feedback f WHERE f.kind IN ('csat', 'nps') AND f.responded_at >= ")
                .arg(m_query.monthOf(u"f.responded_at"))
                .arg(FeedbackBands::kCsatSatisfiedFrom)
                .arg(FeedbackBands::kNpsPromoterFrom)
                .arg(FeedbackBands::kNpsDetractorUpTo))
        .bind(SqlTime::toSql(range.from))
        .sql(u" AND f.responded_at < ")
        .bind(SqlTime::toSql(range.endExclusive()));
    m_query.filterLinked(sql, u"f.appointment_id", u"f.client_id");
    sql.sql(u" GROUP BY 1, 2");

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, FeedbackCounts> months;
    while (query->next()) {
        FeedbackCounts& counts = months[MetricQuery::monthStart(query->value(0))];
        const qint64 answers = MetricQuery::count(query->value(2));
        const qint64 high = MetricQuery::count(query->value(3));
        const qint64 low = MetricQuery::count(query->value(4));
        if (query->value(1).toString() == QLatin1String("csat")) {
            counts.csatResponses += answers;
            counts.csatSatisfied += high;
            counts.csatScoreSum += MetricQuery::count(query->value(5));
        } else {
            counts.npsPromoters += high;
            counts.npsDetractors += low;
            counts.npsPassives += answers - high - low;
        }
    }
    return months;
}

} // namespace aftercare
