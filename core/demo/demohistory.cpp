#include "demo/demohistory.h"

#include "demo/democatalog.h"
#include "demo/demopeople.h"
#include "demo/demotext.h"

#include <QDate>

#include <algorithm>

namespace aftercare {

namespace {

using namespace DemoClock;
namespace Catalog = DemoCatalog;

std::uint32_t servicesOf(const Catalog::Practitioner& practitioner)
{
    std::uint32_t mask = 0;
    const auto services = Catalog::services();
    for (std::size_t s = 0; s < services.size(); ++s) {
        const bool nutrition = services[s].discipline == Catalog::Discipline::Nutrition;
        if (services[s].discipline == practitioner.discipline ||
            (nutrition && practitioner.alsoNutrition))
            mask |= 1u << s;
    }
    return mask;
}

bool isWinter(qint64 day)
{
    const int month = QDate::fromJulianDay(day).month();
    return month == 12 || month <= 2;
}

int referralIndex(const char* name)
{
    const auto sources = DemoText::referralSources();
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (qstrcmp(sources[i].text, name) == 0)
            return int(i);
    return 0;
}

} // namespace

DemoHistory::DemoHistory(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed,
                         int clients)
    : m_model(model)
    , m_calendar(calendar)
    , m_seed(seed)
    , m_visits(DemoRandom::stream(seed, 2))
    , m_clientCount(clients)
{}

DemoHistory::~DemoHistory() = default;

void DemoHistory::run(const std::function<void(int, int)>& tick)
{
    makePractitioners();
    DemoPeople(m_model, m_calendar, m_seed).run(m_clientCount);
    m_byClient.assign(std::size_t(m_clientCount), {});
    m_firstVisitEnd.assign(std::size_t(m_clientCount), 0);
    m_active.assign(std::size_t(m_clientCount), 0);
    for (int i = 0; i < m_clientCount; ++i) {
        simulate(i);
        addVaccinations(i);
        if (tick && (i % 500 == 499 || i + 1 == m_clientCount))
            tick(i + 1, m_clientCount);
    }
    fillComingDays();
    finish();
}

void DemoHistory::makePractitioners()
{
    // About one practitioner per 4 000 clients, at least three; the first three opened the
    // practice, the others joined as it grew.
    const int count = std::max(3, (m_clientCount + 2000) / 4000);
    const qint64 days = m_model.today - m_model.firstDay;
    m_model.practitionerCount = count;
    m_model.practitionerStart.clear();
    std::vector<DemoSchedule::Staff> staff;
    for (int i = 0; i < count; ++i) {
        const auto& role =
            Catalog::practitioners()[std::size_t(i) % Catalog::practitioners().size()];
        DemoSchedule::Staff member;
        member.services = servicesOf(role);
        member.weekdays = i % 4 == 3 ? 0x0f : (i % 5 == 4 ? 0x1e : 0x1f); // some work four days
        member.firstDay = m_model.firstDay;
        if (i >= 3) {
            const double share = 0.7 * double(i - 2) / double(count - 2);
            member.firstDay += qint64(DemoPeople::growthQuantile(share) * double(days));
        }
        m_model.practitionerStart.push_back(member.firstDay);
        staff.push_back(member);
    }
    m_schedule = std::make_unique<DemoSchedule>(
        m_calendar, m_model.firstDay, m_model.today + kHorizonDays + 60, std::move(staff));
}

int DemoHistory::pickReferrer(int index, qint64 day)
{
    // Somebody who had been a client before this one came: mostly a recent client.
    for (int attempt = 0; attempt < 8 && index > 0; ++attempt) {
        const int window = std::min(index, m_visits.chance(600) ? 1500 : index);
        const int candidate = index - 1 - m_visits.between(0, window - 1);
        const DemoTime visited = m_firstVisitEnd[std::size_t(candidate)];
        if (visited != 0 && dayOf(visited) < day)
            return candidate;
    }
    return -1;
}

void DemoHistory::simulate(int index)
{
    DemoRandom& rnd = m_visits;
    DemoClientRecord& c = m_model.clients[std::size_t(index)];
    const qint64 registered = dayOf(c.registeredAt);

    const char* source = c.referralSource >= 0
                             ? DemoText::referralSources()[std::size_t(c.referralSource)].text
                             : "";
    if (qstrcmp(source, DemoText::kClientReferral) == 0) {
        c.referredBy = pickReferrer(index, registered);
        if (c.referredBy < 0)
            c.referralSource = referralIndex("Google");
    }

    // A few enquire and never book.
    if (rnd.chance(25))
        return;

    static constexpr int kFirstServices[Catalog::kServiceCount] = {46, 0, 22, 8, 4, 12, 0, 8, 0};
    const int service = int(rnd.weighted(kFirstServices));
    std::vector<int> candidates;
    for (int p = 0; p < m_schedule->practitionerCount(); ++p)
        if (m_schedule->offers(p, service) &&
            m_model.practitionerStart[std::size_t(p)] <= registered + 21)
            candidates.push_back(p);
    c.practitioner = candidates.empty() ? 0 : candidates[rnd.index(candidates.size())];

    const auto& first = Catalog::services()[std::size_t(service)];
    Request request{service, registered + rnd.between(1, 21),
                    c.registeredAt + rnd.between(2, 15) * kMinute,
                    rnd.between(first.courseMin, first.courseMax) - 1, false};
    DemoTime previousEnd = c.registeredAt;
    for (int guard = 0; guard < 500; ++guard) {
        const int a = book(index, request, previousEnd);
        if (a < 0)
            return;
        const DemoAppointmentRecord& booked = m_model.appointments[std::size_t(a)];
        if (booked.start >= m_model.now && booked.status != AppointmentStatus::Cancelled)
            return; // one booking ahead is enough
        previousEnd = booked.status == AppointmentStatus::Completed   ? booked.completedAt
                      : booked.status == AppointmentStatus::Cancelled ? booked.cancelledAt
                                                                      : booked.end;
        auto following = next(index, a, request);
        if (!following)
            return;
        request = *following;
    }
}

qint64 DemoHistory::seasonalDay(qint64 day)
{
    // Quiet times: a visit wished for in August tends to wait until after the summer
    // holidays, one around Christmas until January; other months are put off by a week or two
    // now and then.
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (m_visits.chance(m_calendar.seasonPerMille(day)))
            break;
        const QDate date = QDate::fromJulianDay(day);
        if (date.month() == 8)
            day = QDate(date.year(), 9, 1).toJulianDay() + m_visits.between(0, 20);
        else if (date.month() == 12 && date.day() >= 20)
            day = QDate(date.year() + 1, 1, 5).toJulianDay() + m_visits.between(0, 14);
        else if (date.month() == 1 && date.day() < 5)
            day = QDate(date.year(), 1, 5).toJulianDay() + m_visits.between(0, 14);
        else
            day += m_visits.between(5, 20);
    }
    return day;
}

