#include "database/databasebackup.h"

#include "database/database.h"
#include "database/migrator.h"
#include "database/privatefiles.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDriver>
#include <QStandardPaths>

#include <sqlite3.h>

namespace aftercare {

namespace {

sqlite3* nativeHandle(Database& database)
{
    const QVariant handle = database.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.data());
}

// Prefer the client tools of the newest installed PostgreSQL, which can talk to older servers.
QString postgresTool(const QString& name)
{
    for (int version = 17; version >= 12; --version) {
        const QString candidate =
            QStringLiteral("/usr/lib/postgresql/%1/bin/%2").arg(version).arg(name);
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace

Status DatabaseBackup::backup(Database& database, const QString& path)
{
    if (database.isSqlite())
        return backupSqlite(database, path);
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    // pg_dump writes into the file as it is, for its owner only.
    if (auto created = PrivateFiles::createFile(partial); !created)
        return created;
    if (auto dumped =
            runPostgresTool(database, QStringLiteral("pg_dump"),
                            {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"),
                             QStringLiteral("--file"), partial});
        !dumped) {
        QFile::remove(partial);
        return dumped;
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        return fail(Error::io(tr("Cannot move the finished backup to %1.").arg(path)));
    return {};
}

Status DatabaseBackup::restore(Database& database, const QString& path)
{
    if (!QFileInfo(path).isFile())
        return fail(Error::io(tr("There is no backup file %1.").arg(path)));
    if (database.isSqlite())
        return restoreSqlite(database, path);
    return runPostgresTool(database, QStringLiteral("pg_restore"),
                           {QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                            QStringLiteral("--no-owner"), QStringLiteral("--single-transaction"),
                            QStringLiteral("--exit-on-error"), path});
}

Status DatabaseBackup::backupSqlite(Database& database, const QString& path)
{
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    // A backup holds the same health data as the practice: the file is made for its owner
    // only (in folders made for the owner only), and VACUUM INTO fills the empty file.
    if (auto created = PrivateFiles::createFile(partial); !created)
        return created;
    // VACUUM INTO writes a consistent, compact copy while other connections keep working.
    if (auto copied = database.run(QStringLiteral("VACUUM INTO ?"), {partial}); !copied) {
        QFile::remove(partial);
        return fail(Error{ErrorKind::Io, tr("Cannot write the backup to %1.").arg(path),
                          copied.error().detail});
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        return fail(Error::io(tr("Cannot move the finished backup to %1.").arg(path)));
    return {};
}

Status DatabaseBackup::restoreSqlite(Database& database, const QString& path)
{
    sqlite3* target = nativeHandle(database);
    if (!target)
        return fail(Error{ErrorKind::Database, tr("The SQLite connection has no native handle.")});
    sqlite3* source = nullptr;
    const QByteArray sourcePath = QFile::encodeName(path);
    if (sqlite3_open_v2(sourcePath.constData(), &source, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        const QString detail = QString::fromUtf8(sqlite3_errmsg(source));
        sqlite3_close(source);
        return fail(
            Error{ErrorKind::Io, tr("%1 is not a readable Aftercare backup.").arg(path), detail});
    }
    // Check the file before overwriting anything: it must be an Aftercare database that this
    // program can read.
    sqlite3_stmt* statement = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(source, "SELECT max(version) FROM schema_version", -1, &statement,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        version = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    const int latest = Migrator(database).latestVersion();
    if (version < 1) {
        sqlite3_close(source);
        return fail(Error::validation(tr("%1 is not an Aftercare backup.").arg(path)));
    }
    if (version > latest) {
        sqlite3_close(source);
        return fail(Error{
            ErrorKind::SchemaTooNew,
            tr("The backup %1 was written by a newer Aftercare (schema version %2; this one knows "
               "up to %3).")
                .arg(path)
                .arg(version)
                .arg(latest)});
    }
    // SQLite's online backup copies every page under the proper locks, WAL included.
    sqlite3_backup* copy = sqlite3_backup_init(target, "main", source, "main");
    if (!copy) {
        const QString detail = QString::fromUtf8(sqlite3_errmsg(target));
        sqlite3_close(source);
        return fail(Error{ErrorKind::Database, tr("The database could not be restored."), detail});
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(copy, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(copy);
    sqlite3_close(source);
    if (rc != SQLITE_DONE)
        return fail(Error{ErrorKind::Database, tr("The database could not be restored."),
                          QString::fromUtf8(sqlite3_errstr(rc))});
    return {};
}

Status DatabaseBackup::runPostgresTool(Database& database, const QString& program,
                                       const QStringList& arguments)
{
    const QString tool = postgresTool(program);
    if (tool.isEmpty())
        return fail(Error::io(tr("%1 is not installed (package postgresql-client).").arg(program)));
    const DatabaseUrl& url = database.url();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The password goes through the environment, never the process list.
    environment.insert(QStringLiteral("PGPASSWORD"), url.password());
    process.setProcessEnvironment(environment);
    QStringList all{QStringLiteral("--host"),       url.host(),
                    QStringLiteral("--port"),       QString::number(url.port()),
                    QStringLiteral("--username"),   url.user(),
                    QStringLiteral("--dbname"),     url.databaseName(),
                    QStringLiteral("--no-password")};
    all += arguments;
    process.start(tool, all);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        const QString detail = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return fail(Error{ErrorKind::Database, tr("%1 failed.").arg(program),
                          detail.section(QLatin1Char('\n'), 0, 2)});
    }
    return {};
}

} // namespace aftercare
