#pragma once

#include "demo/democalendar.h"
#include "demo/demomodel.h"
#include "demo/demorandom.h"
#include "demo/demoschedule.h"

#include <functional>
#include <memory>
#include <optional>

namespace aftercare {

// Simulates when the demo practice's clients came: the practitioners hired as the practice
// grew, each client's visits as courses and returns (the yearly check, a follow-up, a new
// complaint), some lapsing and some coming back years later, seasons, cancellations and
// no-shows, bookings ahead for the coming weeks. Every visit gets a free slot of its
// practitioner's calendar, so none overlap.
class DemoHistory
{
public:
    DemoHistory(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed, int clients);
    ~DemoHistory();

    // tick(done, total) is called now and then.
    void run(const std::function<void(int, int)>& tick);

    // How many days ahead bookings exist.
    static constexpr int kHorizonDays = 42;

private:
    struct Request
    {
        int service = 0;
        qint64 day = 0;        // wished-for day
        DemoTime bookedAt = 0; // when it was booked; 0: booked some days ahead (drawn)
        int sessionsLeft = 0;  // of the course, after this one
        bool seasonal = true;  // may be put off in quiet months
    };

    void makePractitioners();
    int pickReferrer(int index, qint64 day);
    void simulate(int index);
    // Books one visit; returns the appointment index or -1 when no slot was found or the
    // visit lies beyond the booking horizon.
    int book(int client, const Request& request, DemoTime previousEnd);
    std::optional<Request> next(int client, int appointment, const Request& done);
    void addVaccinations(int index);
    void fillComingDays();
    void finish();

    qint64 seasonalDay(qint64 day);
    qint64 holidayBreak(qint64 day);
    DemoTime bookingTime(qint64 day, DemoTime earliest, DemoUser& by);
    int priceOn(int service, qint64 day) const;
    bool hasActiveBooking(int client) const;

    DemoModel& m_model;
    const DemoCalendar& m_calendar;
    std::uint64_t m_seed;
    DemoRandom m_visits;
    int m_clientCount;
    std::unique_ptr<DemoSchedule> m_schedule;
    std::vector<std::vector<int>> m_byClient; // appointment indexes per client while simulating
    std::vector<DemoTime> m_firstVisitEnd;    // per client; 0 before the first completed visit
    std::vector<std::uint8_t> m_active;       // per client: has an active booking ahead
};

} // namespace aftercare
