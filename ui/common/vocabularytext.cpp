#include "common/vocabularytext.h"

#include "aftercare/taskreason.h"
#include "domain/followuptask.h"
#include "domain/touchpoint.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace aftercare::ui {

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QCoreApplication::translate("Vocabulary", "Administrator");
    case Role::Manager:
        return QCoreApplication::translate("Vocabulary", "Practice manager");
    case Role::Clinician:
        return QCoreApplication::translate("Vocabulary", "Clinician");
    case Role::Reception:
        return QCoreApplication::translate("Vocabulary", "Reception");
    }
    return {};
}

QString sexName(Sex sex)
{
    switch (sex) {
    case Sex::Female:
        return QCoreApplication::translate("Vocabulary", "female");
    case Sex::Male:
        return QCoreApplication::translate("Vocabulary", "male");
    case Sex::Other:
        return QCoreApplication::translate("Vocabulary", "diverse");
    case Sex::Unknown:
        return QCoreApplication::translate("Vocabulary", "not stated");
    }
    return {};
}

QString contactChannelName(ContactChannel channel)
{
    switch (channel) {
    case ContactChannel::Email:
        return QCoreApplication::translate("Vocabulary", "E-mail");
    case ContactChannel::Sms:
        return QCoreApplication::translate("Vocabulary", "Text message");
    case ContactChannel::Phone:
        return QCoreApplication::translate("Vocabulary", "Phone");
    case ContactChannel::Letter:
        return QCoreApplication::translate("Vocabulary", "Letter");
    }
    return {};
}

QString consentPurposeName(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::Reminders:
        return QCoreApplication::translate("Vocabulary", "Appointment reminders");
    case ConsentPurpose::Results:
        return QCoreApplication::translate("Vocabulary", "Test results");
    case ConsentPurpose::Surveys:
        return QCoreApplication::translate("Vocabulary", "Feedback surveys");
    case ConsentPurpose::Marketing:
        return QCoreApplication::translate("Vocabulary", "Newsletter");
    case ConsentPurpose::Community:
        return QCoreApplication::translate("Vocabulary", "Community invitations");
    case ConsentPurpose::Birthday:
        return QCoreApplication::translate("Vocabulary", "Birthday greetings");
    }
    return {};
}

QString consentChannelName(ConsentChannel channel)
{
    switch (channel) {
    case ConsentChannel::Any:
        return QCoreApplication::translate("Vocabulary", "any channel");
    case ConsentChannel::Email:
        return QCoreApplication::translate("Vocabulary", "e-mail");
    case ConsentChannel::Sms:
        return QCoreApplication::translate("Vocabulary", "text message");
    case ConsentChannel::Phone:
        return QCoreApplication::translate("Vocabulary", "phone");
    case ConsentChannel::Letter:
        return QCoreApplication::translate("Vocabulary", "letter");
    }
    return {};
}

QString journeyStageName(JourneyStage stage)
{
    switch (stage) {
    case JourneyStage::Awareness:
        return QCoreApplication::translate("Vocabulary", "Awareness");
    case JourneyStage::Consideration:
        return QCoreApplication::translate("Vocabulary", "Consideration");
    case JourneyStage::Decision:
        return QCoreApplication::translate("Vocabulary", "Decision");
    case JourneyStage::During:
        return QCoreApplication::translate("Vocabulary", "In care");
    case JourneyStage::After:
        return QCoreApplication::translate("Vocabulary", "After care");
    }
    return {};
}

QString channelName(Channel channel)
{
    switch (channel) {
    case Channel::InPerson:
        return QCoreApplication::translate("Vocabulary", "In person");
    case Channel::Phone:
        return QCoreApplication::translate("Vocabulary", "Phone");
    case Channel::Email:
        return QCoreApplication::translate("Vocabulary", "E-mail");
    case Channel::Sms:
        return QCoreApplication::translate("Vocabulary", "Text message");
    case Channel::Letter:
        return QCoreApplication::translate("Vocabulary", "Letter");
    }
    return {};
}

QString callOutcomeName(CallOutcome outcome)
{
    switch (outcome) {
    case CallOutcome::Reached:
        return QCoreApplication::translate("Vocabulary", "Reached");
    case CallOutcome::Voicemail:
        return QCoreApplication::translate("Vocabulary", "Voicemail");
    case CallOutcome::NoAnswer:
        return QCoreApplication::translate("Vocabulary", "No answer");
    case CallOutcome::WrongNumber:
        return QCoreApplication::translate("Vocabulary", "Wrong number");
    case CallOutcome::Declined:
        return QCoreApplication::translate("Vocabulary", "Busy or declined");
    }
    return {};
}

QString callNextStepName(CallNextStep step)
{
    switch (step) {
    case CallNextStep::Done:
        return QCoreApplication::translate("Vocabulary", "done");
    case CallNextStep::CallAgain:
        return QCoreApplication::translate("Vocabulary", "call again");
    case CallNextStep::Book:
        return QCoreApplication::translate("Vocabulary", "appointment booked");
    case CallNextStep::Escalate:
        return QCoreApplication::translate("Vocabulary", "handed over");
    case CallNextStep::Letter:
        return QCoreApplication::translate("Vocabulary", "letter instead");
    }
    return {};
}

QString taskStatusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Open:
        return QCoreApplication::translate("Vocabulary", "open");
    case TaskStatus::Done:
        return QCoreApplication::translate("Vocabulary", "done");
    case TaskStatus::Cancelled:
        return QCoreApplication::translate("Vocabulary", "cancelled");
    }
    return {};
}

