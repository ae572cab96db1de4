#include "aftercare/deadlines.h"
#include "metrics/metricformulas.h"
#include "metrics/period.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::MetricFormulas;

namespace {

// QCOMPARE on an optional<double> with a tolerance for hand-computed decimals.
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

const std::optional<double> kNull = std::nullopt;

} // namespace

Q_DECLARE_METATYPE(std::optional<double>)

class TestMetricFormulas : public QObject
{
    Q_OBJECT

private slots:
    void percentageOfNothingIsNull();
    void previousPeriod_data();
    void previousPeriod();
    void csat_data();
    void csat();
    void npsCategories_data();
    void npsCategories();
    void npsInterval_data();
    void npsInterval();
    void npsLowConfidenceBelowThirty();
    void activeWindow_data();
    void activeWindow();
    void retentionFromSets_data();
    void retentionFromSets();
    void noShowAndRebooking();
    void clientReferral_data();
    void clientReferral();
    void lifetimeYears_data();
    void lifetimeYears();
    void predictedClv_data();
    void predictedClv();
    void historicalClv();
    void taskDueAndMet_data();
    void taskDueAndMet();
    void slaCountsEveryKind();
    void slaDeadlines();
    void stepConsent_data();
    void stepConsent();
    void postServiceDelta();
    void cohortWindows_data();
    void cohortWindows();
    void cohortSharesWaitForTheirWindow();
    void monthsEndingOn();
};

void TestMetricFormulas::percentageOfNothingIsNull()
{
    QVERIFY(!percentage(0, 0));
    QVERIFY(!percentage(5, 0));
    QCOMPARE(*percentage(1, 4), 25.0);
    QCOMPARE(*percentage(0, 7), 0.0);
}

void TestMetricFormulas::csat_data()
{
    QTest::addColumn<QList<int>>("scores");
    QTest::addColumn<std::optional<double>>("score");
    QTest::addColumn<std::optional<double>>("mean");

    QTest::newRow("no answers") << QList<int>{} << kNull << kNull;
    QTest::newRow("3 is not satisfied")
        << QList<int>{3} << std::optional(0.0) << std::optional(3.0);
    QTest::newRow("4 is satisfied") << QList<int>{4} << std::optional(100.0) << std::optional(4.0);
    QTest::newRow("3 and 4") << QList<int>{3, 4} << std::optional(50.0) << std::optional(3.5);
    QTest::newRow("whole scale") << QList<int>{1, 2, 3, 4, 5} << std::optional(40.0)
                                 << std::optional(3.0);
    QTest::newRow("thirds") << QList<int>{5, 5, 1} << std::optional(200.0 / 3.0)
                            << std::optional(11.0 / 3.0);
}

void TestMetricFormulas::csat()
{
    QFETCH(QList<int>, scores);
    QFETCH(std::optional<double>, score);
    QFETCH(std::optional<double>, mean);
    qint64 satisfied = 0;
    qint64 sum = 0;
    for (int s : scores) {
        satisfied += isCsatSatisfied(s) ? 1 : 0;
        sum += s;
    }
    const CsatResult result = csatFromCounts(scores.size(), satisfied, sum);
    QCOMPARE(result.responses, qint64(scores.size()));
    QVERIFY2(near(result.score, score), qPrintable(show(result.score)));
    QVERIFY2(near(result.mean, mean), qPrintable(show(result.mean)));
}

void TestMetricFormulas::npsCategories_data()
{
    QTest::addColumn<int>("score");
    QTest::addColumn<int>("category"); // -1 detractor, 0 passive, 1 promoter
    for (int s = 0; s <= 6; ++s)
        QTest::addRow("%d", s) << s << -1;
    QTest::newRow("7") << 7 << 0;
    QTest::newRow("8") << 8 << 0;
    QTest::newRow("9") << 9 << 1;
    QTest::newRow("10") << 10 << 1;
}

void TestMetricFormulas::npsCategories()
{
    QFETCH(int, score);
    QFETCH(int, category);
    QCOMPARE(isNpsDetractor(score), category == -1);
    QCOMPARE(isNpsPromoter(score), category == 1);
}

