// backends: sqlite postgresql
// gui
// The clinician's call dialog never closes a follow-up without the client being reached:
// nothing is preselected that claims contact, an unanswered call plans the next attempt,
// closing anyway needs a reason, a client without a phone number is written to, and
// "Escalate" is offered only with someone to take the task.
#include "desk/callservice.h"
#include "followup/calldialog.h"
#include "followup/followupworkspace.h"
#include "followup/worklistmodel.h"
#include "reception/notrebookedpage.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

const QDateTime kNow = QDateTime::currentDateTime();

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent ? parent->findChild<T*>(QLatin1String(name)) : nullptr;
}

bool choose(QComboBox* combo, const QVariant& value)
{
    const int index = combo ? combo->findData(value) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

bool offers(QComboBox* combo, CallNextStep step)
{
    return combo->findData(int(step)) >= 0;
}

// Anna's check-in after a consultation five days ago, planned and opened from the worklist.
CallDialog* openCheckin(Database& db, const Practice& p, FollowUpWorkspace& workspace,
                        FollowUpTaskId* task)
{
    if (!addVisit(db, p, p.anna, p.consultation, kNow.addDays(-5)))
        return nullptr;
    QTest::mouseClick(workspace.findChild<QPushButton*>(QStringLiteral("planFollowUps")),
                      Qt::LeftButton);
    const WorklistModel& model = *workspace.model();
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row)->kind != TaskKind::CheckinCall || model.rowAt(row)->client != p.anna)
            continue;
        *task = model.rowAt(row)->task;
        QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
        workspace.openTask(row);
        if (opened.count() != 1)
            return nullptr;
        return qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
    }
    return nullptr;
}

} // namespace

class TestGuiCalls : public QObject
{
    Q_OBJECT

private slots:
    void noAnswerKeepsTheTaskOpenWithANextAttempt();
    void closingWithoutReachingThemNeedsAReason();
    void withoutAPhoneTheClientIsWrittenTo();
    void escalateIsOfferedOnlyWithSomeoneToTakeIt();
    void aRecallCallDoesNotDefaultToBooked();
};

void TestGuiCalls::noAnswerKeepsTheTaskOpenWithANextAttempt()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    FollowUpWorkspace workspace(db, p.clinician);
    FollowUpTaskId task;
    CallDialog* dialog = openCheckin(db, p, workspace, &task);
    QVERIFY(dialog);
    QVERIFY(child<QWidget>(dialog, "callOutcome")->isVisibleTo(dialog));
    QVERIFY(!child<QGroupBox>(dialog, "writeInstead")->isVisibleTo(dialog));

    // Nothing claims contact before the clinician says so; nothing can be logged yet.
    auto* outcome = child<QComboBox>(dialog, "callOutcome");
    auto* step = child<QComboBox>(dialog, "callNextStep");
    auto* log = child<QPushButton>(dialog, "logCall");
    QCOMPARE(outcome->currentIndex(), -1);
    QVERIFY(!log->isEnabled());
    QVERIFY(!child<QLabel>(dialog, "callProblem")->text().isEmpty());

    // No answer: the next attempt is planned, not "done".
    QVERIFY(choose(outcome, int(CallOutcome::NoAnswer)));
    QCOMPARE(step->currentData().toInt(), int(CallNextStep::CallAgain));
    QVERIFY(!offers(step, CallNextStep::Book));
    auto* again = child<QDateTimeEdit>(dialog, "callAgainAt");
    QVERIFY(again->isEnabled());
    QVERIFY(again->dateTime() > kNow);
    const QDateTime next = again->dateTime();
    QVERIFY(log->isEnabled());
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QTest::mouseClick(log, Qt::LeftButton);
    QCOMPARE(logged.count(), 1);

    auto stored = FollowUpTaskRepository(db).get(task);
    QVERIFY2(stored, why(stored));
    QCOMPARE(stored->status, TaskStatus::Open);
    QCOMPARE(stored->dueAt.toSecsSinceEpoch() / 60, next.toSecsSinceEpoch() / 60);
}

