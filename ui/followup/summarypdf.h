#pragma once

#include "domain/testresult.h"

#include <QCoreApplication>
#include <QString>

namespace aftercare::ui {

// The client's copy of a result: the plain-language summary first, in large type, then the
// formal values with their reference ranges. Renders what it is given; reads nothing.
class SummaryPdf
{
    Q_DECLARE_TR_FUNCTIONS(SummaryPdf)

public:
    // False when the file could not be written.
    static bool write(const TestResult& result, const QString& clientName, const QString& path);
};

} // namespace aftercare::ui
