#include "repositories/invoicerepository.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/invoicenumber.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

namespace {

const QString kTable = QStringLiteral("invoices");

const QString kSelect = QStringLiteral(
    "SELECT i.id, i.external_id, i.client_id, i.appointment_id, i.status, i.total_cents, "
    "(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id), "
    "i.issued_at, i.due_at, "
    "i.paid_at, i.created_at, i.created_by, i.row_version FROM invoices i ");

Invoice invoiceFromRow(const QSqlQuery& q)
{
    Invoice i;
    i.id = InvoiceId(q.value(0).toLongLong());
    i.externalId = q.value(1).toString();
    i.client = ClientId(q.value(2).toLongLong());
    i.appointment = AppointmentId::fromVariant(q.value(3));
    i.status = parseSqlName<InvoiceStatus>(q.value(4).toString()).value_or(InvoiceStatus::Draft);
    i.totalCents = q.value(5).toLongLong();
    i.paidCents = q.value(6).toLongLong();
    i.issuedAt = SqlTime::toDateTime(q.value(7));
    i.dueAt = SqlTime::toDateTime(q.value(8));
    i.paidAt = SqlTime::toDateTime(q.value(9));
    i.createdAt = SqlTime::toDateTime(q.value(10));
    i.createdBy = UserId::fromVariant(q.value(11));
    i.rowVersion = q.value(12).toInt();
    return i;
}

QDateTime nowIfInvalid(const QDateTime& at)
{
    return at.isValid() ? at : QDateTime::currentDateTime();
}

} // namespace

InvoiceRepository::InvoiceRepository(Database& database)
    : m_database(database)
    , m_audit(database)
{}

QString InvoiceRepository::statusText(InvoiceStatus status) const
{
    switch (status) {
    case InvoiceStatus::Draft:
        return tr("a draft");
    case InvoiceStatus::Issued:
        return tr("issued");
    case InvoiceStatus::Paid:
        return tr("paid");
    case InvoiceStatus::Void:
        return tr("void");
    }
    return {};
}

Status InvoiceRepository::validate(const InvoiceLine& line) const
{
    if (line.description.trimmed().isEmpty())
        return fail(Error::validation(tr("An invoice line needs a description.")));
    if (line.quantity < 1)
        return fail(Error::validation(tr("An invoice line's quantity is at least 1.")));
    if (line.unitPriceCents < 0)
        return fail(Error::validation(tr("A price cannot be negative.")));
    return {};
}

Result<InvoiceLineId> InvoiceRepository::insertLine(InvoiceId invoice, const InvoiceLine& line)
{
    if (auto valid = validate(line); !valid)
        return fail(valid.error());
    auto query = m_database.run(
        QStringLiteral("INSERT INTO invoice_lines (invoice_id, description, quantity, "
                       "unit_price_cents, amount_cents) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {invoice.toVariant(), line.description.trimmed(), line.quantity,
         qlonglong(line.unitPriceCents), qlonglong(line.amountCents())});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new line's id.")});
    return InvoiceLineId(query->value(0).toLongLong());
}

Result<InvoiceId> InvoiceRepository::createDraft(const Invoice& draft, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return createDraft(tx, draft, actor); });
}

Result<InvoiceId> InvoiceRepository::createDraft(TransactionGuard&, const Invoice& draft,
                                                 const Actor& actor)
{
    if (!draft.client.isValid())
        return fail(Error::validation(tr("An invoice must be addressed to a client.")));
    for (const InvoiceLine& line : draft.lines) {
        if (auto valid = validate(line); !valid)
            return fail(valid.error());
    }
    auto query =
        m_database.run(QStringLiteral("INSERT INTO invoices (external_id, client_id, "
                                      "appointment_id, status, created_at, created_by) "
                                      "VALUES (?, ?, ?, 'draft', ?, ?) RETURNING id"),
                       {SqlValue::textOrNull(draft.externalId), draft.client.toVariant(),
                        draft.appointment.toVariant(),
                        SqlTime::toSql(nowIfInvalid(draft.createdAt)), actor.user.toVariant()});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message =
                tr("An invoice with the id %1 exists already.").arg(draft.externalId.trimmed());
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new invoice's id.")});
    const InvoiceId id(query->value(0).toLongLong());
    for (const InvoiceLine& line : draft.lines) {
        if (auto added = insertLine(id, line); !added)
            return fail(added.error());
    }
    return id;
}

