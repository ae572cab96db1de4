#pragma once

#include "domain/ids.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// One signed-off text of a result's plain-language summary. A result keeps every version;
// the newest is the summary it shows. A version that replaced one the client had already been
// told says why.
struct SummaryVersion
{
    int version = 0; // 1, 2, ... in the order they were signed off
    QString summary;
    UserId signedBy;
    QString signedByName; // filled when read
    QDateTime signedAt;
    QString reason; // why it replaced the version before; empty for the first
};

} // namespace aftercare
