// backends: sqlite postgresql
#include "database/database.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

class TestRepoPractice : public QObject
{
    Q_OBJECT

private slots:
    void serviceTypePolicyRoundTrips();
    void serviceTypeRules_data();
    void serviceTypeRules();
    void staleServiceTypeIsRefused();
    void practitioners();
    void onlyAdministratorsChangeThePractice();
    void settings();
    void settingsAreValidated_data();
    void settingsAreValidated();
};

void TestRepoPractice::serviceTypePolicyRoundTrips()
{
    AFTERCARE_PRACTICE(db, p);
    ServiceTypeRepository repo(db);
    ServiceType s;
    s.name = QStringLiteral("Annual check-up");
    s.durationMinutes = 50;
    s.priceCents = 12345;
    s.checkinAfterDays = 0;
    s.surveyAfterDays = 2;
    s.rebookAfterWeeks = 52;
    s.stepQualityFollowUp = false;
    s.stepFeedbackRequest = true;
    s.stepThankYou = false;
    s.stepCommunityInvite = true;
    s.stepNewsletterInvite = true;
    s.preparation = QStringLiteral("Come fasting.\nBring your vaccination card.");
    auto id = repo.createServiceType(s, p.admin);
    QVERIFY2(id, why(id));

    auto stored = repo.serviceType(*id).value();
    QCOMPARE(stored.name, s.name);
    QCOMPARE(stored.durationMinutes, 50);
    QCOMPARE(stored.priceCents, 12345);
    QCOMPARE(stored.checkinAfterDays, std::optional<int>(0)); // zero days is a policy, not "none"
    QCOMPARE(stored.surveyAfterDays, std::optional<int>(2));
    QCOMPARE(stored.rebookAfterWeeks, std::optional<int>(52));
    QCOMPARE(stored.stepQualityFollowUp, false);
    QCOMPARE(stored.stepFeedbackRequest, true);
    QCOMPARE(stored.stepThankYou, false);
    QCOMPARE(stored.stepCommunityInvite, true);
    QCOMPARE(stored.stepNewsletterInvite, true);
    QCOMPARE(stored.preparation, s.preparation);
    QCOMPARE(stored.rowVersion, 1);

    stored.checkinAfterDays.reset();
    stored.priceCents = 13000;
    stored.stepThankYou = true;
    stored.active = false;
    QVERIFY2(repo.updateServiceType(stored, p.admin), "update");
    QCOMPARE(stored.rowVersion, 2);
    auto again = repo.serviceTypeByName(QStringLiteral("Annual check-up")).value();
    QCOMPARE(again.checkinAfterDays, std::nullopt);
    QCOMPARE(again.priceCents, 13000);
    QCOMPARE(again.stepThankYou, true);
    QCOMPARE(again.active, false);

    // Inactive services leave the everyday list but stay on record.
    QCOMPARE(repo.serviceTypes()->size(), std::size_t(2));
    QCOMPARE(repo.serviceTypes(true)->size(), std::size_t(3));
    QCOMPARE(repo.serviceTypes()->front().name, QStringLiteral("Consultation")); // by name
}

void TestRepoPractice::serviceTypeRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<int>("rebookWeeks");
    QTest::addColumn<int>("expected"); // ErrorKind, or -1 for success

    QTest::newRow("fine") << "Massage" << 60 << 6 << -1;
    QTest::newRow("shortest") << "Quick" << 5 << 1 << -1;
    QTest::newRow("longest") << "Day clinic" << 720 << 1 << -1;
    QTest::newRow("no name") << " " << 30 << 6 << int(ErrorKind::Validation);
    QTest::newRow("too short") << "Blink" << 4 << 6 << int(ErrorKind::Validation);
    QTest::newRow("too long") << "Marathon" << 721 << 6 << int(ErrorKind::Validation);
    QTest::newRow("zero weeks") << "Massage" << 60 << 0 << int(ErrorKind::Validation);
    QTest::newRow("name taken") << "Consultation" << 30 << 6 << int(ErrorKind::Conflict);
}

