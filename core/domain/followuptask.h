#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// A piece of after-care work, usually a call: discuss a result, check in after a visit,
// call back an unhappy client. sourceKey names the reason it exists ("result:42:discuss"),
// so generating the same task twice finds the first one.
struct FollowUpTask
{
    static constexpr int kHighestPriority = 1;
    static constexpr int kLowestPriority = 4;

    FollowUpTaskId id;
    ClientId client;
    TaskKind kind = TaskKind::CheckinCall;
    QString sourceKey;
    AppointmentId appointment;
    ResultId result;
    FeedbackId feedback;
    QDateTime dueAt;      // when to do it
    QDateTime deadlineAt; // when it must be done by (the SLA)
    int priority = 2;     // 1 most urgent ... 4 least
    UserId assignee;
    TaskStatus status = TaskStatus::Open;
    QDateTime doneAt;
    UserId doneBy;
    QString resolutionNote;
    QDateTime createdAt;
    int rowVersion = 0;

    // Filled when read from the database, for work lists; ignored on writes.
    QString clientName;

    bool isOverdue(const QDateTime& asOf) const
    {
        return status == TaskStatus::Open && deadlineAt < asOf;
    }
};

} // namespace aftercare
