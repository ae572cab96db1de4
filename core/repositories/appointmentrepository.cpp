#include "repositories/appointmentrepository.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT a.id, a.external_id, a.client_id, a.practitioner_id, a.service_type_id, a.starts_at, "
    "a.ends_at, "
    "a.status, a.price_cents, a.cancellation_reason, a.cancelled_at, a.double_booking_reason, "
    "a.reminder_sent_at, a.checked_in_at, a.completed_at, a.notes, a.created_at, a.created_by, "
    "a.updated_at, "
    "a.updated_by, a.row_version, c.first_name, c.last_name, p.name, s.name "
    "FROM appointments a JOIN clients c ON c.id = a.client_id "
    "JOIN practitioners p ON p.id = a.practitioner_id JOIN service_types s ON s.id = "
    "a.service_type_id ");

const QString kActive = QStringLiteral("a.status IN %1").arg(activeBookingStatusesSql());

Appointment appointmentFromRow(const QSqlQuery& q)
{
    Appointment a;
    a.id = AppointmentId(q.value(0).toLongLong());
    a.externalId = q.value(1).toString();
    a.client = ClientId(q.value(2).toLongLong());
    a.practitioner = PractitionerId(q.value(3).toLongLong());
    a.serviceType = ServiceTypeId(q.value(4).toLongLong());
    a.startsAt = SqlTime::toDateTime(q.value(5));
    a.endsAt = SqlTime::toDateTime(q.value(6));
    a.status =
        parseSqlName<AppointmentStatus>(q.value(7).toString()).value_or(AppointmentStatus::Booked);
    if (!q.value(8).isNull())
        a.priceCents = q.value(8).toLongLong();
    a.cancellationReason = q.value(9).toString();
    a.cancelledAt = SqlTime::toDateTime(q.value(10));
    a.doubleBookingReason = q.value(11).toString();
    a.reminderSentAt = SqlTime::toDateTime(q.value(12));
    a.checkedInAt = SqlTime::toDateTime(q.value(13));
    a.completedAt = SqlTime::toDateTime(q.value(14));
    a.notes = q.value(15).toString();
    a.createdAt = SqlTime::toDateTime(q.value(16));
    a.createdBy = UserId::fromVariant(q.value(17));
    a.updatedAt = SqlTime::toDateTime(q.value(18));
    a.updatedBy = UserId::fromVariant(q.value(19));
    a.rowVersion = q.value(20).toInt();
    a.clientName = q.value(21).toString() + QLatin1Char(' ') + q.value(22).toString();
    a.practitionerName = q.value(23).toString();
    a.serviceName = q.value(24).toString();
    return a;
}

QDateTime nowIfInvalid(const QDateTime& at)
{
    return at.isValid() ? at : QDateTime::currentDateTime();
}

// Whole seconds, as stored: a comparison with the stored row must see the same time.
QDateTime toSeconds(const QDateTime& time)
{
    return time.isValid() ? QDateTime(time.date(), QTime(time.time().hour(), time.time().minute(),
                                                         time.time().second()))
                          : time;
}

} // namespace

AppointmentRepository::AppointmentRepository(Database& database)
    : m_database(database)
{}

Error AppointmentRepository::overlapError(const Appointment& c) const
{
    const QLocale locale;
    const QString time = QStringLiteral("HH:mm");
    Error error{
        ErrorKind::Overlap,
        tr("%1 already has an appointment on %2 from %3 to %4: %5, %6.")
            .arg(c.practitionerName, locale.toString(c.startsAt.date(), QLocale::ShortFormat),
                 c.startsAt.toString(time), c.endsAt.toString(time), c.clientName, c.serviceName)};
    return error;
}

Error AppointmentRepository::nameOverlap(const Error& error, PractitionerId practitioner,
                                         const QDateTime& startsAt, const QDateTime& endsAt,
                                         AppointmentId ignore) const
{
    if (error.kind != ErrorKind::Overlap || error.detail.isEmpty())
        return error; // not raised by the database, already named by the check
    auto conflict = conflictFor(practitioner, startsAt, endsAt, ignore);
    if (!conflict || !*conflict)
        return error;
    Error named = overlapError(**conflict);
    named.detail = error.detail;
    return named;
}

