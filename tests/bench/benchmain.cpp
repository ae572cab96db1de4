// aftercare_bench SUBCOMMAND --database URL [options]: one measurement of the desktop's own
// code paths, printed as a JSON object on stdout. tests/bench/run.sh drives it.
#include "benchcommands.h"
#include "database/database.h"
#include "database/databaseurl.h"
#include "database/migrator.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace aftercare::bench {

std::unique_ptr<Database> openDatabase(const BenchOptions& options)
{
    auto url = DatabaseUrl::parse(options.value(QStringLiteral("database")));
    if (!url) {
        std::fprintf(stderr, "bad --database: %s\n", qPrintable(url.error().describe()));
        return nullptr;
    }
    auto database = Database::open(*url);
    if (!database) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(database.error().describe()));
        return nullptr;
    }
    if (auto migrated = Migrator(**database).migrate(); !migrated) {
        std::fprintf(stderr, "cannot migrate: %s\n", qPrintable(migrated.error().describe()));
        return nullptr;
    }
    return std::move(*database);
}

void printJson(const QJsonObject& object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace aftercare::bench

using namespace aftercare::bench;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: aftercare_bench first-paint|open-all|search|schedule|worklist|"
                             "report|book --database URL [--name value ...]\n");
        return 2;
    }
    const QString command = QString::fromLocal8Bit(argv[1]);
    BenchOptions options;
    for (int i = 2; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (!argument.startsWith(QLatin1String("--"))) {
            std::fprintf(stderr, "unexpected argument %s\n", argv[i]);
            return 2;
        }
        const QString name = argument.mid(2);
        if (i + 1 < argc && !QByteArray(argv[i + 1]).startsWith("--"))
            options.values.insert(name, QString::fromLocal8Bit(argv[++i]));
        else
            options.values.insert(name, QString());
    }
    // Every sub-command runs under a QApplication, as the desktop does: the models format
    // with fonts and colours, and the first-paint time includes making it.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    if (command == QLatin1String("first-paint"))
        return runFirstPaint(application, options);
    if (command == QLatin1String("open-all"))
        return runOpenAll(application, options);
    if (command == QLatin1String("search"))
        return runSearch(options);
    if (command == QLatin1String("schedule"))
        return runSchedule(options);
    if (command == QLatin1String("worklist"))
        return runWorklist(options);
    if (command == QLatin1String("report"))
        return runReport(options);
    if (command == QLatin1String("book"))
        return runBooking(options);
    std::fprintf(stderr, "unknown sub-command %s\n", argv[1]);
    return 2;
}
