#pragma once

#include "error.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace aftercare {

class Database;
struct DemoNativeStatement;

// Writes many rows into one table with prepared multi-row INSERT statements
// ("VALUES (?, ?), (?, ?), ..."), a batch of rows per execution. Far fewer round trips and
// statement executions than one INSERT per row, on SQLite and PostgreSQL alike. On SQLite
// the values are bound through the library's own API: Qt's positional binding keeps a
// string-keyed map per value, which costs more than the insert itself at millions of rows.
// The caller owns the transaction.
class DemoBatchInsert
{
    Q_DECLARE_TR_FUNCTIONS(DemoBatchInsert)

public:
    // rowsWritten(table, n) is called after each batch with the number of rows it held.
    DemoBatchInsert(Database& database, QString table, QStringList columns, int rowsPerStatement,
                    std::function<void(const QString&, qint64)> rowsWritten = {});
    ~DemoBatchInsert();
    DemoBatchInsert(const DemoBatchInsert&) = delete;
    DemoBatchInsert& operator=(const DemoBatchInsert&) = delete;

    DemoBatchInsert& operator<<(QVariant value)
    {
        m_values.append(std::move(value));
        return *this;
    }
    // Ends the current row; writes a batch when it is full.
    Status endRow();
    // Writes the rows still waiting.
    Status finish();

private:
    QString statement(int rows) const;
    Status flush();
    Status flushSqlite();

    Database& m_database;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    std::function<void(const QString&, qint64)> m_rowsWritten;
    QVariantList m_values;
    int m_pendingRows = 0;
    std::optional<QSqlQuery> m_fullBatch;
    std::unique_ptr<DemoNativeStatement> m_nativeFullBatch;
    QByteArray m_utf8;                                    // the batch's text, for binding on SQLite
    std::vector<std::pair<qsizetype, qsizetype>> m_spans; // each value's text in m_utf8
};

} // namespace aftercare
