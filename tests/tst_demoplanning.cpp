// backends: sqlite postgresql
#include "aftercare/deadlines.h"
#include "aftercare/followupplanner.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "demo/demopractice.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// A small practice with a fixed day, so that the history is the same on every run.
DemoOptions smallPractice()
{
    DemoOptions options;
    options.clients = 250;
    options.years = 3;
    options.seed = 11;
    options.today = QDate(2026, 12, 7);
    return options;
}

// The demo's `now`: half past seven on its last day.
QDateTime demoNow()
{
    return QDateTime(smallPractice().today, QTime(7, 30));
}

// Every follow-up task as text, for comparing before and after planning again.
QStringList taskRows(Database& db)
{
    auto query = db.run(QStringLiteral(
        "SELECT id, client_id, kind, source_key, appointment_id, result_id, feedback_id, "
        "due_at, deadline_at, priority, assignee_id, status, done_at, done_by, "
        "resolution_note FROM followup_tasks ORDER BY id"));
    QStringList rows;
    if (!query)
        return {query.error().describe()};
    while (query->next()) {
        QStringList row;
        for (int i = 0; i < 15; ++i)
            row << (query->value(i).isNull() ? QStringLiteral("<null>")
                                             : query->value(i).toString());
        rows << row.join(QLatin1Char('|'));
    }
    return rows;
}

qint64 count(Database& db, const QString& sql)
{
    auto n = db.scalar(sql);
    return n ? n->toLongLong() : -1;
}

} // namespace

// The demo practice's follow-up work is the engine's: FollowUpPlanner, run over the demo's
// history, finds nothing to add or change, and the tasks carry the engine's priorities and
// deadlines.
class TestDemoPlanning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void planningAgainFindsNothingToAddOrChange();
    void prioritiesAreThePlanners();
    void deadlinesAreTheEngines();
    void everyResultHasItsCommunicateTask();

private:
    std::unique_ptr<TestDatabase> m_holder;
    Database& db() { return m_holder->database(); }
};

void TestDemoPlanning::initTestCase()
{
    QString error;
    m_holder = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(m_holder, qPrintable(error));
    auto summary = DemoPractice::generate(db(), smallPractice());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QVERIFY(summary->tasks > 100);
}

void TestDemoPlanning::planningAgainFindsNothingToAddOrChange()
{
    const QStringList before = taskRows(db());
    FollowUpPlanner::Options options;
    options.mode = FollowUpPlanner::Mode::Full;
    options.now = demoNow();
    options.staleAfterDays = 0;
    auto report = FollowUpPlanner(db()).plan(options, Actor::system());
    QVERIFY2(report, qPrintable(report ? QString() : report.error().describe()));
    QString created;
    for (FollowUpTaskId id : report->created)
        created += QStringLiteral(" %1").arg(id.value());
    QVERIFY2(report->created.empty(), qPrintable(QStringLiteral("created:") + created));
    QCOMPARE(report->closed, 0);
    QCOMPARE(taskRows(db()), before);
}

void TestDemoPlanning::prioritiesAreThePlanners()
{
    const std::array<std::pair<TaskKind, int>, 6> priorities{{
        {TaskKind::DiscussResult, FollowUpPlanner::kDiscussPriority},
        {TaskKind::CommunicateResult, FollowUpPlanner::kCommunicatePriority},
        {TaskKind::CheckinCall, FollowUpPlanner::kCheckinPriority},
        {TaskKind::DetractorCallback, FollowUpPlanner::kDetractorPriority},
        {TaskKind::RebookReminder, FollowUpPlanner::kRebookPriority},
        {TaskKind::AnnualReview, FollowUpPlanner::kReviewPriority},
    }};
    for (const auto& [kind, priority] : priorities) {
        const QString name = sqlName(kind);
        QVERIFY2(count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE kind = '%1'")
                                 .arg(name)) > 0,
                 qPrintable(name));
        QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE kind = '%1' "
                                            "AND priority <> %2")
                                 .arg(name)
                                 .arg(priority)),
                 0);
    }
}

void TestDemoPlanning::deadlinesAreTheEngines()
{
    const Deadlines deadlines(QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    auto query = db().run(
        QStringLiteral("SELECT t.kind, t.due_at, t.deadline_at, a.ends_at, st.checkin_after_days, "
                       "st.rebook_after_weeks FROM followup_tasks t JOIN appointments a ON a.id = "
                       "t.appointment_id JOIN service_types st ON st.id = a.service_type_id "
                       "WHERE t.kind IN ('checkin_call', 'rebook_reminder')"));
    QVERIFY(query);
    int checked = 0;
    while (query->next()) {
        const bool checkin = query->value(0).toString() == QLatin1String("checkin_call");
        const QDateTime end = SqlTime::toDateTime(query->value(3));
        const auto window = checkin ? deadlines.checkinCall(end, query->value(4).toInt())
                                    : deadlines.rebookReminder(end, query->value(5).toInt());
        QVERIFY(window);
        QCOMPARE(SqlTime::toDateTime(query->value(1)), window->dueAt);
        QCOMPARE(SqlTime::toDateTime(query->value(2)), window->deadlineAt);
        ++checked;
    }
    QVERIFY(checked > 50);
}

void TestDemoPlanning::everyResultHasItsCommunicateTask()
{
    // The planner's rule: every result is to be communicated, an abnormal one discussed too.
    QCOMPARE(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM followup_tasks WHERE kind = 'communicate_result'")),
        count(db(), QStringLiteral("SELECT count(*) FROM test_results")));
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM followup_tasks WHERE kind = 'discuss_result'")),
             count(db(), QStringLiteral("SELECT count(*) FROM test_results WHERE abnormal")));
    // A result's task is done exactly when the result was communicated (by phone or in person,
    // for a discussion).
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM followup_tasks t JOIN test_results r ON r.id = "
                             "t.result_id WHERE t.kind = 'communicate_result' AND "
                             "(t.status = 'done') <> (r.status = 'communicated')")),
             0);
}

QTEST_GUILESS_MAIN(TestDemoPlanning)
#include "tst_demoplanning.moc"
