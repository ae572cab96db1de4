// backends: sqlite postgresql
#include "database/database.h"
#include "database/parallelreader.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QTest>

#include <atomic>

using namespace aftercare;
using namespace aftercare::test;

namespace {

constexpr int kWaitMs = 20000;

Result<qint64> settingsCount(const Database& database)
{
    auto count = database.scalar(QStringLiteral("SELECT count(*) FROM practice_settings"));
    if (!count)
        return fail(count.error());
    return count->toLongLong();
}

} // namespace

// The report's statements run on several connections at once; every one of them must see the
// same state of the database, an error must stop the run, and where a second connection is
// not possible the jobs run one after another on the given one.
class TestParallelReader : public QObject
{
    Q_OBJECT

private slots:
    void jobsRunAtTheSameTimeOnOtherConnections();
    void everyConnectionSeesTheStateOfTheStart();
    void jobsOfOneLaneShareAConnection();
    void aWriterInTheWayDoesNotHoldTheReportUp();
    void firstErrorStopsTheRun();
    void oneConnectionRunsOnTheGivenOne();
    void inMemoryDatabaseRunsOnTheGivenOne();
};

void TestParallelReader::jobsRunAtTheSameTimeOnOtherConnections()
{
    AFTERCARE_FRESH_DATABASE(database);
    ParallelReader reader(database, 2);
    QMutex mutex;
    QSet<QString> connections;
    std::atomic<int> ran{0};
    QSemaphore firstStarted;
    QSemaphore secondStarted;
    auto record = [&](const Database& on) {
        const QMutexLocker lock(&mutex);
        connections.insert(on.connection().connectionName());
        ++ran;
    };
    // Each of the first two jobs waits for the other to have started: only two connections
    // working at the same time get both of them done.
    reader.add([&](const Database& on) -> Status {
        record(on);
        firstStarted.release();
        if (!secondStarted.tryAcquire(1, kWaitMs))
            return fail(Error{ErrorKind::Database, QStringLiteral("the second job never ran")});
        return toStatus(settingsCount(on));
    });
    reader.add([&](const Database& on) -> Status {
        record(on);
        secondStarted.release();
        if (!firstStarted.tryAcquire(1, kWaitMs))
            return fail(Error{ErrorKind::Database, QStringLiteral("the first job never ran")});
        return toStatus(settingsCount(on));
    });
    for (int i = 0; i < 6; ++i) {
        reader.add([&](const Database& on) -> Status {
            record(on);
            return toStatus(settingsCount(on));
        });
    }
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(ran.load(), 8);
    QCOMPARE(reader.connectionsUsed(), 2);
    QCOMPARE(connections.size(), 2);
    QVERIFY(!connections.contains(database.connection().connectionName()));
}

void TestParallelReader::everyConnectionSeesTheStateOfTheStart()
{
    AFTERCARE_FRESH_DATABASE(database);
    auto before = settingsCount(database);
    QVERIFY(before);

    ParallelReader reader(database, 2);
    QSemaphore written;
    qint64 seenFirst = -1;
    qint64 seenSecond = -1;
    // The first job reads, then another workstation adds a setting and commits; the second
    // job, on the other connection, reads only after that commit.
    reader.add([&](const Database& on) -> Status {
        auto count = settingsCount(on);
        if (!count)
            return fail(count.error());
        seenFirst = *count;
        auto workstation = Database::open(on.url());
        if (!workstation)
            return fail(workstation.error());
        auto inserted = (*workstation)->write([](TransactionGuard& transaction) -> Status {
            return toStatus(transaction.database().run(
                QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?)"),
                {QStringLiteral("test.parallel"), QStringLiteral("written meanwhile")}));
        });
        written.release();
        return inserted;
    });
    reader.add([&](const Database& on) -> Status {
        if (!written.tryAcquire(1, kWaitMs))
            return fail(Error{ErrorKind::Database, QStringLiteral("the write never happened")});
        auto count = settingsCount(on);
        if (!count)
            return fail(count.error());
        seenSecond = *count;
        return {};
    });
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(reader.connectionsUsed(), 2);
    QCOMPARE(seenFirst, *before);
    QCOMPARE(seenSecond, *before);
    auto after = settingsCount(database);
    QVERIFY(after);
    QCOMPARE(*after, *before + 1);
}

