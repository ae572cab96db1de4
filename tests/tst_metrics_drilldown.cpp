// backends: sqlite postgresql
#include "database/database.h"
#include "metrics/metricdrilldown.h"
#include "metrics/metricsengine.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const Period kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};
const QDateTime kNow = at("2026-03-20 12:00:00");

Actor actorFor(Role role)
{
    Actor actor;
    actor.role = role;
    return actor;
}

} // namespace

class TestMetricsDrilldown : public QObject
{
    Q_OBJECT

private slots:
    void onlyManagersAndAdministrators_data();
    void onlyManagersAndAdministrators();
    void rowsMatchTheFigures_data();
    void rowsMatchTheFigures();
    void rowsShowWhoWhenAndScore();
    void filterNarrowsTheRows();
    void pagesFollowTheOrder();
};

void TestMetricsDrilldown::onlyManagersAndAdministrators_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("reception") << Role::Reception << false;
    QTest::newRow("clinician") << Role::Clinician << false;
    QTest::newRow("manager") << Role::Manager << true;
    QTest::newRow("admin") << Role::Admin << true;
}

void TestMetricsDrilldown::onlyManagersAndAdministrators()
{
    QFETCH(Role, role);
    QFETCH(bool, allowed);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));

    const MetricDrilldown drilldown(db, actorFor(role));
    const auto query = DrilldownQuery::of(DrilldownSubject::CsatResponses, kMarch);
    auto count = drilldown.count(query);
    auto rows = drilldown.rows(query, 0, 50);
    QCOMPARE(count.has_value(), allowed);
    QCOMPARE(rows.has_value(), allowed);
    if (allowed) {
        QCOMPARE(*count, qint64(2));
        QCOMPARE(rows->size(), std::size_t(2));
    } else {
        QCOMPARE(count.error().kind, ErrorKind::Permission);
        QCOMPARE(rows.error().kind, ErrorKind::Permission);
    }
}

void TestMetricsDrilldown::rowsMatchTheFigures_data()
{
    QTest::addColumn<DrilldownSubject>("subject");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("csat") << DrilldownSubject::CsatResponses << qint64(2);
    QTest::newRow("nps") << DrilldownSubject::NpsResponses << qint64(2);
    QTest::newRow("visits") << DrilldownSubject::Visits << qint64(3);
    QTest::newRow("rebooked") << DrilldownSubject::RebookedVisits << qint64(1);
    QTest::newRow("no-shows") << DrilldownSubject::NoShows << qint64(1);
    QTest::newRow("new clients") << DrilldownSubject::NewClients << qint64(2);
    QTest::newRow("lapsed") << DrilldownSubject::LapsedClients << qint64(1);
    QTest::newRow("sla") << DrilldownSubject::SlaTasks << qint64(2);
}

// Each list holds exactly the n its figure was computed from.
void TestMetricsDrilldown::rowsMatchTheFigures()
{
    QFETCH(DrilldownSubject, subject);
    QFETCH(qint64, expected);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));

    auto metrics = MetricsEngine(db).compute(kMarch, {}, kNow);
    QVERIFY(metrics);
    const std::map<DrilldownSubject, qint64> figures{
        {DrilldownSubject::CsatResponses, metrics->csat.responses},
        {DrilldownSubject::NpsResponses, metrics->nps.responses},
        {DrilldownSubject::Visits, metrics->rebooking.visits},
        {DrilldownSubject::RebookedVisits, metrics->rebooking.rebooked},
        {DrilldownSubject::NoShows, metrics->noShow.noShows},
        {DrilldownSubject::NewClients, metrics->retention.newClients},
        {DrilldownSubject::LapsedClients,
         metrics->retention.activeStart - metrics->retention.retained},
        {DrilldownSubject::SlaTasks, metrics->sla.total.due},
    };
    QCOMPARE(figures.at(subject), expected);

    auto query = DrilldownQuery::of(subject, kMarch);
    query.now = kNow;
    const MetricDrilldown drilldown(db, actorFor(Role::Manager));
    auto count = drilldown.count(query);
    QVERIFY(count);
    QCOMPARE(*count, expected);
    auto rows = drilldown.rows(query, 0, 100);
    QVERIFY(rows);
    QCOMPARE(qint64(rows->size()), expected);
}

