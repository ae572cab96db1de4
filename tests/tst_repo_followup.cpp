// backends: sqlite postgresql
#include "database/database.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QStringList>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kNoon(QDate(2031, 3, 10), QTime(12, 0));

FollowUpTask task(ClientId client, const QString& key, const QDateTime& deadline, int priority = 2,
                  TaskKind kind = TaskKind::CheckinCall)
{
    FollowUpTask t;
    t.client = client;
    t.kind = kind;
    t.sourceKey = key;
    t.dueAt = deadline.addSecs(-4 * 3600);
    t.deadlineAt = deadline;
    t.priority = priority;
    return t;
}

QStringList keys(const std::vector<FollowUpTask>& tasks)
{
    QStringList result;
    for (const FollowUpTask& t : tasks)
        result << t.sourceKey;
    return result;
}

} // namespace

class TestRepoFollowUp : public QObject
{
    Q_OBJECT

private slots:
    void upsertIsIdempotent();
    void invalidTasksAreRefused_data();
    void invalidTasksAreRefused();
    void openTasksMostUrgentFirst();
    void filters();
    void callNotesAreClinical();
    void callAgainMovesTheTask();
    void doneCallClosesTheTask();
    void completeAndCancel();
    void staleTaskIsRefused();
};

void TestRepoFollowUp::upsertIsIdempotent()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    FollowUpTask t =
        task(p.anna, QStringLiteral("result:42:discuss"), kNoon, 1, TaskKind::DiscussResult);
    auto first = repo.upsert(t, p.clinician);
    QVERIFY2(first, why(first));
    QVERIFY(first->created);

    // Generated again, even with other details: the first task stays as it was.
    FollowUpTask again = t;
    again.priority = 4;
    again.deadlineAt = kNoon.addDays(5);
    auto second = repo.upsert(again, p.clinician);
    QVERIFY2(second, why(second));
    QCOMPARE(second->created, false);
    QCOMPARE(second->id, first->id);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM followup_tasks")).value().toLongLong(),
             1);
    auto stored = repo.get(first->id).value();
    QCOMPARE(stored.priority, 1);
    QCOMPARE(stored.deadlineAt, kNoon);
    QCOMPARE(stored.kind, TaskKind::DiscussResult);
    QCOMPARE(stored.clientName, QStringLiteral("Anna Müller"));
    QCOMPARE(repo.findBySourceKey(QStringLiteral("result:42:discuss"))->id, first->id);

    // Also when the same key comes from a second workstation.
    auto other = Database::open(dbHolder->url());
    QVERIFY2(other, why(other));
    auto third = FollowUpTaskRepository(**other).upsert(t, p.reception);
    QVERIFY2(third, why(third));
    QCOMPARE(third->id, first->id);

    auto fresh = repo.upsert(task(p.anna, QStringLiteral("result:43:discuss"), kNoon), p.clinician);
    QVERIFY(fresh && fresh->created);
    QVERIFY(fresh->id != first->id);
}

void TestRepoFollowUp::invalidTasksAreRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("no key") << "key";
    QTest::newRow("no deadline") << "deadline";
    QTest::newRow("priority 0") << "priority0";
    QTest::newRow("priority 5") << "priority5";
    QTest::newRow("no client") << "client";
}

void TestRepoFollowUp::invalidTasksAreRefused()
{
    QFETCH(QString, what);
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    FollowUpTask t = task(p.anna, QStringLiteral("k"), kNoon);
    if (what == QLatin1String("key"))
        t.sourceKey = QStringLiteral("  ");
    else if (what == QLatin1String("deadline"))
        t.deadlineAt = {};
    else if (what == QLatin1String("priority0"))
        t.priority = 0;
    else if (what == QLatin1String("priority5"))
        t.priority = 5;
    else
        t.client = {};
    QCOMPARE(errorKind(repo.upsert(t, p.clinician)), std::optional(ErrorKind::Validation));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM followup_tasks")).value().toLongLong(),
             0);
}

