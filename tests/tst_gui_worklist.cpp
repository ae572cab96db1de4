// backends: sqlite postgresql
// gui
// Triage on screen: the worklist with its priority column, sortable headers and a readable
// "Why"; the Today page whose figures are the worklist's counts and open it, with the day's
// arrivals, waiting clients and the person's own follow-ups one activation from their screen;
// and the client's history in words.
#include "aftercare/followupplanner.h"
#include "aftercare/taskreason.h"
#include "desk/callservice.h"
#include "followup/followupworkspace.h"
#include "followup/worklistmodel.h"
#include "mainwindow.h"
#include "reception/receptionworkspace.h"
#include "reception/schedulepage.h"
#include "reception/scheduleview.h"
#include "reception/timelinemodel.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"
#include "signin/session.h"
#include "testdatabase.h"
#include "today/figuretile.h"
#include "today/todaypage.h"
#include "tst_aftercare_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

// Now to the second; the lines below are placed around it.
const QDateTime kNow = [] {
    const QDateTime now = QDateTime::currentDateTime();
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()));
}();
const QString kPassword = QStringLiteral("triage at noon 1");

template <typename T> T* child(QObject* parent, const char* name)
{
    return parent ? parent->findChild<T*>(QLatin1String(name)) : nullptr;
}

std::optional<FollowUpTaskId> addTask(Database& db, const Practice& p, ClientId client,
                                      const QString& key, TaskKind kind, int dueHours,
                                      int deadlineHours, int priority, UserId assignee = {})
{
    FollowUpTask t;
    t.client = client;
    t.kind = kind;
    t.sourceKey = key;
    t.dueAt = kNow.addSecs(dueHours * 3600);
    t.deadlineAt = kNow.addSecs(deadlineHours * 3600);
    t.priority = priority;
    t.assignee = assignee;
    auto id = FollowUpTaskRepository(db).upsert(t, p.admin);
    return id ? std::optional(id->id) : std::nullopt;
}

// A nurse who signs in, three of the practice's tasks (one hers, one overdue), Anna expected
// at this minute and Ben checked in.
struct Day
{
    UserId nurse;
    AppointmentId annaExpected;
    AppointmentId benWaiting;
    FollowUpTaskId nursesTask;
};

std::optional<Day> prepareDay(Database& db, const Practice& p)
{
    Day day;
    UserRepository users(db);
    auto nurse = users.create(p.admin, QStringLiteral("nurse"), QStringLiteral("Nina Nurse"),
                              Role::Clinician, kPassword);
    auto desk = users.create(p.admin, QStringLiteral("desk"), QStringLiteral("Dana Desk"),
                             Role::Reception, kPassword);
    if (!nurse || !desk)
        return std::nullopt;
    day.nurse = *nurse;
    auto mine = addTask(db, p, p.anna, QStringLiteral("mine"), TaskKind::DetractorCallback, -2, 40,
                        1, day.nurse);
    auto late = addTask(db, p, p.ben, QStringLiteral("late"), TaskKind::CheckinCall, -40, -10, 3);
    auto colleagues = addTask(db, p, p.ben, QStringLiteral("colleague's"),
                              TaskKind::CommunicateResult, -3, 100, 2, p.clinician.user);
    if (!mine || !late || !colleagues)
        return std::nullopt;
    day.nursesTask = *mine;
    // Within this day whatever the hour: booked for this minute, for half an hour.
    const QDateTime start(kNow.date(), QTime(kNow.time().hour(), kNow.time().minute()));
    auto anna = addVisit(db, p, p.anna, p.consultation, start, AppointmentStatus::Booked);
    auto ben = addVisit(db, p, p.ben, p.consultation, start, AppointmentStatus::Booked, p.silva);
    if (!anna || !ben)
        return std::nullopt;
    day.annaExpected = *anna;
    day.benWaiting = *ben;
    AppointmentRepository appointments(db);
    Appointment a = appointments.get(*ben).value();
    if (!appointments.checkIn(a, p.reception, start))
        return std::nullopt;
    return day;
}

// A double-click on a line of a Today list, as a person does it: the first click selects.
void doubleClick(QTreeWidget* list, QTreeWidgetItem* item)
{
    const QPoint centre = list->visualItemRect(item).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centre);
}

} // namespace

class TestGuiWorklist : public QObject
{
    Q_OBJECT

private slots:
    void worklistLeadsWithTheUrgent();
    void headersSortInSql();
    void whyIsReadable();
    void todayFiguresOpenWhatTheyCount();
    void todayLinesOpenTheirScreen();
    void receptionReachesTheDiary();
    void historyIsInWords();
};

