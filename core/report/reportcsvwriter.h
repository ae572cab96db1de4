#pragma once

#include "report/report.h"

#include <QByteArray>
#include <QString>

namespace aftercare {

// The report as CSV (RFC 4180, UTF-8, CRLF): one figure per row, "metric,key,value", made
// from the JSON form so both carry the same figures. metric is the dotted path of the
// figure's group (e.g. "sla.by_kind.checkin_call", "cohorts.2026-01",
// "monthly.2026-01.nps"), key the figure's name, value a number, text, true/false, or empty
// for null. The NPS interval is two rows, ci95_low and ci95_high. Top-level single values
// (the lapse window) are under metric "report".
class ReportCsvWriter
{
public:
    static QByteArray toCsv(const Report& report);
    // One field quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote, a
    // line break or surrounding spaces, with quotes doubled.
    static QString field(const QString& text);
};

} // namespace aftercare
