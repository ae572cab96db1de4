#include "statementscript.h"

#include <QDate>
#include <QDateTime>
#include <QMetaType>

namespace aftercare::bench {

void StatementScript::record(const QString& sql, const QVariantList& values)
{
    m_statements.emplace_back(sql, values);
}

QString StatementScript::literal(const QVariant& value, Shell shell)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Bool:
        // What each driver binds: SQLite stores 1/0, PostgreSQL takes a boolean.
        if (shell == Shell::Sqlite3)
            return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return value.toString();
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QDate:
        return QLatin1Char('\'') + value.toDate().toString(Qt::ISODate) + QLatin1Char('\'');
    case QMetaType::QDateTime:
        return QLatin1Char('\'') +
               value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
               QLatin1Char('\'');
    default:
        break;
    }
    QString text = value.toString();
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString StatementScript::text(Shell shell) const
{
    QString script;
    for (const auto& [sql, values] : m_statements) {
        // Replace '?' outside quoted text and comments, in order.
        QString statement;
        qsizetype next = 0;
        QChar quote;
        bool lineComment = false;
        for (qsizetype i = 0; i < sql.size(); ++i) {
            const QChar c = sql.at(i);
            if (lineComment) {
                lineComment = c != QLatin1Char('\n');
                statement += c;
            } else if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                statement += c;
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
                statement += c;
            } else if (c == QLatin1Char('-') && i + 1 < sql.size() &&
                       sql.at(i + 1) == QLatin1Char('-')) {
                lineComment = true;
                statement += c;
            } else if (c == QLatin1Char('?') && next < values.size()) {
                statement += literal(values.at(next++), shell);
            } else {
                statement += c;
            }
        }
        script += statement.trimmed();
        script += QStringLiteral(";\n");
    }
    return script;
}

} // namespace aftercare::bench
