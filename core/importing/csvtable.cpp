#include "importing/csvtable.h"

namespace aftercare {

Result<CsvTable> CsvTable::fromHeader(const CsvRecord& header, const QStringList& required)
{
    if (!header.error.isEmpty())
        return fail(Error::validation(tr("The header row cannot be read: %1").arg(header.error)));
    CsvTable table;
    table.m_columnCount = int(header.fields.size());
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (name.isEmpty())
            continue; // spreadsheets add nameless columns at the end; nothing is read from them
        if (table.m_indexByName.contains(name))
            return fail(Error::validation(
                tr("The column \"%1\" appears twice in the header row, so it is unclear which one "
                   "to read.")
                    .arg(name)));
        table.m_indexByName.insert(name, i);
    }
    QStringList missing;
    for (const QString& name : required)
        if (!table.m_indexByName.contains(name))
            missing.append(name);
    if (missing.size() == 1)
        return fail(Error::validation(
            tr("The required column \"%1\" is missing from the header row; nothing was imported.")
                .arg(missing.first())));
    if (!missing.isEmpty())
        return fail(Error::validation(
            tr("The required columns %1 are missing from the header row; nothing was imported.")
                .arg(QLatin1Char('"') + missing.join(QStringLiteral("\", \"")) +
                     QLatin1Char('"'))));
    return table;
}

CsvColumn CsvTable::column(const QString& name) const
{
    return CsvColumn{m_indexByName.value(name, -1), name};
}

} // namespace aftercare
