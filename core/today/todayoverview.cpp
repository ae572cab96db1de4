#include "today/todayoverview.h"

#include "database/database.h"
#include "database/sqltime.h"

#include <QSqlQuery>

namespace aftercare {

TodayOverview::TodayOverview(Database& database)
    : m_database(database)
{}

Result<QString> TodayOverview::practiceName() const
{
    auto value =
        m_database.scalar(QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"),
                          {QStringLiteral("practice.name")});
    if (!value)
        return fail(value.error());
    return value->toString().trimmed();
}

Result<TodayFigures> TodayOverview::figures(const QDate& day) const
{
    // Half-open ranges on the start time use appointments_start_idx and the open-task index on
    // both dialects, without date functions on the column.
    const QVariant dayStart = SqlTime::toSql(day.startOfDay());
    const QVariant nextDayStart = SqlTime::toSql(day.addDays(1).startOfDay());
    auto appointments = m_database.run(
        QStringLiteral(
            "SELECT count(*), "
            "coalesce(sum(CASE WHEN status IN ('checked_in', 'completed') THEN 1 ELSE 0 END), 0) "
            "FROM appointments WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled'"),
        {dayStart, nextDayStart});
    if (!appointments)
        return fail(appointments.error());
    TodayFigures figures;
    if (appointments->next()) {
        figures.appointments = appointments->value(0).toLongLong();
        figures.checkedIn = appointments->value(1).toLongLong();
    }
    auto tasks = m_database.run(
        QStringLiteral("SELECT coalesce(sum(CASE WHEN due_at >= ? THEN 1 ELSE 0 END), 0), "
                       "coalesce(sum(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) "
                       "FROM followup_tasks WHERE status = 'open' AND due_at < ?"),
        {dayStart, dayStart, nextDayStart});
    if (!tasks)
        return fail(tasks.error());
    if (tasks->next()) {
        figures.tasksDueToday = tasks->value(0).toLongLong();
        figures.tasksOverdue = tasks->value(1).toLongLong();
    }
    return figures;
}

} // namespace aftercare
