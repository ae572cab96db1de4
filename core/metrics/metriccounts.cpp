#include "metrics/metriccounts.h"

namespace aftercare {

FeedbackCounts& FeedbackCounts::operator+=(const FeedbackCounts& other)
{
    csatResponses += other.csatResponses;
    csatSatisfied += other.csatSatisfied;
    csatScoreSum += other.csatScoreSum;
    npsPromoters += other.npsPromoters;
    npsPassives += other.npsPassives;
    npsDetractors += other.npsDetractors;
    return *this;
}

AppointmentCounts& AppointmentCounts::operator+=(const AppointmentCounts& other)
{
    completed += other.completed;
    noShows += other.noShows;
    rebooked += other.rebooked;
    return *this;
}

NewClientCounts& NewClientCounts::operator+=(const NewClientCounts& other)
{
    newClients += other.newClients;
    referred += other.referred;
    for (const auto& [source, count] : other.bySource)
        bySource[source] += count;
    return *this;
}

SlaCounts& SlaCounts::operator+=(const SlaCounts& other)
{
    for (const auto& [kind, figures] : other.byKind) {
        Figures& mine = byKind[kind];
        mine.met += figures.met;
        mine.due += figures.due;
    }
    return *this;
}

PostServiceCounts& PostServiceCounts::operator+=(const PostServiceCounts& other)
{
    visits += other.visits;
    for (std::size_t i = 0; i < kPostServiceStepCount; ++i) {
        applicable[i] += other.applicable[i];
        done[i] += other.done[i];
    }
    return *this;
}

} // namespace aftercare
