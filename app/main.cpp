#include "appearance.h"
#include "command.h"
#include "commandline.h"
#include "database/database.h"
#include "desktop.h"
#include "signin/practiceopener.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>
#include <sys/stat.h>

using namespace aftercare;

namespace {

struct CommandEntry
{
    const char* name;
    int (*run)(app::CommandContext&);
};

constexpr CommandEntry kCommands[] = {
    {"demo", app::runDemoCommand},       {"backup", app::runBackupCommand},
    {"restore", app::runRestoreCommand}, {"import", app::runImportCommand},
    {"report", app::runReportCommand},   {"compact", app::runCompactCommand},
    {"export", app::runExportCommand},
};

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Aftercare"));
    QCoreApplication::setApplicationName(QStringLiteral("Aftercare"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AFTERCARE_VERSION));
}

Result<DatabaseUrl> resolveDatabase(const app::CommandLine& commandLine)
{
    return commandLine.database.isEmpty() ? DatabaseUrl::fromEnvironmentOrDefault()
                                          : DatabaseUrl::parse(commandLine.database);
}

// A PDF report lays out text, so it needs fonts and therefore a QGuiApplication; the
// offscreen platform lets it run from cron on a server without a display.
bool needsGuiApplication(const app::CommandLine& commandLine)
{
    if (commandLine.command != QLatin1String("report"))
        return false;
    const QStringList& arguments = commandLine.arguments;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i).compare(QLatin1String("--format=pdf"), Qt::CaseInsensitive) == 0)
            return true;
        if (arguments.at(i) == QLatin1String("--format") && i + 1 < arguments.size() &&
            arguments.at(i + 1).compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int runHeadless(int argc, char** argv, const app::CommandLine& commandLine)
{
    std::unique_ptr<QCoreApplication> application;
    if (needsGuiApplication(commandLine)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    setApplicationNames();
    QTextStream out(stdout);
    QTextStream err(stderr);
    for (const CommandEntry& entry : kCommands) {
        if (commandLine.command != QLatin1String(entry.name))
            continue;
        auto url = resolveDatabase(commandLine);
        if (!url) {
            err << url.error().describe() << Qt::endl;
            return app::kExitUsage;
        }
        app::CommandContext context{*url, commandLine.arguments, out, err};
        return entry.run(context);
    }
    err << QCoreApplication::translate("main", "Unknown command \"%1\"; see aftercare --help.")
               .arg(commandLine.command)
        << Qt::endl;
    return app::kExitUsage;
}

int runDesktop(int argc, char** argv, const app::CommandLine& commandLine)
{
    QApplication application(argc, argv);
    setApplicationNames();
    QGuiApplication::setDesktopFileName(QStringLiteral("aftercare"));
    ui::installTranslations(application, commandLine.language);

    ui::applyAppearance(application);

    auto url = resolveDatabase(commandLine);
    if (!url) {
        QMessageBox::critical(nullptr, QObject::tr("Aftercare"), url.error().describe());
        return app::kExitUsage;
    }
    const bool named = !commandLine.database.isEmpty() ||
                       !qEnvironmentVariable("AFTERCARE_DATABASE").trimmed().isEmpty();
    int exitCode = app::kExitFailure;
    auto database = ui::PracticeOpener::open(
        *url, named ? ui::PracticeOpener::Location::Given : ui::PracticeOpener::Location::Default,
        &exitCode);
    if (!database)
        return exitCode;
    return ui::runDesktop(*database, ui::DesktopOptions{commandLine.language});
}

} // namespace

int main(int argc, char** argv)
{
    // Everything this process writes (the practice, its -wal and -shm, backups, reports,
    // exports) is health data: for the owner only, whatever the login's umask. The files that
    // matter get their mode explicitly where they are made, too.
    ::umask(S_IRWXG | S_IRWXO);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const auto commandLine = app::CommandLineParser::parse(arguments, &error);
    if (!commandLine) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return app::kExitUsage;
    }
    if (commandLine->help) {
        std::fprintf(stdout, "%s", qPrintable(app::CommandLineParser::usage()));
        return app::kExitOk;
    }
    if (commandLine->version) {
        std::fprintf(stdout, "aftercare %s\n", AFTERCARE_VERSION);
        return app::kExitOk;
    }
    if (!commandLine->command.isEmpty())
        return runHeadless(argc, argv, *commandLine);
    return runDesktop(argc, argv, *commandLine);
}