Result<std::optional<Appointment>> AppointmentRepository::conflictFor(PractitionerId practitioner,
                                                                      const QDateTime& startsAt,
                                                                      const QDateTime& endsAt,
                                                                      AppointmentId ignore) const
{
    // Stricter than the database: an explicit double-booking still occupies its slot here,
    // so the desk hears about it before booking a third person into the same time.
    auto found =
        list(QStringLiteral(
                 "a.practitioner_id = ? AND a.id <> ? AND %1 AND a.starts_at < ? AND a.ends_at > ?")
                 .arg(kActive),
             QStringLiteral("a.starts_at, a.id LIMIT 1"),
             {practitioner.toVariant(), qlonglong(ignore.value()), SqlTime::toSql(endsAt),
              SqlTime::toSql(startsAt)});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return std::optional<Appointment>();
    return std::optional<Appointment>(found->front());
}

Result<AppointmentId> AppointmentRepository::book(const Appointment& draft, const Actor& actor)
{
    auto booked = m_database.write([&](TransactionGuard& tx) { return book(tx, draft, actor); });
    if (!booked)
        return fail(nameOverlap(booked.error(), draft));
    return booked;
}

Error AppointmentRepository::nameOverlap(const Error& error, const Appointment& draft) const
{
    if (error.kind != ErrorKind::Overlap)
        return error;
    QDateTime endsAt = toSeconds(draft.endsAt);
    if (!endsAt.isValid()) {
        auto minutes = m_database.scalar(
            QStringLiteral("SELECT duration_minutes FROM service_types WHERE id = ?"),
            {draft.serviceType.toVariant()});
        endsAt = toSeconds(draft.startsAt).addSecs(60LL * (minutes ? minutes->toInt() : 1));
    }
    return nameOverlap(error, draft.practitioner, toSeconds(draft.startsAt), endsAt, {});
}

Result<AppointmentId> AppointmentRepository::book(TransactionGuard&, const Appointment& draft,
                                                  const Actor& actor)
{
    if (!draft.client.isValid() || !draft.practitioner.isValid() || !draft.serviceType.isValid())
        return fail(
            Error::validation(tr("An appointment needs a client, a practitioner and a service.")));
    if (!draft.startsAt.isValid())
        return fail(Error::validation(tr("An appointment needs a start time.")));

    auto service = m_database.run(
        QStringLiteral("SELECT duration_minutes, price_cents FROM service_types WHERE id = ?"),
        {draft.serviceType.toVariant()});
    if (!service)
        return fail(service.error());
    if (!service->next())
        return fail(Error::notFound(
            tr("There is no service with the number %1.").arg(draft.serviceType.value())));
    const QDateTime startsAt = toSeconds(draft.startsAt);
    const QDateTime endsAt = toSeconds(
        draft.endsAt.isValid() ? draft.endsAt : startsAt.addSecs(60LL * service->value(0).toInt()));
    if (endsAt <= startsAt)
        return fail(Error::validation(tr("An appointment must end after it starts.")));
    const qint64 price = draft.priceCents.value_or(service->value(1).toLongLong());
    if (price < 0)
        return fail(Error::validation(tr("A price cannot be negative.")));

    auto practitioner =
        m_database.run(QStringLiteral("SELECT active FROM practitioners WHERE id = ?"),
                       {draft.practitioner.toVariant()});
    if (!practitioner)
        return fail(practitioner.error());
    if (!practitioner->next())
        return fail(Error::notFound(
            tr("There is no practitioner with the number %1.").arg(draft.practitioner.value())));
    const bool active = isActiveBooking(draft.status);
    if (active && !practitioner->value(0).toBool())
        return fail(Error::validation(tr("This practitioner no longer takes appointments.")));

    QString doubleBookingReason;
    if (active) {
        auto conflict = conflictFor(draft.practitioner, startsAt, endsAt);
        if (!conflict)
            return fail(conflict.error());
        if (*conflict) {
            if (draft.doubleBookingReason.trimmed().isEmpty())
                return fail(overlapError(**conflict));
            doubleBookingReason = draft.doubleBookingReason.trimmed();
        }
    }

    const QDateTime now = QDateTime::currentDateTime();
    QDateTime cancelledAt = draft.cancelledAt;
    if (draft.status == AppointmentStatus::Cancelled && !cancelledAt.isValid())
        cancelledAt = nowIfInvalid(draft.createdAt);
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO appointments (external_id, client_id, practitioner_id, service_type_id, "
            "starts_at, ends_at, status, price_cents, cancellation_reason, cancelled_at, "
            "double_booking_reason, checked_in_at, completed_at, notes, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {SqlValue::textOrNull(draft.externalId), draft.client.toVariant(),
         draft.practitioner.toVariant(), draft.serviceType.toVariant(), SqlTime::toSql(startsAt),
         SqlTime::toSql(endsAt), sqlName(draft.status), qlonglong(price),
         SqlValue::textOrNull(draft.cancellationReason), SqlTime::toSql(cancelledAt),
         SqlValue::textOrNull(doubleBookingReason), SqlTime::toSql(draft.checkedInAt),
         SqlTime::toSql(draft.completedAt), SqlValue::text(draft.notes),
         SqlTime::toSql(draft.createdAt.isValid() ? draft.createdAt : now),
         actor.user.toVariant()});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message =
                tr("An appointment with the id %1 exists already.").arg(draft.externalId.trimmed());
        return fail(error);
    }
    if (!query->next())
        return fail(Error{ErrorKind::Database,
                          tr("The database did not return the new appointment's id.")});
    return AppointmentId(query->value(0).toLongLong());
}

