#include "metrics/postservicemetrics.h"

#include "database/sqltime.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

#include <QList>
#include <QStringList>

namespace aftercare {

namespace {

QString policyColumn(PostServiceStep step)
{
    switch (step) {
    case PostServiceStep::QualityFollowUp:
        return QStringLiteral("st.step_quality_followup");
    case PostServiceStep::FeedbackRequest:
        return QStringLiteral("st.step_feedback_request");
    case PostServiceStep::ThankYou:
        return QStringLiteral("st.step_thank_you");
    case PostServiceStep::CommunityInvite:
        return QStringLiteral("st.step_community_invite");
    case PostServiceStep::NewsletterInvite:
        return QStringLiteral("st.step_newsletter_invite");
    }
    return {};
}

} // namespace

PostServiceMetrics::PostServiceMetrics(const MetricQuery& query)
    : m_query(query)
{}

Result<std::map<QDate, PostServiceCounts>>
PostServiceMetrics::countByMonth(const Period& range) const
{
    const auto steps = allOf<PostServiceStep>();

    // Per visit w: p<i> = step i in the policy, c_<purpose> = consent held, done = the steps
    // done (the CTE is materialized so each look-up runs once, not once per use). Then
    // a<i> = step i applies, d<i> = it applies and was done.
    QList<ConsentPurpose> purposes;
    for (PostServiceStep step : steps) {
        if (const auto purpose = MetricFormulas::consentNeededFor(step);
            purpose && !purposes.contains(*purpose))
            purposes.append(*purpose);
    }
    SqlBuilder perVisit;
    perVisit.sql(QStringLiteral("WITH w AS MATERIALIZED (SELECT %1 AS month")
                     .arg(m_query.monthOf(u"a.starts_at")));
    for (std::size_t i = 0; i < steps.size(); ++i)
        perVisit.sql(QStringLiteral(", CASE WHEN %1 THEN 1 ELSE 0 END AS p%2")
                         .arg(policyColumn(steps[i]))
                         .arg(i));
    for (ConsentPurpose purpose : purposes) {
        // The consent is looked up only for visits whose policy has a step that needs it.
        QStringList policies;
        for (PostServiceStep step : steps) {
            if (MetricFormulas::consentNeededFor(step) == purpose)
                policies.append(policyColumn(step));
        }
        perVisit.sql(QStringLiteral(", CASE WHEN NOT (%1) THEN 0 WHEN %2 THEN 1 ELSE 0 END AS c_%3")
                         .arg(policies.join(QStringLiteral(" OR ")),
                              MetricFormulas::consentHeldSql(purpose), sqlName(purpose)));
    }
    // The steps done for the visit as bits (step i = 2^i): one look-up instead of five.
    perVisit.sql(u", (SELECT coalesce(sum(CASE s.step");
    for (std::size_t i = 0; i < steps.size(); ++i)
        perVisit.sql(QStringLiteral(" WHEN '%1' THEN %2").arg(sqlName(steps[i])).arg(1 << i));
    perVisit.sql(
        u" ELSE 0 END), 0) FROM post_service_steps s WHERE s.appointment_id = a.id) AS done");
    perVisit
        .sql(u" FROM appointments a JOIN service_types st ON st.id = a.service_type_id "
             u"WHERE a.status = 'completed' AND a.starts_at >= ")
        .bind(SqlTime::toSql(range.from))
        .sql(u" AND a.starts_at < ")
        .bind(SqlTime::toSql(range.endExclusive()));
    m_query.filterAppointments(perVisit, u"a");
    perVisit.sql(u"), v AS (SELECT w.month");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto purpose = MetricFormulas::consentNeededFor(steps[i]);
        const QString applies = purpose
                                    ? QStringLiteral("w.p%1 * w.c_%2").arg(i).arg(sqlName(*purpose))
                                    : QStringLiteral("w.p%1").arg(i);
        perVisit.sql(QStringLiteral(", %1 AS a%2, %1 * ((w.done / %3) % 2) AS d%2")
                         .arg(applies)
                         .arg(i)
                         .arg(1 << i));
    }
    perVisit.sql(u" FROM w)");

    SqlBuilder sql;
    sql.append(perVisit).sql(u" SELECT v.month, count(*)");
    for (std::size_t i = 0; i < steps.size(); ++i)
        sql.sql(QStringLiteral(", sum(v.a%1), sum(v.d%1)").arg(i));
    sql.sql(u" FROM v GROUP BY v.month");

    auto query = m_query.run(sql);
    if (!query)
        return fail(query.error());
    std::map<QDate, PostServiceCounts> months;
    while (query->next()) {
        PostServiceCounts& counts = months[MetricQuery::monthStart(query->value(0))];
        counts.visits += MetricQuery::count(query->value(1));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            counts.applicable[i] += MetricQuery::count(query->value(2 + 2 * int(i)));
            counts.done[i] += MetricQuery::count(query->value(3 + 2 * int(i)));
        }
    }
    return months;
}

} // namespace aftercare