void TestGuiCalls::closingWithoutReachingThemNeedsAReason()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    FollowUpWorkspace workspace(db, p.clinician);
    FollowUpTaskId task;
    CallDialog* dialog = openCheckin(db, p, workspace, &task);
    QVERIFY(dialog);
    QVERIFY(choose(child<QComboBox>(dialog, "callOutcome"), int(CallOutcome::Voicemail)));
    QVERIFY(choose(child<QComboBox>(dialog, "callNextStep"), int(CallNextStep::Done)));
    auto* log = child<QPushButton>(dialog, "logCall");
    auto* problem = child<QLabel>(dialog, "callProblem");
    QVERIFY(!log->isEnabled());
    QVERIFY(problem->isVisibleTo(dialog));
    QVERIFY(!problem->text().isEmpty());

    // The reason is asked for as one types.
    auto* reason = child<QLineEdit>(dialog, "resolutionNote");
    QVERIFY(reason->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("  "));
    QVERIFY(!log->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("Moved to Hamburg"));
    QVERIFY(log->isEnabled());
    QVERIFY(!problem->isVisibleTo(dialog));
    reason->clear();
    QVERIFY(!log->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("Moved to Hamburg, says her daughter"));
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QTest::mouseClick(log, Qt::LeftButton);
    QCOMPARE(logged.count(), 1);
    auto stored = FollowUpTaskRepository(db).get(task).value();
    QCOMPARE(stored.status, TaskStatus::Done);
    QCOMPARE(stored.resolutionNote, QStringLiteral("Moved to Hamburg, says her daughter"));
}

void TestGuiCalls::withoutAPhoneTheClientIsWrittenTo()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpWorkspace workspace(db, p.clinician);
    FollowUpTaskId task;
    CallDialog* dialog = openCheckin(db, p, workspace, &task); // Anna has no phone number
    QVERIFY(dialog);
    auto* writing = child<QGroupBox>(dialog, "writeInstead");
    QVERIFY(writing->isVisibleTo(dialog));
    QVERIFY(!child<QWidget>(dialog, "callOutcome")->isVisibleTo(dialog));
    QVERIFY(!child<QWidget>(dialog, "logCall")->isVisibleTo(dialog));
    QCOMPARE(child<QComboBox>(dialog, "callOutcome")->currentIndex(), -1);
    auto* channel = child<QComboBox>(dialog, "writeChannel");
    QCOMPARE(channel->currentData().toInt(), int(Channel::Email)); // she prefers email
    QVERIFY(channel->currentText().contains(QStringLiteral("anna@example.org")));

    // Reached another way (she called in): a call can still be logged, nothing preselected.
    QTest::mouseClick(child<QPushButton>(dialog, "logCallInstead"), Qt::LeftButton);
    QVERIFY(child<QWidget>(dialog, "callOutcome")->isVisibleTo(dialog));
    QCOMPARE(child<QComboBox>(dialog, "callOutcome")->currentIndex(), -1);

    const qint64 before = TouchpointRepository(db).count(p.anna).value();
    QTest::keyClicks(child<QLineEdit>(dialog, "writeNote"), QStringLiteral("Exercise sheet"));
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QTest::mouseClick(child<QPushButton>(dialog, "markWritten"), Qt::LeftButton);
    QCOMPARE(logged.count(), 1);
    auto stored = FollowUpTaskRepository(db).get(task).value();
    QCOMPARE(stored.status, TaskStatus::Done);
    QCOMPARE(stored.resolutionNote, QStringLiteral("Exercise sheet"));
    QCOMPARE(TouchpointRepository(db).count(p.anna).value(), before + 1);
    QCOMPARE(TouchpointRepository(db).timeline(p.anna, 1).value().front().channel, Channel::Email);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM call_attempts")), 0);
}

