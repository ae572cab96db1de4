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

WorklistQuery TodayOverview::dueTasks(const QDateTime& now)
{
    WorklistQuery query;
    query.scope = WorklistScope::All;
    query.now = now;
    return query;
}

WorklistQuery TodayOverview::overdueTasks(const QDateTime& now)
{
    WorklistQuery query = dueTasks(now);
    query.overdueOnly = true;
    return query;
}

WorklistQuery TodayOverview::tasksOf(UserId user, const QDateTime& now)
{
    WorklistQuery query = dueTasks(now);
    query.scope = WorklistScope::MineAndUnassigned;
    query.me = user;
    return query;
}

Result<TodayFigures> TodayOverview::figures(const QDateTime& now) const
{
    // Half-open ranges on the start time use appointments_start_idx on both dialects,
    // without date functions on the column.
    const QDate day = now.date();
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
        figures.arrived = appointments->value(1).toLongLong();
    }
    // The worklist's own rule: one definition of due and overdue.
    auto tasks = Worklist(m_database).counts(dueTasks(now));
    if (!tasks)
        return fail(tasks.error());
    figures.tasksDue = tasks->total;
    figures.tasksOverdue = tasks->overdue;
    return figures;
}

Result<std::vector<TodayVisit>> TodayOverview::visits(const QString& where, const QString& order,
                                                      const QVariantList& values, int limit) const
{
    QVariantList all = values;
    all << limit;
    auto query = m_database.run(
        QStringLiteral("SELECT a.id, a.client_id, c.first_name, c.last_name, a.practitioner_id, "
                       "p.name, st.name, a.starts_at, a.ends_at, a.checked_in_at, a.status "
                       "FROM appointments a JOIN clients c ON c.id = a.client_id "
                       "JOIN practitioners p ON p.id = a.practitioner_id "
                       "JOIN service_types st ON st.id = a.service_type_id "
                       "WHERE %1 ORDER BY %2 LIMIT ?")
            .arg(where, order),
        all);
    if (!query)
        return fail(query.error());
    std::vector<TodayVisit> result;
    while (query->next()) {
        TodayVisit v;
        v.appointment = AppointmentId(query->value(0).toLongLong());
        v.client = ClientId(query->value(1).toLongLong());
        v.clientName = query->value(2).toString() + QLatin1Char(' ') + query->value(3).toString();
        v.practitioner = PractitionerId(query->value(4).toLongLong());
        v.practitionerName = query->value(5).toString();
        v.serviceName = query->value(6).toString();
        v.startsAt = SqlTime::toDateTime(query->value(7));
        v.endsAt = SqlTime::toDateTime(query->value(8));
        v.checkedInAt = SqlTime::toDateTime(query->value(9));
        v.status = parseSqlName<AppointmentStatus>(query->value(10).toString())
                       .value_or(AppointmentStatus::Booked);
        result.push_back(std::move(v));
    }
    return result;
}

Result<std::vector<TodayVisit>> TodayOverview::arrivals(const QDateTime& now, int limit) const
{
    // A client who is late is still expected until the booking's end.
    return visits(QStringLiteral("a.starts_at >= ? AND a.starts_at < ? AND a.ends_at > ? "
                                 "AND a.status IN %1")
                      .arg(expectedBookingStatusesSql()),
                  QStringLiteral("a.starts_at, a.id"),
                  {SqlTime::toSql(now.date().startOfDay()),
                   SqlTime::toSql(now.date().addDays(1).startOfDay()), SqlTime::toSql(now)},
                  limit);
}

Result<std::vector<TodayVisit>> TodayOverview::waiting(const QDateTime& now, int limit) const
{
    // Arrived before their booking's start or after it: the order is who came first.
    return visits(QStringLiteral("a.starts_at >= ? AND a.starts_at < ? "
                                 "AND a.status = 'checked_in'"),
                  QStringLiteral("coalesce(a.checked_in_at, a.starts_at), a.starts_at, a.id"),
                  {SqlTime::toSql(now.date().startOfDay()),
                   SqlTime::toSql(now.date().addDays(1).startOfDay())},
                  limit);
}

} // namespace aftercare
