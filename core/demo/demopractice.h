#pragma once

#include "error.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace aftercare {

class Database;

struct DemoOptions
{
    int clients = 2000;
    int years = 5;
    std::uint64_t seed = 1;
    // The generated history ends here and the bookings ahead start here: same seed and same
    // day give the same data.
    QDate today = QDate::currentDate();
};

// What the generator wrote, for the command line and the determinism test.
struct DemoSummary
{
    qint64 users = 0; // demo accounts created (existing ones are kept)
    qint64 practitioners = 0;
    qint64 serviceTypes = 0;
    qint64 clients = 0;
    qint64 appointments = 0;
    qint64 completed = 0;
    qint64 noShows = 0;
    qint64 cancelled = 0;
    qint64 booked = 0;
    qint64 results = 0;
    qint64 abnormalResults = 0;
    qint64 tasks = 0;
    qint64 feedback = 0;
    qint64 invoices = 0;
    qint64 touchpoints = 0;
    qint64 payments = 0;
    qint64 callAttempts = 0;
    qint64 postServiceSteps = 0;
    // Why the file could not be compacted at the end; the practice is written all the same.
    std::optional<Error> compactionFailed;
};

// Fills an empty, migrated database with a realistic, deterministic demo practice.
class DemoPractice
{
    Q_DECLARE_TR_FUNCTIONS(DemoPractice)

public:
    // progress(percent 0..100, what is being written) is called now and then.
    using Progress = std::function<void(int percent, const QString& stage)>;

    static Result<DemoSummary> generate(Database& database, const DemoOptions& options,
                                        const Progress& progress = {});
};

} // namespace aftercare
