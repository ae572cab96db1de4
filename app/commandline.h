#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace aftercare::app {

// The command line of README.md, parsed before any Qt application object exists (so the
// headless commands never need a display).
struct CommandLine
{
    QString database; // --database URL, empty = AFTERCARE_DATABASE or the default file
    QString language; // --lang CODE
    QString command;  // empty = open the desktop application
    QStringList arguments;
    bool help = false;
    bool version = false;
};

class CommandLineParser
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineParser)

public:
    // Reads the global options wherever they stand; the first other word is the command.
    static std::optional<CommandLine> parse(const QStringList& arguments, QString* error);
    static QString usage();
};

} // namespace aftercare::app
