#pragma once

#include "domain/ids.h"
#include "domain/invoiceline.h"
#include "domain/payment.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace aftercare {

// A bill to a client, usually for one completed appointment. The total is the sum of the
// lines (the database keeps it so); it is paid when the payments cover the total.
struct Invoice
{
    InvoiceId id;
    QString externalId;
    ClientId client;
    AppointmentId appointment;
    InvoiceStatus status = InvoiceStatus::Draft;
    qint64 totalCents = 0;
    qint64 paidCents = 0; // the sum of the payments, filled when read
    QDateTime issuedAt;
    QDateTime dueAt;
    QDateTime paidAt; // the last payment that completed it
    QDateTime createdAt;
    UserId createdBy;
    int rowVersion = 0;
    std::vector<InvoiceLine> lines; // filled by InvoiceRepository::get, not by lists
    std::vector<Payment> payments;  // filled by InvoiceRepository::get, not by lists

    qint64 balanceCents() const { return totalCents - paidCents; }
};

} // namespace aftercare
