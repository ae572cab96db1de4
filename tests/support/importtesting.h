#pragma once

// What the CSV import tests share: importing a CSV held in memory, reading single values, and
// a checksum of whole tables to show that a re-import or a refused file changed nothing.

#include "auth/actor.h"
#include "database/database.h"
#include "importing/csvimporter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTimeZone>

namespace aftercare::test {

// A fixed practice zone (UTC+01:00), so that offsets convert the same on every machine.
inline ImportOptions importOptions(bool dryRun = false)
{
    ImportOptions o;
    o.dryRun = dryRun;
    o.practiceZone = QTimeZone(3600);
    return o;
}

inline Result<ImportSummary> importCsv(Database& db, ImportKind kind, const QByteArray& csv,
                                       const ImportOptions& options = importOptions())
{
    QBuffer buffer;
    buffer.setData(csv);
    return CsvImporter(db, Actor::system()).import(kind, buffer, options);
}

inline qint64 count(Database& db, const QString& sql, const QVariantList& values = {})
{
    auto value = db.scalar(sql, values);
    return value ? value->toLongLong() : -1;
}

inline QString text(Database& db, const QString& sql, const QVariantList& values = {})
{
    auto value = db.scalar(sql, values);
    return value ? value->toString() : QStringLiteral("<error>");
}

// Every row of a query as "a|b|NULL|…", in the query's order.
inline QStringList rows(Database& db, const QString& sql)
{
    QStringList result;
    auto query = db.run(sql);
    if (!query)
        return {QStringLiteral("<error> ") + query.error().describe()};
    while (query->next()) {
        QStringList fields;
        for (int i = 0; i < query->record().count(); ++i) {
            const QVariant v = query->value(i);
            fields.append(v.isNull() ? QStringLiteral("NULL") : v.toString());
        }
        result.append(fields.join(QLatin1Char('|')));
    }
    return result;
}

// Every value of every row of the tables: equal checksums mean nothing changed.
inline QByteArray checksum(Database& db, const QStringList& tables)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& table : tables)
        for (const QString& row :
             rows(db, QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table)))
            hash.addData((row + QLatin1Char('\n')).toUtf8());
    return hash.result().toHex();
}

// An import's outcome in words, for a failing QVERIFY2.
inline QString describe(const Result<ImportSummary>& result)
{
    if (!result)
        return result.error().describe();
    QStringList lines{QStringLiteral("rows %1 created %2 updated %3 unchanged %4")
                          .arg(result->rows)
                          .arg(result->created)
                          .arg(result->updated)
                          .arg(result->unchanged)};
    for (const RejectedRow& row : result->rejected)
        lines.append(QStringLiteral("line %1: %2").arg(row.line).arg(row.reason));
    return lines.join(QLatin1Char('\n'));
}

} // namespace aftercare::test