void TestRepoFollowUp::openTasksMostUrgentFirst()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    // Inserted in a scrambled order.
    QVERIFY(repo.upsert(task(p.anna, QStringLiteral("later-low"), kNoon.addSecs(7200), 2),
                        p.clinician));
    QVERIFY(repo.upsert(task(p.ben, QStringLiteral("overdue-recent"), kNoon.addSecs(-3600), 1),
                        p.clinician));
    QVERIFY(repo.upsert(task(p.anna, QStringLiteral("soon"), kNoon.addSecs(3600), 4), p.clinician));
    QVERIFY(repo.upsert(task(p.anna, QStringLiteral("later-high"), kNoon.addSecs(7200), 1),
                        p.clinician));
    QVERIFY(repo.upsert(task(p.ben, QStringLiteral("overdue-oldest"), kNoon.addDays(-2), 3),
                        p.clinician));
    auto closed =
        repo.upsert(task(p.ben, QStringLiteral("closed"), kNoon.addDays(-3), 1), p.clinician);
    QVERIFY(closed);
    FollowUpTask done = repo.get(closed->id).value();
    QVERIFY(repo.complete(done, QStringLiteral("reached"), p.clinician));

    FollowUpTaskRepository::Filter filter;
    filter.asOf = kNoon;
    auto open = repo.openTasks(filter);
    QVERIFY2(open, why(open));
    QCOMPARE(keys(*open), QStringList({QStringLiteral("overdue-oldest"),
                                       QStringLiteral("overdue-recent"), QStringLiteral("soon"),
                                       QStringLiteral("later-high"), QStringLiteral("later-low")}));
    QVERIFY(open->at(0).isOverdue(kNoon));
    QVERIFY(!open->at(2).isOverdue(kNoon));

    filter.overdueOnly = true;
    QCOMPARE(keys(repo.openTasks(filter).value()),
             QStringList({QStringLiteral("overdue-oldest"), QStringLiteral("overdue-recent")}));

    // A later "now" makes more tasks overdue.
    filter.asOf = kNoon.addSecs(5400);
    QCOMPARE(repo.openTasks(filter)->size(), std::size_t(3));

    // Paging keeps the order.
    FollowUpTaskRepository::Filter page;
    page.asOf = kNoon;
    page.limit = 2;
    page.offset = 2;
    QCOMPARE(keys(repo.openTasks(page).value()),
             QStringList({QStringLiteral("soon"), QStringLiteral("later-high")}));
}

void TestRepoFollowUp::filters()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    FollowUpTask mine = task(p.anna, QStringLiteral("mine"), kNoon, 2, TaskKind::DiscussResult);
    mine.assignee = p.clinician.user;
    FollowUpTask theirs =
        task(p.ben, QStringLiteral("theirs"), kNoon, 2, TaskKind::DetractorCallback);
    theirs.assignee = p.reception.user;
    FollowUpTask nobodys =
        task(p.ben, QStringLiteral("nobodys"), kNoon.addDays(3), 2, TaskKind::CheckinCall);
    for (const FollowUpTask& t : {mine, theirs, nobodys})
        QVERIFY(repo.upsert(t, p.clinician));

    FollowUpTaskRepository::Filter f;
    f.asOf = kNoon;
    f.assignee = p.clinician.user;
    QCOMPARE(keys(repo.openTasks(f).value()), QStringList({QStringLiteral("mine")}));
    f.includeUnassigned = true;
    QCOMPARE(keys(repo.openTasks(f).value()),
             QStringList({QStringLiteral("mine"), QStringLiteral("nobodys")}));

    FollowUpTaskRepository::Filter byKind;
    byKind.asOf = kNoon;
    byKind.kind = TaskKind::DetractorCallback;
    QCOMPARE(keys(repo.openTasks(byKind).value()), QStringList({QStringLiteral("theirs")}));

    FollowUpTaskRepository::Filter byClient;
    byClient.asOf = kNoon;
    byClient.client = p.ben;
    QCOMPARE(repo.openTasks(byClient)->size(), std::size_t(2));

    FollowUpTaskRepository::Filter dueToday;
    dueToday.asOf = kNoon;
    dueToday.dueBy = kNoon;
    QCOMPARE(repo.openTasks(dueToday)->size(), std::size_t(2)); // "nobodys" is due in three days

    FollowUpTask t = repo.findBySourceKey(QStringLiteral("nobodys")).value();
    QVERIFY(repo.assign(t, p.clinician.user, p.clinician));
    QCOMPARE(t.assignee, p.clinician.user);
    f.includeUnassigned = false;
    QCOMPARE(repo.openTasks(f)->size(), std::size_t(2));
    QCOMPARE(repo.forClient(p.ben)->size(), std::size_t(2));
}

