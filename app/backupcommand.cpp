#include "command.h"
#include "database/database.h"
#include "database/databasebackup.h"
#include "database/migrator.h"

#include <QCommandLineParser>

namespace aftercare::app {

namespace {

class BackupCommand
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    static int backup(CommandContext& context);
    static int restore(CommandContext& context);

private:
    static QString fileArgument(CommandContext& context, const QString& command);
};

QString BackupCommand::fileArgument(CommandContext& context, const QString& command)
{
    QCommandLineParser parser;
    if (!CommandSupport::parseOptions(parser, command, context.arguments, context.err))
        return {};
    if (parser.positionalArguments().size() != 1) {
        context.err << tr("%1: name exactly one FILE.").arg(command) << Qt::endl;
        return {};
    }
    return parser.positionalArguments().first();
}

int BackupCommand::backup(CommandContext& context)
{
    const QString file = fileArgument(context, QStringLiteral("backup"));
    if (file.isEmpty())
        return kExitUsage;
    // A backup is taken as the database is, without upgrading it first.
    auto database = Database::open(context.url);
    if (!database) {
        context.err << database.error().describe() << Qt::endl;
        return kExitFailure;
    }
    if (auto done = DatabaseBackup::backup(**database, file); !done) {
        context.err << done.error().describe() << Qt::endl;
        return kExitFailure;
    }
    context.out << tr("Backed up %1 to %2.").arg(context.url.displayString(), file) << Qt::endl;
    return kExitOk;
}

int BackupCommand::restore(CommandContext& context)
{
    const QString file = fileArgument(context, QStringLiteral("restore"));
    if (file.isEmpty())
        return kExitUsage;
    auto database = Database::open(context.url);
    if (!database) {
        context.err << database.error().describe() << Qt::endl;
        return kExitFailure;
    }
    if (auto done = DatabaseBackup::restore(**database, file); !done) {
        context.err << done.error().describe() << Qt::endl;
        return kExitFailure;
    }
    // A backup from an older Aftercare is brought up to this one's schema.
    Migrator migrator(**database);
    auto migrated = migrator.migrate();
    if (!migrated) {
        context.err << migrated.error().describe() << Qt::endl;
        return kExitFailure;
    }
    context.out << tr("Restored %1 from %2 (schema version %3).")
                       .arg(context.url.displayString(), file)
                       .arg(migrated->toVersion)
                << Qt::endl;
    return kExitOk;
}

} // namespace

int runBackupCommand(CommandContext& context)
{
    return BackupCommand::backup(context);
}

int runRestoreCommand(CommandContext& context)
{
    return BackupCommand::restore(context);
}

} // namespace aftercare::app