void TestGuiWorklist::worklistLeadsWithTheUrgent()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addTask(db, p, p.anna, QStringLiteral("review"), TaskKind::AnnualReview, -50, -2, 4));
    QVERIFY(
        addTask(db, p, p.ben, QStringLiteral("recovery"), TaskKind::DetractorCallback, -1, 47, 1));
    QVERIFY(addTask(db, p, p.anna, QStringLiteral("checkin"), TaskKind::CheckinCall, -3, 5, 3));
    FollowUpWorkspace workspace(db, p.clinician);
    WorklistModel& model = *workspace.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* scope = child<QComboBox>(&workspace, "worklistScope");
    scope->setCurrentIndex(scope->findData(int(WorklistScope::All)));
    QCOMPARE(model.rowCount(), 3);
    // The unhappy client first, though the overdue review's deadline is earlier.
    QCOMPARE(model.rowAt(0)->kind, TaskKind::DetractorCallback);
    QCOMPARE(model.headerData(WorklistModel::PriorityColumn, Qt::Horizontal).toString(),
             WorklistModel::tr("Priority"));
    QCOMPARE(model.index(0, WorklistModel::PriorityColumn).data().toString(),
             QCoreApplication::translate("Vocabulary", "Urgent", "task priority"));
    QCOMPARE(model.index(2, WorklistModel::PriorityColumn).data().toString(),
             QCoreApplication::translate("Vocabulary", "Low", "task priority"));
    QCOMPARE(model.rowAt(2)->kind, TaskKind::AnnualReview);
    QVERIFY(model.rowAt(2)->overdue);
    QCOMPARE(model.index(2, WorklistModel::OverdueColumn).data().toString(),
             WorklistModel::tr("overdue"));
}

void TestGuiWorklist::headersSortInSql()
{
    AFTERCARE_PRACTICE(db, p);
    // More lines than a page, so that a sort on the loaded rows alone would be wrong.
    for (int i = 0; i < WorklistModel::kPageSize + 10; ++i)
        QVERIFY(addTask(db, p, i % 2 ? p.anna : p.ben, QStringLiteral("t%1").arg(i),
                        TaskKind::CheckinCall, -1, 10 + i, i == 57 ? 1 : 3));
    FollowUpWorkspace workspace(db, p.clinician);
    workspace.resize(1200, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    auto* view = child<QTableView>(&workspace, "worklistView");
    WorklistModel& model = *workspace.model();
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(WorklistModel::PriorityColumn));
    QCOMPARE(model.rowCount(), WorklistModel::kPageSize);
    // The one urgent line of the 60 comes first though it was made 58th.
    QCOMPARE(model.rowAt(0)->priority, 1);

    // A click on "Client" sorts the whole list by client: Ben Okafor's 30 lines after Anna
    // Müller's, and in reverse order at a second click.
    auto* header = view->horizontalHeader();
    const QPoint client(header->sectionViewportPosition(WorklistModel::ClientColumn) + 5,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, client);
    QCOMPARE(model.query().sort, WorklistSort::Client);
    QCOMPARE(model.rowAt(0)->client, p.anna);
    QCOMPARE(model.rowAt(WorklistModel::kPageSize - 1)->client, p.ben);
    QCOMPARE(model.counts().total, qint64(60));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, client);
    QVERIFY(model.query().descending);
    QCOMPARE(model.rowAt(0)->client, p.ben);
    // Sorted by deadline: the earliest first.
    const QPoint deadline(header->sectionViewportPosition(WorklistModel::DeadlineColumn) + 5,
                          header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, deadline);
    QCOMPARE(model.query().sort, WorklistSort::Deadline);
    QCOMPARE(model.rowAt(0)->deadlineAt, kNow.addSecs(10 * 3600));
}

void TestGuiWorklist::whyIsReadable()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4, {},
                      QStringLiteral("Comprehensive metabolic panel with lipids")));
    QVERIFY(FollowUpPlanner(db).plan(p.clinician));
    FollowUpWorkspace workspace(db, p.clinician);
    // A laptop's window beside the navigation.
    workspace.resize(1000, 600);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    auto* view = child<QTableView>(&workspace, "worklistView");
    WorklistModel& model = *workspace.model();
    QVERIFY(model.rowCount() >= 2);
    const QFontMetrics metrics(view->font());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString why = model.index(row, WorklistModel::WhyColumn).data().toString();
        QVERIFY2(view->columnWidth(WorklistModel::WhyColumn) >= metrics.horizontalAdvance(why),
                 qPrintable(QStringLiteral("%1 px for \"%2\"")
                                .arg(view->columnWidth(WorklistModel::WhyColumn))
                                .arg(why)));
        QCOMPARE(model.index(row, WorklistModel::WhyColumn).data(Qt::ToolTipRole).toString(), why);
    }
}

