// The desktop's start and memory: the same MainWindow the desktop opens after sign-in, built
// for a signed-in Session (DesktopController::openMainWindow does exactly this).
#include "benchcommands.h"
#include "database/database.h"
#include "desktop.h"
#include "firstpaintprobe.h"
#include "mainwindow.h"
#include "signin/session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace aftercare::bench {

namespace {

qint64 monotonicNanoseconds()
{
    // CLOCK_MONOTONIC, the clock run.sh's driver reads before it starts this process.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// "VmHWM" (peak) or "VmRSS" (now) of this process in kB.
qint64 memoryKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Lets the event loop run for a while, so that shown pages load and paint.
void settle(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

// Prints {"painted_ns": CLOCK_MONOTONIC at the first painted frame, "signin_ms": the password
// check, excluded from the start by the driver since a person types the password} and ends
// the process at once: what is measured is the way to the first frame, not the way out.
int runFirstPaint(QApplication& application, const BenchOptions& options)
{
    std::unique_ptr<QWidget> window;
    std::unique_ptr<Database> database;
    std::unique_ptr<Session> session;
    qint64 signInNs = 0;
    if (options.flag(QStringLiteral("bare"))) {
        // The floor: an empty Qt Widgets window of the same size, nothing else.
        window = std::make_unique<QWidget>();
    } else if (options.flag(QStringLiteral("bare-text"))) {
        // The floor of any window that shows text: one label, so that the fonts are loaded.
        window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(window.get());
        layout->addWidget(new QLabel(QStringLiteral("Aftercare"), window.get()));
    } else {
        ui::installTranslations(application, QString());
        database = openDatabase(options);
        if (!database)
            return 1;
        session = std::make_unique<Session>(*database);
        const qint64 before = monotonicNanoseconds();
        auto user = session->signIn(options.value(QStringLiteral("user")),
                                    options.value(QStringLiteral("password")));
        signInNs = monotonicNanoseconds() - before;
        if (!user) {
            std::fprintf(stderr, "cannot sign in: %s\n", qPrintable(user.error().describe()));
            return 1;
        }
        window = std::make_unique<ui::MainWindow>(*database, *session);
    }
    window->resize(1280, 800);
    new FirstPaintProbe(window.get(), [signInNs] {
        const qint64 painted = monotonicNanoseconds();
        std::printf("{\"painted_ns\":%lld,\"signin_ms\":%.3f}\n", static_cast<long long>(painted),
                    double(signInNs) / 1e6);
        std::fflush(stdout);
        std::_Exit(0);
    });
    window->show();
    return application.exec();
}

// Signs in as each --users name:password in turn (as people do at one workstation during a
// day), shows every workspace their role has, signs out; prints the process's peak RSS.
int runOpenAll(QApplication& application, const BenchOptions& options)
{
    ui::installTranslations(application, QString());
    auto database = openDatabase(options);
    if (!database)
        return 1;
    QJsonArray opened;
    const int pause = options.number(QStringLiteral("settle"), 300);
    const QStringList users = options.value(QStringLiteral("users")).split(QLatin1Char(','));
    for (const QString& entry : users) {
        Session session(*database);
        auto user = session.signIn(entry.section(QLatin1Char(':'), 0, 0),
                                   entry.section(QLatin1Char(':'), 1));
        if (!user) {
            std::fprintf(stderr, "cannot sign in %s: %s\n", qPrintable(entry.section(':', 0, 0)),
                         qPrintable(user.error().describe()));
            return 1;
        }
        auto window = std::make_unique<ui::MainWindow>(*database, session);
        window->resize(1280, 800);
        window->show();
        settle(pause);
        for (const QString& key : window->workspaceKeys()) {
            if (!window->showWorkspace(key)) {
                std::fprintf(stderr, "cannot show workspace %s\n", qPrintable(key));
                return 1;
            }
            settle(pause);
            opened.append(user->username + QLatin1Char('/') + key);
        }
        window.reset();
        session.signOut();
        settle(100);
    }
    printJson(QJsonObject{{QStringLiteral("peak_rss_kb"), memoryKb("VmHWM")},
                          {QStringLiteral("rss_kb"), memoryKb("VmRSS")},
                          {QStringLiteral("opened"), opened}});
    return 0;
}

} // namespace aftercare::bench
