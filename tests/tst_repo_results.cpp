// backends: sqlite postgresql
#include "database/database.h"
#include "repositories/auditlog.h"
#include "repositories/resultrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

ResultValue value(const QString& analyte, std::optional<double> number, std::optional<double> low,
                  std::optional<double> high, const QString& unit = QStringLiteral("mmol/L"))
{
    ResultValue v;
    v.analyte = analyte;
    v.numeric = number;
    v.referenceLow = low;
    v.referenceHigh = high;
    v.unit = unit;
    return v;
}

TestResult lipidPanel(ClientId client)
{
    TestResult r;
    r.client = client;
    r.testName = QStringLiteral("Lipid panel");
    r.receivedAt = QDateTime(QDate(2031, 3, 10), QTime(8, 15));
    r.values = {value(QStringLiteral("LDL"), 4.9, std::nullopt, 3.0),
                value(QStringLiteral("HDL"), 1.4, 1.0, std::nullopt)};
    r.formalReport = QStringLiteral("LDL elevated. HDL within range.");
    return r;
}

qlonglong views(Database& db, ResultId id)
{
    return AuditLog(db)
        .count(QLatin1String(ResultRepository::kViewAction), QStringLiteral("test_results"),
               id.value())
        .value();
}

} // namespace

class TestRepoResults : public QObject
{
    Q_OBJECT

private slots:
    void contentIsForCliniciansOnly_data();
    void contentIsForCliniciansOnly();
    void everyViewIsAudited();
    void statusViewIsForEveryone();
    void lifecycle();
    void lifecycleOutOfOrderIsRefused();
    void staleResultIsRefused();
    void abnormalIsProposedFromRanges_data();
    void abnormalIsProposedFromRanges();
    void sameResultTwiceIsAConflict();
    void invalidResultsAreRefused();
};

void TestRepoResults::contentIsForCliniciansOnly_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("reception") << Role::Reception << false;
    QTest::newRow("manager") << Role::Manager << false;
    QTest::newRow("admin") << Role::Admin << false;
    QTest::newRow("clinician") << Role::Clinician << true;
}

void TestRepoResults::contentIsForCliniciansOnly()
{
    QFETCH(Role, role);
    QFETCH(bool, allowed);
    AFTERCARE_PRACTICE(db, p);
    const Actor actor = role == Role::Reception ? p.reception
                        : role == Role::Manager ? p.manager
                        : role == Role::Admin   ? p.admin
                                                : p.clinician;
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception); // the desk may file what the lab sent
    QVERIFY2(id, why(id));

    auto content = repo.content(*id, actor);
    QCOMPARE(bool(content), allowed);
    if (!allowed) {
        QCOMPARE(content.error().kind, ErrorKind::Permission);
        QCOMPARE(views(db, *id), 0); // a refused read is not a view
    } else {
        QCOMPARE(content->values.size(), std::size_t(2));
        QCOMPARE(content->formalReport, QStringLiteral("LDL elevated. HDL within range."));
        QCOMPARE(views(db, *id), 1);
    }

    // Writing clinical content is refused the same way, and changes nothing.
    TestResult anyCopy;
    anyCopy.id = *id;
    anyCopy.rowVersion = 1;
    const auto sign =
        repo.signOffSummary(anyCopy, QStringLiteral("Your cholesterol is a little high."), actor);
    const auto review = repo.markReviewed(anyCopy, actor);
    const auto flag = repo.confirmAbnormal(anyCopy, false, actor);
    if (allowed) {
        QVERIFY2(sign, why(sign));
        QVERIFY2(review, why(review));
        QVERIFY2(flag, why(flag));
    } else {
        QCOMPARE(errorKind(sign), std::optional(ErrorKind::Permission));
        QCOMPARE(errorKind(review), std::optional(ErrorKind::Permission));
        QCOMPARE(errorKind(flag), std::optional(ErrorKind::Permission));
        QCOMPARE(repo.status(*id)->status, ResultStatus::Received);
        QCOMPARE(repo.status(*id)->summarySigned, false);
        QCOMPARE(repo.status(*id)->rowVersion, 1);
    }
}

