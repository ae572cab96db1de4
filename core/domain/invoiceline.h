#pragma once

#include "domain/ids.h"

#include <QString>

namespace aftercare {

// One line of an invoice; its amount is always quantity × unit price.
struct InvoiceLine
{
    InvoiceLineId id;
    InvoiceId invoice;
    QString description;
    int quantity = 1;
    qint64 unitPriceCents = 0;

    qint64 amountCents() const { return quantity * unitPriceCents; }
};

} // namespace aftercare
