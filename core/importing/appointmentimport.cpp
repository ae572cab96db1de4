#include "importing/appointmentimport.h"

#include "database/database.h"
#include "domain/vocabulary.h"
#include "importing/importbinding.h"
#include "importing/importcontext.h"
#include "importing/importrow.h"

#include <QStringBuilder>

#include <algorithm>

namespace aftercare {

namespace {

const QStringList& importableStatuses()
{
    static const QStringList words = {QStringLiteral("booked"), QStringLiteral("completed"),
                                      QStringLiteral("cancelled"), QStringLiteral("no_show")};
    return words;
}

// The file's status, except that "booked" keeps a booking that was confirmed or checked in
// since (the file's vocabulary has no word for those steps). Binds the status twice.
const QString kStatusFromFile = QStringLiteral(
    "CASE WHEN status IN ('confirmed', 'checked_in') AND ? = 'booked' THEN status ELSE ? END");

QString shortTime(const QDateTime& time)
{
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

AppointmentImport::AppointmentImport(ImportContext& context)
    : m_context(context)
{}

Status AppointmentImport::begin(const CsvTable& table)
{
    m_externalId = table.column(QStringLiteral("external_id"));
    m_client = table.column(QStringLiteral("client"));
    m_practitioner = table.column(QStringLiteral("practitioner"));
    m_service = table.column(QStringLiteral("service"));
    m_start = table.column(QStringLiteral("start"));
    m_end = table.column(QStringLiteral("end"));
    m_duration = table.column(QStringLiteral("duration_minutes"));
    m_status = table.column(QStringLiteral("status"));
    m_price = table.column(QStringLiteral("price"));
    m_createdAt = table.column(QStringLiteral("created_at"));
    m_cancelledAt = table.column(QStringLiteral("cancelled_at"));
    for (auto load : {&ImportContext::loadClients, &ImportContext::loadAppointments,
                      &ImportContext::loadPractice})
        if (auto loaded = (m_context.*load)(); !loaded)
            return loaded;
    if (auto loaded = m_bookings.load(m_context.database()); !loaded)
        return loaded;

    auto insert = m_context.prepareInsert(QStringLiteral(
        "INSERT INTO appointments (external_id, client_id, practitioner_id, service_type_id, "
        "starts_at, ends_at, status, price_cents, cancelled_at, completed_at, created_at, "
        "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Touches only a row whose values differ (see ClientImport); an empty optional cell keeps
    // the stored value.
    auto update = m_context.prepare(
        QStringLiteral("UPDATE appointments SET client_id = ?, practitioner_id = ?, "
                       "service_type_id = ?, starts_at = ?, ends_at = ?, status = %2, "
                       "price_cents = coalesce(?, price_cents), "
                       "cancelled_at = coalesce(?, cancelled_at), "
                       "created_at = coalesce(?, created_at), "
                       "completed_at = coalesce(completed_at, ?), "
                       "updated_at = ?, updated_by = ?, row_version = row_version + 1 "
                       "WHERE id = ? AND (client_id <> ? OR practitioner_id <> ? "
                       "OR service_type_id <> ? OR starts_at <> ? OR ends_at <> ? "
                       "OR status <> %2 OR price_cents %1 coalesce(?, price_cents) "
                       "OR cancelled_at %1 coalesce(?, cancelled_at) "
                       "OR created_at <> coalesce(?, created_at))")
            .arg(m_context.distinctFrom(), kStatusFromFile));
    if (!insert)
        return fail(insert.error());
    if (!update)
        return fail(update.error());
    m_insert = std::move(*insert);
    m_update = std::move(*update);
    return {};
}

Status AppointmentImport::row(const CsvRecord& record, qint64 bytePosition)
{
    ImportRow r(record, m_context.zone());
    const QString externalId = r.required(m_externalId);
    const QString clientKey = r.required(m_client);
    const QString practitionerName = r.required(m_practitioner);
    const QString serviceName = r.required(m_service);
    const auto start = r.time(m_start, true);
    const auto end = r.time(m_end);
    const auto duration = r.integer(m_duration);
    const auto status = r.word<AppointmentStatus>(m_status, importableStatuses(), true);
    const auto price = r.cents(m_price);
    const auto createdAt = r.time(m_createdAt);
    const auto cancelledAt = r.time(m_cancelledAt);

    ClientId client;
    if (r.ok()) {
        client = m_context.client(clientKey);
        if (!client.isValid())
            r.reject(m_context.unknownClient(clientKey));
    }
    auto service = r.ok() ? m_context.findService(serviceName) : std::nullopt;
    QDateTime ends;
    if (r.ok()) {
        if (duration && *duration <= 0)
            r.reject(tr("duration_minutes: %1 is not a length of time.").arg(*duration));
        else if (end && *end <= *start)
            r.reject(
                tr("end: %1 is not after the start %2.").arg(shortTime(*end), shortTime(*start)));
        else if (end && duration && start->secsTo(*end) != qint64(*duration) * 60)
            r.reject(tr("end and duration_minutes disagree: from %1 to %2 is not %3 minutes.")
                         .arg(shortTime(*start), shortTime(*end))
                         .arg(*duration));
        else if (end)
            ends = *end;
        else if (duration)
            ends = start->addSecs(qint64(*duration) * 60);
        else if (service)
            ends = start->addSecs(qint64(service->durationMinutes) * 60);
        else
            r.reject(tr("Neither end nor duration_minutes is given, and the service \"%1\" is new, "
                        "so the length of the appointment is unknown.")
                         .arg(serviceName));
    }
    if (r.ok() && cancelledAt && *status != AppointmentStatus::Cancelled)
        r.reject(
            tr("cancelled_at: given, but the status is %1, not cancelled.").arg(sqlName(*status)));

    QString fingerprint;
    if (r.ok()) {
        // Compared only with a later row of the same external_id; numbers are cheaper to
        // write than formatted times.
        const QChar separator(0x1f);
        fingerprint = clientKey % separator % practitionerName.simplified().toCaseFolded() %
                      separator % serviceName.simplified().toCaseFolded() % separator %
                      QString::number(start->toSecsSinceEpoch()) % separator %
                      QString::number(ends.toSecsSinceEpoch()) % separator % sqlName(*status) %
                      separator % (price ? QString::number(*price) : QString()) % separator %
                      (createdAt ? QString::number(createdAt->toSecsSinceEpoch()) : QString()) %
                      separator %
                      (cancelledAt ? QString::number(cancelledAt->toSecsSinceEpoch()) : QString());
        if (const auto seen = m_seen.constFind(externalId); seen != m_seen.constEnd()) {
            if (seen->second == fingerprint) {
                ++m_context.summary().unchanged;
                m_context.rowDone(bytePosition);
                return {};
            }
            r.reject(tr("external_id: \"%1\" appears already on line %2 with different values; a "
                        "file holds each appointment once.")
                         .arg(externalId)
                         .arg(seen->first));
        }
    }

    const auto existing = r.ok() ? m_context.appointment(externalId) : std::nullopt;
    auto practitioner = r.ok() ? m_context.findPractitioner(practitionerName) : std::nullopt;
    const bool active = status && isActiveBooking(*status);
    if (r.ok() && active && practitioner) {
        const auto conflict = m_bookings.conflict(*practitioner, *start, ends,
                                                  existing ? existing->id : AppointmentId());
        if (conflict)
            r.reject(
                tr("The booking overlaps the active appointment %1 (%2 to %3) of the same "
                   "practitioner; only history (completed, cancelled, no_show) may overlap.")
                    .arg(conflict->label, shortTime(conflict->start), shortTime(conflict->end)));
    }
    if (!r.ok()) {
        m_context.reject(r.line(), r.reason());
        m_context.rowDone(bytePosition);
        return {};
    }

    if (!practitioner) {
        auto created = m_context.createPractitioner(practitionerName);
        if (!created)
            return fail(created.error());
        practitioner = *created;
    }
    if (!service) {
        auto created =
            m_context.createService(serviceName, int(start->secsTo(ends) / 60), price.value_or(0));
        if (!created)
            return fail(created.error());
        service = *created;
    }

    const QVariant completedAt =
        ImportBinding::time(*status == AppointmentStatus::Completed ? ends : QDateTime());
    const QVariantList values{ImportBinding::id(client),      ImportBinding::id(*practitioner),
                              ImportBinding::id(service->id), ImportBinding::time(*start),
                              ImportBinding::time(ends),      sqlName(*status),
                              ImportBinding::integer(price),  ImportBinding::time(cancelledAt)};
    AppointmentId id;
    if (!existing) {
        // Without created_at the booking is taken to have existed by the time it started (or
        // now, for one still ahead), so history keeps its order for the rebooking rate.
        const QDateTime created = createdAt.value_or(std::min(*start, m_context.now()));
        QVariantList insertValues{externalId};
        insertValues.append(values);
        insertValues.append({completedAt, ImportBinding::time(created), m_context.actorId()});
        auto inserted = m_context.insertReturningId(m_insert, insertValues);
        if (!inserted)
            return fail(inserted.error());
        id = AppointmentId(*inserted);
        ++m_context.summary().created;
    } else {
        id = existing->id;
        QVariantList compared = values;
        compared.insert(6, values[5]); // the status, twice (kStatusFromFile)
        QVariantList updateValues = compared;
        updateValues.append({ImportBinding::time(createdAt), completedAt,
                             ImportBinding::time(m_context.now()), m_context.actorId(),
                             ImportBinding::id(id)});
        updateValues.append(compared);
        updateValues.append(ImportBinding::time(createdAt));
        auto changed = m_context.change(m_update, updateValues);
        if (!changed)
            return fail(changed.error());
        ++(*changed > 0 ? m_context.summary().updated : m_context.summary().unchanged);
        m_bookings.remove(id);
    }
    if (active)
        m_bookings.add(*practitioner, ActiveBookings::Booking{id, *start, ends, externalId});
    m_context.addAppointment(externalId, ImportedAppointment{id, client, service->id});
    m_seen.insert(externalId, {record.line, fingerprint});
    m_context.rowDone(bytePosition);
    return {};
}

} // namespace aftercare
