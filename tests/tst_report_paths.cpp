// backends: sqlite postgresql
#include "database/sqltime.h"
#include "demo/demopractice.h"
#include "metrics/clientmetrics.h"
#include "metrics/metricformulas.h"
#include "metrics/metricquery.h"
#include "metrics/metricsengine.h"
#include "support/testdatabase.h"

#include <QTest>

#include <algorithm>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDate kToday(2025, 1, 10);

QString describe(const PeriodMetrics& m)
{
    return QStringLiteral("%1..%2 csat %3 nps %4 retention %5 (S %6 E %7 both %8) no-show %9 "
                          "rebooking %10 referral %11 sla %12 delta %13")
        .arg(m.period.from.toString(Qt::ISODate), m.period.to.toString(Qt::ISODate))
        .arg(m.csat.score.value_or(-1))
        .arg(m.nps.score.value_or(-1))
        .arg(m.retention.rate.value_or(-1))
        .arg(m.retention.activeStart)
        .arg(m.retention.activeEnd)
        .arg(m.retention.retained)
        .arg(m.noShow.rate.value_or(-1))
        .arg(m.rebooking.rate.value_or(-1))
        .arg(m.referral.rate.value_or(-1))
        .arg(m.sla.total.rate.value_or(-1))
        .arg(m.postServiceDelta.mean.value_or(-1));
}

} // namespace

// A report gathers its figures in one go (MetricsEngine::computeReport: every statement at
// once on several connections, the lifetime value's churn taken from the series' pass over
// the active clients). On a realistic practice it must give exactly what the engine's single
// computations give one after another on one connection.
class TestReportPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportEqualsItsParts_data();
    void reportEqualsItsParts();
    void activeClientsAsDefined_data();
    void activeClientsAsDefined();

private:
    std::unique_ptr<TestDatabase> m_holder;
};

void TestReportPaths::initTestCase()
{
    QString error;
    m_holder = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(m_holder, qPrintable(error));
    auto summary = DemoPractice::generate(m_holder->database(),
                                          DemoOptions{.clients = 400, .years = 3, .today = kToday});
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QVERIFY2(summary->completed > 500, qPrintable(QString::number(summary->completed)));
    // A client who paid a deposit and never came: the historical lifetime value counts the
    // payment in no one's value, however it is computed.
    Database& database = m_holder->database();
    auto client = database.run(
        QStringLiteral("INSERT INTO clients (external_id, first_name, last_name, registered_at, "
                       "created_at) VALUES ('DEPOSIT-1', 'Dana', 'Deposit', '2023-05-02 10:00:00', "
                       "'2023-05-02 10:00:00') RETURNING id"));
    QVERIFY(client && client->next());
    QVERIFY(database.run(
        QStringLiteral("INSERT INTO invoices (client_id, status, total_cents, issued_at, paid_at, "
                       "created_at) VALUES (?, 'paid', 12345, '2023-05-02 10:00:00', "
                       "'2023-05-03 10:00:00', '2023-05-02 10:00:00')"),
        {client->value(0)}));
}

void TestReportPaths::reportEqualsItsParts_data()
{
    QTest::addColumn<Period>("period");
    QTest::addColumn<int>("seriesMonths");
    QTest::addColumn<int>("cohortMonths");
    QTest::addColumn<bool>("byPractitioner");
    // November 2024: the churn's day before the prediction window (2023-12-01, a leap year
    // in between) is not one of the series' days, so the series' pass counts it in addition.
    QTest::newRow("month, leap year") << Period::monthOf(QDate(2024, 11, 1)) << 12 << 24 << false;
    // November 2023: that day is the day before the series' first month.
    QTest::newRow("month") << Period::monthOf(QDate(2023, 11, 1)) << 12 << 24 << false;
    QTest::newRow("not starting a month")
        << Period{QDate(2024, 2, 10), QDate(2024, 3, 20)} << 12 << 24 << false;
    QTest::newRow("quarter, 24 months")
        << Period{QDate(2024, 7, 1), QDate(2024, 9, 30)} << 24 << 6 << false;
    QTest::newRow("one practitioner") << Period::monthOf(QDate(2024, 6, 1)) << 12 << 24 << true;
}

