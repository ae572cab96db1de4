#include "database/migrator.h"

#include "database/database.h"
#include "database/privatefiles.h"
#include "database/sqltime.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace aftercare {

Migrator::Migrator(Database& database)
    : Migrator(database, builtin(database.isSqlite()))
{}

Migrator::Migrator(Database& database, std::vector<Migration> migrations)
    : m_database(database)
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

std::vector<Migration> Migrator::builtin(bool sqlite)
{
    const QDir dir(sqlite ? QStringLiteral(":/sql/sqlite") : QStringLiteral(":/sql/postgresql"));
    static const QRegularExpression fileName(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    std::vector<Migration> result;
    for (const QString& entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = fileName.match(entry);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(entry));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        result.push_back(
            {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(file.readAll())});
    }
    return result;
}

int Migrator::latestVersion() const
{
    return m_migrations.empty() ? 0 : m_migrations.back().version;
}

Result<int> Migrator::currentVersion() const
{
    const QStringList tables = m_database.connection().tables(QSql::Tables);
    if (!tables.contains(QStringLiteral("schema_version")))
        return 0;
    auto version =
        m_database.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!version)
        return fail(version.error());
    return version->toInt();
}

Status Migrator::ensureVersionTable()
{
    return m_database.executeScript(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
}

Result<QString> Migrator::backUpSqliteFile(int currentVersion)
{
    const QString path = m_database.url().path();
    if (path == QLatin1String(":memory:"))
        return QString();
    QString backup = QStringLiteral("%1.v%2.bak").arg(path).arg(currentVersion);
    if (QFileInfo::exists(backup))
        backup = QStringLiteral("%1.v%2-%3.bak")
                     .arg(path)
                     .arg(currentVersion)
                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    // The copy holds the same health data: made for its owner only first (VACUUM INTO fills
    // an empty file), then written.
    if (auto created = PrivateFiles::createFile(backup); !created)
        return fail(created.error());
    // VACUUM INTO writes a consistent copy, WAL included, without closing the connection.
    auto done = m_database.run(QStringLiteral("VACUUM INTO ?"), {backup});
    if (!done) {
        QFile::remove(backup);
        return fail(Error{ErrorKind::Io,
                          tr("Cannot copy the database to %1 before upgrading it.").arg(backup),
                          done.error().detail});
    }
    return backup;
}

Result<MigrationOutcome> Migrator::migrate(std::optional<int> target)
{
    const int goal = target.value_or(latestVersion());
    auto current = currentVersion();
    if (!current)
        return fail(current.error());
    MigrationOutcome outcome{*current, *current, {}};
    if (*current > latestVersion())
        return fail(
            Error{ErrorKind::SchemaTooNew,
                  tr("The database has schema version %1, but this Aftercare knows only up to %2. "
                     "Install the newer Aftercare that wrote it.")
                      .arg(*current)
                      .arg(latestVersion())});
    if (*current >= goal)
        return outcome;

    if (auto table = ensureVersionTable(); !table)
        return fail(table.error());
    if (m_database.isSqlite() && *current > 0) {
        auto backup = backUpSqliteFile(*current);
        if (!backup)
            return fail(backup.error());
        outcome.backupPath = *backup;
    }

    for (const Migration& migration : m_migrations) {
        if (migration.version <= *current || migration.version > goal)
            continue;
        auto applied = m_database.write([&](TransactionGuard&) -> Status {
            if (auto script = m_database.executeScript(migration.sql); !script)
                return script;
            return toStatus(m_database.run(
                QStringLiteral(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"),
                {migration.version, migration.name, SqlTime::toSql(QDateTime::currentDateTime())}));
        });
        if (!applied) {
            Error error = applied.error();
            error.message = tr("Upgrading the database to schema version %1 (%2) failed; it stays "
                               "at version %3.")
                                .arg(migration.version)
                                .arg(migration.name)
                                .arg(outcome.toVersion);
            return fail(error);
        }
        outcome.toVersion = migration.version;
    }
    return outcome;
}

} // namespace aftercare
