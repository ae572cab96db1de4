#pragma once

#include "error.h"
#include "metrics/metricfilter.h"

#include <QDate>
#include <QSqlQuery>
#include <QString>
#include <QStringView>

namespace aftercare {

class Database;
class SqlBuilder;

// What every metric query shares: the connection, the dialect's spelling of date
// arithmetic, and the filter clauses (MetricFilter says what each filter restricts).
class MetricQuery
{
public:
    MetricQuery(const Database& database, const MetricFilter& filter);

    const Database& database() const { return m_database; }
    const MetricFilter& filter() const { return m_filter; }
    bool isSqlite() const;

    // SQL giving the 'YYYY-MM' month of a timestamp column.
    QString monthOf(QStringView column) const;
    // The first day of a 'YYYY-MM' month read back from monthOf(); invalid for anything else.
    static QDate monthStart(const QVariant& month);
    // A count or sum read back from the database (0 for NULL; PostgreSQL's bigint arrives
    // as qulonglong).
    static qint64 count(const QVariant& value);

    // " AND ..." restricting the appointments aliased `alias` to the filter.
    void filterAppointments(SqlBuilder& sql, QStringView alias) const;
    // " AND ..." restricting a row that belongs to clientColumn's client to the filter.
    void filterClients(SqlBuilder& sql, QStringView clientColumn) const;
    // " AND ..." for rows linked to an appointment (feedback, invoices, tasks):
    // appointmentExpression must name a filtered appointment under a practitioner or service
    // filter, and clientColumn's client must match a referral-source filter.
    void filterLinked(SqlBuilder& sql, QStringView appointmentExpression,
                      QStringView clientColumn) const;

    Result<QSqlQuery> run(const SqlBuilder& sql) const;

private:
    const Database& m_database;
    MetricFilter m_filter;
};

} // namespace aftercare