void TestRepoFollowUp::callNotesAreClinical()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    auto id = repo.upsert(task(p.anna, QStringLiteral("checkin:1"), kNoon), p.clinician);
    QVERIFY(id);
    FollowUpTask t = repo.get(id->id).value();

    CallAttempt withNotes;
    withNotes.attemptedAt = kNoon.addSecs(-600);
    withNotes.outcome = CallOutcome::Reached;
    withNotes.notes = QStringLiteral("Pain down to 2/10, stopped ibuprofen.");
    withNotes.nextStep = CallNextStep::Book;
    for (const Actor& notClinician : {p.reception, p.manager, p.admin}) {
        auto refused = repo.logCall(t, withNotes, notClinician);
        QCOMPARE(errorKind(refused), std::optional(ErrorKind::Permission));
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM call_attempts")).value().toLongLong(),
             0);
    QCOMPARE(t.rowVersion, 1);

    // The desk may log that nobody answered.
    CallAttempt noAnswer;
    noAnswer.attemptedAt = kNoon.addSecs(-3600);
    noAnswer.outcome = CallOutcome::NoAnswer;
    noAnswer.nextStep = CallNextStep::Book;
    QVERIFY2(repo.logCall(t, noAnswer, p.reception), "reception logs a call without notes");
    QVERIFY2(repo.logCall(t, withNotes, p.clinician), "clinician logs notes");
    QCOMPARE(t.rowVersion, 3);

    auto forDesk = repo.callAttempts(t.id, p.reception);
    QVERIFY(forDesk);
    QCOMPARE(forDesk->size(), std::size_t(2));
    QCOMPARE(forDesk->at(0).outcome, CallOutcome::NoAnswer);
    QCOMPARE(forDesk->at(0).notesHidden, false); // there were none
    QCOMPARE(forDesk->at(1).outcome, CallOutcome::Reached);
    QVERIFY(forDesk->at(1).notes.isEmpty());
    QCOMPARE(forDesk->at(1).notesHidden, true);
    QCOMPARE(repo.callAttempts(t.id, p.manager)->at(1).notes, QString());

    auto forClinician = repo.callAttempts(t.id, p.clinician);
    QCOMPARE(forClinician->at(1).notes, QStringLiteral("Pain down to 2/10, stopped ibuprofen."));
    QCOMPARE(forClinician->at(1).notesHidden, false);
    QCOMPARE(forClinician->at(1).by, p.clinician.user);
}

void TestRepoFollowUp::callAgainMovesTheTask()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    auto id = repo.upsert(task(p.anna, QStringLiteral("checkin:2"), kNoon.addDays(1)), p.clinician);
    QVERIFY(id);
    FollowUpTask t = repo.get(id->id).value();

    CallAttempt noTime;
    noTime.attemptedAt = kNoon;
    noTime.nextStep = CallNextStep::CallAgain;
    QCOMPARE(errorKind(repo.logCall(t, noTime, p.reception)), std::optional(ErrorKind::Validation));
    noTime.callAgainAt = kNoon.addSecs(-60);
    QCOMPARE(errorKind(repo.logCall(t, noTime, p.reception)), std::optional(ErrorKind::Validation));

    CallAttempt voicemail;
    voicemail.attemptedAt = kNoon;
    voicemail.outcome = CallOutcome::Voicemail;
    voicemail.nextStep = CallNextStep::CallAgain;
    voicemail.callAgainAt = kNoon.addSecs(3 * 3600);
    QVERIFY(repo.logCall(t, voicemail, p.reception));
    QCOMPARE(t.dueAt, kNoon.addSecs(3 * 3600));
    QCOMPARE(t.status, TaskStatus::Open);
    QCOMPARE(repo.get(t.id)->dueAt, kNoon.addSecs(3 * 3600));
    QCOMPARE(repo.callAttempts(t.id, p.clinician)->front().callAgainAt, kNoon.addSecs(3 * 3600));
}

