// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/touchpoint.h"
#include "reception/onboardingservice.h"
#include "reception/welcomepackreader.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

QDateTime tomorrowAt(int hour)
{
    return QDateTime(QDate::currentDate().addDays(1), QTime(hour, 0));
}

OnboardingDraft newClient(const Practice& p)
{
    OnboardingDraft draft;
    draft.client.firstName = QStringLiteral("Lena");
    draft.client.lastName = QStringLiteral("Schröder");
    draft.client.dateOfBirth = QDate(1990, 5, 17);
    draft.client.email = Email::parse(QStringLiteral("lena@example.org"));
    draft.client.phone = PhoneNumber::parse(QStringLiteral("+49 171 5550123"));
    draft.client.preferredChannel = ContactChannel::Sms;
    draft.client.referralSource = QStringLiteral("client referral");
    draft.client.referredBy = p.anna;
    draft.client.expectations = QStringLiteral("Fewer headaches");
    Consent reminders;
    reminders.purpose = ConsentPurpose::Reminders;
    reminders.channel = ConsentChannel::Sms;
    reminders.granted = true;
    reminders.evidence = QStringLiteral("signed intake form");
    Consent marketing;
    marketing.purpose = ConsentPurpose::Marketing;
    marketing.channel = ConsentChannel::Any;
    marketing.granted = false;
    draft.consents = {reminders, marketing};
    Appointment booking;
    booking.practitioner = p.weber;
    booking.serviceType = p.consultation;
    booking.startsAt = tomorrowAt(10);
    draft.firstBooking = booking;
    return draft;
}

qint64 count(Database& db, const char* table)
{
    auto value = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    return value ? value->toLongLong() : -1;
}

} // namespace

class TestOnboarding : public QObject
{
    Q_OBJECT

private slots:
    void onboardWritesClientConsentsTouchpointsAndBooking();
    void onboardWithoutBooking();
    void failureLeavesNothingBehind_data();
    void failureLeavesNothingBehind();
    void duplicatesAreFound_data();
    void duplicatesAreFound();
    void consentHistoryIsKept();
    void welcomePackGathersPracticeServiceAndAppointment();
};

void TestOnboarding::onboardWritesClientConsentsTouchpointsAndBooking()
{
    AFTERCARE_PRACTICE(db, p);
    auto outcome = OnboardingService(db, p.reception).onboard(newClient(p));
    QVERIFY2(outcome, why(outcome));
    QVERIFY(outcome->firstBooking.isValid());

    auto client = ClientRepository(db).get(outcome->client);
    QVERIFY2(client, why(client));
    QCOMPARE(client->lastName, QStringLiteral("Schröder"));
    QCOMPARE(client->referredBy, p.anna);
    QCOMPARE(client->preferredChannel, ContactChannel::Sms);
    // A future booking and no visit yet: the client has decided.
    QCOMPARE(client->stage, JourneyStage::Decision);

    auto consents = ClientRepository(db).consents(outcome->client);
    QVERIFY2(consents, why(consents));
    QCOMPARE(consents->size(), std::size_t(2));
    for (const Consent& consent : *consents)
        QCOMPARE(consent.recordedBy, p.reception.user);
    QCOMPARE(ClientRepository(db)
                 .hasConsent(outcome->client, ConsentPurpose::Reminders, ConsentChannel::Sms)
                 .value_or(false),
             true);
    QCOMPARE(ClientRepository(db)
                 .hasConsent(outcome->client, ConsentPurpose::Marketing, ConsentChannel::Email)
                 .value_or(true),
             false);

    auto timeline = TouchpointRepository(db).timeline(outcome->client);
    QVERIFY2(timeline, why(timeline));
    QStringList kinds;
    for (const Touchpoint& touchpoint : *timeline) {
        kinds << touchpoint.kind;
        QCOMPARE(touchpoint.by, p.reception.user);
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{TouchpointKind::kBooking, TouchpointKind::kOnboarding}));

    auto appointment = AppointmentRepository(db).get(outcome->firstBooking);
    QVERIFY2(appointment, why(appointment));
    QCOMPARE(appointment->client, outcome->client);
    QCOMPARE(appointment->startsAt, tomorrowAt(10));
    QCOMPARE(appointment->endsAt, tomorrowAt(10).addSecs(30 * 60)); // the service's duration
}

void TestOnboarding::onboardWithoutBooking()
{
    AFTERCARE_PRACTICE(db, p);
    OnboardingDraft draft = newClient(p);
    draft.firstBooking.reset();
    auto outcome = OnboardingService(db, p.reception).onboard(draft);
    QVERIFY2(outcome, why(outcome));
    QVERIFY(!outcome->firstBooking.isValid());
    QCOMPARE(ClientRepository(db).get(outcome->client)->stage, JourneyStage::Consideration);
    QCOMPARE(TouchpointRepository(db).count(outcome->client).value_or(-1), qint64(1));
    QCOMPARE(count(db, "appointments"), qint64(0));
}

