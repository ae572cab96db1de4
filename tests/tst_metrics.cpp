// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "metrics/metricsengine.h"
#include "repositories/practicesettingsrepository.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

bool near(std::optional<double> actual, std::optional<double> expected, double tolerance = 1e-4)
{
    if (actual.has_value() != expected.has_value())
        return false;
    return !actual || std::abs(*actual - *expected) <= tolerance;
}

QString show(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', 17) : QStringLiteral("null");
}

#define COMPARE_FIGURE(actual, expected)                                                           \
    QVERIFY2(near(actual, expected),                                                               \
             qPrintable(                                                                           \
                 QStringLiteral(#actual " = %1, expected %2").arg(show(actual), show(expected))))

const std::optional<double> kNull = std::nullopt;
const Period kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};
const QDateTime kNow = at("2026-03-20 12:00:00");

PeriodMetrics computeOrFail(Database& db, const Period& period, const MetricFilter& filter,
                            bool* ok)
{
    auto result = MetricsEngine(db).compute(period, filter, kNow);
    *ok = result.has_value();
    if (!result) {
        qWarning("%s", qPrintable(result.error().describe()));
        return {};
    }
    return *result;
}

// const PeriodMetrics name = the metrics of period under filter, or a failed test.
#define COMPUTE(name, db, period, filter)                                                          \
    bool name##Ok = false;                                                                         \
    const PeriodMetrics name = computeOrFail(db, period, filter, &name##Ok);                       \
    QVERIFY(name##Ok)

} // namespace

Q_DECLARE_METATYPE(std::optional<double>)

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void emptyPeriodIsNull_data();
    void emptyPeriodIsNull();
    void csat_data();
    void csat();
    void nps_data();
    void nps();
    void retention();
    void activeExactlyWindowDaysBefore_data();
    void activeExactlyWindowDaysBefore();
    void noShowRate();
    void rebooking_data();
    void rebooking();
    void referral_data();
    void referral();
    void lifetimeValue_data();
    void lifetimeValue();
    void slaAdherence();
    void postServiceDelta();
    void cohorts_data();
    void cohorts();
    void practitionerFilter();
    void referralSourceFilter();
    void monthlySeriesMatchesEachMonth();
    void badLapseWindowIsAnError();
    void lapseWindowIsThePracticeSetting();
};

void TestMetrics::emptyPeriodIsNull_data()
{
    QTest::addColumn<bool>("dataAround");
    QTest::newRow("empty database") << false;
    QTest::newRow("data only outside the period") << true;
}

void TestMetrics::emptyPeriodIsNull()
{
    QFETCH(bool, dataAround);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    if (dataAround) {
        const qint64 k = practice.client(QStringLiteral("client referral"));
        const qint64 feb = practice.visit(k, at("2026-02-28 23:59:59"));
        practice.appointment(
            {.client = k, .start = at("2026-04-01 00:00:00"), .status = QStringLiteral("no_show")});
        practice.feedback(k, QStringLiteral("csat"), 5, at("2026-02-28 23:59:59"), feb);
        practice.feedback(k, QStringLiteral("nps"), 10, at("2026-04-01 00:00:00"), feb);
        practice.task(k, QStringLiteral("checkin_call"), at("2026-02-28 23:59:59"),
                      QStringLiteral("done"), at("2026-02-27 10:00:00"), feb);
        practice.step(feb, QStringLiteral("thank_you"));
    }
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});

    QCOMPARE(m.period, kMarch);
    QCOMPARE(m.csat.responses, qint64(0));
    COMPARE_FIGURE(m.csat.score, kNull);
    COMPARE_FIGURE(m.csat.mean, kNull);
    QCOMPARE(m.nps.responses, qint64(0));
    COMPARE_FIGURE(m.nps.score, kNull);
    QVERIFY(!m.nps.ci95);
    QVERIFY(m.nps.lowConfidence);
    COMPARE_FIGURE(m.noShow.rate, kNull);
    COMPARE_FIGURE(m.rebooking.rate, kNull);
    QCOMPARE(m.referral.newClients, qint64(0));
    COMPARE_FIGURE(m.referral.rate, kNull);
    COMPARE_FIGURE(m.sla.total.rate, kNull);
    for (const auto& [kind, figures] : m.sla.byKind)
        COMPARE_FIGURE(figures.rate, kNull);
    QCOMPARE(m.postServiceDelta.visits, qint64(0));
    COMPARE_FIGURE(m.postServiceDelta.mean, kNull);
    for (const auto& [step, completion] : m.postServiceDelta.steps)
        COMPARE_FIGURE(completion.share, kNull);
    if (!dataAround) {
        COMPARE_FIGURE(m.retention.rate, kNull);
        COMPARE_FIGURE(m.retention.churn, kNull);
        auto value = MetricsEngine(db).lifetimeValue(kMarch.to, {});
        QVERIFY(value);
        COMPARE_FIGURE(value->historicalCents, kNull);
        COMPARE_FIGURE(value->predictedCents, kNull);
    } else {
        // The February visit keeps the client active through March.
        QCOMPARE(m.retention.activeStart, qint64(1));
        QCOMPARE(m.retention.retained, qint64(1));
        COMPARE_FIGURE(m.retention.rate, std::optional(100.0));
    }
}