Result<Appointment> AppointmentRepository::get(AppointmentId id) const
{
    auto found = list(QStringLiteral("a.id = ?"), QStringLiteral("a.id"), {id.toVariant()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(
            Error::notFound(tr("There is no appointment with the number %1.").arg(id.value())));
    return found->front();
}

Result<Appointment> AppointmentRepository::findByExternalId(const QString& externalId) const
{
    auto found =
        list(QStringLiteral("a.external_id = ?"), QStringLiteral("a.id"), {externalId.trimmed()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(
            tr("There is no appointment with the id %1.").arg(externalId.trimmed())));
    return found->front();
}

Status AppointmentRepository::change(TransactionGuard&, Appointment& appointment,
                                     std::initializer_list<AppointmentStatus> allowedFrom,
                                     const QString& refusal, const QString& assignments,
                                     const QVariantList& values, const Actor& actor,
                                     const Check& check)
{
    auto current = get(appointment.id);
    if (!current)
        return fail(current.error());
    if (current->rowVersion != appointment.rowVersion)
        return fail(StaleEdit::explain(m_database, QStringLiteral("appointments"),
                                       appointment.id.value(), tr("appointment")));
    if (std::find(allowedFrom.begin(), allowedFrom.end(), current->status) == allowedFrom.end())
        return fail(Error::validation(refusal));
    QVariantList all = values;
    if (check) {
        auto extra = check(*current);
        if (!extra)
            return fail(extra.error());
        all << *extra;
    }
    all << SqlTime::toSql(QDateTime::currentDateTime()) << actor.user.toVariant()
        << appointment.id.toVariant() << appointment.rowVersion;
    auto query = m_database.run(
        QStringLiteral("UPDATE appointments SET %1, updated_at = ?, updated_by = ?, "
                       "row_version = row_version + 1 WHERE id = ? AND row_version = ?")
            .arg(assignments),
        all);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(StaleEdit::explain(m_database, QStringLiteral("appointments"),
                                       appointment.id.value(), tr("appointment")));
    auto fresh = get(appointment.id);
    if (!fresh)
        return fail(fresh.error());
    appointment = std::move(*fresh);
    return {};
}

Status AppointmentRepository::alone(Appointment& appointment, const Change& change)
{
    Appointment copy = appointment; // handed to the caller only once the transaction committed
    auto done = m_database.write([&](TransactionGuard& tx) { return change(tx, copy); });
    if (done)
        appointment = std::move(copy);
    return done;
}

Status AppointmentRepository::reschedule(Appointment& appointment, const QDateTime& startsAt,
                                         const QDateTime& endsAt, PractitionerId practitioner,
                                         const Actor& actor, const QString& doubleBookingReason)
{
    Appointment copy = appointment;
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        return reschedule(tx, copy, startsAt, endsAt, practitioner, actor, doubleBookingReason);
    });
    if (!done)
        return fail(nameOverlap(done.error(), practitioner, toSeconds(startsAt), toSeconds(endsAt),
                                appointment.id));
    appointment = std::move(copy);
    return done;
}

Status AppointmentRepository::reschedule(TransactionGuard& transaction, Appointment& appointment,
                                         const QDateTime& startsAtIn, const QDateTime& endsAtIn,
                                         PractitionerId practitioner, const Actor& actor,
                                         const QString& doubleBookingReason)
{
    const QDateTime startsAt = toSeconds(startsAtIn);
    const QDateTime endsAt = toSeconds(endsAtIn);
    if (!startsAt.isValid() || !endsAt.isValid() || !practitioner.isValid())
        return fail(Error::validation(tr("A new time needs a start, an end and a practitioner.")));
    if (endsAt <= startsAt)
        return fail(Error::validation(tr("An appointment must end after it starts.")));
    const AppointmentId id = appointment.id;
    const Check slotIsFree = [&](const Appointment&) -> Result<QVariantList> {
        auto active =
            m_database.scalar(QStringLiteral("SELECT active FROM practitioners WHERE id = ?"),
                              {practitioner.toVariant()});
        if (!active)
            return fail(active.error());
        if (active->isNull())
            return fail(Error::notFound(
                tr("There is no practitioner with the number %1.").arg(practitioner.value())));
        if (!active->toBool())
            return fail(Error::validation(tr("This practitioner no longer takes appointments.")));
        auto conflict = conflictFor(practitioner, startsAt, endsAt, id);
        if (!conflict)
            return fail(conflict.error());
        if (!*conflict)
            return QVariantList{
                QVariant(QMetaType::fromType<QString>())}; // a free slot needs no reason
        if (doubleBookingReason.trimmed().isEmpty())
            return fail(overlapError(**conflict));
        return QVariantList{doubleBookingReason.trimmed()};
    };
    const bool moved = startsAt != appointment.startsAt;
    return change(
        transaction, appointment,
        {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::CheckedIn},
        tr("Only a booked, confirmed or checked-in appointment can be moved."),
        QStringLiteral(
            "starts_at = ?, ends_at = ?, practitioner_id = ?, double_booking_reason = ?%1")
            .arg(moved ? QStringLiteral(", reminder_sent_at = NULL") : QString()),
        {SqlTime::toSql(startsAt), SqlTime::toSql(endsAt), practitioner.toVariant()}, actor,
        slotIsFree);
}

Status AppointmentRepository::confirm(Appointment& appointment, const Actor& actor)
{
    return alone(appointment,
                 [&](TransactionGuard& tx, Appointment& copy) { return confirm(tx, copy, actor); });
}

Status AppointmentRepository::confirm(TransactionGuard& transaction, Appointment& appointment,
                                      const Actor& actor)
{
    return change(transaction, appointment, {AppointmentStatus::Booked},
                  tr("Only a booked appointment can be confirmed."),
                  QStringLiteral("status = 'confirmed'"), {}, actor);
}

Status AppointmentRepository::checkIn(Appointment& appointment, const Actor& actor,
                                      const QDateTime& at)
{
    return alone(appointment, [&](TransactionGuard& tx, Appointment& copy) {
        return checkIn(tx, copy, actor, at);
    });
}

Status AppointmentRepository::checkIn(TransactionGuard& transaction, Appointment& appointment,
                                      const Actor& actor, const QDateTime& at)
{
    return change(transaction, appointment,
                  {AppointmentStatus::Booked, AppointmentStatus::Confirmed},
                  tr("Only a booked or confirmed appointment can be checked in."),
                  QStringLiteral("status = 'checked_in', checked_in_at = ?"),
                  {SqlTime::toSql(nowIfInvalid(at))}, actor);
}

Status AppointmentRepository::complete(Appointment& appointment, const Actor& actor,
                                       const QDateTime& at)
{
    return alone(appointment, [&](TransactionGuard& tx, Appointment& copy) {
        return complete(tx, copy, actor, at);
    });
}

Status AppointmentRepository::complete(TransactionGuard& transaction, Appointment& appointment,
                                       const Actor& actor, const QDateTime& at)
{
    return change(
        transaction, appointment,
        {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::CheckedIn},
        tr("Only a booked, confirmed or checked-in appointment can be completed."),
        QStringLiteral("status = 'completed', completed_at = ?"),
        {SqlTime::toSql(nowIfInvalid(at))}, actor);
}

Status AppointmentRepository::cancel(Appointment& appointment, const QString& reason,
                                     const Actor& actor, const QDateTime& at)
{
    return alone(appointment, [&](TransactionGuard& tx, Appointment& copy) {
        return cancel(tx, copy, reason, actor, at);
    });
}

Status AppointmentRepository::cancel(TransactionGuard& transaction, Appointment& appointment,
                                     const QString& reason, const Actor& actor, const QDateTime& at)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::validation(tr("Please give a reason for the cancellation.")));
    return change(
        transaction, appointment,
        {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::CheckedIn},
        tr("Only a booked, confirmed or checked-in appointment can be cancelled."),
        QStringLiteral("status = 'cancelled', cancellation_reason = ?, cancelled_at = ?"),
        {reason.trimmed(), SqlTime::toSql(nowIfInvalid(at))}, actor);
}

