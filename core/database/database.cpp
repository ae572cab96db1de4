#include "database/database.h"

#include "database/privatefiles.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <atomic>
#include <sqlite3.h>

namespace aftercare {

namespace {

std::atomic<int> s_connectionCounter{0};

bool isPostgresSerializationFailure(const QString& state)
{
    return state == QLatin1String("40001") || state == QLatin1String("40P01") ||
           state == QLatin1String("55P03");
}

} // namespace

Database::Database(const DatabaseUrl& url, QString connectionName)
    : m_url(url)
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isMissingFile(const DatabaseUrl& url)
{
    return url.kind() == DatabaseUrl::Kind::Sqlite && url.path() != QLatin1String(":memory:") &&
           !QFileInfo::exists(url.path());
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url, IfMissing ifMissing)
{
    // SQLite keeps memory statistics unless told otherwise, taking one process-wide mutex for
    // every allocation, so that connections working on several threads at once (a report's
    // ParallelReader) queue on it: about 5-15 % of a month report on SQLite. Nothing here
    // reads those statistics. Possible only before SQLite's first use in the process; a
    // later call is refused by SQLite and changes nothing.
    static const bool noMemoryStatistics = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    Q_UNUSED(noMemoryStatistics);
    const QString name = QStringLiteral("aftercare-%1").arg(++s_connectionCounter);
    const bool sqlite = url.kind() == DatabaseUrl::Kind::Sqlite;
    if (!QSqlDatabase::isDriverAvailable(sqlite ? QStringLiteral("QSQLITE")
                                                : QStringLiteral("QPSQL")))
        return fail(
            Error{ErrorKind::Database,
                  sqlite ? tr("The SQLite driver for Qt is not installed (libqt6sql6-sqlite).")
                         : tr("The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).")});

    std::unique_ptr<Database> database(new Database(url, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
        if (sqlite) {
            if (isMissingFile(url)) {
                if (ifMissing == IfMissing::Fail)
                    return fail(Error::notFound(
                        tr("There is no practice file %1 (check the path).").arg(url.path())));
                // Made here rather than by SQLite, which would follow the umask; its -wal and
                // -shm files take this file's mode.
                if (auto created = PrivateFiles::createFile(url.path()); !created)
                    return fail(created.error());
            }
            db.setDatabaseName(url.path());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        } else {
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.user());
            db.setPassword(url.password());
            db.setDatabaseName(url.databaseName());
            db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=aftercare"));
        }
        if (!db.open()) {
            Error error = database->errorFrom(
                db.lastError(), tr("Cannot open the database %1.").arg(url.displayString()));
            return fail(error);
        }
    }

    const QStringList setup =
        sqlite ? QStringList{QStringLiteral("PRAGMA journal_mode = WAL"),
                             QStringLiteral("PRAGMA foreign_keys = ON"),
                             QStringLiteral("PRAGMA synchronous = NORMAL"),
                             QStringLiteral("PRAGMA busy_timeout = 15000")}
               : QStringList{QStringLiteral("SET client_min_messages = warning")};
    for (const QString& statement : setup) {
        if (auto done = database->executeScript(statement); !done)
            return fail(done.error());
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Database::prepare(const QString& sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fail(
            errorFrom(query.lastError(), tr("The database could not prepare a statement.")));
    return query;
}

Status Database::execute(QSqlQuery& query, const QVariantList& values) const
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (m_observer)
        m_observer(query.lastQuery(), values);
    if (!query.exec())
        return fail(errorFrom(query.lastError(), tr("The database refused a statement.")));
    return {};
}

Result<QSqlQuery> Database::run(const QString& sql, const QVariantList& values) const
{
    auto query = prepare(sql);
    if (!query)
        return query;
    if (auto done = execute(*query, values); !done)
        return fail(done.error());
    return query;
}

Result<QVariant> Database::scalar(const QString& sql, const QVariantList& values) const
{
    auto query = run(sql, values);
    if (!query)
        return fail(query.error());
    return query->next() ? query->value(0) : QVariant();
}

Status Database::executeScript(const QString& sql)
{
    if (m_observer)
        m_observer(sql, {});
    if (isSqlite()) {
        // Qt's SQLite driver runs one statement per exec; sqlite3_exec runs a whole script
        // (triggers included) without splitting it ourselves.
        const QVariant handle = connection().driver()->handle();
        auto* sqliteHandle = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                                 ? *static_cast<sqlite3* const*>(handle.data())
                                 : nullptr;
        if (!sqliteHandle)
            return fail(
                Error{ErrorKind::Database, tr("The SQLite connection has no native handle.")});
        char* message = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_exec(sqliteHandle, utf8.constData(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            Error error{ErrorKind::Database, tr("The database refused the schema change."),
                        QString::fromUtf8(message ? message : sqlite3_errstr(rc))};
            error.retryable = rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
            sqlite3_free(message);
            return fail(error);
        }
        return {};
    }
    // libpq runs a multi-statement string sent without parameters as one simple query.
    QSqlQuery query(connection());
    if (!query.exec(sql))
        return fail(errorFrom(query.lastError(), tr("The database refused the schema change.")));
    return {};
}

Status Database::configureSession(const QString& sql)
{
    if (auto done = executeScript(sql); !done)
        return done;
    if (!m_sessionSettings.contains(sql))
        m_sessionSettings.append(sql);
    return {};
}

bool Database::canOpenAnother() const
{
    if (!isSqlite())
        return true;
    // SQLite gives every connection its own database for an empty name and for memory URIs.
    const QString path = m_url.path();
    return !path.isEmpty() && !path.contains(QLatin1String(":memory:")) &&
           !path.contains(QLatin1String("mode=memory"));
}

Result<std::unique_ptr<Database>> Database::openAnother() const
{
    if (!canOpenAnother())
        return fail(Error{ErrorKind::Database,
                          tr("An in-memory database cannot be opened a second time.")});
    auto other = open(m_url);
    if (!other)
        return other;
    for (const QString& settings : m_sessionSettings) {
        if (auto done = (*other)->configureSession(settings); !done)
            return fail(done.error());
    }
    (*other)->m_observer = m_observer;
    return other;
}

Result<TransactionGuard> Database::begin()
{
    QSqlQuery query(connection());
    const QString statement =
        isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (!query.exec(statement))
        return fail(
            errorFrom(query.lastError(), tr("The database could not start a transaction.")));
    return TransactionGuard(*this);
}

Error Database::errorFrom(const QSqlError& error, const QString& what) const
{
    Error result{ErrorKind::Database, what, error.text().trimmed()};
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText();
    if (isPostgreSql()) {
        if (isPostgresSerializationFailure(code)) {
            result.retryable = true;
        } else if (code == QLatin1String("23P01")) {
            result.kind = ErrorKind::Overlap;
            result.message =
                tr("The time overlaps another active appointment of the same practitioner.");
        } else if (code == QLatin1String("23505")) {
            result.kind = ErrorKind::Conflict;
            result.message = tr("A record with the same key exists already.");
        } else if (code.startsWith(QLatin1String("23"))) {
            result.kind = ErrorKind::Validation;
            result.message = tr("The database refused values that break its rules.");
        } else if (error.type() == QSqlError::ConnectionError) {
            result.message = tr("The database server cannot be reached: %1").arg(what);
        }
        return result;
    }
    if (text.contains(QLatin1String("appointment_overlap"))) {
        result.kind = ErrorKind::Overlap;
        result.message =
            tr("The time overlaps another active appointment of the same practitioner.");
    } else if (text.contains(QLatin1String("UNIQUE constraint failed"))) {
        result.kind = ErrorKind::Conflict;
        result.message = tr("A record with the same key exists already.");
    } else if (text.contains(QLatin1String("constraint failed")) ||
               text.contains(QLatin1String("append-only"))) {
        result.kind = ErrorKind::Validation;
        result.message = tr("The database refused values that break its rules.");
    } else if (code == QLatin1String("5") || code == QLatin1String("6") ||
               text.contains(QLatin1String("locked"))) {
        result.retryable = true;
    }
    return result;
}

void Database::backOff(int attempt)
{
    const int base = 10 * attempt * attempt;
    QThread::msleep(
        static_cast<unsigned long>(base + QRandomGenerator::global()->bounded(base + 1)));
}

TransactionGuard::TransactionGuard(Database& database)
    : m_database(&database)
{}

TransactionGuard::TransactionGuard(TransactionGuard&& other) noexcept
    : m_database(other.m_database)
    , m_open(other.m_open)
{
    other.m_open = false;
}

TransactionGuard::~TransactionGuard()
{
    rollback();
}

Status TransactionGuard::commit()
{
    if (!m_open)
        return fail(
            Error{ErrorKind::Database, Database::tr("The transaction was already closed.")});
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        Error error = m_database->errorFrom(
            query.lastError(), Database::tr("The database could not save the changes."));
        rollback();
        return fail(error);
    }
    m_open = false;
    return {};
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace aftercare
