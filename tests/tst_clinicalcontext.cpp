// backends: sqlite postgresql
#include "aftercare/resulttrend.h"
#include "database/database.h"
#include "desk/clinicalprofile.h"
#include "domain/summarytext.h"
#include "repositories/auditlog.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/resultrepository.h"
#include "repositories/summarytemplaterepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

ResultValue value(const QString& analyte, double number, std::optional<double> low,
                  std::optional<double> high, const QString& unit = QStringLiteral("mg/dl"))
{
    ResultValue v;
    v.analyte = analyte;
    v.numeric = number;
    v.referenceLow = low;
    v.referenceHigh = high;
    v.unit = unit;
    return v;
}

std::optional<ResultId> addLipids(Database& db, const Practice& p, ClientId client,
                                  const QDateTime& at, double ldl, double hdl)
{
    TestResult r;
    r.client = client;
    r.testName = QStringLiteral("Lipid profile");
    r.receivedAt = at;
    r.values = {value(QStringLiteral("LDL cholesterol"), ldl, std::nullopt, 130),
                value(QStringLiteral("HDL cholesterol"), hdl, 40, std::nullopt)};
    auto id = ResultRepository(db).create(r, p.clinician);
    return id ? std::optional<ResultId>(*id) : std::nullopt;
}

qlonglong views(Database& db, ResultId id)
{
    return AuditLog(db)
        .count(QLatin1String(ResultRepository::kViewAction), QStringLiteral("test_results"),
               id.value())
        .value();
}

// A discuss-result task on the result, with one reached call.
bool discussInACall(Database& db, const Practice& p, ClientId client, ResultId result,
                    const QDateTime& at)
{
    FollowUpTask t;
    t.client = client;
    t.kind = TaskKind::DiscussResult;
    t.result = result;
    t.sourceKey = QStringLiteral("result:%1:discuss").arg(result.value());
    t.dueAt = at.addSecs(-3600);
    t.deadlineAt = at.addDays(2);
    FollowUpTaskRepository tasks(db);
    auto id = tasks.upsert(t, p.clinician);
    if (!id)
        return false;
    auto task = tasks.get(id->id);
    CallAttempt call;
    call.attemptedAt = at;
    call.outcome = CallOutcome::Reached;
    call.nextStep = CallNextStep::Done;
    call.notes = QStringLiteral("Talked through the values; diet first.");
    call.by = p.clinician.user;
    return task && tasks.logCall(*task, call, p.clinician).has_value();
}

} // namespace

class TestClinicalContext : public QObject
{
    Q_OBJECT

private slots:
    void valuesAreHighOrLowAgainstTheirRange_data();
    void valuesAreHighOrLowAgainstTheirRange();
    void trendDirection_data();
    void trendDirection();
    void earlierResultsOfTheSameTest();
    void aTrendKeepsToOneUnit();
    void clinicalProfileIsForCliniciansAndAudited();
    void previewValuesComeFromTheTemplatesTest();
};

void TestClinicalContext::valuesAreHighOrLowAgainstTheirRange_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<RangePosition>("expected");
    const double none = -1;
    QTest::newRow("below") << 9.8 << 12.0 << 16.0 << RangePosition::Low;
    QTest::newRow("within") << 13.0 << 12.0 << 16.0 << RangePosition::WithinRange;
    QTest::newRow("on the upper end") << 16.0 << 12.0 << 16.0 << RangePosition::WithinRange;
    QTest::newRow("above") << 16.1 << 12.0 << 16.0 << RangePosition::High;
    QTest::newRow("above an upper limit only") << 180.0 << none << 130.0 << RangePosition::High;
    QTest::newRow("below a lower limit only") << 35.0 << 40.0 << none << RangePosition::Low;
    QTest::newRow("no range") << 5.0 << none << none << RangePosition::NotCompared;
}

void TestClinicalContext::valuesAreHighOrLowAgainstTheirRange()
{
    QFETCH(double, number);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(RangePosition, expected);
    const ResultValue v =
        value(QStringLiteral("x"), number, low < 0 ? std::nullopt : std::optional<double>(low),
              high < 0 ? std::nullopt : std::optional<double>(high));
    QCOMPARE(v.rangePosition(), expected);
    QCOMPARE(v.outsideReferenceRange().value_or(false),
             expected == RangePosition::Low || expected == RangePosition::High);
}

void TestClinicalContext::trendDirection_data()
{
    QTest::addColumn<double>("before");
    QTest::addColumn<double>("after");
    QTest::addColumn<TrendDirection>("expected");
    // Range 4–6: a change of up to 0.1 (5 % of the range) is steady.
    QTest::newRow("rising") << 5.1 << 8.4 << TrendDirection::Rising;
    QTest::newRow("falling") << 8.4 << 6.2 << TrendDirection::Falling;
    QTest::newRow("steady") << 5.5 << 5.55 << TrendDirection::Steady;
}

