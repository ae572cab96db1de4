#include "command.h"
#include "database/database.h"
#include "demo/demopractice.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace aftercare::app {

namespace {

class DemoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    static int run(CommandContext& context);
};

int DemoCommand::run(CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption clients(QStringLiteral("clients"), tr("Number of clients."),
                                     QStringLiteral("N"));
    const QCommandLineOption years(QStringLiteral("years"), tr("Years of history."),
                                   QStringLiteral("Y"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption today(QStringLiteral("today"),
                                   tr("Last day of the history (default: today)."),
                                   QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({clients, years, seed, today});
    if (!CommandSupport::parseOptions(parser, QStringLiteral("demo"), context.arguments,
                                      context.err))
        return kExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err << tr("demo: unexpected argument %1.").arg(parser.positionalArguments().first())
                    << Qt::endl;
        return kExitUsage;
    }

    DemoOptions options;
    bool ok = true;
    if (!parser.isSet(clients) || !parser.isSet(years)) {
        context.err << tr("demo: --clients N and --years Y are required.") << Qt::endl;
        return kExitUsage;
    }
    options.clients = parser.value(clients).toInt(&ok);
    if (!ok || options.clients < 1 || options.clients > 1'000'000) {
        context.err << tr("demo: --clients takes a whole number from 1 to 1000000.") << Qt::endl;
        return kExitUsage;
    }
    options.years = parser.value(years).toInt(&ok);
    if (!ok || options.years < 1 || options.years > 30) {
        context.err << tr("demo: --years takes a whole number from 1 to 30.") << Qt::endl;
        return kExitUsage;
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        context.err << tr("demo: --seed takes a non-negative whole number.") << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(today)) {
        options.today = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.today.isValid()) {
            context.err << tr("demo: --today takes a date as YYYY-MM-DD.") << Qt::endl;
            return kExitUsage;
        }
    }

    // The demo is one of the few things that make a new practice (file and folder).
    auto database =
        CommandSupport::openPractice(context.url, context.err, Database::IfMissing::Create);
    if (!database)
        return kExitFailure;

    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    QString lastStage;
    auto progress = [&](int percent, const QString& stage) {
        if (percent == lastPercent && stage == lastStage)
            return;
        lastPercent = percent;
        lastStage = stage;
        context.err << tr("[%1%] %2").arg(percent, 3).arg(stage) << Qt::endl;
    };
    auto summary = DemoPractice::generate(*database, options, progress);
    if (!summary) {
        context.err << summary.error().describe() << Qt::endl;
        return kExitFailure;
    }
    if (summary->compactionFailed)
        context.err << tr("The practice is written, but its file could not be compacted: %1")
                           .arg(summary->compactionFailed->describe())
                    << Qt::endl;
    context.out
        << tr("Demo practice written to %1 in %2 s: %3 clients, %4 appointments (%5 completed, "
              "%6 no-shows, %7 cancelled, %8 booked ahead), %9 results, %10 follow-up tasks, "
              "%11 feedback responses, %12 invoices, %13 touchpoints.")
               .arg(context.url.displayString())
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
               .arg(summary->clients)
               .arg(summary->appointments)
               .arg(summary->completed)
               .arg(summary->noShows)
               .arg(summary->cancelled)
               .arg(summary->booked)
               .arg(summary->results)
               .arg(summary->tasks)
               .arg(summary->feedback)
               .arg(summary->invoices)
               .arg(summary->touchpoints)
        << Qt::endl;
    return kExitOk;
}

} // namespace

int runDemoCommand(CommandContext& context)
{
    return DemoCommand::run(context);
}

} // namespace aftercare::app
