#pragma once

#include "demo/demobatchinsert.h"
#include "demo/demomodel.h"
#include "demo/demotimetext.h"
#include "demo/demowording.h"
#include "error.h"

#include <QString>
#include <QVariant>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace aftercare {

// Turns the simulated practice (clients and everything that hangs off them) into rows with
// explicit ids, table by table.
class DemoPracticeWriter
{
public:
    // userIds: the database ids of the four demo accounts, in DemoUser order. Batches of rows
    // go to sink in an order the foreign keys allow.
    DemoPracticeWriter(const DemoModel& model, std::uint64_t seed, std::array<qint64, 4> userIds,
                       DemoBatchInsert::Sink sink);

    // The tables writeOutcomes() fills (temporary, created by DemoPractice beforehand): what
    // the staff did about each task, and the calls they made, named by the task's source key.
    static constexpr QLatin1String kOutcomeTable{"demo_task_outcomes"};
    static constexpr QLatin1String kCallTable{"demo_task_calls"};

    // How many rows write() produces, for progress.
    static qint64 rowCount(const DemoModel& model);
    // The history: clients, visits, results, feedback, invoices, touchpoints, steps.
    Status write();
    // The simulated work on the follow-up tasks, for DemoPractice to apply to the tasks
    // FollowUpPlanner made.
    Status writeOutcomes();

private:
    struct Value
    {
        QString analyte;
        const char* unit = "";
        DemoValue number;
        QString text;
        DemoValue low;
        DemoValue high;
        bool abnormal = false;
    };

    Status clients();
    Status consents();
    Status appointments();
    Status results();
    Status feedback();
    Status invoices();
    Status touchpoints();
    Status steps();

    DemoValue user(DemoUser who) const;
    std::vector<Value> valuesOf(const DemoResultRecord& result) const;
    qint64 appointmentId(int index) const;

    const DemoModel& m_model;
    std::uint64_t m_seed;
    std::array<qint64, 4> m_userIds;
    DemoBatchInsert::Sink m_sink;
    DemoTimeText m_text; // for report texts and invoice lines
    DemoWording m_wording;
};

} // namespace aftercare