void TestMetrics::csat_data()
{
    QTest::addColumn<QStringList>("times");
    QTest::addColumn<QList<int>>("scores");
    QTest::addColumn<qint64>("responses");
    QTest::addColumn<qint64>("satisfied");
    QTest::addColumn<std::optional<double>>("score");
    QTest::addColumn<std::optional<double>>("mean");

    QTest::newRow("3 vs 4") << QStringList{"2026-03-10 12:00:00", "2026-03-11 12:00:00"}
                            << QList<int>{3, 4} << qint64(2) << qint64(1) << std::optional(50.0)
                            << std::optional(3.5);
    QTest::newRow("first and last moment")
        << QStringList{"2026-03-01 00:00:00", "2026-03-31 23:59:59"} << QList<int>{5, 2}
        << qint64(2) << qint64(1) << std::optional(50.0) << std::optional(3.5);
    QTest::newRow("just outside") << QStringList{"2026-02-28 23:59:59", "2026-04-01 00:00:00"}
                                  << QList<int>{5, 5} << qint64(0) << qint64(0) << kNull << kNull;
    QTest::newRow("whole scale") << QStringList{"2026-03-02 08:00:00", "2026-03-03 08:00:00",
                                                "2026-03-04 08:00:00", "2026-03-05 08:00:00",
                                                "2026-03-06 08:00:00"}
                                 << QList<int>{1, 2, 3, 4, 5} << qint64(5) << qint64(2)
                                 << std::optional(40.0) << std::optional(3.0);
}

void TestMetrics::csat()
{
    QFETCH(QStringList, times);
    QFETCH(QList<int>, scores);
    QFETCH(qint64, responses);
    QFETCH(qint64, satisfied);
    QFETCH(std::optional<double>, score);
    QFETCH(std::optional<double>, mean);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 k = practice.client();
    for (int i = 0; i < times.size(); ++i)
        practice.feedback(k, QStringLiteral("csat"), scores[i], at(qPrintable(times[i])));
    practice.feedback(k, QStringLiteral("nps"), 0, at("2026-03-15 10:00:00")); // another kind
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.csat.responses, responses);
    QCOMPARE(m.csat.satisfied, satisfied);
    COMPARE_FIGURE(m.csat.score, score);
    COMPARE_FIGURE(m.csat.mean, mean);
}

void TestMetrics::nps_data()
{
    QTest::addColumn<QStringList>("times");
    QTest::addColumn<QList<int>>("scores");
    QTest::addColumn<qint64>("promoters");
    QTest::addColumn<qint64>("passives");
    QTest::addColumn<qint64>("detractors");
    QTest::addColumn<std::optional<double>>("score");
    QTest::addColumn<std::optional<double>>("low");
    QTest::addColumn<std::optional<double>>("high");

    // p = d = 1/4: √((0.5 − 0) / 4) × 196 = 69.2965.
    QTest::newRow("6 7 8 9") << QStringList{"2026-03-02 10:00:00", "2026-03-03 10:00:00",
                                            "2026-03-04 10:00:00", "2026-03-05 10:00:00"}
                             << QList<int>{6, 7, 8, 9} << qint64(1) << qint64(2) << qint64(1)
                             << std::optional(0.0) << std::optional(-69.2965)
                             << std::optional(69.2965);
    // p = d = 1/2: √((1 − 0) / 2) × 196 = 138.593, clipped on both sides.
    QTest::newRow("edges") << QStringList{"2026-03-01 00:00:00", "2026-03-31 23:59:59",
                                          "2026-02-28 23:59:59", "2026-04-01 00:00:00"}
                           << QList<int>{10, 6, 10, 0} << qint64(1) << qint64(0) << qint64(1)
                           << std::optional(0.0) << std::optional(-100.0) << std::optional(100.0);
    // p = 2/5, d = 1/5: 0.6 − 0.04 = 0.56; √(0.56 / 5) = 0.334664; × 196 = 65.5941; NPS 20.
    QTest::newRow("2 1 2") << QStringList{"2026-03-10 10:00:00", "2026-03-11 10:00:00",
                                          "2026-03-12 10:00:00", "2026-03-13 10:00:00",
                                          "2026-03-14 10:00:00"}
                           << QList<int>{9, 10, 7, 8, 5} << qint64(2) << qint64(2) << qint64(1)
                           << std::optional(20.0) << std::optional(-45.5941)
                           << std::optional(85.5941);
    QTest::newRow("none in the period")
        << QStringList{"2026-02-01 10:00:00"} << QList<int>{9} << qint64(0) << qint64(0)
        << qint64(0) << kNull << kNull << kNull;
}

void TestMetrics::nps()
{
    QFETCH(QStringList, times);
    QFETCH(QList<int>, scores);
    QFETCH(qint64, promoters);
    QFETCH(qint64, passives);
    QFETCH(qint64, detractors);
    QFETCH(std::optional<double>, score);
    QFETCH(std::optional<double>, low);
    QFETCH(std::optional<double>, high);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 k = practice.client();
    for (int i = 0; i < times.size(); ++i)
        practice.feedback(k, QStringLiteral("nps"), scores[i], at(qPrintable(times[i])));
    practice.feedback(k, QStringLiteral("csat"), 1, at("2026-03-15 10:00:00")); // another kind
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.nps.promoters, promoters);
    QCOMPARE(m.nps.passives, passives);
    QCOMPARE(m.nps.detractors, detractors);
    QCOMPARE(m.nps.responses, promoters + passives + detractors);
    QVERIFY(m.nps.lowConfidence);
    COMPARE_FIGURE(m.nps.score, score);
    QCOMPARE(m.nps.ci95.has_value(), low.has_value());
    if (m.nps.ci95) {
        COMPARE_FIGURE(std::optional(m.nps.ci95->low), low);
        COMPARE_FIGURE(std::optional(m.nps.ci95->high), high);
    }
}

