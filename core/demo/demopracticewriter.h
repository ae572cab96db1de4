#pragma once

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

class Database;

// Writes the simulated practice (clients and everything that hangs off them) into the
// database with explicit ids, inside the caller's transaction.
class DemoPracticeWriter
{
    Q_DECLARE_TR_FUNCTIONS(DemoPracticeWriter)

public:
    // userIds: the database ids of the four demo accounts, in DemoUser order.
    DemoPracticeWriter(Database& database, const DemoModel& model, std::uint64_t seed,
                       std::array<qint64, 4> userIds,
                       std::function<void(const QString&, qint64)> rowsWritten);

    // How many rows write() produces, for progress.
    static qint64 rowCount(const DemoModel& model);
    Status write();

private:
    struct Value
    {
        QString analyte;
        QString unit;
        QVariant number;
        QString text;
        QVariant low;
        QVariant high;
        bool abnormal = false;
    };

    Status clients();
    Status consents();
    Status appointments();
    Status results();
    Status feedback();
    Status tasks();
    Status invoices();
    Status touchpoints();
    Status steps();

    QVariant time(DemoTime time);
    QVariant user(DemoUser who) const;
    std::vector<Value> valuesOf(const DemoResultRecord& result) const;
    qint64 appointmentId(int index) const;

    Database& m_database;
    const DemoModel& m_model;
    std::uint64_t m_seed;
    std::array<qint64, 4> m_userIds;
    std::function<void(const QString&, qint64)> m_rowsWritten;
    DemoTimeText m_text;
    DemoWording m_wording;
};

} // namespace aftercare