Status AppointmentRepository::markNoShow(Appointment& appointment, const Actor& actor)
{
    return alone(appointment, [&](TransactionGuard& tx, Appointment& copy) {
        return markNoShow(tx, copy, actor);
    });
}

Status AppointmentRepository::markNoShow(TransactionGuard& transaction, Appointment& appointment,
                                         const Actor& actor)
{
    return change(transaction, appointment,
                  {AppointmentStatus::Booked, AppointmentStatus::Confirmed},
                  tr("Only a booked or confirmed appointment can be marked as a no-show."),
                  QStringLiteral("status = 'no_show'"), {}, actor);
}

Status AppointmentRepository::reopen(Appointment& appointment, AppointmentStatus previous,
                                     const Actor& actor)
{
    return alone(appointment, [&](TransactionGuard& tx, Appointment& copy) {
        return reopen(tx, copy, previous, actor);
    });
}

Status AppointmentRepository::reopen(TransactionGuard& transaction, Appointment& appointment,
                                     AppointmentStatus previous, const Actor& actor)
{
    if (!isActiveBooking(previous))
        return fail(Error::validation(
            tr("An appointment taken back becomes booked, confirmed or checked in again.")));
    const AppointmentId id = appointment.id;
    // Active again, it occupies its slot again: refused when someone was booked into it since.
    const Check slotIsFree = [&](const Appointment& current) -> Result<QVariantList> {
        if (!current.doubleBookingReason.isEmpty())
            return QVariantList{};
        auto conflict = conflictFor(current.practitioner, current.startsAt, current.endsAt, id);
        if (!conflict)
            return fail(conflict.error());
        if (*conflict)
            return fail(overlapError(**conflict));
        return QVariantList{};
    };
    return change(
        transaction, appointment, {AppointmentStatus::NoShow, AppointmentStatus::Completed},
        tr("Only a no-show or a completed visit can be taken back."),
        QStringLiteral("status = ?, completed_at = NULL"), {sqlName(previous)}, actor, slotIsFree);
}