void TestRepoPractice::serviceTypeRules()
{
    QFETCH(QString, name);
    QFETCH(int, minutes);
    QFETCH(int, rebookWeeks);
    QFETCH(int, expected);
    AFTERCARE_PRACTICE(db, p);
    ServiceTypeRepository repo(db);
    ServiceType s;
    s.name = name;
    s.durationMinutes = minutes;
    s.rebookAfterWeeks = rebookWeeks;
    auto id = repo.createServiceType(s, p.admin);
    QCOMPARE(errorKind(id), expected < 0 ? std::nullopt : std::optional(ErrorKind(expected)));
    if (expected == int(ErrorKind::Conflict))
        QVERIFY2(id.error().message.contains(name), qPrintable(id.error().message));
}

void TestRepoPractice::staleServiceTypeIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    ServiceTypeRepository repo(db);
    ServiceType mine = repo.serviceType(p.consultation).value();
    ServiceType theirs = mine;
    theirs.priceCents = 9000;
    QVERIFY(repo.updateServiceType(theirs, p.admin));
    mine.priceCents = 7000;
    QCOMPARE(errorKind(repo.updateServiceType(mine, p.admin)), std::optional(ErrorKind::Conflict));
    QCOMPARE(repo.serviceType(p.consultation)->priceCents, 9000);
}

