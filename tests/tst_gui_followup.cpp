// backends: sqlite postgresql
// gui
#include "aftercare/taskreason.h"
#include "domain/summarytext.h"
#include "followup/calldialog.h"
#include "followup/followupworkspace.h"
#include "followup/postservicedialog.h"
#include "followup/resultdialog.h"
#include "followup/resultvaluetext.h"
#include "followup/summarytemplatedialog.h"
#include "followup/worklistmodel.h"
#include "reception/bookingdialog.h"
#include "repositories/followuptaskrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent ? parent->findChild<T*>(QLatin1String(name)) : nullptr;
}

// Chooses the combo box entry whose data is `value`; false when there is none.
bool choose(QComboBox* combo, const QVariant& value)
{
    const int index = combo ? combo->findData(value) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

// The rows of the worklist of a kind, for a client.
int rowsOf(const WorklistModel& model, TaskKind kind, ClientId client)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const WorklistRow* line = model.rowAt(row);
        if (line->kind == kind && line->client == client)
            ++n;
    }
    return n;
}

int rowOf(const WorklistModel& model, TaskKind kind, ClientId client)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const WorklistRow* line = model.rowAt(row);
        if (line->kind == kind && line->client == client)
            return row;
    }
    return -1;
}

// Opens the call dialog of a worklist row through the workspace, as a double-click does.
CallDialog* openCall(FollowUpWorkspace& workspace, int row)
{
    QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
    workspace.openTask(row);
    if (opened.count() != 1)
        return nullptr;
    return qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
}

// Plans, opens the client's discuss-result call and from it the result, as a clinician does.
ResultDialog* openResultOf(FollowUpWorkspace& workspace, ClientId client)
{
    QTest::mouseClick(workspace.findChild<QPushButton*>(QStringLiteral("planFollowUps")),
                      Qt::LeftButton);
    const int row = rowOf(*workspace.model(), TaskKind::DiscussResult, client);
    CallDialog* call = row >= 0 ? openCall(workspace, row) : nullptr;
    if (!call)
        return nullptr;
    QSignalSpy opened(call, &CallDialog::resultDialogOpened);
    QTest::mouseClick(call->findChild<QPushButton*>(QStringLiteral("openResult")), Qt::LeftButton);
    if (opened.count() != 1)
        return nullptr;
    return qobject_cast<ResultDialog*>(opened.front().front().value<QWidget*>());
}

const QDateTime kNow = QDateTime::currentDateTime();

} // namespace

class TestGuiFollowUp : public QObject
{
    Q_OBJECT

private slots:
    void abnormalResultAppearsInTheWorklist();
    void filtersNarrowTheWorklist();
    void reachedWithABookingClosesTheTask();
    void detractorAnswerInACallOpensRecovery();
    void resultIsSignedOffCommunicatedAndPrinted();
    void summaryIsDraftedFromAnEditedTemplate();
    void deltaDropsAsStepsAreTicked();
};

void TestGuiFollowUp::abnormalResultAppearsInTheWorklist()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4));
    FollowUpWorkspace workspace(db, p.clinician);
    QAbstractItemModelTester tester(workspace.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 0);

    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 1);
    const int row = rowOf(*workspace.model(), TaskKind::DiscussResult, p.anna);
    const QModelIndex why = workspace.model()->index(row, WorklistModel::WhyColumn);
    QVERIFY(why.data().toString().startsWith(TaskReason::kindText(TaskKind::DiscussResult)));
    QCOMPARE(workspace.model()->index(row, WorklistModel::ClientColumn).data().toString(),
             QStringLiteral("Anna Müller"));
    // The result's value is clinical content: never on the list.
    QVERIFY(!why.data().toString().contains(QStringLiteral("8.4")));

    // Planning again is idempotent: still one line.
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 1);
}

