#include "metrics/postservicemetrics.h"

#include "database/sqltime.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/sqlbuilder.h"

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

// SQL that is true when the client's latest decision for the purpose, taken by the end of
// visit a and not withdrawn by then, is a grant (NULL, i.e. false, without any decision).
QString consentHeld(ConsentPurpose purpose)
{
    return QStringLiteral("(SELECT c.granted FROM consents c WHERE c.client_id = a.client_id "
                          "AND c.purpose = '%1' AND c.recorded_at <= a.ends_at "
                          "AND (c.withdrawn_at IS NULL OR c.withdrawn_at > a.ends_at) "
                          "ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1)")
        .arg(sqlName(purpose));
}

} // namespace

PostServiceMetrics::PostServiceMetrics(const MetricQuery& query)
    : m_query(query)
{}

Result<std::map<QDate, PostServiceCounts>>
PostServiceMetrics::countByMonth(const Period& range) const
{
    const auto steps = allOf<PostServiceStep>();

    // Per visit: a<i> = step i applies, d<i> = step i applies and was done.
    SqlBuilder perVisit;
    perVisit.sql(QStringLiteral("SELECT %1 AS month").arg(m_query.monthOf(u"a.starts_at")));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        QString applies = policyColumn(steps[i]);
        if (const auto purpose = MetricFormulas::consentNeededFor(steps[i]))
            applies += QStringLiteral(" AND ") + consentHeld(*purpose);
        perVisit.sql(
            QStringLiteral(
                ", CASE WHEN %1 THEN 1 ELSE 0 END AS a%2, "
                "CASE WHEN %1 AND EXISTS (SELECT 1 FROM post_service_steps p "
                "WHERE p.appointment_id = a.id AND p.step = '%3') THEN 1 ELSE 0 END AS d%2")
                .arg(applies)
                .arg(i)
                .arg(sqlName(steps[i])));
    }
    perVisit
        .sql(u" FROM appointments a JOIN service_types st ON st.id = a.service_type_id "
             u"WHERE a.status = 'completed' AND a.starts_at >= ")
        .bind(SqlTime::toSql(range.from))
        .sql(u" AND a.starts_at < ")
        .bind(SqlTime::toSql(range.endExclusive()));
    m_query.filterAppointments(perVisit, u"a");

    SqlBuilder sql;
    sql.sql(u"SELECT v.month, count(*)");
    for (std::size_t i = 0; i < steps.size(); ++i)
        sql.sql(QStringLiteral(", sum(v.a%1), sum(v.d%1)").arg(i));
    sql.sql(u" FROM (").append(perVisit).sql(u") v GROUP BY v.month");

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