void TestMetricsDrilldown::rowsShowWhoWhenAndScore()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));
    const MetricDrilldown drilldown(db, actorFor(Role::Manager));

    auto nps = drilldown.rows(DrilldownQuery::of(DrilldownSubject::NpsResponses, kMarch), 0, 10);
    QVERIFY(nps);
    QCOMPARE(nps->size(), std::size_t(2));
    QCOMPARE(nps->at(0).client, ClientId(march.ben));
    QCOMPARE(nps->at(0).clientName, QStringLiteral("K2, Test"));
    QCOMPARE(nps->at(0).when, at("2026-03-07 08:00:00"));
    QCOMPARE(nps->at(0).score, std::optional(3));
    QCOMPARE(nps->at(0).category, QStringLiteral("detractor"));
    QCOMPARE(nps->at(0).practitioner, QStringLiteral("Dr Adams"));
    QCOMPARE(nps->at(0).service, QStringLiteral("Consultation"));
    QCOMPARE(nps->at(1).score, std::optional(10));
    QCOMPARE(nps->at(1).category, QStringLiteral("promoter"));
    QCOMPARE(nps->at(1).practitioner, QString()); // not linked to a visit

    auto promoters = DrilldownQuery::of(DrilldownSubject::NpsResponses, kMarch);
    promoters.npsBand = NpsBand::Promoter;
    auto onlyPromoters = drilldown.rows(promoters, 0, 10);
    QVERIFY(onlyPromoters);
    QCOMPARE(onlyPromoters->size(), std::size_t(1));
    QCOMPARE(onlyPromoters->at(0).client, ClientId(march.ann));

    auto lapsed =
        drilldown.rows(DrilldownQuery::of(DrilldownSubject::LapsedClients, kMarch), 0, 10);
    QVERIFY(lapsed);
    QCOMPARE(lapsed->size(), std::size_t(1));
    QCOMPARE(lapsed->at(0).client, ClientId(march.dora));
    QCOMPARE(lapsed->at(0).when, at("2025-03-15 10:00:00"));
    QCOMPARE(lapsed->at(0).practitioner, QStringLiteral("Dr Brown"));

    auto sla = DrilldownQuery::of(DrilldownSubject::SlaTasks, kMarch);
    sla.now = kNow;
    auto tasks = drilldown.rows(sla, 0, 10);
    QVERIFY(tasks);
    QCOMPARE(tasks->size(), std::size_t(2));
    QCOMPARE(tasks->at(0).category, QStringLiteral("detractor_callback"));
    QCOMPARE(tasks->at(0).met, std::optional(true));
    QCOMPARE(tasks->at(1).category, QStringLiteral("checkin_call"));
    QCOMPARE(tasks->at(1).met, std::optional(false));

    auto google = DrilldownQuery::of(DrilldownSubject::NewClients, kMarch);
    google.referralSource = QStringLiteral("google");
    auto fromGoogle = drilldown.rows(google, 0, 10);
    QVERIFY(fromGoogle);
    QCOMPARE(fromGoogle->size(), std::size_t(2)); // "Google" and "google " alike
}

void TestMetricsDrilldown::filterNarrowsTheRows()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));
    const MetricDrilldown drilldown(db, actorFor(Role::Admin));

    auto query = DrilldownQuery::of(DrilldownSubject::Visits, kMarch);
    query.filter.practitioner = PractitionerId(march.brown);
    auto brown = drilldown.rows(query, 0, 10);
    QVERIFY(brown);
    QCOMPARE(brown->size(), std::size_t(1));
    QCOMPARE(brown->at(0).client, ClientId(march.ann));
    QCOMPARE(brown->at(0).when, at("2026-03-20 09:00:00"));

    auto csat = DrilldownQuery::of(DrilldownSubject::CsatResponses, kMarch);
    csat.filter.referralSource = QStringLiteral(" GOOGLE");
    auto count = drilldown.count(csat);
    QVERIFY(count);
    QCOMPARE(*count, qint64(2));
    csat.filter.referralSource = QStringLiteral("friend");
    count = drilldown.count(csat);
    QVERIFY(count);
    QCOMPARE(*count, qint64(0));
}

void TestMetricsDrilldown::pagesFollowTheOrder()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));
    const MetricDrilldown drilldown(db, actorFor(Role::Manager));
    const auto visits = DrilldownQuery::of(DrilldownSubject::Visits, kMarch);
    QList<QDateTime> seen;
    for (int offset = 0; offset < 4; ++offset) {
        auto page = drilldown.rows(visits, offset, 1);
        QVERIFY(page);
        if (offset < 3)
            QCOMPARE(page->size(), std::size_t(1));
        else
            QVERIFY(page->empty());
        for (const DrilldownRow& row : *page)
            seen << row.when;
    }
    QCOMPARE(seen, (QList<QDateTime>{at("2026-03-03 09:00:00"), at("2026-03-05 10:00:00"),
                                     at("2026-03-20 09:00:00")}));
}

QTEST_GUILESS_MAIN(TestMetricsDrilldown)
#include "tst_metrics_drilldown.moc"
