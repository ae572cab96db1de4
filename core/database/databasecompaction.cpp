#include "database/databasecompaction.h"

#include "database/database.h"

#include <QStringList>

namespace aftercare {

Result<QDateTime> DatabaseCompaction::lastCompacted(const Database& database)
{
    auto value = database.scalar(
        QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"), {kCompactedAtSetting});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return QDateTime();
    // A value that is not a time counts as never: compacting again sets it right.
    return QDateTime::fromString(value->toString(), Qt::ISODate);
}

qint64 DatabaseCompaction::fileBytes(const Database& database)
{
    if (!database.isSqlite() || !database.canOpenAnother())
        return -1;
    auto bytes = database.scalar(QStringLiteral(
        "SELECT p.page_count * s.page_size FROM pragma_page_count() p, pragma_page_size() s"));
    return bytes && !bytes->isNull() ? bytes->toLongLong() : -1;
}

Result<bool> DatabaseCompaction::isDue(const Database& database, const QDateTime& now,
                                       qint64 minimumBytes, int intervalDays)
{
    // PostgreSQL vacuums itself; a memory database has no file to tidy.
    const qint64 bytes = fileBytes(database);
    if (bytes < 0 || bytes < minimumBytes)
        return false;
    auto last = lastCompacted(database);
    if (!last)
        return fail(last.error());
    return !last->isValid() || last->daysTo(now) >= intervalDays;
}

Status DatabaseCompaction::compact(Database& database, const QDateTime& now)
{
    QString script = QStringLiteral("VACUUM");
    if (database.isPostgreSql()) {
        // The practice's own tables: the server's catalogs are its administrator's.
        auto tables = database.run(QStringLiteral(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() "
            "ORDER BY tablename"));
        if (!tables)
            return fail(tables.error());
        QStringList names;
        while (tables->next())
            names.append(tables->value(0).toString());
        if (names.isEmpty())
            return fail(Error{ErrorKind::Database, tr("The database holds no practice.")});
        script = QStringLiteral("VACUUM (ANALYZE) %1").arg(names.join(QStringLiteral(", ")));
    }
    // Neither VACUUM can be prepared (PostgreSQL) or run inside a transaction.
    if (auto done = database.executeScript(script); !done)
        return fail(Error{ErrorKind::Database,
                          tr("The database could not be compacted; it is unchanged."),
                          done.error().detail, done.error().retryable});
    auto recorded =
        database.run(QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                    "row_version = practice_settings.row_version + 1"),
                     {kCompactedAtSetting, now.toString(Qt::ISODate)});
    if (!recorded)
        return fail(recorded.error());
    // The rewritten file went through the write-ahead log: back into the file with it, and
    // the log emptied (if a reader holds on to it, the next checkpoint does this).
    if (database.isSqlite())
        database.executeScript(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return {};
}

} // namespace aftercare