void TestMetrics::retention()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    // March 2026, W = 365. S: visits dated 2025-03-01 .. 2026-02-28; E: 2025-04-01 .. 2026-03-31.
    const qint64 a = practice.client(); // on T − W for S: not active
    practice.visit(a, at("2025-02-28 23:59:59"));
    const qint64 b = practice.client(); // first day of S's window only
    practice.visit(b, at("2025-03-01 00:00:00"));
    const qint64 c = practice.client(); // S only: 2025-03-31 is T − W for E
    practice.visit(c, at("2025-03-31 12:00:00"));
    const qint64 d = practice.client(); // first day of E's window: both
    practice.visit(d, at("2025-04-01 00:00:00"));
    const qint64 e = practice.client(); // the day before the period: both
    practice.visit(e, at("2026-02-28 23:59:59"));
    const qint64 f = practice.client(); // new on the first moment
    practice.visit(f, at("2026-03-01 00:00:00"));
    const qint64 g = practice.client(); // new on the last moment
    practice.visit(g, at("2026-03-31 23:59:59"));
    const qint64 h = practice.client(); // after the period
    practice.visit(h, at("2026-04-01 00:00:00"));
    const qint64 i = practice.client(); // never a visit
    practice.appointment(
        {.client = i, .start = at("2026-03-10 09:00:00"), .status = QStringLiteral("no_show")});
    practice.appointment(
        {.client = i, .start = at("2026-03-12 09:00:00"), .status = QStringLiteral("cancelled")});
    practice.appointment(
        {.client = i, .start = at("2026-03-20 09:00:00"), .status = QStringLiteral("booked")});
    const qint64 j = practice.client(); // both, and visits again in March: not new
    practice.visit(j, at("2025-06-01 10:00:00"));
    practice.visit(j, at("2026-03-15 10:00:00"));
    PRACTICE_OK(practice);

    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.retention.activeStart, qint64(5)); // b c d e j
    QCOMPARE(m.retention.activeEnd, qint64(5));   // d e f g j
    QCOMPARE(m.retention.retained, qint64(3));    // d e j
    QCOMPARE(m.retention.newClients, qint64(2));  // f g
    COMPARE_FIGURE(m.retention.rate, std::optional(60.0));
    COMPARE_FIGURE(m.retention.churn, std::optional(40.0));
}

void TestMetrics::activeExactlyWindowDaysBefore_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("setInSettings");
    QTest::addColumn<qint64>("activeStart");
    QTest::addColumn<qint64>("retained");
    QTest::addColumn<qint64>("newClients");
    // Four clients, one visit each: on T − W + 1 and on T − W, for T = 28 February (S) and
    // T = 31 March (E). The E-edge visits lie in S's window when W ≥ 32; with W = 30 they
    // fall in March itself and make two new clients.
    QTest::newRow("365, the default") << 365 << false << qint64(3) << qint64(1) << qint64(0);
    QTest::newRow("365 set") << 365 << true << qint64(3) << qint64(1) << qint64(0);
    QTest::newRow("90") << 90 << true << qint64(3) << qint64(1) << qint64(0);
    QTest::newRow("30") << 30 << true << qint64(1) << qint64(0) << qint64(2);
}

void TestMetrics::activeExactlyWindowDaysBefore()
{
    QFETCH(int, window);
    QFETCH(bool, setInSettings);
    QFETCH(qint64, activeStart);
    QFETCH(qint64, retained);
    QFETCH(qint64, newClients);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    if (setInSettings)
        practice.setting(PracticeSetting::kLapseWindowDays, QString::number(window));
    const QDate startDay = kMarch.from.addDays(-1);
    practice.visit(practice.client(), QDateTime(startDay.addDays(1 - window), QTime(0, 0)));
    practice.visit(practice.client(), QDateTime(startDay.addDays(-window), QTime(23, 59, 59)));
    practice.visit(practice.client(), QDateTime(kMarch.to.addDays(1 - window), QTime(0, 0)));
    practice.visit(practice.client(), QDateTime(kMarch.to.addDays(-window), QTime(23, 59, 59)));
    PRACTICE_OK(practice);

    auto lapse = MetricsEngine(db).lapseWindowDays();
    QVERIFY(lapse);
    QCOMPARE(*lapse, window);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.retention.activeStart, activeStart);
    QCOMPARE(m.retention.activeEnd, qint64(1));
    QCOMPARE(m.retention.retained, retained);
    QCOMPARE(m.retention.newClients, newClients);
}

void TestMetrics::noShowRate()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 k = practice.client();
    practice.visit(k, at("2026-03-01 00:00:00"));
    practice.visit(k, at("2026-03-15 10:00:00"));
    practice.visit(k, at("2026-03-31 23:30:00"));
    practice.appointment(
        {.client = k, .start = at("2026-03-31 23:59:59"), .status = QStringLiteral("no_show")});
    practice.appointment(
        {.client = k, .start = at("2026-04-01 00:00:00"), .status = QStringLiteral("no_show")});
    practice.appointment(
        {.client = k, .start = at("2026-02-28 23:59:59"), .status = QStringLiteral("no_show")});
    practice.appointment(
        {.client = k, .start = at("2026-03-10 10:00:00"), .status = QStringLiteral("cancelled")});
    practice.appointment(
        {.client = k, .start = at("2026-03-25 10:00:00"), .status = QStringLiteral("booked")});
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.noShow.completed, qint64(3));
    QCOMPARE(m.noShow.noShows, qint64(1));
    COMPARE_FIGURE(m.noShow.rate, std::optional(25.0));
}