Result<InvoiceId> InvoiceRepository::draftForAppointment(AppointmentId appointment,
                                                         const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return draftForAppointment(tx, appointment, actor); });
}

Result<InvoiceId> InvoiceRepository::draftForAppointment(TransactionGuard& tx,
                                                         AppointmentId appointment,
                                                         const Actor& actor)
{
    auto query = m_database.run(
        QStringLiteral(
            "SELECT a.client_id, a.status, coalesce(a.price_cents, s.price_cents), s.name, "
            "a.starts_at "
            "FROM appointments a JOIN service_types s ON s.id = a.service_type_id WHERE a.id = ?"),
        {appointment.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(
            tr("There is no appointment with the number %1.").arg(appointment.value())));
    if (query->value(1).toString() != sqlName(AppointmentStatus::Completed))
        return fail(Error::validation(tr("Only a completed appointment is invoiced.")));
    auto existing =
        m_database.run(QStringLiteral("SELECT id, external_id FROM invoices WHERE appointment_id = "
                                      "? AND status <> 'void' ORDER BY id LIMIT 1"),
                       {appointment.toVariant()});
    if (!existing)
        return fail(existing.error());
    if (existing->next())
        return fail(
            Error::conflict(tr("This appointment is invoiced already (invoice %1).")
                                .arg(invoiceNumber(InvoiceId(existing->value(0).toLongLong()),
                                                   existing->value(1).toString()))));

    Invoice draft;
    draft.client = ClientId(query->value(0).toLongLong());
    draft.appointment = appointment;
    InvoiceLine line;
    line.description = tr("%1 on %2")
                           .arg(query->value(3).toString(),
                                QLocale().toString(SqlTime::toDateTime(query->value(4)).date(),
                                                   QLocale::ShortFormat));
    line.unitPriceCents = query->value(2).toLongLong();
    draft.lines.push_back(line);
    return createDraft(tx, draft, actor);
}

Result<std::vector<Invoice>> InvoiceRepository::list(const QString& where, const QString& order,
                                                     const QVariantList& values) const
{
    return m_database.collect(kSelect + QStringLiteral("WHERE ") + where +
                                  QStringLiteral(" ORDER BY ") + order,
                              values, invoiceFromRow);
}

Result<Invoice> InvoiceRepository::load(const QString& where, const QVariantList& values,
                                        const QString& missing) const
{
    auto found = list(where, QStringLiteral("i.id"), values);
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(missing));
    Invoice invoice = std::move(found->front());

    const InvoiceId id = invoice.id;
    auto lines = m_database.collect(
        QStringLiteral("SELECT id, description, quantity, unit_price_cents FROM invoice_lines "
                       "WHERE invoice_id = ? ORDER BY id"),
        {id.toVariant()}, [id](const QSqlQuery& row) {
            return InvoiceLine{InvoiceLineId(row.value(0).toLongLong()), id,
                               row.value(1).toString(), row.value(2).toInt(),
                               row.value(3).toLongLong()};
        });
    if (!lines)
        return fail(lines.error());
    invoice.lines = std::move(*lines);
    auto payments = m_database.collect(
        QStringLiteral("SELECT id, amount_cents, paid_at, method, recorded_by, recorded_at "
                       "FROM payments WHERE invoice_id = ? ORDER BY paid_at, id"),
        {id.toVariant()}, [id](const QSqlQuery& row) {
            return Payment{
                PaymentId(row.value(0).toLongLong()),
                id,
                row.value(1).toLongLong(),
                SqlTime::toDateTime(row.value(2)),
                parseSqlName<PaymentMethod>(row.value(3).toString()).value_or(PaymentMethod::Other),
                UserId::fromVariant(row.value(4)),
                SqlTime::toDateTime(row.value(5))};
        });
    if (!payments)
        return fail(payments.error());
    invoice.payments = std::move(*payments);
    return invoice;
}

