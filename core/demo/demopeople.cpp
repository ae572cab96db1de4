#include "demo/demopeople.h"

#include "demo/demotext.h"

#include <algorithm>
#include <cmath>

namespace aftercare {

namespace {

using namespace DemoClock;

// Registrations grow over the years: the last year sees 1 + kGrowth times the first.
constexpr double kGrowth = 1.5;

} // namespace

DemoPeople::DemoPeople(DemoModel& model, const DemoCalendar& calendar, std::uint64_t seed)
    : m_model(model)
    , m_calendar(calendar)
    , m_rnd(DemoRandom::stream(seed, 1))
{}

// The inverse of the registrations' cumulative share over the practice's life (0..1):
// density 1 + kGrowth * x.
double DemoPeople::growthQuantile(double share)
{
    return (-1.0 + std::sqrt(1.0 + 2.0 * kGrowth * share * (1.0 + kGrowth / 2.0))) / kGrowth;
}

void DemoPeople::run(int count)
{
    const qint64 days = m_model.today - m_model.firstDay;
    std::vector<qint64> registrationDays(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        // Stratified draws keep the growth curve smooth even for small practices.
        const double share = (double(i) + double(m_rnd.between(0, 999'999)) / 1e6) / double(count);
        qint64 day = m_model.firstDay + qint64(growthQuantile(share) * double(days));
        if (!m_rnd.chance(m_calendar.seasonPerMille(day)))
            day += m_rnd.between(5, 25);
        registrationDays[std::size_t(i)] = std::min(day, m_model.today - 1);
    }
    std::sort(registrationDays.begin(), registrationDays.end());
    m_model.clients.assign(std::size_t(count), {});
    for (int i = 0; i < count; ++i)
        makeClient(i, registrationDays[std::size_t(i)]);
    // Client numbers follow registration.
    std::stable_sort(m_model.clients.begin(), m_model.clients.end(),
                     [](const DemoClientRecord& a, const DemoClientRecord& b) {
                         return a.registeredAt < b.registeredAt;
                     });
}

void DemoPeople::makeClient(int index, qint64 day)
{
    DemoRandom& rnd = m_rnd;
    DemoClientRecord& c = m_model.clients[std::size_t(index)];

    static constexpr int kSexWeights[] = {58, 38, 1, 3};
    c.sex = allOf<Sex>()[rnd.weighted(kSexWeights)];
    int list = c.sex == Sex::Female
                   ? 0
                   : (c.sex == Sex::Male ? 1 : (rnd.chance(500) ? 2 : int(rnd.index(2))));
    const std::size_t names = list == 0 ? DemoText::femaleFirstNames().size()
                                        : (list == 1 ? DemoText::maleFirstNames().size()
                                                     : DemoText::neutralFirstNames().size());
    c.firstName = list * 1000 + int(rnd.index(names));
    c.lastName = int(rnd.index(DemoText::lastNames().size()));
    if (rnd.chance(50))
        c.secondLastName = int(rnd.index(DemoText::lastNames().size()));

    if (!rnd.chance(30)) {
        static constexpr int kAgeBands[][3] = {
            {18, 29, 18}, {30, 44, 30}, {45, 64, 33}, {65, 90, 19}};
        static constexpr int kAgeWeights[] = {18, 30, 33, 19};
        const auto& band = kAgeBands[rnd.weighted(kAgeWeights)];
        const int age = rnd.between(band[0], band[1]);
        c.birthDay = day - qint64(age) * 365 - age / 4 - rnd.between(0, 364);
    }

    c.hasEmail = rnd.chance(880);
    c.hasPhone = rnd.chance(920) || !c.hasEmail;
    c.emailStyle = std::uint8_t(rnd.between(0, 4));
    c.emailNumber = rnd.between(1, 99);
    static constexpr int kMobile[] = {151, 152, 157, 160, 170, 171, 175, 176, 177, 178, 179};
    const bool landline = rnd.chance(300);
    c.phonePrefix = std::int16_t(landline ? 761 : kMobile[rnd.index(std::size(kMobile))]);
    c.phoneNumber = landline ? rnd.between(200000, 9999999) : rnd.between(1000000, 99999999);
    if (c.hasEmail) {
        static constexpr int kWeights[] = {58, 18, 14, 10}; // email, sms, phone, letter
        c.preferredChannel = allOf<ContactChannel>()[rnd.weighted(kWeights)];
        if (!c.hasPhone && (c.preferredChannel == ContactChannel::Sms ||
                            c.preferredChannel == ContactChannel::Phone))
            c.preferredChannel = ContactChannel::Email;
    } else {
        static constexpr int kWeights[] = {0, 45, 40, 15};
        c.preferredChannel = allOf<ContactChannel>()[rnd.weighted(kWeights)];
    }
    c.street = int(rnd.index(DemoText::streets().size()));
    c.houseNumber = rnd.between(1, 140);
    c.town = int(rnd.index(DemoText::towns().size()));

    std::vector<int> weights;
    for (const auto& source : DemoText::referralSources())
        weights.push_back(source.weight);
    c.referralSource = rnd.chance(50) ? -1 : int(rnd.weighted(weights));
    c.expectation = int(rnd.index(DemoText::expectations().size()));
    const char* source = c.referralSource >= 0
                             ? DemoText::referralSources()[std::size_t(c.referralSource)].text
                             : "";
    const bool web = qstrcmp(source, "Website") == 0 || qstrcmp(source, "Google") == 0 ||
                     qstrcmp(source, "Instagram") == 0;
    c.registeredOnline = rnd.chance(web ? 700 : 100);
    if (c.registeredOnline || !m_calendar.isOpen(day)) {
        c.registeredOnline = true;
        c.registeredAt = at(day, rnd.between(7, 22), rnd.between(0, 59), rnd.between(0, 59));
    } else {
        c.registeredAt = at(day, rnd.between(8, 17), rnd.between(0, 59), rnd.between(0, 59));
    }

    static constexpr int kYesPerMille[] = {930, 880, 720, 380, 220, 460}; // in ConsentPurpose order
    for (std::size_t p = 0; p < std::size(kYesPerMille); ++p)
        if (rnd.chance(kYesPerMille[p]))
            c.consents |= std::uint8_t(1u << p);
    if (c.consented(ConsentPurpose::Marketing) && rnd.chance(60)) {
        const qint64 span = m_model.now - c.registeredAt;
        if (span > 40 * kDay)
            c.marketingWithdrawnAt = c.registeredAt + rnd.between(30 * kDay, span - kDay);
    }

    static constexpr int kLoyalty[] = {36, 42, 22};
    c.loyalty = static_cast<DemoLoyalty>(rnd.weighted(kLoyalty));
    static constexpr int kReliability[] = {820, 140, 40};
    static constexpr std::int16_t kNoShows[] = {35, 130, 330};
    c.noShowPerMille = kNoShows[rnd.weighted(kReliability)];
    static constexpr int kMoods[] = {55, 33, 12};
    c.mood = std::uint8_t(rnd.weighted(kMoods));
    const bool older = c.birthDay && (day - c.birthDay) / 365 >= 60;
    c.vaccinates = rnd.chance(older ? 450 : 120);
    static constexpr int kDayParts[][2] = {{0, 14}, {12, 24}, {22, 36}};
    static constexpr int kDayPartWeights[] = {45, 25, 30};
    const auto& part = kDayParts[rnd.weighted(kDayPartWeights)];
    c.preferredUnit = rnd.between(part[0], part[1]);
}

} // namespace aftercare
