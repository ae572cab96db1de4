#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// One try to reach a client for a follow-up task, and what came of it.
struct CallAttempt
{
    CallAttemptId id;
    FollowUpTaskId task;
    QDateTime attemptedAt;
    CallOutcome outcome = CallOutcome::NoAnswer;
    // Clinical content: only clinicians write or read it (empty and notesHidden otherwise).
    QString notes;
    bool notesHidden = false;
    CallNextStep nextStep = CallNextStep::CallAgain;
    QDateTime callAgainAt;
    UserId by;
};

} // namespace aftercare
