#pragma once

#include "demo/democalendar.h"
#include "demo/demojourney.h"
#include "demo/demomodel.h"
#include "demo/demorandom.h"

#include <functional>

namespace aftercare {

// The after-care work that follows a completed visit in the demo practice: the check-in
// call, the laboratory result through received, reviewed and communicated with its call, the
// survey and its answers with a callback for detractors, and the rebook reminder when a
// client does not come back in time. What the staff did about each, with its calls (most
// done on time, some late, a few still open), is later applied to the follow-up task
// FollowUpPlanner made for it; the tasks themselves are the planner's.
class DemoFollowUps
{
public:
    DemoFollowUps(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed);

    void checkinCall(DemoJourney& journey, int appointment);
    void survey(DemoJourney& journey, int appointment);
    void result(DemoJourney& journey, int appointment);
    void rebookReminder(DemoJourney& journey, int appointment);

private:
    void detractorCallback(DemoJourney& journey, int feedback);
    int addTask(DemoTaskRecord task);
    // Calls made for a task from `first`: a few unanswered ones, then (when doneAt is set)
    // the one that settled it.
    void addCalls(DemoTaskRecord& task, DemoTime first, DemoTime doneAt, CallNextStep finalStep,
                  int finalNote);
    // Moves the times of the work on a task (its done time and its calls) by `when`.
    void retime(DemoTaskRecord& task, const std::function<DemoTime(DemoTime)>& when);

    DemoModel& m_model;
    const DemoCalendar& m_calendar;
    DemoRandom m_rnd;
};

} // namespace aftercare