void TestRepoFollowUp::doneCallClosesTheTask()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    auto id = repo.upsert(
        task(p.anna, QStringLiteral("detractor:9"), kNoon, 1, TaskKind::DetractorCallback),
        p.clinician);
    QVERIFY(id);
    FollowUpTask t = repo.get(id->id).value();
    CallAttempt reached;
    reached.attemptedAt = kNoon.addSecs(-1800);
    reached.outcome = CallOutcome::Reached;
    reached.nextStep = CallNextStep::Done;
    QVERIFY(repo.logCall(t, reached, p.clinician));
    QCOMPARE(t.status, TaskStatus::Done);
    QCOMPARE(t.doneAt, kNoon.addSecs(-1800));
    QCOMPARE(t.doneBy, p.clinician.user);

    FollowUpTaskRepository::Filter f;
    f.asOf = kNoon;
    QCOMPARE(repo.openTasks(f)->size(), std::size_t(0));
    // A closed task takes no more calls.
    QCOMPARE(errorKind(repo.logCall(t, reached, p.clinician)),
             std::optional(ErrorKind::Validation));
}

void TestRepoFollowUp::completeAndCancel()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    auto a = repo.upsert(task(p.anna, QStringLiteral("a"), kNoon), p.clinician);
    auto b = repo.upsert(task(p.ben, QStringLiteral("b"), kNoon), p.clinician);
    QVERIFY(a && b);
    FollowUpTask ta = repo.get(a->id).value();
    FollowUpTask tb = repo.get(b->id).value();

    QVERIFY(repo.complete(ta, QStringLiteral("booked a follow-up"), p.clinician, kNoon));
    QCOMPARE(ta.status, TaskStatus::Done);
    QCOMPARE(ta.resolutionNote, QStringLiteral("booked a follow-up"));
    QCOMPARE(ta.doneAt, kNoon);
    QCOMPARE(errorKind(repo.complete(ta, QString(), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.cancel(ta, QStringLiteral("late"), p.clinician)),
             std::optional(ErrorKind::Validation));

    QCOMPARE(errorKind(repo.cancel(tb, QStringLiteral(" "), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(repo.get(b->id)->status, TaskStatus::Open);
    QVERIFY(repo.cancel(tb, QStringLiteral("client moved abroad"), p.reception));
    QCOMPARE(tb.status, TaskStatus::Cancelled);
    QCOMPARE(repo.get(b->id)->resolutionNote, QStringLiteral("client moved abroad"));

    // A completed task with no note stores an empty note, not nothing.
    auto c = repo.upsert(task(p.ben, QStringLiteral("c"), kNoon), p.clinician);
    FollowUpTask tc = repo.get(c->id).value();
    QVERIFY2(repo.complete(tc, QString(), p.clinician), "complete without a note");
    QCOMPARE(tc.resolutionNote, QString());
}

void TestRepoFollowUp::staleTaskIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpTaskRepository repo(db);
    auto id = repo.upsert(task(p.anna, QStringLiteral("s"), kNoon), p.clinician);
    QVERIFY(id);
    FollowUpTask mine = repo.get(id->id).value();
    FollowUpTask theirs = mine;
    QVERIFY(repo.assign(theirs, p.clinician.user, p.clinician));

    QCOMPARE(errorKind(repo.complete(mine, QStringLiteral("done"), p.reception)),
             std::optional(ErrorKind::Conflict));
    CallAttempt c;
    c.nextStep = CallNextStep::Book;
    QCOMPARE(errorKind(repo.logCall(mine, c, p.reception)), std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(repo.cancel(mine, QStringLiteral("x"), p.reception)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(mine.rowVersion, 1);
    QCOMPARE(repo.get(id->id)->status, TaskStatus::Open);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM call_attempts")).value().toLongLong(),
             0);
}

QTEST_GUILESS_MAIN(TestRepoFollowUp)
#include "tst_repo_followup.moc"