void TestMetricFormulas::npsInterval_data()
{
    QTest::addColumn<qint64>("promoters");
    QTest::addColumn<qint64>("passives");
    QTest::addColumn<qint64>("detractors");
    QTest::addColumn<std::optional<double>>("score");
    QTest::addColumn<std::optional<double>>("low");
    QTest::addColumn<std::optional<double>>("high");

    QTest::newRow("no answers") << qint64(0) << qint64(0) << qint64(0) << kNull << kNull << kNull;
    // p = d = 0.25: 0.25 + 0.25 − 0 = 0.5; √(0.5 / 4) = 0.353553; × 196 = 69.2965.
    QTest::newRow("6 7 8 9") << qint64(1) << qint64(2) << qint64(1) << std::optional(0.0)
                             << std::optional(-69.2965) << std::optional(69.2965);
    // p = 60/108 = 0.555556, d = 18/108 = 0.166667: p + d = 0.722222, (p − d)² = 0.151235,
    // 0.570988 / 108 = 0.00528693, √ = 0.0727112, × 196 = 14.2514; NPS 38.8889.
    QTest::newRow("brief sizes") << qint64(60) << qint64(30) << qint64(18) << std::optional(38.8889)
                                 << std::optional(24.6375) << std::optional(53.1403);
    // p = 1/3, d = 1/6: 0.5 − 1/36 = 0.472222; / 30 = 0.0157407; √ = 0.125462; × 196 = 24.5906.
    QTest::newRow("thirty") << qint64(10) << qint64(15) << qint64(5) << std::optional(16.6667)
                            << std::optional(-7.9239) << std::optional(41.2572);
    // p = 0.5, d = 0: 0.5 − 0.25 = 0.25; √(0.25 / 2) = 0.353553; 50 ± 69.2965, clipped above.
    QTest::newRow("clipped at 100") << qint64(1) << qint64(1) << qint64(0) << std::optional(50.0)
                                    << std::optional(-19.2965) << std::optional(100.0);
    QTest::newRow("all promoters") << qint64(3) << qint64(0) << qint64(0) << std::optional(100.0)
                                   << std::optional(100.0) << std::optional(100.0);
    QTest::newRow("all detractors") << qint64(0) << qint64(0) << qint64(3) << std::optional(-100.0)
                                    << std::optional(-100.0) << std::optional(-100.0);
}

void TestMetricFormulas::npsInterval()
{
    QFETCH(qint64, promoters);
    QFETCH(qint64, passives);
    QFETCH(qint64, detractors);
    QFETCH(std::optional<double>, score);
    QFETCH(std::optional<double>, low);
    QFETCH(std::optional<double>, high);
    const NpsResult result = npsFromCounts(promoters, passives, detractors);
    QCOMPARE(result.responses, promoters + passives + detractors);
    QVERIFY2(near(result.score, score), qPrintable(show(result.score)));
    QCOMPARE(result.ci95.has_value(), low.has_value());
    if (result.ci95) {
        QVERIFY2(near(result.ci95->low, low), qPrintable(show(result.ci95->low)));
        QVERIFY2(near(result.ci95->high, high), qPrintable(show(result.ci95->high)));
    }
}

void TestMetricFormulas::npsLowConfidenceBelowThirty()
{
    QVERIFY(npsFromCounts(0, 0, 0).lowConfidence);
    QVERIFY(npsFromCounts(10, 10, 9).lowConfidence);
    QVERIFY(!npsFromCounts(10, 10, 10).lowConfidence);
}

void TestMetricFormulas::activeWindow_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("daysBefore"); // visit this many days before T
    QTest::addColumn<bool>("active");
    for (int w : {365, 30, 1}) {
        QTest::addRow("W=%d on T", w) << w << 0 << true;
        QTest::addRow("W=%d T-W+1", w) << w << w - 1 << true;
        QTest::addRow("W=%d T-W", w) << w << w << false;
        QTest::addRow("W=%d after T", w) << w << -1 << false;
    }
}

void TestMetricFormulas::activeWindow()
{
    QFETCH(int, window);
    QFETCH(int, daysBefore);
    QFETCH(bool, active);
    const QDate day(2026, 3, 1);
    QCOMPARE(isActiveOn(day, {day.addDays(-daysBefore)}, window), active);
    QCOMPARE(activeWindowStart(day, window), day.addDays(1 - window));
}

