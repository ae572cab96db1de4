// backends: sqlite postgresql
#include "aftercare/followupplanner.h"
#include "aftercare/worklist.h"
#include "desk/callservice.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QStringList>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kNow = at(2031, 3, 10, 12, 0);

std::optional<FollowUpTaskId> task(Database& db, const Practice& p, ClientId client,
                                   const QString& key, TaskKind kind, const QDateTime& due,
                                   const QDateTime& deadline, int priority, UserId assignee = {})
{
    FollowUpTask t;
    t.client = client;
    t.kind = kind;
    t.sourceKey = key;
    t.dueAt = due;
    t.deadlineAt = deadline;
    t.priority = priority;
    t.assignee = assignee;
    auto id = FollowUpTaskRepository(db).upsert(t, p.admin);
    return id ? std::optional<FollowUpTaskId>(id->id) : std::nullopt;
}

QStringList keysOf(Database& db, const std::vector<WorklistRow>& rows)
{
    QStringList keys;
    FollowUpTaskRepository tasks(db);
    for (const WorklistRow& row : rows)
        keys << tasks.get(row.task)->sourceKey;
    return keys;
}

// Seven open tasks around kNow, and one done.
bool sevenTasks(Database& db, const Practice& p)
{
    const UserId me = p.clinician.user;
    const UserId other = p.manager.user;
    const struct
    {
        const char* key;
        TaskKind kind;
        int dueHours;      // from kNow
        int deadlineHours; // from kNow
        int priority;
        UserId assignee;
    } rows[] = {
        {"late-2", TaskKind::CheckinCall, -72, -30, 3, me},
        {"late-1", TaskKind::RebookReminder, -200, -48, 4, {}},
        {"today-p1", TaskKind::DiscussResult, -5, 20, 1, other},
        {"today-p3", TaskKind::CheckinCall, -5, 20, 3, me},
        {"soon", TaskKind::CommunicateResult, -1, 60, 2, {}},
        {"tomorrow", TaskKind::CheckinCall, 20, 40, 3, me}, // not yet due
        {"next-week", TaskKind::AnnualReview, 150, 300, 4, {}},
    };
    for (const auto& r : rows) {
        if (!task(db, p, p.anna, QLatin1String(r.key), r.kind, kNow.addSecs(r.dueHours * 3600),
                  kNow.addSecs(r.deadlineHours * 3600), r.priority, r.assignee))
            return false;
    }
    auto closed = task(db, p, p.ben, QStringLiteral("closed"), TaskKind::CheckinCall,
                       kNow.addDays(-3), kNow.addDays(-2), 1);
    if (!closed)
        return false;
    FollowUpTaskRepository tasks(db);
    auto done = tasks.get(*closed);
    return done && tasks.complete(*done, QStringLiteral("done"), p.clinician, kNow.addDays(-3));
}

} // namespace

class TestAftercareWorklist : public QObject
{
    Q_OBJECT

private slots:
    void mostUrgentFirst();
    void filters_data();
    void filters();
    void pages();
    void rowsSayWhyWithoutClinicalContent();
    void oneRow();
};

void TestAftercareWorklist::mostUrgentFirst()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(sevenTasks(db, p));
    Worklist worklist(db);
    WorklistQuery query;
    query.now = kNow;
    auto rows = worklist.rows(query);
    QVERIFY2(rows, why(rows));
    // Triage: by priority (a result to discuss first), then by deadline (overdue first);
    // not yet due left out.
    QCOMPARE(keysOf(db, *rows), QStringList({QStringLiteral("today-p1"), QStringLiteral("soon"),
                                             QStringLiteral("late-2"), QStringLiteral("today-p3"),
                                             QStringLiteral("late-1")}));
    QCOMPARE((*rows)[0].overdue, false);
    QCOMPARE((*rows)[0].priority, 1);
    QCOMPARE((*rows)[2].overdue, true);
    QCOMPARE((*rows)[3].overdue, false);
    QCOMPARE((*rows)[4].overdue, true);
    QCOMPARE((*rows)[4].clientName, QStringLiteral("Anna Müller"));
    QCOMPARE((*rows)[4].kind, TaskKind::RebookReminder);
    QCOMPARE((*rows)[2].assignee, p.clinician.user);
    QCOMPARE((*rows)[2].assigneeName, QStringLiteral("Dr Clara Klinik"));
    QVERIFY((*rows)[4].assigneeName.isEmpty());

    query.upcomingDays = 1;
    auto upcoming = worklist.rows(query);
    QVERIFY2(upcoming, why(upcoming));
    // Upcoming work takes its place by priority and deadline among the work due now.
    QCOMPARE(keysOf(db, *upcoming),
             QStringList({QStringLiteral("today-p1"), QStringLiteral("soon"),
                          QStringLiteral("late-2"), QStringLiteral("today-p3"),
                          QStringLiteral("tomorrow"), QStringLiteral("late-1")}));
    QVERIFY((*upcoming)[4].upcoming);
    QVERIFY(!(*upcoming)[5].upcoming);
}

