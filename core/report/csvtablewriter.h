#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace aftercare {

// A table as CSV in the report's dialect (RFC 4180, UTF-8, CRLF, ReportCsvWriter::field):
// a header row, then one row per line. For lists a manager takes into a spreadsheet.
class CsvTableWriter
{
public:
    static QByteArray toCsv(const QStringList& headers, const std::vector<QStringList>& rows);
};

} // namespace aftercare
