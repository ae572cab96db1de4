#pragma once

#include "domain/invoice.h"

#include <QString>

namespace aftercare {

// What an invoice or receipt on paper says, as data: who sends it (the practice and how to
// reach it), to whom, the invoice with its lines and payments, and its number in the one
// format. Read by InvoiceDesk::document, rendered by the desk.
struct InvoiceDocument
{
    QString practiceName;
    QString practiceAddress;
    QString practicePhone;
    QString practiceEmail;
    QString clientName;
    QString clientAddress;
    QString clientNumber; // the practice's own client id, e.g. "C000123"
    QString number;       // invoiceNumber()
    Invoice invoice;      // with its lines and payments

    // A receipt once the payments cover the total; an invoice before.
    bool isReceipt() const { return invoice.status == InvoiceStatus::Paid; }
};

} // namespace aftercare
