#pragma once

#include "demo/democalendar.h"
#include "demo/demomodel.h"
#include "demo/demorandom.h"

#include <functional>

namespace aftercare {

// Walks each client's journey after the visits are known and adds what follows a visit:
// reminders and check-ins, invoices and payments, test results and their lifecycle,
// survey requests and answers, follow-up tasks with their calls (most on time, some late,
// some still open), the post-service steps, birthday greetings and other touchpoints.
class DemoAftercare
{
public:
    DemoAftercare(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed);

    void run(const std::function<void(int, int)>& tick);

private:
    struct Journey; // per-client state while walking

    void walk(int client);
    void visit(Journey& journey, int appointment);
    void checkinCall(Journey& journey, int appointment);
    void survey(Journey& journey, int appointment);
    void result(Journey& journey, int appointment);
    void invoice(Journey& journey, int appointment);
    void rebookReminder(Journey& journey, int appointment);
    void birthdays(Journey& journey);
    void detractorCallback(Journey& journey, int feedback);

    int addTask(DemoTaskRecord task);
    // Calls made for a task from `first`: a few unanswered ones, then (when doneAt is set)
    // the one that settled it.
    void addCalls(DemoTaskRecord& task, DemoTime first, DemoTime doneAt, CallNextStep finalStep,
                  int finalNote);
    void touch(const Journey& journey, DemoTime at, DemoTouch kind, JourneyStage stage,
               Channel channel, int appointment = -1, DemoUser by = DemoUser::Nobody,
               int outcome = -1);
    void step(int appointment, PostServiceStep step, DemoTime at, DemoUser by);
    Channel messageChannel(int client) const;
    DemoTime unique(std::vector<DemoTime>& used, DemoTime time) const;
    void assignIds();

    DemoModel& m_model;
    const DemoCalendar& m_calendar;
    DemoRandom m_rnd;
};

} // namespace aftercare
