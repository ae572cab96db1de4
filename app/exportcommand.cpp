#include "command.h"
#include "database/database.h"
#include "database/privatefiles.h"
#include "exporting/clientrecordexport.h"

#include <QCommandLineParser>
#include <QSaveFile>
#include <QSysInfo>

namespace aftercare::app {

namespace {

class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static int run(CommandContext& context);
};

int ExportCommand::run(CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), tr("The JSON file to write."),
                                 QStringLiteral("FILE.json"));
    parser.addOption(out);
    if (!CommandSupport::parseOptions(parser, QStringLiteral("export"), context.arguments,
                                      context.err))
        return kExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.at(0) != QLatin1String("client")) {
        context.err << tr("export: name what to export: client EXTERNAL_ID --out FILE.json.")
                    << Qt::endl;
        return kExitUsage;
    }
    if (parser.value(out).isEmpty()) {
        context.err << tr("export: --out FILE.json is required.") << Qt::endl;
        return kExitUsage;
    }

    auto database = CommandSupport::openPractice(context.url, context.err);
    if (!database)
        return kExitFailure;
    // Whoever may run commands on the practice's database holds all of it already; the
    // record is read with a clinician's rights, and the audit log names this computer and the
    // command line.
    const Actor commandLine{UserId(), Role::Clinician,
                            QSysInfo::machineHostName() + QStringLiteral(" (command line)")};
    auto json = ClientRecordExport(*database).toJson(positional.at(1), commandLine,
                                                     QDateTime::currentDateTime());
    if (!json) {
        context.err << tr("export: %1").arg(json.error().describe()) << Qt::endl;
        return kExitFailure;
    }
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(*json) != json->size() || !file.commit()) {
        context.err << tr("export: cannot write %1: %2").arg(parser.value(out), file.errorString())
                    << Qt::endl;
        return kExitFailure;
    }
    // Health data: for the owner only, also when it replaced a file that others could read.
    if (auto restricted = PrivateFiles::restrict(parser.value(out)); !restricted)
        context.err << restricted.error().describe() << Qt::endl;
    context.out
        << tr("Exported the record of client %1 to %2.").arg(positional.at(1), parser.value(out))
        << Qt::endl;
    return kExitOk;
}

} // namespace

int runExportCommand(CommandContext& context)
{
    return ExportCommand::run(context);
}

} // namespace aftercare::app
