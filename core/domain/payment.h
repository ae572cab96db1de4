#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>

namespace aftercare {

// Money received against an invoice.
struct Payment
{
    PaymentId id;
    InvoiceId invoice;
    qint64 amountCents = 0;
    QDateTime paidAt;
    PaymentMethod method = PaymentMethod::Other;
    UserId recordedBy;
    QDateTime recordedAt;
};

} // namespace aftercare