qint64 DemoHistory::holidayBreak(qint64 day)
{
    // A course pauses when the client is away: summer holidays, Christmas.
    const QDate date = QDate::fromJulianDay(day);
    const bool away = date.month() == 8 || (date.month() == 12 && date.day() >= 20);
    return away && m_visits.chance(600) ? day + m_visits.between(7, 14) : day;
}

DemoTime DemoHistory::bookingTime(qint64 day, DemoTime earliest, DemoUser& by)
{
    DemoRandom& rnd = m_visits;
    DemoTime time = 0;
    if (!m_calendar.isOpen(day) || rnd.chance(250)) {
        by = DemoUser::Nobody; // booked online
        time = at(day, rnd.between(7, 22), rnd.between(0, 59), rnd.between(0, 59));
    } else {
        by = DemoUser::Reception;
        time = at(day, rnd.between(8, 17), rnd.between(0, 59), rnd.between(0, 59));
    }
    if (time < earliest)
        time = earliest + rnd.between(5, 90) * kMinute;
    return time;
}

int DemoHistory::priceOn(int service, qint64 day) const
{
    // Prices rose by about 3 % a year.
    const qint64 yearsBefore = std::max<qint64>(0, (m_model.today - day) / 365);
    const qint64 base = Catalog::services()[std::size_t(service)].priceCents;
    const qint64 price = base * std::max<qint64>(500, 1000 - 30 * yearsBefore) / 1000;
    return int((price + 25) / 50 * 50);
}