void TestRepoResults::everyViewIsAudited()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.clinician);
    QVERIFY(id);
    auto other = repo.create(lipidPanel(p.ben), p.clinician);
    QVERIFY(other);

    constexpr int kViews = 5;
    for (int i = 0; i < kViews; ++i)
        QVERIFY(repo.content(*id, p.clinician));
    QVERIFY(!repo.content(*id, p.reception));
    QVERIFY(!repo.content(*id, p.manager));
    QVERIFY(repo.content(*other, p.clinician));

    QCOMPARE(views(db, *id), kViews);
    QCOMPARE(views(db, *other), 1);

    auto trail = AuditLog(db).forClient(p.anna);
    QVERIFY2(trail, why(trail));
    int seen = 0;
    for (const AuditEntry& e : *trail) {
        if (e.action != QLatin1String(ResultRepository::kViewAction))
            continue;
        ++seen;
        QCOMPARE(e.user, p.clinician.user);
        QCOMPARE(e.userName, QStringLiteral("Dr Clara Klinik"));
        QCOMPARE(e.client, p.anna);
        QCOMPARE(e.entity, QStringLiteral("test_results"));
        QCOMPARE(e.entityId, id->value());
        QCOMPARE(e.workstation, QStringLiteral("room-2"));
        QVERIFY(e.at.isValid());
        QVERIFY(qAbs(e.at.secsTo(QDateTime::currentDateTime())) < 300);
    }
    QCOMPARE(seen, kViews);

    // The log cannot be edited or emptied afterwards.
    QVERIFY(!db.run(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY(!db.run(QStringLiteral("UPDATE audit_log SET user_id = NULL")));
    QCOMPARE(views(db, *id), kViews);
}

void TestRepoResults::statusViewIsForEveryone()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult later = lipidPanel(p.anna);
    later.testName = QStringLiteral("TSH");
    later.receivedAt = later.receivedAt.addDays(2);
    later.values = {value(QStringLiteral("TSH"), 2.0, 0.4, 4.0, QStringLiteral("mU/L"))};
    QVERIFY(repo.create(later, p.reception));

    // The status view has no values, no summary and no abnormal flag: there is nothing in it
    // that the desk may not see, and reading it writes no audit row.
    auto status = repo.status(*id);
    QVERIFY2(status, why(status));
    QCOMPARE(status->testName, QStringLiteral("Lipid panel"));
    QCOMPARE(status->receivedAt, QDateTime(QDate(2031, 3, 10), QTime(8, 15)));
    QCOMPARE(status->status, ResultStatus::Received);
    QCOMPARE(status->client, p.anna);
    QCOMPARE(views(db, *id), 0);

    auto list = repo.statusesForClient(p.anna);
    QVERIFY(list);
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(list->front().testName, QStringLiteral("TSH")); // newest first
    QCOMPARE(repo.statusesForClient(p.ben)->size(), std::size_t(0));
    QCOMPARE(repo.withStatus(ResultStatus::Received)->size(), std::size_t(2));
    QCOMPARE(repo.withStatus(ResultStatus::Reviewed)->size(), std::size_t(0));
}

void TestRepoResults::lifecycle()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult r = repo.content(*id, p.clinician).value();
    QCOMPARE(r.status, ResultStatus::Received);

    QVERIFY2(repo.signOffSummary(r, QStringLiteral("Your LDL cholesterol is raised; let's talk."),
                                 p.clinician),
             "sign off");
    QCOMPARE(r.summary, QStringLiteral("Your LDL cholesterol is raised; let's talk."));
    QCOMPARE(r.summarySignedBy, p.clinician.user);
    QVERIFY(r.summarySignedAt.isValid());
    QCOMPARE(r.rowVersion, 2);

    const QDateTime reviewed(QDate(2031, 3, 10), QTime(11, 0));
    QVERIFY2(repo.markReviewed(r, p.clinician, reviewed), "review");
    QCOMPARE(r.status, ResultStatus::Reviewed);
    QCOMPARE(r.reviewedBy, p.clinician.user);
    QCOMPARE(r.reviewedAt, reviewed);

    const QDateTime told(QDate(2031, 3, 11), QTime(9, 5));
    QVERIFY2(repo.markCommunicated(r, Channel::Phone, p.clinician, told), "communicate");
    QCOMPARE(r.status, ResultStatus::Communicated);
    QCOMPARE(r.communicatedBy, p.clinician.user);
    QCOMPARE(r.communicatedAt, told);
    QCOMPARE(r.communicatedChannel, std::optional(Channel::Phone));

    auto status = repo.status(*id).value();
    QCOMPARE(status.status, ResultStatus::Communicated);
    QCOMPARE(status.summarySigned, true);
    QCOMPARE(status.communicatedChannel, std::optional(Channel::Phone));
    QCOMPARE(status.communicatedAt, told);

    // Each change is audited with its own action; only the one read counts as a view.
    QCOMPARE(views(db, *id), 1);
    QCOMPARE(AuditLog(db)
                 .count(QStringLiteral("result.communicate"), QStringLiteral("test_results"),
                        id->value())
                 .value(),
             1);
}