Result<Invoice> InvoiceRepository::get(InvoiceId id) const
{
    return load(QStringLiteral("i.id = ?"), {id.toVariant()},
                tr("There is no invoice with the number %1.").arg(invoiceNumber(id)));
}

Result<Invoice> InvoiceRepository::findByExternalId(const QString& externalId) const
{
    return load(QStringLiteral("i.external_id = ?"), {externalId.trimmed()},
                tr("There is no invoice with the id %1.").arg(externalId.trimmed()));
}

Status InvoiceRepository::check(const Invoice& invoice,
                                std::initializer_list<InvoiceStatus> allowed,
                                const QString& refusal) const
{
    // PostgreSQL: hold the row until commit, so two desks recording payments at once are
    // serialised. SQLite's write transaction holds the whole database already.
    const QString sql =
        m_database.isPostgreSql()
            ? QStringLiteral("SELECT status, row_version FROM invoices WHERE id = ? FOR UPDATE")
            : QStringLiteral("SELECT status, row_version FROM invoices WHERE id = ?");
    auto current = m_database.run(sql, {invoice.id.toVariant()});
    if (!current)
        return fail(current.error());
    if (!current->next())
        return fail(Error::notFound(
            tr("There is no invoice with the number %1.").arg(invoiceNumber(invoice))));
    if (current->value(1).toInt() != invoice.rowVersion)
        return fail(StaleEdit::explain(m_database, kTable, invoice.id.value(), tr("invoice")));
    const InvoiceStatus status =
        parseSqlName<InvoiceStatus>(current->value(0).toString()).value_or(InvoiceStatus::Draft);
    if (std::find(allowed.begin(), allowed.end(), status) == allowed.end())
        return fail(Error::validation(refusal.arg(statusText(status))));
    return {};
}

Status InvoiceRepository::bump(Invoice& invoice, const QString& assignments,
                               const QVariantList& values)
{
    QVariantList all = values;
    all << invoice.id.toVariant() << invoice.rowVersion;
    const QString set = assignments.isEmpty() ? QString() : assignments + QStringLiteral(", ");
    auto query = m_database.run(
        QStringLiteral(
            "UPDATE invoices SET %1row_version = row_version + 1 WHERE id = ? AND row_version = ?")
            .arg(set),
        all);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() != 1)
        return fail(StaleEdit::explain(m_database, kTable, invoice.id.value(), tr("invoice")));
    auto fresh = get(invoice.id);
    if (!fresh)
        return fail(fresh.error());
    invoice = std::move(*fresh);
    return {};
}

Result<InvoiceLineId> InvoiceRepository::addLine(Invoice& invoice, const InvoiceLine& line,
                                                 const Actor&)
{
    Invoice copy;
    auto added = m_database.write([&](TransactionGuard&) -> Result<InvoiceLineId> {
        copy = invoice;
        if (auto ok = check(copy, {InvoiceStatus::Draft},
                            tr("This invoice is %1; only a draft's lines can change."));
            !ok)
            return fail(ok.error());
        auto id = insertLine(copy.id, line);
        if (!id)
            return id;
        if (auto bumped = bump(copy); !bumped)
            return fail(bumped.error());
        return id;
    });
    if (added)
        invoice = std::move(copy);
    return added;
}

Status InvoiceRepository::removeLine(Invoice& invoice, InvoiceLineId line, const Actor&)
{
    Invoice copy;
    auto removed = m_database.write([&](TransactionGuard&) -> Status {
        copy = invoice;
        if (auto ok = check(copy, {InvoiceStatus::Draft},
                            tr("This invoice is %1; only a draft's lines can change."));
            !ok)
            return ok;
        auto query = m_database.run(
            QStringLiteral("DELETE FROM invoice_lines WHERE id = ? AND invoice_id = ?"),
            {line.toVariant(), copy.id.toVariant()});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(Error::notFound(tr("This line is not on the invoice.")));
        return bump(copy);
    });
    if (removed)
        invoice = std::move(copy);
    return removed;
}

