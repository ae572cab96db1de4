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
    // The practice setting that holds when the database was last compacted (ISO date and time).
    static inline const QString kCompactedAtSetting = QStringLiteral("maintenance.compacted_at");
    // A file is compacted again once this many days have passed since the last time ...
    static constexpr int kIntervalDays = 30;
    // ... and only when it is at least this large: a small file reads fast in any order.
    static constexpr qint64 kMinimumBytes = 64LL * 1024 * 1024;

    // When the database was last compacted; a null QDateTime when never.
    static Result<QDateTime> lastCompacted(const Database& database);
    // Whether the desktop should compact when the user quits: a SQLite file of at least
    // minimumBytes, last compacted intervalDays or more before now, or never.
    static Result<bool> isDue(const Database& database, const QDateTime& now,
                              qint64 minimumBytes = kMinimumBytes,
                              int intervalDays = kIntervalDays);
    // Compacts the database and records now as the time it was done. SQLite: VACUUM, which
    // waits for other connections' transactions like any writer and fails when they do not
    // finish within the busy timeout; then the write-ahead log is emptied into the file.
    static Status compact(Database& database, const QDateTime& now);
    // The size of the database's file in bytes (SQLite; -1 for PostgreSQL or a memory database).
    static qint64 fileBytes(const Database& database);
};

} // namespace aftercare
