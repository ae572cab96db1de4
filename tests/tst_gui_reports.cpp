// backends: sqlite postgresql
// gui
#include "dashboard/dashboardworkspace.h"
#include "dashboard/drilldowndialog.h"
#include "dashboard/drilldownmodel.h"
#include "dashboard/metrictile.h"
#include "dashboard/periodpicker.h"
#include "database/database.h"
#include "metrics/metricsengine.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

const Period kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};
const Period kFebruary{QDate(2026, 2, 1), QDate(2026, 2, 28)};

Actor manager()
{
    Actor actor;
    actor.role = Role::Manager;
    return actor;
}

QString percent(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'f', 1) + DashboardWorkspace::tr(" %")
                 : QStringLiteral("–");
}

MetricTile* tile(QWidget& workspace, const char* key)
{
    return workspace.findChild<MetricTile*>(QStringLiteral("tile.%1").arg(QLatin1String(key)));
}

// Waits until the dashboard shows the figures of period.
bool settled(DashboardWorkspace& workspace, const Period& period)
{
    return QTest::qWaitFor(
        [&] {
            return !workspace.isBusy() && workspace.data() &&
                   workspace.data()->report.period == period;
        },
        30000);
}

} // namespace

class TestGuiReports : public QObject
{
    Q_OBJECT

private slots:
    void tilesShowTheEngineFigures();
    void drilldownListsTheRowsBehindATile();
    void drilldownModelIsLazyAndSound();
};

void TestGuiReports::tilesShowTheEngineFigures()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.resize(1280, 760);
    workspace.show();
    auto* picker = workspace.findChild<PeriodPicker*>(QStringLiteral("periodPicker"));
    QVERIFY(picker);
    picker->setSpan(PeriodPicker::Span::Month);
    picker->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));

    auto march26 = MetricsEngine(db).compute(kMarch, {}, workspace.data()->report.asOf);
    QVERIFY(march26);
    QCOMPARE(tile(workspace, "csat")->valueText(), percent(march26->csat.score));
    QCOMPARE(tile(workspace, "csat")->valueText(), percent(50.0));
    QCOMPARE(tile(workspace, "csat")->countText(), DashboardWorkspace::tr("n = %1").arg(2) +
                                                       QLatin1Char(' ') +
                                                       MetricTile::tr("· low confidence"));
    QCOMPARE(tile(workspace, "nps")->valueText(), QLocale().toString(0.0, 'f', 1));
    QCOMPARE(tile(workspace, "noShow")->valueText(), percent(march26->noShow.rate));
    QCOMPARE(tile(workspace, "noShow")->valueText(), percent(25.0));
    QCOMPARE(tile(workspace, "rebooking")->valueText(), percent(100.0 / 3));
    QCOMPARE(tile(workspace, "retention")->valueText(), percent(march26->retention.rate));
    QCOMPARE(tile(workspace, "sla")->valueText(), percent(50.0));
    // February had no answers: no previous figure to compare with.
    QCOMPARE(tile(workspace, "csat")->changeText(), MetricTile::tr("no previous figure"));

    // Another period: February had one visit and nothing else.
    picker->setDay(QDate(2026, 2, 10));
    QVERIFY(settled(workspace, kFebruary));
    QCOMPARE(tile(workspace, "csat")->valueText(), QStringLiteral("–"));
    QCOMPARE(tile(workspace, "noShow")->valueText(), percent(0.0));
    QCOMPARE(tile(workspace, "noShow")->countText(), MetricTile::tr("n = %1").arg(1) +
                                                         QLatin1Char(' ') +
                                                         MetricTile::tr("· low confidence"));

    // Back to March, narrowed to Dr Brown: one visit, no no-shows, no CSAT answers.
    picker->setDay(QDate(2026, 3, 15));
    auto* practitioner = workspace.findChild<QComboBox*>(QStringLiteral("filterPractitioner"));
    QVERIFY(practitioner);
    const int brown = practitioner->findText(QStringLiteral("Dr Brown"));
    QVERIFY(brown > 0);
    practitioner->setCurrentIndex(brown);
    QVERIFY(settled(workspace, kMarch));
    QTRY_COMPARE(workspace.data()->report.filter.practitioner, PractitionerId(march.brown));
    MetricFilter onlyBrown;
    onlyBrown.practitioner = PractitionerId(march.brown);
    auto brownMarch = MetricsEngine(db).compute(kMarch, onlyBrown, workspace.data()->report.asOf);
    QVERIFY(brownMarch);
    QCOMPARE(tile(workspace, "noShow")->valueText(), percent(brownMarch->noShow.rate));
    QCOMPARE(tile(workspace, "noShow")->valueText(), percent(0.0));
    QCOMPARE(tile(workspace, "csat")->valueText(), QStringLiteral("–"));
}

