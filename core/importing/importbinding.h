#pragma once

#include "database/sqltime.h"
#include "domain/ids.h"
#include "importing/importvalues.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace aftercare {

// Values bound to the import's statements. A missing value binds a typed NULL, which the
// statements read as "keep what is stored" (coalesce(?, column)).
namespace ImportBinding {

inline QVariant text(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// For NOT NULL text columns: an empty value is '' (a null QString would bind NULL).
inline QVariant requiredText(const QString& value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

inline QVariant time(const QDateTime& value)
{
    return value.isValid() ? QVariant(ImportValues::sqlText(value))
                           : QVariant(QMetaType::fromType<QString>());
}

inline QVariant time(const std::optional<QDateTime>& value)
{
    return value ? time(*value) : QVariant(QMetaType::fromType<QString>());
}

inline QVariant date(const std::optional<QDate>& value)
{
    return value ? SqlTime::toSql(*value) : QVariant(QMetaType::fromType<QString>());
}

inline QVariant integer(const std::optional<qint64>& value)
{
    return value ? QVariant(qlonglong(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

template <typename Tag> QVariant id(Id<Tag> value)
{
    return value.isValid() ? QVariant(qlonglong(value.value()))
                           : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace ImportBinding

} // namespace aftercare
