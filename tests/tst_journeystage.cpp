// backends: sqlite postgresql
#include "aftercare/journeystage.h"
#include "aftercare/journeystageupdater.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

std::optional<ClientId> addClient(Database& db, const Practice& p, const QString& first,
                                  JourneyStage stage)
{
    Client c;
    c.firstName = first;
    c.lastName = QStringLiteral("Journey");
    c.preferredChannel = ContactChannel::Phone;
    c.stage = stage;
    auto id = ClientRepository(db).create(c, p.reception);
    return id ? std::optional<ClientId>(*id) : std::nullopt;
}

JourneyStage stored(Database& db, ClientId client)
{
    return ClientRepository(db).get(client)->stage;
}

} // namespace

class TestJourneyStage : public QObject
{
    Q_OBJECT

private slots:
    void derived_data();
    void derived();
    void followsTheDiary();
    void aLeadStaysAwareUntilBooking();
    void everyClientAtOnce();
};

void TestJourneyStage::derived_data()
{
    QTest::addColumn<JourneyStage>("storedStage");
    QTest::addColumn<bool>("checkedIn");
    QTest::addColumn<bool>("booked");
    QTest::addColumn<bool>("visited");
    QTest::addColumn<JourneyStage>("stage");
    const auto consideration = JourneyStage::Consideration;
    QTest::newRow("registered, nothing booked")
        << consideration << false << false << false << consideration;
    QTest::newRow("a lead") << JourneyStage::Awareness << false << false << false
                            << JourneyStage::Awareness;
    QTest::newRow("first booking")
        << consideration << false << true << false << JourneyStage::Decision;
    QTest::newRow("a lead books") << JourneyStage::Awareness << false << true << false
                                  << JourneyStage::Decision;
    QTest::newRow("checked in for the first visit")
        << JourneyStage::Decision << true << false << false << JourneyStage::During;
    QTest::newRow("visited, nothing booked")
        << JourneyStage::During << false << false << true << JourneyStage::After;
    QTest::newRow("rebooked after a visit")
        << JourneyStage::After << false << true << true << JourneyStage::During;
    QTest::newRow("first booking cancelled")
        << JourneyStage::Decision << false << false << false << consideration;
    QTest::newRow("stored 'after' without any visit")
        << JourneyStage::After << false << false << false << consideration;
}

void TestJourneyStage::derived()
{
    QFETCH(JourneyStage, storedStage);
    QFETCH(bool, checkedIn);
    QFETCH(bool, booked);
    QFETCH(bool, visited);
    QFETCH(JourneyStage, stage);
    QCOMPARE(deriveJourneyStage(JourneyFacts{storedStage, checkedIn, booked, visited}), stage);
}

void TestJourneyStage::followsTheDiary()
{
    AFTERCARE_PRACTICE(db, p);
    JourneyStageUpdater updater(db);
    AppointmentRepository diary(db);
    QCOMPARE(stored(db, p.anna), JourneyStage::Consideration);

    const auto first =
        addVisit(db, p, p.anna, p.consultation, at(2031, 3, 10, 9, 0), AppointmentStatus::Booked);
    QVERIFY(first);
    QCOMPARE(updater.refresh(p.anna).value(), JourneyStage::Decision);
    QCOMPARE(stored(db, p.anna), JourneyStage::Decision);

    Appointment visit = diary.get(*first).value();
    QVERIFY(diary.checkIn(visit, p.reception, at(2031, 3, 10, 8, 55)));
    QCOMPARE(updater.refresh(p.anna).value(), JourneyStage::During);
    QVERIFY(diary.complete(visit, p.clinician, at(2031, 3, 10, 9, 30)));
    QCOMPARE(updater.refresh(p.anna).value(), JourneyStage::After);
    QCOMPARE(stored(db, p.anna), JourneyStage::After);

    const auto again =
        addVisit(db, p, p.anna, p.consultation, at(2031, 4, 10, 9, 0), AppointmentStatus::Booked);
    QVERIFY(again);
    auto refreshed = db.write([&](TransactionGuard& tx) { return updater.refresh(tx, p.anna); });
    QVERIFY2(refreshed, why(refreshed));
    QCOMPARE(*refreshed, JourneyStage::During);
    QCOMPARE(stored(db, p.anna), JourneyStage::During);

    Appointment second = diary.get(*again).value();
    QVERIFY(diary.cancel(second, QStringLiteral("Away"), p.reception));
    QCOMPARE(updater.refresh(p.anna).value(), JourneyStage::After);
    QCOMPARE(stored(db, p.anna), JourneyStage::After);
    // Ben's stage was not touched.
    QCOMPARE(stored(db, p.ben), JourneyStage::Consideration);
    QCOMPARE(errorKind(updater.refresh(ClientId(999999))), std::optional(ErrorKind::NotFound));
}

