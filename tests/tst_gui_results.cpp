// backends: sqlite postgresql
// gui
#include "common/vocabularytext.h"
#include "followup/calldialog.h"
#include "followup/clinicalfinderdialog.h"
#include "followup/clinicalprofiledialog.h"
#include "followup/followupworkspace.h"
#include "followup/resultdialog.h"
#include "followup/resulttrendview.h"
#include "followup/resultvaluetext.h"
#include "followup/summarytemplatedialog.h"
#include "followup/worklistmodel.h"
#include "mainwindow.h"
#include "repositories/auditlog.h"
#include "repositories/clientrepository.h"
#include "repositories/summarytemplaterepository.h"
#include "repositories/userrepository.h"
#include "signin/session.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
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

const QDateTime kNow = QDateTime::currentDateTime();
const QString kSigned = QStringLiteral("Your HbA1c is high. We will call you to talk it through.");

ResultValue value(const QString& analyte, double number, std::optional<double> low,
                  std::optional<double> high)
{
    ResultValue v;
    v.analyte = analyte;
    v.numeric = number;
    v.unit = QStringLiteral("mg/dl");
    v.referenceLow = low;
    v.referenceHigh = high;
    return v;
}

std::optional<ResultId> addLipids(Database& db, const Practice& p, const QDateTime& at, double ldl,
                                  double hdl)
{
    TestResult r;
    r.client = p.anna;
    r.testName = QStringLiteral("Lipid profile");
    r.receivedAt = at;
    r.values = {value(QStringLiteral("LDL cholesterol"), ldl, std::nullopt, 130),
                value(QStringLiteral("HDL cholesterol"), hdl, 40, std::nullopt)};
    auto id = ResultRepository(db).create(r, p.clinician);
    return id ? std::optional<ResultId>(*id) : std::nullopt;
}

// Anna's abnormal HbA1c with a template for it, its summary signed off (and, if asked,
// reviewed and told by phone).
std::optional<ResultId> signedResult(Database& db, const Practice& p, bool communicated)
{
    SummaryTemplate t;
    t.testName = QStringLiteral("HbA1c");
    t.abnormal = true;
    t.body = QStringLiteral("Dear {first_name}, your HbA1c: {abnormal_values}");
    if (!SummaryTemplateRepository(db).create(t, p.clinician))
        return std::nullopt;
    const auto id = addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4);
    if (!id)
        return std::nullopt;
    ResultRepository repo(db);
    TestResult r = repo.content(*id, p.clinician).value();
    if (!repo.signOffSummary(r, kSigned, p.clinician))
        return std::nullopt;
    if (communicated && (!repo.markReviewed(r, p.clinician) ||
                         !repo.markCommunicated(r, Channel::Phone, p.clinician)))
        return std::nullopt;
    return id;
}

QMessageBox* replaceQuestion(QWidget* dialog)
{
    // A box answered before may linger until its deferred delete.
    for (auto* box : dialog->findChildren<QMessageBox*>(QStringLiteral("confirmReplaceSummary")))
        if (box->isVisible())
            return box;
    return nullptr;
}

const QString kPassword = QStringLiteral("clinic rounds 2026");

} // namespace

class TestGuiResults : public QObject
{
    Q_OBJECT

private slots:
    void draftFromTemplateAsksBeforeReplacingASignedOffSummary();
    void communicatedSummaryChangesOnlyAsANewVersion();
    void valuesShowHighOrLowAndTheTrend();
    void templatePreviewShowsValuesOfItsOwnTest();
    void callScreenSaysWhichOfTwoNamesakes();
    void clinicianFindsAnyClientAndOpensTheProfile();
};

