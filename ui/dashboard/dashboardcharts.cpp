#include "dashboardcharts.h"

#include "dashboarddata.h"
#include "report/reportpdfrenderer.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

namespace aftercare::ui {

namespace {

DrilldownQuery withExtra(DrilldownQuery query, const std::function<void(DrilldownQuery&)>& set)
{
    set(query);
    return query;
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

// Category labels are never cut to "…": months are turned on their side, names get room.
QBarCategoryAxis* categoryAxis(QChart* chart, const QStringList& labels,
                               Qt::Alignment side = Qt::AlignBottom, int angle = -60)
{
    auto* axis = new QBarCategoryAxis;
    axis->append(labels);
    axis->setTruncateLabels(false);
    axis->setLabelsAngle(angle);
    QFont font = axis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    axis->setLabelsFont(font);
    chart->addAxis(axis, side);
    return axis;
}

QValueAxis* valueAxis(QChart* chart, double low, double high, const QString& title,
                      Qt::Alignment side = Qt::AlignLeft)
{
    auto* axis = new QValueAxis;
    axis->setRange(low, high);
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axis, side);
    return axis;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

// Told apart by colour and by dash pattern, so the lines read in black and white too.
QLineSeries* line(const QString& name, const std::vector<std::optional<double>>& values,
                  int index = 0)
{
    static const QColor colours[] = {QColor(0x20, 0x50, 0xa0), QColor(0xc0, 0x50, 0x40),
                                     QColor(0x3a, 0x8a, 0x50)};
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    auto* series = new QLineSeries;
    series->setName(name);
    series->setPointsVisible(true);
    QPen pen(colours[index % 3]);
    pen.setStyle(styles[index % 3]);
    pen.setWidthF(2);
    series->setPen(pen);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i])
            series->append(double(i), *values[i]);
    }
    return series;
}

// Values on hover: a series or bar set registers the names of its categories and how its
// values are written; a chart view's tooltip (the pointer resting on it, as on every other
// widget) then lists the values of every registered series at the category under the
// pointer.
const char* const kTipLabels = "aftercareTipLabels";
const char* const kTipSuffix = "aftercareTipSuffix";
const char* const kTipDecimals = "aftercareTipDecimals";

void registerTip(QObject* object, const QStringList& labels, const QString& suffix, int decimals)
{
    object->setProperty(kTipLabels, labels);
    object->setProperty(kTipSuffix, suffix);
    object->setProperty(kTipDecimals, decimals);
}

QString tipValue(const QObject* object, double value)
{
    return QLocale().toString(value, 'f', object->property(kTipDecimals).toInt()) +
           object->property(kTipSuffix).toString();
}

void showValuesOnHover(QLineSeries* series, const QStringList& labels, const QString& suffix,
                       int decimals = 1)
{
    registerTip(series, labels, suffix, decimals);
}

void showValuesOnHover(QBarSet* set, const QStringList& labels, const QString& suffix,
                       int decimals = 0)
{
    registerTip(set, labels, suffix, decimals);
}

