#pragma once

#include <QString>
#include <QVariant>

namespace aftercare::SqlValue {

// Qt binds a null QString as SQL NULL, so a default-constructed QString would break a
// NOT NULL text column: such columns get an empty string instead.
inline QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// Optional text columns: blank means "not given" and is stored as NULL.
inline QVariant textOrNull(const QString& value)
{
    const QString trimmed = value.trimmed();
    return trimmed.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(trimmed);
}

} // namespace aftercare::SqlValue
