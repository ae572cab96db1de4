#include "auth/actor.h"
#include "command.h"
#include "database/database.h"
#include "importing/csvimporter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace aftercare::app {

namespace {

class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static int run(CommandContext& context);
};

int ImportCommand::run(CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        tr("Check the file and report what would change, writing nothing."));
    parser.addOption(dryRun);
    if (!CommandSupport::parseOptions(parser, QStringLiteral("import"), context.arguments,
                                      context.err))
        return kExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        context.err << tr("import: name the kind (clients, appointments, feedback, results or "
                          "invoices) and "
                          "the CSV file.")
                    << Qt::endl;
        return kExitUsage;
    }
    const auto kind = parseImportKind(positional.at(0));
    if (!kind) {
        context.err << tr("import: \"%1\" is not one of clients, appointments, feedback, results, "
                          "invoices.")
                           .arg(positional.at(0))
                    << Qt::endl;
        return kExitUsage;
    }

    auto database = CommandSupport::openPractice(context.url, context.err);
    if (!database)
        return kExitFailure;

    ImportOptions options;
    options.dryRun = parser.isSet(dryRun);
    options.progressInterval = 10000;
    QElapsedTimer timer;
    timer.start();
    options.progress = [&](const ImportProgress& progress) {
        const int percent =
            progress.bytesTotal > 0 ? int(100 * progress.bytesDone / progress.bytesTotal) : 100;
        context.err << tr("[%1%] %2 rows read").arg(percent, 3).arg(progress.rowsDone) << Qt::endl;
    };
    CsvImporter importer(*database, Actor::system());
    auto summary = importer.importFile(*kind, positional.at(1), options);
    if (!summary) {
        context.err << summary.error().describe() << Qt::endl;
        return kExitFailure;
    }
    for (const RejectedRow& row : summary->rejected)
        context.err
            << tr("%1:%2: %3").arg(positional.at(1)).arg(row.line).arg(row.reason.simplified())
            << Qt::endl;
    for (const QString& name : summary->createdPractitioners)
        context.out << tr("New practitioner: %1").arg(name) << Qt::endl;
    for (const QString& name : summary->createdServices)
        context.out << tr("New service: %1").arg(name) << Qt::endl;
    if (summary->tasksPlanned > 0)
        context.out << tr("%n follow-up task(s) planned.", nullptr, int(summary->tasksPlanned))
                    << Qt::endl;
    context.out << (summary->dryRun ? tr("Dry run, nothing written: ") : QString())
                << tr("%1 rows in %2 s: %3 created, %4 updated, %5 unchanged, %6 rejected.")
                       .arg(summary->rows)
                       .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                       .arg(summary->created)
                       .arg(summary->updated)
                       .arg(summary->unchanged)
                       .arg(qint64(summary->rejected.size()))
                << Qt::endl;
    return summary->hasRejections() ? kExitFailure : kExitOk;
}

} // namespace

int runImportCommand(CommandContext& context)
{
    return ImportCommand::run(context);
}

} // namespace aftercare::app