void TestOnboarding::failureLeavesNothingBehind_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("booking overlaps") << QStringLiteral("overlap") << ErrorKind::Overlap;
    QTest::newRow("unknown practitioner") << QStringLiteral("practitioner") << ErrorKind::NotFound;
    QTest::newRow("client id taken") << QStringLiteral("external id") << ErrorKind::Conflict;
    QTest::newRow("unknown referrer") << QStringLiteral("referrer") << ErrorKind::Validation;
}

void TestOnboarding::failureLeavesNothingBehind()
{
    QFETCH(QString, failure);
    QFETCH(ErrorKind, kind);
    AFTERCARE_PRACTICE(db, p);
    Appointment existing;
    existing.client = p.ben;
    existing.practitioner = p.weber;
    existing.serviceType = p.consultation;
    existing.startsAt = tomorrowAt(10).addSecs(15 * 60);
    QVERIFY(AppointmentRepository(db).book(existing, p.reception));

    OnboardingDraft draft = newClient(p);
    if (failure == QLatin1String("practitioner"))
        draft.firstBooking->practitioner = PractitionerId(987654);
    else if (failure == QLatin1String("external id"))
        draft.client.externalId = ClientRepository(db).get(p.ben)->externalId;
    else if (failure == QLatin1String("referrer"))
        draft.client.referredBy = ClientId(987654);
    else if (failure != QLatin1String("overlap"))
        QFAIL("unknown failure");
    if (failure != QLatin1String("overlap"))
        draft.firstBooking->startsAt = tomorrowAt(14);

    const char* tables[] = {"clients", "consents", "touchpoints", "appointments", "followup_tasks"};
    std::vector<qint64> before;
    for (const char* table : tables)
        before.push_back(count(db, table));
    auto outcome = OnboardingService(db, p.reception).onboard(draft);
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, kind);
    QVERIFY(!outcome.error().message.isEmpty());
    for (std::size_t i = 0; i < std::size(tables); ++i)
        QCOMPARE(count(db, tables[i]), before[i]);
}

void TestOnboarding::duplicatesAreFound_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QDate>("born");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("expected"); // n = name and birth, e = e-mail, p = phone; "" none

    const QDate born(1990, 5, 17);
    QTest::newRow("same name and birth") << "Lena"
                                         << "Schröder" << born << ""
                                         << ""
                                         << "n";
    QTest::newRow("name folded") << "LENA"
                                 << "schroder" << born << ""
                                 << ""
                                 << "n";
    QTest::newRow("same name, other birth") << "Lena"
                                            << "Schröder" << QDate(1991, 5, 17) << ""
                                            << ""
                                            << "";
    QTest::newRow("same name, no birth") << "Lena"
                                         << "Schröder" << QDate() << ""
                                         << ""
                                         << "";
    QTest::newRow("e-mail, other case") << "Eva"
                                        << "Other" << QDate() << "Lena@Example.org"
                                        << ""
                                        << "e";
    QTest::newRow("phone, national form") << "Eva"
                                          << "Other" << QDate() << ""
                                          << "0171 5550123"
                                          << "p";
    QTest::newRow("everything") << "Lena"
                                << "Schröder" << born << "lena@example.org"
                                << "+491715550123"
                                << "nep";
    QTest::newRow("nobody") << "Eva"
                            << "Other" << born << "eva@example.org"
                            << "0171 999999"
                            << "";
}

void TestOnboarding::duplicatesAreFound()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QDate, born);
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(QString, expected);
    AFTERCARE_PRACTICE(db, p);
    OnboardingDraft existing = newClient(p);
    existing.firstBooking.reset();
    auto lena = OnboardingService(db, p.reception).onboard(existing);
    QVERIFY2(lena, why(lena));

    Client candidate;
    candidate.firstName = first;
    candidate.lastName = last;
    candidate.dateOfBirth = born;
    candidate.email = Email::parse(email);
    candidate.phone = PhoneNumber::parse(phone);
    auto found = OnboardingService(db, p.reception).duplicates(candidate);
    QVERIFY2(found, why(found));
    if (expected.isEmpty()) {
        QCOMPARE(found->size(), std::size_t(0));
        return;
    }
    QCOMPARE(found->size(), std::size_t(1));
    const DuplicateCandidate& match = found->front();
    QCOMPARE(match.id, lena->client);
    QCOMPARE(match.name, QStringLiteral("Lena Schröder"));
    QCOMPARE(match.sameNameAndBirth, expected.contains(QLatin1Char('n')));
    QCOMPARE(match.sameEmail, expected.contains(QLatin1Char('e')));
    QCOMPARE(match.samePhone, expected.contains(QLatin1Char('p')));
}

