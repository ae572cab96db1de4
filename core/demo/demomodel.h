#pragma once

#include "demo/demotime.h"
#include "domain/vocabulary.h"

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <vector>

namespace aftercare {

// The demo practice in memory, in compact form, between simulating it and writing it.
// Rows refer to each other by index into these vectors; database ids are given when the
// rows are put in the order they would have been created.

// The four demo accounts, one per role.
enum class DemoUser : std::int8_t
{
    Nobody = -1,
    Admin,
    Manager,
    Clinician,
    Reception
};

enum class DemoLoyalty : std::uint8_t
{
    OneOff,
    Occasional,
    Regular
};

struct DemoClientRecord
{
    qint32 firstName = 0; // index into DemoText::*FirstNames() for the client's sex
    qint32 lastName = 0;
    qint32 secondLastName = -1; // a double-barrelled name: "Müller-Şahin"
    Sex sex = Sex::Unknown;
    qint64 birthDay = 0; // Julian day; 0: not recorded
    bool hasEmail = false;
    bool hasPhone = false;
    std::uint8_t emailStyle = 0;
    qint32 emailNumber = 0;
    std::int16_t phonePrefix = 0; // area or mobile code without the leading 0
    qint32 phoneNumber = 0;
    ContactChannel preferredChannel = ContactChannel::Email;
    qint32 street = 0;
    qint32 houseNumber = 1;
    qint32 town = 0;
    qint32 referralSource = -1; // index into DemoText::referralSources(); -1: not recorded
    qint32 referredBy = -1;     // client index
    qint32 expectation = 0;
    DemoTime registeredAt = 0;
    bool registeredOnline = false;
    std::uint8_t consents = 0; // bit per ConsentPurpose: granted
    DemoTime marketingWithdrawnAt = 0;
    DemoLoyalty loyalty = DemoLoyalty::Occasional;
    std::int16_t noShowPerMille = 50;
    std::uint8_t mood = 0; // 0 content, 1 middling, 2 hard to please
    bool vaccinates = false;
    qint32 practitioner = 0; // preferred
    qint32 preferredUnit = 0;

    // Filled in by the simulation.
    JourneyStage stage = JourneyStage::Consideration;
    bool archived = false;
    qint32 firstAppointment = -1; // index of the client's first appointment by start
    qint32 appointmentCount = 0;

