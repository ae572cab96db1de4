#pragma once

#include "error.h"

#include <QString>

#include <cstdint>

namespace aftercare {

class Database;

// Explains why an optimistic update touched no row: the row is gone (NotFound), or another
// workstation saved it first (Conflict, naming who and when where the table records it).
class StaleEdit
{
    Q_DECLARE_TR_FUNCTIONS(StaleEdit)

public:
    // table is one of our own table names, never user input.
    static Error explain(const Database& database, const QString& table, std::int64_t id,
                         const QString& what);
};

} // namespace aftercare