void TestGuiWorklist::todayFiguresOpenWhatTheyCount()
{
    AFTERCARE_PRACTICE(db, p);
    const auto day = prepareDay(db, p);
    QVERIFY(day);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showWorkspace(QStringLiteral("today")));
    auto* today = qobject_cast<TodayPage*>(window.workspace(QStringLiteral("today")));
    QVERIFY(today);
    auto* due = child<FigureTile>(today, "tasksDueTile");
    auto* overdue = child<FigureTile>(today, "tasksOverdueTile");
    QCOMPARE(due->valueText(), QStringLiteral("3"));
    QCOMPARE(overdue->valueText(), QStringLiteral("1"));
    QVERIFY(due->isLink() && overdue->isLink());
    // The nurse has no diary: the day's figures count, and lead nowhere.
    QVERIFY(!child<FigureTile>(today, "appointmentsTile")->isLink());
    QCOMPARE(child<FigureTile>(today, "appointmentsTile")->valueText(), QStringLiteral("2"));
    QCOMPARE(child<FigureTile>(today, "checkedInTile")->valueText(), QStringLiteral("1"));

    // "Overdue" opens the worklist of exactly those tasks.
    QTest::mouseClick(overdue, Qt::LeftButton);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    auto* worklist = qobject_cast<FollowUpWorkspace*>(window.workspace(QStringLiteral("followup")));
    QVERIFY(worklist);
    QVERIFY(child<QCheckBox>(worklist, "worklistOverdueOnly")->isChecked());
    QCOMPARE(worklist->model()->counts().total, qint64(1));
    QCOMPARE(worklist->model()->rowCount(), 1);
    QCOMPARE(child<QLabel>(worklist, "worklistCounts")->text(),
             FollowUpWorkspace::tr("%n due", nullptr, 1) + QStringLiteral(" · ") +
                 FollowUpWorkspace::tr("%n overdue", nullptr, 1));

    // "Due", by the keyboard: every task due, the practice's, as the figure counted.
    QVERIFY(window.showWorkspace(QStringLiteral("today")));
    due->setFocus();
    QTest::keyClick(due, Qt::Key_Return);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    QVERIFY(!child<QCheckBox>(worklist, "worklistOverdueOnly")->isChecked());
    QCOMPARE(worklist->model()->counts().total, qint64(3));
    QCOMPARE(worklist->model()->counts().overdue, qint64(1));
}

void TestGuiWorklist::todayLinesOpenTheirScreen()
{
    AFTERCARE_PRACTICE(db, p);
    const auto day = prepareDay(db, p);
    QVERIFY(day);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showWorkspace(QStringLiteral("today")));
    auto* today = window.workspace(QStringLiteral("today"));

    auto* arrivals = child<QTreeWidget>(today, "todayArrivals");
    auto* waiting = child<QTreeWidget>(today, "todayWaiting");
    auto* tasks = child<QTreeWidget>(today, "todayTasks");
    QVERIFY(arrivals && waiting && tasks);
    QCOMPARE(arrivals->topLevelItemCount(), 1);
    QCOMPARE(arrivals->topLevelItem(0)->text(1), QStringLiteral("Anna Müller"));
    QCOMPARE(arrivals->topLevelItem(0)->text(2), QStringLiteral("Dr Weber"));
    QCOMPARE(waiting->topLevelItemCount(), 1);
    QCOMPARE(waiting->topLevelItem(0)->text(1), QStringLiteral("Ben Okafor"));
    // Hers and the unassigned: the recovery call and the overdue check-in, not her colleague's.
    QVERIFY(tasks->isVisibleTo(today));
    QCOMPARE(tasks->topLevelItemCount(), 2);
    QCOMPARE(tasks->topLevelItem(0)->text(1), QStringLiteral("Anna Müller"));
    QVERIFY(child<QLabel>(today, "todayTasksHeading")->text().contains(QStringLiteral("2")));

    // A double-click on her task opens its call.
    auto* worklist = qobject_cast<FollowUpWorkspace*>(window.workspace(QStringLiteral("followup")));
    QSignalSpy opened(worklist, &FollowUpWorkspace::callDialogOpened);
    doubleClick(tasks, tasks->topLevelItem(0));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    auto* dialog = opened.front().front().value<QWidget*>();
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>(dialog, "callClientName")->text(), QStringLiteral("Anna Müller"));
    delete dialog;

    // Enter on the waiting client: what is open for him, while he is here.
    QVERIFY(window.showWorkspace(QStringLiteral("today")));
    waiting->setFocus();
    waiting->setCurrentItem(waiting->topLevelItem(0));
    QTest::keyClick(waiting, Qt::Key_Return);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    QVERIFY(worklist->model()->rowCount() >= 1);
    for (int row = 0; row < worklist->model()->rowCount(); ++row)
        QCOMPARE(worklist->model()->rowAt(row)->client, p.ben);
    auto* clear = child<QWidget>(worklist, "worklistClearClient");
    QVERIFY(clear->isVisibleTo(worklist));
}

