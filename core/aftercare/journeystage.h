#pragma once

#include "domain/vocabulary.h"

namespace aftercare {

// What a client's journey stage follows from: their appointments, and the stage stored now
// (which only matters for a lead the practice entered as "awareness").
struct JourneyFacts
{
    JourneyStage stored = JourneyStage::Consideration;
    bool checkedIn = false;         // an appointment is checked in: the service is under way
    bool hasActiveBooking = false;  // an appointment booked or confirmed
    bool hasCompletedVisit = false; // at least one visit completed
};

// The stage (docs/onboarding-and-profile.md), from data alone and without the clock, so a stored
// stage never goes stale by time passing:
//   during        while checked in, or with a booking after at least one completed visit
//                 (a rebooking brings an "after" client back to "during");
//   decision      with a booking and no completed visit yet (the first booking);
//   after         with completed visits and nothing booked (after-care);
//   awareness     a lead, entered as such, who never booked;
//   consideration everyone else: registered but nothing booked, or bookings cancelled or
//                 missed before any visit.
// JourneyStageUpdater writes the same rule as SQL; tst_journeystage checks they agree.
JourneyStage deriveJourneyStage(const JourneyFacts& facts);

} // namespace aftercare