bool DemoHistory::hasActiveBooking(int client) const
{
    return m_active[std::size_t(client)] != 0;
}

int DemoHistory::book(int client, const Request& request, DemoTime previousEnd)
{
    DemoRandom& rnd = m_visits;
    const DemoClientRecord& c = m_model.clients[std::size_t(client)];
    const auto& service = Catalog::services()[std::size_t(request.service)];
    const qint64 horizon = m_model.today + kHorizonDays;

    qint64 day = request.seasonal ? seasonalDay(request.day) : holidayBreak(request.day);
    day = m_calendar.openOnOrAfter(std::max(day, dayOf(previousEnd) + 1));
    if (day >= horizon)
        return -1;

    DemoUser by = DemoUser::Reception;
    DemoTime bookedAt = request.bookedAt;
    if (bookedAt == 0) {
        const qint64 lead = rnd.chance(300) ? rnd.between(1, 4) : rnd.between(5, 28);
        bookedAt = bookingTime(day - lead, std::max(previousEnd, c.registeredAt) + kHour, by);
    }
    if (bookedAt >= m_model.now)
        return -1; // the client has not booked yet

    int preferred = c.practitioner;
    if (!m_schedule->offers(preferred, request.service)) {
        // Another discipline: the client sees the same colleague of it each time.
        std::vector<int> offering;
        for (int p = 0; p < m_schedule->practitionerCount(); ++p)
            if (m_schedule->offers(p, request.service) &&
                m_model.practitionerStart[std::size_t(p)] <= day)
                offering.push_back(p);
        if (!offering.empty())
            preferred = offering[std::size_t(client * 7 + request.service) % offering.size()];
    }
    const int units = service.minutes / DemoCalendar::kUnitMinutes;
    // A new client waits up to four months for a first appointment in a busy season; a
    // returning one looks six weeks ahead.
    const bool first = m_byClient[std::size_t(client)].empty();
    auto slot =
        m_schedule->book(preferred, request.service, units, day, c.preferredUnit, first ? 120 : 45);
    if (!slot)
        return -1;
    if (slot->day >= horizon) {
        m_schedule->release(*slot);
        return -1;
    }

    DemoAppointmentRecord a;
    a.client = client;
    a.practitioner = slot->practitioner;
    a.service = request.service;
    a.start = m_calendar.unitStart(slot->day, slot->unit);
    a.end = a.start + service.minutes * kMinute;
    a.createdAt = std::max(std::min(bookedAt, a.start - 30 * kMinute), c.registeredAt);
    a.createdBy = by;
    a.priceCents = priceOn(request.service, slot->day);

    const bool winter = isWinter(slot->day);
    if (a.start >= m_model.now) {
        a.status = AppointmentStatus::Booked;
        if (m_model.now - a.createdAt > kDay && rnd.chance(40)) {
            a.status = AppointmentStatus::Cancelled;
            a.cancelledAt = rnd.between(a.createdAt + kHour, m_model.now - kHour);
            a.cancellationReason = std::int16_t(rnd.index(DemoText::cancellationReasons().size()));
            m_schedule->release(*slot);
        } else {
            m_active[std::size_t(client)] = 1;
        }
    } else if (rnd.chance(70 + (winter ? 30 : 0))) {
        a.status = AppointmentStatus::Cancelled;
        a.cancelledAt = a.start - rnd.between(2 * kHour, 7 * kDay);
        if (a.cancelledAt <= a.createdAt)
            a.cancelledAt = a.createdAt + (a.start - a.createdAt) / 2;
        a.cancellationReason = std::int16_t(rnd.index(DemoText::cancellationReasons().size()));
        m_schedule->release(*slot);
    } else if (rnd.chance(c.noShowPerMille + (m_firstVisitEnd[std::size_t(client)] == 0 ? 40 : 0) +
                          (winter ? 15 : 0))) {
        a.status = AppointmentStatus::NoShow;
    } else {
        a.status = AppointmentStatus::Completed;
        a.checkedInAt = a.start - rnd.between(0, 15) * kMinute;
        a.completedAt = a.end + rnd.between(-5, 10) * kMinute;
        const auto weights = Catalog::testWeights(request.service);
        if (rnd.chance(Catalog::testPerMille(request.service))) {
            a.test = std::int8_t(rnd.weighted(weights));
            a.abnormal = rnd.chance(Catalog::tests()[std::size_t(a.test)].abnormalPerMille);
        }
        if (m_firstVisitEnd[std::size_t(client)] == 0)
            m_firstVisitEnd[std::size_t(client)] = a.completedAt;
    }
    m_model.appointments.push_back(a);
    const int index = int(m_model.appointments.size()) - 1;
    m_byClient[std::size_t(client)].push_back(index);
    return index;
}

