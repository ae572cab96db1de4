#include "aftercare/worklist.h"

#include "aftercare/taskreason.h"
#include "database/database.h"
#include "database/sqltime.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace aftercare {

namespace {

// The triage order, which every other order ends in.
const QString kTriage = QStringLiteral("t.priority, t.deadline_at, t.due_at, t.id");

// ORDER BY of a query over followup_tasks t joined to clients c and users us (the assignee),
// with the values it binds.
struct Order
{
    QString sql;
    QVariantList values;
    bool needsClient = false;
    bool needsAssignee = false;
};

Order orderFor(const WorklistQuery& query)
{
    Order order;
    QStringList primary;
    switch (query.sort) {
    case WorklistSort::Priority:
        primary << QStringLiteral("t.priority") << QStringLiteral("t.deadline_at");
        break;
    case WorklistSort::Client:
        primary << QStringLiteral("lower(c.last_name)") << QStringLiteral("lower(c.first_name)");
        order.needsClient = true;
        break;
    case WorklistSort::Kind: {
        // By the kind's name in the reader's language: the names are ranked here and the
        // ranks bound, so the database needs to know no language.
        const auto kinds = allOf<TaskKind>();
        std::vector<TaskKind> sorted(kinds.begin(), kinds.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](TaskKind a, TaskKind b) {
            return TaskReason::kindText(a).localeAwareCompare(TaskReason::kindText(b)) < 0;
        });
        QString rank = QStringLiteral("CASE t.kind");
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            rank += QStringLiteral(" WHEN ? THEN ?");
            order.values << sqlName(sorted[i]) << int(i);
        }
        primary << rank + QStringLiteral(" END");
        break;
    }
    case WorklistSort::Due:
        primary << QStringLiteral("t.due_at");
        break;
    case WorklistSort::Deadline:
        primary << QStringLiteral("t.deadline_at");
        break;
    case WorklistSort::Attempts:
        primary << QStringLiteral(
            "(SELECT count(*) FROM call_attempts ca WHERE ca.task_id = t.id)");
        break;
    case WorklistSort::Assignee:
        // Nobody yet comes last either way round; the dialects sort NULL differently.
        order.sql = QStringLiteral("CASE WHEN us.display_name IS NULL THEN 1 ELSE 0 END, ");
        primary << QStringLiteral("lower(us.display_name)");
        order.needsAssignee = true;
        break;
    }
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    for (const QString& column : std::as_const(primary))
        order.sql += column + direction + QStringLiteral(", ");
    order.sql += kTriage;
    return order;
}

struct Filter
{
    QString sql;
    QVariantList values;
};

// The WHERE clause of a query over followup_tasks t (open tasks only).
Filter filterFor(const WorklistQuery& query, const QDateTime& now)
{
    Filter f{QStringLiteral("t.status = 'open' AND t.due_at <= ?"),
             {SqlTime::toSql(query.upcomingDays > 0 ? now.addDays(query.upcomingDays) : now)}};
    switch (query.scope) {
    case WorklistScope::All:
        break;
    case WorklistScope::Mine:
        f.sql += QStringLiteral(" AND t.assignee_id = ?");
        f.values << query.me.toVariant();
        break;
    case WorklistScope::MineAndUnassigned:
        f.sql += QStringLiteral(" AND (t.assignee_id = ? OR t.assignee_id IS NULL)");
        f.values << query.me.toVariant();
        break;
    }
    if (query.kind) {
        f.sql += QStringLiteral(" AND t.kind = ?");
        f.values << sqlName(*query.kind);
    }
    if (query.overdueOnly) {
        f.sql += QStringLiteral(" AND t.deadline_at < ?");
        f.values << SqlTime::toSql(now);
    }
    if (query.client.isValid()) {
        f.sql += QStringLiteral(" AND t.client_id = ?");
        f.values << query.client.toVariant();
    }
    return f;
}

QDateTime nowIfInvalid(const QDateTime& now)
{
    return now.isValid() ? now : QDateTime::currentDateTime();
}

} // namespace

Worklist::Worklist(Database& database)
    : m_database(database)
{}

