#pragma once

#include "demo/demobatch.h"
#include "demo/demotimetext.h"
#include "error.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace aftercare {

class Database;
struct DemoNativeStatement;

// Executes demo batches as prepared multi-row INSERT statements ("VALUES (?, ?), (?, ?),
// ..."): far fewer statement runs and round trips than one INSERT per row, on SQLite and
// PostgreSQL alike. A statement is prepared once per table and batch size. On SQLite the
// values are bound through the library's own API from one UTF-8 buffer per batch: Qt's
// positional binding keeps a string-keyed map per value, which costs more than the insert
// itself at millions of rows. The caller owns the transaction.
class DemoBatchExecutor
{
    Q_DECLARE_TR_FUNCTIONS(DemoBatchExecutor)

public:
    // Times are written for days in [firstDay, lastDay] from a cache (others work too).
    DemoBatchExecutor(Database& database, qint64 firstDay, qint64 lastDay);
    ~DemoBatchExecutor();
    DemoBatchExecutor(const DemoBatchExecutor&) = delete;
    DemoBatchExecutor& operator=(const DemoBatchExecutor&) = delete;

    Status execute(const DemoBatch& batch);

private:
    static QString statement(const DemoBatch& batch);
    Status executeSqlite(const DemoBatch& batch);
    Status executeQt(const DemoBatch& batch);
    QVariant variant(const DemoValue& value);

    Database& m_database;
    DemoTimeText m_text;
    std::map<std::pair<QString, int>, std::unique_ptr<DemoNativeStatement>> m_native;
    std::map<std::pair<QString, int>, QSqlQuery> m_queries;
    QByteArray m_utf8;                                    // the batch's text, for SQLite
    std::vector<std::pair<qsizetype, qsizetype>> m_spans; // each value's text in m_utf8
};

} // namespace aftercare