void TestGuiFollowUp::filtersNarrowTheWorklist()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4));
    // Ben's abnormal result came in five days ago: the 72-hour deadline has passed.
    QVERIFY(addResult(db, p, p.ben, kNow.addDays(-5), 9.1));
    FollowUpWorkspace workspace(db, p.clinician);
    QAbstractItemModelTester tester(workspace.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    WorklistModel& model = *workspace.model();
    QCOMPARE(rowsOf(model, TaskKind::DiscussResult, p.anna), 1);
    QCOMPARE(rowsOf(model, TaskKind::DiscussResult, p.ben), 1);

    // Most urgent first: Ben's overdue line leads, marked overdue.
    QCOMPARE(model.rowAt(0)->client, p.ben);
    QCOMPARE(model.index(0, WorklistModel::OverdueColumn).data().toString(),
             WorklistModel::tr("overdue"));
    QVERIFY(model.index(0, WorklistModel::ClientColumn).data(Qt::FontRole).value<QFont>().bold());

    child<QCheckBox>(&workspace, "worklistOverdueOnly")->setChecked(true);
    QCOMPARE(rowsOf(model, TaskKind::DiscussResult, p.anna), 0);
    QCOMPARE(rowsOf(model, TaskKind::DiscussResult, p.ben), 1);
    child<QCheckBox>(&workspace, "worklistOverdueOnly")->setChecked(false);

    QVERIFY(choose(child<QComboBox>(&workspace, "worklistKind"), int(TaskKind::CheckinCall)));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(choose(child<QComboBox>(&workspace, "worklistKind"), int(TaskKind::DiscussResult)));
    QVERIFY(model.rowCount() >= 2);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowAt(row)->kind, TaskKind::DiscussResult);

    // "Mine" leaves out the unassigned result tasks; "All" shows them.
    QVERIFY(choose(child<QComboBox>(&workspace, "worklistScope"), int(WorklistScope::Mine)));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(choose(child<QComboBox>(&workspace, "worklistScope"), int(WorklistScope::All)));
    QVERIFY(model.rowCount() >= 2);
}

void TestGuiFollowUp::reachedWithABookingClosesTheTask()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4));
    FollowUpWorkspace workspace(db, p.clinician);
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    const int row = rowOf(*workspace.model(), TaskKind::DiscussResult, p.anna);
    QVERIFY(row >= 0);
    const FollowUpTaskId task = workspace.model()->rowAt(row)->task;

    CallDialog* dialog = openCall(workspace, row);
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>(dialog, "callClientName")->text(), QStringLiteral("Anna Müller"));
    QCOMPARE(child<QLabel>(dialog, "callSummary")->text(), QStringLiteral("Your HbA1c is 8.4."));
    QVERIFY(choose(child<QComboBox>(dialog, "callOutcome"), int(CallOutcome::Reached)));
    QTest::keyClicks(child<QWidget>(dialog, "callNotes"),
                     QStringLiteral("Explained; wants a visit"));
    QVERIFY(choose(child<QComboBox>(dialog, "callNextStep"), int(CallNextStep::Book)));
    QVERIFY(child<QGroupBox>(dialog, "bookingForm")->isVisibleTo(dialog));

    // Logging without a time asks for one, in the reception's booking dialog.
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QSignalSpy bookingOpened(dialog, &CallDialog::bookingDialogOpened);
    QTest::mouseClick(child<QPushButton>(dialog, "logCall"), Qt::LeftButton);
    QCOMPARE(logged.count(), 0);
    QCOMPARE(bookingOpened.count(), 1);
    auto* first = qobject_cast<BookingDialog*>(bookingOpened.takeFirst().front().value<QWidget*>());
    QVERIFY(first);
    first->reject();

    // A time taken by Ben is refused in the booking dialog, naming him.
    const QDateTime taken(kNow.date().addDays(10), QTime(9, 0));
    Appointment bens;
    bens.client = p.ben;
    bens.practitioner = p.weber;
    bens.serviceType = p.consultation;
    bens.startsAt = taken;
    QVERIFY(AppointmentRepository(db).book(bens, p.reception));
    QTest::mouseClick(child<QPushButton>(dialog, "chooseBookingTime"), Qt::LeftButton);
    QCOMPARE(bookingOpened.count(), 1);
    auto* booking = qobject_cast<BookingDialog*>(bookingOpened.front().front().value<QWidget*>());
    QVERIFY(booking);
    QVERIFY(choose(child<QComboBox>(booking, "bookingPractitioner"), qlonglong(p.weber.value())));
    QVERIFY(choose(child<QComboBox>(booking, "bookingService"), qlonglong(p.consultation.value())));
    child<QDateTimeEdit>(booking, "bookingStart")->setDateTime(taken.addSecs(15 * 60));
    QTest::mouseClick(child<QPushButton>(booking, "bookingSave"), Qt::LeftButton);
    QVERIFY(booking->isVisible());
    QVERIFY(child<QLabel>(booking, "bookingError")->text().contains(QStringLiteral("Okafor")));

    const QDateTime start(kNow.date().addDays(10), QTime(11, 0));
    child<QDateTimeEdit>(booking, "bookingStart")->setDateTime(start);
    QTest::mouseClick(child<QPushButton>(booking, "bookingSave"), Qt::LeftButton);
    QVERIFY(!booking->isVisible());
    QVERIFY(child<QLabel>(dialog, "bookingChoice")->text().contains(QStringLiteral("Dr Weber")));
    QCOMPARE(AppointmentRepository(db).upcoming(p.anna, kNow)->size(), size_t(0)); // not yet
    QTest::mouseClick(child<QPushButton>(dialog, "logCall"), Qt::LeftButton);
    QCOMPARE(logged.count(), 1);

    auto closed = FollowUpTaskRepository(db).get(task);
    QVERIFY2(closed, why(closed));
    QCOMPARE(closed->status, TaskStatus::Done);
    auto upcoming = AppointmentRepository(db).upcoming(p.anna, kNow);
    QVERIFY2(upcoming, why(upcoming));
    QCOMPARE(upcoming->size(), size_t(1));
    QCOMPARE(upcoming->front().startsAt, start);
    QCOMPARE(upcoming->front().practitioner, p.weber);
    // Booked as the desk books, with its touchpoint: by phone, in the call.
    auto phoned = db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE client_id = ? "
                                           "AND kind = 'booking' AND channel = 'phone'"),
                            {p.anna.toVariant()});
    QVERIFY2(phoned, why(phoned));
    QCOMPARE(phoned->toLongLong(), 1);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 0);
}

