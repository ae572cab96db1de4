#include "metrics/headlinefigure.h"
#include "metrics/periodcomparison.h"

#include <QTest>

using namespace aftercare;

namespace {

QDate day(const char* text)
{
    return QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
}

Period span(const char* from, const char* to)
{
    return {day(from), day(to)};
}

} // namespace

Q_DECLARE_METATYPE(aftercare::Period)
Q_DECLARE_METATYPE(aftercare::HeadlineFigure)
Q_DECLARE_METATYPE(aftercare::ChangeVerdict)

namespace QTest {
template <> char* toString(const aftercare::Period& period)
{
    return qstrdup(qPrintable(QStringLiteral("%1..%2").arg(period.from.toString(Qt::ISODate),
                                                           period.to.toString(Qt::ISODate))));
}
} // namespace QTest

class TestPeriodComparison : public QObject
{
    Q_OBJECT

private slots:
    void comparesLikeForLike_data();
    void comparesLikeForLike();
    void changeSaysWhetherItIsGood_data();
    void changeSaysWhetherItIsGood();
};

void TestPeriodComparison::comparesLikeForLike_data()
{
    QTest::addColumn<Period>("period");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<Period>("current");
    QTest::addColumn<Period>("previous");
    QTest::addColumn<bool>("toDate");

    // Over: the previous period as a whole.
    QTest::newRow("last month") << span("2026-11-01", "2026-11-30") << day("2026-12-07")
                                << span("2026-11-01", "2026-11-30")
                                << span("2026-10-01", "2026-10-31") << false;
    QTest::newRow("month ending today")
        << span("2026-12-01", "2026-12-31") << day("2026-12-31") << span("2026-12-01", "2026-12-31")
        << span("2026-11-01", "2026-11-30") << false;
    QTest::newRow("future month") << span("2027-01-01", "2027-01-31") << day("2026-12-07")
                                  << span("2027-01-01", "2027-01-31")
                                  << span("2026-12-01", "2026-12-31") << false;
    // Not over: the days so far against the same days before.
    QTest::newRow("this month") << span("2026-12-01", "2026-12-31") << day("2026-12-07")
                                << span("2026-12-01", "2026-12-07")
                                << span("2026-11-01", "2026-11-07") << true;
    QTest::newRow("first day") << span("2026-12-01", "2026-12-31") << day("2026-12-01")
                               << span("2026-12-01", "2026-12-01")
                               << span("2026-11-01", "2026-11-01") << true;
    QTest::newRow("day February lacks")
        << span("2026-03-01", "2026-03-31") << day("2026-03-30") << span("2026-03-01", "2026-03-30")
        << span("2026-02-01", "2026-02-28") << true;
    QTest::newRow("leap February")
        << span("2028-03-01", "2028-03-31") << day("2028-03-29") << span("2028-03-01", "2028-03-29")
        << span("2028-02-01", "2028-02-29") << true;
    QTest::newRow("30 May against 30 April")
        << span("2026-05-01", "2026-05-31") << day("2026-05-30") << span("2026-05-01", "2026-05-30")
        << span("2026-04-01", "2026-04-30") << true;
    QTest::newRow("month end against month end")
        << span("2026-01-01", "2026-03-31") << day("2026-02-28") << span("2026-01-01", "2026-02-28")
        << span("2025-10-01", "2025-11-30") << true;
    QTest::newRow("this quarter") << span("2026-10-01", "2026-12-31") << day("2026-12-07")
                                  << span("2026-10-01", "2026-12-07")
                                  << span("2026-07-01", "2026-09-07") << true;
    QTest::newRow("quarter, 30 December")
        << span("2026-10-01", "2026-12-31") << day("2026-12-30") << span("2026-10-01", "2026-12-30")
        << span("2026-07-01", "2026-09-30") << true;
    QTest::newRow("quarter, month end")
        << span("2026-10-01", "2026-12-31") << day("2026-11-30") << span("2026-10-01", "2026-11-30")
        << span("2026-07-01", "2026-08-31") << true;
    QTest::newRow("this year") << span("2026-01-01", "2026-12-31") << day("2026-12-07")
                               << span("2026-01-01", "2026-12-07")
                               << span("2025-01-01", "2025-12-07") << true;
    QTest::newRow("leap day year to date")
        << span("2028-01-01", "2028-12-31") << day("2028-02-29") << span("2028-01-01", "2028-02-29")
        << span("2027-01-01", "2027-02-28") << true;
    QTest::newRow("year after leap year")
        << span("2029-01-01", "2029-12-31") << day("2029-02-28") << span("2029-01-01", "2029-02-28")
        << span("2028-01-01", "2028-02-29") << true;
    // A range of days: as many days before, the same days of it so far.
    QTest::newRow("range of days")
        << span("2026-11-20", "2026-12-20") << day("2026-12-07") << span("2026-11-20", "2026-12-07")
        << span("2026-10-20", "2026-11-06") << true;
}

