#pragma once

#include "error.h"

#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

class Database;

// One numbered schema revision in the dialect of the database it is applied to.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

struct MigrationOutcome
{
    int fromVersion = 0;
    int toVersion = 0;
    QString backupPath; // SQLite: the copy taken before migrating, if any
};

// Brings a database's schema up to the program's revision: numbered migrations compiled in
// as resources, each applied in its own transaction and recorded in schema_version only
// when it succeeded. A database newer than the program is refused (ErrorKind::SchemaTooNew).
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    explicit Migrator(Database& database);
    Migrator(Database& database, std::vector<Migration> migrations);

    // The migrations shipped in resources/sql/<dialect>/NNNN_name.sql, in order.
    static std::vector<Migration> builtin(bool sqlite);

    int latestVersion() const;
    Result<int> currentVersion() const;
    // Applies the pending migrations up to target (default: all). On SQLite a copy of the
    // file is taken first when an existing schema is about to change.
    Result<MigrationOutcome> migrate(std::optional<int> target = std::nullopt);

private:
    Status ensureVersionTable();
    Result<QString> backUpSqliteFile(int currentVersion);

    Database& m_database;
    std::vector<Migration> m_migrations;
};

} // namespace aftercare
