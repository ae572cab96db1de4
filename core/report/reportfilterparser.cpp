#include "report/reportfilterparser.h"

#include "database/database.h"
#include "metrics/metricquery.h"

namespace aftercare {

ReportFilterParser::ReportFilterParser(const Database& database)
    : m_database(database)
{}

Result<qint64> ReportFilterParser::idOf(const QString& table, const QString& text) const
{
    const QString wanted = text.trimmed();
    bool isNumber = false;
    const qlonglong number = wanted.toLongLong(&isNumber);
    if (isNumber) {
        // table is one of two names written below, never outside text.
        auto byId = m_database.scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ?").arg(table),
                                      {number});
        if (!byId)
            return fail(byId.error());
        if (!byId->isNull())
            return MetricQuery::count(*byId);
    }
    // The lower() of both sides: SQLite folds A–Z only, the same way on both sides.
    auto query = m_database.run(
        QStringLiteral("SELECT id FROM %1 WHERE lower(trim(name)) = lower(?) ORDER BY id")
            .arg(table),
        {wanted});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(Error::notFound(
            table == QLatin1String("practitioners")
                ? tr("There is no practitioner named or numbered \"%1\".").arg(wanted)
                : tr("There is no service type named or numbered \"%1\".").arg(wanted)));
    }
    return query->value(0).toLongLong();
}

Result<MetricFilter> ReportFilterParser::parse(const QString& practitioner,
                                               const QString& serviceType,
                                               const QString& referralSource) const
{
    MetricFilter filter;
    if (!practitioner.trimmed().isEmpty()) {
        auto id = idOf(QStringLiteral("practitioners"), practitioner);
        if (!id)
            return fail(id.error());
        filter.practitioner = PractitionerId(*id);
    }
    if (!serviceType.trimmed().isEmpty()) {
        auto id = idOf(QStringLiteral("service_types"), serviceType);
        if (!id)
            return fail(id.error());
        filter.serviceType = ServiceTypeId(*id);
    }
    if (!referralSource.trimmed().isEmpty()) {
        auto known = m_database.scalar(
            QStringLiteral("SELECT 1 FROM clients WHERE lower(trim(referral_source)) = "
                           "lower(trim(?)) LIMIT 1"),
            {referralSource});
        if (!known)
            return fail(known.error());
        if (known->isNull())
            return fail(Error::notFound(
                tr("No client has the referral source \"%1\".").arg(referralSource.trimmed())));
        filter.referralSource = referralSource.trimmed();
    }
    return filter;
}

Result<QStringList> ReportFilterParser::referralSources() const
{
    auto query = m_database.run(QStringLiteral(
        "SELECT min(trim(referral_source)) FROM clients WHERE referral_source IS NOT NULL "
        "AND trim(referral_source) <> '' GROUP BY lower(trim(referral_source)) ORDER BY 1"));
    if (!query)
        return fail(query.error());
    QStringList sources;
    while (query->next())
        sources << query->value(0).toString();
    return sources;
}

} // namespace aftercare