void TestMetricFormulas::retentionFromSets_data()
{
    QTest::addColumn<QList<qint64>>("start");
    QTest::addColumn<QList<qint64>>("end");
    QTest::addColumn<qint64>("retained");
    QTest::addColumn<std::optional<double>>("rate");
    QTest::addColumn<std::optional<double>>("churn");

    QTest::newRow("nobody at the start")
        << QList<qint64>{} << QList<qint64>{1, 2} << qint64(0) << kNull << kNull;
    QTest::newRow("half stay") << QList<qint64>{1, 2, 3, 4} << QList<qint64>{2, 3, 5} << qint64(2)
                               << std::optional(50.0) << std::optional(50.0);
    QTest::newRow("all stay") << QList<qint64>{7} << QList<qint64>{7} << qint64(1)
                              << std::optional(100.0) << std::optional(0.0);
    QTest::newRow("a third stays") << QList<qint64>{1, 2, 3} << QList<qint64>{3} << qint64(1)
                                   << std::optional(100.0 / 3.0) << std::optional(200.0 / 3.0);
}

void TestMetricFormulas::retentionFromSets()
{
    QFETCH(QList<qint64>, start);
    QFETCH(QList<qint64>, end);
    QFETCH(qint64, retained);
    QFETCH(std::optional<double>, rate);
    QFETCH(std::optional<double>, churn);
    const RetentionResult result = MetricFormulas::retentionFromSets(
        QSet<qint64>(start.begin(), start.end()), QSet<qint64>(end.begin(), end.end()), 4);
    QCOMPARE(result.activeStart, qint64(start.size()));
    QCOMPARE(result.activeEnd, qint64(end.size()));
    QCOMPARE(result.retained, retained);
    QCOMPARE(result.newClients, qint64(4));
    QVERIFY2(near(result.rate, rate), qPrintable(show(result.rate)));
    QVERIFY2(near(result.churn, churn), qPrintable(show(result.churn)));
}

void TestMetricFormulas::noShowAndRebooking()
{
    const NoShowResult noShow = noShowFromCounts(1, 3);
    QCOMPARE(*noShow.rate, 25.0);
    QVERIFY(!noShowFromCounts(0, 0).rate);
    QCOMPARE(*rebookingFromCounts(3, 4).rate, 75.0);
    QVERIFY(!rebookingFromCounts(0, 0).rate);
}

void TestMetricFormulas::clientReferral_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("referrer");
    QTest::addColumn<bool>("referral");
    QTest::addColumn<QString>("key");

    QTest::newRow("exact") << "client referral" << false << true << kClientReferralSource;
    QTest::newRow("case and spaces")
        << "  Client REFERRAL " << false << true << kClientReferralSource;
    QTest::newRow("referring client") << QString() << true << true << kClientReferralSource;
    QTest::newRow("other source, referring client")
        << "Google" << true << true << kClientReferralSource;
    QTest::newRow("hyphen") << "client-referral" << false << false << "client-referral";
    QTest::newRow("inner spaces") << "client  referral" << false << false << "client  referral";
    QTest::newRow("other") << " Google " << false << false << "google";
    QTest::newRow("none") << QString() << false << false << kUnknownReferralSource;
    QTest::newRow("blank") << "   " << false << false << kUnknownReferralSource;
}

void TestMetricFormulas::clientReferral()
{
    QFETCH(QString, source);
    QFETCH(bool, referrer);
    QFETCH(bool, referral);
    QFETCH(QString, key);
    QCOMPARE(isClientReferral(source, referrer), referral);
    QCOMPARE(referralSourceKey(source, referrer), key);
}

void TestMetricFormulas::lifetimeYears_data()
{
    QTest::addColumn<std::optional<double>>("churn");
    QTest::addColumn<std::optional<double>>("years");
    QTest::newRow("unknown") << kNull << kNull;
    QTest::newRow("nobody left") << std::optional(0.0) << std::optional(20.0);
    QTest::newRow("4 % is capped") << std::optional(0.04) << std::optional(20.0);
    QTest::newRow("5 %") << std::optional(0.05) << std::optional(20.0);
    QTest::newRow("10 %") << std::optional(0.1) << std::optional(10.0);
    QTest::newRow("half") << std::optional(0.5) << std::optional(2.0);
    QTest::newRow("everyone") << std::optional(1.0) << std::optional(1.0);
}