std::optional<DemoHistory::Request> DemoHistory::next(int client, int appointment,
                                                      const Request& done)
{
    DemoRandom& rnd = m_visits;
    const DemoClientRecord& c = m_model.clients[std::size_t(client)];
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(appointment)];
    const qint64 day = dayOf(a.start);
    int extraDropout = 0;

    if (a.status == AppointmentStatus::Cancelled) {
        if (rnd.chance(800))
            return Request{done.service, dayOf(a.cancelledAt) + rnd.between(2, 21),
                           a.cancelledAt + rnd.between(2, 6) * kMinute, done.sessionsLeft, false};
        extraDropout = 200;
    } else if (a.status == AppointmentStatus::NoShow) {
        if (rnd.chance(600)) {
            // Reception calls the next morning and books again.
            const qint64 callDay = m_calendar.openOnOrAfter(day + 1);
            return Request{done.service, day + rnd.between(3, 21),
                           at(callDay, rnd.between(9, 11), rnd.between(0, 59)), done.sessionsLeft,
                           false};
        }
        extraDropout = 250;
    } else if (a.status == AppointmentStatus::Completed) {
        const auto& service = Catalog::services()[std::size_t(done.service)];
        if (done.sessionsLeft > 0) {
            const DemoTime bookedAt =
                rnd.chance(850) ? a.completedAt + rnd.between(3, 8) * kMinute : 0;
            return Request{done.service, day + service.courseIntervalDays + rnd.between(-1, 2),
                           bookedAt, done.sessionsLeft - 1, false};
        }
        // What a visit leads to, before the episode is over.
        auto startCourse = [&](int next, qint64 from, bool atDesk) {
            const auto& s = Catalog::services()[std::size_t(next)];
            return Request{next, from, atDesk ? a.completedAt + rnd.between(3, 8) * kMinute : 0,
                           rnd.between(s.courseMin, s.courseMax) - 1, true};
        };
        if (a.abnormal && rnd.chance(850))
            return startCourse(Catalog::kFollowUpConsultation, day + rnd.between(6, 16), false);
        switch (done.service) {
        case Catalog::kInitialConsultation: {
            static constexpr int kFollowOn[] = {
                30, 25, 10, 8, 27}; // follow-up, blood, ultrasound, physio, nothing
            static constexpr int kServices[] = {Catalog::kFollowUpConsultation, Catalog::kBloodTest,
                                                Catalog::kUltrasound,
                                                Catalog::kPhysiotherapySession, -1};
            const int next = kServices[rnd.weighted(kFollowOn)];
            if (next >= 0)
                return startCourse(next, day + rnd.between(5, 21), rnd.chance(500));
            break;
        }
        case Catalog::kSportsInjuryAssessment:
            if (rnd.chance(850))
                return startCourse(Catalog::kPhysiotherapySession, day + rnd.between(3, 10),
                                   rnd.chance(800));
            break;
        case Catalog::kBloodTest:
            if (rnd.chance(200))
                return startCourse(Catalog::kFollowUpConsultation, day + rnd.between(7, 21), false);
            break;
        default:
            break;
        }
    }

    // The episode is over: the client lapses, or comes back some time later.
    static constexpr int kDropout[] = {750, 320, 130}; // one-off, occasional, regular
    if (rnd.chance(kDropout[int(c.loyalty)] + extraDropout)) {
        if (!rnd.chance(120))
            return std::nullopt;
        return Request{rnd.chance(600) ? Catalog::kInitialConsultation
                                       : Catalog::kFollowUpConsultation,
                       day + rnd.between(400, 1100), 0, 0, true};
    }
    static constexpr int kReturnServices[Catalog::kServiceCount] = {8, 22, 38, 12, 5, 0, 9, 6, 0};
    const int service = int(rnd.weighted(kReturnServices));
    const auto& s = Catalog::services()[std::size_t(service)];
    qint64 gap = 0;
    if (c.loyalty == DemoLoyalty::Regular) {
        // Regulars come back for their yearly check, or a few months after anything else.
        gap =
            service == Catalog::kAnnualHealthCheck ? rnd.between(330, 400) : rnd.between(100, 300);
    } else {
        gap = rnd.between(180, 900);
    }
    const DemoTime bookedAt =
        gap <= 120 && a.status == AppointmentStatus::Completed && rnd.chance(250)
            ? a.completedAt + rnd.between(3, 8) * kMinute
            : 0;
    return Request{service, day + gap, bookedAt, rnd.between(s.courseMin, s.courseMax) - 1, true};
}