void TestAftercareWorklist::filters_data()
{
    QTest::addColumn<WorklistScope>("scope");
    QTest::addColumn<int>("kind"); // -1: any
    QTest::addColumn<bool>("overdueOnly");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("mine") << WorklistScope::Mine << -1 << false
                          << QStringList{QStringLiteral("late-2"), QStringLiteral("today-p3")};
    QTest::newRow("mine and unassigned")
        << WorklistScope::MineAndUnassigned << -1 << false
        << QStringList{QStringLiteral("soon"), QStringLiteral("late-2"), QStringLiteral("today-p3"),
                       QStringLiteral("late-1")};
    QTest::newRow("check-in calls")
        << WorklistScope::All << int(TaskKind::CheckinCall) << false
        << QStringList{QStringLiteral("late-2"), QStringLiteral("today-p3")};
    QTest::newRow("overdue") << WorklistScope::All << -1 << true
                             << QStringList{QStringLiteral("late-2"), QStringLiteral("late-1")};
    QTest::newRow("my overdue") << WorklistScope::Mine << -1 << true
                                << QStringList{QStringLiteral("late-2")};
    QTest::newRow("letters") << WorklistScope::All << int(TaskKind::Letter) << false
                             << QStringList{};
}

void TestAftercareWorklist::filters()
{
    QFETCH(WorklistScope, scope);
    QFETCH(int, kind);
    QFETCH(bool, overdueOnly);
    QFETCH(QStringList, keys);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(sevenTasks(db, p));
    WorklistQuery query;
    query.now = kNow;
    query.scope = scope;
    query.me = p.clinician.user;
    if (kind >= 0)
        query.kind = TaskKind(kind);
    query.overdueOnly = overdueOnly;
    Worklist worklist(db);
    auto rows = worklist.rows(query);
    QVERIFY2(rows, why(rows));
    QCOMPARE(keysOf(db, *rows), keys);
    auto counts = worklist.counts(query);
    QVERIFY2(counts, why(counts));
    QCOMPARE(counts->total, qint64(keys.size()));
    qint64 overdue = 0;
    for (const WorklistRow& row : *rows)
        overdue += row.overdue ? 1 : 0;
    QCOMPARE(counts->overdue, overdue);
}

void TestAftercareWorklist::pages()
{
    AFTERCARE_PRACTICE(db, p);
    for (int i = 0; i < 23; ++i)
        QVERIFY(task(db, p, i % 2 ? p.anna : p.ben,
                     QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0')), TaskKind::CheckinCall,
                     kNow.addDays(-1), kNow.addSecs((i - 10) * 3600), 2));
    Worklist worklist(db);
    WorklistQuery query;
    query.now = kNow;
    query.limit = 10;
    QStringList all;
    for (int page = 0; page < 3; ++page) {
        query.offset = page * 10;
        auto rows = worklist.rows(query);
        QVERIFY2(rows, why(rows));
        QCOMPARE(int(rows->size()), page < 2 ? 10 : 3);
        all << keysOf(db, *rows);
    }
    QStringList sorted = all;
    sorted.sort();
    QCOMPARE(all, sorted); // deadlines rise with the number
    QCOMPARE(all.size(), 23);
    QCOMPARE(worklist.counts(query)->total, qint64(23));
    QCOMPARE(worklist.counts(query)->overdue, qint64(10));
    query.client = p.ben;
    query.offset = 0;
    query.limit = 50;
    QCOMPARE(int(worklist.rows(query)->size()), 12);
    query.limit = 0;
    QCOMPARE(errorKind(worklist.rows(query)), std::optional(ErrorKind::Validation));
}

