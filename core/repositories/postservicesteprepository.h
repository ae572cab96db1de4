#pragma once

#include "auth/actor.h"
#include "domain/postservicesteprecord.h"
#include "error.h"

#include <QDateTime>

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Which of the five post-service steps (docs/metrics.md) were done for a completed visit.
class PostServiceStepRepository
{
    Q_DECLARE_TR_FUNCTIONS(PostServiceStepRepository)

public:
    explicit PostServiceStepRepository(Database& database);

    // Marks a step done for a completed appointment. Marking it again keeps the first
    // record and succeeds (ticking a box twice is not an error).
    Status markDone(AppointmentId appointment, PostServiceStep step, const Actor& actor,
                    const QDateTime& at = {});
    Status markDone(TransactionGuard& transaction, AppointmentId appointment, PostServiceStep step,
                    const Actor& actor, const QDateTime& at = {});
    // Takes a tick back; NotFound when the step was not marked.
    Status undo(AppointmentId appointment, PostServiceStep step, const Actor& actor);
    // The steps done for an appointment, in the order of the five steps.
    Result<std::vector<PostServiceStepRecord>> doneSteps(AppointmentId appointment) const;

private:
    Database& m_database;
};

} // namespace aftercare