void TestParallelReader::jobsOfOneLaneShareAConnection()
{
    AFTERCARE_FRESH_DATABASE(database);
    ParallelReader reader(database, 2);
    QMutex mutex;
    QHash<QString, QString> connectionOf;
    // Added lane 0, lane 0, lane 1, lane 1. Each job waits until its partner in the other lane
    // has started: taken in the order added, the two lane-0 jobs would wait for each other's
    // partners and nothing would be left to start them.
    QSemaphore started[4];
    auto job = [&](int self, int partner, const QString& name) {
        return [&, self, partner, name](const Database& on) -> Status {
            {
                const QMutexLocker lock(&mutex);
                connectionOf.insert(name, on.connection().connectionName());
            }
            started[self].release();
            if (!started[partner].tryAcquire(1, kWaitMs))
                return fail(Error{ErrorKind::Database, name + QStringLiteral(" waited in vain")});
            started[partner].release();
            return toStatus(settingsCount(on));
        };
    };
    reader.add(job(0, 2, QStringLiteral("first of lane 0")), 0);
    reader.add(job(1, 3, QStringLiteral("second of lane 0")), 0);
    reader.add(job(2, 0, QStringLiteral("first of lane 1")), 1);
    reader.add(job(3, 1, QStringLiteral("second of lane 1")), 1);
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(connectionOf.value(QStringLiteral("first of lane 0")),
             connectionOf.value(QStringLiteral("second of lane 0")));
    QCOMPARE(connectionOf.value(QStringLiteral("first of lane 1")),
             connectionOf.value(QStringLiteral("second of lane 1")));
    QVERIFY(connectionOf.value(QStringLiteral("first of lane 0")) !=
            connectionOf.value(QStringLiteral("first of lane 1")));
}

void TestParallelReader::aWriterInTheWayDoesNotHoldTheReportUp()
{
    AFTERCARE_FRESH_DATABASE(database);
    // Another workstation is in the middle of a long write.
    auto workstation = Database::open(database.url());
    QVERIFY(workstation);
    auto writing = (*workstation)->begin();
    QVERIFY(writing);
    QVERIFY(writing->database().run(
        QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?)"),
        {QStringLiteral("test.writing"), QStringLiteral("not committed yet")}));

    ParallelReader reader(database, 2);
    std::atomic<int> ran{0};
    for (int i = 0; i < 4; ++i) {
        reader.add([&](const Database& on) -> Status {
            ++ran;
            auto count = settingsCount(on);
            if (!count)
                return fail(count.error());
            return *count == 0 ? Status{}
                               : fail(Error{ErrorKind::Database,
                                            QStringLiteral("an uncommitted row was seen")});
        });
    }
    QElapsedTimer timer;
    timer.start();
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(ran.load(), 4);
    // SQLite: the writer holds the lock that the workers' common start needs, so the statements
    // run one after another at once instead of waiting for it. PostgreSQL's snapshots do
    // not wait for writers.
    QCOMPARE(reader.connectionsUsed(), backendUnderTest() == Backend::Sqlite ? 1 : 2);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    writing->rollback();
}

void TestParallelReader::firstErrorStopsTheRun()
{
    AFTERCARE_FRESH_DATABASE(database);
    ParallelReader reader(database, 2);
    std::atomic<int> ran{0};
    reader.add([](const Database& on) -> Status {
        return toStatus(on.run(QStringLiteral("SELECT missing_column FROM practice_settings")));
    });
    for (int i = 0; i < 20; ++i) {
        reader.add([&](const Database& on) -> Status {
            QThread::msleep(20);
            ++ran;
            return toStatus(settingsCount(on));
        });
    }
    const Status done = reader.run();
    QVERIFY(!done);
    QCOMPARE(reader.connectionsUsed(), 2);
    QCOMPARE(done.error().kind, ErrorKind::Database);
    QVERIFY2(done.error().detail.contains(QLatin1String("missing_column")),
             qPrintable(done.error().describe()));
    // The other connection finishes the job it has; nothing after it starts.
    QVERIFY2(ran.load() <= 2, qPrintable(QString::number(ran.load())));
    // The given connection is left usable, outside any transaction.
    QVERIFY(database.begin());
}

void TestParallelReader::oneConnectionRunsOnTheGivenOne()
{
    AFTERCARE_FRESH_DATABASE(database);
    ParallelReader reader(database, 1);
    QStringList connections;
    for (int i = 0; i < 3; ++i) {
        reader.add([&](const Database& on) -> Status {
            connections.append(on.connection().connectionName());
            return toStatus(settingsCount(on));
        });
    }
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(reader.connectionsUsed(), 1);
    const QString given = database.connection().connectionName();
    QCOMPARE(connections, (QStringList{given, given, given}));
}

void TestParallelReader::inMemoryDatabaseRunsOnTheGivenOne()
{
    auto memory = Database::open(DatabaseUrl::sqliteFile(QStringLiteral(":memory:")));
    QVERIFY2(memory, memory ? "" : qPrintable(memory.error().describe()));
    QVERIFY((*memory)->executeScript(QStringLiteral("CREATE TABLE practice_settings (key TEXT)")));
    QVERIFY(!(*memory)->canOpenAnother());
    ParallelReader reader(**memory, 4);
    int ran = 0;
    for (int i = 0; i < 3; ++i) {
        reader.add([&](const Database& on) -> Status {
            ++ran;
            return toStatus(settingsCount(on));
        });
    }
    const Status done = reader.run();
    QVERIFY2(done, done ? "" : qPrintable(done.error().describe()));
    QCOMPARE(ran, 3);
    QCOMPARE(reader.connectionsUsed(), 1);
}

QTEST_GUILESS_MAIN(TestParallelReader)
#include "tst_parallelreader.moc"
