#include "importing/feedbackimport.h"

#include "database/database.h"
#include "domain/feedbackscore.h"
#include "domain/vocabulary.h"
#include "importing/importbinding.h"
#include "importing/importcontext.h"
#include "importing/importrow.h"

namespace aftercare {

namespace {

QString feedbackKey(ClientId client, const QString& kind, const QDateTime& respondedAt)
{
    return QString::number(client.value()) + QLatin1Char('|') + kind + QLatin1Char('|') +
           respondedAt.toString(Qt::ISODate);
}

} // namespace

FeedbackImport::FeedbackImport(ImportContext& context)
    : m_context(context)
{}

Status FeedbackImport::begin(const CsvTable& table)
{
    m_client = table.column(QStringLiteral("client"));
    m_appointment = table.column(QStringLiteral("appointment"));
    m_kind = table.column(QStringLiteral("kind"));
    m_score = table.column(QStringLiteral("score"));
    m_respondedAt = table.column(QStringLiteral("responded_at"));
    m_comment = table.column(QStringLiteral("comment"));
    if (auto loaded = m_context.loadClients(); !loaded)
        return loaded;
    if (m_appointment.present())
        if (auto loaded = m_context.loadAppointments(); !loaded)
            return loaded;
    if (auto loaded = loadExisting(); !loaded)
        return loaded;

    auto insert = m_context.prepareInsert(QStringLiteral(
        "INSERT INTO feedback (client_id, appointment_id, kind, score, comment, responded_at, "
        "source, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?)"));
    auto update = m_context.prepare(
        QStringLiteral("UPDATE feedback SET score = ?, comment = coalesce(?, comment), "
                       "appointment_id = coalesce(?, appointment_id) "
                       "WHERE id = ? AND (score <> ? OR comment <> coalesce(?, comment) "
                       "OR appointment_id %1 coalesce(?, appointment_id))")
            .arg(m_context.distinctFrom()));
    if (!insert)
        return fail(insert.error());
    if (!update)
        return fail(update.error());
    m_insert = std::move(*insert);
    m_update = std::move(*update);
    return {};
}

Status FeedbackImport::loadExisting()
{
    auto query = m_context.database().run(
        QStringLiteral("SELECT id, client_id, kind, responded_at FROM feedback"));
    if (!query)
        return fail(query.error());
    while (query->next())
        m_existing.insert(feedbackKey(ClientId(query->value(1).toLongLong()),
                                      query->value(2).toString(),
                                      ImportValues::storedTime(query->value(3))),
                          FeedbackId(query->value(0).toLongLong()));
    return {};
}

Status FeedbackImport::row(const CsvRecord& record, qint64 bytePosition)
{
    static const QStringList kinds = {QStringLiteral("csat"), QStringLiteral("nps")};
    ImportRow r(record, m_context.zone());
    const QString clientKey = r.required(m_client);
    const auto kind = r.word<FeedbackKind>(m_kind, kinds, true);
    const auto score = r.integer(m_score, true);
    const auto respondedAt = r.time(m_respondedAt, true);
    const QString appointmentKey = r.text(m_appointment);
    const QString comment = r.text(m_comment);

    ClientId client;
    if (r.ok()) {
        client = m_context.client(clientKey);
        if (!client.isValid())
            r.reject(m_context.unknownClient(clientKey));
    }
    if (r.ok() && !FeedbackScore::parse(*kind, *score))
        r.reject(tr("score: %1 is outside the %2 scale %3 to %4.")
                     .arg(*score)
                     .arg(sqlName(*kind))
                     .arg(FeedbackScore::minimum(*kind))
                     .arg(FeedbackScore::maximum(*kind)));
    AppointmentId appointment;
    if (r.ok() && !appointmentKey.isEmpty()) {
        const auto found = m_context.appointment(appointmentKey);
        if (!found)
            r.reject(tr("appointment: there is no appointment with the external_id \"%1\" (import "
                        "appointments.csv first).")
                         .arg(appointmentKey));
        else if (found->client != client)
            r.reject(tr("appointment: the appointment \"%1\" belongs to another client.")
                         .arg(appointmentKey));
        else
            appointment = found->id;
    }

    QString key;
    QString fingerprint;
    if (r.ok()) {
        key = feedbackKey(client, sqlName(*kind), *respondedAt);
        fingerprint =
            QStringList{QString::number(*score), appointmentKey, comment}.join(QChar(0x1f));
        if (const auto seen = m_seen.constFind(key); seen != m_seen.constEnd()) {
            if (seen->second == fingerprint) {
                ++m_context.summary().unchanged;
                m_context.rowDone(bytePosition);
                return {};
            }
            r.reject(tr("The answer of client \"%1\" (%2, %3) appears already on line %4 with "
                        "different values.")
                         .arg(clientKey, sqlName(*kind),
                              respondedAt->toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                         .arg(seen->first));
        }
    }
    if (!r.ok()) {
        m_context.reject(r.line(), r.reason());
        m_context.rowDone(bytePosition);
        return {};
    }

    if (const auto existing = m_existing.constFind(key); existing != m_existing.constEnd()) {
        const QVariantList values{*score, ImportBinding::text(comment),
                                  ImportBinding::id(appointment)};
        QVariantList updateValues = values;
        updateValues.append(ImportBinding::id(*existing));
        updateValues.append(values);
        auto changed = m_context.change(m_update, updateValues);
        if (!changed)
            return fail(changed.error());
        ++(*changed > 0 ? m_context.summary().updated : m_context.summary().unchanged);
    } else {
        const QVariant now = ImportBinding::time(m_context.now());
        auto inserted = m_context.insertReturningId(
            m_insert, {ImportBinding::id(client), ImportBinding::id(appointment), sqlName(*kind),
                       *score, ImportBinding::requiredText(comment),
                       ImportBinding::time(*respondedAt), m_context.actorId(), now});
        if (!inserted)
            return fail(inserted.error());
        m_existing.insert(key, FeedbackId(*inserted));
        ++m_context.summary().created;
    }
    m_seen.insert(key, {record.line, fingerprint});
    m_context.rowDone(bytePosition);
    return {};
}

} // namespace aftercare