void TestOnboarding::consentHistoryIsKept()
{
    AFTERCARE_PRACTICE(db, p);
    OnboardingDraft draft = newClient(p);
    draft.firstBooking.reset();
    auto outcome = OnboardingService(db, p.reception).onboard(draft);
    QVERIFY2(outcome, why(outcome));
    ClientRepository clients(db);
    // The client changes their mind about marketing: a new row, the old one stays.
    Consent change;
    change.client = outcome->client;
    change.purpose = ConsentPurpose::Marketing;
    change.channel = ConsentChannel::Email;
    change.granted = true;
    change.evidence = QStringLiteral("asked at the desk");
    auto added = clients.recordConsent(change, p.admin);
    QVERIFY2(added, why(added));
    auto history = clients.consents(outcome->client);
    QVERIFY2(history, why(history));
    QCOMPARE(history->size(), std::size_t(3));
    QCOMPARE(history->front().id, *added); // newest first
    QCOMPARE(history->front().recordedBy, p.admin.user);
    QCOMPARE(history->front().evidence, QStringLiteral("asked at the desk"));
    QCOMPARE(clients.hasConsent(outcome->client, ConsentPurpose::Marketing, ConsentChannel::Email)
                 .value_or(false),
             true);
    // A withdrawal is stamped on the row; the row itself is kept.
    QVERIFY(clients.withdrawConsent(*added, p.reception));
    history = clients.consents(outcome->client);
    QCOMPARE(history->size(), std::size_t(3));
    QVERIFY(!history->front().isActive());
    QCOMPARE(history->front().withdrawnBy, p.reception.user);
    QCOMPARE(clients.hasConsent(outcome->client, ConsentPurpose::Marketing, ConsentChannel::Email)
                 .value_or(true),
             false);
}

void TestOnboarding::welcomePackGathersPracticeServiceAndAppointment()
{
    AFTERCARE_PRACTICE(db, p);
    PracticeSettingsRepository settings(db);
    ServiceTypeRepository services(db);
    ServiceType consultation = services.serviceType(p.consultation).value();
    consultation.preparation = QStringLiteral("Bring your insurance card.");
    QVERIFY(services.updateServiceType(consultation, p.admin));
    QVERIFY(settings.setSetting(PracticeSetting::kName, QStringLiteral("Praxis Süd"), p.admin));
    QVERIFY(settings.setSetting(PracticeSetting::kAddress, QStringLiteral("Hauptstraße 1, Köln"),
                                p.admin));
    QVERIFY(settings.setSetting(PracticeSetting::kPhone, QStringLiteral("+49 221 123"), p.admin));
    QVERIFY(
        settings.setSetting(PracticeSetting::kEmail, QStringLiteral("info@sued.example"), p.admin));
    auto outcome = OnboardingService(db, p.reception).onboard(newClient(p));
    QVERIFY2(outcome, why(outcome));

    auto pack = WelcomePackReader(db).forAppointment(outcome->firstBooking);
    QVERIFY2(pack, why(pack));
    QCOMPARE(pack->client, outcome->client);
    QCOMPARE(pack->appointment, outcome->firstBooking);
    QCOMPARE(pack->clientName, QStringLiteral("Lena Schröder"));
    QCOMPARE(pack->practiceName, QStringLiteral("Praxis Süd"));
    QCOMPARE(pack->practiceAddress, QStringLiteral("Hauptstraße 1, Köln"));
    QCOMPARE(pack->practicePhone, QStringLiteral("+49 221 123"));
    QCOMPARE(pack->practiceEmail, QStringLiteral("info@sued.example"));
    QCOMPARE(pack->startsAt, tomorrowAt(10));
    QCOMPARE(pack->durationMinutes, 30);
    QCOMPARE(pack->practitionerName, QStringLiteral("Dr Weber"));
    QCOMPARE(pack->serviceName, QStringLiteral("Consultation"));
    QCOMPARE(pack->preparation, QStringLiteral("Bring your insurance card."));
    QVERIFY(!pack->cancellationPolicy.isEmpty()); // the general rule: the practice set none

    QVERIFY(settings.setSetting(PracticeSetting::kCancellationPolicy,
                                QStringLiteral("Call 48 hours ahead."), p.admin));
    QCOMPARE(WelcomePackReader(db).forAppointment(outcome->firstBooking)->cancellationPolicy,
             QStringLiteral("Call 48 hours ahead."));
    QCOMPARE(errorKind(WelcomePackReader(db).forAppointment(AppointmentId(424242))),
             std::optional(ErrorKind::NotFound));
}

QTEST_GUILESS_MAIN(TestOnboarding)
#include "tst_onboarding.moc"
