#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace aftercare {

// The practice's fixed vocabulary. Each enum has one spelling in the database, in CSV files
// and in JSON (sqlName); parse* returns nothing for a word that is not in the vocabulary.

enum class Role
{
    Admin,
    Manager,
    Clinician,
    Reception
};
enum class Sex
{
    Female,
    Male,
    Other,
    Unknown
};
enum class Channel
{
    InPerson,
    Phone,
    Email,
    Sms,
    Letter
};
enum class ContactChannel
{
    Email,
    Sms,
    Phone,
    Letter
}; // a client's preferred channel

// The touchpoint channel of a contact made the way a client prefers to be reached.
constexpr Channel channelOf(ContactChannel preferred)
{
    switch (preferred) {
    case ContactChannel::Email:
        return Channel::Email;
    case ContactChannel::Sms:
        return Channel::Sms;
    case ContactChannel::Phone:
        return Channel::Phone;
    case ContactChannel::Letter:
        return Channel::Letter;
    }
    return Channel::Email;
}
enum class JourneyStage
{
    Awareness,
    Consideration,
    Decision,
    During,
    After
};
enum class ConsentPurpose
{
    Reminders,
    Results,
    Surveys,
    Marketing,
    Community,
    Birthday
};
enum class ConsentChannel
{
    Any,
    Email,
    Sms,
    Phone,
    Letter
};
enum class AppointmentStatus
{
    Booked,
    Confirmed,
    CheckedIn,
    Completed,
    Cancelled,
    NoShow
};
enum class ResultStatus
{
    Received,
    Reviewed,
    Communicated
};
enum class FeedbackKind
{
    Csat,
    Nps
};
enum class FeedbackSource
{
    Survey,
    Call,
    Paper,
    Import
};
enum class TaskKind
{
    DiscussResult,
    CommunicateResult,
    CheckinCall,
    DetractorCallback,
    RebookReminder,
    AnnualReview,
    Letter
};
enum class TaskStatus
{
    Open,
    Done,
    Cancelled
};
enum class CallOutcome
{
    Reached,
    Voicemail,
    NoAnswer,
    WrongNumber,
    Declined
};
enum class CallNextStep
{
    Done,
    CallAgain,
    Book,
    Escalate,
    Letter
};
enum class InvoiceStatus
{
    Draft,
    Issued,
    Paid,
    Void
};
enum class PaymentMethod
{
    Cash,
    Card,
    Transfer,
    Other
};
enum class PostServiceStep
{
    QualityFollowUp,
    FeedbackRequest,
    ThankYou,
    CommunityInvite,
    NewsletterInvite
};

template <typename E> struct Vocabulary;

#define AFTERCARE_VOCABULARY(E, ...)                                                               \
    template <> struct Vocabulary<E>                                                               \
    {                                                                                              \
        static constexpr auto words = std::to_array<std::pair<E, const char*>>({__VA_ARGS__});     \
    };

AFTERCARE_VOCABULARY(Role, {Role::Admin, "admin"}, {Role::Manager, "manager"},
                     {Role::Clinician, "clinician"}, {Role::Reception, "reception"})
AFTERCARE_VOCABULARY(Sex, {Sex::Female, "female"}, {Sex::Male, "male"}, {Sex::Other, "other"},
                     {Sex::Unknown, "unknown"})
AFTERCARE_VOCABULARY(Channel, {Channel::InPerson, "in_person"}, {Channel::Phone, "phone"},
                     {Channel::Email, "email"}, {Channel::Sms, "sms"}, {Channel::Letter, "letter"})
AFTERCARE_VOCABULARY(ContactChannel, {ContactChannel::Email, "email"}, {ContactChannel::Sms, "sms"},
                     {ContactChannel::Phone, "phone"}, {ContactChannel::Letter, "letter"})
AFTERCARE_VOCABULARY(JourneyStage, {JourneyStage::Awareness, "awareness"},
                     {JourneyStage::Consideration, "consideration"},
                     {JourneyStage::Decision, "decision"}, {JourneyStage::During, "during"},
                     {JourneyStage::After, "after"})
AFTERCARE_VOCABULARY(ConsentPurpose, {ConsentPurpose::Reminders, "reminders"},
                     {ConsentPurpose::Results, "results"}, {ConsentPurpose::Surveys, "surveys"},
                     {ConsentPurpose::Marketing, "marketing"},
                     {ConsentPurpose::Community, "community"},
                     {ConsentPurpose::Birthday, "birthday"})
AFTERCARE_VOCABULARY(ConsentChannel, {ConsentChannel::Any, "any"}, {ConsentChannel::Email, "email"},
                     {ConsentChannel::Sms, "sms"}, {ConsentChannel::Phone, "phone"},
                     {ConsentChannel::Letter, "letter"})
AFTERCARE_VOCABULARY(AppointmentStatus, {AppointmentStatus::Booked, "booked"},
                     {AppointmentStatus::Confirmed, "confirmed"},
                     {AppointmentStatus::CheckedIn, "checked_in"},
                     {AppointmentStatus::Completed, "completed"},
                     {AppointmentStatus::Cancelled, "cancelled"},
                     {AppointmentStatus::NoShow, "no_show"})
AFTERCARE_VOCABULARY(ResultStatus, {ResultStatus::Received, "received"},
                     {ResultStatus::Reviewed, "reviewed"},
                     {ResultStatus::Communicated, "communicated"})
