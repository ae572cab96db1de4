#pragma once

#include "database/databaseurl.h"

#include <QCoreApplication>

#include <memory>

class QWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// Opens the practice the desktop application is to work on, before anyone signs in. An
// existing practice is opened and brought up to date; a SQLite file that is not there is
// never made by itself (a mistyped path must not become an empty practice): the user is told
// the path and may choose "Create a new practice here", else the program ends. Once per start
// it warns when other accounts on the computer can read the practice's files, offering to
// make them private.
class PracticeOpener
{
    Q_DECLARE_TR_FUNCTIONS(PracticeOpener)

public:
    enum class Location
    {
        Given,   // --database or AFTERCARE_DATABASE: a missing file is probably a typing error
        Default, // the application-data folder: a missing file means the first start
    };

    // Shows whatever has to be asked or said; nullptr when the program should end, with
    // *exitCode set (0 when the user chose to quit at the first start, else 1).
    static std::unique_ptr<Database> open(const DatabaseUrl& url, Location location, int* exitCode);

private:
    // Whether the user chose to create a new practice at the missing path.
    static bool askToCreate(const QString& path, Location location);
    // Warns about files that others can read, and makes them private if the user says so.
    static void checkPrivacy(const Database& database);
    static void showError(const QString& text);
};

} // namespace aftercare::ui