void DemoHistory::addVaccinations(int index)
{
    DemoRandom& rnd = m_visits;
    const DemoClientRecord& c = m_model.clients[std::size_t(index)];
    if (!c.vaccinates || m_firstVisitEnd[std::size_t(index)] == 0)
        return;
    const int firstYear = QDate::fromJulianDay(m_model.firstDay).year();
    const int lastYear = QDate::fromJulianDay(m_model.today).year();
    for (int year = firstYear; year <= lastYear; ++year) {
        const qint64 autumn = QDate(year, 10, 1).toJulianDay();
        // Only while the client is coming anyway: a visit in the year before.
        bool recent = false;
        for (int a : m_byClient[std::size_t(index)]) {
            const auto& visit = m_model.appointments[std::size_t(a)];
            const qint64 d = dayOf(visit.start);
            if (visit.status == AppointmentStatus::Completed && d <= autumn + 30 &&
                d >= autumn - 400)
                recent = true;
        }
        if (!recent || !rnd.chance(700))
            continue;
        qint64 day = autumn + (rnd.chance(800) ? rnd.between(0, 30) : rnd.between(31, 60));
        if (day >= m_model.today && hasActiveBooking(index))
            continue;
        // Never two visits of one client on one day.
        for (bool clash = true; clash;) {
            clash = false;
            for (int a : m_byClient[std::size_t(index)])
                if (dayOf(m_model.appointments[std::size_t(a)].start) == day)
                    clash = true;
            day += clash ? 1 : 0;
        }
        Request request{Catalog::kFluVaccination, day, 0, 0, false};
        book(index, request, m_firstVisitEnd[std::size_t(index)]);
    }
}

void DemoHistory::fillComingDays()
{
    // Today's and tomorrow's calendars are (nearly) full: clients seen in the last year
    // who have nothing booked yet fill the gaps.
    DemoRandom& rnd = m_visits;
    std::vector<int> candidates;
    std::vector<DemoTime> lastVisit(std::size_t(m_clientCount), 0);
    for (int i = 0; i < m_clientCount; ++i) {
        for (int a : m_byClient[std::size_t(i)]) {
            const auto& visit = m_model.appointments[std::size_t(a)];
            if (visit.status == AppointmentStatus::Completed)
                lastVisit[std::size_t(i)] = std::max(lastVisit[std::size_t(i)], visit.completedAt);
        }
        if (lastVisit[std::size_t(i)] != 0 && !hasActiveBooking(i) &&
            m_model.now - lastVisit[std::size_t(i)] < 365 * kDay)
            candidates.push_back(i);
    }
    static constexpr int kDoctorServices[] = {Catalog::kFollowUpConsultation, Catalog::kBloodTest,
                                              Catalog::kAnnualHealthCheck,
                                              Catalog::kInitialConsultation};
    qint64 day = m_calendar.openOnOrAfter(m_model.today);
    for (int n = 0; n < 2; ++n, day = m_calendar.openOnOrAfter(day + 1)) {
        for (int p = 0; p < m_schedule->practitionerCount(); ++p) {
            for (int unit = 0; unit < DemoCalendar::kUnitsPerDay && !candidates.empty(); ++unit) {
                std::vector<int> fitting;
                for (int s = 0; s < Catalog::kServiceCount; ++s) {
                    const auto& service = Catalog::services()[std::size_t(s)];
                    if (s == Catalog::kFluVaccination || !m_schedule->works(p, s, day))
                        continue;
                    const int units = service.minutes / DemoCalendar::kUnitMinutes;
                    if (m_schedule->isFree(p, day, unit, units))
                        fitting.push_back(s);
                }
                if (fitting.empty() || !rnd.chance(900))
                    continue;
                int service = fitting[rnd.index(fitting.size())];
                for (int s : kDoctorServices)
                    if (std::find(fitting.begin(), fitting.end(), s) != fitting.end() &&
                        rnd.chance(400)) {
                        service = s;
                        break;
                    }
                const std::size_t pick = rnd.index(candidates.size());
                const int client = candidates[pick];
                candidates[pick] = candidates.back();
                candidates.pop_back();

                const auto& s = Catalog::services()[std::size_t(service)];
                DemoSlot slot{p, day, unit, s.minutes / DemoCalendar::kUnitMinutes};
                m_schedule->take(slot);
                DemoAppointmentRecord a;
                a.client = client;
                a.practitioner = p;
                a.service = service;
                a.start = m_calendar.unitStart(day, unit);
                a.end = a.start + s.minutes * kMinute;
                DemoUser by = DemoUser::Reception;
                a.createdAt = bookingTime(m_model.today - rnd.between(1, 12),
                                          lastVisit[std::size_t(client)] + kHour, by);
                a.createdAt = std::min(a.createdAt, m_model.now - rnd.between(10, 600) * kMinute);
                a.createdBy = by;
                a.priceCents = priceOn(service, day);
                a.status = AppointmentStatus::Booked;
                m_model.appointments.push_back(a);
                m_byClient[std::size_t(client)].push_back(int(m_model.appointments.size()) - 1);
                m_active[std::size_t(client)] = 1;
                unit += slot.units - 1;
            }
        }
    }
}

