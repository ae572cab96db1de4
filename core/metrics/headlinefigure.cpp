#include "metrics/headlinefigure.h"

#include <cmath>

namespace aftercare::HeadlineFigures {

const std::vector<HeadlineFigure>& all()
{
    static const std::vector<HeadlineFigure> figures{
        HeadlineFigure::Csat,          HeadlineFigure::Nps,
        HeadlineFigure::Retention,     HeadlineFigure::NoShowRate,
        HeadlineFigure::RebookingRate, HeadlineFigure::ReferralRate,
        HeadlineFigure::SlaAdherence,  HeadlineFigure::PostServiceDelta,
        HeadlineFigure::HistoricalClv, HeadlineFigure::PredictedClv,
    };
    return figures;
}

bool higherIsBetter(HeadlineFigure figure)
{
    switch (figure) {
    case HeadlineFigure::NoShowRate:
    case HeadlineFigure::PostServiceDelta:
        return false;
    case HeadlineFigure::Csat:
    case HeadlineFigure::Nps:
    case HeadlineFigure::Retention:
    case HeadlineFigure::RebookingRate:
    case HeadlineFigure::ReferralRate:
    case HeadlineFigure::SlaAdherence:
    case HeadlineFigure::HistoricalClv:
    case HeadlineFigure::PredictedClv:
        return true;
    }
    return true;
}

std::optional<double> valueOf(HeadlineFigure figure, const PeriodMetrics& metrics,
                              const LifetimeValueResult& lifetimeValue)
{
    switch (figure) {
    case HeadlineFigure::Csat:
        return metrics.csat.score;
    case HeadlineFigure::Nps:
        return metrics.nps.score;
    case HeadlineFigure::Retention:
        return metrics.retention.rate;
    case HeadlineFigure::NoShowRate:
        return metrics.noShow.rate;
    case HeadlineFigure::RebookingRate:
        return metrics.rebooking.rate;
    case HeadlineFigure::ReferralRate:
        return metrics.referral.rate;
    case HeadlineFigure::SlaAdherence:
        return metrics.sla.total.rate;
    case HeadlineFigure::PostServiceDelta:
        return metrics.postServiceDelta.mean;
    case HeadlineFigure::HistoricalClv:
        return lifetimeValue.historicalCents;
    case HeadlineFigure::PredictedClv:
        return lifetimeValue.predictedCents;
    }
    return std::nullopt;
}

FigureChange change(HeadlineFigure figure, std::optional<double> now, std::optional<double> before,
                    double tolerance)
{
    if (!now || !before)
        return {};
    const double difference = *now - *before;
    if (std::abs(difference) < tolerance)
        return {difference, ChangeVerdict::Unchanged};
    const bool rose = difference > 0;
    return {difference,
            rose == higherIsBetter(figure) ? ChangeVerdict::Better : ChangeVerdict::Worse};
}

} // namespace aftercare::HeadlineFigures
