#include "demo/demoplanning.h"

#include "aftercare/followupplanner.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "demo/demobatchexecutor.h"
#include "demo/demopracticewriter.h"
#include "demo/demorandom.h"
#include "demo/demotext.h"
#include "demo/demowording.h"

#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace aftercare {

namespace {

using namespace DemoClock;

// Who works a task of this kind in the demo practice, as in DemoFollowUps.
DemoUser workerFor(TaskKind kind)
{
    switch (kind) {
    case TaskKind::DetractorCallback:
        return DemoUser::Manager;
    case TaskKind::RebookReminder:
    case TaskKind::AnnualReview:
        return DemoUser::Reception;
    default:
        return DemoUser::Clinician;
    }
}

std::size_t notesOf(TaskKind kind)
{
    switch (kind) {
    case TaskKind::DetractorCallback:
        return DemoText::detractorNotes().size();
    case TaskKind::CheckinCall:
        return DemoText::checkinNotes().size();
    default:
        return DemoText::rebookDeclinedNotes().size();
    }
}

// Unforeseen tasks whose deadline passed longer ago than this were worked; newer ones wait.
constexpr int kSettledAfterDays = 14;

} // namespace

DemoPlanning::DemoPlanning(Database& database, const DemoModel& model, std::uint64_t seed,
                           std::array<qint64, 4> userIds)
    : m_database(database)
    , m_model(model)
    , m_seed(seed)
    , m_userIds(userIds)
{}

Status DemoPlanning::ddl(const QString& sql)
{
    // Statements without values, not prepared (PostgreSQL prepares no CREATE or DROP).
    return m_database.executeScript(sql);
}

Status DemoPlanning::exec(const QString& sql, const QVariantList& values)
{
    auto done = m_database.run(sql, values);
    if (!done)
        return fail(done.error());
    return {};
}

Status DemoPlanning::run(const QDateTime& now)
{
    FollowUpPlanner planner(m_database);
    FollowUpPlanner::Options options;
    options.mode = FollowUpPlanner::Mode::Full;
    options.now = now;
    options.staleAfterDays = 0; // each reason was news when it happened
    const auto write = [&](const QString& sql) -> Status {
        return m_database.write([&](TransactionGuard&) { return exec(sql); });
    };
    if (auto done = write(QStringLiteral(
            "UPDATE test_results SET status = 'received' WHERE status <> 'received'"));
        !done)
        return done;
    if (auto planned = planner.plan(options, Actor::system()); !planned)
        return fail(planned.error());
    // DemoPracticeWriter sets reviewed_at once reviewed and communicated_at once communicated.
    if (auto done = write(QStringLiteral(
            "UPDATE test_results SET status = CASE WHEN communicated_at IS NOT NULL THEN "
            "'communicated' WHEN reviewed_at IS NOT NULL THEN 'reviewed' ELSE 'received' END "
            "WHERE communicated_at IS NOT NULL OR reviewed_at IS NOT NULL"));
        !done)
        return done;
    if (auto planned = planner.plan(options, Actor::system()); !planned)
        return fail(planned.error());
    return m_database.write([&](TransactionGuard&) -> Status {
        if (auto done = applyOutcomes(); !done)
            return done;
        return settleUnforeseen(now);
    });
}

Status DemoPlanning::applyOutcomes()
{
    const QString outcomes = DemoPracticeWriter::kOutcomeTable;
    const QString calls = DemoPracticeWriter::kCallTable;
    // The temporary tables take their columns' types from the tables they feed.
    for (const QString& sql : {
             QStringLiteral("CREATE TEMP TABLE %1 AS SELECT source_key, status, done_at, done_by, "
                            "resolution_note, created_at FROM followup_tasks WHERE 1 = 0")
                 .arg(outcomes),
             QStringLiteral("CREATE TEMP TABLE %1 AS SELECT t.source_key, c.attempted_at, "
                            "c.outcome, c.notes, c.next_step, c.call_again_at, c.by_user "
                            "FROM call_attempts c JOIN followup_tasks t ON t.id = c.task_id "
                            "WHERE 1 = 0")
                 .arg(calls),
         }) {
        if (auto done = ddl(sql); !done)
            return done;
    }
    DemoBatchExecutor executor(m_database, m_model.firstDay - 36600, m_model.today + 400);
    DemoPracticeWriter writer(m_model, m_seed, m_userIds,
                              [&](DemoBatch&& batch) { return executor.execute(batch); });
    if (auto done = writer.writeOutcomes(); !done)
        return done;
    if (auto done = ddl(QStringLiteral("CREATE INDEX %1_key_idx ON %1 (source_key)").arg(outcomes));
        !done)
        return done;
    for (const QString& sql : {
             QStringLiteral("UPDATE followup_tasks SET created_at = due_at "
                            "WHERE created_at > due_at"),
             QStringLiteral("UPDATE followup_tasks SET created_at = o.created_at FROM %1 o "
                            "WHERE o.source_key = followup_tasks.source_key")
                 .arg(outcomes),
             QStringLiteral("UPDATE followup_tasks SET status = o.status, done_at = o.done_at, "
                            "done_by = o.done_by, resolution_note = o.resolution_note, "
                            "row_version = row_version + 1 FROM %1 o "
                            "WHERE o.source_key = followup_tasks.source_key "
                            "AND followup_tasks.status = 'open' AND o.status <> 'open'")
                 .arg(outcomes),
             QStringLiteral("INSERT INTO call_attempts (task_id, attempted_at, outcome, notes, "
                            "next_step, call_again_at, by_user) "
                            "SELECT t.id, c.attempted_at, c.outcome, c.notes, c.next_step, "
                            "c.call_again_at, c.by_user FROM %1 c "
                            "JOIN followup_tasks t ON t.source_key = c.source_key "
                            "ORDER BY t.id, c.attempted_at")
                 .arg(calls),
         }) {
        if (auto done = exec(sql); !done)
            return done;
    }
    return {};
}

