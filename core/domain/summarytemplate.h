#pragma once

#include "domain/ids.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// The plain-language summary a clinician starts from, per test and per variant (normal or
// abnormal result). The body holds placeholders such as {first_name} and {values}, filled
// in by SummaryText for one result.
struct SummaryTemplate
{
    SummaryTemplateId id;
    QString testName;
    bool abnormal = false;
    QString body;
    QDateTime updatedAt;
    QString updatedByName;
    int rowVersion = 0;
};

} // namespace aftercare