void TestGuiCalls::escalateIsOfferedOnlyWithSomeoneToTakeIt()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    FollowUpWorkspace workspace(db, p.clinician);
    FollowUpTaskId task;
    CallDialog* dialog = openCheckin(db, p, workspace, &task);
    QVERIFY(dialog);
    auto* outcome = child<QComboBox>(dialog, "callOutcome");
    auto* step = child<QComboBox>(dialog, "callNextStep");
    // Clara is the only clinician: nobody to hand over to.
    for (const CallOutcome o : allOf<CallOutcome>()) {
        QVERIFY(choose(outcome, int(o)));
        QVERIFY(step->count() > 0);
        QVERIFY(!offers(step, CallNextStep::Escalate));
    }
    QVERIFY(!child<QWidget>(dialog, "escalateTo")->isVisibleTo(dialog));
    dialog->done(QDialog::Rejected);

    QString error;
    const auto nora = insertUser(db, QStringLiteral("nora"), QStringLiteral("Nora Nurse"),
                                 Role::Clinician, &error);
    QVERIFY2(nora, qPrintable(error));
    QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
    int row = 0;
    while (row < workspace.model()->rowCount() && workspace.model()->rowAt(row)->task != task)
        ++row;
    workspace.openTask(row);
    QCOMPARE(opened.count(), 1);
    dialog = qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
    QVERIFY(dialog);
    outcome = child<QComboBox>(dialog, "callOutcome");
    step = child<QComboBox>(dialog, "callNextStep");
    QVERIFY(choose(outcome, int(CallOutcome::NoAnswer)));
    QVERIFY(choose(step, int(CallNextStep::Escalate)));
    auto* to = child<QComboBox>(dialog, "escalateTo");
    QVERIFY(to->isVisibleTo(dialog));
    QVERIFY(to->isEnabled());
    QCOMPARE(to->count(), 1);
    QCOMPARE(to->currentText(), QStringLiteral("Nora Nurse"));
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QTest::mouseClick(child<QPushButton>(dialog, "logCall"), Qt::LeftButton);
    QCOMPARE(logged.count(), 1);
    auto stored = FollowUpTaskRepository(db).get(task).value();
    QCOMPARE(stored.assignee, *nora);
    QCOMPARE(stored.status, TaskStatus::Open);
}

void TestGuiCalls::aRecallCallDoesNotDefaultToBooked()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    // Anna's consultation was over a year ago (its rebook interval is 52 weeks).
    QVERIFY(addVisit(db, p, p.anna, p.consultation, kNow.addDays(-400)));
    FollowUpTask reminder;
    reminder.client = p.anna;
    reminder.kind = TaskKind::RebookReminder;
    reminder.sourceKey = QStringLiteral("test:rebook");
    reminder.dueAt = kNow.addDays(-1);
    reminder.deadlineAt = kNow.addDays(6);
    reminder.priority = 3;
    reminder.createdAt = kNow.addDays(-1);
    auto created = FollowUpTaskRepository(db).upsert(reminder, p.clinician);
    QVERIFY2(created, why(created));

    FollowUpWorkspace workspace(db, p.clinician);
    int row = -1;
    for (int r = 0; r < workspace.model()->rowCount(); ++r) {
        if (workspace.model()->rowAt(r)->kind == TaskKind::RebookReminder)
            row = r;
    }
    QVERIFY(row >= 0);
    QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
    workspace.openTask(row);
    QCOMPARE(opened.count(), 1);
    auto* dialog = qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
    QVERIFY(dialog);
    auto* step = child<QComboBox>(dialog, "callNextStep");
    QVERIFY(choose(child<QComboBox>(dialog, "callOutcome"), int(CallOutcome::Reached)));
    QVERIFY(offers(step, CallNextStep::Book));
    QCOMPARE(step->currentIndex(), -1); // booked or not: the clinician says
    QVERIFY(!child<QPushButton>(dialog, "logCall")->isEnabled());

    // The desk's recall call on the "not rebooked" list assumes no booking either.
    NotRebookedPage page(db, p.reception);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(child<QPushButton>(&page, "notRebookedRecordCall")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&page, "notRebookedRecordCall"), Qt::LeftButton);
    QInputDialog* recall = nullptr;
    QTRY_VERIFY((recall = page.findChild<QInputDialog*>(QStringLiteral("recallOutcomeDialog"))));
    QVERIFY(recall->textValue().isEmpty());
    QVERIFY(recall->textValue() != NotRebookedPage::tr("Booked a visit"));
    recall->reject();
}

QTEST_MAIN(TestGuiCalls)
#include "tst_gui_calls.moc"
