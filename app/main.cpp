#include "command.h"
#include "commandline.h"
#include "database/database.h"
#include "database/migrator.h"
#include "desktop.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>

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

    auto url = resolveDatabase(commandLine);
    if (!url) {
        QMessageBox::critical(nullptr, QObject::tr("Aftercare"), url.error().describe());
        return app::kExitUsage;
    }
    auto database = Database::open(*url);
    if (!database) {
        QMessageBox::critical(nullptr, QObject::tr("Aftercare"), database.error().describe());
        return app::kExitFailure;
    }
    Migrator migrator(**database);
    if (auto migrated = migrator.migrate(); !migrated) {
        QMessageBox::critical(nullptr, QObject::tr("Aftercare"), migrated.error().describe());
        return app::kExitFailure;
    }
    return ui::runDesktop(**database, ui::DesktopOptions{commandLine.language});
}

} // namespace

int main(int argc, char** argv)
{
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
