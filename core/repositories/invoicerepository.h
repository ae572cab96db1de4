#pragma once

#include "auth/actor.h"
#include "domain/invoice.h"
#include "error.h"
#include "repositories/auditlog.h"

#include <QDate>
#include <QDateTime>

#include <initializer_list>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Invoices, their lines and payments. An invoice is a draft while its lines may change,
// then issued (with a due date), then paid when the payments cover its total; a draft or an
// unpaid invoice may be voided. The total is kept equal to the lines by the database.
//
// Changes take the invoice as it was read and refuse a stale one with a Conflict; on
// success the invoice is refreshed (lines and payments included).
class InvoiceRepository
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceRepository)

public:
    static constexpr int kDefaultPaymentDays = 14;

    explicit InvoiceRepository(Database& database);

    // The draft invoice of a completed appointment: one line at the appointment's price (or
    // its service's). Refused when the appointment has a live invoice already.
    Result<InvoiceId> draftForAppointment(AppointmentId appointment, const Actor& actor);
    Result<InvoiceId> draftForAppointment(TransactionGuard& transaction, AppointmentId appointment,
                                          const Actor& actor);
    // A draft with the given lines (hand-made invoices, imports).
    Result<InvoiceId> createDraft(const Invoice& draft, const Actor& actor);
    Result<InvoiceId> createDraft(TransactionGuard& transaction, const Invoice& draft,
                                  const Actor& actor);

    Result<Invoice> get(InvoiceId id) const;
    Result<Invoice> findByExternalId(const QString& externalId) const;

    Result<InvoiceLineId> addLine(Invoice& invoice, const InvoiceLine& line, const Actor& actor);
    Status removeLine(Invoice& invoice, InvoiceLineId line, const Actor& actor);
    // Changes a draft's line (description, quantity, unit price); the total follows.
    Status updateLine(Invoice& invoice, const InvoiceLine& line, const Actor& actor);
    // Issues a draft that has lines; issuedAt defaults to now, dueAt to issuedAt + 14 days.
    Status issue(Invoice& invoice, const Actor& actor, const QDateTime& issuedAt = {},
                 const QDateTime& dueAt = {});
    Status issue(TransactionGuard& transaction, Invoice& invoice, const Actor& actor,
                 const QDateTime& issuedAt = {}, const QDateTime& dueAt = {});
    // Records money received on an issued invoice, at most its balance. When the payments
    // cover the total the invoice is paid, paid_at being the last payment's time.
    Result<PaymentId> recordPayment(Invoice& invoice, const Payment& payment, const Actor& actor);
    Result<PaymentId> recordPayment(TransactionGuard& transaction, Invoice& invoice,
                                    const Payment& payment, const Actor& actor);
    // Voids a draft or an issued invoice without payments; the reason goes to the audit log.
    Status voidInvoice(Invoice& invoice, const QString& reason, const Actor& actor);
    // The visit's completion was taken back: voids its drafted invoice, in the caller's
    // transaction (a later completion drafts a new one). Refused when the invoice was issued
    // meanwhile: that one is voided on purpose, on the invoice page.
    Status voidDraftOfVisit(TransactionGuard& transaction, AppointmentId visit,
                            const QString& reason, const Actor& actor);

    // Issued invoices not paid in full whose due time lies before the day asOf, oldest first.
    Result<std::vector<Invoice>> overdue(const QDate& asOf) const;
    // A client's invoices, newest first (without lines and payments).
    Result<std::vector<Invoice>> forClient(ClientId client) const;
    // What a client owes: issued invoices' totals minus what was paid on them, in cents.
    Result<qint64> balance(ClientId client) const;

private:
    Result<std::vector<Invoice>> list(const QString& where, const QString& order,
                                      const QVariantList& values) const;
    Result<Invoice> load(const QString& where, const QVariantList& values,
                         const QString& missing) const;
    // Locks the invoice row (PostgreSQL), then refuses one that is gone, stale or not in one
    // of the allowed states (refusal, with %1 = the current status).
    Status check(const Invoice& invoice, std::initializer_list<InvoiceStatus> allowed,
                 const QString& refusal) const;
    Status bump(Invoice& invoice, const QString& assignments = {}, const QVariantList& values = {});
    Status validate(const InvoiceLine& line) const;
    Result<InvoiceLineId> insertLine(InvoiceId invoice, const InvoiceLine& line);
    QString statusText(InvoiceStatus status) const;

    Database& m_database;
    AuditLog m_audit;
};

} // namespace aftercare
