#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>

namespace aftercare {

// One of the five post-service steps, done for a completed visit (docs/metrics.md).
struct PostServiceStepRecord
{
    AppointmentId appointment;
    PostServiceStep step = PostServiceStep::ThankYou;
    QDateTime doneAt;
    UserId doneBy;
};

} // namespace aftercare
