#pragma once

#include "demo/demomodel.h"
#include "error.h"

#include <QDateTime>

#include <array>
#include <cstdint>

namespace aftercare {

class Database;

// The follow-up work of the demo's history, made by the practice's own engine.
//
// FollowUpPlanner plans the whole practice as of the demo's `now`: once with every result as
// it stood on arrival (received: its discuss and communicate tasks, as when it was recorded),
// and once as it stands (closing what was communicated, the planner's way). Every task, its
// due time, deadline, priority, assignee and source key, is the planner's. Then the staff's
// work on the tasks, simulated by DemoFollowUps, is applied to them, matched by their source
// keys: the status, done time and note, and the calls made. Tasks the simulation did not
// foresee (an annual review, a callback for a visit's second detractor answer) are worked
// like the others once their deadline is well past; the newer ones stay open (a result's
// tasks are closed only by its communication, so those stay open too). A task's
// creation time is the moment the planner would have made it at the time: the simulation's,
// or its due time.
class DemoPlanning
{
public:
    // userIds: the database ids of the four demo accounts, in DemoUser order.
    DemoPlanning(Database& database, const DemoModel& model, std::uint64_t seed,
                 std::array<qint64, 4> userIds);

    Status run(const QDateTime& now);

private:
    Status applyOutcomes();
    Status settleUnforeseen(const QDateTime& now);
    Status exec(const QString& sql, const QVariantList& values = {});
    Status ddl(const QString& sql);

    Database& m_database;
    const DemoModel& m_model;
    std::uint64_t m_seed;
    std::array<qint64, 4> m_userIds;
};

} // namespace aftercare
