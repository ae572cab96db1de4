#pragma once

#include "error.h"

#include <QCoreApplication>

#include <functional>
#include <vector>

namespace aftercare {

class Database;

// Runs independent read-only jobs (the statements of a report) on several connections at
// once, every one of them seeing the same state of the database:
// - PostgreSQL: the given connection exports its snapshot (pg_export_snapshot) and each
//   worker's REPEATABLE READ transaction imports it.
// - SQLite: the given connection holds the write lock (BEGIN IMMEDIATE) while each worker
//   starts its read transaction, so no write can commit between their starts; writers wait
//   for those few milliseconds, then go on while the jobs run.
// Jobs run in the order added (add the longest first). A job may name a lane: worker k takes
// the jobs of lane k (modulo the number of workers) first, then helps with the others. Jobs
// that read the same large index share a lane, so that one connection reads its pages from
// disk or maps them (SQLite keeps its page cache and its memory map per connection) instead
// of every connection doing it again.
// Falls back to running them one after another on the given connection when a second one
// cannot be had (an in-memory database, one job, a single connection asked for, or none of
// the workers could connect or start its snapshot).
// The given connection must not be inside a transaction; a job must not write.
class ParallelReader
{
    Q_DECLARE_TR_FUNCTIONS(ParallelReader)

public:
    using Job = std::function<Status(const Database&)>;

    // maxConnections: worker connections at most; 0 = one per core, from 2 to 4.
    explicit ParallelReader(const Database& database, int maxConnections = 0);

    void add(Job job, int lane = 0);

    // Runs every job and returns the first error, if any; after an error no further job
    // starts. Returns once every worker has finished.
    Status run();

    // How many connections the last run() used for its jobs (1: one after another).
    int connectionsUsed() const { return m_connectionsUsed; }

private:
    Status runOneAfterAnother();

    const Database& m_database;
    int m_maxConnections;
    std::vector<Job> m_jobs;
    std::vector<int> m_lanes;
    int m_connectionsUsed = 0;
};

} // namespace aftercare
