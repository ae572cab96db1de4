#pragma once

#include "database/databaseurl.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace aftercare {
class Database;
}

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
    // Opens the database and brings its schema up to date; on failure prints one line.
    static std::unique_ptr<Database> openPractice(const DatabaseUrl& url, QTextStream& err);
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

} // namespace aftercare::app
