#include "command.h"
#include "database/database.h"
#include "maintenance/databasecompaction.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>

namespace aftercare::app {

namespace {

class CompactCommand
{
    Q_DECLARE_TR_FUNCTIONS(CompactCommand)

public:
    static int run(CommandContext& context);
};

int CompactCommand::run(CommandContext& context)
{
    QCommandLineParser parser;
    if (!CommandSupport::parseOptions(parser, QStringLiteral("compact"), context.arguments,
                                      context.err))
        return kExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err
            << tr("compact: unexpected argument %1.").arg(parser.positionalArguments().first())
            << Qt::endl;
        return kExitUsage;
    }
    auto database = CommandSupport::openPractice(context.url, context.err);
    if (!database)
        return kExitFailure;
    const qint64 before = DatabaseCompaction::fileBytes(*database);
    QElapsedTimer timer;
    timer.start();
    if (auto done = DatabaseCompaction::compact(*database, QDateTime::currentDateTime()); !done) {
        context.err << done.error().describe() << Qt::endl;
        return kExitFailure;
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    const qint64 after = DatabaseCompaction::fileBytes(*database);
    if (before >= 0 && after >= 0) {
        constexpr double kMebibyte = 1024.0 * 1024.0;
        context.out << tr("Compacted %1 in %2 s: %3 MiB before, %4 MiB after.")
                           .arg(context.url.displayString())
                           .arg(seconds, 0, 'f', 1)
                           .arg(double(before) / kMebibyte, 0, 'f', 1)
                           .arg(double(after) / kMebibyte, 0, 'f', 1)
                    << Qt::endl;
    } else {
        context.out << tr("Vacuumed and analysed %1 in %2 s.")
                           .arg(context.url.displayString())
                           .arg(seconds, 0, 'f', 1)
                    << Qt::endl;
    }
    return kExitOk;
}

} // namespace

int runCompactCommand(CommandContext& context)
{
    return CompactCommand::run(context);
}

} // namespace aftercare::app
