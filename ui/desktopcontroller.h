#pragma once

#include "mainwindow.h"
#include "signin/session.h"

#include <QObject>
#include <QPointer>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// The desktop's course: first-run set-up when the practice has no users, then sign-in, the
// main window, and back to sign-in after signing out, until the user quits.
class DesktopController : public QObject
{
    Q_OBJECT

public:
    explicit DesktopController(Database& database, QObject* parent = nullptr);
    ~DesktopController() override;

    void start();
    Session& session() { return m_session; }
    // A SQLite file at least this large is compacted on quitting once a month
    // (DatabaseCompaction); tests lower it.
    void setCompactionThreshold(qint64 bytes) { m_compactionThreshold = bytes; }
    MainWindow* mainWindow() const { return m_mainWindow; }

signals:
    // The user quit (or there is nothing left to show); the event loop may end.
    void finished(int exitCode);

private:
    void askToSignIn();
    void openMainWindow();
    void signOut();
    void quit();
    // Compacts the practice's file on a worker's connection behind a small window, then ends.
    void compactThenFinish();

    Database& m_database;
    Session m_session;
    QPointer<MainWindow> m_mainWindow;
    QPointer<QWidget> m_dialog; // the sign-in or first-run dialog, while it is open
    qint64 m_compactionThreshold;
};

} // namespace aftercare::ui