AFTERCARE_VOCABULARY(FeedbackKind, {FeedbackKind::Csat, "csat"}, {FeedbackKind::Nps, "nps"})
AFTERCARE_VOCABULARY(FeedbackSource, {FeedbackSource::Survey, "survey"},
                     {FeedbackSource::Call, "call"}, {FeedbackSource::Paper, "paper"},
                     {FeedbackSource::Import, "import"})
AFTERCARE_VOCABULARY(TaskKind, {TaskKind::DiscussResult, "discuss_result"},
                     {TaskKind::CommunicateResult, "communicate_result"},
                     {TaskKind::CheckinCall, "checkin_call"},
                     {TaskKind::DetractorCallback, "detractor_callback"},
                     {TaskKind::RebookReminder, "rebook_reminder"},
                     {TaskKind::AnnualReview, "annual_review"}, {TaskKind::Letter, "letter"})
AFTERCARE_VOCABULARY(TaskStatus, {TaskStatus::Open, "open"}, {TaskStatus::Done, "done"},
                     {TaskStatus::Cancelled, "cancelled"})
AFTERCARE_VOCABULARY(CallOutcome, {CallOutcome::Reached, "reached"},
                     {CallOutcome::Voicemail, "voicemail"}, {CallOutcome::NoAnswer, "no_answer"},
                     {CallOutcome::WrongNumber, "wrong_number"},
                     {CallOutcome::Declined, "declined"})
AFTERCARE_VOCABULARY(CallNextStep, {CallNextStep::Done, "done"},
                     {CallNextStep::CallAgain, "call_again"}, {CallNextStep::Book, "book"},
                     {CallNextStep::Escalate, "escalate"}, {CallNextStep::Letter, "letter"})
AFTERCARE_VOCABULARY(InvoiceStatus, {InvoiceStatus::Draft, "draft"},
                     {InvoiceStatus::Issued, "issued"}, {InvoiceStatus::Paid, "paid"},
                     {InvoiceStatus::Void, "void"})
AFTERCARE_VOCABULARY(PaymentMethod, {PaymentMethod::Cash, "cash"}, {PaymentMethod::Card, "card"},
                     {PaymentMethod::Transfer, "transfer"}, {PaymentMethod::Other, "other"})
AFTERCARE_VOCABULARY(PostServiceStep, {PostServiceStep::QualityFollowUp, "quality_followup"},
                     {PostServiceStep::FeedbackRequest, "feedback_request"},
                     {PostServiceStep::ThankYou, "thank_you"},
                     {PostServiceStep::CommunityInvite, "community_invite"},
                     {PostServiceStep::NewsletterInvite, "newsletter_invite"})

#undef AFTERCARE_VOCABULARY

// The word stored for a value, e.g. sqlName(AppointmentStatus::NoShow) == "no_show".
template <typename E> QString sqlName(E value)
{
    for (const auto& [candidate, word] : Vocabulary<E>::words)
        if (candidate == value)
            return QString::fromLatin1(word);
    return {};
}

// The value for a stored word, compared exactly; nothing for an unknown word.
template <typename E> std::optional<E> parseSqlName(QStringView word)
{
    for (const auto& [candidate, spelling] : Vocabulary<E>::words)
        if (word == QLatin1String(spelling))
            return candidate;
    return std::nullopt;
}

// All values of a vocabulary, in declaration order.
template <typename E> constexpr auto allOf()
{
    std::array<E, Vocabulary<E>::words.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = Vocabulary<E>::words[i].first;
    return values;
}

// A booking that holds its slot: booked, confirmed or checked in. The one definition of the
// active statuses; SQL spells them with activeBookingStatusesSql().
inline bool isActiveBooking(AppointmentStatus status)
{
    return status == AppointmentStatus::Booked || status == AppointmentStatus::Confirmed ||
           status == AppointmentStatus::CheckedIn;
}

// The stored words of the values for which `holds` is true, as an SQL list: ('a', 'b').
template <typename E, typename Predicate> QString sqlWordList(Predicate holds)
{
    QStringList words;
    for (E value : allOf<E>()) {
        if (holds(value))
            words << QLatin1Char('\'') + sqlName(value) + QLatin1Char('\'');
    }
    return QLatin1Char('(') + words.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// The active statuses (isActiveBooking) as an SQL list: ('booked', 'confirmed', 'checked_in').
inline QString activeBookingStatusesSql()
{
    return sqlWordList<AppointmentStatus>(isActiveBooking);
}

// A booking whose client is still expected: booked or confirmed, not yet checked in. Whom a
// reminder goes to, who is awaited today, and a client's "booked" stage.
inline bool isExpectedBooking(AppointmentStatus status)
{
    return status == AppointmentStatus::Booked || status == AppointmentStatus::Confirmed;
}

inline QString expectedBookingStatusesSql()
{
    return sqlWordList<AppointmentStatus>(isExpectedBooking);
}

// An appointment that was kept or is still to come: an active booking or a completed visit.
inline bool isKeptOrComing(AppointmentStatus status)
{
    return isActiveBooking(status) || status == AppointmentStatus::Completed;
}

inline QString keptOrComingStatusesSql()
{
    return sqlWordList<AppointmentStatus>(isKeptOrComing);
}

} // namespace aftercare
