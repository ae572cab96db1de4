#include "command.h"
#include "database/database.h"
#include "database/migrator.h"

#include <QCommandLineParser>

namespace aftercare::app {

std::unique_ptr<Database> CommandSupport::openPractice(const DatabaseUrl& url, QTextStream& err)
{
    auto database = Database::open(url);
    if (!database) {
        err << database.error().describe() << Qt::endl;
        return nullptr;
    }
    Migrator migrator(**database);
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
    return std::move(*database);
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