void TestClinicalContext::trendDirection()
{
    QFETCH(double, before);
    QFETCH(double, after);
    QFETCH(TrendDirection, expected);
    QCOMPARE(ResultTrend::direction(before, after, 4.0, 6.0), expected);
}

void TestClinicalContext::earlierResultsOfTheSameTest()
{
    AFTERCARE_PRACTICE(db, p);
    const auto oldest = addLipids(db, p, p.anna, at(2029, 3, 1, 9, 0), 110, 55);
    const auto middle = addLipids(db, p, p.anna, at(2030, 3, 1, 9, 0), 125, 50);
    const auto latest = addLipids(db, p, p.anna, at(2031, 3, 1, 9, 0), 168, 38);
    const auto bens = addLipids(db, p, p.ben, at(2030, 6, 1, 9, 0), 200, 30);
    const auto other = addResult(db, p, p.anna, at(2030, 9, 1, 9, 0), 5.2);
    QVERIFY(oldest && middle && latest && bens && other);
    ResultRepository repo(db);
    // The middle one was told by letter, the oldest discussed in a call.
    TestResult m = repo.content(*middle, p.clinician).value();
    QVERIFY(repo.markReviewed(m, p.clinician, at(2030, 3, 2, 9, 0)));
    QVERIFY(repo.markCommunicated(m, Channel::Letter, p.clinician, at(2030, 3, 3, 9, 0)));
    QVERIFY(discussInACall(db, p, p.anna, *oldest, at(2029, 3, 2, 10, 30)));

    const TestResult current = repo.content(*latest, p.clinician).value();
    QCOMPARE(current.values.at(0).rangePosition(), RangePosition::High);
    QCOMPARE(current.values.at(1).rangePosition(), RangePosition::Low);
    const qlonglong oldestViews = views(db, *oldest);

    QCOMPARE(errorKind(repo.earlierResults(current, p.reception)),
             std::optional(ErrorKind::Permission));
    QCOMPARE(views(db, *oldest), oldestViews);

    auto earlier = repo.earlierResults(current, p.clinician);
    QVERIFY2(earlier, why(earlier));
    // Anna's two earlier lipid profiles, newest first; not Ben's, not her HbA1c.
    QCOMPARE(earlier->size(), std::size_t(2));
    QCOMPARE(earlier->at(0).result.id, *middle);
    QCOMPARE(earlier->at(1).result.id, *oldest);
    QCOMPARE(earlier->at(0).result.status, ResultStatus::Communicated);
    QCOMPARE(earlier->at(0).result.communicatedChannel, std::optional(Channel::Letter));
    QVERIFY(!earlier->at(0).discussedAt.isValid());
    QCOMPARE(earlier->at(1).discussedAt, at(2029, 3, 2, 10, 30));
    QCOMPARE(views(db, *oldest), oldestViews + 1);

    std::vector<TestResult> results;
    for (const DiscussedResult& e : *earlier)
        results.push_back(e.result);
    const std::vector<AnalyteTrend> trends = ResultTrend::of(current, results);
    QCOMPARE(trends.size(), std::size_t(2));
    QCOMPARE(trends[0].analyte, QStringLiteral("LDL cholesterol"));
    QCOMPARE(trends[0].points.size(), std::size_t(3));
    QCOMPARE(trends[0].points.front().value, 110.0);
    QCOMPARE(trends[0].points.back().value, 168.0);
    QCOMPARE(trends[0].points.back().position, RangePosition::High);
    QCOMPARE(trends[0].direction, TrendDirection::Rising);
    QCOMPARE(trends[1].direction, TrendDirection::Falling);
    QCOMPARE(trends[1].points.back().position, RangePosition::Low);
}

void TestClinicalContext::aTrendKeepsToOneUnit()
{
    // An earlier glucose in mg/dl and the current one in mmol/l are not one series: 99 mg/dl
    // then 5.8 mmol/l is no fall.
    TestResult before;
    before.id = ResultId(1);
    before.receivedAt = at(2030, 3, 1, 9, 0);
    before.values = {value(QStringLiteral("Glucose"), 99, 70, 100, QStringLiteral("mg/dl"))};
    TestResult earlierSameUnit = before;
    earlierSameUnit.id = ResultId(2);
    earlierSameUnit.receivedAt = at(2030, 9, 1, 9, 0);
    earlierSameUnit.values = {
        value(QStringLiteral("Glucose"), 5.1, 3.9, 5.6, QStringLiteral("mmol/l"))};
    TestResult current = before;
    current.id = ResultId(3);
    current.receivedAt = at(2031, 3, 1, 9, 0);
    current.values = {value(QStringLiteral("Glucose"), 5.8, 3.9, 5.6, QStringLiteral("mmol/l"))};

    const auto trends = ResultTrend::of(current, {before, earlierSameUnit});
    QCOMPARE(trends.size(), std::size_t(1));
    QCOMPARE(trends[0].points.size(), std::size_t(2));
    QCOMPARE(trends[0].points.front().value, 5.1);
    QCOMPARE(trends[0].direction, TrendDirection::Rising);

    const auto alone = ResultTrend::of(current, {before});
    QCOMPARE(alone[0].points.size(), std::size_t(1));
    QCOMPARE(alone[0].direction, TrendDirection::Unknown);
}

