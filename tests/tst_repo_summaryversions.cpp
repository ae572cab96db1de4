// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/auditlog.h"
#include "repositories/resultrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

TestResult lipidPanel(ClientId client)
{
    TestResult r;
    r.client = client;
    r.testName = QStringLiteral("Lipid panel");
    r.receivedAt = QDateTime(QDate(2031, 3, 10), QTime(8, 15));
    ResultValue ldl;
    ldl.analyte = QStringLiteral("LDL");
    ldl.numeric = 4.9;
    ldl.unit = QStringLiteral("mmol/L");
    ldl.referenceHigh = 3.0;
    r.values = {ldl};
    return r;
}

qlonglong audited(Database& db, const char* action, ResultId id)
{
    return AuditLog(db)
        .count(QLatin1String(action), QStringLiteral("test_results"), id.value())
        .value();
}

QStringList texts(const std::vector<SummaryVersion>& versions)
{
    QStringList result;
    for (const SummaryVersion& v : versions)
        result << QStringLiteral("%1:%2").arg(v.version).arg(v.summary);
    return result;
}

const QString kFirst = QStringLiteral("Your LDL cholesterol is raised; let us talk.");
const QString kSecond = QStringLiteral("Your LDL cholesterol is raised. We will call you.");

} // namespace

class TestRepoSummaryVersions : public QObject
{
    Q_OBJECT

private slots:
    void everySignOffIsKept();
    void communicatedSummaryChangesOnlyAsANewVersion();
    void aChangeAfterCommunicationNeedsAReason();
    void summarySignedBeforeVersionsIsKept();
    void versionsAreForCliniciansAndAudited();
};

void TestRepoSummaryVersions::everySignOffIsKept()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY2(id, why(id));
    TestResult r = repo.content(*id, p.clinician).value();

    QVERIFY2(repo.signOffSummary(r, kFirst, p.clinician), "first sign-off");
    // Signing off the same text again keeps nothing new.
    QVERIFY2(repo.signOffSummary(r, kFirst, p.clinician), "same text");
    QVERIFY2(repo.signOffSummary(r, kSecond, p.clinician), "second sign-off");
    QCOMPARE(r.summary, kSecond);

    auto versions = repo.summaryVersions(r, p.clinician);
    QVERIFY2(versions, why(versions));
    QCOMPARE(texts(*versions),
             (QStringList{QStringLiteral("1:") + kFirst, QStringLiteral("2:") + kSecond}));
    QCOMPARE(versions->back().signedBy, p.clinician.user);
    QCOMPARE(versions->back().signedByName, QStringLiteral("Dr Clara Klinik"));
    QVERIFY(versions->back().signedAt.isValid());
    QVERIFY(versions->back().reason.isEmpty());
}

