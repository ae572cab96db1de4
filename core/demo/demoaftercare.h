#pragma once

#include "demo/democalendar.h"
#include "demo/demofollowups.h"
#include "demo/demojourney.h"
#include "demo/demomodel.h"
#include "demo/demorandom.h"

#include <functional>

namespace aftercare {

// Walks each client's journey after the visits are known and adds what surrounds a visit:
// the welcome pack, bookings and reminders, check-ins, no-shows and cancellations, invoices
// and payments, the post-service steps (with DemoFollowUps for calls, results and surveys),
// loyalty perks and birthday greetings; then gives the rows their ids.
class DemoAftercare
{
public:
    DemoAftercare(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed);

    void run(const std::function<void(int, int)>& tick);

private:
    void walk(int client);
    void visit(DemoJourney& journey, int appointment);
    void invoice(DemoJourney& journey, int appointment);
    void birthdays(DemoJourney& journey);
    void assignIds();

    DemoModel& m_model;
    const DemoCalendar& m_calendar;
    DemoRandom m_rnd;
    DemoFollowUps m_followUps;
};

} // namespace aftercare