void TestMetricFormulas::lifetimeYears()
{
    QFETCH(std::optional<double>, churn);
    QFETCH(std::optional<double>, years);
    QVERIFY2(near(expectedLifetimeYears(churn), years),
             qPrintable(show(expectedLifetimeYears(churn))));
}

void TestMetricFormulas::predictedClv_data()
{
    QTest::addColumn<qint64>("paid");
    QTest::addColumn<qint64>("visits");
    QTest::addColumn<qint64>("clients");
    QTest::addColumn<std::optional<double>>("churn");
    QTest::addColumn<std::optional<double>>("predicted");

    // 120000 / 40 = 3000 per visit, 40 / 10 = 4 visits per client, 1 / 0.25 = 4 years.
    QTest::newRow("quarter churn") << qint64(120000) << qint64(40) << qint64(10)
                                   << std::optional(0.25) << std::optional(48000.0);
    QTest::newRow("no churn: 20 years") << qint64(120000) << qint64(40) << qint64(10)
                                        << std::optional(0.0) << std::optional(240000.0);
    QTest::newRow("no visits") << qint64(0) << qint64(0) << qint64(0) << std::optional(0.1)
                               << kNull;
    QTest::newRow("churn unknown") << qint64(5000) << qint64(2) << qint64(1) << kNull << kNull;
}

void TestMetricFormulas::predictedClv()
{
    QFETCH(qint64, paid);
    QFETCH(qint64, visits);
    QFETCH(qint64, clients);
    QFETCH(std::optional<double>, churn);
    QFETCH(std::optional<double>, predicted);
    const auto result = predictedClvCents(paid, visits, clients, churn);
    QVERIFY2(near(result, predicted), qPrintable(show(result)));
}

void TestMetricFormulas::historicalClv()
{
    QVERIFY(!historicalClvCents(0, 0));
    QCOMPARE(*historicalClvCents(15000, 2), 7500.0);
    QCOMPARE(predictionWindow(QDate(2026, 6, 30)), (Period{QDate(2025, 7, 1), QDate(2026, 6, 30)}));
    QCOMPARE(predictionWindow(QDate(2024, 12, 31)).days(), qint64(365));
}

void TestMetricFormulas::taskDueAndMet_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QDateTime>("doneAt");
    QTest::addColumn<bool>("due");
    QTest::addColumn<bool>("met");

    const QDateTime deadline(QDate(2026, 3, 10), QTime(12, 0));
    QTest::newRow("done early") << "done" << deadline.addDays(-1) << true << true;
    QTest::newRow("done on the deadline") << "done" << deadline << true << true;
    QTest::newRow("done a second late") << "done" << deadline.addSecs(1) << true << false;
    QTest::newRow("open, deadline passed") << "open" << QDateTime() << true << false;
    QTest::newRow("cancelled") << "cancelled" << QDateTime() << false << false;
}

void TestMetricFormulas::taskDueAndMet()
{
    QFETCH(QString, status);
    QFETCH(QDateTime, doneAt);
    QFETCH(bool, due);
    QFETCH(bool, met);
    const QDateTime deadline(QDate(2026, 3, 10), QTime(12, 0));
    const QDateTime now(QDate(2026, 3, 20), QTime(9, 0));
    const TaskStatus s = *parseSqlName<TaskStatus>(status);
    QCOMPARE(taskIsDue(s, deadline, now), due);
    QCOMPARE(taskIsMet(s, doneAt, deadline), met);
    // Before the deadline an open task is not yet due; done ones always are.
    QCOMPARE(taskIsDue(s, deadline, deadline.addSecs(-1)), s == TaskStatus::Done);
}

void TestMetricFormulas::slaCountsEveryKind()
{
    SlaCounts counts;
    counts.byKind[TaskKind::DiscussResult] = {1, 2};
    counts.byKind[TaskKind::CheckinCall] = {3, 3};
    const SlaResult result = slaFromCounts(counts);
    QCOMPARE(result.byKind.size(), allOf<TaskKind>().size());
    QCOMPARE(result.total.met, qint64(4));
    QCOMPARE(result.total.due, qint64(5));
    QCOMPARE(*result.total.rate, 80.0);
    QCOMPARE(*result.byKind.at(TaskKind::DiscussResult).rate, 50.0);
    QVERIFY(!result.byKind.at(TaskKind::Letter).rate);
    QVERIFY(!slaFromCounts({}).total.rate);
}

