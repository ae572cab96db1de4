#pragma once

#include "error.h"
#include "metrics/period.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

namespace aftercare {

// Reads a report period from the command line: `--month YYYY-MM` (its first to last day) or
// `--from YYYY-MM-DD --to YYYY-MM-DD` (both days included, from not after to).
class PeriodParser
{
    Q_DECLARE_TR_FUNCTIONS(PeriodParser)

public:
    static Result<QDate> parseDate(QStringView text);
    static Result<Period> parseMonth(QStringView text);
    static Result<Period> parseRange(QStringView from, QStringView to);
    // Exactly one of: a month, or both from and to (empty strings mean "not given").
    static Result<Period> parse(const QString& month, const QString& from, const QString& to);
};

} // namespace aftercare
