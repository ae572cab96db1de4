#pragma once

#include "aftercare/resulttrend.h"
#include "domain/resultvalue.h"

#include <QCoreApplication>
#include <QString>

class QTableWidgetItem;

namespace aftercare::ui {

// A result's values as the clinician's screens write them: the number in the locale with its
// unit, the reference range, and where the value lies (high ↑, low ↓).
class ResultValueText
{
    Q_DECLARE_TR_FUNCTIONS(ResultValueText)

public:
    static QString number(double value);
    // "8.4 %", or the text of a value that is not a number.
    static QString value(const ResultValue& value);
    // "4 – 6", "up to 3", "from 1", or nothing.
    static QString range(const ResultValue& value);
    // "high ↑", "low ↓", "abnormal" (flagged without a range to compare), or nothing.
    static QString flag(const ResultValue& value);
    // "↑" / "↓" after a number outside its range.
    static QString mark(RangePosition position);
    static QString direction(TrendDirection direction);
    // Outside its range, or flagged abnormal by the laboratory.
    static bool isOutside(const ResultValue& value);
    // Bold and red, as every out-of-range value is shown.
    static void highlight(QTableWidgetItem* item);
};

} // namespace aftercare::ui
