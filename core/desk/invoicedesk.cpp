#include "desk/invoicedesk.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/invoicenumber.h"
#include "domain/touchpoint.h"
#include "repositories/invoicerepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/touchpointrepository.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <utility>

namespace aftercare {

namespace {

// Binds: nothing, or today for Overdue.
QString whereOf(InvoiceDesk::View view)
{
    switch (view) {
    case InvoiceDesk::View::Drafts:
        return QStringLiteral("i.status = 'draft'");
    case InvoiceDesk::View::Open:
        return QStringLiteral("i.status = 'issued'");
    case InvoiceDesk::View::Overdue:
        return QStringLiteral("i.status = 'issued' AND i.due_at < ?");
    case InvoiceDesk::View::Paid:
        return QStringLiteral("i.status = 'paid'");
    }
    return {};
}

QString orderOf(InvoiceDesk::View view)
{
    switch (view) {
    case InvoiceDesk::View::Drafts:
        return QStringLiteral("i.created_at DESC, i.id DESC");
    case InvoiceDesk::View::Open:
    case InvoiceDesk::View::Overdue:
        return QStringLiteral("i.due_at, i.id");
    case InvoiceDesk::View::Paid:
        return QStringLiteral("i.paid_at DESC, i.id DESC");
    }
    return {};
}

QVariantList valuesOf(InvoiceDesk::View view, const QDate& today)
{
    if (view == InvoiceDesk::View::Overdue)
        return {SqlTime::toSql(today.startOfDay())};
    return {};
}

Touchpoint financial(const Invoice& invoice, QLatin1String kind, const QString& outcome)
{
    Touchpoint touchpoint;
    touchpoint.client = invoice.client;
    touchpoint.stage = JourneyStage::After;
    touchpoint.channel = Channel::InPerson;
    touchpoint.kind = kind;
    touchpoint.appointment = invoice.appointment;
    touchpoint.outcome = outcome;
    return touchpoint;
}

QString money(qint64 cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 2);
}

const QString kRowSelect = QStringLiteral(
    "SELECT i.id, i.external_id, i.client_id, c.first_name, c.last_name, c.phone, "
    "i.status, i.total_cents, (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p "
    "WHERE p.invoice_id = i.id), i.created_at, i.issued_at, i.due_at, i.row_version "
    "FROM invoices i JOIN clients c ON c.id = i.client_id ");

InvoiceRow invoiceRowFrom(const QSqlQuery& query)
{
    InvoiceRow row;
    row.id = InvoiceId(query.value(0).toLongLong());
    row.number = invoiceNumber(row.id, query.value(1).toString());
    row.client = ClientId(query.value(2).toLongLong());
    row.clientName = query.value(3).toString() + QLatin1Char(' ') + query.value(4).toString();
    row.phone = query.value(5).toString();
    row.status =
        parseSqlName<InvoiceStatus>(query.value(6).toString()).value_or(InvoiceStatus::Draft);
    row.totalCents = query.value(7).toLongLong();
    row.paidCents = query.value(8).toLongLong();
    row.createdAt = SqlTime::toDateTime(query.value(9));
    row.issuedAt = SqlTime::toDateTime(query.value(10));
    row.dueAt = SqlTime::toDateTime(query.value(11));
    row.rowVersion = query.value(12).toInt();
    return row;
}

} // namespace

int InvoiceRow::daysOverdue(const QDate& today) const
{
    if (status != InvoiceStatus::Issued || !dueAt.isValid() || balanceCents() <= 0)
        return 0;
    return int(std::max<qint64>(0, dueAt.date().daysTo(today)));
}

InvoiceDesk::InvoiceDesk(Database& database)
    : m_database(database)
{}

Result<std::vector<InvoiceRow>> InvoiceDesk::list(View view, const QDate& today, int limit,
                                                  int offset) const
{
    QVariantList values = valuesOf(view, today);
    values << limit << offset;
    return m_database.collect(kRowSelect + QStringLiteral("WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?")
                                               .arg(whereOf(view), orderOf(view)),
                              values, invoiceRowFrom);
}

Result<InvoiceRow> InvoiceDesk::row(InvoiceId invoice) const
{
    auto rows = m_database.collect(kRowSelect + QStringLiteral("WHERE i.id = ?"),
                                   {invoice.toVariant()}, invoiceRowFrom);
    if (!rows)
        return fail(rows.error());
    if (rows->empty())
        return fail(Error::notFound(
            tr("There is no invoice with the number %1.").arg(invoiceNumber(invoice))));
    return std::move(rows->front());
}