// The text for the pointer at position (in the view's coordinates), or empty off the plot.
QString valuesAt(QChartView* view, const QPoint& position)
{
    QChart* chart = view->chart();
    if (!chart || chart->series().isEmpty())
        return {};
    const QPointF at = chart->mapFromScene(view->mapToScene(position));
    if (!chart->plotArea().contains(at))
        return {};
    QStringList lines;
    QString heading;
    for (QAbstractSeries* series : chart->series()) {
        const bool horizontal = qobject_cast<QHorizontalBarSeries*>(series) != nullptr;
        const QPointF value = chart->mapToValue(at, series);
        const int index = int(std::lround(horizontal ? value.y() : value.x()));
        const auto headingFrom = [&](const QObject* object) {
            const QStringList labels = object->property(kTipLabels).toStringList();
            if (heading.isEmpty() && index >= 0 && index < labels.size())
                heading = labels.at(index);
        };
        if (auto* line = qobject_cast<QLineSeries*>(series);
            line && line->property(kTipLabels).isValid()) {
            for (const QPointF& point : line->points()) {
                if (int(std::lround(point.x())) == index) {
                    headingFrom(line);
                    lines << DashboardCharts::tr("%1: %2").arg(line->name(),
                                                               tipValue(line, point.y()));
                }
            }
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            // Top of a stack first, as the bars read.
            const QList<QBarSet*> sets = bars->barSets();
            for (auto it = sets.crbegin(); it != sets.crend(); ++it) {
                QBarSet* set = *it;
                if (!set->property(kTipLabels).isValid() || index < 0 || index >= set->count())
                    continue;
                headingFrom(set);
                lines << DashboardCharts::tr("%1: %2").arg(set->label(),
                                                           tipValue(set, set->at(index)));
            }
        }
    }
    if (lines.isEmpty())
        return {};
    return (heading.isEmpty() ? QString() : heading + QLatin1Char('\n')) +
           lines.join(QLatin1Char('\n'));
}

class ChartValueTips : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ToolTip)
            return QObject::eventFilter(watched, event);
        auto* viewport = qobject_cast<QWidget*>(watched);
        auto* view = viewport ? qobject_cast<QChartView*>(viewport->parentWidget()) : nullptr;
        if (!view)
            return QObject::eventFilter(watched, event);
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = valuesAt(view, help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport);
        return true;
    }
};

} // namespace

DashboardCharts::DashboardCharts(QWidget* parent)
    : QTabWidget(parent)
    , m_tips(new ChartValueTips(this))
{
    setObjectName(QStringLiteral("dashboardCharts"));
    auto* satisfaction = new QWidget(this);
    auto* clients = new QWidget(this);
    auto* followUp = new QWidget(this);
    for (QWidget* page : {satisfaction, clients, followUp})
        new QHBoxLayout(page);
    m_csat = addView(satisfaction, QStringLiteral("chart.csat"));
    m_nps = addView(satisfaction, QStringLiteral("chart.nps"));
    m_retention = addView(clients, QStringLiteral("chart.retention"));
    m_cohorts = new QTableWidget(clients);
    m_cohorts->setObjectName(QStringLiteral("cohortGrid"));
    m_cohorts->setColumnCount(CohortColumnCount);
    // Short headings, so that four columns fit beside the charts; the tooltips say them in full.
    m_cohorts->setHorizontalHeaderLabels({tr("Clients"), tr("3 mo."), tr("6 mo."), tr("12 mo.")});
    const QString within[] = {tr("3 months"), tr("6 months"), tr("12 months")};
    for (int column = Cohort3Column; column <= Cohort12Column; ++column)
        m_cohorts->horizontalHeaderItem(column)->setToolTip(within[column - Cohort3Column]);
    m_cohorts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cohorts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cohorts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_cohorts->horizontalHeader()->setSectionResizeMode(CohortClientsColumn,
                                                        QHeaderView::ResizeToContents);
    m_cohorts->setWordWrap(false);
    m_cohorts->setMinimumSize(280, 220);
    m_cohorts->setToolTip(ReportPdfRenderer::cohortFormulaLines().join(QLatin1Char('\n')));
    m_cohorts->setAccessibleName(tr("Cohort retention: back within k months"));
    auto* cohortBox = new QWidget(clients);
    auto* cohortLayout = new QVBoxLayout(cohortBox);
    cohortLayout->setContentsMargins(0, 0, 0, 0);
    auto* cohortTitle = new QLabel(tr("Cohort retention: back within k months (%)"), cohortBox);
    cohortTitle->setAlignment(Qt::AlignHCenter);
    QFont titleFont = cohortTitle->font();
    titleFont.setBold(true);
    cohortTitle->setFont(titleFont);
    cohortLayout->addWidget(cohortTitle);
    cohortLayout->addWidget(m_cohorts, 1);
    // The grid needs the room of its four columns; the charts beside it give way.
    auto* clientsLayout = static_cast<QHBoxLayout*>(clients->layout());
    clientsLayout->addWidget(cohortBox);
    clientsLayout->setStretchFactor(m_retention, 5);
    clientsLayout->setStretchFactor(cohortBox, 6);
    connect(m_cohorts, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row < 0 || row >= int(m_cohortMonths.size()))
            return;
        emit drilldownRequested(
            DrilldownQuery::of(DrilldownSubject::NewClients,
                               Period::monthOf(m_cohortMonths[std::size_t(row)])),
            tr("Clients of the cohort"));
    });
    m_referral = addView(clients, QStringLiteral("chart.referral"));
    m_sla = addView(followUp, QStringLiteral("chart.sla"));
    m_postService = addView(followUp, QStringLiteral("chart.postService"));
    m_appointments = addView(followUp, QStringLiteral("chart.appointments"));
    static_cast<QHBoxLayout*>(clients->layout())->setStretchFactor(m_referral, 5);
    addTab(satisfaction, tr("&Satisfaction"));
    addTab(clients, tr("C&lients"));
    addTab(followUp, tr("&Follow-up and visits"));
}