void TestGuiResults::draftFromTemplateAsksBeforeReplacingASignedOffSummary()
{
    AFTERCARE_PRACTICE(db, p);
    const auto id = signedResult(db, p, false);
    QVERIFY(id);
    ResultDialog dialog(db, p.clinician, *id, QStringLiteral("Anna Müller"));
    QVERIFY(dialog.isLoaded());
    dialog.show();
    auto* summary = child<QPlainTextEdit>(&dialog, "resultSummary");
    QCOMPARE(summary->toPlainText(), kSigned);

    // Asked, and "keep" keeps the signed-off text.
    QTest::mouseClick(child<QPushButton>(&dialog, "draftSummary"), Qt::LeftButton);
    QMessageBox* box = replaceQuestion(&dialog);
    QVERIFY2(box, "Draft from template replaced a signed-off summary without asking");
    QCOMPARE(summary->toPlainText(), kSigned);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QTRY_VERIFY(!replaceQuestion(&dialog));
    QCOMPARE(summary->toPlainText(), kSigned);
    QVERIFY(!dialog.hasUnsavedChanges());

    // Asked again, and "replace" drafts; the signed-off version is still kept.
    QTest::mouseClick(child<QPushButton>(&dialog, "draftSummary"), Qt::LeftButton);
    box = replaceQuestion(&dialog);
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY(summary->toPlainText().startsWith(QStringLiteral("Dear Anna, your HbA1c:")));
    QVERIFY(dialog.hasUnsavedChanges());
    QCOMPARE(dialog.summaryVersions().size(), std::size_t(1));
    QCOMPARE(dialog.summaryVersions().front().summary, kSigned);

    // Text typed but not signed off is asked about too.
    summary->setPlainText(QStringLiteral("My own words for Anna."));
    QTest::mouseClick(child<QPushButton>(&dialog, "draftSummary"), Qt::LeftButton);
    box = replaceQuestion(&dialog);
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QCOMPARE(summary->toPlainText(), QStringLiteral("My own words for Anna."));
}

void TestGuiResults::communicatedSummaryChangesOnlyAsANewVersion()
{
    AFTERCARE_PRACTICE(db, p);
    const auto id = signedResult(db, p, true);
    QVERIFY(id);
    ResultDialog dialog(db, p.clinician, *id, QStringLiteral("Anna Müller"));
    QVERIFY(dialog.isLoaded());
    dialog.show();
    auto* summary = child<QPlainTextEdit>(&dialog, "resultSummary");
    auto* revise = child<QPushButton>(&dialog, "reviseSummary");
    auto* save = child<QPushButton>(&dialog, "saveSummaryVersion");
    auto* reason = child<QLineEdit>(&dialog, "revisionReason");
    auto* versions = child<QListWidget>(&dialog, "summaryVersions");

    // What the client was told cannot be typed over.
    QVERIFY(summary->isReadOnly());
    QVERIFY(!child<QPushButton>(&dialog, "signOffSummary")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "draftSummary")->isEnabled());
    QVERIFY(revise->isVisible());
    QVERIFY(!save->isVisible());
    QCOMPARE(versions->count(), 1);

    QTest::mouseClick(revise, Qt::LeftButton);
    QVERIFY(!summary->isReadOnly());
    QVERIFY(reason->isVisible());
    QVERIFY(save->isVisible());
    const QString corrected = QStringLiteral("Your HbA1c is a little high. Let us talk next week.");
    summary->setPlainText(corrected);

    // Without a reason nothing is saved.
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog.result()->summary, kSigned);
    QCOMPARE(versions->count(), 1);
    QTest::keyClicks(reason, QStringLiteral("Softer wording after the call"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog.result()->summary, corrected);
    QCOMPARE(dialog.result()->status, ResultStatus::Communicated);
    QVERIFY(summary->isReadOnly());

    // Both versions are listed, the newest first, with who and why; the one told is readable.
    QCOMPARE(versions->count(), 2);
    QVERIFY(versions->item(0)->text().contains(QStringLiteral("Softer wording after the call")));
    QVERIFY(versions->item(0)->text().contains(QStringLiteral("Dr Clara Klinik")));
    versions->setCurrentRow(1);
    QCOMPARE(child<QPlainTextEdit>(&dialog, "summaryVersionText")->toPlainText(), kSigned);
    QCOMPARE(ResultRepository(db).summaryVersions(*dialog.result(), p.clinician)->size(),
             std::size_t(2));
}

