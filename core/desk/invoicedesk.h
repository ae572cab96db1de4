#pragma once

#include "auth/actor.h"
#include "desk/invoicedocument.h"
#include "domain/invoice.h"
#include "domain/payment.h"
#include "error.h"

#include <QCoreApplication>
#include <QDate>
#include <QLatin1String>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

class Database;

// One invoice as the desk's lists show it.
struct InvoiceRow
{
    InvoiceId id;
    QString number; // invoiceNumber(): the one way an invoice's number is written
    ClientId client;
    QString clientName;
    QString phone;
    InvoiceStatus status = InvoiceStatus::Draft;
    qint64 totalCents = 0;
    qint64 paidCents = 0;
    QDateTime createdAt;
    QDateTime issuedAt;
    QDateTime dueAt;
    int rowVersion = 0;
    qint64 balanceCents() const { return totalCents - paidCents; }
    // Whole days since the due day ended: 1 on the day after it; 0 when not overdue.
    int daysOverdue(const QDate& today) const;
};

// What a list holds in all (not only the rows read so far).
struct InvoiceTotals
{
    qint64 count = 0;
    qint64 totalCents = 0; // the invoices' totals
    qint64 openCents = 0;  // what is still to be paid on them
};

// What the reception does with invoices: the lists to work through (drafts to review, issued
// and unpaid, overdue, paid), issuing with the practice's payment terms and taking payments,
// each with its touchpoint in the same transaction.
class InvoiceDesk
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceDesk)

public:
    enum class View
    {
        Drafts,  // newest first
        Open,    // issued, not paid in full; soonest due first
        Overdue, // issued, unpaid, due before today; oldest due first
        Paid     // newest payment first
    };

    explicit InvoiceDesk(Database& database);

    Result<std::vector<InvoiceRow>> list(View view, const QDate& today, int limit,
                                         int offset = 0) const;
    Result<qint64> count(View view, const QDate& today) const;
    Result<InvoiceTotals> totals(View view, const QDate& today) const;
    // One invoice as the lists show it, whichever list it is in.
    Result<InvoiceRow> row(InvoiceId invoice) const;
    // Where the invoice stands in the view's order (0 = first), or nothing when it is not in
    // the view: so that the desk can keep the invoice it just handled in sight.
    Result<std::optional<qint64>> position(View view, const QDate& today, InvoiceId invoice) const;

    // The invoice as it goes on paper: issued or paid invoices only.
    Result<InvoiceDocument> document(InvoiceId invoice) const;

    // Days from issue to due date: the practice setting, 14 when it is not set.
    Result<int> paymentDays() const;
    // Issues a draft today (or on issuedOn), due after the practice's payment days.
    Status issue(Invoice& invoice, const Actor& actor, const QDateTime& issuedAt = {});
    Result<PaymentId> recordPayment(Invoice& invoice, const Payment& payment, const Actor& actor);

private:
    Database& m_database;
};

} // namespace aftercare