void TestGuiReports::drilldownListsTheRowsBehindATile()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));

    DashboardWorkspace workspace(db, manager());
    workspace.resize(1280, 760);
    workspace.show();
    auto* picker = workspace.findChild<PeriodPicker*>(QStringLiteral("periodPicker"));
    picker->setDay(QDate(2026, 3, 15));
    QVERIFY(settled(workspace, kMarch));

    QSignalSpy opened(&workspace, &DashboardWorkspace::drilldownOpened);
    MetricTile* csat = tile(workspace, "csat");
    csat->setFocus();
    QTest::keyClick(csat, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    auto* dialog = qobject_cast<DrilldownDialog*>(opened.first().first().value<QWidget*>());
    QVERIFY(dialog);
    auto* view = dialog->findChild<QTableView*>(QStringLiteral("drilldownView"));
    QVERIFY(view);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, DrilldownModel::ClientColumn).data().toString(),
             QStringLiteral("K1, Test"));
    QCOMPARE(view->model()->index(0, DrilldownModel::ScoreColumn).data().toInt(), 5);
    QCOMPARE(view->model()->index(0, DrilldownModel::PractitionerColumn).data().toString(),
             QStringLiteral("Dr Adams"));
    QCOMPARE(view->model()->index(1, DrilldownModel::ClientColumn).data().toString(),
             QStringLiteral("K2, Test"));
    QCOMPARE(view->model()->index(1, DrilldownModel::ScoreColumn).data().toInt(), 2);
    dialog->close();

    // The no-show tile lists Carla's missed appointment, by mouse this time.
    QTest::mouseClick(tile(workspace, "noShow"), Qt::LeftButton);
    QCOMPARE(opened.size(), 2);
    dialog = qobject_cast<DrilldownDialog*>(opened.last().first().value<QWidget*>());
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->totalRows(), qint64(1));
    QTRY_COMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->model()->rowAt(0).client, ClientId(march.carla));
    dialog->close();
}

void TestGuiReports::drilldownModelIsLazyAndSound()
{
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    // More visits than a page, so the model must fetch in steps.
    const qint64 client = practice.client(QStringLiteral("Web"));
    const int visits = DrilldownModel::kPageSize + 20;
    for (int i = 0; i < visits; ++i)
        practice.visit(client, QDateTime(QDate(2026, 3, 1 + i % 28), QTime(8, 0).addSecs(60 * i)));
    PRACTICE_OK(practice);

    DrilldownModel model(db, manager());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(DrilldownQuery::of(DrilldownSubject::Visits, kMarch));
    QCOMPARE(model.totalRows(), qint64(visits));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), DrilldownModel::kPageSize);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), visits);
    QVERIFY(!model.canFetchMore({}));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.rowAt(row - 1).when <= model.rowAt(row).when);

    // A reception account gets the refusal from core and an empty list.
    Actor reception;
    reception.role = Role::Reception;
    DrilldownModel refused(db, reception);
    QAbstractItemModelTester refusedTester(&refused,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    refused.setQuery(DrilldownQuery::of(DrilldownSubject::Visits, kMarch));
    QVERIFY(refused.error());
    QCOMPARE(refused.error()->kind, ErrorKind::Permission);
    QCOMPARE(refused.rowCount(), 0);
    QVERIFY(!refused.canFetchMore({}));
}

QTEST_MAIN(TestGuiReports)
#include "tst_gui_reports.moc"
