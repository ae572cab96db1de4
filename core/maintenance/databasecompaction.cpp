#include "maintenance/databasecompaction.h"

#include "database/database.h"
#include "repositories/practicesettingsrepository.h"

#include <QStringList>

namespace aftercare {

Result<QDateTime> DatabaseCompaction::lastCompacted(Database& database)
{
    return timeSetting(database, PracticeSetting::kCompactedAt);
}

qint64 DatabaseCompaction::fileBytes(const Database& database)
{
    if (!database.isSqlite() || !database.canOpenAnother())
        return -1;
    auto bytes = database.scalar(QStringLiteral(
        "SELECT p.page_count * s.page_size FROM pragma_page_count() p, pragma_page_size() s"));
    return bytes && !bytes->isNull() ? bytes->toLongLong() : -1;
}

Result<bool> DatabaseCompaction::isDue(Database& database, const QDateTime& now,
                                       qint64 minimumBytes, int intervalDays)
{
    // PostgreSQL vacuums itself; a memory database has no file to tidy.
    const qint64 bytes = fileBytes(database);
    if (bytes < 0 || bytes < minimumBytes)
        return false;
    auto last = lastCompacted(database);
    if (!last)
        return fail(last.error());
    if (last->isValid() && last->daysTo(now) < intervalDays)
        return false;
    // After an attempt that did not finish (the disk was full, say) the next one waits a
    // day, rather than making every quit wait for it again.
    auto attempted = timeSetting(database, PracticeSetting::kCompactionAttemptedAt);
    if (!attempted)
        return fail(attempted.error());
    return !attempted->isValid() || attempted->secsTo(now) >= kRetryAfterAttemptSeconds;
}

Result<QDateTime> DatabaseCompaction::timeSetting(Database& database, QLatin1String key)
{
    auto value = PracticeSettingsRepository(database).setting(key);
    if (!value)
        return fail(value.error());
    // Never set, or a value that is not a time: never (the next compaction sets it right).
    return QDateTime::fromString(*value, Qt::ISODate);
}

Status DatabaseCompaction::record(Database& database, QLatin1String key, const QDateTime& time)
{
    auto transaction = database.begin();
    if (!transaction)
        return fail(transaction.error());
    if (auto written = PracticeSettingsRepository(database).setInternalSetting(
            *transaction, key, time.toString(Qt::ISODate));
        !written)
        return written;
    return transaction->commit();
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
    // On PostgreSQL everything from here is committed synchronously, so that what was
    // committed before is flushed too: only then may VACUUM mark the pages of rows just
    // written as visible to all. On a server with synchronous_commit = off it would otherwise
    // leave them unmarked (each ANALYZE's own commit holding the flush back again), and
    // index-only scans would go on reading the tables.
    if (database.isPostgreSql())
        database.executeScript(QStringLiteral("SET synchronous_commit = on"));
    // The attempt is written down first: if it cannot even be written (another program is
    // writing), there is no point in starting.
    auto attempted = record(database, PracticeSetting::kCompactionAttemptedAt, now);
    // Neither VACUUM can be prepared (PostgreSQL) or run inside a transaction.
    auto done = attempted ? database.executeScript(script) : attempted;
    if (database.isPostgreSql())
        database.executeScript(QStringLiteral("RESET synchronous_commit"));
    if (!done)
        return fail(Error{ErrorKind::Database,
                          tr("The database could not be compacted; it is unchanged."),
                          done.error().detail, done.error().retryable});
    if (auto recorded = record(database, PracticeSetting::kCompactedAt, now); !recorded)
        return recorded;
    // The rewritten file went through the write-ahead log: back into the file with it, and
    // the log emptied. Without waiting: if a reader holds on to the log, a later checkpoint
    // does this.
    if (database.isSqlite()) {
        auto timeout = database.scalar(QStringLiteral("PRAGMA busy_timeout"));
        database.executeScript(QStringLiteral("PRAGMA busy_timeout = 0; "
                                              "PRAGMA wal_checkpoint(TRUNCATE); "
                                              "PRAGMA busy_timeout = %1;")
                                   .arg(timeout && !timeout->isNull() ? timeout->toInt() : 0));
    }
    return {};
}

} // namespace aftercare