Result<std::optional<qint64>> InvoiceDesk::position(View view, const QDate& today,
                                                    InvoiceId invoice) const
{
    // Numbered in the list's own order, so the answer is the row the list shows it in.
    QVariantList values = valuesOf(view, today);
    values << invoice.toVariant();
    auto query = m_database.run(
        QStringLiteral("SELECT n FROM (SELECT i.id, row_number() OVER (ORDER BY %2) - 1 AS n "
                       "FROM invoices i JOIN clients c ON c.id = i.client_id WHERE %1) "
                       "numbered WHERE numbered.id = ?")
            .arg(whereOf(view), orderOf(view)),
        values);
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

Result<InvoiceTotals> InvoiceDesk::totals(View view, const QDate& today) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT count(*), coalesce(sum(i.total_cents), 0), "
                       "coalesce(sum(i.total_cents - (SELECT coalesce(sum(p.amount_cents), 0) "
                       "FROM payments p WHERE p.invoice_id = i.id)), 0) "
                       "FROM invoices i WHERE %1")
            .arg(whereOf(view)),
        valuesOf(view, today));
    if (!query)
        return fail(query.error());
    InvoiceTotals totals;
    if (query->next()) {
        totals.count = query->value(0).toLongLong();
        totals.totalCents = query->value(1).toLongLong();
        totals.openCents = query->value(2).toLongLong();
    }
    return totals;
}

Result<qint64> InvoiceDesk::count(View view, const QDate& today) const
{
    auto value = m_database.scalar(
        QStringLiteral("SELECT count(*) FROM invoices i WHERE %1").arg(whereOf(view)),
        valuesOf(view, today));
    if (!value)
        return fail(value.error());
    return value->toLongLong();
}

Result<InvoiceDocument> InvoiceDesk::document(InvoiceId invoiceId) const
{
    auto invoice = InvoiceRepository(m_database).get(invoiceId);
    if (!invoice)
        return fail(invoice.error());
    if (invoice->status != InvoiceStatus::Issued && invoice->status != InvoiceStatus::Paid)
        return fail(Error::validation(
            tr("Invoice %1 is not issued; only an issued or paid invoice is printed.")
                .arg(invoiceNumber(*invoice))));
    InvoiceDocument document;
    auto client = m_database.run(
        QStringLiteral(
            "SELECT first_name, last_name, address, external_id FROM clients WHERE id = ?"),
        {invoice->client.toVariant()});
    if (!client)
        return fail(client.error());
    if (client->next()) {
        document.clientName =
            client->value(0).toString() + QLatin1Char(' ') + client->value(1).toString();
        document.clientAddress = client->value(2).toString().trimmed();
        document.clientNumber = client->value(3).toString();
    }
    PracticeSettingsRepository practice(m_database);
    const std::pair<QLatin1String, QString*> settings[] = {
        {PracticeSetting::kName, &document.practiceName},
        {PracticeSetting::kAddress, &document.practiceAddress},
        {PracticeSetting::kPhone, &document.practicePhone},
        {PracticeSetting::kEmail, &document.practiceEmail}};
    for (const auto& [key, field] : settings) {
        auto value = practice.setting(key);
        if (!value)
            return fail(value.error());
        *field = value->trimmed();
    }
    document.number = invoiceNumber(*invoice);
    document.invoice = std::move(*invoice);
    return document;
}

Result<int> InvoiceDesk::paymentDays() const
{
    auto value = PracticeSettingsRepository(m_database)
                     .setting(PracticeSetting::kPaymentDays,
                              QString::number(InvoiceRepository::kDefaultPaymentDays));
    if (!value)
        return fail(value.error());
    bool ok = false;
    const int days = value->trimmed().toInt(&ok);
    return ok && days >= 0 ? days : InvoiceRepository::kDefaultPaymentDays;
}

Status InvoiceDesk::issue(Invoice& invoice, const Actor& actor, const QDateTime& issuedAtIn)
{
    auto days = paymentDays();
    if (!days)
        return fail(days.error());
    const QDateTime issuedAt = issuedAtIn.isValid() ? issuedAtIn : QDateTime::currentDateTime();
    // Due at the end of the day, so "overdue" starts the day after.
    const QDateTime dueAt(issuedAt.date().addDays(*days), QTime(23, 59, 59));
    Invoice copy;
    auto issued = m_database.write([&](TransactionGuard& tx) -> Status {
        copy = invoice;
        if (auto done = InvoiceRepository(m_database).issue(tx, copy, actor, issuedAt, dueAt);
            !done)
            return done;
        return toStatus(
            TouchpointRepository(m_database)
                .record(tx,
                        financial(copy, TouchpointKind::kInvoice,
                                  tr("Invoice %1 issued: %2, due %3")
                                      .arg(invoiceNumber(copy), money(copy.totalCents),
                                           QLocale().toString(dueAt.date(), QLocale::ShortFormat))),
                        actor));
    });
    if (issued)
        invoice = std::move(copy);
    return issued;
}

Result<PaymentId> InvoiceDesk::recordPayment(Invoice& invoice, const Payment& payment,
                                             const Actor& actor)
{
    Invoice copy;
    auto paid = m_database.write([&](TransactionGuard& tx) -> Result<PaymentId> {
        copy = invoice;
        auto id = InvoiceRepository(m_database).recordPayment(tx, copy, payment, actor);
        if (!id)
            return id;
        auto touched =
            TouchpointRepository(m_database)
                .record(tx,
                        financial(copy, TouchpointKind::kPayment,
                                  tr("Invoice %1: paid %2; %3 open")
                                      .arg(invoiceNumber(copy), money(payment.amountCents),
                                           money(copy.balanceCents()))),
                        actor);
        if (!touched)
            return fail(touched.error());
        return id;
    });
    if (paid)
        invoice = std::move(copy);
    return paid;
}

} // namespace aftercare
