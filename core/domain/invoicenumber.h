#pragma once

#include "domain/ids.h"

#include <QString>

namespace aftercare {

struct Invoice;

// The number an invoice is known by, the same on the desk, in the client's history, on the
// PDF and in every message: the number it came with from elsewhere (an import, the demo
// practice), else "INV-" and its id in seven digits, e.g. "INV-0006318". Never translated:
// clients quote it on their bank transfers.
QString invoiceNumber(InvoiceId id, const QString& externalId = {});
QString invoiceNumber(const Invoice& invoice);

} // namespace aftercare
