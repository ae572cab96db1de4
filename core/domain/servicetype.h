#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QString>

#include <optional>

namespace aftercare {

// A service the practice offers, with its after-care policy: when to call, when to ask for
// feedback, when to remind about rebooking, and which post-service steps apply.
struct ServiceType
{
    ServiceTypeId id;
    QString name;
    int durationMinutes = 30;
    qint64 priceCents = 0;
    std::optional<int> checkinAfterDays; // nothing: no check-in call
    std::optional<int> surveyAfterDays;  // nothing: no survey request
    std::optional<int> rebookAfterWeeks; // nothing: no rebook reminder
    bool stepQualityFollowUp = true;
    bool stepFeedbackRequest = true;
    bool stepThankYou = true;
    bool stepCommunityInvite = false;
    bool stepNewsletterInvite = false;
    QString preparation; // what the client should know before coming, for the welcome pack
    bool active = true;
    int rowVersion = 0;

    bool includesStep(PostServiceStep step) const
    {
        switch (step) {
        case PostServiceStep::QualityFollowUp:
            return stepQualityFollowUp;
        case PostServiceStep::FeedbackRequest:
            return stepFeedbackRequest;
        case PostServiceStep::ThankYou:
            return stepThankYou;
        case PostServiceStep::CommunityInvite:
            return stepCommunityInvite;
        case PostServiceStep::NewsletterInvite:
            return stepNewsletterInvite;
        }
        return false;
    }
};

} // namespace aftercare