void TestGuiFollowUp::detractorAnswerInACallOpensRecovery()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(givePhone(db, p, p.anna));
    QVERIFY(addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4));
    FollowUpWorkspace workspace(db, p.clinician);
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    const int row = rowOf(*workspace.model(), TaskKind::DiscussResult, p.anna);
    QVERIFY(row >= 0);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DetractorCallback, p.anna), 0);

    CallDialog* dialog = openCall(workspace, row);
    QVERIFY(dialog);
    QVERIFY(choose(child<QComboBox>(dialog, "callOutcome"), int(CallOutcome::Reached)));
    QVERIFY(choose(child<QComboBox>(dialog, "callNextStep"), int(CallNextStep::Done)));
    auto* feedback = child<QGroupBox>(dialog, "feedbackCapture");
    QVERIFY(feedback->isEnabled());
    feedback->setChecked(true);
    QVERIFY(choose(child<QComboBox>(dialog, "feedbackKind"), int(FeedbackKind::Nps)));
    auto* score = child<QSpinBox>(dialog, "feedbackScore");
    QCOMPARE(score->maximum(), 10);
    score->setValue(3);
    QTest::keyClicks(child<QLineEdit>(dialog, "feedbackComment"), QStringLiteral("Waited an hour"));
    QSignalSpy logged(dialog, &CallDialog::callLogged);
    QTest::mouseClick(child<QPushButton>(dialog, "logCall"), Qt::LeftButton);
    QCOMPARE(logged.count(), 1);

    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 0);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DetractorCallback, p.anna), 1);
}

