// backends: sqlite postgresql
// gui
#include "common/displayformat.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboardworkspace.h"
#include "dashboard/drilldowndialog.h"
#include "dashboard/drilldownmodel.h"
#include "dashboard/metrictile.h"
#include "dashboard/periodpicker.h"
#include "database/database.h"
#include "mainwindow.h"
#include "reception/clientprofile.h"
#include "report/reportpdfrenderer.h"
#include "repositories/userrepository.h"
#include "signin/session.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

const Period kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};
const QString kPassword = QStringLiteral("month end 2026 figures");

Actor manager()
{
    Actor actor;
    actor.role = Role::Manager;
    return actor;
}

MetricTile* tile(QWidget& workspace, const char* key)
{
    return workspace.findChild<MetricTile*>(QStringLiteral("tile.%1").arg(QLatin1String(key)));
}

bool settled(DashboardWorkspace& workspace, const Period& period)
{
    return QTest::qWaitFor(
        [&] {
            return !workspace.isBusy() && workspace.data() &&
                   workspace.data()->report.period == period;
        },
        30000);
}

// March of the small practice, with a February that had a satisfied client and no no-shows:
// CSAT falls (worse), the no-show rate rises (worse).
bool fillPractice(Practice& practice, MarchPractice& march)
{
    if (!march.fill(practice))
        return false;
    practice.feedback(march.carla, QStringLiteral("csat"), 5, at("2026-02-11 08:00:00"));
    practice.invoice(march.ann, 12000, at("2026-03-04 10:00:00"));
    return practice.ok();
}

QStringList column(QAbstractItemModel* model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values << model->index(row, column).data().toString();
    return values;
}

DrilldownDialog* openVisits(DashboardWorkspace& workspace)
{
    QSignalSpy opened(&workspace, &DashboardWorkspace::drilldownOpened);
    QTest::mouseClick(tile(workspace, "postService"), Qt::LeftButton);
    if (opened.size() != 1)
        return nullptr;
    return qobject_cast<DrilldownDialog*>(opened.first().first().value<QWidget*>());
}

} // namespace

class TestGuiDashboard : public QObject
{
    Q_OBJECT

private slots:
    void tilesSayWhetherAChangeIsGood();
    void periodNotOverIsComparedLikeForLike();
    void cohortsAreAGrid();
    void chartsShowValuesOnHover();
    void drilldownSortsInSql();
    void drilldownExportsCsv();
    void doubleClickOpensTheClientProfile();
};

void TestGuiDashboard::tilesSayWhetherAChangeIsGood()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace.resize(1280, 760);
    workspace.show();
    workspace.periodPicker()->setSpan(PeriodPicker::Span::Month);
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));
    QCOMPARE(workspace.data()->previous.period, (Period{QDate(2026, 2, 1), QDate(2026, 2, 28)}));

    // CSAT fell from 100 % to 50 %: a fall of a good figure is bad news.
    MetricTile* csat = tile(workspace, "csat");
    QCOMPARE(csat->verdict(), ChangeVerdict::Worse);
    QCOMPARE(csat->changeText(), MetricTile::tr("▼ %1 · worse").arg(QStringLiteral("50.0 points")));
    // The no-show rate rose from 0 % to 25 %: a rise, and bad news.
    MetricTile* noShow = tile(workspace, "noShow");
    QCOMPARE(noShow->verdict(), ChangeVerdict::Worse);
    QCOMPARE(noShow->changeText(),
             MetricTile::tr("▲ %1 · worse").arg(QStringLiteral("25.0 points")));
    // Each tile's formula is in its tooltip, worded as the report words it.
    QVERIFY(csat->toolTip().contains(
        ReportPdfRenderer::formulaLines(HeadlineFigure::Csat).first().toHtmlEscaped()));
    QVERIFY(tile(workspace, "postService")
                ->toolTip()
                .contains(ReportPdfRenderer::formulaLines(HeadlineFigure::PostServiceDelta)
                              .first()
                              .toHtmlEscaped()));

    // Lifetime value: historical and predicted, in the practice's currency.
    MetricTile* clv = tile(workspace, "clv");
    QVERIFY(clv);
    const LifetimeValueResult& value = workspace.data()->report.lifetimeValue;
    QVERIFY(value.historicalCents);
    QCOMPARE(clv->valueText(), QLocale().toCurrencyString(*value.historicalCents / 100.0));
    QVERIFY2(clv->detailText().contains(
                 MetricTile::tr("predicted: %1 (%2)").section(QLatin1Char(':'), 0, 0)),
             qPrintable(clv->detailText()));
    QVERIFY(clv->toolTip().contains(
        ReportPdfRenderer::formulaLines(HeadlineFigure::PredictedClv).first().toHtmlEscaped()));
    QVERIFY(!workspace.comparisonText().isEmpty());
}

