#pragma once

#include "domain/vocabulary.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace aftercare {

// Why we call, in a line a clinician reads on the worklist: the task's kind and the facts
// behind it (which test, which visit, which answer), never clinical content (no values, no
// summary, no comment, no call notes).
class TaskReason
{
    Q_DECLARE_TR_FUNCTIONS(TaskReason)

public:
    struct Facts
    {
        TaskKind kind = TaskKind::CheckinCall;
        QString testName;                         // result tasks
        QDate receivedOn;                         // result tasks
        QString serviceName;                      // tasks about a visit
        QDate visitOn;                            // tasks about a visit
        std::optional<FeedbackKind> feedbackKind; // detractor callbacks
        int feedbackScore = 0;
        QDate respondedOn;
    };

    // "Discuss a result", "Check-in call", ...
    static QString kindText(TaskKind kind);
    // "Discuss the HbA1c result received on 12/03/2026", "Nothing booked since Physiotherapy
    // on 02/01/2026", ...; the kind's text when the facts are missing.
    static QString text(const Facts& facts);
};

} // namespace aftercare