Status InvoiceRepository::updateLine(Invoice& invoice, const InvoiceLine& line, const Actor&)
{
    if (auto valid = validate(line); !valid)
        return valid;
    Invoice copy;
    auto updated = m_database.write([&](TransactionGuard&) -> Status {
        copy = invoice;
        if (auto ok = check(copy, {InvoiceStatus::Draft},
                            tr("This invoice is %1; only a draft's lines can change."));
            !ok)
            return ok;
        auto query = m_database.run(
            QStringLiteral(
                "UPDATE invoice_lines SET description = ?, quantity = ?, "
                "unit_price_cents = ?, amount_cents = ? WHERE id = ? AND invoice_id = ?"),
            {line.description.trimmed(), line.quantity, qlonglong(line.unitPriceCents),
             qlonglong(line.amountCents()), line.id.toVariant(), copy.id.toVariant()});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(Error::notFound(tr("This line is not on the invoice.")));
        return bump(copy);
    });
    if (updated)
        invoice = std::move(copy);
    return updated;
}

Status InvoiceRepository::issue(Invoice& invoice, const Actor& actor, const QDateTime& issuedAt,
                                const QDateTime& dueAt)
{
    Invoice copy;
    auto issued = m_database.write([&](TransactionGuard& tx) {
        copy = invoice;
        return issue(tx, copy, actor, issuedAt, dueAt);
    });
    if (issued)
        invoice = std::move(copy);
    return issued;
}

Status InvoiceRepository::issue(TransactionGuard&, Invoice& invoice, const Actor&,
                                const QDateTime& issuedAtIn, const QDateTime& dueAtIn)
{
    const QDateTime issuedAt = nowIfInvalid(issuedAtIn);
    const QDateTime dueAt = dueAtIn.isValid() ? dueAtIn : issuedAt.addDays(kDefaultPaymentDays);
    if (dueAt < issuedAt)
        return fail(Error::validation(tr("An invoice cannot fall due before it is issued.")));
    if (auto ok = check(invoice, {InvoiceStatus::Draft},
                        tr("This invoice is %1; only a draft can be issued."));
        !ok)
        return ok;
    auto lines =
        m_database.scalar(QStringLiteral("SELECT count(*) FROM invoice_lines WHERE invoice_id = ?"),
                          {invoice.id.toVariant()});
    if (!lines)
        return fail(lines.error());
    if (lines->toLongLong() == 0)
        return fail(Error::validation(tr("An invoice without lines cannot be issued.")));
    return bump(invoice, QStringLiteral("status = 'issued', issued_at = ?, due_at = ?"),
                {SqlTime::toSql(issuedAt), SqlTime::toSql(dueAt)});
}

Result<PaymentId> InvoiceRepository::recordPayment(Invoice& invoice, const Payment& payment,
                                                   const Actor& actor)
{
    Invoice copy;
    auto paid = m_database.write([&](TransactionGuard& tx) {
        copy = invoice;
        return recordPayment(tx, copy, payment, actor);
    });
    if (paid)
        invoice = std::move(copy);
    return paid;
}