void TestGuiDashboard::periodNotOverIsComparedLikeForLike()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 3, 7), QTime(18, 0)));
    workspace.resize(1280, 760);
    workspace.show();
    workspace.periodPicker()->setSpan(PeriodPicker::Span::Month);
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    // This month so far, against the same days of February.
    const Period soFar{QDate(2026, 3, 1), QDate(2026, 3, 7)};
    QVERIFY(settled(workspace, soFar));
    QCOMPARE(workspace.data()->previous.period, (Period{QDate(2026, 2, 1), QDate(2026, 2, 7)}));
    QVERIFY(workspace.data()->comparison.toDate);
    QVERIFY2(workspace.comparisonText().contains(periodText(QDate(2026, 2, 1), QDate(2026, 2, 7))),
             qPrintable(workspace.comparisonText()));
    QVERIFY2(workspace.comparisonText().contains(periodText(soFar.from, soFar.to)),
             qPrintable(workspace.comparisonText()));
    // Carla's no-show of 6 March is in the days so far; February's first week had none.
    QCOMPARE(workspace.data()->report.metrics.noShow.noShows, qint64(1));

    // This quarter so far, against the same days of the quarter before.
    workspace.periodPicker()->setSpan(PeriodPicker::Span::Quarter);
    QVERIFY(settled(workspace, (Period{QDate(2026, 1, 1), QDate(2026, 3, 7)})));
    QCOMPARE(workspace.data()->previous.period, (Period{QDate(2025, 10, 1), QDate(2025, 12, 7)}));
    QVERIFY(
        workspace.comparisonText().contains(periodText(QDate(2025, 10, 1), QDate(2025, 12, 7))));

    // A year that is over is compared with the whole year before.
    workspace.periodPicker()->setSpan(PeriodPicker::Span::Year);
    workspace.periodPicker()->setDay(QDate(2025, 6, 1));
    QVERIFY(settled(workspace, (Period{QDate(2025, 1, 1), QDate(2025, 12, 31)})));
    QCOMPARE(workspace.data()->previous.period, (Period{QDate(2024, 1, 1), QDate(2024, 12, 31)}));
    QVERIFY(!workspace.data()->comparison.toDate);
}

void TestGuiDashboard::cohortsAreAGrid()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace.show();
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));
    auto* grid = workspace.findChild<QTableWidget*>(QStringLiteral("cohortGrid"));
    QVERIFY(grid);
    const std::vector<CohortRow>& cohorts = workspace.data()->report.cohorts;
    QCOMPARE(grid->rowCount(), int(cohorts.size()));
    QCOMPARE(grid->columnCount(), int(DashboardCharts::CohortColumnCount));
    // March 2026: Ann and Ben came for the first time; the 3 months have not passed yet.
    const int last = grid->rowCount() - 1;
    QCOMPARE(cohorts.back().month, QDate(2026, 3, 1));
    QCOMPARE(grid->item(last, DashboardCharts::CohortClientsColumn)->text(),
             QLocale().toString(qint64(2)));
    QCOMPARE(grid->item(last, DashboardCharts::Cohort3Column)->text(), QStringLiteral("–"));
    // A cohort whose 3 months have passed shows its share, shaded.
    for (int row = 0; row < grid->rowCount(); ++row) {
        const CohortRow& cohort = cohorts[std::size_t(row)];
        if (cohort.k3) {
            QCOMPARE(grid->item(row, DashboardCharts::Cohort3Column)->text(),
                     QLocale().toString(*cohort.k3, 'f', 1) + DashboardCharts::tr(" %"));
            QVERIFY(grid->item(row, DashboardCharts::Cohort3Column)->background().style() !=
                    Qt::NoBrush);
        }
    }
    // Double-clicking (activating) a month lists its clients.
    QSignalSpy opened(&workspace, &DashboardWorkspace::drilldownOpened);
    emit grid->cellActivated(last, DashboardCharts::Cohort3Column);
    QCOMPARE(opened.size(), 1);
    auto* dialog = qobject_cast<DrilldownDialog*>(opened.first().first().value<QWidget*>());
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->totalRows(), qint64(2));
    dialog->close();
}

void TestGuiDashboard::chartsShowValuesOnHover()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace.resize(1280, 760);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));
    auto* view = workspace.findChild<QChartView*>(QStringLiteral("chart.csat"));
    QVERIFY(view);
    auto* series = qobject_cast<QLineSeries*>(view->chart()->series().value(0));
    QVERIFY(series);
    QVERIFY(!series->points().isEmpty());
    // March's CSAT, the last point: 50 %.
    const QPointF march26 = series->points().last();
    const QPoint at = view->mapFromScene(view->chart()->mapToPosition(march26, series));
    // The pointer resting on March: the tooltip event every widget gets.
    QHelpEvent rest(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &rest);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("50.0 %")), qPrintable(QToolTip::text()));
    QVERIFY2(
        QToolTip::text().contains(QLocale().toString(QDate(2026, 3, 1), QStringLiteral("MMM yy"))),
        qPrintable(QToolTip::text()));
}