Status DemoPlanning::settleUnforeseen(const QDateTime& now)
{
    const QString outcomes = DemoPracticeWriter::kOutcomeTable;
    auto query = m_database.run(
        QStringLiteral("SELECT t.id, t.kind, t.due_at, t.deadline_at FROM followup_tasks t "
                       "WHERE t.status = 'open' AND t.deadline_at < ? "
                       "AND t.kind NOT IN ('discuss_result', 'communicate_result') AND NOT EXISTS "
                       "(SELECT 1 FROM %1 o WHERE o.source_key = t.source_key) "
                       // The same order on every backend and run, whatever the ids.
                       "ORDER BY t.due_at, t.client_id, t.kind, coalesce(t.appointment_id, 0), "
                       "coalesce(t.feedback_id, 0)")
            .arg(outcomes),
        {SqlTime::toSql(now.addDays(-kSettledAfterDays))});
    if (!query)
        return fail(query.error());
    struct Open
    {
        qint64 id;
        TaskKind kind;
        QDateTime due;
        QDateTime deadline;
    };
    std::vector<Open> open;
    while (query->next())
        open.push_back(
            {query->value(0).toLongLong(),
             parseSqlName<TaskKind>(query->value(1).toString()).value_or(TaskKind::Letter),
             SqlTime::toDateTime(query->value(2)), SqlTime::toDateTime(query->value(3))});

    DemoRandom rnd = DemoRandom::stream(m_seed, 5);
    const DemoWording wording;
    const QDateTime latest = now.addSecs(-kHour);
    for (const Open& task : open) {
        // Mostly within the deadline, now and then later; reached, or a letter instead.
        const qint64 window = std::max<qint64>(task.due.secsTo(task.deadline), kHour);
        QDateTime done = rnd.chance(850)
                             ? task.due.addSecs(rnd.between(30 * kMinute, window - 5 * kMinute))
                             : task.deadline.addSecs(rnd.between(kHour, 10 * kDay));
        done = std::min(done, latest);
        const bool reached = rnd.chance(650);
        DemoTaskRecord record;
        record.kind = task.kind;
        record.status = TaskStatus::Done;
        record.note = std::int16_t(rnd.index(notesOf(task.kind)));
        DemoCallRecord call;
        call.outcome = reached ? CallOutcome::Reached : CallOutcome::NoAnswer;
        call.next = reached ? CallNextStep::Done : CallNextStep::Letter;
        const QString note = reached ? wording.taskNote(record)
                                     : QStringLiteral("Not reachable by phone; a letter was sent.");
        const QVariant by = m_userIds[std::size_t(workerFor(task.kind))];
        if (auto updated = exec(QStringLiteral("UPDATE followup_tasks SET status = 'done', "
                                               "done_at = ?, done_by = ?, resolution_note = ?, "
                                               "row_version = row_version + 1 WHERE id = ?"),
                                {SqlTime::toSql(done), by, note, task.id});
            !updated)
            return updated;
        if (auto called =
                exec(QStringLiteral("INSERT INTO call_attempts (task_id, attempted_at, outcome, "
                                    "notes, next_step, by_user) VALUES (?, ?, ?, ?, ?, ?)"),
                     {task.id, SqlTime::toSql(done), sqlName(call.outcome),
                      reached ? note : QStringLiteral(""), sqlName(call.next), by});
            !called)
            return called;
    }
    for (const QString& table : {outcomes, QString(DemoPracticeWriter::kCallTable)}) {
        if (auto dropped = ddl(QStringLiteral("DROP TABLE %1").arg(table)); !dropped)
            return dropped;
    }
    return {};
}

} // namespace aftercare