void TestMetrics::rebooking_data()
{
    QTest::addColumn<QString>("laterStatus");    // empty: no later appointment
    QTest::addColumn<int>("laterStartDays");     // after the visit's start
    QTest::addColumn<qint64>("createdAfterEnd"); // seconds after the visit's end
    QTest::addColumn<qint64>("rebooked");

    const qint64 week = 7 * 24 * 3600;
    QTest::newRow("no later appointment") << QString() << 0 << qint64(0) << qint64(0);
    QTest::newRow("booked three days after")
        << "booked" << 30 << qint64(3 * 24 * 3600) << qint64(1);
    QTest::newRow("booked exactly 7 x 24 h after") << "booked" << 30 << week << qint64(1);
    QTest::newRow("booked one second too late") << "booked" << 30 << week + 1 << qint64(0);
    QTest::newRow("booked before the visit")
        << "confirmed" << 30 << qint64(-40 * 24 * 3600) << qint64(1);
    QTest::newRow("later one cancelled") << "cancelled" << 30 << qint64(3600) << qint64(0);
    QTest::newRow("later one a no-show") << "no_show" << 30 << qint64(3600) << qint64(1);
    QTest::newRow("later one completed") << "completed" << 30 << qint64(3600) << qint64(1);
    QTest::newRow("the other one is earlier")
        << "completed" << -30 << qint64(-60 * 24 * 3600) << qint64(0);
}

void TestMetrics::rebooking()
{
    QFETCH(QString, laterStatus);
    QFETCH(int, laterStartDays);
    QFETCH(qint64, createdAfterEnd);
    QFETCH(qint64, rebooked);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 k = practice.client();
    const QDateTime start = at("2026-03-10 10:00:00");
    const QDateTime end = start.addSecs(30 * 60);
    practice.appointment(
        {.client = k, .start = start, .minutes = 30, .createdAt = at("2026-03-01 09:00:00")});
    if (!laterStatus.isEmpty()) {
        practice.appointment({.client = k,
                              .start = start.addDays(laterStartDays),
                              .status = laterStatus,
                              .createdAt = end.addSecs(createdAfterEnd)});
    }
    // Another client's booking never counts.
    practice.appointment({.client = practice.client(),
                          .start = start.addDays(20),
                          .status = QStringLiteral("booked"),
                          .createdAt = end});
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.rebooking.visits, qint64(1));
    QCOMPARE(m.rebooking.rebooked, rebooked);
    COMPARE_FIGURE(m.rebooking.rate, std::optional(100.0 * double(rebooked)));
}

void TestMetrics::referral_data()
{
    QTest::addColumn<QVariant>("source");
    QTest::addColumn<bool>("hasReferrer");
    QTest::addColumn<qint64>("referred");
    QTest::addColumn<QString>("key");

    QTest::newRow("client referral")
        << QVariant("client referral") << false << qint64(1) << kClientReferralSource;
    QTest::newRow("case and spaces")
        << QVariant("  Client REFERRAL ") << false << qint64(1) << kClientReferralSource;
    QTest::newRow("referring client") << QVariant() << true << qint64(1) << kClientReferralSource;
    QTest::newRow("hyphen is another source")
        << QVariant("client-referral") << false << qint64(0) << "client-referral";
    QTest::newRow("other source") << QVariant(" Google") << false << qint64(0) << "google";
    QTest::newRow("no source") << QVariant() << false << qint64(0) << kUnknownReferralSource;
}

void TestMetrics::referral()
{
    QFETCH(QVariant, source);
    QFETCH(bool, hasReferrer);
    QFETCH(qint64, referred);
    QFETCH(QString, key);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    // A referred client who came before March is not new in March.
    const qint64 old = practice.client(QStringLiteral("client referral"));
    practice.visit(old, at("2026-02-28 23:59:59"));
    practice.visit(old, at("2026-03-05 10:00:00"));
    const qint64 fresh = practice.client(source, hasReferrer ? old : 0);
    practice.visit(fresh, at("2026-03-31 23:59:59"));
    practice.visit(fresh, at("2026-04-02 10:00:00"));
    PRACTICE_OK(practice);
    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.referral.newClients, qint64(1));
    QCOMPARE(m.referral.referred, referred);
    COMPARE_FIGURE(m.referral.rate, std::optional(100.0 * double(referred)));
    QCOMPARE(m.referral.bySource, (std::map<QString, qint64>{{key, 1}}));
}

void TestMetrics::lifetimeValue_data()
{
    QTest::addColumn<bool>("lapsedClient");
    QTest::addColumn<std::optional<double>>("historical");
    QTest::addColumn<std::optional<double>>("churn");
    QTest::addColumn<std::optional<double>>("predicted");
    // Paid up to 30 June 2026 by clients with a visit: A 30000, B 10000 (+ C 4000).
    // Y = 2025-07-01 .. 2026-06-30: paid 37000 (A 20000, B 10000, D 7000 without a visit),
    // 3 visits of 2 clients; S = active on 2025-06-30 = {A (+ C)}, E = {A, B}.
    // No churn: 37000 / 3 × 3 / 2 × 20 = 370000. Half churned: × 2 years = 37000.
    QTest::newRow("nobody lapsed: 20 years")
        << false << std::optional(20000.0) << std::optional(0.0) << std::optional(370000.0);
    QTest::newRow("half lapsed: 2 years")
        << true << std::optional(44000.0 / 3.0) << std::optional(0.5) << std::optional(37000.0);
}

