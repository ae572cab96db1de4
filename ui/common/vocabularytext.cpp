#include "common/vocabularytext.h"

#include <QCoreApplication>

namespace aftercare::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Vocabulary", text);
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return tr("Administrator");
    case Role::Manager:
        return tr("Practice manager");
    case Role::Clinician:
        return tr("Clinician");
    case Role::Reception:
        return tr("Reception");
    }
    return {};
}

QString sexName(Sex sex)
{
    switch (sex) {
    case Sex::Female:
        return tr("female");
    case Sex::Male:
        return tr("male");
    case Sex::Other:
        return tr("diverse");
    case Sex::Unknown:
        return tr("not stated");
    }
    return {};
}

QString contactChannelName(ContactChannel channel)
{
    switch (channel) {
    case ContactChannel::Email:
        return tr("E-mail");
    case ContactChannel::Sms:
        return tr("Text message");
    case ContactChannel::Phone:
        return tr("Phone");
    case ContactChannel::Letter:
        return tr("Letter");
    }
    return {};
}

QString consentPurposeName(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::Reminders:
        return tr("Appointment reminders");
    case ConsentPurpose::Results:
        return tr("Test results");
    case ConsentPurpose::Surveys:
        return tr("Feedback surveys");
    case ConsentPurpose::Marketing:
        return tr("Newsletter");
    case ConsentPurpose::Community:
        return tr("Community invitations");
    case ConsentPurpose::Birthday:
        return tr("Birthday greetings");
    }
    return {};
}

QString consentChannelName(ConsentChannel channel)
{
    switch (channel) {
    case ConsentChannel::Any:
        return tr("any channel");
    case ConsentChannel::Email:
        return tr("e-mail");
    case ConsentChannel::Sms:
        return tr("text message");
    case ConsentChannel::Phone:
        return tr("phone");
    case ConsentChannel::Letter:
        return tr("letter");
    }
    return {};
}

QString journeyStageName(JourneyStage stage)
{
    switch (stage) {
    case JourneyStage::Awareness:
        return tr("Awareness");
    case JourneyStage::Consideration:
        return tr("Consideration");
    case JourneyStage::Decision:
        return tr("Decision");
    case JourneyStage::During:
        return tr("In care");
    case JourneyStage::After:
        return tr("After care");
    }
    return {};
}

} // namespace aftercare::ui