Result<PaymentId> InvoiceRepository::recordPayment(TransactionGuard&, Invoice& invoice,
                                                   const Payment& payment, const Actor& actor)
{
    if (payment.amountCents <= 0)
        return fail(Error::validation(tr("A payment must be more than nothing.")));
    if (auto ok = check(invoice, {InvoiceStatus::Issued},
                        tr("This invoice is %1; payments are taken on issued invoices."));
        !ok)
        return fail(ok.error());
    auto totals = m_database.run(
        QStringLiteral("SELECT i.total_cents, (SELECT coalesce(sum(amount_cents), 0) FROM "
                       "payments WHERE invoice_id = i.id) FROM invoices i WHERE i.id = ?"),
        {invoice.id.toVariant()});
    if (!totals)
        return fail(totals.error());
    if (!totals->next())
        return fail(Error::notFound(
            tr("There is no invoice with the number %1.").arg(invoiceNumber(invoice))));
    const qint64 total = totals->value(0).toLongLong();
    const qint64 paidBefore = totals->value(1).toLongLong();
    if (payment.amountCents > total - paidBefore)
        return fail(Error::validation(
            tr("The payment is more than the %1 still open on this invoice.")
                .arg(QLocale().toString(double(total - paidBefore) / 100.0, 'f', 2))));

    const QDateTime now = QDateTime::currentDateTime();
    auto inserted =
        m_database.run(QStringLiteral("INSERT INTO payments (invoice_id, amount_cents, paid_at, "
                                      "method, recorded_by, recorded_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                       {invoice.id.toVariant(), qlonglong(payment.amountCents),
                        SqlTime::toSql(nowIfInvalid(payment.paidAt)), sqlName(payment.method),
                        actor.user.toVariant(), SqlTime::toSql(now)});
    if (!inserted)
        return fail(inserted.error());
    if (!inserted->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new payment's id.")});
    const PaymentId id(inserted->value(0).toLongLong());

    Status bumped =
        paidBefore + payment.amountCents >= total
            ? bump(invoice,
                   QStringLiteral("status = 'paid', paid_at = (SELECT max(paid_at) FROM payments "
                                  "WHERE invoice_id = invoices.id)"))
            : bump(invoice);
    if (!bumped)
        return fail(bumped.error());
    return id;
}

Status InvoiceRepository::voidInvoice(Invoice& invoice, const QString& reason, const Actor& actor)
{
    if (reason.trimmed().isEmpty())
        return fail(Error::validation(tr("Please give a reason for voiding the invoice.")));
    Invoice copy;
    auto voided = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = invoice;
        if (auto ok =
                check(copy, {InvoiceStatus::Draft, InvoiceStatus::Issued},
                      tr("This invoice is %1; only a draft or an unpaid invoice can be voided."));
            !ok)
            return ok;
        auto payments =
            m_database.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = ?"),
                              {copy.id.toVariant()});
        if (!payments)
            return fail(payments.error());
        if (payments->toLongLong() > 0)
            return fail(Error::validation(
                tr("Payments were recorded on this invoice; it cannot be voided.")));
        if (auto bumped = bump(copy, QStringLiteral("status = 'void'")); !bumped)
            return bumped;
        return m_audit.record(tx, actor, QStringLiteral("invoice.void"), kTable, copy.id.value(),
                              copy.client, reason.trimmed());
    });
    if (voided)
        invoice = std::move(copy);
    return voided;
}

Result<std::vector<Invoice>> InvoiceRepository::overdue(const QDate& asOf) const
{
    return list(QStringLiteral("i.status = 'issued' AND i.due_at < ?"),
                QStringLiteral("i.due_at, i.id"), {SqlTime::toSql(asOf.startOfDay())});
}

Result<std::vector<Invoice>> InvoiceRepository::forClient(ClientId client) const
{
    return list(QStringLiteral("i.client_id = ?"), QStringLiteral("i.created_at DESC, i.id DESC"),
                {client.toVariant()});
}

Result<qint64> InvoiceRepository::balance(ClientId client) const
{
    auto owed = m_database.scalar(
        QStringLiteral("SELECT coalesce(sum(i.total_cents - (SELECT coalesce(sum(p.amount_cents), "
                       "0) FROM payments p "
                       "WHERE p.invoice_id = i.id)), 0) FROM invoices i "
                       "WHERE i.client_id = ? AND i.status IN ('issued', 'paid')"),
        {client.toVariant()});
    if (!owed)
        return fail(owed.error());
    return owed->toLongLong();
}

Status InvoiceRepository::voidDraftOfVisit(TransactionGuard& transaction, AppointmentId visit,
                                           const QString& reason, const Actor& actor)
{
    auto invoices = list(QStringLiteral("i.appointment_id = ? AND i.status <> 'void'"),
                         QStringLiteral("i.id"), {visit.toVariant()});
    if (!invoices)
        return fail(invoices.error());
    for (Invoice& invoice : *invoices) {
        if (invoice.status != InvoiceStatus::Draft || invoice.paidCents > 0)
            return fail(Error::validation(
                tr("The invoice of this visit was issued meanwhile; its completion stays. "
                   "Void the invoice on the invoice page first.")));
        if (auto voided = bump(invoice, QStringLiteral("status = 'void'")); !voided)
            return voided;
        if (auto audited =
                m_audit.record(transaction, actor, QStringLiteral("invoice.void"), kTable,
                               invoice.id.value(), invoice.client, reason.trimmed());
            !audited)
            return audited;
    }
    return {};
}

} // namespace aftercare
