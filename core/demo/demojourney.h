#pragma once

#include "demo/demotime.h"

#include <algorithm>
#include <vector>

namespace aftercare {

// What the after-care pass remembers about one client while walking their visits in order.
struct DemoJourney
{
    int client = 0;
    int completed = 0; // visits so far
    DemoTime lastSurvey = 0;
    bool newsletterInvited = false;
    bool communityInvited = false;
    std::vector<DemoTime> csatTimes;
    std::vector<DemoTime> npsTimes;
    std::vector<DemoTime> resultTimes;
    std::vector<DemoTime> visits; // completion times of the visits so far

    // The database keeps one answer per client, kind and second (and one result per client,
    // test and second); a clash moves this one on by a second.
    static DemoTime unique(std::vector<DemoTime>& used, DemoTime time)
    {
        while (std::find(used.begin(), used.end(), time) != used.end())
            ++time;
        used.push_back(time);
        return time;
    }
};

} // namespace aftercare
