#include "commandline.h"

namespace aftercare::app {

std::optional<CommandLine> CommandLineParser::parse(const QStringList& arguments, QString* error)
{
    CommandLine result;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& word = arguments.at(i);
        auto takeValue = [&](const QString& option, QString* target) {
            const QString prefix = option + QLatin1Char('=');
            if (word.startsWith(prefix)) {
                *target = word.mid(prefix.size());
                return true;
            }
            if (word != option)
                return false;
            if (i + 1 >= arguments.size()) {
                *error = tr("%1 needs a value.").arg(option);
                return true;
            }
            *target = arguments.at(++i);
            return true;
        };
        if (result.command.isEmpty()) {
            if (takeValue(QStringLiteral("--database"), &result.database) ||
                takeValue(QStringLiteral("--lang"), &result.language)) {
                if (!error->isEmpty())
                    return std::nullopt;
                continue;
            }
            if (word == QLatin1String("--help") || word == QLatin1String("-h")) {
                result.help = true;
                continue;
            }
            if (word == QLatin1String("--version")) {
                result.version = true;
                continue;
            }
            if (word.startsWith(QLatin1Char('-'))) {
                *error = tr("Unknown option %1.").arg(word);
                return std::nullopt;
            }
            result.command = word;
            continue;
        }
        // After the command, --database and --lang are still understood anywhere.
        if (takeValue(QStringLiteral("--database"), &result.database) ||
            takeValue(QStringLiteral("--lang"), &result.language)) {
            if (!error->isEmpty())
                return std::nullopt;
            continue;
        }
        result.arguments.append(word);
    }
    return result;
}

QString CommandLineParser::usage()
{
    return tr(
        "Usage:\n"
        "  aftercare [--database URL] [--lang CODE]            open the desktop application\n"
        "  aftercare [--database URL] demo --clients N --years Y [--seed S] [--today YYYY-MM-DD]\n"
        "  aftercare [--database URL] import clients|appointments|feedback|results|invoices "
        "FILE.csv\n"
        "                                      [--dry-run]\n"
        "  aftercare [--database URL] report (--month YYYY-MM | --from D --to D) --format "
        "json|csv|pdf\n"
        "                                      --out FILE\n"
        "  aftercare [--database URL] backup FILE\n"
        "  aftercare [--database URL] restore FILE\n"
        "  aftercare [--database URL] compact\n"
        "  aftercare [--database URL] export client EXTERNAL_ID --out FILE.json\n"
        "\n"
        "URL: a file path or sqlite:PATH, or postgresql://user:password@host:port/dbname.\n"
        "Default: the AFTERCARE_DATABASE environment variable, else aftercare.db in the\n"
        "application-data folder. A practice file that does not exist is an error; only demo\n"
        "and restore make one.\n");
}

} // namespace aftercare::app
