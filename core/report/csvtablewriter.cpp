#include "report/csvtablewriter.h"

#include "report/reportcsvwriter.h"

namespace aftercare {

namespace {

void appendLine(QString& out, const QStringList& cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += ReportCsvWriter::field(cells.at(i));
    }
    out += QStringLiteral("\r\n");
}

} // namespace

QByteArray CsvTableWriter::toCsv(const QStringList& headers, const std::vector<QStringList>& rows)
{
    QString out;
    appendLine(out, headers);
    for (const QStringList& row : rows)
        appendLine(out, row);
    return out.toUtf8();
}

} // namespace aftercare
