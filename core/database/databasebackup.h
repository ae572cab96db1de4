#pragma once

#include "error.h"

#include <QString>

namespace aftercare {

class Database;

// Copies a practice's whole database to a file and back. SQLite uses its own online
// backup (consistent while others work); PostgreSQL uses pg_dump / pg_restore.
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    // Writes a consistent copy to path (replacing an existing file only once the copy is
    // complete).
    static Status backup(Database& database, const QString& path);
    // Replaces the database's whole content with the backup at path. The backup must come
    // from this or an older Aftercare; migrate afterwards.
    static Status restore(Database& database, const QString& path);

private:
    static Status backupSqlite(Database& database, const QString& path);
    static Status restoreSqlite(Database& database, const QString& path);
    static Status runPostgresTool(Database& database, const QString& program,
                                  const QStringList& arguments);
};

} // namespace aftercare
