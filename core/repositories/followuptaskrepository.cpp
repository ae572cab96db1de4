#include "repositories/followuptaskrepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kTable = QStringLiteral("followup_tasks");

const QString kSelect = QStringLiteral("SELECT t.id, t.client_id, t.kind, t.source_key, "
                                       "t.appointment_id, t.result_id, t.feedback_id, t.due_at, "
                                       "t.deadline_at, t.priority, t.assignee_id, t.status, "
                                       "t.done_at, t.done_by, t.resolution_note, t.created_at, "
                                       "t.row_version, c.first_name, c.last_name FROM "
                                       "followup_tasks t JOIN clients c ON c.id = t.client_id ");

FollowUpTask taskFromRow(const QSqlQuery& q)
{
    FollowUpTask t;
    t.id = FollowUpTaskId(q.value(0).toLongLong());
    t.client = ClientId(q.value(1).toLongLong());
    t.kind = parseSqlName<TaskKind>(q.value(2).toString()).value_or(TaskKind::CheckinCall);
    t.sourceKey = q.value(3).toString();
    t.appointment = AppointmentId::fromVariant(q.value(4));
    t.result = ResultId::fromVariant(q.value(5));
    t.feedback = FeedbackId::fromVariant(q.value(6));
    t.dueAt = SqlTime::toDateTime(q.value(7));
    t.deadlineAt = SqlTime::toDateTime(q.value(8));
    t.priority = q.value(9).toInt();
    t.assignee = UserId::fromVariant(q.value(10));
    t.status = parseSqlName<TaskStatus>(q.value(11).toString()).value_or(TaskStatus::Open);
    t.doneAt = SqlTime::toDateTime(q.value(12));
    t.doneBy = UserId::fromVariant(q.value(13));
    t.resolutionNote = q.value(14).toString();
    t.createdAt = SqlTime::toDateTime(q.value(15));
    t.rowVersion = q.value(16).toInt();
    t.clientName = q.value(17).toString() + QLatin1Char(' ') + q.value(18).toString();
    return t;
}

QDateTime nowIfInvalid(const QDateTime& at)
{
    return at.isValid() ? at : QDateTime::currentDateTime();
}

} // namespace

FollowUpTaskRepository::FollowUpTaskRepository(Database& database)
    : m_database(database)
{}

Status FollowUpTaskRepository::validate(const FollowUpTask& draft) const
{
    if (!draft.client.isValid())
        return fail(Error::validation(tr("A task must concern a client.")));
    if (draft.sourceKey.trimmed().isEmpty())
        return fail(Error::validation(tr("A task needs a source key saying why it exists.")));
    if (!draft.dueAt.isValid() || !draft.deadlineAt.isValid())
        return fail(Error::validation(tr("A task needs a due time and a deadline.")));
    if (draft.priority < FollowUpTask::kHighestPriority ||
        draft.priority > FollowUpTask::kLowestPriority)
        return fail(Error::validation(tr("A task's priority lies between %1 and %2.")
                                          .arg(FollowUpTask::kHighestPriority)
                                          .arg(FollowUpTask::kLowestPriority)));
    return {};
}

Result<FollowUpTaskRepository::Upserted> FollowUpTaskRepository::upsert(const FollowUpTask& draft,
                                                                        const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return upsert(tx, draft, actor); });
}

Result<FollowUpTaskRepository::Upserted>
FollowUpTaskRepository::upsert(TransactionGuard&, const FollowUpTask& draft, const Actor&)
{
    if (auto valid = validate(draft); !valid)
        return fail(valid.error());
    // ON CONFLICT DO NOTHING rather than a look-up first: two workstations generating the
    // same task at once must still end up with one.
    auto inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO followup_tasks (client_id, kind, source_key, appointment_id, result_id, "
            "feedback_id, due_at, deadline_at, priority, assignee_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING "
            "RETURNING id"),
        {draft.client.toVariant(), sqlName(draft.kind), draft.sourceKey.trimmed(),
         draft.appointment.toVariant(), draft.result.toVariant(), draft.feedback.toVariant(),
         SqlTime::toSql(draft.dueAt), SqlTime::toSql(draft.deadlineAt), draft.priority,
         draft.assignee.toVariant(), SqlTime::toSql(nowIfInvalid(draft.createdAt))});
    if (!inserted)
        return fail(inserted.error());
    if (inserted->next())
        return Upserted{FollowUpTaskId(inserted->value(0).toLongLong()), true};
    auto existing =
        m_database.scalar(QStringLiteral("SELECT id FROM followup_tasks WHERE source_key = ?"),
                          {draft.sourceKey.trimmed()});
    if (!existing)
        return fail(existing.error());
    if (existing->isNull())
        return fail(
            Error{ErrorKind::Database,
                  tr("The task for %1 was neither created nor found.").arg(draft.sourceKey)});
    return Upserted{FollowUpTaskId(existing->toLongLong()), false};
}

