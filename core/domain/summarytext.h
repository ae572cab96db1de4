#pragma once

#include "domain/resultvalue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace aftercare {

// What a summary template may speak of for one result.
struct SummaryContext
{
    QString clientName;
    QString clientFirstName;
    QString testName;
    QDateTime receivedAt;
    std::vector<ResultValue> values;
    QString clinicianName;
    QString practiceName;
    QString practicePhone;
};

// Fills a summary template's placeholders. Pure functions: no database, no locale state
// beyond QLocale(), so the same template and context always give the same text.
class SummaryText
{
    Q_DECLARE_TR_FUNCTIONS(SummaryText)

public:
    struct Placeholder
    {
        QString key;         // as written in a template, without braces: "first_name"
        QString description; // for the editor, translated
    };

    // Every placeholder a template may use, in the order an editor offers them.
    static std::vector<Placeholder> placeholders();
    // The words in braces that are not placeholders ("{frist_name}"), each once, in order.
    static QStringList unknownPlaceholders(const QString& body);
    // The body with every known placeholder replaced; unknown ones are left as written.
    static QString render(const QString& body, const SummaryContext& context);
    // Values to preview a template of `testName` with: the test's analytes, units and reference
    // ranges (from `reference`) with numbers inside their ranges, and for an abnormal template
    // the first one outside. Without a reference, one value named after the test.
    static std::vector<ResultValue> sampleValues(const QString& testName,
                                                 std::vector<ResultValue> reference, bool abnormal);
    // One line per value: "Haemoglobin: 9.8 g/dl (normal 12–16), below the normal range".
    static QString valueLines(const std::vector<ResultValue>& values, bool onlyOutsideRange);
};

} // namespace aftercare