Status AppointmentRepository::markReminderSent(TransactionGuard& transaction,
                                               Appointment& appointment, const QDateTime& at,
                                               const Actor& actor)
{
    return change(
        transaction, appointment, {AppointmentStatus::Booked, AppointmentStatus::Confirmed},
        tr("Only a booked or confirmed appointment needs a reminder."),
        QStringLiteral("reminder_sent_at = ?"), {SqlTime::toSql(nowIfInvalid(at))}, actor);
}

Result<std::vector<Appointment>> AppointmentRepository::list(const QString& where,
                                                             const QString& order,
                                                             const QVariantList& values) const
{
    return m_database.collect(kSelect + QStringLiteral("WHERE ") + where +
                                  QStringLiteral(" ORDER BY ") + order,
                              values, appointmentFromRow);
}

Result<std::vector<Appointment>> AppointmentRepository::day(const QDate& date,
                                                            PractitionerId practitioner) const
{
    return range(date, date, practitioner);
}

Result<std::vector<Appointment>> AppointmentRepository::range(const QDate& from, const QDate& to,
                                                              PractitionerId practitioner) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(
            Error::validation(tr("The period's first day must not lie after its last day.")));
    // Half-open on whole days works alike on SQLite text and PostgreSQL timestamps.
    QString where = QStringLiteral("a.starts_at >= ? AND a.starts_at < ?");
    QVariantList values{SqlTime::toSql(from.startOfDay()),
                        SqlTime::toSql(to.addDays(1).startOfDay())};
    if (practitioner.isValid()) {
        where += QStringLiteral(" AND a.practitioner_id = ?");
        values << practitioner.toVariant();
    }
    return list(where, QStringLiteral("a.starts_at, p.name, a.id"), values);
}

Result<std::vector<Appointment>> AppointmentRepository::upcoming(ClientId client,
                                                                 const QDateTime& now) const
{
    return list(QStringLiteral("a.client_id = ? AND a.starts_at >= ? AND %1").arg(kActive),
                QStringLiteral("a.starts_at, a.id"), {client.toVariant(), SqlTime::toSql(now)});
}

Result<std::vector<Appointment>> AppointmentRepository::past(ClientId client,
                                                             const QDateTime& now) const
{
    return list(QStringLiteral("a.client_id = ? AND NOT (a.starts_at >= ? AND %1)").arg(kActive),
                QStringLiteral("a.starts_at DESC, a.id DESC"),
                {client.toVariant(), SqlTime::toSql(now)});
}

} // namespace aftercare