Result<std::vector<FollowUpTask>> FollowUpTaskRepository::list(const QString& where,
                                                               const QString& order,
                                                               const QVariantList& values) const
{
    return m_database.collect(kSelect + QStringLiteral("WHERE ") + where +
                                  QStringLiteral(" ORDER BY ") + order,
                              values, taskFromRow);
}

Result<FollowUpTask> FollowUpTaskRepository::get(FollowUpTaskId id) const
{
    auto found = list(QStringLiteral("t.id = ?"), QStringLiteral("t.id"), {id.toVariant()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(tr("There is no task with the number %1.").arg(id.value())));
    return found->front();
}

Result<FollowUpTask> FollowUpTaskRepository::findBySourceKey(const QString& sourceKey) const
{
    auto found =
        list(QStringLiteral("t.source_key = ?"), QStringLiteral("t.id"), {sourceKey.trimmed()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(tr("There is no task for %1.").arg(sourceKey.trimmed())));
    return found->front();
}

Result<std::vector<FollowUpTask>> FollowUpTaskRepository::openTasks(const Filter& filter) const
{
    const QVariant asOf = SqlTime::toSql(nowIfInvalid(filter.asOf));
    QString where = QStringLiteral("t.status = 'open'");
    QVariantList values;
    if (filter.assignee.isValid()) {
        where += filter.includeUnassigned
                     ? QStringLiteral(" AND (t.assignee_id = ? OR t.assignee_id IS NULL)")
                     : QStringLiteral(" AND t.assignee_id = ?");
        values << filter.assignee.toVariant();
    }
    if (filter.kind) {
        where += QStringLiteral(" AND t.kind = ?");
        values << sqlName(*filter.kind);
    }
    if (filter.client.isValid()) {
        where += QStringLiteral(" AND t.client_id = ?");
        values << filter.client.toVariant();
    }
    if (filter.overdueOnly) {
        where += QStringLiteral(" AND t.deadline_at < ?");
        values << asOf;
    }
    if (filter.dueBy.isValid()) {
        where += QStringLiteral(" AND t.due_at <= ?");
        values << SqlTime::toSql(filter.dueBy);
    }
    values << asOf << filter.limit << filter.offset;
    return list(
        where,
        QStringLiteral(
            "CASE WHEN t.deadline_at < ? THEN 0 ELSE 1 END, t.deadline_at, t.priority, t.due_at, "
            "t.id LIMIT ? OFFSET ?"),
        values);
}

Result<std::vector<FollowUpTask>> FollowUpTaskRepository::forClient(ClientId client) const
{
    return list(QStringLiteral("t.client_id = ?"), QStringLiteral("t.deadline_at DESC, t.id DESC"),
                {client.toVariant()});
}

Status FollowUpTaskRepository::checkOpen(const FollowUpTask& task) const
{
    auto current = m_database.run(
        QStringLiteral("SELECT status, row_version FROM followup_tasks WHERE id = ?"),
        {task.id.toVariant()});
    if (!current)
        return fail(current.error());
    if (!current->next())
        return fail(
            Error::notFound(tr("There is no task with the number %1.").arg(task.id.value())));
    if (current->value(1).toInt() != task.rowVersion)
        return fail(StaleEdit::explain(m_database, kTable, task.id.value(), tr("task")));
    if (current->value(0).toString() != sqlName(TaskStatus::Open))
        return fail(Error::validation(tr("This task is closed already.")));
    return {};
}

Status FollowUpTaskRepository::update(FollowUpTask& task, const QString& assignments,
                                      const QVariantList& values)
{
    QVariantList all = values;
    all << task.id.toVariant() << task.rowVersion;
    auto query = m_database.run(QStringLiteral("UPDATE followup_tasks SET %1, row_version = "
                                               "row_version + 1 WHERE id = ? AND row_version = ?")
                                    .arg(assignments),
                                all);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(StaleEdit::explain(m_database, kTable, task.id.value(), tr("task")));
    auto fresh = get(task.id);
    if (!fresh)
        return fail(fresh.error());
    task = std::move(*fresh);
    return {};
}

Result<CallAttemptId> FollowUpTaskRepository::logCall(FollowUpTask& task,
                                                      const CallAttempt& attempt,
                                                      const Actor& actor,
                                                      const QString& resolutionNote)
{
    FollowUpTask copy; // the caller's task changes only once the transaction committed
    auto logged = m_database.write([&](TransactionGuard& tx) {
        copy = task;
        return logCall(tx, copy, attempt, actor, resolutionNote);
    });
    if (logged)
        task = std::move(copy);
    return logged;
}

Result<CallAttemptId> FollowUpTaskRepository::logCall(TransactionGuard&, FollowUpTask& task,
                                                      const CallAttempt& attempt,
                                                      const Actor& actor,
                                                      const QString& resolutionNote)
{
    if (!attempt.notes.trimmed().isEmpty()) {
        if (auto allowed = Permissions::require(actor, Permission::WriteClinicalContent); !allowed)
            return fail(allowed.error());
    }
    const QDateTime attemptedAt = nowIfInvalid(attempt.attemptedAt);
    if (attempt.nextStep == CallNextStep::CallAgain &&
        (!attempt.callAgainAt.isValid() || attempt.callAgainAt <= attemptedAt))
        return fail(Error::validation(tr("Say when to call again: a time after this call.")));
    if (auto open = checkOpen(task); !open)
        return fail(open.error());

    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO call_attempts (task_id, attempted_at, outcome, notes, "
                       "next_step, call_again_at, "
                       "by_user) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {task.id.toVariant(), SqlTime::toSql(attemptedAt), sqlName(attempt.outcome),
         SqlValue::text(attempt.notes), sqlName(attempt.nextStep),
         SqlTime::toSql(attempt.nextStep == CallNextStep::CallAgain ? attempt.callAgainAt
                                                                    : QDateTime()),
         actor.user.toVariant()});
    if (!inserted)
        return fail(inserted.error());
    if (!inserted->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new call's id.")});
    const CallAttemptId id(inserted->value(0).toLongLong());

    Status updated;
    if (attempt.nextStep == CallNextStep::CallAgain)
        updated = update(task, QStringLiteral("due_at = ?"), {SqlTime::toSql(attempt.callAgainAt)});
    else if (attempt.nextStep == CallNextStep::Done)
        updated = update(task,
                         QStringLiteral("status = 'done', done_at = ?, done_by = ?, "
                                        "resolution_note = ?"),
                         {SqlTime::toSql(attemptedAt), actor.user.toVariant(),
                          SqlValue::text(resolutionNote.trimmed())});
    else // the attempt changes what others must know about the task: a stale form must reload
        updated = update(task, QStringLiteral("status = status"), {});
    if (!updated)
        return fail(updated.error());
    return id;
}

Result<std::vector<CallAttempt>> FollowUpTaskRepository::callAttempts(FollowUpTaskId task,
                                                                      const Actor& actor) const
{
    const bool mayReadNotes = allows(actor.role, Permission::ReadClinicalContent);
    return m_database.collect(
        QStringLiteral(
            "SELECT id, task_id, attempted_at, outcome, notes, next_step, call_again_at, by_user "
            "FROM call_attempts WHERE task_id = ? ORDER BY attempted_at, id"),
        {task.toVariant()}, [&](const QSqlQuery& row) {
            CallAttempt a;
            a.id = CallAttemptId(row.value(0).toLongLong());
            a.task = FollowUpTaskId(row.value(1).toLongLong());
            a.attemptedAt = SqlTime::toDateTime(row.value(2));
            a.outcome =
                parseSqlName<CallOutcome>(row.value(3).toString()).value_or(CallOutcome::NoAnswer);
            const QString notes = row.value(4).toString();
            a.notes = mayReadNotes ? notes : QString();
            a.notesHidden = !mayReadNotes && !notes.isEmpty();
            a.nextStep = parseSqlName<CallNextStep>(row.value(5).toString())
                             .value_or(CallNextStep::CallAgain);
            a.callAgainAt = SqlTime::toDateTime(row.value(6));
            a.by = UserId::fromVariant(row.value(7));
            return a;
        });
}

Status FollowUpTaskRepository::assign(FollowUpTask& task, UserId assignee, const Actor&)
{
    FollowUpTask copy;
    auto done = m_database.write([&](TransactionGuard&) -> Status {
        copy = task;
        if (auto open = checkOpen(copy); !open)
            return open;
        return update(copy, QStringLiteral("assignee_id = ?"), {assignee.toVariant()});
    });
    if (done)
        task = std::move(copy);
    return done;
}

Status FollowUpTaskRepository::escalate(TransactionGuard&, FollowUpTask& task, UserId assignee,
                                        const Actor&)
{
    if (!assignee.isValid())
        return fail(Error::validation(tr("Say whom to hand the task to.")));
    if (auto open = checkOpen(task); !open)
        return open;
    return update(task, QStringLiteral("priority = ?, assignee_id = ?"),
                  {FollowUpTask::kHighestPriority, assignee.toVariant()});
}

Status FollowUpTaskRepository::complete(FollowUpTask& task, const QString& resolutionNote,
                                        const Actor& actor, const QDateTime& at)
{
    FollowUpTask copy;
    auto done = m_database.write([&](TransactionGuard& tx) {
        copy = task;
        return complete(tx, copy, resolutionNote, actor, at);
    });
    if (done)
        task = std::move(copy);
    return done;
}

Status FollowUpTaskRepository::complete(TransactionGuard&, FollowUpTask& task,
                                        const QString& resolutionNote, const Actor& actor,
                                        const QDateTime& at)
{
    if (auto open = checkOpen(task); !open)
        return open;
    return update(task,
                  QStringLiteral("status = 'done', done_at = ?, done_by = ?, resolution_note = ?"),
                  {SqlTime::toSql(nowIfInvalid(at)), actor.user.toVariant(),
                   SqlValue::text(resolutionNote.trimmed())});
}

Status FollowUpTaskRepository::cancel(FollowUpTask& task, const QString& resolutionNote,
                                      const Actor& actor)
{
    if (SqlValue::text(resolutionNote.trimmed()).isEmpty())
        return fail(Error::validation(tr("Please say why the task is cancelled.")));
    FollowUpTask copy;
    auto done = m_database.write([&](TransactionGuard&) -> Status {
        copy = task;
        if (auto open = checkOpen(copy); !open)
            return open;
        return update(
            copy,
            QStringLiteral("status = 'cancelled', done_at = ?, done_by = ?, resolution_note = ?"),
            {SqlTime::toSql(QDateTime::currentDateTime()), actor.user.toVariant(),
             SqlValue::text(resolutionNote.trimmed())});
    });
    if (done)
        task = std::move(copy);
    return done;
}

Result<int> FollowUpTaskRepository::withdrawPlannedForVisit(TransactionGuard&, AppointmentId visit,
                                                            const QDateTime& plannedSince)
{
    // Only what completing the visit plans: a call-back for an answer given meanwhile, or a
    // result's task, has a cause of its own and stays.
    const QString planned =
        QStringLiteral("appointment_id = ? AND status = 'open' AND created_at >= ? AND kind IN %1")
            .arg(sqlWordList<TaskKind>([](TaskKind kind) {
                return kind == TaskKind::CheckinCall || kind == TaskKind::RebookReminder ||
                       kind == TaskKind::AnnualReview;
            }));
    const QVariantList values{visit.toVariant(), SqlTime::toSql(plannedSince)};
    auto worked =
        m_database.scalar(QStringLiteral("SELECT count(*) FROM call_attempts WHERE task_id IN "
                                         "(SELECT id FROM followup_tasks WHERE %1)")
                              .arg(planned),
                          values);
    if (!worked)
        return fail(worked.error());
    if (worked->toLongLong() > 0)
        return fail(Error::validation(
            tr("A call was logged on this visit's follow-up meanwhile; its completion stays.")));
    auto removed =
        m_database.run(QStringLiteral("DELETE FROM followup_tasks WHERE %1").arg(planned), values);
    if (!removed)
        return fail(removed.error());
    return removed->numRowsAffected();
}

} // namespace aftercare