void TestGuiFollowUp::resultIsSignedOffCommunicatedAndPrinted()
{
    AFTERCARE_PRACTICE(db, p);
    const auto result = addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4);
    QVERIFY(result);
    FollowUpWorkspace workspace(db, p.clinician);
    ResultDialog* dialog = openResultOf(workspace, p.anna);
    QVERIFY(dialog);

    // The value above 4.0–6.0 is flagged high and highlighted.
    auto* values = child<QTableWidget>(dialog, "resultValues");
    QCOMPARE(values->rowCount(), 1);
    QCOMPARE(values->item(0, 1)->text(), QLocale().toString(8.4));
    QCOMPARE(values->item(0, 4)->text(), ResultValueText::tr("high %1").arg(QStringLiteral("↑")));
    QVERIFY(values->item(0, 1)->font().bold());

    auto* summary = child<QPlainTextEdit>(dialog, "resultSummary");
    summary->clear();
    QTest::keyClicks(summary, QStringLiteral("Your blood sugar has been high. Let us talk."));
    QTest::mouseClick(child<QPushButton>(dialog, "signOffSummary"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(dialog, "markReviewed"), Qt::LeftButton);
    QVERIFY(choose(child<QComboBox>(dialog, "communicatedChannel"), int(Channel::Phone)));
    QTest::mouseClick(child<QPushButton>(dialog, "markCommunicated"), Qt::LeftButton);
    QCOMPARE(dialog->result()->status, ResultStatus::Communicated);
    QCOMPARE(dialog->result()->summary,
             QStringLiteral("Your blood sugar has been high. Let us talk."));
    QVERIFY(dialog->result()->summarySignedAt.isValid());
    QCOMPARE(dialog->result()->communicatedChannel, std::optional<Channel>(Channel::Phone));

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("summary.pdf"));
    QVERIFY(dialog->writeSummaryPdf(pdf));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));

    // Told by phone: planning again closes the discuss task, and the worklist drops it.
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    QCOMPARE(rowsOf(*workspace.model(), TaskKind::DiscussResult, p.anna), 0);
}

void TestGuiFollowUp::summaryIsDraftedFromAnEditedTemplate()
{
    AFTERCARE_PRACTICE(db, p);
    const auto result = addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4);
    QVERIFY(result);
    FollowUpWorkspace workspace(db, p.clinician);

    // A new template for abnormal HbA1c results, typed with a mistake first.
    QTest::mouseClick(child<QPushButton>(&workspace, "openSummaryTemplates"), Qt::LeftButton);
    auto* templates = workspace.findChild<SummaryTemplateDialog*>();
    QVERIFY(templates);
    QCOMPARE(child<QListWidget>(templates, "templateList")->count(), 0);
    auto* test = child<QComboBox>(templates, "templateTest");
    test->setCurrentText(QStringLiteral("HbA1c"));
    QVERIFY(choose(child<QComboBox>(templates, "templateVariant"), true));
    auto* body = child<QPlainTextEdit>(templates, "templateBody");
    auto* save = child<QPushButton>(templates, "saveTemplate");
    body->clear();
    QTest::keyClicks(body, QStringLiteral("Dear {frist_name}, "));
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(templates, "templateProblem")
                ->text()
                .contains(QStringLiteral("{frist_name}")));
    body->clear();
    QTest::keyClicks(body, QStringLiteral("Dear , your result:"));
    QTest::keyClick(body, Qt::Key_Return);
    // The placeholder list inserts at the cursor.
    body->moveCursor(QTextCursor::Start);
    for (int i = 0; i < 5; ++i) // after "Dear "
        body->moveCursor(QTextCursor::Right);
    auto* placeholders = child<QListWidget>(templates, "templatePlaceholders");
    placeholders->setCurrentRow(0); // {first_name}
    QTest::mouseClick(child<QPushButton>(templates, "insertPlaceholder"), Qt::LeftButton);
    body->moveCursor(QTextCursor::End);
    placeholders->setCurrentRow(5); // {abnormal_values}
    QTest::mouseClick(child<QPushButton>(templates, "insertPlaceholder"), Qt::LeftButton);
    QCOMPARE(body->toPlainText(),
             QStringLiteral("Dear {first_name}, your result:\n{abnormal_values}"));
    QVERIFY(
        child<QPlainTextEdit>(templates, "templatePreview")
            ->toPlainText()
            .startsWith(
                QStringLiteral("Dear %1, your result:").arg(SummaryTemplateDialog::tr("Alex"))));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(child<QListWidget>(templates, "templateList")->count(), 1);
    QVERIFY(!save->isEnabled());
    templates->close();

    // The result's summary is drafted from it, with Anna's name and her value.
    ResultDialog* dialog = openResultOf(workspace, p.anna);
    QVERIFY(dialog);
    auto* summary = child<QPlainTextEdit>(dialog, "resultSummary");
    QCOMPARE(summary->toPlainText(), QStringLiteral("Your HbA1c is 8.4.")); // written before
    QTest::mouseClick(child<QPushButton>(dialog, "draftSummary"), Qt::LeftButton);
    // Written text is replaced only when the clinician says so.
    auto* replace = dialog->findChild<QMessageBox*>(QStringLiteral("confirmReplaceSummary"));
    QVERIFY(replace);
    QTest::mouseClick(replace->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(summary->toPlainText(),
             QStringLiteral("Dear Anna, your result:\nHbA1c: %1 % (%2), %3")
                 .arg(QLocale().toString(8.4),
                      SummaryText::tr("normal %1–%2")
                          .arg(QLocale().toString(4.0), QLocale().toString(6.0)),
                      SummaryText::tr("above the normal range")));
    QTest::mouseClick(child<QPushButton>(dialog, "signOffSummary"), Qt::LeftButton);
    QVERIFY(dialog->result()->summary.startsWith(QStringLiteral("Dear Anna")));
}