QString resultStatusName(ResultStatus status)
{
    switch (status) {
    case ResultStatus::Received:
        return QCoreApplication::translate("Vocabulary", "received, not yet reviewed");
    case ResultStatus::Reviewed:
        return QCoreApplication::translate("Vocabulary", "reviewed, not yet communicated");
    case ResultStatus::Communicated:
        return QCoreApplication::translate("Vocabulary", "communicated");
    }
    return {};
}

QString paymentMethodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Card:
        return QCoreApplication::translate("Vocabulary", "Card");
    case PaymentMethod::Cash:
        return QCoreApplication::translate("Vocabulary", "Cash");
    case PaymentMethod::Transfer:
        return QCoreApplication::translate("Vocabulary", "Bank transfer");
    case PaymentMethod::Other:
        return QCoreApplication::translate("Vocabulary", "Other");
    }
    return {};
}

QString appointmentStatusName(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return QCoreApplication::translate("Vocabulary", "booked");
    case AppointmentStatus::Confirmed:
        return QCoreApplication::translate("Vocabulary", "confirmed");
    case AppointmentStatus::CheckedIn:
        return QCoreApplication::translate("Vocabulary", "checked in");
    case AppointmentStatus::Completed:
        return QCoreApplication::translate("Vocabulary", "completed");
    case AppointmentStatus::Cancelled:
        return QCoreApplication::translate("Vocabulary", "cancelled");
    case AppointmentStatus::NoShow:
        return QCoreApplication::translate("Vocabulary", "no-show");
    }
    return {};
}

QString taskKindName(TaskKind kind)
{
    return TaskReason::kindText(kind);
}

QString taskPriorityName(int priority)
{
    switch (std::clamp(priority, FollowUpTask::kHighestPriority, FollowUpTask::kLowestPriority)) {
    case 1:
        return QCoreApplication::translate("Vocabulary", "Urgent", "task priority");
    case 2:
        return QCoreApplication::translate("Vocabulary", "High", "task priority");
    case 3:
        return QCoreApplication::translate("Vocabulary", "Normal", "task priority");
    default:
        return QCoreApplication::translate("Vocabulary", "Low", "task priority");
    }
}

QString touchpointKindName(const QString& kind)
{
    // The calls and letters of the follow-up work are recorded under their task's kind.
    if (const auto task = parseSqlName<TaskKind>(kind))
        return taskKindName(*task);
    static const QHash<QString, const char*> kTexts{
        {TouchpointKind::kOnboarding, QT_TRANSLATE_NOOP("Vocabulary", "Registered")},
        {TouchpointKind::kWelcomePack, QT_TRANSLATE_NOOP("Vocabulary", "Welcome pack")},
        {TouchpointKind::kBooking, QT_TRANSLATE_NOOP("Vocabulary", "Booking")},
        {TouchpointKind::kReminder, QT_TRANSLATE_NOOP("Vocabulary", "Reminder")},
        {TouchpointKind::kCheckIn, QT_TRANSLATE_NOOP("Vocabulary", "Check-in")},
        {TouchpointKind::kVisit, QT_TRANSLATE_NOOP("Vocabulary", "Visit")},
        {TouchpointKind::kNoShow, QT_TRANSLATE_NOOP("Vocabulary", "No-show")},
        {TouchpointKind::kCancellation, QT_TRANSLATE_NOOP("Vocabulary", "Cancellation")},
        {TouchpointKind::kThankYou, QT_TRANSLATE_NOOP("Vocabulary", "Thank-you")},
        {TouchpointKind::kSurveyRequest, QT_TRANSLATE_NOOP("Vocabulary", "Survey request")},
        {TouchpointKind::kFeedback, QT_TRANSLATE_NOOP("Vocabulary", "Feedback")},
        {TouchpointKind::kResultExplained, QT_TRANSLATE_NOOP("Vocabulary", "Result explained")},
        {TouchpointKind::kInvoice, QT_TRANSLATE_NOOP("Vocabulary", "Invoice")},
        {TouchpointKind::kPayment, QT_TRANSLATE_NOOP("Vocabulary", "Payment")},
        {TouchpointKind::kNewsletterInvite,
         QT_TRANSLATE_NOOP("Vocabulary", "Newsletter invitation")},
        {TouchpointKind::kCommunityInvite, QT_TRANSLATE_NOOP("Vocabulary", "Community invitation")},
        {TouchpointKind::kBirthday, QT_TRANSLATE_NOOP("Vocabulary", "Birthday greeting")},
        {TouchpointKind::kLoyaltyPerk, QT_TRANSLATE_NOOP("Vocabulary", "Loyalty perk")},
        {TouchpointKind::kRecallCall, QT_TRANSLATE_NOOP("Vocabulary", "Recall call")},
    };
    const auto found = kTexts.constFind(kind);
    return found == kTexts.constEnd() ? kind : QCoreApplication::translate("Vocabulary", *found);
}

QString touchpointOutcomeText(const QString& kind, const QString& outcome)
{
    const bool call = parseSqlName<TaskKind>(kind).has_value() ||
                      kind == QLatin1String(TouchpointKind::kRecallCall);
    if (call)
        if (const auto word = parseSqlName<CallOutcome>(outcome))
            return callOutcomeName(*word);
    return outcome;
}

} // namespace aftercare::ui