void TestMetrics::lifetimeValue()
{
    QFETCH(bool, lapsedClient);
    QFETCH(std::optional<double>, historical);
    QFETCH(std::optional<double>, churn);
    QFETCH(std::optional<double>, predicted);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 a = practice.client();
    practice.invoice(a, 10000, at("2025-03-02 10:00:00"),
                     practice.visit(a, at("2025-03-01 10:00:00")));
    practice.invoice(a, 10000, at("2025-09-02 10:00:00"),
                     practice.visit(a, at("2025-09-01 10:00:00")));
    const qint64 a3 = practice.visit(a, at("2026-03-01 10:00:00"));
    practice.invoice(a, 10000, at("2026-03-02 10:00:00"), a3);
    practice.invoice(a, 50000, at("2026-07-01 00:00:00"), a3); // paid after the period
    practice.invoice(a, 8000, QDateTime(), a3);                // never paid
    const qint64 b = practice.client();
    practice.invoice(b, 10000, at("2025-08-02 10:00:00"),
                     practice.visit(b, at("2025-08-01 10:00:00")));
    if (lapsedClient) {
        const qint64 c = practice.client();
        practice.invoice(c, 4000, at("2025-05-02 10:00:00"),
                         practice.visit(c, at("2025-05-01 10:00:00")));
    }
    const qint64 d = practice.client(); // paid, never a visit
    practice.appointment(
        {.client = d, .start = at("2025-12-01 10:00:00"), .status = QStringLiteral("no_show")});
    practice.invoice(d, 7000, at("2026-01-01 10:00:00"));
    PRACTICE_OK(practice);

    auto value = MetricsEngine(db).lifetimeValue(QDate(2026, 6, 30), {});
    QVERIFY2(value, value ? "" : qPrintable(value.error().describe()));
    QCOMPARE(value->clients, qint64(lapsedClient ? 3 : 2));
    QCOMPARE(value->paidCents, qint64(lapsedClient ? 44000 : 40000));
    COMPARE_FIGURE(value->historicalCents, historical);
    QCOMPARE(value->window, (Period{QDate(2025, 7, 1), QDate(2026, 6, 30)}));
    QCOMPARE(value->windowPaidCents, qint64(37000));
    QCOMPARE(value->windowVisits, qint64(3));
    QCOMPARE(value->windowClients, qint64(2));
    COMPARE_FIGURE(value->windowChurn, churn);
    COMPARE_FIGURE(value->predictedCents, predicted);
}

void TestMetrics::slaAdherence()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 k = practice.client();
    const QString done = QStringLiteral("done");
    const QString open = QStringLiteral("open");
    // now = 2026-03-20 12:00:00
    practice.task(k, QStringLiteral("discuss_result"), at("2026-03-05 10:00:00"), done,
                  at("2026-03-05 10:00:00"));
    practice.task(k, QStringLiteral("discuss_result"), at("2026-03-06 10:00:00"), done,
                  at("2026-03-06 10:00:01"));
    practice.task(k, QStringLiteral("checkin_call"), at("2026-03-10 23:59:59"),
                  open); // overdue: missed
    practice.task(k, QStringLiteral("checkin_call"), at("2026-03-25 23:59:59"),
                  open); // not yet due
    practice.task(k, QStringLiteral("checkin_call"), at("2026-03-20 12:00:00"),
                  open); // due this second
    practice.task(k, QStringLiteral("detractor_callback"), at("2026-03-01 00:00:00"), done,
                  at("2026-02-27 09:00:00"));
    practice.task(k, QStringLiteral("detractor_callback"), at("2026-03-31 23:59:59"), done,
                  at("2026-03-19 09:00:00"));
    practice.task(k, QStringLiteral("communicate_result"), at("2026-04-01 00:00:00"), done,
                  at("2026-03-19 09:00:00"));
    practice.task(k, QStringLiteral("communicate_result"), at("2026-02-28 23:59:59"), done,
                  at("2026-02-20 09:00:00"));
    practice.task(k, QStringLiteral("rebook_reminder"), at("2026-03-03 12:00:00"),
                  QStringLiteral("cancelled"));
    PRACTICE_OK(practice);

    COMPUTE(m, db, kMarch, {});
    QCOMPARE(m.sla.total.due, qint64(5));
    QCOMPARE(m.sla.total.met, qint64(3));
    COMPARE_FIGURE(m.sla.total.rate, std::optional(60.0));
    QCOMPARE(m.sla.byKind.size(), allOf<TaskKind>().size());
    QCOMPARE(m.sla.byKind.at(TaskKind::DiscussResult), (SlaFigures{50.0, 1, 2}));
    QCOMPARE(m.sla.byKind.at(TaskKind::CheckinCall), (SlaFigures{0.0, 0, 1}));
    QCOMPARE(m.sla.byKind.at(TaskKind::DetractorCallback), (SlaFigures{100.0, 2, 2}));
    QCOMPARE(m.sla.byKind.at(TaskKind::CommunicateResult), (SlaFigures{std::nullopt, 0, 0}));
    QCOMPARE(m.sla.byKind.at(TaskKind::RebookReminder), (SlaFigures{std::nullopt, 0, 0}));
}

