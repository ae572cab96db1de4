#pragma once

#include "demo/democalendar.h"
#include "demo/demomodel.h"
#include "demo/demorandom.h"

namespace aftercare {

// The demo practice's clients as people: when they registered (more each year as the
// practice grows, fewer in quiet months), names, birthdays, contact details and preferred
// channel, referral source, consents with their yes-rates, and the traits that shape their
// visits later (loyalty, reliability, temper).
class DemoPeople
{
public:
    DemoPeople(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed);

    // Fills model.clients with `count` clients in order of registration.
    void run(int count);

    // Where, as a share (0..1) of the practice's life so far, the given share of all
    // registrations is reached.
    static double growthQuantile(double share);

private:
    void makeClient(int index, qint64 day);

    DemoModel& m_model;
    const DemoCalendar& m_calendar;
    DemoRandom m_rnd;
};

} // namespace aftercare
