#include "demo/demowording.h"

#include "demo/democatalog.h"
#include "demo/demotext.h"

#include <algorithm>

namespace aftercare {

namespace {

namespace Catalog = DemoCatalog;

// An empty text that is not NULL: Qt binds a null QString as NULL, and these columns are NOT NULL.
const QString kEmpty = QStringLiteral("");

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

// A name as it would appear in an e-mail address: lower case ASCII, no spaces or apostrophes.
QString asciiName(const char* name)
{
    QString text = utf8(name).toLower();
    text.replace(QStringLiteral("ä"), QStringLiteral("ae"))
        .replace(QStringLiteral("ö"), QStringLiteral("oe"))
        .replace(QStringLiteral("ü"), QStringLiteral("ue"))
        .replace(QStringLiteral("ß"), QStringLiteral("ss"))
        .replace(QStringLiteral("ı"), QStringLiteral("i"))
        .replace(QStringLiteral("ł"), QStringLiteral("l"))
        .replace(QStringLiteral("ø"), QStringLiteral("o"));
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString ascii;
    for (QChar c : decomposed)
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-'))
            ascii += c;
    return ascii;
}

} // namespace

DemoWording::DemoWording()
{
    m_firstAscii.resize(3000);
    const std::span<const char* const> lists[] = {
        DemoText::femaleFirstNames(), DemoText::maleFirstNames(), DemoText::neutralFirstNames()};
    for (std::size_t list = 0; list < 3; ++list)
        for (std::size_t i = 0; i < lists[list].size(); ++i)
            m_firstAscii[list * 1000 + i] = asciiName(lists[list][i]);
    for (const char* name : DemoText::lastNames())
        m_lastAscii.push_back(asciiName(name));
}

std::vector<QString> DemoWording::practitionerNames(int count)
{
    const auto catalog = Catalog::practitioners();
    const auto female = DemoText::femaleFirstNames();
    const auto male = DemoText::maleFirstNames();
    const auto last = DemoText::lastNames();
    std::vector<QString> names;
    for (int p = 0; p < count; ++p) {
        const auto& role = catalog[std::size_t(p) % catalog.size()];
        if (std::size_t(p) < catalog.size()) {
            names.push_back(utf8(role.name));
            continue;
        }
        const QString title =
            role.discipline == Catalog::Discipline::Doctor ? QStringLiteral("Dr. ") : QString();
        for (std::size_t k = std::size_t(p);; k += 7) {
            const auto firsts = k % 2 ? male : female;
            const QString name = title + utf8(firsts[k * 5 % firsts.size()]) + QLatin1Char(' ') +
                                 utf8(last[k * 11 % last.size()]);
            if (std::find(names.begin(), names.end(), name) == names.end()) {
                names.push_back(name);
                break;
            }
        }
    }
    return names;
}

const char* DemoWording::touchpointKind(DemoTouch kind)
{
    switch (kind) {
    case DemoTouch::WelcomePack:
        return "welcome_pack";
    case DemoTouch::Booking:
        return "booking";
    case DemoTouch::Reminder:
        return "reminder";
    case DemoTouch::CheckIn:
        return "check_in";
    case DemoTouch::NoShow:
        return "no_show";
    case DemoTouch::Cancellation:
        return "cancellation";
    case DemoTouch::CheckinCall:
        return "checkin_call";
    case DemoTouch::ThankYou:
        return "thank_you";
    case DemoTouch::SurveyRequest:
        return "survey_request";
    case DemoTouch::Feedback:
        return "feedback";
    case DemoTouch::ResultExplained:
        return "result_explained";
    case DemoTouch::Invoice:
        return "invoice";
    case DemoTouch::NewsletterInvite:
        return "newsletter_invite";
    case DemoTouch::CommunityInvite:
        return "community_invite";
    case DemoTouch::Birthday:
        return "birthday";
    case DemoTouch::LoyaltyPerk:
        return "loyalty_perk";
    case DemoTouch::RebookReminder:
        return "rebook_reminder";
    case DemoTouch::DetractorCallback:
        return "detractor_callback";
    }
    return "note";
}

QString DemoWording::lastName(const DemoClientRecord& c) const
{
    QString name = utf8(DemoText::lastNames()[std::size_t(c.lastName)]);
    if (c.secondLastName >= 0 && c.secondLastName != c.lastName)
        name += QLatin1Char('-') + utf8(DemoText::lastNames()[std::size_t(c.secondLastName)]);
    return name;
}

QString DemoWording::email(const DemoClientRecord& c) const
{
    static const char* const kDomains[] = {"example.com", "example.org", "example.net",
                                           "mail.example", "post.example"};
    const QString& first = m_firstAscii[std::size_t(c.firstName)];
    const QString& last = m_lastAscii[std::size_t(c.lastName)];
    const QString number = QString::number(c.emailNumber);
    QString local;
    switch (c.emailStyle) {
    case 0:
        local = first + QLatin1Char('.') + last;
        break;
    case 1:
        local = first.left(1) + QLatin1Char('.') + last + number;
        break;
    case 2:
        local = last + QLatin1Char('.') + first;
        break;
    case 3:
        local = first + number;
        break;
    default:
        local = first + QLatin1Char('_') + last;
        break;
    }
    return local + QLatin1Char('@') +
           QLatin1String(kDomains[std::size_t(c.emailNumber) % std::size(kDomains)]);
}

QString DemoWording::touchpointOutcome(const DemoTouchpointRecord& t) const
{
    switch (t.kind) {
    case DemoTouch::WelcomePack:
        return t.channel == Channel::InPerson
                   ? QStringLiteral("Handed over at the desk")
                   : QStringLiteral("Sent with directions and preparation notes");
    case DemoTouch::Booking:
        return QStringLiteral("Booked: ") + utf8(Catalog::services()[std::size_t(t.outcome)].name);
    case DemoTouch::Reminder:
    case DemoTouch::ThankYou:
    case DemoTouch::SurveyRequest:
        return QStringLiteral("Sent");
    case DemoTouch::CheckIn:
        return QStringLiteral("Arrived");
    case DemoTouch::NoShow:
        return QStringLiteral("Did not attend; reception called");
    case DemoTouch::Cancellation:
        return utf8(DemoText::cancellationReasons()[std::size_t(t.outcome)]);
    case DemoTouch::CheckinCall:
        return utf8(DemoText::checkinNotes()[std::size_t(t.outcome)]);
    case DemoTouch::Feedback:
        return QStringLiteral("Answered, score %1").arg(t.outcome);
    case DemoTouch::ResultExplained:
        return QStringLiteral("Explained");
    case DemoTouch::Invoice:
        return t.outcome == 1 ? QStringLiteral("Paid at the desk") : QStringLiteral("Sent");
    case DemoTouch::NewsletterInvite:
    case DemoTouch::CommunityInvite:
        return QStringLiteral("Invitation sent");
    case DemoTouch::Birthday:
        return QStringLiteral("Greeting sent");
    case DemoTouch::LoyaltyPerk:
        return QStringLiteral("Thank-you voucher after %1 visits handed over").arg(t.outcome);
    case DemoTouch::RebookReminder:
        return t.outcome == 1 ? QStringLiteral("Booked the next visit")
                              : QStringLiteral("Not rebooked");
    case DemoTouch::DetractorCallback:
        return utf8(DemoText::detractorNotes()[std::size_t(t.outcome)]);
    }
    return kEmpty;
}

QString DemoWording::taskNote(const DemoTaskRecord& t) const
{
    if (t.status == TaskStatus::Open)
        return kEmpty;
    switch (t.kind) {
    case TaskKind::CheckinCall:
        return t.status == TaskStatus::Cancelled
                   ? QStringLiteral("Not reachable after several calls; a letter was sent.")
                   : utf8(DemoText::checkinNotes()[std::size_t(t.note)]);
    case TaskKind::DetractorCallback:
        return utf8(DemoText::detractorNotes()[std::size_t(t.note)]);
    case TaskKind::RebookReminder:
    case TaskKind::AnnualReview:
        return t.note >= 0 ? utf8(DemoText::rebookDeclinedNotes()[std::size_t(t.note)])
                           : QStringLiteral("Next visit booked.");
    case TaskKind::DiscussResult:
        return QStringLiteral("Result discussed with the client; next steps agreed.");
    case TaskKind::CommunicateResult:
        return QStringLiteral("Result passed on as agreed with the client.");
    default:
        return kEmpty;
    }
}

QString DemoWording::callNote(const DemoTaskRecord& t, const DemoCallRecord& call) const
{
    if (call.outcome != CallOutcome::Reached)
        return call.note >= 0 ? utf8(DemoText::noAnswerNotes()[std::size_t(call.note)]) : kEmpty;
    if (call.next == CallNextStep::Book)
        return QStringLiteral("Booked the next visit.");
    return taskNote(t);
}

} // namespace aftercare
