#include "desktopcontroller.h"

#include "aftercare/practicezone.h"
#include "common/displayformat.h"
#include "database/database.h"
#include "maintenance/databasecompaction.h"
#include "mainwindow.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/userrepository.h"
#include "signin/firstrundialog.h"
#include "signin/signindialog.h"
#include "today/todayoverview.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>

namespace aftercare::ui {

namespace {

// "Tidying …" with a busy bar, which stays until the work is done (no Esc, no close).
class BusyDialog : public QProgressDialog
{
public:
    explicit BusyDialog(const QString& text)
        : QProgressDialog(text, QString(), 0, 0)
    {
        setCancelButton(nullptr);
        setMinimumDuration(0);
        setWindowFlags(Qt::Dialog | Qt::CustomizeWindowHint | Qt::WindowTitleHint);
    }
    void finish()
    {
        m_finished = true;
        close();
    }

protected:
    void closeEvent(QCloseEvent* event) override
    {
        if (m_finished)
            QProgressDialog::closeEvent(event);
        else
            event->ignore();
    }
    void reject() override
    {
        if (m_finished)
            QProgressDialog::reject();
    }

private:
    bool m_finished = false;
};

} // namespace

DesktopController::DesktopController(Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_session(database)
    , m_compactionThreshold(DatabaseCompaction::kMinimumBytes)
{}

DesktopController::~DesktopController()
{
    // Both refer to the session that ends with this object.
    delete m_dialog;
    delete m_mainWindow;
}

void DesktopController::start()
{
    auto users = UserRepository(m_database).count();
    if (!users) {
        // Nothing else can work without the database: say why, then end.
        auto* box = new QMessageBox(
            QMessageBox::Critical, tr("Aftercare"),
            tr("The practice's database cannot be read.\n\n%1").arg(users.error().describe()));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this] { emit finished(1); });
        m_dialog = box;
        box->open();
        return;
    }
    if (*users > 0) {
        askToSignIn();
        return;
    }
    auto* dialog = new FirstRunDialog(m_database, m_session);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &DesktopController::openMainWindow);
    connect(dialog, &QDialog::rejected, this, &DesktopController::quit);
    m_dialog = dialog;
    dialog->open();
}

void DesktopController::askToSignIn()
{
    auto* dialog =
        new SignInDialog(m_session, TodayOverview(m_database).practiceName().value_or(QString()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &DesktopController::openMainWindow);
    connect(dialog, &QDialog::rejected, this, &DesktopController::quit);
    m_dialog = dialog;
    dialog->open();
}

void DesktopController::openMainWindow()
{
    // National numbers ("0761 …") are the practice's country's; read afresh at every sign-in,
    // so a changed time zone setting shows with the next session.
    if (auto region = practicePhoneRegion(PracticeSettingsRepository(m_database)))
        setPhoneRegion(*region);
    m_mainWindow = new MainWindow(m_database, m_session);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mainWindow, &MainWindow::signOutRequested, this, &DesktopController::signOut);
    connect(m_mainWindow, &MainWindow::quitRequested, this, &DesktopController::quit);
    m_mainWindow->show();
}

void DesktopController::signOut()
{
    m_session.signOut();
    if (m_mainWindow) {
        // Gone at once, with everything it showed; the sign-in dialog takes its place.
        m_mainWindow->disconnect(this);
        m_mainWindow->hide();
        m_mainWindow->deleteLater();
    }
    askToSignIn();
}

void DesktopController::quit()
{
    m_session.signOut();
    if (m_mainWindow) {
        m_mainWindow->disconnect(this);
        m_mainWindow->hide();
        m_mainWindow->deleteLater();
    }
    // Once a month a large SQLite file is put back in order (docs/benchmarks-notes.md): a
    // file that grows a little every day gets slower to read.
    auto due =
        DatabaseCompaction::isDue(m_database, QDateTime::currentDateTime(), m_compactionThreshold);
    if (due && *due) {
        compactThenFinish();
        return;
    }
    emit finished(0);
}

void DesktopController::compactThenFinish()
{
    auto* dialog =
        new BusyDialog(tr("Tidying the practice's database file so that it stays quick to read.\n"
                          "This happens about once a month and takes a moment."));
    dialog->setObjectName(QStringLiteral("compactingDialog"));
    dialog->setWindowTitle(tr("Aftercare"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;

    const Database& database = m_database;
    const QDateTime now = QDateTime::currentDateTime();
    QThread* worker = QThread::create([&database, now] {
        // A connection of the worker's own. If another program is writing to the file and
        // does not finish within two seconds, the file stays as it is until another day.
        auto connection = database.openAnother();
        Status done =
            connection ? (*connection)->executeScript(QStringLiteral("PRAGMA busy_timeout = 2000"))
                       : Status(fail(connection.error()));
        if (done)
            done = DatabaseCompaction::compact(**connection, now);
        if (!done)
            qWarning("The practice's database file was not compacted: %s",
                     qPrintable(done.error().describe()));
    });
    connect(worker, &QThread::finished, this, [this, worker, dialog = QPointer(dialog)] {
        worker->deleteLater();
        if (dialog)
            dialog->finish();
        emit finished(0);
    });
    dialog->show();
    worker->start();
}

} // namespace aftercare::ui