QChartView* DashboardCharts::addView(QWidget* page, const QString& objectName)
{
    auto* view = new QChartView(newChart(QString()), page);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    view->viewport()->installEventFilter(m_tips);
    page->layout()->addWidget(view);
    return view;
}

Period DashboardCharts::monthAt(double x) const
{
    const int index = std::clamp(int(std::lround(x)), 0, int(m_months.size()) - 1);
    return m_months.empty() ? m_period : m_months[std::size_t(index)];
}

void DashboardCharts::showData(const DashboardData& data)
{
    m_period = data.report.period;
    m_months.clear();
    for (const PeriodMetrics& month : data.report.monthly)
        m_months.push_back(month.period);
    csatChart(data);
    npsChart(data);
    retentionChart(data);
    cohortGrid(data);
    referralChart(data);
    slaChart(data);
    postServiceChart(data);
    appointmentChart(data);
}

namespace {

QStringList monthLabels(const std::vector<PeriodMetrics>& monthly)
{
    QStringList labels;
    for (const PeriodMetrics& month : monthly)
        labels << QLocale().toString(month.period.from, QStringLiteral("MMM yy"));
    return labels;
}

} // namespace

void DashboardCharts::csatChart(const DashboardData& data)
{
    QChart* chart = newChart(DashboardCharts::tr("CSAT by month (%)"));
    std::vector<std::optional<double>> scores;
    for (const PeriodMetrics& month : data.report.monthly)
        scores.push_back(month.csat.score);
    QLineSeries* series = line(tr("CSAT"), scores);
    showValuesOnHover(series, monthLabels(data.report.monthly), tr(" %"));
    attach(chart, series, categoryAxis(chart, monthLabels(data.report.monthly)),
           valueAxis(chart, 0, 100, tr("%")));
    connect(series, &QLineSeries::clicked, this, [this](const QPointF& point) {
        const Period month = monthAt(point.x());
        emit drilldownRequested(DrilldownQuery::of(DrilldownSubject::CsatResponses, month),
                                tr("CSAT answers"));
    });
    replaceChart(m_csat, chart);
}