void TestMetricFormulas::slaDeadlines()
{
    // SLA adherence counts against the deadlines the tasks carry (core/aftercare/deadlines):
    // hours are elapsed hours, so 72 h over the spring clock change (29 March 2026 in Berlin)
    // end one wall-clock hour later; days are calendar days.
    const Deadlines berlin(QTimeZone("Europe/Berlin"));
    const QDateTime received(QDate(2026, 3, 27), QTime(10, 15));
    QCOMPARE(berlin.discussResult(received).deadlineAt,
             QDateTime(QDate(2026, 3, 30), QTime(11, 15)));
    QCOMPARE(berlin.communicateResult(received).deadlineAt,
             QDateTime(QDate(2026, 4, 3), QTime(10, 15)));
    QCOMPARE(berlin.detractorCallback(QDateTime(QDate(2026, 2, 28), QTime(23, 0))).deadlineAt,
             QDateTime(QDate(2026, 3, 2), QTime(23, 0)));
    QCOMPARE(berlin.detractorCallback(QDateTime(QDate(2026, 10, 24), QTime(9, 0))).deadlineAt,
             QDateTime(QDate(2026, 10, 26), QTime(8, 0)));
    const auto checkin = berlin.checkinCall(QDateTime(QDate(2026, 1, 30), QTime(16, 0)), 3);
    QVERIFY(checkin);
    QCOMPARE(checkin->deadlineAt, QDateTime(QDate(2026, 2, 2), QTime(23, 59, 59)));
    const auto sameDay = berlin.checkinCall(QDateTime(QDate(2026, 1, 30), QTime(16, 0)), 0);
    QVERIFY(sameDay);
    QCOMPARE(sameDay->deadlineAt, QDateTime(QDate(2026, 1, 30), QTime(23, 59, 59)));
    QVERIFY(!berlin.checkinCall(QDateTime(QDate(2026, 1, 30), QTime(16, 0)), std::nullopt));
}

void TestMetricFormulas::stepConsent_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("purpose"); // empty: none needed
    QTest::newRow("quality") << "quality_followup" << QString();
    QTest::newRow("feedback") << "feedback_request"
                              << "surveys";
    QTest::newRow("thank you") << "thank_you" << QString();
    QTest::newRow("community") << "community_invite"
                               << "community";
    QTest::newRow("newsletter") << "newsletter_invite"
                                << "marketing";
}

void TestMetricFormulas::stepConsent()
{
    QFETCH(QString, step);
    QFETCH(QString, purpose);
    const PostServiceStep s = *parseSqlName<PostServiceStep>(step);
    const auto needed = consentNeededFor(s);
    QCOMPARE(needed ? sqlName(*needed) : QString(), purpose);
    QVERIFY(!stepApplies(s, false, true));
    QVERIFY(stepApplies(s, true, true));
    QCOMPARE(stepApplies(s, true, false), purpose.isEmpty());
}

void TestMetricFormulas::postServiceDelta()
{
    PostServiceCounts counts;
    counts.visits = 2;
    counts.applicable = {2, 2, 2, 1, 0};
    counts.done = {2, 1, 0, 1, 0};
    const PostServiceDeltaResult result = postServiceDeltaFromCounts(counts);
    // Missing: 0 + 1 + 2 + 0 + 0 = 3 over 2 visits.
    QCOMPARE(*result.mean, 1.5);
    QCOMPARE(result.visits, qint64(2));
    QCOMPARE(result.steps.size(), std::size_t(5));
    QCOMPARE(*result.steps.at(PostServiceStep::QualityFollowUp).share, 100.0);
    QCOMPARE(*result.steps.at(PostServiceStep::FeedbackRequest).share, 50.0);
    QCOMPARE(*result.steps.at(PostServiceStep::ThankYou).share, 0.0);
    QCOMPARE(*result.steps.at(PostServiceStep::CommunityInvite).share, 100.0);
    QVERIFY(!result.steps.at(PostServiceStep::NewsletterInvite).share);
    QVERIFY(!postServiceDeltaFromCounts({}).mean);
}

