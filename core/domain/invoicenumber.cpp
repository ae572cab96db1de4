#include "domain/invoicenumber.h"

#include "domain/invoice.h"

namespace aftercare {

QString invoiceNumber(InvoiceId id, const QString& externalId)
{
    const QString given = externalId.trimmed();
    if (!given.isEmpty())
        return given;
    return QStringLiteral("INV-%1").arg(id.value(), 7, 10, QLatin1Char('0'));
}

QString invoiceNumber(const Invoice& invoice)
{
    return invoiceNumber(invoice.id, invoice.externalId);
}

} // namespace aftercare