void DashboardCharts::npsChart(const DashboardData& data)
{
    QChart* chart = newChart(tr("NPS by month, with its 95 % interval"));
    auto* bars = new QStackedBarSeries;
    auto* promoters = new QBarSet(tr("Promoters"));
    auto* passives = new QBarSet(tr("Passives"));
    auto* detractors = new QBarSet(tr("Detractors"));
    std::vector<std::optional<double>> scores;
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    double tallest = 1;
    for (std::size_t i = 0; i < data.report.monthly.size(); ++i) {
        const NpsResult& nps = data.report.monthly[i].nps;
        *promoters << double(nps.promoters);
        *passives << double(nps.passives);
        *detractors << double(nps.detractors);
        tallest = std::max(tallest, double(nps.responses));
        scores.push_back(nps.score);
        if (nps.ci95) {
            upper->append(double(i), nps.ci95->high);
            lower->append(double(i), nps.ci95->low);
        }
    }
    promoters->setColor(QColor(0x4c, 0x9a, 0x6a));
    passives->setColor(QColor(0xc8, 0xc8, 0xc8));
    detractors->setColor(QColor(0xc0, 0x50, 0x40));
    bars->append({detractors, passives, promoters});
    for (QBarSet* set : {detractors, passives, promoters})
        showValuesOnHover(set, monthLabels(data.report.monthly), QString());
    QBarCategoryAxis* x = categoryAxis(chart, monthLabels(data.report.monthly));
    QValueAxis* answers = valueAxis(chart, 0, tallest, tr("answers"));
    answers->applyNiceNumbers();
    attach(chart, bars, x, answers);
    QValueAxis* score = valueAxis(chart, -100, 100, tr("NPS"), Qt::AlignRight);
    auto* interval = new QAreaSeries(upper, lower);
    interval->setName(tr("95 % interval"));
    interval->setColor(QColor(0x30, 0x60, 0xc0, 50));
    interval->setBorderColor(QColor(0x30, 0x60, 0xc0, 120));
    attach(chart, interval, x, score);
    QLineSeries* scoreLine = line(tr("NPS"), scores);
    showValuesOnHover(scoreLine, monthLabels(data.report.monthly), QString());
    scoreLine->setColor(QColor(0x20, 0x40, 0x90));
    attach(chart, scoreLine, x, score);
    const std::pair<QBarSet*, NpsBand> sets[] = {{promoters, NpsBand::Promoter},
                                                 {passives, NpsBand::Passive},
                                                 {detractors, NpsBand::Detractor}};
    for (const auto& [set, band] : sets) {
        connect(set, &QBarSet::clicked, this, [this, band = band, name = set->label()](int index) {
            emit drilldownRequested(
                withExtra(DrilldownQuery::of(DrilldownSubject::NpsResponses, monthAt(index)),
                          [&](DrilldownQuery& q) { q.npsBand = band; }),
                name);
        });
    }
    replaceChart(m_nps, chart);
}

void DashboardCharts::retentionChart(const DashboardData& data)
{
    QChart* chart = newChart(tr("Retention and churn by month (%)"));
    std::vector<std::optional<double>> retention;
    std::vector<std::optional<double>> churn;
    for (const PeriodMetrics& month : data.report.monthly) {
        retention.push_back(month.retention.rate);
        churn.push_back(month.retention.churn);
    }
    QBarCategoryAxis* x = categoryAxis(chart, monthLabels(data.report.monthly));
    QValueAxis* y = valueAxis(chart, 0, 100, tr("%"));
    for (QLineSeries* series : {line(tr("Retention"), retention), line(tr("Churn"), churn, 1)}) {
        attach(chart, series, x, y);
        showValuesOnHover(series, monthLabels(data.report.monthly), tr(" %"));
        connect(series, &QLineSeries::clicked, this, [this](const QPointF& point) {
            emit drilldownRequested(
                DrilldownQuery::of(DrilldownSubject::LapsedClients, monthAt(point.x())),
                tr("Clients who lapsed"));
        });
    }
    replaceChart(m_retention, chart);
}

