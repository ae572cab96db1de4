#include "metrics/metricquery.h"

#include "database/database.h"
#include "metrics/sqlbuilder.h"

namespace aftercare {

MetricQuery::MetricQuery(const Database& database, const MetricFilter& filter)
    : m_database(database)
    , m_filter(filter)
{}

bool MetricQuery::isSqlite() const
{
    return m_database.isSqlite();
}

QString MetricQuery::monthOf(QStringView column) const
{
    if (isSqlite())
        return QStringLiteral("substr(%1, 1, 7)").arg(column);
    return QStringLiteral("to_char(%1, 'YYYY-MM')").arg(column);
}

QDate MetricQuery::monthStart(const QVariant& month)
{
    const QString text = month.toString();
    if (text.size() != 7)
        return {};
    return QDate::fromString(text + QStringLiteral("-01"), Qt::ISODate);
}

qint64 MetricQuery::count(const QVariant& value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

void MetricQuery::filterAppointments(SqlBuilder& sql, QStringView alias) const
{
    // The unary + keeps these columns out of index selection: without statistics SQLite would
    // otherwise walk the practitioner's whole diary for a look-up into one client's history;
    // the wide appointment indexes carry both columns, so they still filter in the index.
    if (m_filter.practitioner.isValid())
        sql.sql(QStringLiteral(" AND +%1.practitioner_id = ").arg(alias))
            .bind(m_filter.practitioner.toVariant());
    if (m_filter.serviceType.isValid())
        sql.sql(QStringLiteral(" AND +%1.service_type_id = ").arg(alias))
            .bind(m_filter.serviceType.toVariant());
    filterClients(sql, QStringLiteral("%1.client_id").arg(alias));
}

void MetricQuery::filterClients(SqlBuilder& sql, QStringView clientColumn) const
{
    if (!m_filter.restrictsClients())
        return;
    // lower() on both sides: SQLite lowers only A–Z, and comparing its result with a value
    // lowered the same way keeps the match exact for every other letter.
    sql.sql(QStringLiteral(" AND %1 IN (SELECT fc.id FROM clients fc "
                           "WHERE lower(trim(fc.referral_source)) = lower(trim(")
                .arg(clientColumn))
        .bind(m_filter.referralSource)
        .sql(u")))");
}

void MetricQuery::filterLinked(SqlBuilder& sql, QStringView appointmentExpression,
                               QStringView clientColumn) const
{
    if (m_filter.restrictsAppointments()) {
        sql.sql(QStringLiteral(" AND EXISTS (SELECT 1 FROM appointments fa WHERE fa.id = %1")
                    .arg(appointmentExpression));
        MetricFilter appointmentsOnly = m_filter;
        appointmentsOnly.referralSource.clear();
        MetricQuery(m_database, appointmentsOnly).filterAppointments(sql, u"fa");
        sql.sql(u")");
    }
    filterClients(sql, clientColumn);
}

Result<QSqlQuery> MetricQuery::run(const SqlBuilder& sql) const
{
    return m_database.run(sql.text(), sql.values());
}

} // namespace aftercare