void TestReportPaths::reportEqualsItsParts()
{
    QFETCH(Period, period);
    QFETCH(int, seriesMonths);
    QFETCH(int, cohortMonths);
    QFETCH(bool, byPractitioner);
    Database& database = m_holder->database();
    MetricFilter filter;
    if (byPractitioner) {
        auto first = database.scalar(QStringLiteral("SELECT min(id) FROM practitioners"));
        QVERIFY(first && !first->isNull());
        filter.practitioner = PractitionerId(first->toLongLong());
    }
    const QDateTime now(kToday, QTime(12, 0));
    const QDate cohortsFrom = period.to.addMonths(1 - cohortMonths);

    MetricsEngine together(database);
    auto report = together.computeReport(period, seriesMonths, cohortsFrom, filter, now);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().describe()));

    MetricsEngine apart(database);
    apart.setMaxConnections(1);
    auto series = apart.computeWithSeries(period, seriesMonths, filter, now);
    QVERIFY2(series, qPrintable(series ? QString() : series.error().describe()));
    auto value = apart.lifetimeValue(period.to, filter);
    QVERIFY(value);
    auto cohorts = apart.cohorts(cohortsFrom, period.to, period.to, filter);
    QVERIFY(cohorts);

    QVERIFY2(report->series.period == series->period,
             qPrintable(describe(report->series.period) + QStringLiteral(" vs ") +
                        describe(series->period)));
    QCOMPARE(report->series.monthly.size(), series->monthly.size());
    for (std::size_t i = 0; i < series->monthly.size(); ++i) {
        QVERIFY2(report->series.monthly[i] == series->monthly[i],
                 qPrintable(describe(report->series.monthly[i]) + QStringLiteral(" vs ") +
                            describe(series->monthly[i])));
    }
    QCOMPARE(report->lifetimeValue.windowChurn, value->windowChurn);
    QCOMPARE(report->lifetimeValue.predictedCents, value->predictedCents);
    QVERIFY(report->lifetimeValue == *value);
    QCOMPARE(report->cohorts.size(), cohorts->size());
    QVERIFY(report->cohorts == *cohorts);
    // Not a comparison of two empty reports.
    QVERIFY(series->period.retention.activeStart > 0);
    QVERIFY(value->windowChurn.has_value());
    QVERIFY(std::any_of(cohorts->cbegin(), cohorts->cend(),
                        [](const CohortRow& row) { return row.clients > 0; }));
}

void TestReportPaths::activeClientsAsDefined_data()
{
    QTest::addColumn<QList<QDate>>("days");
    QTest::addColumn<int>("lapseWindowDays");
    QTest::addColumn<bool>("byPractitioner");
    QList<QDate> monthEnds{QDate(2023, 10, 31)};
    for (int i = 0; i < 13; ++i)
        monthEnds.append(QDate(2023, 12, 1).addMonths(i).addDays(-1));
    // Month ends across 29 February 2024: the windows do not fall on month boundaries.
    QTest::newRow("13 month ends, 365 days") << monthEnds << 365 << false;
    QTest::newRow("13 month ends, 90 days") << monthEnds << 90 << false;
    QTest::newRow("13 month ends, 1 day") << monthEnds << 1 << false;
    QTest::newRow("one practitioner, 200 days") << monthEnds << 200 << true;
    // 80 days, unsorted and one twice: more spans between window edges than one mask holds.
    QList<QDate> many;
    for (int i = 0; i < 80; ++i)
        many.append(QDate(2022, 3, 15).addDays((i * 37) % 1000));
    many.append(many.first());
    QTest::newRow("80 days, 45 days") << many << 45 << false;
    QTest::newRow("80 days, 700 days") << many << 700 << false;
    // 300 days, every fourth: about 600 spans, more range reads than one compound SELECT of
    // SQLite may hold (500).
    QList<QDate> hundreds;
    for (int i = 0; i < 300; ++i)
        hundreds.append(QDate(2022, 1, 3).addDays(4 * i));
    QTest::newRow("300 days, 45 days") << hundreds << 45 << false;
}

// ClientMetrics::activeOn counts per client the spans between window edges it visited in; the
// same counts taken from the definition (BRIEF 4: a visit dated in (T - W, T]) visit by visit.
void TestReportPaths::activeClientsAsDefined()
{
    QFETCH(QList<QDate>, days);
    QFETCH(int, lapseWindowDays);
    QFETCH(bool, byPractitioner);
    Database& database = m_holder->database();
    MetricFilter filter;
    QString practitionerClause;
    if (byPractitioner) {
        auto first = database.scalar(QStringLiteral("SELECT min(id) FROM practitioners"));
        QVERIFY(first && !first->isNull());
        filter.practitioner = PractitionerId(first->toLongLong());
        practitionerClause = QStringLiteral(" AND practitioner_id = %1").arg(first->toLongLong());
    }
    QList<std::pair<int, int>> pairs;
    for (int i = 0; i + 1 < days.size(); ++i)
        pairs.append({i, i + 1});
    pairs.append({0, int(days.size()) - 1});

    auto active =
        ClientMetrics(MetricQuery(database, filter), lapseWindowDays).activeOn(days, pairs);
    QVERIFY2(active, qPrintable(active ? QString() : active.error().describe()));

    auto visits = database.run(QStringLiteral("SELECT client_id, starts_at FROM appointments "
                                              "WHERE status = 'completed'") +
                               practitionerClause);
    QVERIFY(visits);
    std::map<qint64, QList<QDate>> visitDays;
    while (visits->next())
        visitDays[visits->value(0).toLongLong()].append(
            SqlTime::toDateTime(visits->value(1)).date());
    std::vector<qint64> expected(days.size(), 0);
    std::vector<qint64> expectedBoth(pairs.size(), 0);
    for (const auto& [client, dates] : visitDays) {
        std::vector<bool> on(days.size());
        for (int i = 0; i < days.size(); ++i) {
            on[i] = MetricFormulas::isActiveOn(days[i], dates, lapseWindowDays);
            expected[i] += on[i] ? 1 : 0;
        }
        for (int k = 0; k < pairs.size(); ++k)
            expectedBoth[k] += on[pairs[k].first] && on[pairs[k].second] ? 1 : 0;
    }
    QCOMPARE(active->active, expected);
    QCOMPARE(active->both, expectedBoth);
    // Not a comparison of nobody with nobody.
    QVERIFY(*std::max_element(expected.cbegin(), expected.cend()) > 0);
}

QTEST_GUILESS_MAIN(TestReportPaths)
#include "tst_report_paths.moc"
