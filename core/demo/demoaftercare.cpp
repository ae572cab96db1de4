#include "demo/demoaftercare.h"

#include "demo/democatalog.h"
#include "demo/demotext.h"

#include <QDate>

#include <algorithm>

namespace aftercare {

namespace {

using namespace DemoClock;
namespace Catalog = DemoCatalog;

} // namespace

DemoAftercare::DemoAftercare(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed)
    : m_model(model)
    , m_calendar(calendar)
    , m_rnd(DemoRandom::stream(seed, 3))
    , m_followUps(model, calendar, seed)
{}

void DemoAftercare::run(const std::function<void(int, int)>& tick)
{
    const int count = int(m_model.clients.size());
    for (int i = 0; i < count; ++i) {
        walk(i);
        if (tick && (i % 500 == 499 || i + 1 == count))
            tick(i + 1, count);
    }
    assignIds();
}

void DemoAftercare::walk(int client)
{
    const DemoClientRecord& c = m_model.clients[std::size_t(client)];
    DemoJourney journey;
    journey.client = client;
    const std::size_t firstTouch = m_model.touchpoints.size();

    // Onboarding: the intake and the welcome pack (address, how to prepare, how to cancel).
    const Channel packChannel =
        c.registeredOnline ? (c.hasEmail ? Channel::Email : Channel::Letter) : Channel::InPerson;
    m_model.touch(journey.client, c.registeredAt + m_rnd.between(2, 40) * kMinute,
                  DemoTouch::WelcomePack, JourneyStage::Consideration, packChannel, -1,
                  c.registeredOnline ? DemoUser::Nobody : DemoUser::Reception);

    for (int k = 0; k < c.appointmentCount; ++k)
        visit(journey, c.firstAppointment + k);
    for (int k = 0; k < c.appointmentCount; ++k)
        m_followUps.rebookReminder(journey, c.firstAppointment + k);
    birthdays(journey);

    std::stable_sort(
        m_model.touchpoints.begin() + std::ptrdiff_t(firstTouch), m_model.touchpoints.end(),
        [](const DemoTouchpointRecord& a, const DemoTouchpointRecord& b) { return a.at < b.at; });
}

void DemoAftercare::visit(DemoJourney& journey, int index)
{
    DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    const JourneyStage stage =
        journey.completed == 0 ? JourneyStage::Decision : JourneyStage::During;

    // The booking: at the desk right after a visit, by phone, or online.
    const bool atDesk = !journey.visits.empty() &&
                        a.createdAt - journey.visits.back() < 15 * kMinute &&
                        a.createdAt >= journey.visits.back();
    const Channel bookedVia = a.createdBy == DemoUser::Nobody
                                  ? Channel::Email
                                  : (atDesk ? Channel::InPerson : Channel::Phone);
    m_model.touch(journey.client, a.createdAt, DemoTouch::Booking, stage, bookedVia, index,
                  a.createdBy, a.service);

    // The reminder goes out at 10:00 on the last open day before the visit.
    if (c.consented(ConsentPurpose::Reminders)) {
        qint64 day = dayOf(a.start) - 1;
        while (day > m_model.firstDay && !m_calendar.isOpen(day))
            --day;
        const DemoTime reminder = at(day, 10, 0, int(m_rnd.between(0, 59)));
        const bool stillOn = a.status != AppointmentStatus::Cancelled || a.cancelledAt > reminder;
        if (reminder > a.createdAt + kHour && reminder <= m_model.now && stillOn) {
            a.reminderSentAt = reminder;
            m_model.touch(journey.client, reminder, DemoTouch::Reminder, stage,
                          m_model.messageChannel(journey.client), index);
        }
    }

    switch (a.status) {
    case AppointmentStatus::Booked:
    case AppointmentStatus::Confirmed:
    case AppointmentStatus::CheckedIn:
        if (a.reminderSentAt && m_rnd.chance(700))
            a.status = AppointmentStatus::Confirmed;
        return;
    case AppointmentStatus::Cancelled:
        m_model.touch(journey.client, a.cancelledAt, DemoTouch::Cancellation, stage, Channel::Phone,
                      index, DemoUser::Reception, a.cancellationReason);
        return;
    case AppointmentStatus::NoShow:
        m_model.touch(journey.client, a.start + m_rnd.between(15, 40) * kMinute, DemoTouch::NoShow,
                      stage, Channel::Phone, index, DemoUser::Reception);
        return;
    case AppointmentStatus::Completed:
        break;
    }

    ++journey.completed;
    m_model.touch(journey.client, a.checkedInAt, DemoTouch::CheckIn, JourneyStage::During,
                  Channel::InPerson, index, DemoUser::Reception);
    invoice(journey, index);
    if (a.test >= 0)
        m_followUps.result(journey, index);
    m_followUps.checkinCall(journey, index);
    m_followUps.survey(journey, index);

    const auto& service = Catalog::services()[std::size_t(a.service)];
    if (service.steps[2] && m_rnd.chance(880)) {
        const DemoTime thanks = a.completedAt + m_rnd.between(60, 26 * 60) * kMinute;
        if (thanks <= m_model.now) {
            m_model.step(index, PostServiceStep::ThankYou, thanks, DemoUser::Nobody);
            m_model.touch(journey.client, thanks, DemoTouch::ThankYou, JourneyStage::After,
                          m_model.messageChannel(journey.client), index);
        }
    }
    if (service.steps[3] && c.consented(ConsentPurpose::Community) &&
        m_rnd.chance(journey.communityInvited ? 150 : 600)) {
        const DemoTime invite = a.completedAt + m_rnd.between(1, 3) * kDay;
        if (invite <= m_model.now) {
            journey.communityInvited = true;
            m_model.step(index, PostServiceStep::CommunityInvite, invite, DemoUser::Reception);
            m_model.touch(journey.client, invite, DemoTouch::CommunityInvite, JourneyStage::After,
                          m_model.messageChannel(journey.client), index, DemoUser::Reception);
        }
    }
    if (service.steps[4] && c.consented(ConsentPurpose::Marketing) &&
        m_rnd.chance(journey.newsletterInvited ? 250 : 900)) {
        const DemoTime invite = a.completedAt + m_rnd.between(20, 50) * kHour;
        const bool withdrawn = c.marketingWithdrawnAt && c.marketingWithdrawnAt <= invite;
        if (invite <= m_model.now && !withdrawn) {
            journey.newsletterInvited = true;
            m_model.step(index, PostServiceStep::NewsletterInvite, invite, DemoUser::Nobody);
            m_model.touch(journey.client, invite, DemoTouch::NewsletterInvite, JourneyStage::After,
                          c.hasEmail ? Channel::Email : Channel::Letter, index);
        }
    }
    journey.visits.push_back(a.completedAt);
    // A thank-you voucher for long-standing clients.
    if (journey.completed == 10 || journey.completed == 25)
        m_model.touch(journey.client, a.completedAt + 2 * kMinute, DemoTouch::LoyaltyPerk,
                      JourneyStage::After, Channel::InPerson, index, DemoUser::Reception,
                      journey.completed);
}

void DemoAftercare::invoice(DemoJourney& journey, int index)
{
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    DemoInvoiceRecord inv;
    inv.appointment = index;
    inv.createdAt = a.completedAt + m_rnd.between(1, 10) * kMinute;
    const DemoTime age = m_model.now - inv.createdAt;
    if (m_rnd.chance(550)) {
        // Issued and paid at the desk on the way out.
        inv.status = InvoiceStatus::Paid;
        inv.issuedAt = inv.createdAt;
        inv.dueAt = inv.issuedAt;
        inv.paidAt = inv.createdAt + m_rnd.between(1, 4) * kMinute;
        inv.method = m_rnd.chance(800) ? PaymentMethod::Card : PaymentMethod::Cash;
        m_model.invoices.push_back(inv);
        m_model.touch(journey.client, inv.issuedAt, DemoTouch::Invoice, JourneyStage::After,
                      Channel::InPerson, index, DemoUser::Reception, 1);
        return;
    }
    // The others are reviewed in the weekly billing run on Monday morning and sent then; until
    // then they are drafts.
    qint64 billingDay = dayOf(inv.createdAt) + 1;
    while (DemoClock::dayOfWeek(billingDay) != 1)
        ++billingDay;
    inv.issuedAt =
        at(m_calendar.openOnOrAfter(billingDay), m_rnd.between(10, 11), m_rnd.between(0, 59));
    if (inv.issuedAt > m_model.now) {
        m_model.invoices.push_back(inv);
        return;
    }
    inv.status = InvoiceStatus::Issued;
    inv.dueAt = inv.issuedAt + 14 * kDay;
    inv.method = PaymentMethod::Transfer;
    static constexpr int kPaying[] = {800, 120, 80}; // within the term, late, very late or never
    const int paying = int(m_rnd.weighted(kPaying));
    DemoTime paid = 0;
    if (paying == 0)
        paid = inv.issuedAt + m_rnd.between(2, 13) * kDay + m_rnd.between(0, 600) * kMinute;
    else if (paying == 1)
        paid = inv.issuedAt + m_rnd.between(15, 45) * kDay + m_rnd.between(0, 600) * kMinute;
    else if (age > 300 * kDay && !m_rnd.chance(40))
        paid = inv.issuedAt + m_rnd.between(46, 120) * kDay;
    if (paid && paid <= m_model.now) {
        inv.status = InvoiceStatus::Paid;
        inv.paidAt = paid;
    }
    m_model.invoices.push_back(inv);
    m_model.touch(journey.client, inv.issuedAt, DemoTouch::Invoice, JourneyStage::After,
                  c.hasEmail ? Channel::Email : Channel::Letter, index, DemoUser::Reception, 0);
}

void DemoAftercare::birthdays(DemoJourney& journey)
{
    const DemoClientRecord& c = m_model.clients[std::size_t(journey.client)];
    if (!c.consented(ConsentPurpose::Birthday) || c.birthDay == 0 || journey.visits.empty())
        return;
    const QDate birth = QDate::fromJulianDay(c.birthDay);
    const int firstYear = QDate::fromJulianDay(dayOf(journey.visits.front())).year();
    const int lastYear = QDate::fromJulianDay(m_model.today).year();
    for (int year = firstYear; year <= lastYear; ++year) {
        const int dayOfMonth =
            birth.month() == 2 && birth.day() == 29 && !QDate::isLeapYear(year) ? 28 : birth.day();
        const qint64 day = QDate(year, birth.month(), dayOfMonth).toJulianDay();
        const DemoTime greeting = at(day, 8, int(m_rnd.between(0, 29)));
        if (greeting <= journey.visits.front() || greeting > m_model.now)
            continue;
        // Only while the client still comes: a visit in the last eighteen months.
        const bool current =
            std::any_of(journey.visits.begin(), journey.visits.end(), [&](DemoTime visit) {
                return visit < greeting && greeting - visit < 540 * kDay;
            });
        if (current)
            m_model.touch(journey.client, greeting, DemoTouch::Birthday, JourneyStage::After,
                          m_model.messageChannel(journey.client));
    }
}

void DemoAftercare::assignIds()
{
    // Ids follow the order in which rows came into being; tasks refer to results and
    // feedback, so their references are carried over.
    auto orderBy = [](std::size_t count, auto less) {
        std::vector<qint32> order(count);
        for (std::size_t i = 0; i < count; ++i)
            order[i] = qint32(i);
        std::sort(order.begin(), order.end(),
                  [&](qint32 x, qint32 y) { return less(x, y) || (!less(y, x) && x < y); });
        return order;
    };
    auto apply = [](auto& rows, const std::vector<qint32>& order) {
        std::vector<qint32> newIndex(order.size());
        std::remove_reference_t<decltype(rows)> sorted;
        sorted.reserve(rows.size());
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            newIndex[std::size_t(order[rank])] = qint32(rank);
            sorted.push_back(rows[std::size_t(order[rank])]);
            sorted.back().id = qint64(rank) + 1;
        }
        rows = std::move(sorted);
        return newIndex;
    };
    const auto& appointments = m_model.appointments;
    auto& results = m_model.results;
    const auto resultIndex = apply(results, orderBy(results.size(), [&](qint32 x, qint32 y) {
                                       const auto& a = results[std::size_t(x)];
                                       const auto& b = results[std::size_t(y)];
                                       return a.receivedAt != b.receivedAt
                                                  ? a.receivedAt < b.receivedAt
                                                  : appointments[std::size_t(a.appointment)].id <
                                                        appointments[std::size_t(b.appointment)].id;
                                   }));
    auto& feedback = m_model.feedback;
    const auto feedbackIndex = apply(feedback, orderBy(feedback.size(), [&](qint32 x, qint32 y) {
                                         const auto& a = feedback[std::size_t(x)];
                                         const auto& b = feedback[std::size_t(y)];
                                         return a.respondedAt < b.respondedAt;
                                     }));
    for (auto& task : m_model.tasks) {
        if (task.result >= 0)
            task.result = resultIndex[std::size_t(task.result)];
        if (task.feedback >= 0)
            task.feedback = feedbackIndex[std::size_t(task.feedback)];
    }
    auto& tasks = m_model.tasks;
    apply(tasks, orderBy(tasks.size(), [&](qint32 x, qint32 y) {
              return tasks[std::size_t(x)].createdAt < tasks[std::size_t(y)].createdAt;
          }));
    auto& invoices = m_model.invoices;
    apply(invoices, orderBy(invoices.size(), [&](qint32 x, qint32 y) {
              const auto& a = invoices[std::size_t(x)];
              const auto& b = invoices[std::size_t(y)];
              return a.createdAt != b.createdAt ? a.createdAt < b.createdAt
                                                : appointments[std::size_t(a.appointment)].id <
                                                      appointments[std::size_t(b.appointment)].id;
          }));
}

} // namespace aftercare
