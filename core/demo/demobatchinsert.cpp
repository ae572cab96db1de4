#include "demo/demobatchinsert.h"

#include "database/database.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace aftercare {

// A statement prepared directly on the SQLite connection underneath Qt's.
struct DemoNativeStatement
{
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;

    ~DemoNativeStatement() { sqlite3_finalize(statement); }
};

namespace {

sqlite3* nativeHandle(Database& database)
{
    const QVariant handle = database.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.data());
}

// Binds one value; text is bound from `utf8`, which outlives the statement's execution.
int bind(sqlite3_stmt* statement, int position, const QVariant& value, const char* utf8, int size)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, position);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, position, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, position, value.toDouble());
    default:
        return sqlite3_bind_text(statement, position, utf8, size, SQLITE_STATIC);
    }
}

bool isText(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return false;
    default:
        return !value.isNull();
    }
}

} // namespace

DemoBatchInsert::DemoBatchInsert(Database& database, QString table, QStringList columns,
                                 int rowsPerStatement,
                                 std::function<void(const QString&, qint64)> rowsWritten)
    : m_database(database)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_rowsPerStatement(std::max(1, rowsPerStatement))
    , m_rowsWritten(std::move(rowsWritten))
{
    m_values.reserve(m_columns.size() * m_rowsPerStatement);
}

DemoBatchInsert::~DemoBatchInsert() = default;

QString DemoBatchInsert::statement(int rows) const
{
    // Table and column names are fixed words of the generator, never outside text; the
    // values are all bound.
    QString row = QStringLiteral("(?");
    for (qsizetype i = 1; i < m_columns.size(); ++i)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ")
                      .arg(m_table, m_columns.join(QStringLiteral(", ")));
    sql.reserve(sql.size() + rows * (row.size() + 2));
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += row;
    }
    return sql;
}

Status DemoBatchInsert::endRow()
{
    ++m_pendingRows;
    if (m_values.size() != qsizetype(m_pendingRows) * m_columns.size())
        return fail(Error{ErrorKind::Database, tr("The demo practice could not be written."),
                          QStringLiteral("%1: row %2 has the wrong number of values")
                              .arg(m_table)
                              .arg(m_pendingRows)});
    if (m_pendingRows == m_rowsPerStatement)
        return flush();
    return {};
}

Status DemoBatchInsert::finish()
{
    return m_pendingRows > 0 ? flush() : Status();
}

Status DemoBatchInsert::flushSqlite()
{
    std::unique_ptr<DemoNativeStatement> tail;
    DemoNativeStatement* native =
        m_pendingRows == m_rowsPerStatement ? m_nativeFullBatch.get() : nullptr;
    if (!native) {
        auto prepared = std::make_unique<DemoNativeStatement>();
        prepared->db = nativeHandle(m_database);
        if (!prepared->db)
            return fail(
                Error{ErrorKind::Database, tr("The SQLite connection has no native handle.")});
        const QByteArray sql = statement(m_pendingRows).toUtf8();
        if (sqlite3_prepare_v2(prepared->db, sql.constData(), int(sql.size()), &prepared->statement,
                               nullptr) != SQLITE_OK)
            return fail(m_database.errorFrom(
                QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(prepared->db)),
                          QSqlError::StatementError,
                          QString::number(sqlite3_errcode(prepared->db))),
                tr("The database could not prepare a statement.")));
        native = prepared.get();
        if (m_pendingRows == m_rowsPerStatement)
            m_nativeFullBatch = std::move(prepared);
        else
            tail = std::move(prepared);
    }
    // All text of the batch goes into one UTF-8 buffer first (the database's own encoding, so
    // SQLite neither copies nor converts it when binding), then is bound by pointer.
    m_utf8.clear();
    m_spans.assign(std::size_t(m_values.size()), {0, 0});
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const QVariant& value = m_values.at(i);
        if (!isText(value))
            continue;
        const qsizetype begin = m_utf8.size();
        if (value.typeId() == QMetaType::QString)
            m_utf8 += static_cast<const QString*>(value.constData())->toUtf8();
        else
            m_utf8 += value.toString().toUtf8();
        m_spans[std::size_t(i)] = {begin, m_utf8.size() - begin};
    }
    int rc = SQLITE_OK;
    for (qsizetype i = 0; i < m_values.size() && rc == SQLITE_OK; ++i) {
        const auto [begin, size] = m_spans[std::size_t(i)];
        rc = bind(native->statement, int(i) + 1, m_values.at(i), m_utf8.constData() + begin,
                  int(size));
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_step(native->statement);
    const bool done = rc == SQLITE_DONE;
    const QSqlError error =
        done ? QSqlError()
             : QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(native->db)),
                         QSqlError::StatementError, QString::number(sqlite3_errcode(native->db)));
    sqlite3_reset(native->statement);
    sqlite3_clear_bindings(native->statement);
    if (!done) {
        Error failure = m_database.errorFrom(error, tr("The database refused a statement."));
        failure.detail = m_table + QStringLiteral(": ") + failure.detail;
        return fail(failure);
    }
    if (m_rowsWritten)
        m_rowsWritten(m_table, m_pendingRows);
    m_values.clear();
    m_pendingRows = 0;
    return {};
}

Status DemoBatchInsert::flush()
{
    if (m_database.isSqlite())
        return flushSqlite();
    std::optional<QSqlQuery> tail;
    QSqlQuery* query = nullptr;
    if (m_pendingRows == m_rowsPerStatement) {
        if (!m_fullBatch) {
            auto prepared = m_database.prepare(statement(m_rowsPerStatement));
            if (!prepared)
                return fail(prepared.error());
            m_fullBatch = std::move(*prepared);
        }
        query = &*m_fullBatch;
    } else {
        auto prepared = m_database.prepare(statement(m_pendingRows));
        if (!prepared)
            return fail(prepared.error());
        tail = std::move(*prepared);
        query = &*tail;
    }
    if (auto done = m_database.execute(*query, m_values); !done) {
        Error error = done.error();
        error.detail = m_table + QStringLiteral(": ") + error.detail;
        return fail(error);
    }
    if (m_rowsWritten)
        m_rowsWritten(m_table, m_pendingRows);
    m_values.clear();
    m_pendingRows = 0;
    return {};
}

} // namespace aftercare