void TestMetrics::postServiceDelta()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 all =
        practice.serviceType(QStringLiteral("Full after-care"), {true, true, true, true, true});
    const qint64 thanks =
        practice.serviceType(QStringLiteral("Thanks only"), {false, false, true, false, false});

    // V1: surveys granted; marketing withdrawn before the visit; community only after it.
    const qint64 k1 = practice.client();
    practice.consent(k1, QStringLiteral("surveys"), true, at("2026-01-01 10:00:00"));
    practice.consent(k1, QStringLiteral("marketing"), true, at("2026-01-01 10:00:00"),
                     at("2026-03-01 10:00:00"));
    practice.consent(k1, QStringLiteral("community"), true, at("2026-03-10 10:30:01"));
    const qint64 v1 =
        practice.appointment({.client = k1, .start = at("2026-03-10 10:00:00"), .service = all});
    for (const char* step : {"quality_followup", "thank_you", "newsletter_invite"})
        practice.step(v1, QString::fromLatin1(step));
    // V2: thank-you only, not done.
    const qint64 k2 = practice.client();
    practice.appointment({.client = k2, .start = at("2026-03-11 10:00:00"), .service = thanks});
    // V3: community refused after being granted; marketing withdrawn only after the visit;
    // surveys given by e-mail at the very end of the visit.
    const qint64 k3 = practice.client();
    practice.consent(k3, QStringLiteral("community"), true, at("2026-01-01 10:00:00"));
    practice.consent(k3, QStringLiteral("community"), false, at("2026-02-01 10:00:00"));
    practice.consent(k3, QStringLiteral("marketing"), true, at("2026-02-01 10:00:00"),
                     at("2026-04-01 10:00:00"));
    practice.consent(k3, QStringLiteral("surveys"), true, at("2026-03-12 09:30:00"), {},
                     QStringLiteral("email"));
    const qint64 v3 =
        practice.appointment({.client = k3, .start = at("2026-03-12 09:00:00"), .service = all});
    for (const char* step : {"quality_followup", "feedback_request", "thank_you",
                             "community_invite", "newsletter_invite"})
        practice.step(v3, QString::fromLatin1(step));
    // Not visits of March.
    practice.appointment({.client = k3,
                          .start = at("2026-03-13 09:00:00"),
                          .status = QStringLiteral("no_show"),
                          .service = all});
    practice.appointment({.client = k1, .start = at("2026-04-01 09:00:00"), .service = all});
    PRACTICE_OK(practice);

    COMPUTE(m, db, kMarch, {});
    const PostServiceDeltaResult& delta = m.postServiceDelta;
    QCOMPARE(delta.visits, qint64(3));
    // Missing: V1 feedback request, V2 thank-you, V3 nothing.
    COMPARE_FIGURE(delta.mean, std::optional(2.0 / 3.0));
    QCOMPARE(delta.steps.at(PostServiceStep::QualityFollowUp), (StepCompletion{2, 2, 100.0}));
    QCOMPARE(delta.steps.at(PostServiceStep::FeedbackRequest), (StepCompletion{2, 1, 50.0}));
    QCOMPARE(delta.steps.at(PostServiceStep::ThankYou).applicable, qint64(3));
    QCOMPARE(delta.steps.at(PostServiceStep::ThankYou).done, qint64(2));
    COMPARE_FIGURE(delta.steps.at(PostServiceStep::ThankYou).share, std::optional(200.0 / 3.0));
    QCOMPARE(delta.steps.at(PostServiceStep::CommunityInvite),
             (StepCompletion{0, 0, std::nullopt}));
    QCOMPARE(delta.steps.at(PostServiceStep::NewsletterInvite), (StepCompletion{1, 1, 100.0}));
}

void TestMetrics::cohorts_data()
{
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<QList<qint64>>("january"); // clients, returned within 3, 6, 12 months
    QTest::addColumn<QList<qint64>>("february");
    QTest::addColumn<QList<std::optional<double>>>("januaryShares"); // k3, k6, k12
    QTest::addColumn<QList<std::optional<double>>>("februaryShares");

    QTest::newRow("a year later") << QDate(2026, 1, 31) << QList<qint64>{5, 1, 2, 3}
                                  << QList<qint64>{1, 1, 1, 1}
                                  << QList<std::optional<double>>{20.0, 40.0, 60.0}
                                  << QList<std::optional<double>>{100.0, 100.0, std::nullopt};
    // 31 January + 6 months = 31 July has not passed: k6 waits; C's second visit is still ahead.
    QTest::newRow("day before six months")
        << QDate(2025, 7, 30) << QList<qint64>{5, 1, 2, 2} << QList<qint64>{1, 1, 1, 1}
        << QList<std::optional<double>>{20.0, std::nullopt, std::nullopt}
        << QList<std::optional<double>>{100.0, std::nullopt, std::nullopt};
    QTest::newRow("day before three months")
        << QDate(2025, 4, 29) << QList<qint64>{5, 0, 0, 0} << QList<qint64>{1, 0, 0, 0}
        << QList<std::optional<double>>{std::nullopt, std::nullopt, std::nullopt}
        << QList<std::optional<double>>{std::nullopt, std::nullopt, std::nullopt};
}

void TestMetrics::cohorts()
{
    QFETCH(QDate, asOf);
    QFETCH(QList<qint64>, january);
    QFETCH(QList<qint64>, february);
    QFETCH(QList<std::optional<double>>, januaryShares);
    QFETCH(QList<std::optional<double>>, februaryShares);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 a = practice.client(); // back on the clamped 3-month day, 30 April
    practice.visit(a, at("2025-01-31 10:00:00"));
    practice.visit(a, at("2025-04-30 10:00:00"));
    const qint64 b = practice.client(); // back on 1 May: not within 3 months of 31 January
    practice.visit(b, at("2025-01-31 11:00:00"));
    practice.visit(b, at("2025-05-01 09:00:00"));
    const qint64 c = practice.client(); // back exactly 12 months later
    practice.visit(c, at("2025-01-10 10:00:00"));
    practice.visit(c, at("2026-01-10 10:00:00"));
    const qint64 d = practice.client(); // back 12 months and a day later
    practice.visit(d, at("2025-01-15 10:00:00"));
    practice.visit(d, at("2026-01-16 10:00:00"));
    const qint64 e = practice.client(); // never back; a no-show is no visit
    practice.visit(e, at("2025-01-20 10:00:00"));
    practice.appointment(
        {.client = e, .start = at("2025-02-01 10:00:00"), .status = QStringLiteral("no_show")});
    const qint64 z = practice.client(); // first seen in December: not in the January cohort
    practice.visit(z, at("2024-12-20 10:00:00"));
    practice.visit(z, at("2025-01-05 10:00:00"));
    const qint64 f = practice.client(); // February cohort, back after exactly 3 months
    practice.visit(f, at("2025-02-28 10:00:00"));
    practice.visit(f, at("2025-05-28 10:00:00"));
    PRACTICE_OK(practice);

    auto rows = MetricsEngine(db).cohorts(QDate(2025, 1, 1), QDate(2025, 3, 1), asOf, {});
    QVERIFY2(rows, rows ? "" : qPrintable(rows.error().describe()));
    QCOMPARE(rows->size(), std::size_t(3));
    const auto check = [&](const CohortRow& row, QDate month, const QList<qint64>& counts,
                           const QList<std::optional<double>>& shares) {
        QCOMPARE(row.month, month);
        QCOMPARE(row.clients, counts[0]);
        QCOMPARE(row.returned3, counts[1]);
        QCOMPARE(row.returned6, counts[2]);
        QCOMPARE(row.returned12, counts[3]);
        COMPARE_FIGURE(row.k3, shares[0]);
        COMPARE_FIGURE(row.k6, shares[1]);
        COMPARE_FIGURE(row.k12, shares[2]);
    };
    check(rows->at(0), QDate(2025, 1, 1), january, januaryShares);
    if (QTest::currentTestFailed())
        return;
    check(rows->at(1), QDate(2025, 2, 1), february, februaryShares);
    if (QTest::currentTestFailed())
        return;
    check(rows->at(2), QDate(2025, 3, 1), {0, 0, 0, 0}, {std::nullopt, std::nullopt, std::nullopt});
}

