#include "command.h"
#include "database/database.h"
#include "database/databasebackup.h"
#include "database/migrator.h"
#include "database/privatefiles.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

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
    auto database = CommandSupport::openAsItIs(context.url, context.err, Database::IfMissing::Fail);
    if (!database)
        return kExitFailure;
    if (auto done = DatabaseBackup::backup(*database, file); !done) {
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
    // Nothing is opened, let alone made, for a backup that is not there.
    if (!QFileInfo(file).isFile()) {
        context.err << DatabaseBackup::tr("There is no backup file %1.").arg(file) << Qt::endl;
        return kExitFailure;
    }
    // Restoring onto a new computer is what a backup is for, so a practice file that is not
    // there yet is made (for its owner only) and filled; if the restore fails, it is removed
    // again, so that a failed restore never leaves an empty practice behind.
    const bool newFile = Database::isMissingFile(context.url);
    auto database =
        CommandSupport::openAsItIs(context.url, context.err, Database::IfMissing::Create);
    if (!database)
        return kExitFailure;
    auto failed = [&](const Error& error) {
        context.err << error.describe() << Qt::endl;
        if (newFile) {
            database.reset();
            for (const QString& path : PrivateFiles::practiceFiles(context.url.path()))
                QFile::remove(path);
        }
        return kExitFailure;
    };
    if (auto done = DatabaseBackup::restore(*database, file); !done)
        return failed(done.error());
    // A backup from an older Aftercare is brought up to this one's schema.
    Migrator migrator(*database);
    auto migrated = migrator.migrate();
    if (!migrated)
        return failed(migrated.error());
    context.out << (newFile ? tr("Restored %2 into the new practice file %1 (schema version %3).")
                            : tr("Restored %1 from %2 (schema version %3)."))
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