void TestGuiFollowUp::deltaDropsAsStepsAreTicked()
{
    AFTERCARE_PRACTICE(db, p);
    // Anna's consultation five days ago has its check-in call on the worklist.
    QVERIFY(addVisit(db, p, p.anna, p.consultation, kNow.addDays(-5)));
    FollowUpWorkspace workspace(db, p.clinician);
    QVERIFY(choose(child<QComboBox>(&workspace, "worklistScope"), int(WorklistScope::All)));
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    const int row = rowOf(*workspace.model(), TaskKind::CheckinCall, p.anna);
    QVERIFY(row >= 0);
    CallDialog* call = openCall(workspace, row);
    QVERIFY(call);
    QSignalSpy opened(call, &CallDialog::postServiceOpened);
    QTest::mouseClick(child<QPushButton>(call, "openPostService"), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto* dialog = qobject_cast<PostServiceDialog*>(opened.front().front().value<QWidget*>());
    QVERIFY(dialog);

    auto* visits = child<QTreeWidget>(dialog, "postServiceVisits");
    QCOMPARE(visits->topLevelItemCount(), 1);
    const int before = visits->topLevelItem(0)->text(PostServiceDialog::DeltaColumn).toInt();
    QVERIFY(before >= 2); // the quality follow-up and the thank-you apply without consent
    // Anna gave no consent to surveys: the feedback request does not apply, nothing to tick.
    const int feedbackColumn = PostServiceDialog::FirstStepColumn + 1;
    QVERIFY(!visits->topLevelItem(0)->data(feedbackColumn, Qt::CheckStateRole).isValid());

    int expected = before;
    for (const int column :
         {int(PostServiceDialog::FirstStepColumn), PostServiceDialog::FirstStepColumn + 2}) {
        QTreeWidgetItem* item = visits->topLevelItem(0);
        QCOMPARE(item->checkState(column), Qt::Unchecked);
        item->setCheckState(column, Qt::Checked);
        --expected;
        item = visits->topLevelItem(0);
        QCOMPARE(item->checkState(column), Qt::Checked);
        QCOMPARE(item->text(PostServiceDialog::DeltaColumn).toInt(), expected);
    }
    QVERIFY(child<QLabel>(dialog, "postServiceMean")->text().contains(QString::number(expected)));
    // Unticking gives the step back.
    visits->topLevelItem(0)->setCheckState(PostServiceDialog::FirstStepColumn, Qt::Unchecked);
    QCOMPARE(visits->topLevelItem(0)->text(PostServiceDialog::DeltaColumn).toInt(), expected + 1);
}

QTEST_MAIN(TestGuiFollowUp)
#include "tst_gui_followup.moc"