void TestGuiResults::valuesShowHighOrLowAndTheTrend()
{
    AFTERCARE_PRACTICE(db, p);
    const auto oldest = addLipids(db, p, kNow.addDays(-730), 110, 55);
    const auto middle = addLipids(db, p, kNow.addDays(-365), 125, 50);
    const auto latest = addLipids(db, p, kNow.addSecs(-3600), 168, 38);
    QVERIFY(oldest && middle && latest);
    ResultRepository repo(db);
    TestResult m = repo.content(*middle, p.clinician).value();
    QVERIFY(repo.markReviewed(m, p.clinician, kNow.addDays(-364)));
    QVERIFY(repo.markCommunicated(m, Channel::Letter, p.clinician, kNow.addDays(-363)));

    ResultDialog dialog(db, p.clinician, *latest, QStringLiteral("Anna Müller"));
    QVERIFY(dialog.isLoaded());
    auto* values = child<QTableWidget>(&dialog, "resultValues");
    QCOMPARE(values->rowCount(), 2);
    QCOMPARE(values->item(0, 4)->text(), ResultValueText::tr("high %1").arg(QStringLiteral("↑")));
    QCOMPARE(values->item(1, 4)->text(), ResultValueText::tr("low %1").arg(QStringLiteral("↓")));
    QVERIFY(values->item(0, 1)->font().bold());

    // One row per analyte and one for "told", one column per date, this result last.
    auto* trend = child<QTableWidget>(&dialog, "resultTrend");
    QVERIFY(trend);
    QCOMPARE(trend->rowCount(), 3);
    QCOMPARE(trend->columnCount(), 5);
    QCOMPARE(trend->item(0, 1)->text(), QLocale().toString(110));
    QCOMPARE(trend->item(0, 2)->text(), QLocale().toString(125));
    QCOMPARE(trend->item(0, 3)->text(), QLocale().toString(168) + QStringLiteral("↑"));
    QCOMPARE(trend->item(1, 3)->text(), QLocale().toString(38) + QStringLiteral("↓"));
    QCOMPARE(trend->item(0, 4)->text(), ResultValueText::direction(TrendDirection::Rising));
    QCOMPARE(trend->item(1, 4)->text(), ResultValueText::direction(TrendDirection::Falling));
    QVERIFY(trend->item(2, 2)->toolTip().contains(channelName(Channel::Letter)));
    QCOMPARE(trend->item(2, 1)->text(), ResultTrendView::tr("not yet reviewed"));
    // Looking at the trend is looking at the earlier results: each view is audited.
    QCOMPARE(AuditLog(db)
                 .count(QLatin1String(ResultRepository::kViewAction),
                        QStringLiteral("test_results"), oldest->value())
                 .value(),
             1);
}

void TestGuiResults::templatePreviewShowsValuesOfItsOwnTest()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(addLipids(db, p, kNow.addDays(-3), 168, 38));
    SummaryTemplate t;
    t.testName = QStringLiteral("Lipid profile");
    t.abnormal = true;
    t.body = QStringLiteral("Dear {first_name},\n{values}\nOut of range:\n{abnormal_values}");
    QVERIFY(SummaryTemplateRepository(db).create(t, p.clinician));

    SummaryTemplateDialog dialog(db, p.clinician);
    QVERIFY(dialog.select(QStringLiteral("Lipid profile"), true));
    const QString preview = child<QPlainTextEdit>(&dialog, "templatePreview")->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("LDL cholesterol")), qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("HDL cholesterol")));
    QVERIFY2(!preview.contains(SummaryTemplateDialog::tr("Haemoglobin")), qPrintable(preview));
    QVERIFY(!preview.contains(QStringLiteral("168"))); // no client's number in a preview
    const QString outOfRange = preview.section(QStringLiteral("Out of range:\n"), 1);
    QVERIFY(outOfRange.startsWith(QStringLiteral("LDL cholesterol")));
}

