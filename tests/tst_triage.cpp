// backends: sqlite postgresql
// Triage: the Today page counts follow-up work by the worklist's own rule, the worklist puts
// abnormal results and unhappy clients first and sorts by any column in SQL, and the Today
// page's lists name who comes next and who is waiting.
#include "aftercare/worklist.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "today/todayoverview.h"
#include "tst_aftercare_fixture.h"

#include <QStringList>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kNow = at(2031, 3, 10, 12, 0);

bool task(Database& db, const Practice& p, ClientId client, const QString& key, TaskKind kind,
          int dueHours, int deadlineHours, int priority, UserId assignee = {})
{
    FollowUpTask t;
    t.client = client;
    t.kind = kind;
    t.sourceKey = key;
    t.dueAt = kNow.addSecs(dueHours * 3600);
    t.deadlineAt = kNow.addSecs(deadlineHours * 3600);
    t.priority = priority;
    t.assignee = assignee;
    return FollowUpTaskRepository(db).upsert(t, p.admin).has_value();
}

// Work as a practice has it at noon: some due since the morning, some since yesterday but
// with days left, some past its deadline, some due later today or tomorrow.
bool aDaysWork(Database& db, const Practice& p)
{
    const UserId me = p.clinician.user;
    return task(db, p, p.anna, QStringLiteral("rebook-late"), TaskKind::RebookReminder, -300, -20,
                3) &&
           task(db, p, p.ben, QStringLiteral("checkin-late"), TaskKind::CheckinCall, -40, -16, 3,
                me) &&
           // Due yesterday, deadline in four days: due, not overdue.
           task(db, p, p.anna, QStringLiteral("communicate"), TaskKind::CommunicateResult, -26,
                4 * 24, 2) &&
           task(db, p, p.ben, QStringLiteral("discuss"), TaskKind::DiscussResult, -2, 70, 1) &&
           task(db, p, p.anna, QStringLiteral("detractor"), TaskKind::DetractorCallback, -1, 47, 1,
                me) &&
           task(db, p, p.ben, QStringLiteral("checkin-today"), TaskKind::CheckinCall, -12, 11, 3,
                me) &&
           task(db, p, p.anna, QStringLiteral("review"), TaskKind::AnnualReview, -5, 30 * 24, 4) &&
           // Not due yet: this afternoon and tomorrow.
           task(db, p, p.ben, QStringLiteral("afternoon"), TaskKind::CheckinCall, 3, 11, 3) &&
           task(db, p, p.anna, QStringLiteral("tomorrow"), TaskKind::CheckinCall, 12, 35, 3);
}

QStringList keysOf(Database& db, const Result<std::vector<WorklistRow>>& rows)
{
    QStringList keys;
    if (!rows)
        return {QStringLiteral("<error> ") + rows.error().describe()};
    FollowUpTaskRepository tasks(db);
    for (const WorklistRow& row : *rows)
        keys << tasks.get(row.task)->sourceKey;
    return keys;
}

} // namespace

class TestTriage : public QObject
{
    Q_OBJECT

private slots:
    void todayCountsWhatTheWorklistShows();
    void urgentWorkFirst();
    void sortedByAnyColumn_data();
    void sortedByAnyColumn();
    void arrivalsAndWaiting();
};

void TestTriage::todayCountsWhatTheWorklistShows()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(aDaysWork(db, p));
    auto figures = TodayOverview(db).figures(kNow);
    QVERIFY2(figures, why(figures));
    Worklist worklist(db);
    auto due = worklist.counts(TodayOverview::dueTasks(kNow));
    auto overdue = worklist.counts(TodayOverview::overdueTasks(kNow));
    QVERIFY2(due && overdue, "counts");
    // Seven due now, two of them past their deadline; the afternoon's and tomorrow's not yet.
    QCOMPARE(due->total, qint64(7));
    QCOMPARE(due->overdue, qint64(2));
    QCOMPARE(figures->tasksDue, due->total);
    QCOMPARE(figures->tasksOverdue, due->overdue);
    // The worklist the overdue figure opens lists exactly as many lines.
    QCOMPARE(overdue->total, figures->tasksOverdue);
    QCOMPARE(qint64(worklist.rows(TodayOverview::overdueTasks(kNow))->size()),
             figures->tasksOverdue);
    QCOMPARE(qint64(worklist.rows(TodayOverview::dueTasks(kNow))->size()), figures->tasksDue);

    // The person's own list: theirs and what nobody has taken yet.
    WorklistQuery mine = TodayOverview::tasksOf(p.clinician.user, kNow);
    QCOMPARE(mine.scope, WorklistScope::MineAndUnassigned);
    QCOMPARE(worklist.counts(mine)->total, qint64(7));
    QCOMPARE(worklist.counts(TodayOverview::tasksOf(p.manager.user, kNow))->total, qint64(4));
}

void TestTriage::urgentWorkFirst()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(aDaysWork(db, p));
    WorklistQuery query = TodayOverview::dueTasks(kNow);
    // Abnormal results and unhappy clients before anything else, then by deadline (the
    // overdue check-in before today's), the annual review last.
    QCOMPARE(keysOf(db, Worklist(db).rows(query)),
             QStringList({QStringLiteral("detractor"), QStringLiteral("discuss"),
                          QStringLiteral("communicate"), QStringLiteral("rebook-late"),
                          QStringLiteral("checkin-late"), QStringLiteral("checkin-today"),
                          QStringLiteral("review")}));
    // Paging keeps the order.
    query.limit = 3;
    query.offset = 3;
    QCOMPARE(keysOf(db, Worklist(db).rows(query)),
             QStringList({QStringLiteral("rebook-late"), QStringLiteral("checkin-late"),
                          QStringLiteral("checkin-today")}));
}

