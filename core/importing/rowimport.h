#pragma once

#include "error.h"
#include "importing/csvreader.h"
#include "importing/csvtable.h"

#include <QString>

namespace aftercare {

// One kind of CSV file: what becomes of each of its records. Runs inside
// the import's transaction; a returned error is a database failure that ends the whole
// import, while a bad record is only reported as rejected.
class RowImport
{
public:
    virtual ~RowImport() = default;

    // The table the audit row names.
    virtual QString entity() const = 0;
    // Finds the columns, loads the lookups and prepares the statements.
    virtual Status begin(const CsvTable& table) = 0;
    // Handles one data record; bytePosition is where it ends in the file.
    virtual Status row(const CsvRecord& record, qint64 bytePosition) = 0;
    // Writes what had to wait for the whole file.
    virtual Status finish() { return {}; }
};

} // namespace aftercare