void TestGuiResults::callScreenSaysWhichOfTwoNamesakes()
{
    AFTERCARE_PRACTICE(db, p);
    // A second Anna Müller, born another year, with her own client number.
    Client namesake;
    namesake.externalId = QStringLiteral("K-2044");
    namesake.firstName = QStringLiteral("Anna");
    namesake.lastName = QStringLiteral("Müller");
    namesake.dateOfBirth = QDate(1961, 7, 14);
    auto other = ClientRepository(db).create(namesake, p.reception);
    QVERIFY(other);
    QVERIFY(addResult(db, p, *other, kNow.addSecs(-3600), 8.9));

    FollowUpWorkspace workspace(db, p.clinician);
    QTest::mouseClick(child<QPushButton>(&workspace, "planFollowUps"), Qt::LeftButton);
    int row = -1;
    for (int r = 0; r < workspace.model()->rowCount(); ++r)
        if (workspace.model()->rowAt(r)->client == *other)
            row = r;
    QVERIFY(row >= 0);
    QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
    workspace.openTask(row);
    QCOMPARE(opened.count(), 1);
    auto* call = qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
    QVERIFY(call);
    auto* identity = child<QLabel>(call, "clientIdentity");
    QVERIFY2(identity, "the call screen does not say which Anna Müller this is");
    QVERIFY(
        identity->text().contains(QLocale().toString(QDate(1961, 7, 14), QStringLiteral("yyyy"))));
    QVERIFY(identity->text().contains(QStringLiteral("K-2044")));
    call->close();
}

void TestGuiResults::clinicianFindsAnyClientAndOpensTheProfile()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(UserRepository(db).create(p.admin, QStringLiteral("nurse"),
                                      QStringLiteral("Nora Nurse"), Role::Clinician, kPassword));
    const auto result = addResult(db, p, p.ben, kNow.addDays(-2), 7.1);
    QVERIFY(result);
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword));
    MainWindow window(db, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    window.showWorkspace(QStringLiteral("today"));

    // Ctrl+K from anywhere: the finder, with the focus in its search field.
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    auto* finder = window.findChild<ClinicalFinderDialog*>();
    QVERIFY2(finder && finder->isVisible(), "Ctrl+K does nothing for a clinician");
    QCOMPARE(window.currentWorkspaceKey(), QStringLiteral("followup"));
    auto* search = child<QLineEdit>(finder, "clientSearchEdit");
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, QStringLiteral("Okafor"));
    auto* workspace = window.findChild<FollowUpWorkspace*>();
    QVERIFY(workspace);
    QSignalSpy profiles(finder, &ClinicalFinderDialog::profileOpened);
    QTRY_COMPARE(child<QTableView>(finder, "clientResultsView")->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(profiles.count(), 1);
    auto* profile =
        qobject_cast<ClinicalProfileDialog*>(profiles.front().front().value<QWidget*>());
    QVERIFY(profile);
    QCOMPARE(profile->profile()->client.id, p.ben);
    auto* results = child<QTreeWidget>(profile, "profileResults");
    QCOMPARE(results->topLevelItemCount(), 1);
    QCOMPARE(results->topLevelItem(0)->text(1), QStringLiteral("HbA1c"));
    QVERIFY(results->topLevelItem(0)->text(3).contains(QStringLiteral("HbA1c")));
    QVERIFY(child<QLabel>(profile, "clientIdentity"));
    // The profile's view is audited, and the result's.
    QCOMPARE(AuditLog(db)
                 .count(QLatin1String(ClinicalProfileReader::kViewAction),
                        QStringLiteral("clients"), p.ben.value())
                 .value(),
             1);

    // From the profile, the result opens.
    QSignalSpy opened(profile, &ClinicalProfileDialog::resultDialogOpened);
    profile->openResult(0);
    QCOMPARE(opened.count(), 1);
    qobject_cast<QDialog*>(opened.front().front().value<QWidget*>())->close();
    profile->close();
}

QTEST_MAIN(TestGuiResults)
#include "tst_gui_results.moc"
