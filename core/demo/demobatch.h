#pragma once

#include "demo/demovalue.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aftercare {

// Rows for one multi-row INSERT: the table, its columns, and rows * columns values.
struct DemoBatch
{
    QString table;
    QStringList columns;
    int rows = 0;
    std::vector<DemoValue> values;
};

} // namespace aftercare
