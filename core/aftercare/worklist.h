#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

class Database;

// Whose tasks a worklist shows.
enum class WorklistScope
{
    All,
    Mine,              // assigned to WorklistQuery::me
    MineAndUnassigned, // assigned to me, or to nobody yet
};

// What a worklist is ordered by. Each order ends in the triage order, so that lines equal in
// the chosen column stay most urgent first.
enum class WorklistSort
{
    Priority, // the triage order: priority, then deadline (the default)
    Client,   // last name, first name
    Kind,     // the kind's name as the reader reads it
    Due,
    Deadline, // overdue first, then by deadline
    Attempts,
    Assignee, // by name; nobody yet last
};

// Which open follow-up tasks to list, and which page of them.
struct WorklistQuery
{
    WorklistScope scope = WorklistScope::All;
    UserId me; // for Mine and MineAndUnassigned
    std::optional<TaskKind> kind;
    bool overdueOnly = false;
    // 0: tasks due now or overdue; N: also those falling due within the next N days.
    int upcomingDays = 0;
    ClientId client; // valid: only this client's tasks (the client profile)
    QDateTime now;   // invalid: the current time
    WorklistSort sort = WorklistSort::Priority;
    bool descending = false; // the chosen column in reverse; the triage order after it stays
    int limit = 50;
    int offset = 0;
};

// One line of the clinician's worklist. Safe for any list: who to call, why (in words that
// name the test, the visit or the score, never values, summaries, comments or call notes),
// how urgent, and how often we tried. The content is fetched when a task is opened
// (CallService::open).
struct WorklistRow
{
    FollowUpTaskId task;
    int rowVersion = 0;
    ClientId client;
    QString clientName;
    QString phone;
    TaskKind kind = TaskKind::CheckinCall;
    QString kindText; // "Discuss a result"
    QString reason;   // "Discuss the HbA1c result received on 12/03/2026"
    QDateTime dueAt;
    QDateTime deadlineAt;
    bool overdue = false;  // the deadline has passed
    bool upcoming = false; // not yet due (only with upcomingDays)
    int priority = 2;
    int attempts = 0;
    QDateTime lastAttemptAt;
    UserId assignee;
    QString assigneeName; // empty: nobody yet
};

struct WorklistCounts
{
    qint64 total = 0;
    qint64 overdue = 0;
};

// The clinician's first screen: open tasks due now or overdue, most urgent first, a page at a
// time, filtered and sorted in SQL. Most urgent first is the triage order: by priority (an
// abnormal result to discuss and an unhappy client to call back before anything else), then
// by deadline (overdue first, since every overdue deadline lies before every other).
//
// This is the one definition of "due" and "overdue" for follow-up work: counts() is what the
// worklist and the Today page both show. A task is due once its due time has come and it is
// still open; it is overdue once its deadline has passed.
class Worklist
{
    Q_DECLARE_TR_FUNCTIONS(Worklist)

public:
    explicit Worklist(Database& database);

    Result<std::vector<WorklistRow>> rows(const WorklistQuery& query) const;
    // How many rows the query has in all pages, and how many of them are overdue.
    Result<WorklistCounts> counts(const WorklistQuery& query) const;
    // One task's row, e.g. to refresh a line after a call; NotFound once it is closed.
    Result<WorklistRow> row(FollowUpTaskId task, const QDateTime& now = {}) const;

private:
    // The rows of `filter` in the order `sorting` asks for.
    Result<std::vector<WorklistRow>> fetch(const QString& filter, const QVariantList& values,
                                           const WorklistQuery& sorting, const QDateTime& now,
                                           int limit, int offset, bool inIndexOrder) const;

    // SQLite only: whether the schema has followup_tasks_worklist_idx.
    bool hasWorklistIndex() const;

    Database& m_database;
    mutable std::optional<bool> m_hasWorklistIndex;
};

} // namespace aftercare
