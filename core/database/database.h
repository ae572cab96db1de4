#pragma once

#include "database/databaseurl.h"
#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

class QSqlError;

namespace aftercare {

class TransactionGuard;

// One open connection to the practice's database, under a name of its own (never Qt's
// default connection). Passed by reference to whatever needs it; it owns the connection
// and removes it when destroyed.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    using Dialect = DatabaseUrl::Kind;

    // What open() does when a SQLite file is not there: a mistyped path must never turn into
    // a new, empty practice, so only what makes a practice on purpose (the demo, a new
    // practice chosen in the desktop application, a restore) asks for Create.
    enum class IfMissing
    {
        Fail,   // a NotFound error naming the file; nothing is created
        Create, // an empty file for its owner only (0600), in folders made 0700
    };

    // Opens and configures the connection (SQLite: WAL, foreign keys, busy timeout).
    // Does not migrate: see Migrator.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                  IfMissing ifMissing = IfMissing::Fail);
    // Whether url names a SQLite file that does not exist (PostgreSQL: always false).
    static bool isMissingFile(const DatabaseUrl& url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    Dialect dialect() const { return m_url.kind(); }
    bool isSqlite() const { return dialect() == Dialect::Sqlite; }
    bool isPostgreSql() const { return dialect() == Dialect::PostgreSql; }
    QSqlDatabase connection() const;

    // A prepared statement on this connection, forward-only.
    Result<QSqlQuery> prepare(const QString& sql) const;
    // Binds values in order and executes an already prepared statement.
    Status execute(QSqlQuery& query, const QVariantList& values = {}) const;
    // prepare() and execute() in one.
    Result<QSqlQuery> run(const QString& sql, const QVariantList& values = {}) const;
    // The first column of the first row, or an empty QVariant when there is no row.
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) const;
    // Runs a query and maps each row with mapRow(const QSqlQuery&), in the order the rows come.
    template <typename Map>
    auto collect(const QString& sql, const QVariantList& values, Map mapRow) const
        -> Result<std::vector<std::invoke_result_t<Map&, const QSqlQuery&>>>;

    // Runs statements that take no values and cannot be prepared (DDL scripts of several
    // statements, session settings, CREATE DATABASE). Never with text from outside.
    Status executeScript(const QString& sql);

    // Runs session settings (PRAGMAs, SET) like executeScript() and remembers them, so that
    // openAnother() hands out a connection set up alike.
    Status configureSession(const QString& sql);
    // Whether another connection sees the same data (not so for an in-memory SQLite database).
    bool canOpenAnother() const;
    // Another connection to the same database with this one's session settings and statement
    // observer. A connection belongs to the thread that opened it: open it where it is used.
    Result<std::unique_ptr<Database>> openAnother() const;

    // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue up front
    // instead of failing at commit).
    Result<TransactionGuard> begin();

    // Runs body(TransactionGuard&) -> Result<T> in a write transaction and commits it.
    // Retries a bounded number of times when the database reports a serialization
    // failure, a deadlock or a busy lock; any other error rolls back and is returned.
    template <typename Body>
    auto write(Body&& body) -> std::invoke_result_t<Body&, TransactionGuard&>;

    // Turns a driver error into an Error value, classifying constraint violations.
    Error errorFrom(const QSqlError& error, const QString& what) const;

    static constexpr int kMaxWriteAttempts = 6;

    // Sees every statement execute() runs, with the values bound to it, before it runs: lets
    // the benchmarks replay exactly what an engine ran in the sqlite3 shell or psql. Empty
    // (the default): nothing is recorded.
    using StatementObserver = std::function<void(const QString& sql, const QVariantList& values)>;
    void setStatementObserver(StatementObserver observer) { m_observer = std::move(observer); }

private:
    explicit Database(const DatabaseUrl& url, QString connectionName);
    static void backOff(int attempt);

    DatabaseUrl m_url;
    QString m_connectionName;
    StatementObserver m_observer;
    QStringList m_sessionSettings;
};

// A write transaction that rolls back unless commit() succeeded.
class TransactionGuard
{
public:
    TransactionGuard(TransactionGuard&& other) noexcept;
    TransactionGuard& operator=(TransactionGuard&&) = delete;
    ~TransactionGuard();

    Database& database() const { return *m_database; }
    Status commit();
    void rollback();

private:
    friend class Database;
    explicit TransactionGuard(Database& database);

    Database* m_database;
    bool m_open = true;
};

template <typename Map>
auto Database::collect(const QString& sql, const QVariantList& values, Map mapRow) const
    -> Result<std::vector<std::invoke_result_t<Map&, const QSqlQuery&>>>
{
    auto query = run(sql, values);
    if (!query)
        return fail(query.error());
    std::vector<std::invoke_result_t<Map&, const QSqlQuery&>> rows;
    while (query->next())
        rows.push_back(mapRow(std::as_const(*query)));
    return rows;
}

template <typename Body>
auto Database::write(Body&& body) -> std::invoke_result_t<Body&, TransactionGuard&>
{
    for (int attempt = 1;; ++attempt) {
        auto transaction = begin();
        if (!transaction) {
            if (transaction.error().retryable && attempt < kMaxWriteAttempts) {
                backOff(attempt);
                continue;
            }
            return fail(transaction.error());
        }
        auto result = body(*transaction);
        if (!result) {
            transaction->rollback();
            if (result.error().retryable && attempt < kMaxWriteAttempts) {
                backOff(attempt);
                continue;
            }
            return result;
        }
        if (auto committed = transaction->commit(); !committed) {
            if (committed.error().retryable && attempt < kMaxWriteAttempts) {
                backOff(attempt);
                continue;
            }
            return fail(committed.error());
        }
        return result;
    }
}

} // namespace aftercare