Result<std::vector<WorklistRow>> Worklist::fetch(const QString& filter, const QVariantList& values,
                                                 const WorklistQuery& sorting, const QDateTime& now,
                                                 int limit, int offset, bool inIndexOrder) const
{
    const Order order = orderFor(sorting);
    // The page is chosen on followup_tasks alone (joined only to what a chosen order reads),
    // from followup_tasks_worklist_idx, which holds every column the filter and the triage
    // order read; only the page's rows are joined to what the reason text needs. SQLite
    // without statistics (no ANALYZE) takes "due_at <= now" for a selective range, reads that
    // part of followup_tasks_open_idx row by row from the table and sorts it: on the reference
    // practice 60-120 ms against a few ms from the covering index. So the index is named
    // there. PostgreSQL's planner has statistics and chooses by itself.
    const QString index = inIndexOrder && hasWorklistIndex()
                              ? QStringLiteral(" INDEXED BY followup_tasks_worklist_idx")
                              : QString();
    QVariantList all{SqlTime::toSql(now), SqlTime::toSql(now)};
    all << values << order.values << limit << offset << order.values;
    QString pageJoins;
    if (order.needsClient)
        pageJoins += QStringLiteral(" JOIN clients c ON c.id = t.client_id");
    if (order.needsAssignee)
        pageJoins += QStringLiteral(" LEFT JOIN users us ON us.id = t.assignee_id");
    auto query = m_database.run(
        QStringLiteral(
            "SELECT t.id, t.row_version, t.client_id, c.first_name, c.last_name, c.phone, "
            "t.kind, t.due_at, t.deadline_at, t.priority, t.assignee_id, us.display_name, "
            "CASE WHEN t.deadline_at < ? THEN 1 ELSE 0 END, CASE WHEN t.due_at > ? THEN 1 ELSE 0 "
            "END, "
            "(SELECT count(*) FROM call_attempts ca WHERE ca.task_id = t.id), "
            "(SELECT max(ca.attempted_at) FROM call_attempts ca WHERE ca.task_id = t.id), "
            "r.test_name, r.received_at, st.name, a.starts_at, f.kind, f.score, "
            "f.responded_at "
            "FROM (SELECT t.id FROM followup_tasks t%3%4 WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?) "
            "page JOIN followup_tasks t ON t.id = page.id "
            "JOIN clients c ON c.id = t.client_id "
            "LEFT JOIN users us ON us.id = t.assignee_id "
            "LEFT JOIN test_results r ON r.id = t.result_id "
            "LEFT JOIN appointments a ON a.id = t.appointment_id "
            "LEFT JOIN service_types st ON st.id = a.service_type_id "
            "LEFT JOIN feedback f ON f.id = t.feedback_id "
            "ORDER BY %2")
            .arg(filter, order.sql, index, pageJoins),
        all);
    if (!query)
        return fail(query.error());
    std::vector<WorklistRow> rows;
    while (query->next()) {
        WorklistRow row;
        row.task = FollowUpTaskId(query->value(0).toLongLong());
        row.rowVersion = query->value(1).toInt();
        row.client = ClientId(query->value(2).toLongLong());
        row.clientName = query->value(3).toString() + QLatin1Char(' ') + query->value(4).toString();
        row.phone = query->value(5).toString();
        row.kind =
            parseSqlName<TaskKind>(query->value(6).toString()).value_or(TaskKind::CheckinCall);
        row.dueAt = SqlTime::toDateTime(query->value(7));
        row.deadlineAt = SqlTime::toDateTime(query->value(8));
        row.priority = query->value(9).toInt();
        row.assignee = UserId::fromVariant(query->value(10));
        row.assigneeName = query->value(11).toString();
        row.overdue = query->value(12).toInt() == 1;
        row.upcoming = query->value(13).toInt() == 1;
        row.attempts = query->value(14).toInt();
        row.lastAttemptAt = SqlTime::toDateTime(query->value(15));

        // Only the days go into the reason: read as dates, which costs no time-zone look-up.
        TaskReason::Facts facts;
        facts.kind = row.kind;
        facts.testName = query->value(16).toString();
        facts.receivedOn = SqlTime::toDate(query->value(17));
        facts.serviceName = query->value(18).toString();
        facts.visitOn = SqlTime::toDate(query->value(19));
        facts.feedbackKind = parseSqlName<FeedbackKind>(query->value(20).toString());
        facts.feedbackScore = query->value(21).toInt();
        facts.respondedOn = SqlTime::toDate(query->value(22));
        row.kindText = TaskReason::kindText(row.kind);
        row.reason = TaskReason::text(facts);
        rows.push_back(std::move(row));
    }
    return rows;
}

bool Worklist::hasWorklistIndex() const
{
    if (!m_database.isSqlite())
        return false;
    // A database made before the index was part of the schema still works, only slower.
    if (!m_hasWorklistIndex) {
        auto found = m_database.scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                           "'followup_tasks_worklist_idx'"));
        m_hasWorklistIndex = found && found->toInt() == 1;
    }
    return *m_hasWorklistIndex;
}

Result<std::vector<WorklistRow>> Worklist::rows(const WorklistQuery& query) const
{
    if (query.limit <= 0 || query.offset < 0)
        return fail(Error::validation(tr("A page of the worklist needs a size and a start.")));
    const QDateTime now = nowIfInvalid(query.now);
    const Filter filter = filterFor(query, now);
    // A client's few tasks are found faster through followup_tasks_client_idx.
    return fetch(filter.sql, filter.values, query, now, query.limit, query.offset,
                 !query.client.isValid());
}

Result<WorklistCounts> Worklist::counts(const WorklistQuery& query) const
{
    const QDateTime now = nowIfInvalid(query.now);
    const Filter filter = filterFor(query, now);
    QVariantList values{SqlTime::toSql(now)};
    values << filter.values;
    // followup_tasks_worklist_idx holds every column the filter and the count read, so the
    // count never touches the table (see fetch() for why SQLite is told).
    const QString index = !query.client.isValid() && hasWorklistIndex()
                              ? QStringLiteral(" INDEXED BY followup_tasks_worklist_idx")
                              : QString();
    auto result = m_database.run(
        QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN t.deadline_at < ? THEN 1 ELSE 0 "
                       "END), 0) FROM followup_tasks t%2 WHERE %1")
            .arg(filter.sql, index),
        values);
    if (!result)
        return fail(result.error());
    WorklistCounts counts;
    if (result->next()) {
        counts.total = result->value(0).toLongLong();
        counts.overdue = result->value(1).toLongLong();
    }
    return counts;
}

Result<WorklistRow> Worklist::row(FollowUpTaskId task, const QDateTime& now) const
{
    auto found = fetch(QStringLiteral("t.status = 'open' AND t.id = ?"), {task.toVariant()},
                       WorklistQuery{}, nowIfInvalid(now), 1, 0, false);
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(tr("The task %1 is no longer open.").arg(task.value())));
    return found->front();
}

} // namespace aftercare
