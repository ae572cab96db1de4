#include "aftercare/resulttrend.h"

#include <algorithm>
#include <cmath>

namespace aftercare {

namespace {

// The analyte's numeric value in `unit`: a value measured in another unit (mg/dL beside
// mmol/L) is not a point of the same series.
const ResultValue* valueOf(const TestResult& result, const QString& analyte, const QString& unit)
{
    for (const ResultValue& value : result.values)
        if (value.analyte == analyte && value.unit == unit && value.numeric)
            return &value;
    return nullptr;
}

} // namespace

TrendDirection ResultTrend::direction(double before, double after,
                                      std::optional<double> referenceLow,
                                      std::optional<double> referenceHigh)
{
    double scale = std::abs(before);
    if (referenceLow && referenceHigh && *referenceHigh > *referenceLow)
        scale = *referenceHigh - *referenceLow;
    const double change = after - before;
    if (std::abs(change) <= kSteadyShare * scale)
        return TrendDirection::Steady;
    return change > 0 ? TrendDirection::Rising : TrendDirection::Falling;
}

std::vector<AnalyteTrend> ResultTrend::of(const TestResult& current,
                                          const std::vector<TestResult>& earlier)
{
    std::vector<const TestResult*> ordered;
    ordered.reserve(earlier.size() + 1);
    for (const TestResult& result : earlier)
        ordered.push_back(&result);
    std::sort(ordered.begin(), ordered.end(), [](const TestResult* a, const TestResult* b) {
        return a->receivedAt != b->receivedAt ? a->receivedAt < b->receivedAt
                                              : a->id.value() < b->id.value();
    });
    ordered.push_back(&current);

    std::vector<AnalyteTrend> trends;
    for (const ResultValue& value : current.values) {
        if (!value.numeric)
            continue;
        AnalyteTrend trend;
        trend.analyte = value.analyte;
        trend.unit = value.unit;
        for (const TestResult* result : ordered) {
            if (const ResultValue* v = valueOf(*result, value.analyte, value.unit))
                trend.points.push_back(
                    {result->id, result->receivedAt, *v->numeric, v->rangePosition()});
        }
        if (trend.points.size() >= 2) {
            const TrendPoint& before = trend.points[trend.points.size() - 2];
            trend.direction = direction(before.value, trend.points.back().value, value.referenceLow,
                                        value.referenceHigh);
        }
        trends.push_back(std::move(trend));
    }
    return trends;
}

} // namespace aftercare