void TestMetrics::practitionerFilter()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 p1 = practice.practitioner(QStringLiteral("Dr One"));
    const qint64 p2 = practice.practitioner(QStringLiteral("Dr Two"));
    const qint64 k1 = practice.client();
    const qint64 k2 = practice.client();
    const qint64 k3 = practice.client();
    const qint64 k4 = practice.client();
    const qint64 k5 = practice.client();
    const QString noShow = QStringLiteral("no_show");
    const qint64 k1AtOne = practice.appointment(
        {.client = k1, .start = at("2026-03-05 10:00:00"), .practitioner = p1});
    practice.appointment({.client = k2, .start = at("2026-03-06 10:00:00"), .practitioner = p1});
    practice.appointment(
        {.client = k3, .start = at("2026-03-07 10:00:00"), .status = noShow, .practitioner = p1});
    // K1 rebooks with Dr Two the next day; K2 rebooks with Dr One.
    const qint64 k1AtTwo = practice.appointment({.client = k1,
                                                 .start = at("2026-03-20 10:00:00"),
                                                 .createdAt = at("2026-03-06 09:00:00"),
                                                 .practitioner = p2});
    practice.appointment({.client = k2,
                          .start = at("2026-04-10 10:00:00"),
                          .status = QStringLiteral("booked"),
                          .createdAt = at("2026-03-07 09:00:00"),
                          .practitioner = p1});
    practice.appointment(
        {.client = k4, .start = at("2026-03-08 10:00:00"), .status = noShow, .practitioner = p2});
    practice.appointment({.client = k5, .start = at("2026-03-09 10:00:00"), .practitioner = p2});
    practice.feedback(k1, QStringLiteral("csat"), 5, at("2026-03-05 12:00:00"), k1AtOne);
    practice.feedback(k1, QStringLiteral("csat"), 2, at("2026-03-20 12:00:00"), k1AtTwo);
    practice.feedback(k2, QStringLiteral("csat"), 4,
                      at("2026-03-06 12:00:00")); // no appointment named
    practice.task(k1, QStringLiteral("checkin_call"), at("2026-03-06 23:59:59"),
                  QStringLiteral("done"), at("2026-03-06 10:00:00"), k1AtOne);
    practice.task(k1, QStringLiteral("checkin_call"), at("2026-03-21 23:59:59"),
                  QStringLiteral("done"), at("2026-03-23 10:00:00"), k1AtTwo);
    PRACTICE_OK(practice);

    COMPUTE(all, db, kMarch, {});
    QCOMPARE(all.noShow.completed, qint64(4));
    QCOMPARE(all.noShow.noShows, qint64(2));
    QCOMPARE(all.csat.responses, qint64(3));
    QCOMPARE(all.rebooking.rebooked, qint64(2)); // K1 at Dr One (with Dr Two), K2
    QCOMPARE(all.retention.newClients, qint64(3));
    QCOMPARE(all.sla.total.due, qint64(2));
    QCOMPARE(all.sla.total.met, qint64(1));

    MetricFilter one;
    one.practitioner = PractitionerId(p1);
    COMPUTE(m, db, kMarch, one);
    QCOMPARE(m.noShow.completed, qint64(2));
    QCOMPARE(m.noShow.noShows, qint64(1));
    COMPARE_FIGURE(m.noShow.rate, std::optional(100.0 / 3.0));
    QCOMPARE(m.csat.responses, qint64(1));
    COMPARE_FIGURE(m.csat.score, std::optional(100.0));
    QCOMPARE(m.rebooking.visits, qint64(2));
    QCOMPARE(m.rebooking.rebooked, qint64(1)); // only K2 rebooked with Dr One
    QCOMPARE(m.retention.newClients, qint64(2));
    QCOMPARE(m.retention.activeEnd, qint64(2));
    QCOMPARE(m.sla.total.due, qint64(1));
    QCOMPARE(m.sla.total.met, qint64(1));
    QCOMPARE(m.postServiceDelta.visits, qint64(2));
}

