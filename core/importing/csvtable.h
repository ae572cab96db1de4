#pragma once

#include "error.h"
#include "importing/csvreader.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace aftercare {

// A column of a CSV file, found by its name in the header; index -1 when the file has none.
struct CsvColumn
{
    int index = -1;
    QString name;

    bool present() const { return index >= 0; }
};

// The header row of a CSV file: which column holds what. Names are matched without regard
// to case or surrounding spaces; columns nobody asks for are ignored.
class CsvTable
{
    Q_DECLARE_TR_FUNCTIONS(CsvTable)

public:
    // Refuses a header that repeats a name or lacks one of the required columns, with a
    // message naming them.
    static Result<CsvTable> fromHeader(const CsvRecord& header, const QStringList& required);

    CsvColumn column(const QString& name) const;
    int columnCount() const { return m_columnCount; }

private:
    QHash<QString, int> m_indexByName;
    int m_columnCount = 0;
};

} // namespace aftercare
