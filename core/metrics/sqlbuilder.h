#pragma once

#include <QString>
#include <QStringView>
#include <QVariant>
#include <QVariantList>

namespace aftercare {

// Builds one SQL statement piece by piece, keeping each positional `?` next to the value
// bound to it, so optional filter clauses can be spliced in anywhere without miscounting.
class SqlBuilder
{
public:
    // Appends SQL text written in the program, never text from outside.
    SqlBuilder& sql(QStringView text);
    // Appends a `?` and binds value to it.
    SqlBuilder& bind(const QVariant& value);
    // Appends another builder's text and values.
    SqlBuilder& append(const SqlBuilder& other);

    const QString& text() const { return m_text; }
    const QVariantList& values() const { return m_values; }

private:
    QString m_text;
    QVariantList m_values;
};

} // namespace aftercare