void TestMetrics::referralSourceFilter()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 google = practice.client(QStringLiteral("Google"));
    const qint64 google2 = practice.client(QStringLiteral("  google "));
    const qint64 friendly = practice.client(QStringLiteral("client referral"));
    practice.visit(google, at("2026-03-02 10:00:00"));
    practice.appointment({.client = google2,
                          .start = at("2026-03-03 10:00:00"),
                          .status = QStringLiteral("no_show")});
    practice.visit(friendly, at("2026-03-04 10:00:00"));
    practice.feedback(google, QStringLiteral("nps"), 10, at("2026-03-05 10:00:00"));
    practice.feedback(friendly, QStringLiteral("nps"), 0, at("2026-03-05 10:00:00"));
    PRACTICE_OK(practice);

    MetricFilter filter;
    filter.referralSource = QStringLiteral(" GOOGLE");
    COMPUTE(m, db, kMarch, filter);
    QCOMPARE(m.noShow.completed, qint64(1));
    QCOMPARE(m.noShow.noShows, qint64(1));
    QCOMPARE(m.nps.responses, qint64(1));
    QCOMPARE(m.nps.promoters, qint64(1));
    QCOMPARE(m.referral.newClients, qint64(1));
    QCOMPARE(m.referral.referred, qint64(0));
}

void TestMetrics::monthlySeriesMatchesEachMonth()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    const qint64 all = practice.serviceType(QStringLiteral("Full"), {true, true, true, true, true});
    QList<qint64> clients;
    for (int i = 0; i < 6; ++i)
        clients.append(practice.client(i % 3 == 0 ? QVariant("client referral") : QVariant("web")));
    for (int i = 0; i < 6; ++i) {
        const qint64 k = clients[i];
        practice.consent(k, QStringLiteral("surveys"), i % 2 == 0, at("2025-06-01 10:00:00"));
        for (int month = 0; month < 4; ++month) {
            if ((i + month) % 3 == 2)
                continue;
            const QDateTime start(QDate(2025, 12, 1 + 3 * i).addMonths(month), QTime(9 + i, 0));
            const QString status =
                (i + month) % 4 == 3 ? QStringLiteral("no_show") : QStringLiteral("completed");
            const qint64 id = practice.appointment({.client = k,
                                                    .start = start,
                                                    .status = status,
                                                    .createdAt = start.addDays(-10 + month * 3),
                                                    .service = all});
            if (status != QLatin1String("completed"))
                continue;
            practice.feedback(k, QStringLiteral("nps"), (i * 3 + month * 2) % 11, start.addDays(2),
                              id);
            practice.feedback(k, QStringLiteral("csat"), 1 + (i + month) % 5, start.addDays(3), id);
            practice.task(k, QStringLiteral("checkin_call"), start.addDays(2),
                          i % 2 ? QStringLiteral("done") : QStringLiteral("open"),
                          start.addDays(1 + i % 3), id);
            if (i % 2)
                practice.step(id, QStringLiteral("feedback_request"));
            practice.step(id, QStringLiteral("thank_you"));
        }
    }
    PRACTICE_OK(practice);

    const MetricsEngine engine(db);
    const QDate lastDay(2026, 3, 14);
    auto series = engine.monthlySeries(lastDay, 4, {}, kNow);
    QVERIFY2(series, series ? "" : qPrintable(series.error().describe()));
    QCOMPARE(series->size(), std::size_t(4));
    qint64 visits = 0;
    for (std::size_t i = 0; i < series->size(); ++i) {
        const PeriodMetrics& month = series->at(i);
        COMPUTE(alone, db, month.period, {});
        QCOMPARE(month.period.from, QDate(2025, 12, 1).addMonths(int(i)));
        QCOMPARE(month.csat, alone.csat);
        QCOMPARE(month.nps, alone.nps);
        QCOMPARE(month.retention, alone.retention);
        QCOMPARE(month.noShow, alone.noShow);
        QCOMPARE(month.rebooking, alone.rebooking);
        QCOMPARE(month.referral, alone.referral);
        QCOMPARE(month.sla, alone.sla);
        QCOMPARE(month.postServiceDelta, alone.postServiceDelta);
        visits += month.rebooking.visits;
    }
    QCOMPARE(series->back().period.to, lastDay);

    // A period with its series from one set of queries gives the same figures, whether the
    // period starts with a month or not.
    for (const Period& period :
         {Period{QDate(2026, 1, 1), lastDay}, Period{QDate(2026, 1, 15), lastDay},
          Period{QDate(2026, 3, 1), lastDay}}) {
        auto both = engine.computeWithSeries(period, 2, {}, kNow);
        QVERIFY2(both, both ? "" : qPrintable(both.error().describe()));
        COMPUTE(alone, db, period, {});
        QCOMPARE(both->period, alone);
        const int months = period.from.month() == 1 ? 3 : 2;
        QCOMPARE(both->monthly.size(), std::size_t(months));
        auto separately = engine.monthlySeries(lastDay, months, {}, kNow);
        QVERIFY(separately);
        QCOMPARE(both->monthly, *separately);
    }
    QVERIFY2(visits >= 8, qPrintable(QString::number(visits))); // the data reached every month
}

void TestMetrics::badLapseWindowIsAnError()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    practice.setting(PracticeSetting::kLapseWindowDays, QStringLiteral("a year"));
    PRACTICE_OK(practice);
    auto result = MetricsEngine(db).compute(kMarch, {}, kNow);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, ErrorKind::Validation);
}

// The window a practice sets through its settings (the key PracticeSettingsRepository and the demo
// write) is the one the metrics use; a bare 'lapse_window_days' row is not a practice setting.
void TestMetrics::lapseWindowIsThePracticeSetting()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    practice.setting(QStringLiteral("lapse_window_days"), QStringLiteral("30"));
    PRACTICE_OK(practice);
    auto unset = MetricsEngine(db).lapseWindowDays();
    QVERIFY(unset);
    QCOMPARE(*unset, 365);

    QVERIFY(PracticeSettingsRepository(db).setSetting(PracticeSetting::kLapseWindowDays,
                                                      QStringLiteral("90"), Actor::system()));
    auto set = MetricsEngine(db).lapseWindowDays();
    QVERIFY(set);
    QCOMPARE(*set, 90);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
