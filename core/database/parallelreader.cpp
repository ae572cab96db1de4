#include "database/parallelreader.h"

#include "database/database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>

namespace aftercare {

namespace {

// Transaction control runs unprepared and unobserved: it is not part of what a job reads.
Result<QSqlQuery> control(const Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql))
        return fail(database.errorFrom(query.lastError(),
                                       ParallelReader::tr("The database could not start a "
                                                          "consistent read for the report.")));
    return query;
}

// How long the SQLite gate waits for a writer to finish before giving up on parallel reads.
constexpr int kGateWaitMs = 200;

QString repeatableReadOnly()
{
    return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

// Holds the database's state still and returns what the workers need to see it (PostgreSQL:
// the snapshot's name; SQLite: nothing, the write lock keeps commits out).
Result<QString> closeGate(const Database& database)
{
    if (database.isSqlite()) {
        // Someone writing (an import, a second workstation) holds the lock: rather than wait
        // for them, the report then runs its statements one after another.
        auto timeout = control(database, QStringLiteral("PRAGMA busy_timeout"));
        const int usual = timeout && timeout->next() ? timeout->value(0).toInt() : 0;
        control(database, QStringLiteral("PRAGMA busy_timeout = %1").arg(kGateWaitMs));
        auto begun = control(database, QStringLiteral("BEGIN IMMEDIATE"));
        control(database, QStringLiteral("PRAGMA busy_timeout = %1").arg(usual));
        if (!begun)
            return fail(begun.error());
        return QString();
    }
    if (auto begun = control(database, repeatableReadOnly()); !begun)
        return fail(begun.error());
    auto exported = control(database, QStringLiteral("SELECT pg_export_snapshot()"));
    if (!exported || !exported->next()) {
        control(database, QStringLiteral("ROLLBACK"));
        return fail(exported ? Error{ErrorKind::Database,
                                     ParallelReader::tr("The database exported no snapshot.")}
                             : exported.error());
    }
    return exported->value(0).toString();
}

void openGate(const Database& database)
{
    control(database, QStringLiteral("ROLLBACK"));
}

Status beginSnapshot(const Database& database, const QString& snapshot)
{
    if (database.isSqlite()) {
        // A deferred transaction's snapshot is taken by its first read.
        if (auto begun = control(database, QStringLiteral("BEGIN")); !begun)
            return fail(begun.error());
        if (auto read = control(database, QStringLiteral("SELECT 1 FROM sqlite_master LIMIT 1"));
            !read)
            return fail(read.error());
        return {};
    }
    // The name comes from the server (e.g. 00000003-0000001B-1); SET TRANSACTION SNAPSHOT
    // takes no parameters, so it is checked before it is written into the statement.
    static const QRegularExpression snapshotName(QStringLiteral("^[0-9A-F-]+$"));
    if (!snapshotName.match(snapshot).hasMatch())
        return fail(Error{ErrorKind::Database,
                          ParallelReader::tr("The database exported no usable snapshot.")});
    if (auto begun = control(database, repeatableReadOnly()); !begun)
        return fail(begun.error());
    if (auto set = control(database, QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot));
        !set)
        return fail(set.error());
    return {};
}

} // namespace

ParallelReader::ParallelReader(const Database& database, int maxConnections)
    : m_database(database)
    , m_maxConnections(maxConnections > 0 ? maxConnections
                                          : std::clamp(QThread::idealThreadCount(), 2, 4))
{}

void ParallelReader::add(Job job, int lane)
{
    m_jobs.push_back(std::move(job));
    m_lanes.push_back(std::max(lane, 0));
}

Status ParallelReader::runOneAfterAnother()
{
    m_connectionsUsed = 1;
    for (const Job& job : m_jobs) {
        if (auto done = job(m_database); !done)
            return done;
    }
    return {};
}

Status ParallelReader::run()
{
    const int workers = std::min(m_maxConnections, int(m_jobs.size()));
    if (workers < 2 || !m_database.canOpenAnother())
        return runOneAfterAnother();
    auto snapshot = closeGate(m_database);
    if (!snapshot)
        return runOneAfterAnother(); // e.g. a read-only SQLite file: no write lock to hold

    std::latch started(workers);
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::optional<Error> firstError;
    int ready = 0;
    std::vector<bool> taken(m_jobs.size(), false);
    // The next job for the worker of `lane`: the first not taken of its lane, else of any.
    auto takeJob = [&](int lane) -> std::optional<std::size_t> {
        const std::scoped_lock lock(mutex);
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < m_jobs.size() && !found; ++i) {
            if (!taken[i] && m_lanes[i] % workers == lane)
                found = i;
        }
        for (std::size_t i = 0; i < m_jobs.size() && !found; ++i) {
            if (!taken[i])
                found = i;
        }
        if (found)
            taken[*found] = true;
        return found;
    };

    auto work = [&](int lane) {
        auto connection = m_database.openAnother();
        const bool begun = connection && beginSnapshot(**connection, *snapshot);
        {
            const std::scoped_lock lock(mutex);
            if (begun)
                ++ready;
        }
        started.count_down();
        if (!begun)
            return; // the other workers take the jobs
        while (!stop.load()) {
            const std::optional<std::size_t> index = takeJob(lane);
            if (!index)
                break;
            if (auto done = m_jobs[*index](**connection); !done) {
                const std::scoped_lock lock(mutex);
                if (!firstError)
                    firstError = done.error();
                stop = true;
            }
        }
        control(**connection, QStringLiteral("ROLLBACK"));
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < workers; ++i) {
        threads.emplace_back(QThread::create(work, i));
        threads.back()->start();
        if (!threads.back()->isRunning() && !threads.back()->isFinished())
            started.count_down(); // no thread (resources exhausted): the others take its jobs
    }
    started.wait();
    openGate(m_database);
    for (auto& thread : threads)
        thread->wait();

    if (ready == 0)
        return runOneAfterAnother(); // no worker could connect: the jobs are all still to do
    m_connectionsUsed = ready;
    if (firstError)
        return fail(*firstError);
    return {};
}

} // namespace aftercare
