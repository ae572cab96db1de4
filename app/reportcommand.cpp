#include "command.h"
#include "database/database.h"
#include "metrics/periodcomparison.h"
#include "report/periodparser.h"
#include "report/reportbuilder.h"
#include "report/reportcsvwriter.h"
#include "report/reportfilterparser.h"
#include "report/reportjsonwriter.h"
#include "report/reportpdfrenderer.h"
#include "today/todayoverview.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace aftercare::app {

namespace {

class ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    static int run(CommandContext& context);
};

int ReportCommand::run(CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption month(QStringLiteral("month"), tr("A calendar month."),
                                   QStringLiteral("YYYY-MM"));
    const QCommandLineOption from(QStringLiteral("from"), tr("First day."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Last day."),
                                QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption format(QStringLiteral("format"), tr("json, csv or pdf."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), tr("The file to write."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption practitioner(QStringLiteral("practitioner"),
                                          tr("Only this practitioner's appointments."),
                                          QStringLiteral("NAME|ID"));
    const QCommandLineOption serviceType(QStringLiteral("service-type"),
                                         tr("Only appointments of this service type."),
                                         QStringLiteral("NAME|ID"));
    const QCommandLineOption referralSource(QStringLiteral("referral-source"),
                                            tr("Only clients with this referral source."),
                                            QStringLiteral("NAME"));
    parser.addOptions({month, from, to, format, out, practitioner, serviceType, referralSource});
    if (!CommandSupport::parseOptions(parser, QStringLiteral("report"), context.arguments,
                                      context.err))
        return kExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err
            << tr("report: unexpected argument %1.").arg(parser.positionalArguments().first())
            << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(month) == (parser.isSet(from) || parser.isSet(to))) {
        context.err << tr("report: give either --month YYYY-MM or --from D --to D.") << Qt::endl;
        return kExitUsage;
    }
    auto period = PeriodParser::parse(parser.value(month), parser.value(from), parser.value(to));
    if (!period) {
        context.err << tr("report: %1").arg(period.error().describe()) << Qt::endl;
        return kExitUsage;
    }
    const QString kind = parser.value(format).toLower();
    if (kind != QLatin1String("json") && kind != QLatin1String("csv") &&
        kind != QLatin1String("pdf")) {
        context.err << tr("report: --format takes json, csv or pdf.") << Qt::endl;
        return kExitUsage;
    }
    if (parser.value(out).isEmpty()) {
        context.err << tr("report: --out FILE is required.") << Qt::endl;
        return kExitUsage;
    }

    auto database = CommandSupport::openPractice(context.url, context.err);
    if (!database)
        return kExitFailure;
    if (auto tuned = ReportBuilder::tuneConnection(*database, ReportBuilder::Tuning::Command);
        !tuned) {
        context.err << tr("report: %1").arg(tuned.error().describe()) << Qt::endl;
        return kExitFailure;
    }
    auto filter = ReportFilterParser(*database).parse(
        parser.value(practitioner), parser.value(serviceType), parser.value(referralSource));
    if (!filter) {
        context.err << tr("report: %1").arg(filter.error().describe()) << Qt::endl;
        return kExitFailure;
    }
    const QDateTime now = QDateTime::currentDateTime();
    ReportBuilder::Options options;
    Period reported = *period;
    // The PDF's first page sets the figures against the period before: while the period is
    // not over, its days so far against the same days of the one before, as the dashboard.
    if (kind == QLatin1String("pdf")) {
        const auto comparison = PeriodComparison::of(*period, now.date());
        reported = comparison.current;
        options.compareWith = comparison.previous;
    }
    auto report = ReportBuilder(*database).build(reported, *filter, now, options);
    if (!report) {
        context.err << report.error().describe() << Qt::endl;
        return kExitFailure;
    }
    if (kind == QLatin1String("pdf")) {
        auto practiceName = TodayOverview(*database).practiceName();
        if (!practiceName) {
            context.err << practiceName.error().describe() << Qt::endl;
            return kExitFailure;
        }
        if (auto written =
                ui::ReportPdfRenderer(*report, *practiceName).writePdf(parser.value(out));
            !written) {
            context.err << tr("report: %1").arg(written.error().describe()) << Qt::endl;
            return kExitFailure;
        }
        return kExitOk;
    }
    const QByteArray bytes = kind == QLatin1String("json") ? ReportJsonWriter::toJson(*report)
                                                           : ReportCsvWriter::toCsv(*report);
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        context.err << tr("report: cannot write %1: %2").arg(parser.value(out), file.errorString())
                    << Qt::endl;
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

int runReportCommand(CommandContext& context)
{
    return ReportCommand::run(context);
}

} // namespace aftercare::app
