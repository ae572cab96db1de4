#pragma once

#include <QString>

#include <optional>

namespace aftercare {

// Where a value lies against its reference range.
enum class RangePosition
{
    NotCompared, // no number, or no range to compare it with
    Low,
    WithinRange,
    High,
};

// One measured value of a test result, with its unit and reference range.
struct ResultValue
{
    QString analyte;
    std::optional<double> numeric;
    QString text; // a value that is not a number ("negative", "trace"), or a note on it
    QString unit;
    std::optional<double> referenceLow;
    std::optional<double> referenceHigh;
    // Nothing: not stated; the repository proposes it from the reference range.
    std::optional<bool> abnormal;

    // Outside the reference range; nothing when there is no number or no range to compare.
    std::optional<bool> outsideReferenceRange() const
    {
        if (!numeric || (!referenceLow && !referenceHigh))
            return std::nullopt;
        return (referenceLow && *numeric < *referenceLow) ||
               (referenceHigh && *numeric > *referenceHigh);
    }

    // Below, within or above the reference range, value by value.
    RangePosition rangePosition() const
    {
        if (!numeric || (!referenceLow && !referenceHigh))
            return RangePosition::NotCompared;
        if (referenceLow && *numeric < *referenceLow)
            return RangePosition::Low;
        if (referenceHigh && *numeric > *referenceHigh)
            return RangePosition::High;
        return RangePosition::WithinRange;
    }
};

} // namespace aftercare
