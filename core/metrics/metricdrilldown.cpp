#include "metrics/metricdrilldown.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/feedbackscore.h"
#include "metrics/appointmentmetrics.h"
#include "metrics/clientmetrics.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/metricsengine.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

namespace {

// Every subject selects the same columns: id, client id, first and last name, when, score,
// practitioner, service, category, met.
constexpr int kMaxPage = 1000;

const QString kNpsBand = QStringLiteral("CASE WHEN f.score >= %1 THEN 'promoter' "
                                        "WHEN f.score > %2 THEN 'passive' ELSE 'detractor' END")
                             .arg(FeedbackBands::kNpsPromoterFrom)
                             .arg(FeedbackBands::kNpsDetractorUpTo);

QString bandCondition(NpsBand band)
{
    switch (band) {
    case NpsBand::Promoter:
        return QStringLiteral(" AND f.score >= %1").arg(FeedbackBands::kNpsPromoterFrom);
    case NpsBand::Passive:
        return QStringLiteral(" AND f.score > %1 AND f.score < %2")
            .arg(FeedbackBands::kNpsDetractorUpTo)
            .arg(FeedbackBands::kNpsPromoterFrom);
    case NpsBand::Detractor:
        return QStringLiteral(" AND f.score <= %1").arg(FeedbackBands::kNpsDetractorUpTo);
    }
    return {};
}

// The appointment a follow-up task belongs to, as SlaMetrics links it.
const QString kTaskAppointment =
    QStringLiteral("coalesce(t.appointment_id, "
                   "(SELECT lf.appointment_id FROM feedback lf WHERE lf.id = t.feedback_id), "
                   "(SELECT lr.appointment_id FROM test_results lr WHERE lr.id = t.result_id))");

void inPeriod(SqlBuilder& sql, QStringView column, const Period& period)
{
    sql.sql(QStringLiteral(" AND %1 >= ").arg(column))
        .bind(SqlTime::toSql(period.from))
        .sql(QStringLiteral(" AND %1 < ").arg(column))
        .bind(SqlTime::toSql(period.endExclusive()));
}

// ORDER BY for the selected columns (1 id, 5 when, 6 score, 9 category, 10 met) and the
// tables every subject joins under the same names (c clients, p practitioners, st services).
// Empty values sort last either way, on SQLite as on PostgreSQL.
QString orderBy(DrilldownOrder order, bool descending)
{
    const QString direction =
        descending ? QStringLiteral(" DESC NULLS LAST") : QStringLiteral(" ASC NULLS LAST");
    QStringList terms;
    switch (order) {
    case DrilldownOrder::When:
        break;
    case DrilldownOrder::Client:
        terms << QStringLiteral("lower(c.last_name)") << QStringLiteral("lower(c.first_name)");
        break;
    case DrilldownOrder::Score:
        terms << QStringLiteral("6");
        break;
    case DrilldownOrder::Practitioner:
        terms << QStringLiteral("lower(p.name)");
        break;
    case DrilldownOrder::Service:
        terms << QStringLiteral("lower(st.name)");
        break;
    case DrilldownOrder::Detail:
        terms << QStringLiteral("9") << QStringLiteral("10");
        break;
    }
    terms << QStringLiteral("5");
    for (QString& term : terms)
        term += direction;
    terms << QStringLiteral("1") + direction;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

} // namespace

MetricDrilldown::MetricDrilldown(const Database& database, const Actor& actor)
    : m_database(database)
    , m_actor(actor)
{}

Result<SqlBuilder> MetricDrilldown::select(const DrilldownQuery& q) const
{
    if (auto allowed = Permissions::require(m_actor, Permission::ViewReports); !allowed)
        return fail(allowed.error());
    if (!q.period.isValid())
        return fail(Error::validation(
            tr("The report period is not valid: its first day must not be after its last.")));

    const MetricQuery query(m_database, q.filter);
    SqlBuilder sql;
    switch (q.subject) {
    case DrilldownSubject::CsatResponses:
    case DrilldownSubject::NpsResponses: {
        const bool nps = q.subject == DrilldownSubject::NpsResponses;
        sql.sql(QStringLiteral("SELECT f.id, c.id, c.first_name, c.last_name, f.responded_at, "
                               "f.score, p.name, st.name, %1, NULL "
                               "FROM feedback f JOIN clients c ON c.id = f.client_id "
                               "LEFT JOIN appointments ap ON ap.id = f.appointment_id "
                               "LEFT JOIN practitioners p ON p.id = ap.practitioner_id "
                               "LEFT JOIN service_types st ON st.id = ap.service_type_id "
                               "WHERE f.kind = '%2'")
                    .arg(nps ? kNpsBand : QStringLiteral("''"),
                         nps ? QStringLiteral("nps") : QStringLiteral("csat")));
        inPeriod(sql, u"f.responded_at", q.period);
        if (nps && q.npsBand)
            sql.sql(bandCondition(*q.npsBand));
        query.filterLinked(sql, u"f.appointment_id", u"f.client_id");
        break;
    }
    case DrilldownSubject::Visits:
    case DrilldownSubject::RebookedVisits:
    case DrilldownSubject::NoShows:
    case DrilldownSubject::NewClients: {
        const bool newClients = q.subject == DrilldownSubject::NewClients;
        sql.sql(QStringLiteral("SELECT a.id, c.id, c.first_name, c.last_name, a.starts_at, NULL, "
                               "p.name, st.name, %1, NULL "
                               "FROM appointments a JOIN clients c ON c.id = a.client_id "
                               "JOIN practitioners p ON p.id = a.practitioner_id "
                               "JOIN service_types st ON st.id = a.service_type_id "
                               "WHERE a.status = '%2'")
                    .arg(newClients ? ClientMetrics::referralSourceOf() : QStringLiteral("''"),
                         q.subject == DrilldownSubject::NoShows ? QStringLiteral("no_show")
                                                                : QStringLiteral("completed")));
        inPeriod(sql, u"a.starts_at", q.period);
        query.filterAppointments(sql, u"a");
        if (q.subject == DrilldownSubject::RebookedVisits) {
            // The rule of AppointmentMetrics: a later appointment, not cancelled, booked no
            // later than 7 × 24 h after the visit ended.
            sql.sql(QStringLiteral(" AND EXISTS (SELECT 1 FROM appointments b "
                                   "WHERE b.client_id = a.client_id AND b.starts_at > a.starts_at "
                                   "AND b.status <> 'cancelled' AND b.created_at <= %1")
                        .arg(m_database.isSqlite()
                                 ? QStringLiteral("datetime(a.ends_at, '+%1 hours')")
                                       .arg(AppointmentMetrics::kRebookingHours)
                                 : QStringLiteral("a.ends_at + interval '%1 hours'")
                                       .arg(AppointmentMetrics::kRebookingHours)));
            query.filterAppointments(sql, u"b");
            sql.sql(u")");
        }
        if (newClients) {
            ClientMetrics(query, MetricsEngine::kDefaultLapseWindowDays).requireFirstVisit(sql);
            if (!q.referralSource.isEmpty())
                sql.sql(QStringLiteral(" AND %1 = ").arg(ClientMetrics::referralSourceOf()))
                    .bind(q.referralSource);
        }
        break;
    }
    case DrilldownSubject::LapsedClients: {
        auto lapse = MetricsEngine(m_database).lapseWindowDays();
        if (!lapse)
            return fail(lapse.error());
        const QDate startDay = q.period.from.addDays(-1);
        const QDate startWindow = MetricFormulas::activeWindowStart(startDay, *lapse);
        const QDate endWindow = MetricFormulas::activeWindowStart(q.period.to, *lapse);
        // a is the client's last visit up to the period's end: the client was active on the
        // day before the period (a visit in its window) and no longer on the last day (that
        // last visit is older than the last day's window).
        sql.sql(u"SELECT a.id, c.id, c.first_name, c.last_name, a.starts_at, NULL, p.name, "
                u"st.name, '', NULL "
                u"FROM appointments a JOIN clients c ON c.id = a.client_id "
                u"JOIN practitioners p ON p.id = a.practitioner_id "
                u"JOIN service_types st ON st.id = a.service_type_id "
                u"WHERE a.status = 'completed' AND a.starts_at >= ")
            .bind(SqlTime::toSql(startWindow))
            .sql(u" AND a.starts_at < ")
            .bind(SqlTime::toSql(endWindow));
        query.filterAppointments(sql, u"a");
        sql.sql(u" AND a.id = (SELECT l.id FROM appointments l WHERE l.client_id = a.client_id "
                u"AND l.status = 'completed' AND l.starts_at < ")
            .bind(SqlTime::toSql(q.period.endExclusive()));
        query.filterAppointments(sql, u"l");
        sql.sql(u" ORDER BY l.starts_at DESC, l.id DESC LIMIT 1)"
                u" AND EXISTS (SELECT 1 FROM appointments s WHERE s.client_id = a.client_id "
                u"AND s.status = 'completed' AND s.starts_at >= ")
            .bind(SqlTime::toSql(startWindow))
            .sql(u" AND s.starts_at < ")
            .bind(SqlTime::toSql(q.period.from));
        query.filterAppointments(sql, u"s");
        sql.sql(u")");
        break;
    }
    case DrilldownSubject::SlaTasks: {
        sql.sql(QStringLiteral(
                    "SELECT t.id, c.id, c.first_name, c.last_name, t.deadline_at, NULL, p.name, "
                    "st.name, t.kind, CASE WHEN t.status = 'done' AND t.done_at <= t.deadline_at "
                    "THEN 1 ELSE 0 END "
                    "FROM followup_tasks t JOIN clients c ON c.id = t.client_id "
                    "LEFT JOIN appointments ap ON ap.id = %1 "
                    "LEFT JOIN practitioners p ON p.id = ap.practitioner_id "
                    "LEFT JOIN service_types st ON st.id = ap.service_type_id WHERE 1 = 1")
                    .arg(kTaskAppointment));
        inPeriod(sql, u"t.deadline_at", q.period);
        sql.sql(u" AND (t.status = 'done' OR (t.status = 'open' AND t.deadline_at < ")
            .bind(SqlTime::toSql(q.now))
            .sql(u"))");
        if (q.taskKind)
            sql.sql(u" AND t.kind = ").bind(sqlName(*q.taskKind));
        query.filterLinked(sql, kTaskAppointment, u"t.client_id");
        break;
    }
    }
    return sql;
}

Result<qint64> MetricDrilldown::count(const DrilldownQuery& query) const
{
    auto select = this->select(query);
    if (!select)
        return fail(select.error());
    SqlBuilder sql;
    sql.sql(u"SELECT count(*) FROM (").append(*select).sql(u") x");
    auto value = m_database.scalar(sql.text(), sql.values());
    if (!value)
        return fail(value.error());
    return MetricQuery::count(*value);
}

Result<std::vector<DrilldownRow>> MetricDrilldown::rows(const DrilldownQuery& query, qint64 offset,
                                                        int limit) const
{
    auto select = this->select(query);
    if (!select)
        return fail(select.error());
    SqlBuilder sql;
    sql.append(*select)
        .sql(orderBy(query.order, query.descending))
        .sql(u" LIMIT ")
        .bind(std::clamp(limit, 0, kMaxPage))
        .sql(u" OFFSET ")
        .bind(qlonglong(std::max<qint64>(offset, 0)));
    auto result = m_database.run(sql.text(), sql.values());
    if (!result)
        return fail(result.error());
    std::vector<DrilldownRow> rows;
    while (result->next()) {
        DrilldownRow row;
        row.id = result->value(0).toLongLong();
        row.client = ClientId(result->value(1).toLongLong());
        row.clientName = tr("%1, %2", "last name, first name")
                             .arg(result->value(3).toString(), result->value(2).toString());
        row.when = SqlTime::toDateTime(result->value(4));
        if (!result->value(5).isNull())
            row.score = result->value(5).toInt();
        row.practitioner = result->value(6).toString();
        row.service = result->value(7).toString();
        row.category = result->value(8).toString();
        if (!result->value(9).isNull())
            row.met = result->value(9).toInt() != 0;
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace aftercare
