#pragma once

#include "database/database.h"
#include "database/databaseurl.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace aftercare::app {

// What a headless command gets: where the database is, its own arguments and the two
// streams. It returns the process exit code: 0 success, 1 failure, 2 wrong usage.
struct CommandContext
{
    DatabaseUrl url;
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;
};

enum ExitCode
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2
};

class CommandSupport
{
    Q_DECLARE_TR_FUNCTIONS(CommandSupport)

public:
    // Opens the database and brings its schema up to date; on failure prints one line. A
    // SQLite file that is not there is an error unless ifMissing says Create (the demo).
    static std::unique_ptr<Database>
    openPractice(const DatabaseUrl& url, QTextStream& err,
                 Database::IfMissing ifMissing = Database::IfMissing::Fail);
    // Opens the database as it is, without upgrading it (backup, restore).
    static std::unique_ptr<Database> openAsItIs(const DatabaseUrl& url, QTextStream& err,
                                                Database::IfMissing ifMissing);
    // One warning line when other accounts on the computer can read the practice's files.
    static void warnIfExposed(const Database& database, QTextStream& err);
    // Parses a command's own options; on failure prints one line and returns false.
    static bool parseOptions(QCommandLineParser& parser, const QString& command,
                             const QStringList& arguments, QTextStream& err);
};

int runDemoCommand(CommandContext& context);
int runBackupCommand(CommandContext& context);
int runRestoreCommand(CommandContext& context);
int runCompactCommand(CommandContext& context);
int runImportCommand(CommandContext& context);
int runReportCommand(CommandContext& context);
int runExportCommand(CommandContext& context);

} // namespace aftercare::app
