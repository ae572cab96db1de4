#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace aftercare {

// Times are stored as the practice's local wall-clock time without a zone: text
// 'YYYY-MM-DD HH:MM:SS' on SQLite, timestamp(0) on PostgreSQL. Binding them as text works
// on both; reading accepts either representation.
namespace SqlTime {

QVariant toSql(const QDateTime& time); // null QDateTime -> NULL
QVariant toSql(const QDate& date);     // null QDate -> NULL
QDateTime toDateTime(const QVariant& value);
QDate toDate(const QVariant& value);

} // namespace SqlTime

} // namespace aftercare
