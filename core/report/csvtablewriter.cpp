#include "report/csvtablewriter.h"

#include "report/reportcsvwriter.h"

namespace aftercare {

namespace {

// A cell that a spreadsheet would run as a formula (a client's name or comment beginning with
// =, +, -, @ or a tab) is written with a leading apostrophe; a plain number ("-3.5") is not.
QString inert(const QString& cell)
{
    if (cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()))
        return cell;
    bool number = false;
    cell.toDouble(&number);
    return number ? cell : QLatin1Char('\'') + cell;
}

void appendLine(QString& out, const QStringList& cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += ReportCsvWriter::field(inert(cells.at(i)));
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