    bool consented(ConsentPurpose purpose) const
    {
        return consents & (1u << static_cast<unsigned>(purpose));
    }
};

struct DemoAppointmentRecord
{
    qint32 client = 0;
    qint32 practitioner = 0;
    qint32 service = 0;
    DemoTime start = 0;
    DemoTime end = 0;
    DemoTime createdAt = 0;
    AppointmentStatus status = AppointmentStatus::Booked;
    DemoUser createdBy = DemoUser::Reception;
    qint32 priceCents = 0;
    std::int16_t cancellationReason = -1;
    DemoTime cancelledAt = 0;
    DemoTime reminderSentAt = 0;
    DemoTime checkedInAt = 0;
    DemoTime completedAt = 0;
    std::int8_t test = -1; // index into DemoCatalog::tests() for a completed visit with a result
    bool abnormal = false;
    qint64 id = 0;
};

struct DemoResultRecord
{
    qint32 appointment = 0;
    DemoTime receivedAt = 0;
    ResultStatus status = ResultStatus::Received;
    DemoTime reviewedAt = 0;
    DemoTime communicatedAt = 0;
    Channel communicatedChannel = Channel::Phone;
    qint64 id = 0;
};

struct DemoFeedbackRecord
{
    qint32 client = 0;
    qint32 appointment = 0;
    FeedbackKind kind = FeedbackKind::Csat;
    std::int8_t score = 0;
    std::int16_t comment = -1; // index into the comment list of the score's band
    DemoTime respondedAt = 0;
    DemoTime createdAt = 0;
    FeedbackSource source = FeedbackSource::Survey;
    DemoUser recordedBy = DemoUser::Nobody;
    qint64 id = 0;
};

struct DemoCallRecord
{
    DemoTime at = 0;
    CallOutcome outcome = CallOutcome::Reached;
    CallNextStep next = CallNextStep::Done;
    std::int16_t note = -1;
    DemoTime callAgainAt = 0;
};

struct DemoTaskRecord
{
    qint32 client = 0;
    TaskKind kind = TaskKind::CheckinCall;
    qint32 appointment = -1;
    qint32 result = -1;
    qint32 feedback = -1;
    DemoTime createdAt = 0;
    // When the staff set out to work on it and by when they meant to be through: the
    // simulation's timing of the calls only. The task's own due time, deadline, priority and
    // assignee are FollowUpPlanner's (DemoPractice lets it plan the history).
    DemoTime workFrom = 0;
    DemoTime workBy = 0;
    DemoUser worker = DemoUser::Clinician; // who makes the calls and closes the task
    TaskStatus status = TaskStatus::Open;
    DemoTime doneAt = 0;
    std::int16_t note = -1; // index into the note list of the task's kind
    qint32 firstCall = 0;
    qint32 callCount = 0;
    qint64 id = 0;
};

struct DemoInvoiceRecord
{
    qint32 appointment = 0;
    InvoiceStatus status = InvoiceStatus::Draft;
    DemoTime createdAt = 0;
    DemoTime issuedAt = 0;
    DemoTime dueAt = 0;
    DemoTime paidAt = 0;
    PaymentMethod method = PaymentMethod::Card;
    qint64 id = 0;
};

// Touchpoint kinds the demo writes, in the words of TouchpointKind.
enum class DemoTouch : std::uint8_t
{
    WelcomePack,
    Booking,
    Reminder,
    CheckIn,
    NoShow,
    Cancellation,
    CheckinCall,
    ThankYou,
    SurveyRequest,
    Feedback,
    ResultExplained,
    Invoice,
    NewsletterInvite,
    CommunityInvite,
    Birthday,
    LoyaltyPerk,
    RebookReminder,
    DetractorCallback,
};

struct DemoTouchpointRecord
{
    DemoTime at = 0;
    qint32 client = 0;
    qint32 appointment = -1;
    DemoTouch kind = DemoTouch::Booking;
    JourneyStage stage = JourneyStage::During;
    Channel channel = Channel::Email;
    DemoUser by = DemoUser::Nobody;
    std::int16_t outcome = -1; // kind-specific detail (e.g. the cancellation reason)
};

struct DemoStepRecord
{
    qint32 appointment = 0;
    PostServiceStep step = PostServiceStep::ThankYou;
    DemoTime doneAt = 0;
    DemoUser by = DemoUser::Nobody;
};

struct DemoModel
{
    qint64 firstDay = 0; // the practice opened
    qint64 today = 0;
    DemoTime now = 0; // the generated history ends here, before the practice opens today
    int practitionerCount = 0;
    std::vector<qint64> practitionerStart; // Julian day each practitioner joined

    std::vector<DemoClientRecord> clients;
    std::vector<DemoAppointmentRecord> appointments; // per client, by start
    std::vector<qint32> appointmentOrder;            // indexes in id order (by creation)
    std::vector<DemoResultRecord> results;           // in id order
    std::vector<DemoFeedbackRecord> feedback;        // in id order
    std::vector<DemoTaskRecord> tasks;               // in id order
    std::vector<DemoCallRecord> calls;               // grouped per task, in task order
    std::vector<DemoInvoiceRecord> invoices;         // in id order
    std::vector<DemoTouchpointRecord> touchpoints;   // per client, by time
    std::vector<DemoStepRecord> steps;

    void touch(qint32 client, DemoTime at, DemoTouch kind, JourneyStage stage, Channel channel,
               qint32 appointment = -1, DemoUser by = DemoUser::Nobody, int outcome = -1)
    {
        touchpoints.push_back(
            {at, client, appointment, kind, stage, channel, by, std::int16_t(outcome)});
    }

    void step(qint32 appointment, PostServiceStep which, DemoTime at, DemoUser by)
    {
        steps.push_back({appointment, which, at, by});
    }

    // How automatic messages reach a client: their preferred channel, a text message for
    // those who prefer calls.
    Channel messageChannel(qint32 client) const
    {
        const DemoClientRecord& c = clients[std::size_t(client)];
        switch (c.preferredChannel) {
        case ContactChannel::Email:
            return Channel::Email;
        case ContactChannel::Sms:
        case ContactChannel::Phone:
            return c.hasPhone ? Channel::Sms : Channel::Email;
        case ContactChannel::Letter:
            return Channel::Letter;
        }
        return Channel::Email;
    }
};

} // namespace aftercare