void TestGuiWorklist::receptionReachesTheDiary()
{
    AFTERCARE_PRACTICE(db, p);
    const auto day = prepareDay(db, p);
    QVERIFY(day);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("desk"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("today"));
    auto* today = window.workspace(QStringLiteral("today"));
    // The desk has no worklist: no list of follow-ups, no link on their figures.
    QVERIFY(!child<QTreeWidget>(today, "todayTasks")->isVisibleTo(today));
    QVERIFY(!child<FigureTile>(today, "tasksDueTile")->isLink());
    auto* appointments = child<FigureTile>(today, "appointmentsTile");
    QVERIFY(appointments->isLink());

    // Anna's arrival opens the diary at her appointment.
    auto* arrivals = child<QTreeWidget>(today, "todayArrivals");
    QCOMPARE(arrivals->topLevelItemCount(), 1);
    doubleClick(arrivals, arrivals->topLevelItem(0));
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("reception"));
    auto* reception =
        qobject_cast<ReceptionWorkspace*>(window.workspace(QStringLiteral("reception")));
    QVERIFY(reception);
    QCOMPARE(child<QTabWidget>(reception, "receptionPages")->currentWidget(),
             static_cast<QWidget*>(reception->schedulePage()));
    ScheduleView* diary = reception->schedulePage()->view();
    QCOMPARE(reception->schedulePage()->day(), kNow.date());
    // Selected in the diary's grid, which grows to show every appointment of the day, at
    // night too.
    const auto selected = diary->selectedAppointment();
    QVERIFY(selected.has_value());
    QCOMPARE(selected->id, day->annaExpected);

    // The figure opens today's diary too.
    QVERIFY(window.showWorkspace(QStringLiteral("today")));
    QTest::mouseClick(appointments, Qt::LeftButton);
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("reception"));
    QCOMPARE(reception->schedulePage()->day(), QDate::currentDate());
}

void TestGuiWorklist::historyIsInWords()
{
    AFTERCARE_PRACTICE(db, p);
    const auto visit = addVisit(db, p, p.anna, p.consultation, kNow.addDays(-4));
    QVERIFY(visit);
    QVERIFY(FollowUpPlanner(db).plan(p.clinician));
    FollowUpTask checkin;
    auto tasks = FollowUpTaskRepository(db).forClient(p.anna);
    QVERIFY2(tasks, why(tasks));
    for (const FollowUpTask& t : *tasks)
        if (t.kind == TaskKind::CheckinCall)
            checkin = t;
    QVERIFY(checkin.id.isValid());
    CallLog log;
    log.outcome = CallOutcome::NoAnswer;
    log.notes = QStringLiteral("Try after lunch.");
    log.nextStep = CallNextStep::CallAgain;
    log.at = kNow.addSecs(-1800);
    log.callAgainAt = kNow.addSecs(3600);
    QVERIFY(CallService(db).logCall(checkin, log, p.clinician));
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Csat, 2, kNow.addDays(-2), *visit));
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Nps, 3, kNow.addDays(-2).addSecs(60), *visit));

    const qint64 total = TouchpointRepository(db).count(p.anna).value();
    for (const Actor& reader : {p.reception, p.clinician}) {
        TimelineModel model(db);
        model.setReader(reader);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.showClient(p.anna, total, {});
        QCOMPARE(qint64(model.rowCount()), total);
        QStringList kinds;
        QStringList outcomes;
        for (int row = 0; row < model.rowCount(); ++row) {
            kinds << model.index(row, TimelineModel::KindColumn).data().toString();
            outcomes << model.index(row, TimelineModel::OutcomeColumn).data().toString();
        }
        const QString everything = kinds.join(u'|') + outcomes.join(u'|');
        QVERIFY2(!everything.contains(QStringLiteral("checkin_call")), qPrintable(everything));
        QVERIFY2(!everything.contains(QStringLiteral("no_answer")), qPrintable(everything));
        QVERIFY(kinds.contains(TaskReason::kindText(TaskKind::CheckinCall)));
        const QString noAnswer = QCoreApplication::translate("Vocabulary", "No answer");
        QVERIFY2(outcomes.contains(reader.role == Role::Clinician
                                       ? noAnswer + QStringLiteral(" — Try after lunch.")
                                       : noAnswer),
                 qPrintable(everything));
        // Both answers of the survey, the NPS one too.
        QVERIFY2(outcomes.contains(QStringLiteral("NPS 3 of 10")), qPrintable(everything));
        QVERIFY2(outcomes.contains(QStringLiteral("CSAT 2 of 5")), qPrintable(everything));
    }
}

QTEST_MAIN(TestGuiWorklist)
#include "tst_gui_worklist.moc"
