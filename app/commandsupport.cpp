#include "command.h"
#include "database/database.h"
#include "database/migrator.h"
#include "database/privatefiles.h"

#include <QCommandLineParser>

namespace aftercare::app {

std::unique_ptr<Database> CommandSupport::openAsItIs(const DatabaseUrl& url, QTextStream& err,
                                                     Database::IfMissing ifMissing)
{
    auto database = Database::open(url, ifMissing);
    if (!database) {
        err << database.error().describe() << Qt::endl;
        return nullptr;
    }
    warnIfExposed(**database, err);
    return std::move(*database);
}

void CommandSupport::warnIfExposed(const Database& database, QTextStream& err)
{
    if (!database.isSqlite())
        return;
    const QStringList exposed =
        PrivateFiles::exposed(PrivateFiles::practiceFiles(database.url().path()));
    if (exposed.isEmpty())
        return;
    err << tr("Warning: other users of this computer can read the practice's health data in %1; "
              "to keep it to yourself: chmod 600 %2")
               .arg(exposed.join(QStringLiteral(", ")), exposed.join(QLatin1Char(' ')))
        << Qt::endl;
}

std::unique_ptr<Database> CommandSupport::openPractice(const DatabaseUrl& url, QTextStream& err,
                                                       Database::IfMissing ifMissing)
{
    std::unique_ptr<Database> database = openAsItIs(url, err, ifMissing);
    if (!database)
        return nullptr;
    Migrator migrator(*database);
    auto migrated = migrator.migrate();
    if (!migrated) {
        err << migrated.error().describe() << Qt::endl;
        return nullptr;
    }
    if (!migrated->backupPath.isEmpty())
        err << tr("Upgraded the database from schema version %1 to %2; the previous file was kept "
                  "as %3.")
                   .arg(migrated->fromVersion)
                   .arg(migrated->toVersion)
                   .arg(migrated->backupPath)
            << Qt::endl;
    return database;
}

bool CommandSupport::parseOptions(QCommandLineParser& parser, const QString& command,
                                  const QStringList& arguments, QTextStream& err)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("aftercare ") + command} + arguments)) {
        err << tr("%1: %2").arg(command, parser.errorText()) << Qt::endl;
        return false;
    }
    return true;
}

} // namespace aftercare::app
