#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

class Database;

// Keeps a practice's SQLite file in one piece per table and index. A file that grows a little
// every day interleaves the pages of its tables and indexes, so that reading one index touches
// pages spread over the whole file; VACUUM rewrites it table by table and index by index
// (docs/benchmarks-notes.md: on the reference practice the month's report takes about half as
// long afterwards). PostgreSQL keeps each table and index in files of its own and vacuums
// itself; there compacting is VACUUM (ANALYZE), what an administrator would run after a bulk load.
class DatabaseCompaction
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCompaction)

public:
    // When it was last compacted and last attempted are kept among the practice settings
    // (PracticeSetting::kCompactedAt, kCompactionAttemptedAt).
    // A file is compacted again once this many days have passed since the last time ...
    static constexpr int kIntervalDays = 30;
    // ... and only when it is at least this large: a small file reads fast in any order.
    static constexpr qint64 kMinimumBytes = 64LL * 1024 * 1024;
    // After an attempt that did not finish the next one waits this long.
    static constexpr qint64 kRetryAfterAttemptSeconds = 24 * 60 * 60;

    // When the database was last compacted; a null QDateTime when never.
    static Result<QDateTime> lastCompacted(Database& database);
    // Whether the desktop should compact when the user quits: a SQLite file of at least
    // minimumBytes, last compacted intervalDays or more before now, or never, and not
    // attempted within the last day.
    static Result<bool> isDue(Database& database, const QDateTime& now,
                              qint64 minimumBytes = kMinimumBytes,
                              int intervalDays = kIntervalDays);
    // Compacts the database and records now as the time it was attempted and done. SQLite:
    // VACUUM, which waits for another connection's write like any writer and fails when it
    // does not end within the connection's busy timeout; other connections keep reading
    // meanwhile, and their writes wait for it. Then the write-ahead log is emptied into the
    // file.
    static Status compact(Database& database, const QDateTime& now);
    // The size of the database's file in bytes (SQLite; -1 for PostgreSQL or a memory database).
    static qint64 fileBytes(const Database& database);

private:
    static Result<QDateTime> timeSetting(Database& database, QLatin1String key);
    // Writes time into the setting in a transaction of its own, without retrying: when
    // another program holds the file, compacting is left for later rather than waited for.
    static Status record(Database& database, QLatin1String key, const QDateTime& time);
};

} // namespace aftercare
