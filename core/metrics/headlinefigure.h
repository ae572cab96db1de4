#pragma once

#include "metrics/metricresults.h"

#include <optional>
#include <vector>

namespace aftercare {

// The figures a manager reads first, on the dashboard's tiles and the report's summary page.
enum class HeadlineFigure
{
    Csat,
    Nps,
    Retention,
    NoShowRate,
    RebookingRate,
    ReferralRate,
    SlaAdherence,
    PostServiceDelta,
    HistoricalClv,
    PredictedClv,
};

// Whether a change is good news for the practice.
enum class ChangeVerdict
{
    Better,
    Worse,
    Unchanged,
    NotComparable, // one of the two figures is empty
};

struct FigureChange
{
    std::optional<double> difference; // now − before, in the figure's own unit
    ChangeVerdict verdict = ChangeVerdict::NotComparable;
    friend bool operator==(const FigureChange&, const FigureChange&) = default;
};

namespace HeadlineFigures {

// In the order of the dashboard and the summary page.
const std::vector<HeadlineFigure>& all();
// A rising no-show rate or post-service delta is bad news; every other figure is good news
// when it rises.
bool higherIsBetter(HeadlineFigure figure);
// The figure's value in its own unit (a percentage, a score, a mean, cents).
std::optional<double> valueOf(HeadlineFigure figure, const PeriodMetrics& metrics,
                              const LifetimeValueResult& lifetimeValue);
// The change from before to now; a difference smaller than tolerance (what the display
// rounds away) is unchanged.
FigureChange change(HeadlineFigure figure, std::optional<double> now, std::optional<double> before,
                    double tolerance);

} // namespace HeadlineFigures

} // namespace aftercare
