// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/feedbackrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

Feedback answer(ClientId client, FeedbackKind kind, int score, const QDateTime& at)
{
    Feedback f(*FeedbackScore::parse(kind, score));
    f.client = client;
    f.respondedAt = at;
    return f;
}

} // namespace

class TestRepoFeedback : public QObject
{
    Q_OBJECT

private slots:
    void scoreRanges_data();
    void scoreRanges();
    void roundTrip();
    void oneAnswerPerMoment();
    void listsByClientAndPeriod();
};

void TestRepoFeedback::scoreRanges_data()
{
    QTest::addColumn<FeedbackKind>("kind");
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("valid");
    QTest::newRow("csat 0") << FeedbackKind::Csat << 0 << false;
    QTest::newRow("csat 1") << FeedbackKind::Csat << 1 << true;
    QTest::newRow("csat 5") << FeedbackKind::Csat << 5 << true;
    QTest::newRow("csat 6") << FeedbackKind::Csat << 6 << false;
    QTest::newRow("nps -1") << FeedbackKind::Nps << -1 << false;
    QTest::newRow("nps 0") << FeedbackKind::Nps << 0 << true;
    QTest::newRow("nps 10") << FeedbackKind::Nps << 10 << true;
    QTest::newRow("nps 11") << FeedbackKind::Nps << 11 << false;
}

void TestRepoFeedback::scoreRanges()
{
    QFETCH(FeedbackKind, kind);
    QFETCH(int, score);
    QFETCH(bool, valid);
    AFTERCARE_PRACTICE(db, p);

    // The value type refuses what is off the scale...
    const auto parsed = FeedbackScore::parse(kind, score);
    QCOMPARE(parsed.has_value(), valid);

    // ...and so does the database, for anything that bypasses the value type.
    const QDateTime at(QDate(2031, 3, 10), QTime(10, 0));
    auto raw =
        db.run(QStringLiteral(
                   "INSERT INTO feedback (client_id, kind, score, comment, responded_at, source, "
                   "created_at) VALUES (?, ?, ?, '', ?, 'survey', ?)"),
               {p.anna.toVariant(), sqlName(kind), score, SqlTime::toSql(at), SqlTime::toSql(at)});
    QCOMPARE(bool(raw), valid);
    if (!valid)
        QCOMPARE(raw.error().kind, ErrorKind::Validation);

    if (valid) {
        FeedbackRepository repo(db);
        auto id = repo.record(answer(p.ben, kind, score, at), p.reception);
        QVERIFY2(id, why(id));
        auto stored = repo.get(*id);
        QVERIFY2(stored, why(stored));
        QCOMPARE(stored->score.value(), score);
        QCOMPARE(stored->kind(), kind);
    }
}

void TestRepoFeedback::roundTrip()
{
    AFTERCARE_PRACTICE(db, p);
    FeedbackRepository repo(db);
    Feedback f =
        answer(p.anna, FeedbackKind::Nps, 3, QDateTime(QDate(2031, 3, 10), QTime(18, 45, 12)));
    f.comment = QStringLiteral("Waited 40 minutes 😠 — \"nobody told me\"");
    f.source = FeedbackSource::Paper;
    auto id = repo.record(f, p.reception);
    QVERIFY2(id, why(id));
    auto stored = repo.get(*id).value();
    QCOMPARE(stored.client, p.anna);
    QCOMPARE(stored.kind(), FeedbackKind::Nps);
    QCOMPARE(stored.score.value(), 3);
    QVERIFY(stored.score.isDetractor());
    QCOMPARE(stored.comment, f.comment);
    QCOMPARE(stored.respondedAt, QDateTime(QDate(2031, 3, 10), QTime(18, 45, 12)));
    QCOMPARE(stored.source, FeedbackSource::Paper);
    QCOMPARE(stored.recordedBy, p.reception.user);
    QVERIFY(!stored.appointment.isValid());

    Feedback noTime = f;
    noTime.respondedAt = {};
    QCOMPARE(errorKind(repo.record(noTime, p.reception)), std::optional(ErrorKind::Validation));
    Feedback noClient = f;
    noClient.client = {};
    QCOMPARE(errorKind(repo.record(noClient, p.reception)), std::optional(ErrorKind::Validation));
}

void TestRepoFeedback::oneAnswerPerMoment()
{
    AFTERCARE_PRACTICE(db, p);
    FeedbackRepository repo(db);
    const QDateTime at(QDate(2031, 3, 10), QTime(9, 0));
    QVERIFY(repo.record(answer(p.anna, FeedbackKind::Csat, 4, at), p.reception));
    // The same answer imported twice is refused, so a re-import changes nothing.
    QCOMPARE(errorKind(repo.record(answer(p.anna, FeedbackKind::Csat, 5, at), p.reception)),
             std::optional(ErrorKind::Conflict));
    // Another kind at the same moment is another answer.
    QVERIFY(repo.record(answer(p.anna, FeedbackKind::Nps, 9, at), p.reception));
    QCOMPARE(repo.forClient(p.anna)->size(), std::size_t(2));
}

void TestRepoFeedback::listsByClientAndPeriod()
{
    AFTERCARE_PRACTICE(db, p);
    FeedbackRepository repo(db);
    const QDate from(2031, 3, 1);
    const QDate to(2031, 3, 31);
    struct
    {
        ClientId client;
        FeedbackKind kind;
        int score;
        QDateTime at;
        bool inPeriod;
    } const rows[] = {
        {p.anna, FeedbackKind::Csat, 5, QDateTime(from.addDays(-1), QTime(23, 59, 59)), false},
        {p.anna, FeedbackKind::Csat, 4, QDateTime(from, QTime(0, 0)), true},
        {p.ben, FeedbackKind::Nps, 10, QDateTime(QDate(2031, 3, 15), QTime(12, 0)), true},
        {p.anna, FeedbackKind::Nps, 6, QDateTime(to, QTime(23, 59, 59)), true},
        {p.ben, FeedbackKind::Csat, 1, QDateTime(to.addDays(1), QTime(0, 0)), false},
    };
    for (const auto& r : rows)
        QVERIFY(repo.record(answer(r.client, r.kind, r.score, r.at), p.reception));

    auto march = repo.inPeriod(from, to);
    QVERIFY2(march, why(march));
    QCOMPARE(march->size(), std::size_t(3));
    QCOMPARE(march->at(0).respondedAt, QDateTime(from, QTime(0, 0)));
    QCOMPARE(march->at(2).respondedAt, QDateTime(to, QTime(23, 59, 59)));

    auto nps = repo.inPeriod(from, to, FeedbackKind::Nps);
    QCOMPARE(nps->size(), std::size_t(2));
    for (const Feedback& f : *nps)
        QCOMPARE(f.kind(), FeedbackKind::Nps);
    QCOMPARE(repo.inPeriod(to, to)->size(), std::size_t(1));
    QCOMPARE(errorKind(repo.inPeriod(to, from)), std::optional(ErrorKind::Validation));

    auto anna = repo.forClient(p.anna);
    QCOMPARE(anna->size(), std::size_t(3));
    QCOMPARE(anna->front().respondedAt, QDateTime(to, QTime(23, 59, 59))); // newest first
    QCOMPARE(anna->back().respondedAt, QDateTime(from.addDays(-1), QTime(23, 59, 59)));
}

QTEST_GUILESS_MAIN(TestRepoFeedback)
#include "tst_repo_feedback.moc"