void TestRepoSummaryVersions::communicatedSummaryChangesOnlyAsANewVersion()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult r = repo.content(*id, p.clinician).value();
    QVERIFY(repo.signOffSummary(r, kFirst, p.clinician));
    QVERIFY(repo.markReviewed(r, p.clinician));
    const QDateTime told(QDate(2031, 3, 11), QTime(9, 5));
    QVERIFY(repo.markCommunicated(r, Channel::Phone, p.clinician, told));

    // What the client was told is not overwritten by a sign-off.
    QCOMPARE(errorKind(repo.signOffSummary(r, kSecond, p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(repo.content(*id, p.clinician)->summary, kFirst);

    const QString reason = QStringLiteral("The laboratory corrected the LDL value.");
    auto revised = repo.reviseSummary(r, kSecond, reason, p.clinician);
    QVERIFY2(revised, why(revised));
    QCOMPARE(r.summary, kSecond);
    QCOMPARE(r.status, ResultStatus::Communicated);
    QCOMPARE(r.communicatedAt, told);
    QCOMPARE(repo.content(*id, p.clinician)->summary, kSecond);

    // Both versions stay readable: who, when and why.
    auto versions = repo.summaryVersions(r, p.clinician);
    QVERIFY2(versions, why(versions));
    QCOMPARE(texts(*versions),
             (QStringList{QStringLiteral("1:") + kFirst, QStringLiteral("2:") + kSecond}));
    QCOMPARE(versions->at(1).reason, reason);
    QCOMPARE(versions->at(1).signedBy, p.clinician.user);
    QVERIFY(versions->at(1).signedAt.isValid());
    QVERIFY(versions->at(0).reason.isEmpty());
    QCOMPARE(audited(db, "result.revise_summary", *id), 1);

    // A second change is a third version.
    QVERIFY(
        repo.reviseSummary(r, kFirst, QStringLiteral("Back to the first wording."), p.clinician));
    QCOMPARE(repo.summaryVersions(r, p.clinician)->size(), std::size_t(3));
}

void TestRepoSummaryVersions::aChangeAfterCommunicationNeedsAReason()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult r = repo.content(*id, p.clinician).value();
    QVERIFY(repo.signOffSummary(r, kFirst, p.clinician));

    // Before the client was told, there is no version to revise: sign it off instead.
    QCOMPARE(errorKind(repo.reviseSummary(r, kSecond, QStringLiteral("typo"), p.clinician)),
             std::optional(ErrorKind::Validation));
    QVERIFY(repo.markReviewed(r, p.clinician));
    QVERIFY(repo.markCommunicated(r, Channel::Letter, p.clinician));
    const int rowVersion = r.rowVersion;

    QCOMPARE(errorKind(repo.reviseSummary(r, kSecond, QStringLiteral("   "), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.reviseSummary(r, kFirst, QStringLiteral("no change"), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.reviseSummary(r, kSecond, QStringLiteral("why"), p.reception)),
             std::optional(ErrorKind::Permission));
    QCOMPARE(r.rowVersion, rowVersion);
    QCOMPARE(repo.content(*id, p.clinician)->summary, kFirst);
    QCOMPARE(repo.summaryVersions(r, p.clinician)->size(), std::size_t(1));
    QCOMPARE(audited(db, "result.revise_summary", *id), 0);
}

void TestRepoSummaryVersions::summarySignedBeforeVersionsIsKept()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    // As the demo practice and older versions wrote it: signed off and told, no version rows.
    const QDateTime signedAt(QDate(2031, 3, 10), QTime(10, 0));
    QVERIFY(
        db.run(QStringLiteral("UPDATE test_results SET summary = ?, summary_signed_by = ?, "
                              "summary_signed_at = ?, status = 'communicated', "
                              "reviewed_at = ?, communicated_at = ?, "
                              "communicated_channel = 'phone' WHERE id = ?"),
               {kFirst, p.clinician.user.toVariant(), SqlTime::toSql(signedAt),
                SqlTime::toSql(signedAt), SqlTime::toSql(signedAt.addDays(1)), id->toVariant()}));
    TestResult r = repo.content(*id, p.clinician).value();
    auto before = repo.summaryVersions(r, p.clinician);
    QVERIFY2(before, why(before));
    QCOMPARE(texts(*before), QStringList{QStringLiteral("1:") + kFirst});
    QCOMPARE(before->front().signedAt, signedAt);

    QVERIFY2(repo.reviseSummary(r, kSecond, QStringLiteral("Clearer wording."), p.clinician),
             "revise");
    auto after = repo.summaryVersions(r, p.clinician);
    QCOMPARE(texts(*after),
             (QStringList{QStringLiteral("1:") + kFirst, QStringLiteral("2:") + kSecond}));
    QCOMPARE(after->front().signedAt, signedAt);
}

void TestRepoSummaryVersions::versionsAreForCliniciansAndAudited()
{
    AFTERCARE_PRACTICE(db, p);
    ResultRepository repo(db);
    auto id = repo.create(lipidPanel(p.anna), p.reception);
    QVERIFY(id);
    TestResult r = repo.content(*id, p.clinician).value();
    QVERIFY(repo.signOffSummary(r, kFirst, p.clinician));
    const qlonglong views = audited(db, ResultRepository::kViewAction, *id);
    for (const Actor& other : {p.reception, p.manager, p.admin})
        QCOMPARE(errorKind(repo.summaryVersions(r, other)), std::optional(ErrorKind::Permission));
    QCOMPARE(audited(db, ResultRepository::kViewAction, *id), views);
    QVERIFY(repo.summaryVersions(r, p.clinician));
    QCOMPARE(audited(db, ResultRepository::kViewAction, *id), views + 1);
}

QTEST_GUILESS_MAIN(TestRepoSummaryVersions)
#include "tst_repo_summaryversions.moc"