void TestPeriodComparison::comparesLikeForLike()
{
    QFETCH(Period, period);
    QFETCH(QDate, today);
    QFETCH(Period, current);
    QFETCH(Period, previous);
    QFETCH(bool, toDate);
    const PeriodComparison comparison = PeriodComparison::of(period, today);
    QCOMPARE(comparison.current, current);
    QCOMPARE(comparison.previous, previous);
    QCOMPARE(comparison.toDate, toDate);
    // Like for like: the same day of the month (of the year), so a month's days so far are
    // never compared with more days of the month before.
    if (toDate && period.days() <= 31 &&
        comparison.current.to.day() != comparison.current.to.daysInMonth())
        QVERIFY(comparison.previous.days() <= comparison.current.days());
}

void TestPeriodComparison::changeSaysWhetherItIsGood_data()
{
    QTest::addColumn<HeadlineFigure>("figure");
    QTest::addColumn<double>("now");
    QTest::addColumn<double>("before");
    QTest::addColumn<ChangeVerdict>("verdict");
    QTest::newRow("CSAT up") << HeadlineFigure::Csat << 90.0 << 85.0 << ChangeVerdict::Better;
    QTest::newRow("CSAT down") << HeadlineFigure::Csat << 80.0 << 85.0 << ChangeVerdict::Worse;
    QTest::newRow("no-shows up") << HeadlineFigure::NoShowRate << 9.0 << 7.0
                                 << ChangeVerdict::Worse;
    QTest::newRow("no-shows down")
        << HeadlineFigure::NoShowRate << 5.0 << 7.0 << ChangeVerdict::Better;
    QTest::newRow("delta up") << HeadlineFigure::PostServiceDelta << 1.4 << 1.2
                              << ChangeVerdict::Worse;
    QTest::newRow("delta down") << HeadlineFigure::PostServiceDelta << 1.0 << 1.2
                                << ChangeVerdict::Better;
    QTest::newRow("NPS up") << HeadlineFigure::Nps << -10.0 << -20.0 << ChangeVerdict::Better;
    QTest::newRow("CLV up") << HeadlineFigure::PredictedClv << 150000.0 << 140000.0
                            << ChangeVerdict::Better;
    QTest::newRow("rounded away") << HeadlineFigure::Retention << 90.04 << 90.0
                                  << ChangeVerdict::Unchanged;
}

void TestPeriodComparison::changeSaysWhetherItIsGood()
{
    QFETCH(HeadlineFigure, figure);
    QFETCH(double, now);
    QFETCH(double, before);
    QFETCH(ChangeVerdict, verdict);
    const FigureChange change = HeadlineFigures::change(figure, now, before, 0.05);
    QCOMPARE(change.verdict, verdict);
    QVERIFY(change.difference);
    QCOMPARE(*change.difference, now - before);
    QCOMPARE(HeadlineFigures::change(figure, now, std::nullopt, 0.05).verdict,
             ChangeVerdict::NotComparable);
}

QTEST_GUILESS_MAIN(TestPeriodComparison)
#include "tst_periodcomparison.moc"
