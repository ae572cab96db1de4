#include "importing/invoiceimport.h"

#include "database/database.h"
#include "importing/importbinding.h"
#include "importing/importcontext.h"
#include "importing/importrow.h"

namespace aftercare {

InvoiceImport::InvoiceImport(ImportContext& context)
    : m_context(context)
{}

Status InvoiceImport::begin(const CsvTable& table)
{
    m_externalId = table.column(QStringLiteral("external_id"));
    m_client = table.column(QStringLiteral("client"));
    m_appointment = table.column(QStringLiteral("appointment"));
    m_amount = table.column(QStringLiteral("amount"));
    m_issuedAt = table.column(QStringLiteral("issued_at"));
    m_dueAt = table.column(QStringLiteral("due_at"));
    m_paidAt = table.column(QStringLiteral("paid_at"));
    if (auto loaded = m_context.loadClients(); !loaded)
        return loaded;
    if (m_appointment.present()) {
        if (auto loaded = m_context.loadAppointments(); !loaded)
            return loaded;
        if (auto loaded = m_context.loadPractice(); !loaded)
            return loaded;
    }
    if (auto loaded = loadStored(); !loaded)
        return loaded;
    return prepareStatements();
}

Status InvoiceImport::loadStored()
{
    auto query = m_context.database().run(
        QStringLiteral("SELECT i.id, i.external_id, i.client_id, i.appointment_id, i.total_cents, "
                       "i.issued_at, i.due_at, i.paid_at, i.status, "
                       "(SELECT count(*) FROM payments p WHERE p.invoice_id = i.id) "
                       "FROM invoices i WHERE i.external_id IS NOT NULL"));
    if (!query)
        return fail(query.error());
    while (query->next()) {
        Stored stored;
        stored.id = InvoiceId(query->value(0).toLongLong());
        stored.client = ClientId(query->value(2).toLongLong());
        stored.appointment = AppointmentId::fromVariant(query->value(3));
        stored.totalCents = query->value(4).toLongLong();
        stored.issuedAt = ImportValues::storedTime(query->value(5));
        stored.dueAt = ImportValues::storedTime(query->value(6));
        stored.paidAt = ImportValues::storedTime(query->value(7));
        const QString status = query->value(8).toString();
        stored.settled = status == QLatin1String("paid") || status == QLatin1String("void") ||
                         query->value(9).toLongLong() > 0;
        m_stored.insert(query->value(1).toString(), stored);
    }
    return {};
}

Status InvoiceImport::prepareStatements()
{
    auto insertInvoice = m_context.prepareInsert(QStringLiteral(
        "INSERT INTO invoices (external_id, client_id, appointment_id, status, issued_at, "
        "due_at, paid_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto insertLine = m_context.prepare(QStringLiteral(
        "INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price_cents, "
        "amount_cents) VALUES (?, ?, 1, ?, ?)"));
    auto insertPayment = m_context.prepare(QStringLiteral(
        "INSERT INTO payments (invoice_id, amount_cents, paid_at, method, recorded_by, "
        "recorded_at) VALUES (?, ?, ?, 'other', ?, ?)"));
    auto updateInvoice = m_context.prepare(
        QStringLiteral("UPDATE invoices SET client_id = ?, appointment_id = ?, status = ?, "
                       "issued_at = ?, due_at = ?, paid_at = ?, row_version = row_version + 1 "
                       "WHERE id = ?"));
    auto deleteLines =
        m_context.prepare(QStringLiteral("DELETE FROM invoice_lines WHERE invoice_id = ?"));
    for (auto* statement :
         {&insertInvoice, &insertLine, &insertPayment, &updateInvoice, &deleteLines})
        if (!*statement)
            return fail(statement->error());
    m_insertInvoice = std::move(*insertInvoice);
    m_insertLine = std::move(*insertLine);
    m_insertPayment = std::move(*insertPayment);
    m_updateInvoice = std::move(*updateInvoice);
    m_deleteLines = std::move(*deleteLines);
    return {};
}

Status InvoiceImport::row(const CsvRecord& record, qint64 bytePosition)
{
    ImportRow r(record, m_context.zone());
    const QString externalId = r.required(m_externalId);
    const QString clientKey = r.required(m_client);
    const QString appointmentKey = r.text(m_appointment);
    const auto amount = r.cents(m_amount, true);
    const auto issuedAt = r.time(m_issuedAt, true);
    const auto dueAt = r.time(m_dueAt);
    const auto paidAt = r.time(m_paidAt);

    ClientId client;
    if (r.ok()) {
        client = m_context.client(clientKey);
        if (!client.isValid())
            r.reject(m_context.unknownClient(clientKey));
    }
    std::optional<ImportedAppointment> appointment;
    if (r.ok() && !appointmentKey.isEmpty()) {
        appointment = m_context.appointment(appointmentKey);
        if (!appointment)
            r.reject(tr("appointment: there is no appointment with the external_id \"%1\" (import "
                        "appointments.csv first).")
                         .arg(appointmentKey));
        else if (appointment->client != client)
            r.reject(tr("appointment: the appointment \"%1\" belongs to another client.")
                         .arg(appointmentKey));
    }
    if (r.ok() && dueAt && *dueAt < *issuedAt)
        r.reject(tr("due_at: %1 lies before issued_at %2.")
                     .arg(dueAt->toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          issuedAt->toString(QStringLiteral("yyyy-MM-dd HH:mm"))));

    QString fingerprint;
    if (r.ok()) {
        fingerprint = QStringList{clientKey,
                                  appointmentKey,
                                  QString::number(*amount),
                                  issuedAt->toString(Qt::ISODate),
                                  dueAt ? dueAt->toString(Qt::ISODate) : QString(),
                                  paidAt ? paidAt->toString(Qt::ISODate) : QString()}
                          .join(QChar(0x1f));
        if (const auto seen = m_seen.constFind(externalId); seen != m_seen.constEnd()) {
            if (seen->second == fingerprint) {
                ++m_context.summary().unchanged;
                m_context.rowDone(bytePosition);
                return {};
            }
            r.reject(tr("external_id: \"%1\" appears already on line %2 with different values; a "
                        "file holds each invoice once.")
                         .arg(externalId)
                         .arg(seen->first));
        }
    }

    const auto stored = r.ok() ? m_stored.find(externalId) : m_stored.end();
    const bool exists = stored != m_stored.end();
    Stored wanted;
    if (r.ok()) {
        // An empty optional cell keeps what is stored.
        wanted.client = client;
        wanted.appointment =
            appointment ? appointment->id : (exists ? stored->appointment : AppointmentId());
        wanted.totalCents = *amount;
        wanted.issuedAt = *issuedAt;
        wanted.dueAt = dueAt ? *dueAt : (exists ? stored->dueAt : QDateTime());
        wanted.paidAt = paidAt ? *paidAt : (exists ? stored->paidAt : QDateTime());
    }
    if (r.ok() && exists) {
        const bool same =
            stored->client == wanted.client && stored->appointment == wanted.appointment &&
            stored->totalCents == wanted.totalCents && stored->issuedAt == wanted.issuedAt &&
            stored->dueAt == wanted.dueAt && stored->paidAt == wanted.paidAt;
        if (same) {
            ++m_context.summary().unchanged;
            m_seen.insert(externalId, {record.line, fingerprint});
            m_context.rowDone(bytePosition);
            return {};
        }
        if (stored->settled)
            r.reject(tr("The invoice \"%1\" is paid or void already; an import does not change it.")
                         .arg(externalId));
    }
    if (!r.ok()) {
        m_context.reject(r.line(), r.reason());
        m_context.rowDone(bytePosition);
        return {};
    }

    const QString status =
        wanted.paidAt.isValid() ? QStringLiteral("paid") : QStringLiteral("issued");
    const QString description = wanted.appointment.isValid() && appointment
                                    ? m_context.serviceName(appointment->service)
                                    : tr("Services");
    const QVariant now = ImportBinding::time(m_context.now());
    const QVariant paid = ImportBinding::time(wanted.paidAt);
    const QVariant due = ImportBinding::time(wanted.dueAt);
    InvoiceId id;
    bool replaceLine = true;
    if (!exists) {
        auto inserted = m_context.insertReturningId(
            m_insertInvoice,
            {externalId, ImportBinding::id(client), ImportBinding::id(wanted.appointment), status,
             ImportBinding::time(wanted.issuedAt), due, paid, now, m_context.actorId()});
        if (!inserted)
            return fail(inserted.error());
        id = InvoiceId(*inserted);
        ++m_context.summary().created;
    } else {
        id = stored->id;
        auto changed = m_context.change(
            m_updateInvoice,
            {ImportBinding::id(client), ImportBinding::id(wanted.appointment), status,
             ImportBinding::time(wanted.issuedAt), due, paid, ImportBinding::id(id)});
        if (!changed)
            return fail(changed.error());
        replaceLine = stored->totalCents != wanted.totalCents;
        if (replaceLine)
            if (auto deleted = m_context.change(m_deleteLines, {ImportBinding::id(id)}); !deleted)
                return fail(deleted.error());
        ++m_context.summary().updated;
    }
    if (replaceLine)
        if (auto line = m_context.change(m_insertLine, {ImportBinding::id(id), description,
                                                        qlonglong(*amount), qlonglong(*amount)});
            !line)
            return fail(line.error());
    // A payment of nothing is not a payment (the schema insists on a positive amount).
    if (wanted.paidAt.isValid() && *amount > 0) {
        if (auto payment =
                m_context.change(m_insertPayment, {ImportBinding::id(id), qlonglong(*amount), paid,
                                                   m_context.actorId(), now});
            !payment)
            return fail(payment.error());
        ++m_context.summary().paymentsRecorded;
    }
    wanted.id = id;
    wanted.settled = wanted.paidAt.isValid();
    m_stored.insert(externalId, wanted);
    m_seen.insert(externalId, {record.line, fingerprint});
    m_context.rowDone(bytePosition);
    return {};
}

} // namespace aftercare
