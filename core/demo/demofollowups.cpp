#include "demo/demofollowups.h"

#include "aftercare/deadlines.h"
#include "demo/democatalog.h"
#include "demo/demotext.h"
#include "domain/feedbackscore.h"

#include <algorithm>

namespace aftercare {

namespace {

using namespace DemoClock;
namespace Catalog = DemoCatalog;

} // namespace

DemoFollowUps::DemoFollowUps(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed)
    : m_model(model)
    , m_calendar(calendar)
    , m_rnd(DemoRandom::stream(seed, 4))
{}

int DemoFollowUps::addTask(DemoTaskRecord task)
{
    m_model.tasks.push_back(task);
    return int(m_model.tasks.size()) - 1;
}

void DemoFollowUps::addCalls(DemoTaskRecord& task, DemoTime first, DemoTime doneAt,
                             CallNextStep finalStep, int finalNote)
{
    static constexpr int kMisses[] = {65, 25, 10};
    const int misses = int(m_rnd.weighted(kMisses));
    task.firstCall = qint32(m_model.calls.size());
    DemoTime at = first;
    const DemoTime limit = doneAt ? doneAt - 10 * kMinute : m_model.now;
    for (int i = 0; i < misses; ++i) {
        if (i > 0)
            at += m_rnd.between(1, 20) * kHour;
        if (at > limit)
            break;
        DemoCallRecord call;
        call.at = at;
        call.outcome = m_rnd.chance(600) ? CallOutcome::NoAnswer : CallOutcome::Voicemail;
        call.next = CallNextStep::CallAgain;
        call.note = std::int16_t(m_rnd.index(DemoText::noAnswerNotes().size()));
        call.callAgainAt = at + m_rnd.between(2, 24) * kHour;
        m_model.calls.push_back(call);
    }
    if (doneAt) {
        DemoCallRecord call;
        call.at = doneAt;
        call.outcome =
            finalStep == CallNextStep::Letter ? CallOutcome::NoAnswer : CallOutcome::Reached;
        call.next = finalStep;
        call.note = std::int16_t(finalNote);
        m_model.calls.push_back(call);
    }
    task.callCount = qint32(m_model.calls.size()) - task.firstCall;
}

void DemoFollowUps::retime(DemoTaskRecord& task, const std::function<DemoTime(DemoTime)>& when)
{
    if (task.doneAt)
        task.doneAt = when(task.doneAt);
    for (qint32 k = 0; k < task.callCount; ++k) {
        DemoCallRecord& call = m_model.calls[std::size_t(task.firstCall + k)];
        call.at = when(call.at);
        if (call.callAgainAt)
            call.callAgainAt = when(call.callAgainAt);
    }
}

void DemoFollowUps::checkinCall(DemoJourney& journey, int index)
{
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    const auto& service = Catalog::services()[std::size_t(a.service)];
    if (!service.steps[0] || service.checkinAfterDays < 0)
        return;
    const qint64 day = m_calendar.openOnOrAfter(dayOf(a.start) + service.checkinAfterDays);
    DemoTaskRecord task;
    task.client = journey.client;
    task.kind = TaskKind::CheckinCall;
    task.appointment = index;
    task.createdAt = a.completedAt + m_rnd.between(1, 5) * kMinute;
    task.workFrom = at(day, 9);
    task.workBy = at(day, 18);
    task.worker = DemoUser::Clinician;
    if (task.workFrom > m_model.now) {
        addTask(task); // not due yet
        return;
    }
    // The engine's check-in day is a calendar day (Deadlines::checkinCall): when the practice
    // is closed then, the work simulated for its next open day is done on the last open day
    // before it, after the visit (the times move, the chances drawn stay as they were).
    qint64 callDay = dayOf(a.start) + service.checkinAfterDays;
    while (callDay > dayOf(a.start) && !m_calendar.isOpen(callDay))
        --callDay;
    if (callDay == dayOf(a.start))
        callDay = day;
    const auto onCallDay = [shift = (callDay - day) * kDay](DemoTime t) {
        return t + shift;
    };
    const bool recent = m_model.now - task.workFrom < 14 * kDay;
    static constexpr int kOutcomes[] = {860, 90, 30, 20}; // on time, late, gave up, still open
    int outcome = int(m_rnd.weighted(kOutcomes));
    if (recent && m_rnd.chance(300))
        outcome = 3;
    else if (outcome == 3 && !recent)
        outcome = 1;
    const DemoTime firstCall = task.workFrom + m_rnd.between(0, 240) * kMinute;
    DemoTime done = 0;
    if (outcome == 0)
        done = std::min(firstCall + m_rnd.between(0, 4) * kHour, task.workBy - 5 * kMinute);
    else if (outcome == 1)
        done = task.workBy + m_rnd.between(14, 96) * kHour;
    else if (outcome == 2)
        done = task.workFrom + m_rnd.between(2, 6) * kDay;
    if (done > m_model.now)
        done = 0;
    if (done == 0) {
        task.status = TaskStatus::Open;
        addCalls(task, firstCall, 0, CallNextStep::CallAgain, -1);
        retime(task, onCallDay);
        addTask(task);
        return;
    }
    task.doneAt = done;
    if (outcome == 2) {
        task.status = TaskStatus::Cancelled;
        addCalls(task, firstCall, done, CallNextStep::Letter,
                 int(m_rnd.index(DemoText::noAnswerNotes().size())));
        retime(task, onCallDay);
        addTask(task);
        return;
    }
    task.status = TaskStatus::Done;
    task.note = std::int16_t(m_rnd.index(DemoText::checkinNotes().size()));
    addCalls(task, std::min(firstCall, done), done, CallNextStep::Done, task.note);
    retime(task, onCallDay);
    addTask(task);
    m_model.step(index, PostServiceStep::QualityFollowUp, task.doneAt, DemoUser::Clinician);
    m_model.touch(journey.client, task.doneAt, DemoTouch::CheckinCall, JourneyStage::After,
                  Channel::Phone, index, DemoUser::Clinician, task.note);
}

void DemoFollowUps::survey(DemoJourney& journey, int index)
{
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    const auto& service = Catalog::services()[std::size_t(a.service)];
    if (!service.steps[1] || service.surveyAfterDays < 0)
        return;
    if (!c.consented(ConsentPurpose::Surveys)) {
        // Some answer the paper card at the desk instead.
        if (!m_rnd.chance(60))
            return;
    }
    const bool paper = !c.consented(ConsentPurpose::Surveys);
    DemoTime asked =
        paper ? a.completedAt + m_rnd.between(1, 4) * kMinute
              : at(dayOf(a.start) + service.surveyAfterDays, 10, int(m_rnd.between(0, 59)));
    if (!paper) {
        // At most one survey a month, so course clients are not asked after every session.
        if (asked > m_model.now || (journey.lastSurvey && asked - journey.lastSurvey < 30 * kDay))
            return;
        journey.lastSurvey = asked;
        m_model.step(index, PostServiceStep::FeedbackRequest, asked, DemoUser::Nobody);
        m_model.touch(journey.client, asked, DemoTouch::SurveyRequest, JourneyStage::After,
                      m_model.messageChannel(journey.client), index);
        static constexpr int kResponse[] = {280, 330, 420}; // one-off, occasional, regular
        if (!m_rnd.chance(kResponse[int(c.loyalty)]))
            return;
    }

    // How the visit felt: the client's temper, a weaker practitioner, a rough quarter
    // (staff shortage) a year and a half ago.
    int mood = c.mood;
    if (m_rnd.chance(150))
        mood += m_rnd.chance(500) ? 1 : -1;
    if (a.practitioner == 2 && m_rnd.chance(250))
        ++mood;
    const qint64 ago = m_model.today - dayOf(a.start);
    if (ago >= 450 && ago < 540 && m_rnd.chance(250))
        ++mood;
    mood = std::clamp(mood, 0, 2);

    static constexpr int kCsat[3][5] = {
        {0, 1, 4, 25, 70}, {2, 6, 17, 40, 35}, {12, 18, 25, 30, 15}}; // scores 1..5
    static constexpr int kNps[3][11] = {{0, 0, 0, 0, 0, 1, 2, 5, 12, 30, 50},
                                        {0, 0, 0, 2, 2, 5, 8, 18, 25, 25, 15},
                                        {2, 2, 4, 7, 8, 12, 15, 20, 15, 10, 5}}; // scores 0..10
    const DemoTime responded = paper ? asked : asked + m_rnd.between(10, 4 * 24 * 60) * kMinute;
    if (responded > m_model.now)
        return;
    auto comment = [&](int band) {
        const std::size_t size = band == 0   ? DemoText::praise().size()
                                 : band == 1 ? DemoText::mixed().size()
                                             : DemoText::complaints().size();
        return m_rnd.chance(300) ? std::int16_t(m_rnd.index(size)) : std::int16_t(-1);
    };

    DemoFeedbackRecord csat;
    csat.client = journey.client;
    csat.appointment = index;
    csat.kind = FeedbackKind::Csat;
    csat.score = std::int8_t(1 + m_rnd.weighted(kCsat[mood]));
    csat.comment = comment(csat.score >= 4 ? 0 : (csat.score == 3 ? 1 : 2));
    csat.respondedAt = DemoJourney::unique(journey.csatTimes, responded);
    csat.source = paper ? FeedbackSource::Paper : FeedbackSource::Survey;
    csat.recordedBy = paper ? DemoUser::Reception : DemoUser::Nobody;
    csat.createdAt =
        paper ? at(m_calendar.openOnOrAfter(dayOf(responded) + 1), 9, int(m_rnd.between(0, 59)))
              : csat.respondedAt;
    if (csat.createdAt > m_model.now)
        csat.createdAt = csat.respondedAt;
    m_model.feedback.push_back(csat);
    const int csatIndex = int(m_model.feedback.size()) - 1;
    m_model.touch(journey.client, csat.respondedAt, DemoTouch::Feedback, JourneyStage::After,
                  paper ? Channel::InPerson : m_model.messageChannel(journey.client), index,
                  csat.recordedBy, csat.score);

    int detractor = csat.score <= FeedbackBands::kCsatDetractorUpTo ? csatIndex : -1;
    if (!paper && m_rnd.chance(550)) {
        DemoFeedbackRecord nps = csat;
        nps.kind = FeedbackKind::Nps;
        nps.score = std::int8_t(m_rnd.weighted(kNps[mood]));
        nps.comment = csat.comment >= 0 ? -1
                                        : comment(FeedbackBands::isNpsPromoter(nps.score)     ? 0
                                                  : !FeedbackBands::isNpsDetractor(nps.score) ? 1
                                                                                              : 2);
        nps.respondedAt =
            DemoJourney::unique(journey.npsTimes, csat.respondedAt + m_rnd.between(30, 180));
        nps.createdAt = nps.respondedAt;
        if (nps.respondedAt <= m_model.now) {
            m_model.feedback.push_back(nps);
            if (FeedbackBands::isNpsDetractor(nps.score))
                detractor = int(m_model.feedback.size()) - 1;
        }
    }
    if (detractor >= 0)
        detractorCallback(journey, detractor);
}

void DemoFollowUps::detractorCallback(DemoJourney& journey, int feedback)
{
    const DemoFeedbackRecord f = m_model.feedback[std::size_t(feedback)];
    DemoTaskRecord task;
    task.client = journey.client;
    task.kind = TaskKind::DetractorCallback;
    task.appointment = f.appointment;
    task.feedback = feedback;
    task.createdAt = f.createdAt;
    task.workFrom = f.createdAt;
    task.workBy = f.createdAt + Deadlines::kDetractorCallbackHours * kHour;
    task.worker = DemoUser::Manager;
    static constexpr int kOutcomes[] = {820, 140, 40}; // on time, late, still open
    const int outcome = int(m_rnd.weighted(kOutcomes));
    DemoTime done = 0;
    if (outcome == 0)
        done = task.workFrom + m_rnd.between(60, 40 * 60) * kMinute;
    else if (outcome == 1 || m_model.now - task.workFrom > 30 * kDay)
        done = task.workBy + m_rnd.between(60, 5 * 24 * 60) * kMinute;
    if (done > m_model.now)
        done = 0;
    const DemoTime first = task.workFrom + m_rnd.between(30, 20 * 60) * kMinute;
    if (done == 0) {
        addCalls(task, first, 0, CallNextStep::CallAgain, -1);
        addTask(task);
        return;
    }
    task.status = TaskStatus::Done;
    task.doneAt = done;
    task.note = std::int16_t(m_rnd.index(DemoText::detractorNotes().size()));
    addCalls(task, std::min(first, done), done, CallNextStep::Done, task.note);
    addTask(task);
    m_model.touch(journey.client, done, DemoTouch::DetractorCallback, JourneyStage::After,
                  Channel::Phone, f.appointment, DemoUser::Manager, task.note);
}

void DemoFollowUps::result(DemoJourney& journey, int index)
{
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    DemoResultRecord r;
    r.appointment = index;
    // The laboratory reports one to four days later, Saturdays included: in its overnight
    // transmission early in the morning or during the day.
    qint64 day = dayOf(a.start) + m_rnd.between(1, 4);
    if (DemoClock::dayOfWeek(day) == 7)
        ++day;
    const DemoTime arrival =
        m_rnd.chance(400)
            ? at(day, 6, m_rnd.between(0, 74), m_rnd.between(0, 59))
            : at(day, m_rnd.between(8, 15), m_rnd.between(0, 59), m_rnd.between(0, 59));
    r.receivedAt = DemoJourney::unique(journey.resultTimes, arrival);
    if (r.receivedAt > m_model.now)
        return; // still at the laboratory
    // Results are reviewed in office hours: abnormal ones first thing, normal ones when the
    // clinician gets to them.
    auto officeHours = [&](DemoTime time) {
        const qint64 d = dayOf(time);
        const int hour = DemoClock::secondOfDay(time) / 3600;
        if (m_calendar.isOpen(d) && hour >= 8 && hour < 17)
            return time;
        const qint64 next =
            m_calendar.openOnOrAfter(hour >= 17 || !m_calendar.isOpen(d) ? d + 1 : d);
        return at(next, 8, m_rnd.between(30, 59), m_rnd.between(0, 59));
    };
    // Communicated within the deadline (72 hours for abnormal results, a week for the others)
    // as a rule; now and then later.
    const DemoTime deadline =
        r.receivedAt + (a.abnormal ? Deadlines::kDiscussAbnormalResultHours * kHour
                                   : Deadlines::kCommunicateResultDays * kDay);
    const bool late = m_rnd.chance(a.abnormal ? 100 : 70);
    if (a.abnormal) {
        r.reviewedAt = officeHours(r.receivedAt + m_rnd.between(10, 4 * 60) * kMinute);
        r.communicatedChannel = m_rnd.chance(800) ? Channel::Phone : Channel::InPerson;
    } else {
        const qint64 pile =
            m_rnd.chance(500) ? m_rnd.between(1, 3) * kDay : 0; // reviewed in a batch later
        r.reviewedAt = officeHours(r.receivedAt + pile + m_rnd.between(30, 8 * 60) * kMinute);
        const Channel preferred = m_model.messageChannel(journey.client);
        r.communicatedChannel = c.consented(ConsentPurpose::Results) ? preferred
                                : preferred == Channel::Letter       ? Channel::Letter
                                                                     : Channel::Phone;
    }
    const qint64 window = std::max<qint64>(deadline - r.reviewedAt - kHour, kHour);
    r.communicatedAt = late || r.reviewedAt >= deadline
                           ? std::max(deadline, r.reviewedAt) + m_rnd.between(1, 5 * 24) * kHour
                           : r.reviewedAt + m_rnd.between(30 * kMinute, window);
    // A few fall through the cracks and wait, reviewed, for weeks.
    if (m_rnd.chance(10))
        r.communicatedAt = 0;
    r.status = ResultStatus::Received;
    if (r.reviewedAt <= m_model.now)
        r.status = ResultStatus::Reviewed;
    if (r.status == ResultStatus::Reviewed && r.communicatedAt && r.communicatedAt <= m_model.now)
        r.status = ResultStatus::Communicated;
    if (r.status != ResultStatus::Communicated)
        r.communicatedAt = 0;
    if (r.status == ResultStatus::Received)
        r.reviewedAt = 0;
    m_model.results.push_back(r);
    const int resultIndex = int(m_model.results.size()) - 1;

    DemoTaskRecord task;
    task.client = journey.client;
    task.kind = a.abnormal ? TaskKind::DiscussResult : TaskKind::CommunicateResult;
    task.appointment = index;
    task.result = resultIndex;
    task.createdAt = r.receivedAt;
    task.workFrom = r.receivedAt;
    task.workBy = deadline;
    task.worker = DemoUser::Clinician;
    const bool byPhone = r.communicatedChannel == Channel::Phone;
    if (r.status == ResultStatus::Communicated) {
        task.status = TaskStatus::Done;
        task.doneAt = r.communicatedAt;
        if (byPhone)
            addCalls(task, std::max(r.reviewedAt, r.communicatedAt - m_rnd.between(1, 30) * kHour),
                     r.communicatedAt, CallNextStep::Done, -1);
        m_model.touch(journey.client, r.communicatedAt, DemoTouch::ResultExplained,
                      JourneyStage::After, r.communicatedChannel, index, DemoUser::Clinician);
    } else if (byPhone && r.status == ResultStatus::Reviewed) {
        addCalls(task, r.reviewedAt + m_rnd.between(1, 4) * kHour, 0, CallNextStep::CallAgain, -1);
    }
    addTask(task);
}

void DemoFollowUps::rebookReminder(DemoJourney& journey, int index)
{
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    if (a.status != AppointmentStatus::Completed)
        return;
    const int weeks = Catalog::services()[std::size_t(a.service)].rebookAfterWeeks;
    if (weeks <= 0)
        return;
    const qint64 day = m_calendar.openOnOrAfter(dayOf(a.start) + 7 * weeks);
    const DemoTime due = at(day, 9);
    if (due > m_model.now)
        return;
    // Only when nothing was booked and no other visit happened in the meantime.
    DemoTime nextBooking = 0;
    for (int k = 0; k < c.appointmentCount; ++k) {
        const auto& other = m_model.appointments[std::size_t(c.firstAppointment + k)];
        if (other.createdAt > a.completedAt && (nextBooking == 0 || other.createdAt < nextBooking))
            nextBooking = other.createdAt;
        if (c.firstAppointment + k != index && other.status == AppointmentStatus::Completed &&
            other.completedAt > a.completedAt && other.completedAt <= due)
            return;
    }
    if (nextBooking && nextBooking <= due)
        return;

    DemoTaskRecord task;
    task.client = journey.client;
    task.kind = TaskKind::RebookReminder;
    task.appointment = index;
    task.createdAt = due - m_rnd.between(1, 60) * kMinute;
    task.workFrom = due;
    // The reception's habit: a fortnight of calls before it gives up (the reminder's own
    // deadline is the planner's, Deadlines::rebookReminder).
    task.workBy = due + 14 * kDay;
    task.worker = DemoUser::Reception;
    const DemoTime first = due + m_rnd.between(0, 3 * 24) * kHour;
    if (nextBooking && nextBooking <= task.workBy) {
        // The call led to the booking.
        task.status = TaskStatus::Done;
        task.doneAt = nextBooking;
        addCalls(task, std::min(first, std::max(due, nextBooking - 30 * kMinute)), task.doneAt,
                 CallNextStep::Book, -1);
        addTask(task);
        m_model.touch(journey.client, task.doneAt, DemoTouch::RebookReminder, JourneyStage::After,
                      Channel::Phone, index, DemoUser::Reception, 1);
        return;
    }
    // Otherwise the client was reached and will book later or not at all, or was never
    // reached and got a letter: simulated over a fortnight, sometimes later, and fitted into
    // the engine's week (Deadlines::rebookReminder) by halving the time since it fell due
    // (the times move, the chances drawn stay as they were).
    const auto inTheWeek = [due](DemoTime t) {
        return due + (t - due) * Deadlines::kRebookReminderDays / 14;
    };
    const DemoTime done = m_rnd.chance(850) ? first + m_rnd.between(0, 9 * 24 * 60) * kMinute
                                            : task.workBy + m_rnd.between(1, 16 * 24) * kHour;
    if (done > m_model.now) {
        addCalls(task, first, 0, CallNextStep::CallAgain, -1);
        retime(task, inTheWeek);
        addTask(task);
        return;
    }
    const bool reached = m_rnd.chance(650);
    task.status = TaskStatus::Done;
    task.doneAt = done;
    task.note = std::int16_t(m_rnd.index(DemoText::rebookDeclinedNotes().size()));
    addCalls(task, std::min(first, done), done, reached ? CallNextStep::Done : CallNextStep::Letter,
             reached ? task.note : -1);
    retime(task, inTheWeek);
    addTask(task);
    m_model.touch(journey.client, task.doneAt, DemoTouch::RebookReminder, JourneyStage::After,
                  reached ? Channel::Phone : Channel::Letter, index, DemoUser::Reception, 0);
}

} // namespace aftercare
