#pragma once

#include <QString>
#include <QVariantList>

#include <vector>

namespace aftercare::bench {

// The statements an engine ran (Database::setStatementObserver), written out for the
// database's own shell, with their bound values as literals: the same queries on the same
// data without Qt, the driver or the engine around them.
class StatementScript
{
public:
    enum class Shell
    {
        Sqlite3,
        Psql,
    };

    void record(const QString& sql, const QVariantList& values);
    int size() const { return int(m_statements.size()); }
    // Statements separated by ";\n", each with its '?' placeholders replaced by literals.
    QString text(Shell shell) const;

private:
    static QString literal(const QVariant& value, Shell shell);
    std::vector<std::pair<QString, QVariantList>> m_statements;
};

} // namespace aftercare::bench
