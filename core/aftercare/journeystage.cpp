#include "aftercare/journeystage.h"

namespace aftercare {

JourneyStage deriveJourneyStage(const JourneyFacts& facts)
{
    if (facts.checkedIn)
        return JourneyStage::During;
    if (facts.hasActiveBooking)
        return facts.hasCompletedVisit ? JourneyStage::During : JourneyStage::Decision;
    if (facts.hasCompletedVisit)
        return JourneyStage::After;
    return facts.stored == JourneyStage::Awareness ? JourneyStage::Awareness
                                                   : JourneyStage::Consideration;
}

} // namespace aftercare