void TestClinicalContext::clinicalProfileIsForCliniciansAndAudited()
{
    AFTERCARE_PRACTICE(db, p);
    const auto result = addLipids(db, p, p.anna, at(2031, 3, 1, 9, 0), 168, 38);
    QVERIFY(result);
    QVERIFY(discussInACall(db, p, p.anna, *result, at(2031, 3, 2, 10, 30)));
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Nps, 4, at(2031, 3, 3, 12, 0), {},
                        QStringLiteral("Waited too long.")));
    const qlonglong auditRows = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));

    ClinicalProfileReader reader(db);
    for (const Actor& other : {p.reception, p.manager, p.admin})
        QCOMPARE(errorKind(reader.read(p.anna, other)), std::optional(ErrorKind::Permission));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log")), auditRows);

    auto profile = reader.read(p.anna, p.clinician);
    QVERIFY2(profile, why(profile));
    QCOMPARE(profile->client.id, p.anna);
    QCOMPARE(profile->results.size(), std::size_t(1));
    QCOMPARE(profile->results[0].result.values.size(), std::size_t(2));
    QCOMPARE(profile->results[0].discussedAt, at(2031, 3, 2, 10, 30));
    QCOMPARE(profile->calls.size(), std::size_t(1));
    QCOMPARE(profile->calls[0].attempts.size(), std::size_t(1));
    QCOMPARE(profile->calls[0].attempts[0].outcome, CallOutcome::Reached);
    QCOMPARE(profile->calls[0].attempts[0].notes,
             QStringLiteral("Talked through the values; diet first."));
    QVERIFY(profile->calls[0].reason.contains(QStringLiteral("Lipid profile")));
    QCOMPARE(profile->feedback.size(), std::size_t(1));
    QCOMPARE(profile->feedback[0].comment, QStringLiteral("Waited too long."));

    QCOMPARE(AuditLog(db)
                 .count(QLatin1String(ClinicalProfileReader::kViewAction),
                        QStringLiteral("clients"), p.anna.value())
                 .value(),
             1);
    QCOMPARE(views(db, *result), 1);
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'task.view' "
                                  "AND client_id = ?"),
                   {p.anna.toVariant()}),
             1);
}

void TestClinicalContext::previewValuesComeFromTheTemplatesTest()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addResult(db, p, p.ben, at(2031, 2, 1, 9, 0), 5.0)); // an HbA1c, 4.0–6.0
    QVERIFY(addLipids(db, p, p.anna, at(2031, 3, 1, 9, 0), 168, 38));
    SummaryTemplateRepository templates(db);

    auto reference = templates.referenceValues(QStringLiteral("Lipid profile"));
    QVERIFY2(reference, why(reference));
    QCOMPARE(reference->size(), std::size_t(2));
    QCOMPARE(reference->at(0).analyte, QStringLiteral("LDL cholesterol"));
    QCOMPARE(reference->at(0).unit, QStringLiteral("mg/dl"));
    QCOMPARE(reference->at(0).referenceHigh, std::optional<double>(130));
    QVERIFY(!reference->at(0).numeric); // no client's number leaves the repository
    QCOMPARE(templates.referenceValues(QStringLiteral("Never measured"))->size(), std::size_t(0));

    const auto normal =
        SummaryText::sampleValues(QStringLiteral("Lipid profile"), *reference, false);
    QCOMPARE(normal.size(), std::size_t(2));
    for (const ResultValue& v : normal)
        QCOMPARE(v.rangePosition(), RangePosition::WithinRange);
    const auto abnormal =
        SummaryText::sampleValues(QStringLiteral("Lipid profile"), *reference, true);
    QCOMPARE(abnormal[0].rangePosition(), RangePosition::High);
    QCOMPARE(abnormal[1].rangePosition(), RangePosition::WithinRange);

    auto hba1c = templates.referenceValues(QStringLiteral("HbA1c"));
    const auto sample = SummaryText::sampleValues(QStringLiteral("HbA1c"), *hba1c, true);
    QCOMPARE(sample.size(), std::size_t(1));
    QCOMPARE(sample[0].analyte, QStringLiteral("HbA1c"));
    QCOMPARE(sample[0].rangePosition(), RangePosition::High);
}

QTEST_GUILESS_MAIN(TestClinicalContext)
#include "tst_clinicalcontext.moc"