void DashboardCharts::cohortGrid(const DashboardData& data)
{
    // One hue from light to dark, so the shading reads without telling colours apart; the
    // figure is in every cell as well.
    const auto shade = [](double share) {
        const double t = std::clamp(share / 100.0, 0.0, 1.0);
        return QColor::fromRgbF(float(1.0 - t * (1.0 - 0.13)), float(1.0 - t * (1.0 - 0.40)),
                                float(1.0 - t * (1.0 - 0.67)));
    };
    const QLocale locale;
    m_cohortMonths.clear();
    m_cohorts->clearContents();
    m_cohorts->setRowCount(int(data.report.cohorts.size()));
    QStringList months;
    for (std::size_t i = 0; i < data.report.cohorts.size(); ++i) {
        const CohortRow& cohort = data.report.cohorts[i];
        const int row = int(i);
        m_cohortMonths.push_back(cohort.month);
        const QString month = locale.toString(cohort.month, QStringLiteral("MMM yyyy"));
        months << month;
        auto* clients = new QTableWidgetItem(locale.toString(cohort.clients));
        clients->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        clients->setToolTip(
            tr("%n client(s) came for the first time in %1", nullptr, int(cohort.clients))
                .arg(month));
        m_cohorts->setItem(row, CohortClientsColumn, clients);
        const std::tuple<int, int, std::optional<double>, qint64> shares[] = {
            {Cohort3Column, 3, cohort.k3, cohort.returned3},
            {Cohort6Column, 6, cohort.k6, cohort.returned6},
            {Cohort12Column, 12, cohort.k12, cohort.returned12},
        };
        for (const auto& [column, k, share, returned] : shares) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (share) {
                item->setText(locale.toString(*share, 'f', 1) + tr(" %"));
                item->setBackground(shade(*share));
                item->setForeground(*share > 55 ? QColor(Qt::white) : QColor(Qt::black));
                item->setToolTip(tr("%1: %2 of %3 back within %4 months (%5)")
                                     .arg(month, locale.toString(returned),
                                          locale.toString(cohort.clients), QString::number(k),
                                          item->text()));
            } else {
                item->setText(QStringLiteral("–"));
                item->setToolTip(cohort.clients == 0
                                     ? tr("%1: no new clients").arg(month)
                                     : tr("%1: the %2 months have not passed for the whole "
                                          "cohort yet")
                                           .arg(month, QString::number(k)));
            }
            m_cohorts->setItem(row, column, item);
        }
    }
    m_cohorts->setVerticalHeaderLabels(months);
    // One line a month, with room for the header's padding.
    m_cohorts->verticalHeader()->setDefaultSectionSize(m_cohorts->fontMetrics().height() + 14);
    // The latest cohorts are the ones a manager looks at first.
    if (m_cohorts->rowCount() > 0)
        m_cohorts->scrollToItem(m_cohorts->item(m_cohorts->rowCount() - 1, 0));
}

void DashboardCharts::referralChart(const DashboardData& data)
{
    QChart* chart = newChart(tr("New clients by referral source"));
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("New clients"));
    QStringList labels;
    std::vector<QString> sources;
    double most = 1;
    for (const auto& [source, clients] : data.report.metrics.referral.bySource) {
        labels << (source == kUnknownReferralSource ? tr("not recorded") : source);
        sources.push_back(source);
        *set << double(clients);
        most = std::max(most, double(clients));
    }
    series->append(set);
    showValuesOnHover(set, labels, QString());
    QValueAxis* x = valueAxis(chart, 0, most, tr("clients"), Qt::AlignBottom);
    x->applyNiceNumbers();
    attach(chart, series, x, categoryAxis(chart, labels, Qt::AlignLeft, 0));
    chart->legend()->setVisible(false);
    connect(set, &QBarSet::clicked, this, [this, sources, labels](int index) {
        if (index < 0 || index >= int(sources.size()))
            return;
        emit drilldownRequested(
            withExtra(DrilldownQuery::of(DrilldownSubject::NewClients, m_period),
                      [&](DrilldownQuery& q) { q.referralSource = sources[std::size_t(index)]; }),
            tr("New clients: %1").arg(labels.at(index)));
    });
    replaceChart(m_referral, chart);
}

