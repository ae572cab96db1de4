#pragma once

#include "auth/actor.h"
#include "domain/callattempt.h"
#include "domain/followuptask.h"
#include "error.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// After-care work: the tasks (mostly calls) and the attempts made on them. Tasks are
// created idempotently by their source key; call notes are clinical content, so only
// clinicians write or read them.
class FollowUpTaskRepository
{
    Q_DECLARE_TR_FUNCTIONS(FollowUpTaskRepository)

public:
    struct Upserted
    {
        FollowUpTaskId id;
        bool created = false; // false: a task with this source key existed already
    };

    // Which open tasks to list. Ordered most urgent first: overdue (deadline before asOf)
    // first, then by deadline, then by priority.
    struct Filter
    {
        QDateTime asOf;                 // "now"; invalid means the current time
        UserId assignee;                // invalid: anyone's
        bool includeUnassigned = false; // with an assignee: also tasks nobody has taken yet
        std::optional<TaskKind> kind;
        ClientId client;
        bool overdueOnly = false;
        QDateTime dueBy; // only tasks due at or before this time; invalid: all open tasks
        int limit = 500;
        int offset = 0;
    };

    explicit FollowUpTaskRepository(Database& database);

    // Creates the task unless one with the same sourceKey exists; either way returns its id.
    Result<Upserted> upsert(const FollowUpTask& draft, const Actor& actor);
    Result<Upserted> upsert(TransactionGuard& transaction, const FollowUpTask& draft,
                            const Actor& actor);
    Result<FollowUpTask> get(FollowUpTaskId id) const;
    Result<FollowUpTask> findBySourceKey(const QString& sourceKey) const;
    Result<std::vector<FollowUpTask>> openTasks(const Filter& filter) const;
    // All of a client's tasks, newest deadline first.
    Result<std::vector<FollowUpTask>> forClient(ClientId client) const;

    // Logs a call on an open task. Notes need WriteClinicalContent. "Call again" moves the
    // task's due time to callAgainAt; "done" completes the task (with resolutionNote, if
    // given). The task is refreshed.
    Result<CallAttemptId> logCall(FollowUpTask& task, const CallAttempt& attempt,
                                  const Actor& actor, const QString& resolutionNote = {});
    Result<CallAttemptId> logCall(TransactionGuard& transaction, FollowUpTask& task,
                                  const CallAttempt& attempt, const Actor& actor,
                                  const QString& resolutionNote = {});
    // The attempts on a task, oldest first; notes are left out (notesHidden) unless the
    // actor may read clinical content.
    Result<std::vector<CallAttempt>> callAttempts(FollowUpTaskId task, const Actor& actor) const;

    Status assign(FollowUpTask& task, UserId assignee, const Actor& actor);
    // Hands an open task to assignee at the highest priority.
    Status escalate(TransactionGuard& transaction, FollowUpTask& task, UserId assignee,
                    const Actor& actor);
    Status complete(FollowUpTask& task, const QString& resolutionNote, const Actor& actor,
                    const QDateTime& at = {});
    Status complete(TransactionGuard& transaction, FollowUpTask& task,
                    const QString& resolutionNote, const Actor& actor, const QDateTime& at = {});
    // A cancelled task needs a reason in its resolution note.
    Status cancel(FollowUpTask& task, const QString& resolutionNote, const Actor& actor);
    // The visit's completion was taken back: removes the open tasks planned for it since
    // `plannedSince` (its check-in call), in the caller's transaction, so that completing it
    // again plans them afresh. Refused when one of them was worked on (a call logged).
    Result<int> withdrawPlannedForVisit(TransactionGuard& transaction, AppointmentId visit,
                                        const QDateTime& plannedSince);

private:
    Status validate(const FollowUpTask& draft) const;
    Result<std::vector<FollowUpTask>> list(const QString& where, const QString& order,
                                           const QVariantList& values) const;
    // Refuses a task that is gone, stale or no longer open.
    Status checkOpen(const FollowUpTask& task) const;
    Status update(FollowUpTask& task, const QString& assignments, const QVariantList& values);

    Database& m_database;
};

} // namespace aftercare