void TestAftercareWorklist::rowsSayWhyWithoutClinicalContent()
{
    AFTERCARE_PRACTICE(db, p);
    const QDateTime received = kNow.addDays(-1);
    const auto result = addResult(db, p, p.anna, received, 9.7, {}, QStringLiteral("Ferritin"));
    const auto visit = addVisit(db, p, p.ben, p.consultation, kNow.addDays(-3));
    QVERIFY(result && visit);
    const auto answer = addFeedback(db, p, p.ben, FeedbackKind::Nps, 3, kNow.addDays(-1), *visit,
                                    QStringLiteral("The doctor was rude to me."));
    QVERIFY(answer);
    auto planned = FollowUpPlanner(db).plan(
        FollowUpPlanner::Options{FollowUpPlanner::Mode::Full, kNow, 90}, p.clinician);
    QVERIFY2(planned, why(planned));
    QCOMPARE(int(planned->created.size()), 4); // discuss, communicate, recovery, check-in

    // A call with notes on the discuss task.
    FollowUpTask discuss =
        FollowUpTaskRepository(db)
            .findBySourceKey(QStringLiteral("result:%1:discuss").arg(result->value()))
            .value();
    CallLog log;
    log.outcome = CallOutcome::NoAnswer;
    log.notes = QStringLiteral("Ferritin 9.7 high; mention iron tablets.");
    log.nextStep = CallNextStep::CallAgain;
    log.at = kNow.addSecs(-3600);
    log.callAgainAt = kNow.addSecs(-600);
    QVERIFY(CallService(db).logCall(discuss, log, p.clinician));
    log.at = kNow.addSecs(-300);
    log.callAgainAt = kNow.addSecs(-60);
    QVERIFY(CallService(db).logCall(discuss, log, p.clinician));

    WorklistQuery query;
    query.now = kNow;
    auto rows = Worklist(db).rows(query);
    QVERIFY2(rows, why(rows));
    QCOMPARE(int(rows->size()), 4);
    bool sawDiscuss = false;
    bool sawRecovery = false;
    for (const WorklistRow& row : *rows) {
        const QString everything = row.kindText + row.reason + row.clientName;
        QVERIFY2(!everything.contains(QStringLiteral("9.7")), qPrintable(everything));
        QVERIFY2(!everything.contains(QStringLiteral("rude")), qPrintable(everything));
        QVERIFY2(!everything.contains(QStringLiteral("iron")), qPrintable(everything));
        QVERIFY(!row.reason.isEmpty());
        QVERIFY(row.reason != row.kindText);
        if (row.kind == TaskKind::DiscussResult) {
            sawDiscuss = true;
            QVERIFY(row.reason.contains(QStringLiteral("Ferritin")));
            QCOMPARE(row.attempts, 2);
            QCOMPARE(row.lastAttemptAt, kNow.addSecs(-300));
            QCOMPARE(row.priority, 1);
        } else if (row.kind == TaskKind::DetractorCallback) {
            sawRecovery = true;
            QVERIFY(row.reason.contains(QStringLiteral("3")));
            QCOMPARE(row.attempts, 0);
        } else if (row.kind == TaskKind::CheckinCall) {
            QVERIFY(row.reason.contains(QStringLiteral("Consultation")));
        }
    }
    QVERIFY(sawDiscuss && sawRecovery);
}

void TestAftercareWorklist::oneRow()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(sevenTasks(db, p));
    FollowUpTaskRepository tasks(db);
    FollowUpTask soon = tasks.findBySourceKey(QStringLiteral("soon")).value();
    Worklist worklist(db);
    auto row = worklist.row(soon.id, kNow);
    QVERIFY2(row, why(row));
    QCOMPARE(row->task, soon.id);
    QCOMPARE(row->rowVersion, soon.rowVersion);
    QCOMPARE(row->deadlineAt, soon.deadlineAt);
    QVERIFY(tasks.complete(soon, QStringLiteral("Told."), p.clinician, kNow));
    QCOMPARE(errorKind(worklist.row(soon.id, kNow)), std::optional(ErrorKind::NotFound));
}

QTEST_GUILESS_MAIN(TestAftercareWorklist)
#include "tst_aftercare_worklist.moc"