void TestRepoPractice::practitioners()
{
    AFTERCARE_PRACTICE(db, p);
    PractitionerRepository repo(db);
    auto list = repo.practitioners();
    QVERIFY(list);
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(list->at(0).name, QStringLiteral("Dr Silva"));
    QCOMPARE(list->at(1).name, QStringLiteral("Dr Weber"));

    Practitioner weber = repo.practitionerByName(QStringLiteral("Dr Weber")).value();
    weber.user = p.clinician.user;
    weber.active = false;
    QVERIFY(repo.updatePractitioner(weber, p.admin));
    QCOMPARE(repo.practitioner(p.weber)->user, p.clinician.user);
    QCOMPARE(repo.practitioners()->size(), std::size_t(1));
    QCOMPARE(repo.practitioners(true)->size(), std::size_t(2));

    QCOMPARE(errorKind(repo.createPractitioner(
                 Practitioner{{}, QStringLiteral("Dr Silva"), {}, true, 0}, p.admin)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(repo.createPractitioner(Practitioner{{}, QStringLiteral("  "), {}, true, 0},
                                               p.admin)),
             std::optional(ErrorKind::Validation));
    Practitioner stale = repo.practitioner(p.silva).value();
    Practitioner fresh = stale;
    fresh.name = QStringLiteral("Dr Ana Silva");
    QVERIFY(repo.updatePractitioner(fresh, p.admin));
    QCOMPARE(errorKind(repo.updatePractitioner(stale, p.admin)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(repo.practitioner(PractitionerId(424242))),
             std::optional(ErrorKind::NotFound));
}

void TestRepoPractice::onlyAdministratorsChangeThePractice()
{
    AFTERCARE_PRACTICE(db, p);
    PracticeSettingsRepository settings(db);
    PractitionerRepository practitioners(db);
    ServiceTypeRepository services(db);
    for (const Actor& actor : {p.reception, p.clinician, p.manager}) {
        ServiceType s;
        s.name = QStringLiteral("Sneaky");
        QCOMPARE(errorKind(services.createServiceType(s, actor)),
                 std::optional(ErrorKind::Permission));
        ServiceType existing = services.serviceType(p.consultation).value();
        existing.priceCents = 1;
        QCOMPARE(errorKind(services.updateServiceType(existing, actor)),
                 std::optional(ErrorKind::Permission));
        QCOMPARE(errorKind(practitioners.createPractitioner(
                     Practitioner{{}, QStringLiteral("Dr X"), {}, true, 0}, actor)),
                 std::optional(ErrorKind::Permission));
        QCOMPARE(errorKind(settings.setSetting(PracticeSetting::kName, QStringLiteral("Mine now"),
                                               actor)),
                 std::optional(ErrorKind::Permission));
    }
    QCOMPARE(services.serviceType(p.consultation)->priceCents, 8000);
    QCOMPARE(services.serviceTypes(true)->size(), std::size_t(2));
    QCOMPARE(settings.setting(PracticeSetting::kName).value(), QString());
}

void TestRepoPractice::settings()
{
    AFTERCARE_PRACTICE(db, p);
    PracticeSettingsRepository repo(db);
    QCOMPARE(repo.lapseWindowDays().value(), 365);
    QCOMPARE(repo.setting(PracticeSetting::kTimezone, QStringLiteral("Europe/Berlin")).value(),
             QStringLiteral("Europe/Berlin"));

    QVERIFY(repo.setSetting(PracticeSetting::kName, QStringLiteral("Praxis am Markt — Dr. O'Neil"),
                            p.admin));
    QVERIFY(repo.setSetting(PracticeSetting::kAddress, QStringLiteral("Markt 1\n04109 Leipzig"),
                            p.admin));
    QVERIFY(repo.setSetting(PracticeSetting::kPhone, QStringLiteral("+49 341 123456"), p.admin));
    QVERIFY(
        repo.setSetting(PracticeSetting::kEmail, QStringLiteral("info@praxis.example"), p.admin));
    QVERIFY(repo.setSetting(PracticeSetting::kTimezone, QStringLiteral("Europe/Berlin"), p.admin));
    QVERIFY(repo.setSetting(PracticeSetting::kLapseWindowDays, QStringLiteral("180"), p.admin));
    QCOMPARE(repo.setting(PracticeSetting::kName).value(),
             QStringLiteral("Praxis am Markt — Dr. O'Neil"));
    QCOMPARE(repo.setting(PracticeSetting::kAddress).value(),
             QStringLiteral("Markt 1\n04109 Leipzig"));
    QCOMPARE(repo.lapseWindowDays().value(), 180);

    // Setting again replaces the value; it does not add a row.
    QVERIFY(repo.setSetting(PracticeSetting::kLapseWindowDays, QStringLiteral("730"), p.admin));
    QCOMPARE(repo.lapseWindowDays().value(), 730);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM practice_settings WHERE key = ?"),
                       {QString(PracticeSetting::kLapseWindowDays)})
                 .value()
                 .toLongLong(),
             1);
    QCOMPARE(db.scalar(QStringLiteral("SELECT row_version FROM practice_settings WHERE key = ?"),
                       {QString(PracticeSetting::kLapseWindowDays)})
                 .value()
                 .toInt(),
             2);
    // An empty value is a value (e.g. no e-mail address).
    QVERIFY(repo.setSetting(PracticeSetting::kEmail, QString(), p.admin));
    QCOMPARE(repo.setting(PracticeSetting::kEmail, QStringLiteral("fallback")).value(), QString());
}

void TestRepoPractice::settingsAreValidated_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("lapse window not a number")
        << QString(PracticeSetting::kLapseWindowDays) << "a year";
    QTest::newRow("lapse window zero") << QString(PracticeSetting::kLapseWindowDays) << "0";
    QTest::newRow("lapse window negative") << QString(PracticeSetting::kLapseWindowDays) << "-30";
    QTest::newRow("unknown zone") << QString(PracticeSetting::kTimezone) << "Mars/Olympus_Mons";
    QTest::newRow("bad e-mail") << QString(PracticeSetting::kEmail) << "info at praxis";
    QTest::newRow("bad phone") << QString(PracticeSetting::kPhone) << "call us";
    QTest::newRow("no key") << " "
                            << "x";
}

void TestRepoPractice::settingsAreValidated()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    AFTERCARE_PRACTICE(db, p);
    PracticeSettingsRepository repo(db);
    QCOMPARE(errorKind(repo.setSetting(key, value, p.admin)), std::optional(ErrorKind::Validation));
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT count(*) FROM practice_settings")).value().toLongLong(),
        0);
    QCOMPARE(repo.lapseWindowDays().value(), 365);
}

QTEST_GUILESS_MAIN(TestRepoPractice)
#include "tst_repo_practice.moc"
