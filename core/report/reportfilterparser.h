#pragma once

#include "error.h"
#include "metrics/metricfilter.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace aftercare {

class Database;

// Reads a report's filters as a person types them (`report --practitioner NAME|ID
// --service-type NAME|ID --referral-source NAME`) into a MetricFilter, looking names up in
// the practice: a number is an id when one exists, otherwise the name is compared without
// regard to case or surrounding spaces. A value that names nothing is an error, so a typo
// never yields a report of an empty practice.
class ReportFilterParser
{
    Q_DECLARE_TR_FUNCTIONS(ReportFilterParser)

public:
    explicit ReportFilterParser(const Database& database);

    // Empty strings mean "not given".
    Result<MetricFilter> parse(const QString& practitioner, const QString& serviceType,
                               const QString& referralSource) const;
    // The referral sources clients have, each once (as first written, any capitals), sorted.
    Result<QStringList> referralSources() const;

private:
    Result<qint64> idOf(const QString& table, const QString& text) const;

    const Database& m_database;
};

} // namespace aftercare