void TestTriage::sortedByAnyColumn_data()
{
    QTest::addColumn<WorklistSort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("deadline") << WorklistSort::Deadline << false
                              << QStringList{"rebook-late", "checkin-late", "checkin-today",
                                             "detractor",   "discuss",      "communicate",
                                             "review"};
    QTest::newRow("due, latest first")
        << WorklistSort::Due << true
        << QStringList{"detractor",   "discuss",      "review",     "checkin-today",
                       "communicate", "checkin-late", "rebook-late"};
    // Ben Okafor before Anna Müller when reversed; each client's lines in triage order.
    QTest::newRow("client, reversed")
        << WorklistSort::Client << true
        << QStringList{"discuss",     "checkin-late", "checkin-today", "detractor",
                       "communicate", "rebook-late",  "review"};
    // Dr Clara Klinik's lines, then nobody's.
    QTest::newRow("assignee") << WorklistSort::Assignee << false
                              << QStringList{"detractor", "checkin-late", "checkin-today",
                                             "discuss",   "communicate",  "rebook-late",
                                             "review"};
    // By the kind's name: Annual review, Call back…, Check-in call, Discuss…, Pass on…, Rebook…
    QTest::newRow("kind") << WorklistSort::Kind << false
                          << QStringList{"review",  "detractor",   "checkin-late", "checkin-today",
                                         "discuss", "communicate", "rebook-late"};
}

void TestTriage::sortedByAnyColumn()
{
    QFETCH(WorklistSort, sort);
    QFETCH(bool, descending);
    QFETCH(QStringList, keys);
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(aDaysWork(db, p));
    WorklistQuery query = TodayOverview::dueTasks(kNow);
    query.sort = sort;
    query.descending = descending;
    QCOMPARE(keysOf(db, Worklist(db).rows(query)), keys);
    // The count does not depend on the order.
    QCOMPARE(Worklist(db).counts(query)->total, qint64(keys.size()));
}

void TestTriage::arrivalsAndWaiting()
{
    AFTERCARE_PRACTICE(db, p);
    const QDate today = kNow.date();
    // Anna was due at 11:45 and is late (still expected until 12:15); Ben at 14:00; a visit
    // of this morning is over; one booked for tomorrow; one cancelled.
    const auto late = addVisit(db, p, p.anna, p.consultation, QDateTime(today, QTime(11, 45)),
                               AppointmentStatus::Booked);
    const auto later = addVisit(db, p, p.ben, p.consultation, QDateTime(today, QTime(14, 0)),
                                AppointmentStatus::Confirmed, p.silva);
    const auto over = addVisit(db, p, p.ben, p.consultation, QDateTime(today, QTime(9, 0)),
                               AppointmentStatus::Booked);
    const auto tomorrow =
        addVisit(db, p, p.anna, p.consultation, QDateTime(today.addDays(1), QTime(9, 0)),
                 AppointmentStatus::Booked);
    QVERIFY(late && later && over && tomorrow);
    // Two checked in with Dr Silva: Ben at 11:50 for noon, Anna at 11:20 for 11:30. Who came
    // first has waited longest.
    const auto benWaiting = addVisit(db, p, p.ben, p.physio, QDateTime(today, QTime(12, 0)),
                                     AppointmentStatus::Booked, p.silva);
    const auto annaWaiting = addVisit(db, p, p.anna, p.physio, QDateTime(today, QTime(11, 30)),
                                      AppointmentStatus::Booked, p.silva);
    QVERIFY(benWaiting && annaWaiting);
    AppointmentRepository appointments(db);
    for (const auto& [id, arrived] :
         {std::pair{*benWaiting, QTime(11, 50)}, std::pair{*annaWaiting, QTime(11, 20)}}) {
        Appointment a = appointments.get(id).value();
        QVERIFY(appointments.checkIn(a, p.reception, QDateTime(today, arrived)));
    }

    TodayOverview overview(db);
    auto arrivals = overview.arrivals(kNow, 10);
    QVERIFY2(arrivals, why(arrivals));
    QCOMPARE(int(arrivals->size()), 2);
    QCOMPARE((*arrivals)[0].appointment, *late);
    QCOMPARE((*arrivals)[0].clientName, QStringLiteral("Anna Müller"));
    QCOMPARE((*arrivals)[0].practitionerName, QStringLiteral("Dr Weber"));
    QCOMPARE((*arrivals)[1].appointment, *later);
    QCOMPARE((*arrivals)[1].practitioner, p.silva);
    QCOMPARE((*arrivals)[1].status, AppointmentStatus::Confirmed);
    QCOMPARE(int(overview.arrivals(kNow, 1)->size()), 1);

    auto waiting = overview.waiting(kNow, 10);
    QVERIFY2(waiting, why(waiting));
    QCOMPARE(int(waiting->size()), 2);
    QCOMPARE((*waiting)[0].appointment, *annaWaiting);
    QCOMPARE((*waiting)[0].checkedInAt, QDateTime(today, QTime(11, 20)));
    QCOMPARE((*waiting)[1].appointment, *benWaiting);
    QCOMPARE((*waiting)[1].serviceName, QStringLiteral("Physiotherapy"));

    auto figures = overview.figures(kNow);
    QVERIFY2(figures, why(figures));
    QCOMPARE(figures->appointments, qint64(5));
    QCOMPARE(figures->arrived, qint64(2));
}

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
