#include "repositories/postservicesteprepository.h"

#include "database/database.h"
#include "database/sqltime.h"

#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

PostServiceStepRepository::PostServiceStepRepository(Database& database)
    : m_database(database)
{}

Status PostServiceStepRepository::markDone(AppointmentId appointment, PostServiceStep step,
                                           const Actor& actor, const QDateTime& at)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return markDone(tx, appointment, step, actor, at); });
}

Status PostServiceStepRepository::markDone(TransactionGuard&, AppointmentId appointment,
                                           PostServiceStep step, const Actor& actor,
                                           const QDateTime& at)
{
    auto status = m_database.scalar(QStringLiteral("SELECT status FROM appointments WHERE id = ?"),
                                    {appointment.toVariant()});
    if (!status)
        return fail(status.error());
    if (status->isNull())
        return fail(Error::notFound(
            tr("There is no appointment with the number %1.").arg(appointment.value())));
    if (status->toString() != sqlName(AppointmentStatus::Completed))
        return fail(Error::validation(
            tr("After-care steps follow a completed visit; this appointment is not completed.")));
    return toStatus(
        m_database.run(QStringLiteral("INSERT INTO post_service_steps (appointment_id, step, "
                                      "done_at, done_by) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT (appointment_id, step) DO NOTHING"),
                       {appointment.toVariant(), sqlName(step),
                        SqlTime::toSql(at.isValid() ? at : QDateTime::currentDateTime()),
                        actor.user.toVariant()}));
}

Status PostServiceStepRepository::undo(AppointmentId appointment, PostServiceStep step,
                                       const Actor&)
{
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral("DELETE FROM post_service_steps WHERE appointment_id = ? AND step = ?"),
            {appointment.toVariant(), sqlName(step)});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(Error::notFound(tr("This step was not marked as done.")));
        return {};
    });
}

Result<std::vector<PostServiceStepRecord>>
PostServiceStepRepository::doneSteps(AppointmentId appointment) const
{
    auto query = m_database.run(
        QStringLiteral(
            "SELECT step, done_at, done_by FROM post_service_steps WHERE appointment_id = ?"),
        {appointment.toVariant()});
    if (!query)
        return fail(query.error());
    std::vector<PostServiceStepRecord> result;
    while (query->next()) {
        const auto step = parseSqlName<PostServiceStep>(query->value(0).toString());
        if (!step)
            continue;
        result.push_back(PostServiceStepRecord{appointment, *step,
                                               SqlTime::toDateTime(query->value(1)),
                                               UserId::fromVariant(query->value(2))});
    }
    std::sort(result.begin(), result.end(),
              [](const PostServiceStepRecord& a, const PostServiceStepRecord& b) {
                  return a.step < b.step;
              });
    return result;
}

} // namespace aftercare
