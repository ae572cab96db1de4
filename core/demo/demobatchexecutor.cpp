#include "demo/demobatchexecutor.h"

#include "database/database.h"

#include <QSqlDriver>
#include <QSqlError>

#include <cstring>
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

QSqlError sqliteError(sqlite3* db)
{
    return QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                     QString::number(sqlite3_errcode(db)));
}

// Appends text as UTF-8 (the database's encoding, so SQLite takes it as it is).
void appendUtf8(QByteArray& out, const QString& text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() * 3);
    char* p = out.data() + start;
    const char16_t* s = reinterpret_cast<const char16_t*>(text.utf16());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s[i];
        if (c < 0x80) {
            *p++ = char(c);
            continue;
        }
        if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
            continue;
        }
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && s[i + 1] >= 0xdc00 && s[i + 1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (s[++i] - 0xdc00);
            *p++ = char(0xf0 | (c >> 18));
            *p++ = char(0x80 | ((c >> 12) & 0x3f));
        } else {
            if (c >= 0xd800 && c < 0xe000)
                c = 0xfffd; // a lone surrogate
            *p++ = char(0xe0 | (c >> 12));
        }
        *p++ = char(0x80 | ((c >> 6) & 0x3f));
        *p++ = char(0x80 | (c & 0x3f));
    }
    out.resize(p - out.data());
}

} // namespace

DemoBatchExecutor::DemoBatchExecutor(Database& database, qint64 firstDay, qint64 lastDay)
    : m_database(database)
    , m_text(firstDay, lastDay)
{}

DemoBatchExecutor::~DemoBatchExecutor() = default;

QString DemoBatchExecutor::statement(const DemoBatch& batch)
{
    // Table and column names are fixed words of the generator, never outside text; the
    // values are all bound.
    QString row = QStringLiteral("(?");
    for (qsizetype i = 1; i < batch.columns.size(); ++i)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ")
                      .arg(batch.table, batch.columns.join(QStringLiteral(", ")));
    sql.reserve(sql.size() + batch.rows * (row.size() + 2));
    for (int i = 0; i < batch.rows; ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += row;
    }
    return sql;
}

Status DemoBatchExecutor::execute(const DemoBatch& batch)
{
    if (batch.values.size() != std::size_t(batch.rows) * std::size_t(batch.columns.size()))
        return fail(
            Error{ErrorKind::Database, tr("The demo practice could not be written."),
                  batch.table + QStringLiteral(": a batch with the wrong number of values")});
    Status done = m_database.isSqlite() ? executeSqlite(batch) : executeQt(batch);
    if (!done) {
        Error error = done.error();
        error.detail = batch.table + QStringLiteral(": ") + error.detail;
        return fail(error);
    }
    return {};
}

Status DemoBatchExecutor::executeSqlite(const DemoBatch& batch)
{
    auto& native = m_native[{batch.table, batch.rows}];
    if (!native) {
        auto prepared = std::make_unique<DemoNativeStatement>();
        prepared->db = nativeHandle(m_database);
        if (!prepared->db)
            return fail(
                Error{ErrorKind::Database, tr("The SQLite connection has no native handle.")});
        const QByteArray sql = statement(batch).toUtf8();
        if (sqlite3_prepare_v2(prepared->db, sql.constData(), int(sql.size()), &prepared->statement,
                               nullptr) != SQLITE_OK)
            return fail(m_database.errorFrom(sqliteError(prepared->db),
                                             tr("The database could not prepare a statement.")));
        native = std::move(prepared);
    }

    // All text of the batch goes into one UTF-8 buffer first, then is bound by pointer:
    // SQLite neither copies nor converts it when binding.
    m_utf8.clear();
    m_spans.assign(batch.values.size(), {0, 0});
    for (std::size_t i = 0; i < batch.values.size(); ++i) {
        const DemoValue& value = batch.values[i];
        const qsizetype begin = m_utf8.size();
        switch (value.kind) {
        case DemoValue::Kind::Text:
            appendUtf8(m_utf8, value.text);
            break;
        case DemoValue::Kind::Words:
            m_utf8.append(value.words, qsizetype(std::strlen(value.words)));
            break;
        case DemoValue::Kind::Time:
            m_text.appendDateTime(m_utf8, value.number);
            break;
        case DemoValue::Kind::Date:
            m_text.appendDate(m_utf8, value.number);
            break;
        default:
            continue;
        }
        m_spans[i] = {begin, m_utf8.size() - begin};
    }
    sqlite3_stmt* statement = native->statement;
    int rc = SQLITE_OK;
    for (std::size_t i = 0; i < batch.values.size() && rc == SQLITE_OK; ++i) {
        const DemoValue& value = batch.values[i];
        const int position = int(i) + 1;
        switch (value.kind) {
        case DemoValue::Kind::Null:
            rc = sqlite3_bind_null(statement, position);
            break;
        case DemoValue::Kind::Integer:
        case DemoValue::Kind::Boolean:
            rc = sqlite3_bind_int64(statement, position, value.number);
            break;
        case DemoValue::Kind::Real:
            rc = sqlite3_bind_double(statement, position, value.floating);
            break;
        default:
            rc = sqlite3_bind_text(statement, position, m_utf8.constData() + m_spans[i].first,
                                   int(m_spans[i].second), SQLITE_STATIC);
            break;
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_step(statement);
    const QSqlError error = rc == SQLITE_DONE ? QSqlError() : sqliteError(native->db);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (rc != SQLITE_DONE)
        return fail(m_database.errorFrom(error, tr("The database refused a statement.")));
    return {};
}

QVariant DemoBatchExecutor::variant(const DemoValue& value)
{
    switch (value.kind) {
    case DemoValue::Kind::Null:
        return QVariant(QMetaType::fromType<QString>());
    case DemoValue::Kind::Integer:
        return QVariant(value.number);
    case DemoValue::Kind::Boolean:
        return QVariant(value.number != 0);
    case DemoValue::Kind::Real:
        return QVariant(value.floating);
    case DemoValue::Kind::Text:
        return QVariant(value.text);
    case DemoValue::Kind::Words:
        return QVariant(QString::fromUtf8(value.words));
    case DemoValue::Kind::Time:
        return QVariant(m_text.dateTime(value.number));
    case DemoValue::Kind::Date:
        return QVariant(m_text.date(value.number));
    }
    return {};
}

Status DemoBatchExecutor::executeQt(const DemoBatch& batch)
{
    auto found = m_queries.find({batch.table, batch.rows});
    if (found == m_queries.end()) {
        auto prepared = m_database.prepare(statement(batch));
        if (!prepared)
            return fail(prepared.error());
        found = m_queries.emplace(std::pair{batch.table, batch.rows}, std::move(*prepared)).first;
    }
    QVariantList values;
    values.reserve(qsizetype(batch.values.size()));
    for (const DemoValue& value : batch.values)
        values.append(variant(value));
    return m_database.execute(found->second, values);
}

} // namespace aftercare
