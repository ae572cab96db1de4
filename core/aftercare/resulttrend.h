#pragma once

#include "domain/ids.h"
#include "domain/resultvalue.h"
#include "domain/testresult.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

enum class TrendDirection
{
    Unknown, // fewer than two numbers to compare
    Falling,
    Steady,
    Rising,
};

// One value of one analyte in one result.
struct TrendPoint
{
    ResultId result;
    QDateTime receivedAt;
    double value = 0;
    RangePosition position = RangePosition::NotCompared;
};

// How one analyte of a test moved over a client's results.
struct AnalyteTrend
{
    QString analyte;
    QString unit;
    std::vector<TrendPoint> points; // oldest first; the newest is the result looked at
    // From the value before the newest to the newest.
    TrendDirection direction = TrendDirection::Unknown;
};

// The trend of a result's values beside the same client's earlier results of the same test.
// Pure: computed from what it is given.
class ResultTrend
{
public:
    // A change smaller than this share of the reference range (or, without a range, of the
    // earlier value) counts as steady.
    static constexpr double kSteadyShare = 0.05;

    // One trend per numeric analyte of `current`, in its order; earlier results in any order.
    static std::vector<AnalyteTrend> of(const TestResult& current,
                                        const std::vector<TestResult>& earlier);
    static TrendDirection direction(double before, double after, std::optional<double> referenceLow,
                                    std::optional<double> referenceHigh);
};

} // namespace aftercare