void TestMetricFormulas::cohortWindows_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<int>("months");
    QTest::addColumn<QDate>("end");
    QTest::newRow("same day") << QDate(2025, 1, 10) << 3 << QDate(2025, 4, 10);
    QTest::newRow("31 Jan + 1") << QDate(2025, 1, 31) << 1 << QDate(2025, 2, 28);
    QTest::newRow("31 Jan + 1, leap year") << QDate(2024, 1, 31) << 1 << QDate(2024, 2, 29);
    QTest::newRow("31 Jan + 3") << QDate(2025, 1, 31) << 3 << QDate(2025, 4, 30);
    QTest::newRow("31 Aug + 6") << QDate(2025, 8, 31) << 6 << QDate(2026, 2, 28);
    QTest::newRow("29 Feb + 12") << QDate(2024, 2, 29) << 12 << QDate(2025, 2, 28);
}

void TestMetricFormulas::cohortWindows()
{
    QFETCH(QDate, first);
    QFETCH(int, months);
    QFETCH(QDate, end);
    QCOMPARE(cohortWindowEnd(first, months), end);
}

void TestMetricFormulas::cohortSharesWaitForTheirWindow()
{
    const QDate january(2025, 1, 1);
    // The cohort's last day, 31 January, has its 3-month window up to 30 April.
    QVERIFY(!cohortWindowElapsed(january, 3, QDate(2025, 4, 29)));
    QVERIFY(cohortWindowElapsed(january, 3, QDate(2025, 4, 30)));
    const CohortRow row = cohortFromCounts(QDate(2025, 1, 17), 5, 1, 2, 3, QDate(2025, 7, 31));
    QCOMPARE(row.month, january);
    QCOMPARE(*row.k3, 20.0);
    QCOMPARE(*row.k6, 40.0);
    QVERIFY(!row.k12);
    QVERIFY(!cohortFromCounts(january, 0, 0, 0, 0, QDate(2030, 1, 1)).k3);
}

void TestMetricFormulas::monthsEndingOn()
{
    const QList<Period> months = Period::monthsEndingOn(QDate(2026, 2, 14), 3);
    QCOMPARE(months.size(), 3);
    QCOMPARE(months[0], (Period{QDate(2025, 12, 1), QDate(2025, 12, 31)}));
    QCOMPARE(months[1], (Period{QDate(2026, 1, 1), QDate(2026, 1, 31)}));
    QCOMPARE(months[2], (Period{QDate(2026, 2, 1), QDate(2026, 2, 14)}));
    QCOMPARE(Period::monthOf(QDate(2024, 2, 10)), (Period{QDate(2024, 2, 1), QDate(2024, 2, 29)}));
}

void TestMetricFormulas::previousPeriod_data()
{
    QTest::addColumn<Period>("period");
    QTest::addColumn<Period>("previous");
    QTest::newRow("month") << Period{QDate(2026, 3, 1), QDate(2026, 3, 31)}
                           << Period{QDate(2026, 2, 1), QDate(2026, 2, 28)};
    QTest::newRow("month after a short one") << Period{QDate(2026, 4, 1), QDate(2026, 4, 30)}
                                             << Period{QDate(2026, 3, 1), QDate(2026, 3, 31)};
    QTest::newRow("quarter") << Period{QDate(2026, 1, 1), QDate(2026, 3, 31)}
                             << Period{QDate(2025, 10, 1), QDate(2025, 12, 31)};
    QTest::newRow("year") << Period{QDate(2026, 1, 1), QDate(2026, 12, 31)}
                          << Period{QDate(2025, 1, 1), QDate(2025, 12, 31)};
    QTest::newRow("days") << Period{QDate(2026, 3, 10), QDate(2026, 3, 16)}
                          << Period{QDate(2026, 3, 3), QDate(2026, 3, 9)};
    QTest::newRow("month not to its end") << Period{QDate(2026, 3, 1), QDate(2026, 3, 30)}
                                          << Period{QDate(2026, 1, 30), QDate(2026, 2, 28)};
    QTest::newRow("one day") << Period{QDate(2026, 3, 1), QDate(2026, 3, 1)}
                             << Period{QDate(2026, 2, 28), QDate(2026, 2, 28)};
}

void TestMetricFormulas::previousPeriod()
{
    QFETCH(Period, period);
    QFETCH(Period, previous);
    QCOMPARE(period.previous(), previous);
}

QTEST_GUILESS_MAIN(TestMetricFormulas)
#include "tst_metrics_formulas.moc"
