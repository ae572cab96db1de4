#pragma once

#include "domain/feedbackscore.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// A client's answer to a CSAT (1–5) or NPS (0–10) question. The score can only be made by
// FeedbackScore::parse, so a Feedback never holds a score off its scale.
struct Feedback
{
    explicit Feedback(FeedbackScore score)
        : score(score)
    {}

    FeedbackScore score;
    ClientId client;
    AppointmentId appointment;
    QString comment;
    QDateTime respondedAt;
    FeedbackSource source = FeedbackSource::Survey;
    FeedbackId id;
    UserId recordedBy;
    QDateTime createdAt;

    FeedbackKind kind() const { return score.kind(); }
};

} // namespace aftercare