void TestRepoResults::lifecycleOutOfOrderIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult r = repo.content(*id, p.clinician).value();

    auto early = repo.markCommunicated(r, Channel::Letter, p.clinician);
    QCOMPARE(errorKind(early), std::optional(ErrorKind::Validation));
    QCOMPARE(repo.status(*id)->status, ResultStatus::Received);
    QCOMPARE(r.rowVersion, 1);

    QVERIFY(repo.markReviewed(r, p.clinician));
    QCOMPARE(errorKind(repo.markReviewed(r, p.clinician)), std::optional(ErrorKind::Validation));
    QVERIFY(repo.markCommunicated(r, Channel::Letter, p.clinician));
    QCOMPARE(errorKind(repo.markCommunicated(r, Channel::Phone, p.clinician)),
             std::optional(ErrorKind::Validation));
    // Once the client was told, what they were told no longer changes.
    QCOMPARE(errorKind(repo.signOffSummary(r, QStringLiteral("Rewritten"), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.confirmAbnormal(r, false, p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.signOffSummary(r, QStringLiteral("  "), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(repo.status(*id)->communicatedChannel, std::optional(Channel::Letter));
}

void TestRepoResults::staleResultIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult mine = repo.content(*id, p.clinician).value();
    TestResult theirs = mine;
    QVERIFY(repo.signOffSummary(theirs, QStringLiteral("First version"), p.clinician));

    auto stale = repo.signOffSummary(mine, QStringLiteral("Second version"), p.clinician);
    QCOMPARE(errorKind(stale), std::optional(ErrorKind::Conflict));
    QCOMPARE(mine.rowVersion, 1);
    QCOMPARE(repo.content(*id, p.clinician)->summary, QStringLiteral("First version"));
}

void TestRepoResults::abnormalIsProposedFromRanges_data()
{
    QTest::addColumn<QVariant>("number");
    QTest::addColumn<QVariant>("low");
    QTest::addColumn<QVariant>("high");
    QTest::addColumn<QVariant>("given"); // the value's flag as entered, or nothing
    QTest::addColumn<QVariant>("expectedValueFlag");
    QTest::addColumn<bool>("expectedResultFlag");

    QTest::newRow("inside") << QVariant(5.0) << QVariant(4.0) << QVariant(6.0) << QVariant()
                            << QVariant(false) << false;
    QTest::newRow("on the edge") << QVariant(6.0) << QVariant(4.0) << QVariant(6.0) << QVariant()
                                 << QVariant(false) << false;
    QTest::newRow("above") << QVariant(6.5) << QVariant(4.0) << QVariant(6.0) << QVariant()
                           << QVariant(true) << true;
    QTest::newRow("below") << QVariant(3.9) << QVariant(4.0) << QVariant(6.0) << QVariant()
                           << QVariant(true) << true;
    QTest::newRow("only an upper limit")
        << QVariant(210.0) << QVariant() << QVariant(200.0) << QVariant() << QVariant(true) << true;
    QTest::newRow("no range: unknown")
        << QVariant(5.0) << QVariant() << QVariant() << QVariant() << QVariant() << false;
    QTest::newRow("stated flag wins") << QVariant(5.0) << QVariant(4.0) << QVariant(6.0)
                                      << QVariant(true) << QVariant(true) << true;
    QTest::newRow("stated normal wins") << QVariant(9.0) << QVariant(4.0) << QVariant(6.0)
                                        << QVariant(false) << QVariant(false) << false;
}

void TestRepoResults::abnormalIsProposedFromRanges()
{
    QFETCH(QVariant, number);
    QFETCH(QVariant, low);
    QFETCH(QVariant, high);
    QFETCH(QVariant, given);
    QFETCH(QVariant, expectedValueFlag);
    QFETCH(bool, expectedResultFlag);
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    TestResult r = lipidPanel(p.anna);
    ResultValue v = value(QStringLiteral("X"), number.toDouble(), std::nullopt, std::nullopt);
    if (low.isValid())
        v.referenceLow = low.toDouble();
    if (high.isValid())
        v.referenceHigh = high.toDouble();
    if (given.isValid())
        v.abnormal = given.toBool();
    // A second, normal value: the result is abnormal only because of the first one.
    r.values = {v, value(QStringLiteral("Y"), 1.0, 0.5, 1.5)};
    auto id = repo.create(r, p.reception);
    QVERIFY2(id, why(id));

    auto stored = repo.content(*id, p.clinician).value();
    QCOMPARE(stored.values.size(), std::size_t(2));
    const std::optional<bool> expected = expectedValueFlag.isValid()
                                             ? std::optional<bool>(expectedValueFlag.toBool())
                                             : std::nullopt;
    QCOMPARE(stored.values[0].abnormal, expected);
    QCOMPARE(stored.values[1].abnormal, std::optional<bool>(false));
    QCOMPARE(stored.abnormal, std::optional<bool>(expectedResultFlag));
    QCOMPARE(stored.values[0].numeric, std::optional<double>(number.toDouble()));
    QCOMPARE(stored.values[0].unit, QStringLiteral("mmol/L"));
    QCOMPARE(stored.values[0].referenceLow.has_value(), low.isValid());

    // The clinician may overrule the proposal; who did is recorded.
    QVERIFY(repo.confirmAbnormal(stored, !expectedResultFlag, p.clinician));
    QCOMPARE(stored.abnormal, std::optional<bool>(!expectedResultFlag));
    QCOMPARE(stored.abnormalConfirmedBy, p.clinician.user);
}

void TestRepoResults::sameResultTwiceIsAConflict()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    QVERIFY(repo.create(lipidPanel(p.anna), p.reception));
    auto twice = repo.create(lipidPanel(p.anna), p.reception);
    QCOMPARE(errorKind(twice), std::optional(ErrorKind::Conflict));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM result_values")).value().toLongLong(),
             2);
    QVERIFY(repo.create(lipidPanel(p.ben), p.reception)); // another client's is another result
}

void TestRepoResults::invalidResultsAreRefused()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    TestResult noName = lipidPanel(p.anna);
    noName.testName = QStringLiteral(" ");
    QCOMPARE(errorKind(repo.create(noName, p.reception)), std::optional(ErrorKind::Validation));
    TestResult noTime = lipidPanel(p.anna);
    noTime.receivedAt = {};
    QCOMPARE(errorKind(repo.create(noTime, p.reception)), std::optional(ErrorKind::Validation));
    TestResult emptyValue = lipidPanel(p.anna);
    emptyValue.values.push_back(ResultValue{});
    QCOMPARE(errorKind(repo.create(emptyValue, p.reception)), std::optional(ErrorKind::Validation));
    TestResult upsideDown = lipidPanel(p.anna);
    upsideDown.values = {value(QStringLiteral("X"), 1.0, 5.0, 2.0)};
    QCOMPARE(errorKind(repo.create(upsideDown, p.reception)), std::optional(ErrorKind::Validation));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM test_results")).value().toLongLong(),
             0);

    TestResult text = lipidPanel(p.anna);
    ResultValue negative;
    negative.analyte = QStringLiteral("Strep A");
    negative.text = QStringLiteral("negative");
    text.values = {negative};
    auto id = repo.create(text, p.reception);
    QVERIFY2(id, why(id));
    auto stored = repo.content(*id, p.clinician).value();
    QCOMPARE(stored.values.front().text, QStringLiteral("negative"));
    QVERIFY(!stored.values.front().numeric);
    QVERIFY(!stored.values.front().abnormal);
}

QTEST_GUILESS_MAIN(TestRepoResults)
#include "tst_repo_results.moc"