void TestJourneyStage::aLeadStaysAwareUntilBooking()
{
    AFTERCARE_PRACTICE(db, p);
    const auto lead = addClient(db, p, QStringLiteral("Lea"), JourneyStage::Awareness);
    QVERIFY(lead);
    JourneyStageUpdater updater(db);
    QCOMPARE(updater.refresh(*lead).value(), JourneyStage::Awareness);
    const auto booking =
        addVisit(db, p, *lead, p.physio, at(2031, 5, 2, 14, 0), AppointmentStatus::Booked);
    QVERIFY(booking);
    QCOMPARE(updater.refresh(*lead).value(), JourneyStage::Decision);
    AppointmentRepository diary(db);
    Appointment a = diary.get(*booking).value();
    QVERIFY(diary.markNoShow(a, p.reception));
    // Booked once and did not come: considering again, no longer a mere lead.
    QCOMPARE(updater.refresh(*lead).value(), JourneyStage::Consideration);
}

void TestJourneyStage::everyClientAtOnce()
{
    AFTERCARE_PRACTICE(db, p);
    struct Case
    {
        const char* name;
        JourneyStage storedStage;
        std::vector<AppointmentStatus> diary;
        JourneyStage expected;
    };
    using S = AppointmentStatus;
    const Case cases[] = {
        {"Nora", JourneyStage::During, {}, JourneyStage::Consideration},
        {"Lars", JourneyStage::Awareness, {}, JourneyStage::Awareness},
        {"Dana", JourneyStage::Consideration, {S::Booked}, JourneyStage::Decision},
        {"Cem", JourneyStage::Consideration, {S::Confirmed, S::Cancelled}, JourneyStage::Decision},
        {"Ida", JourneyStage::Decision, {S::CheckedIn}, JourneyStage::During},
        {"Vera", JourneyStage::Decision, {S::Completed}, JourneyStage::After},
        {"Rui", JourneyStage::After, {S::Completed, S::Booked}, JourneyStage::During},
        {"Tom", JourneyStage::Decision, {S::Cancelled, S::NoShow}, JourneyStage::Consideration},
        {"Uma", JourneyStage::After, {S::Completed, S::NoShow}, JourneyStage::After},
    };
    std::vector<ClientId> ids;
    int shouldChange = 0;
    int hour = 8;
    for (const Case& c : cases) {
        const auto id = addClient(db, p, QLatin1String(c.name), c.storedStage);
        QVERIFY(id);
        ids.push_back(*id);
        int day = 0;
        for (AppointmentStatus status : c.diary) {
            // Different practitioners' hours keep active bookings from overlapping.
            QVERIFY(addVisit(db, p, *id, p.physio, at(2031, 6, 1 + day++, hour, 0), status));
        }
        ++hour;
        shouldChange += c.storedStage != c.expected ? 1 : 0;
    }

    JourneyStageUpdater updater(db);
    auto changed = updater.refreshAll();
    QVERIFY2(changed, why(changed));
    QCOMPARE(*changed, qint64(shouldChange));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const JourneyStage stage = stored(db, ids[i]);
        QCOMPARE(stage, std::data(cases)[i].expected);
        // The SQL and the pure rule agree.
        auto facts = updater.facts(ids[i]);
        QVERIFY2(facts, why(facts));
        QCOMPARE(deriveJourneyStage(*facts), stage);
    }
    QCOMPARE(updater.refreshAll().value(), qint64(0));
}

QTEST_GUILESS_MAIN(TestJourneyStage)
#include "tst_journeystage.moc"