void TestGuiDashboard::drilldownSortsInSql()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace.show();
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));
    DrilldownDialog* dialog = openVisits(workspace);
    QVERIFY(dialog);
    auto* view = dialog->findChild<QTableView*>(QStringLiteral("drilldownView"));
    QVERIFY(view);
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(view->isSortingEnabled());
    QTRY_COMPARE(view->model()->rowCount(), 3);
    // Oldest first: Ann 3 March (Adams), Ben 5 March (Adams), Ann 20 March (Brown).
    QCOMPARE(column(view->model(), DrilldownModel::PractitionerColumn),
             (QStringList{"Dr Adams", "Dr Adams", "Dr Brown"}));

    // A click on the practitioner's header sorts by it; a second click turns it round.
    QHeaderView* header = view->horizontalHeader();
    const auto clickHeader = [&](int section) {
        const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    clickHeader(DrilldownModel::PractitionerColumn);
    QCOMPARE(header->sortIndicatorSection(), int(DrilldownModel::PractitionerColumn));
    clickHeader(DrilldownModel::PractitionerColumn);
    QTRY_COMPARE(view->model()->rowCount(), 3);
    const QStringList practitioners = column(view->model(), DrilldownModel::PractitionerColumn);
    QCOMPARE(practitioners.first(), header->sortIndicatorOrder() == Qt::DescendingOrder
                                        ? QStringLiteral("Dr Brown")
                                        : QStringLiteral("Dr Adams"));
    view->sortByColumn(DrilldownModel::PractitionerColumn, Qt::DescendingOrder);
    QTRY_COMPARE(view->model()->rowCount(), 3);
    QCOMPARE(column(view->model(), DrilldownModel::PractitionerColumn),
             (QStringList{"Dr Brown", "Dr Adams", "Dr Adams"}));
    view->sortByColumn(DrilldownModel::ClientColumn, Qt::DescendingOrder);
    QTRY_COMPARE(view->model()->rowCount(), 3);
    QCOMPARE(column(view->model(), DrilldownModel::ClientColumn),
             (QStringList{"K2, Test", "K1, Test", "K1, Test"}));
    dialog->close();
}

void TestGuiDashboard::drilldownExportsCsv()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace.show();
    workspace.periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));
    DrilldownDialog* dialog = openVisits(workspace);
    QVERIFY(dialog);
    auto* view = dialog->findChild<QTableView*>(QStringLiteral("drilldownView"));
    view->sortByColumn(DrilldownModel::PractitionerColumn, Qt::DescendingOrder);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("visits.csv"));
    // The button asks where to save; the file holds every row in the list's order.
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("exportCsv"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    button->click();
    QFileDialog* save = nullptr;
    QTRY_VERIFY((save = dialog->findChild<QFileDialog*>(QStringLiteral("exportCsvDialog"))));
    save->selectFile(path);
    QMetaObject::invokeMethod(save, "accept");
    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0),
             QStringLiteral("%1,%2,%3,%4")
                 .arg(DrilldownModel::tr("Client"), DrilldownModel::tr("Appointment"),
                      DrilldownModel::tr("Practitioner"), DrilldownModel::tr("Service")));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("\"K1, Test\",2026-03-20 09:00,Dr Brown,")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(3).startsWith(QStringLiteral("\"K1, Test\",2026-03-03 09:00,Dr Adams,")),
             qPrintable(lines.at(3)));
    dialog->close();
}

void TestGuiDashboard::doubleClickOpensTheClientProfile()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(fillPractice(practice, march), qPrintable(practice.error()));
    QVERIFY(UserRepository(db).create(Actor::system(), QStringLiteral("boss"),
                                      QStringLiteral("Practice Manager"), Role::Manager,
                                      kPassword));
    Session session(db);
    QVERIFY(session.signIn(QStringLiteral("boss"), kPassword));
    MainWindow window(db, session);
    window.show();
    auto* workspace =
        qobject_cast<DashboardWorkspace*>(window.workspace(QStringLiteral("dashboard")));
    QVERIFY(workspace);
    QVERIFY(window.showWorkspace(QStringLiteral("dashboard")));
    workspace->setNow(QDateTime(QDate(2026, 4, 2), QTime(9, 0)));
    workspace->periodPicker()->setSpan(PeriodPicker::Span::Month);
    workspace->periodPicker()->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(*workspace, kMarch));

    DrilldownDialog* dialog = openVisits(*workspace);
    QVERIFY(dialog);
    auto* view = dialog->findChild<QTableView*>(QStringLiteral("drilldownView"));
    QTRY_COMPARE(view->model()->rowCount(), 3);
    // The second row is Ben's visit of 5 March.
    const QRect cell = view->visualRect(view->model()->index(1, DrilldownModel::ClientColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QDialog* profileWindow = nullptr;
    QTRY_VERIFY(
        (profileWindow = window.findChild<QDialog*>(QStringLiteral("clientProfileWindow"))));
    auto* profile = profileWindow->findChild<ClientProfile*>();
    QVERIFY(profile);
    QCOMPARE(profile->client(), ClientId(march.ben));
    QVERIFY(profileWindow->isVisible());
    // The drill-down stays open under it: the profile is its child, so it comes out on top.
    QVERIFY(dialog->isVisible());
    QCOMPARE(profileWindow->parentWidget(), static_cast<QWidget*>(dialog));
    profileWindow->close();
    dialog->close();
}

QTEST_MAIN(TestGuiDashboard)
#include "tst_gui_dashboard.moc"
