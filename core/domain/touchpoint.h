#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QLatin1String>
#include <QString>

namespace aftercare {

// One contact with a client along the journey: a reminder sent, a call made, a welcome
// pack handed over. A client's profile shows them as a timeline.
struct Touchpoint
{
    TouchpointId id;
    ClientId client;
    QDateTime occurredAt;
    JourneyStage stage = JourneyStage::During;
    Channel channel = Channel::InPerson;
    QString kind; // one of the TouchpointKind words below, or the practice's own
    QString outcome;
    AppointmentId appointment;
    UserId by;
    QString notes;
};

// The kinds of touchpoint Aftercare itself records. The set is open: a practice may log
// others, so the column is free text.
namespace TouchpointKind {
inline constexpr QLatin1String kOnboarding("onboarding");
inline constexpr QLatin1String kWelcomePack("welcome_pack");
inline constexpr QLatin1String kBooking("booking");
inline constexpr QLatin1String kReminder("reminder");
inline constexpr QLatin1String kCheckIn("check_in");
inline constexpr QLatin1String kVisit("visit");
inline constexpr QLatin1String kNoShow("no_show");
inline constexpr QLatin1String kCancellation("cancellation");
inline constexpr QLatin1String kCheckinCall("checkin_call");
inline constexpr QLatin1String kThankYou("thank_you");
inline constexpr QLatin1String kSurveyRequest("survey_request");
inline constexpr QLatin1String kFeedback("feedback");
inline constexpr QLatin1String kResultExplained("result_explained");
inline constexpr QLatin1String kInvoice("invoice");
inline constexpr QLatin1String kPayment("payment");
inline constexpr QLatin1String kNewsletterInvite("newsletter_invite");
inline constexpr QLatin1String kCommunityInvite("community_invite");
inline constexpr QLatin1String kBirthday("birthday");
inline constexpr QLatin1String kLoyaltyPerk("loyalty_perk");
inline constexpr QLatin1String kRecallCall("recall_call");
} // namespace TouchpointKind

} // namespace aftercare
