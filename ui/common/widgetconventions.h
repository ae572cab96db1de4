#pragma once

#include <QObject>

class QApplication;
class QTableView;

namespace aftercare::ui {

// What every screen does the same way, set once for the whole application rather than in
// each form: a notes field (QPlainTextEdit, QTextEdit) gives Tab back to the form and types a
// tab on Ctrl+Tab; an Alt letter nothing answers to types nothing into a field; a table fits
// its columns to their content (and their headings) the first time it shows rows, after which
// the user's widths are kept.
class WidgetConventions : public QObject
{
    Q_OBJECT

public:
    explicit WidgetConventions(QObject* parent = nullptr);

    // Installs the conventions on the application (once; a second call does nothing).
    static void install(QApplication& app);
    // Fits the table's freely sizable columns to their content now; a very wide column is
    // held to half the table's width, so that one long note does not push the rest away.
    static void fitColumns(QTableView* table);

    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace aftercare::ui