void DashboardCharts::slaChart(const DashboardData& data)
{
    QChart* chart = newChart(tr("SLA adherence by kind (%)"));
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("Done on time"));
    QStringList labels;
    std::vector<TaskKind> kinds;
    for (const auto& [kind, figures] : data.report.metrics.sla.byKind) {
        if (figures.due == 0)
            continue;
        kinds.push_back(kind);
        labels << ReportPdfRenderer::taskKindText(kind);
        *set << figures.rate.value_or(0);
    }
    series->append(set);
    showValuesOnHover(set, labels, tr(" %"), 1);
    chart->addSeries(series);
    series->attachAxis(categoryAxis(chart, labels, Qt::AlignLeft, 0));
    QValueAxis* x = valueAxis(chart, 0, 100, tr("%"), Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    connect(set, &QBarSet::clicked, this, [this, kinds](int index) {
        if (index < 0 || index >= int(kinds.size()))
            return;
        const TaskKind kind = kinds[std::size_t(index)];
        emit drilldownRequested(withExtra(DrilldownQuery::of(DrilldownSubject::SlaTasks, m_period),
                                          [&](DrilldownQuery& q) { q.taskKind = kind; }),
                                ReportPdfRenderer::taskKindText(kind));
    });
    replaceChart(m_sla, chart);
}

void DashboardCharts::postServiceChart(const DashboardData& data)
{
    const PostServiceDeltaResult& delta = data.report.metrics.postServiceDelta;
    QChart* chart = newChart(tr("Post-service steps done (%)"));
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("Done where it applied"));
    QStringList labels;
    for (const auto& [step, completion] : delta.steps) {
        labels << ReportPdfRenderer::stepText(step);
        *set << completion.share.value_or(0);
    }
    series->append(set);
    showValuesOnHover(set, labels, tr(" %"), 1);
    attach(chart, series, valueAxis(chart, 0, 100, tr("%"), Qt::AlignBottom),
           categoryAxis(chart, labels, Qt::AlignLeft, 0));
    chart->legend()->setVisible(false);
    connect(set, &QBarSet::clicked, this, [this](int) {
        emit drilldownRequested(DrilldownQuery::of(DrilldownSubject::Visits, m_period),
                                tr("Visits"));
    });
    replaceChart(m_postService, chart);
}

void DashboardCharts::appointmentChart(const DashboardData& data)
{
    QChart* chart = newChart(tr("No-show and rebooking rates by month (%)"));
    std::vector<std::optional<double>> noShows;
    std::vector<std::optional<double>> rebooked;
    for (const PeriodMetrics& month : data.report.monthly) {
        noShows.push_back(month.noShow.rate);
        rebooked.push_back(month.rebooking.rate);
    }
    QBarCategoryAxis* x = categoryAxis(chart, monthLabels(data.report.monthly));
    QValueAxis* y = valueAxis(chart, 0, 100, tr("%"));
    QLineSeries* noShowLine = line(tr("No-shows"), noShows, 1);
    QLineSeries* rebookingLine = line(tr("Rebooked"), rebooked);
    attach(chart, noShowLine, x, y);
    attach(chart, rebookingLine, x, y);
    showValuesOnHover(noShowLine, monthLabels(data.report.monthly), tr(" %"));
    showValuesOnHover(rebookingLine, monthLabels(data.report.monthly), tr(" %"));
    connect(noShowLine, &QLineSeries::clicked, this, [this](const QPointF& point) {
        emit drilldownRequested(DrilldownQuery::of(DrilldownSubject::NoShows, monthAt(point.x())),
                                tr("No-shows"));
    });
    connect(rebookingLine, &QLineSeries::clicked, this, [this](const QPointF& point) {
        emit drilldownRequested(
            DrilldownQuery::of(DrilldownSubject::RebookedVisits, monthAt(point.x())),
            tr("Rebooked visits"));
    });
    replaceChart(m_appointments, chart);
}

} // namespace aftercare::ui