void DemoHistory::finish()
{
    // Appointments per client by start, so that the after-care pass walks each journey in
    // order; database ids follow the order in which the bookings were made.
    std::vector<DemoAppointmentRecord> ordered;
    ordered.reserve(m_model.appointments.size());
    for (int i = 0; i < m_clientCount; ++i) {
        auto& list = m_byClient[std::size_t(i)];
        std::stable_sort(list.begin(), list.end(), [&](int x, int y) {
            const auto& a = m_model.appointments[std::size_t(x)];
            const auto& b = m_model.appointments[std::size_t(y)];
            return a.start != b.start ? a.start < b.start : a.createdAt < b.createdAt;
        });
        DemoClientRecord& c = m_model.clients[std::size_t(i)];
        c.firstAppointment = list.empty() ? -1 : int(ordered.size());
        c.appointmentCount = int(list.size());
        int completed = 0;
        bool active = false;
        DemoTime last = 0;
        for (int a : list) {
            const auto& visit = m_model.appointments[std::size_t(a)];
            completed += visit.status == AppointmentStatus::Completed;
            active = active || isActiveBooking(visit.status);
            if (visit.status == AppointmentStatus::Completed)
                last = visit.completedAt;
            ordered.push_back(visit);
        }
        if (active)
            c.stage = completed > 0 ? JourneyStage::During : JourneyStage::Decision;
        else if (completed > 0)
            c.stage = JourneyStage::After;
        else if (list.empty() && m_model.now - c.registeredAt < 45 * kDay)
            c.stage = JourneyStage::Awareness;
        else
            c.stage = JourneyStage::Consideration;
        // Long-lapsed clients are sometimes archived (moved away).
        c.archived =
            completed > 0 && !active && m_model.now - last > 3 * 365 * kDay && m_visits.chance(150);
    }
    m_model.appointments = std::move(ordered);

    auto& order = m_model.appointmentOrder;
    order.resize(m_model.appointments.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qint32(i);
    std::sort(order.begin(), order.end(), [&](qint32 x, qint32 y) {
        const auto& a = m_model.appointments[std::size_t(x)];
        const auto& b = m_model.appointments[std::size_t(y)];
        if (a.createdAt != b.createdAt)
            return a.createdAt < b.createdAt;
        return x < y;
    });
    for (std::size_t rank = 0; rank < order.size(); ++rank)
        m_model.appointments[std::size_t(order[rank])].id = qint64(rank) + 1;
    m_byClient.clear();
}

} // namespace aftercare
