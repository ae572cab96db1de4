#pragma once

#include "report/report.h"

#include <QByteArray>
#include <QJsonObject>

namespace aftercare {

// The report as JSON, in the shape its readers rely on, pinned by tests/tst_report.cpp (its keys
// are never renamed; a few are added: filters, lapse window, NPS low-confidence mark, counts behind
// the shares, the monthly series). A figure whose denominator is 0 is null. Money is in currency
// units.
class ReportJsonWriter
{
public:
    static QJsonObject toObject(const Report& report);
    static QByteArray toJson(const Report& report); // indented, UTF-8
};

} // namespace aftercare
