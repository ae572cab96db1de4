#pragma once

#include <QString>

class QApplication;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

struct DesktopOptions
{
    QString language; // empty = system
};

// Runs the desktop application on an open, migrated database; returns the exit code.
// Must be called with a QApplication already constructed.
int runDesktop(Database& database, const DesktopOptions& options);

// Installs the Aftercare translation for language (e.g. "de", "en"; empty = system locale) plus
// Qt's own qtbase translation; returns false if no translation exists for it (English is the
// source language).
bool installTranslations(QApplication& app, const QString& language);

} // namespace aftercare::ui
