#include "dashboardworkspace.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "dashboardcharts.h"
#include "dashboardloader.h"
#include "database/database.h"
#include "drilldowndialog.h"
#include "metrics/periodcomparison.h"
#include "metrictile.h"
#include "periodpicker.h"
#include "report/reportfilterparser.h"
#include "report/reportpdfrenderer.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

// Rates resting on fewer answers or cases than this are marked, like the NPS in the report.
constexpr qint64 kSmallN = kNpsConfidentResponses;
// Typing a date or flicking through filters settles before the figures are counted.
constexpr int kSettleMilliseconds = 250;

QComboBox* filterBox(const QString& objectName, const QString& everything, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(everything, QVariant());
    // A long practitioner or service name must not widen the window beyond a 1280-pixel
    // screen: the box keeps a sensible width and its list shows names in full.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(18);
    return box;
}

} // namespace

DashboardWorkspace::DashboardWorkspace(Database& database, const Actor& actor, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_actor(actor)
    , m_loader(new DashboardLoader(database.url(), this))
    , m_period(new PeriodPicker(QDate::currentDate(), this))
    , m_practitioner(filterBox(QStringLiteral("filterPractitioner"), tr("All practitioners"), this))
    , m_serviceType(filterBox(QStringLiteral("filterServiceType"), tr("All services"), this))
    , m_referralSource(
          filterBox(QStringLiteral("filterReferralSource"), tr("All referral sources"), this))
    , m_busy(new QLabel(this))
    , m_comparedWith(new QLabel(this))
    , m_preview(new QPushButton(tr("Print pre&view…"), this))
    , m_save(new QPushButton(tr("Save P&DF…"), this))
    , m_message(new MessageLabel(this))
    , m_charts(new DashboardCharts(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_period->setObjectName(QStringLiteral("periodPicker"));
    m_busy->setObjectName(QStringLiteral("busy"));
    m_comparedWith->setObjectName(QStringLiteral("comparedWith"));
    m_comparedWith->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("printPreview"));
    m_save->setObjectName(QStringLiteral("savePdf"));
    m_practitioner->setAccessibleName(tr("Practitioner"));
    m_serviceType->setAccessibleName(tr("Service"));
    m_referralSource->setAccessibleName(tr("Referral source"));

    // Two rows, so that the workspace fits a 1280-pixel screen beside the navigation: the
    // period with the actions, then the filters.
    auto* periodRow = new QHBoxLayout;
    periodRow->addWidget(m_period);
    periodRow->addStretch(1);
    periodRow->addWidget(m_busy);
    periodRow->addWidget(m_preview);
    periodRow->addWidget(m_save);
    auto* filters = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_practitioner);
    filters->addWidget(filterLabel);
    filters->addWidget(m_practitioner);
    filters->addWidget(m_serviceType);
    filters->addWidget(m_referralSource);
    filters->addStretch(1);

    auto* tiles = new QGridLayout;
    tiles->setSpacing(6);
    using Subject = std::optional<DrilldownSubject>;
    const std::tuple<const char*, HeadlineFigure, QString, Subject> figures[] = {
        {"csat", HeadlineFigure::Csat, tr("CSAT"), DrilldownSubject::CsatResponses},
        {"nps", HeadlineFigure::Nps, tr("NPS"), DrilldownSubject::NpsResponses},
        {"retention", HeadlineFigure::Retention, tr("Retention"), DrilldownSubject::LapsedClients},
        {"noShow", HeadlineFigure::NoShowRate, tr("No-show rate"), DrilldownSubject::NoShows},
        {"rebooking", HeadlineFigure::RebookingRate, tr("Rebooking rate"),
         DrilldownSubject::RebookedVisits},
        {"referral", HeadlineFigure::ReferralRate, tr("Referral rate"),
         DrilldownSubject::NewClients},
        {"sla", HeadlineFigure::SlaAdherence, tr("SLA adherence"), DrilldownSubject::SlaTasks},
        {"postService", HeadlineFigure::PostServiceDelta, tr("Post-service delta"),
         DrilldownSubject::Visits},
        // Lifetime value rests on every client's invoices: there is no list behind it.
        {"clv", HeadlineFigure::HistoricalClv, tr("Lifetime value (CLV)"), std::nullopt},
    };
    // Five tiles a row: nine in one row would not fit beside the navigation at 1280 pixels.
    constexpr int kTilesPerRow = 5;
    int index = 0;
    for (const auto& [key, figure, caption, subject] : figures) {
        tiles->addWidget(addTile(QString::fromLatin1(key), figure, caption, subject),
                         index / kTilesPerRow, index % kTilesPerRow);
        ++index;
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_comparedWith);
    layout->addLayout(tiles);
    layout->addWidget(m_charts, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kSettleMilliseconds);
    connect(m_debounce, &QTimer::timeout, this, &DashboardWorkspace::refresh);
    connect(m_period, &PeriodPicker::periodChanged, this, &DashboardWorkspace::scheduleRefresh);
    for (QComboBox* box : {m_practitioner, m_serviceType, m_referralSource})
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardWorkspace::scheduleRefresh);
    connect(m_loader, &DashboardLoader::busyChanged, this, &DashboardWorkspace::setBusy);
    connect(m_loader, &DashboardLoader::loaded, this, &DashboardWorkspace::showData);
    connect(m_loader, &DashboardLoader::failed, this,
            [this](const QString& message) { m_message->showError(message); });
    connect(m_charts, &DashboardCharts::drilldownRequested, this,
            &DashboardWorkspace::openDrilldown);
    connect(m_preview, &QPushButton::clicked, this, &DashboardWorkspace::printPreview);
    connect(m_save, &QPushButton::clicked, this, &DashboardWorkspace::savePdf);

    loadFilters();
    setBusy(false);
}

void DashboardWorkspace::showEvent(QShowEvent* event)
{
    // Counted when first looked at, not when the window is built for someone who may never
    // open the dashboard.
    if (!m_data && !isBusy())
        refresh();
    Workspace::showEvent(event);
}

MetricTile* DashboardWorkspace::addTile(const QString& key, HeadlineFigure figure,
                                        const QString& caption,
                                        std::optional<DrilldownSubject> subject)
{
    auto* tile = new MetricTile(figure, caption, this);
    tile->setObjectName(QStringLiteral("tile.%1").arg(key));
    QStringList formula = ReportPdfRenderer::formulaLines(figure);
    if (figure == HeadlineFigure::HistoricalClv)
        formula += ReportPdfRenderer::formulaLines(HeadlineFigure::PredictedClv);
    tile->setFormula(formula.join(QLatin1Char('\n')), subject.has_value());
    m_tiles.push_back(tile);
    if (subject) {
        connect(tile, &MetricTile::clicked, this, [this, subject = *subject, caption] {
            if (m_data)
                openDrilldown(DrilldownQuery::of(subject, m_data->report.period), caption);
        });
    }
    return tile;
}

void DashboardWorkspace::loadFilters()
{
    if (auto practitioners = PractitionerRepository(m_database).practitioners(true)) {
        for (const Practitioner& p : *practitioners)
            m_practitioner->addItem(p.name, QVariant(qlonglong(p.id.value())));
    } else {
        m_message->showError(practitioners.error().message);
    }
    if (auto services = ServiceTypeRepository(m_database).serviceTypes(true)) {
        for (const ServiceType& s : *services)
            m_serviceType->addItem(s.name, QVariant(qlonglong(s.id.value())));
    } else {
        m_message->showError(services.error().message);
    }
    if (auto sources = ReportFilterParser(m_database).referralSources()) {
        for (const QString& source : *sources)
            m_referralSource->addItem(source, source);
    } else {
        m_message->showError(sources.error().message);
    }
}

MetricFilter DashboardWorkspace::filter() const
{
    MetricFilter filter;
    if (const QVariant id = m_practitioner->currentData(); id.isValid())
        filter.practitioner = PractitionerId(id.toLongLong());
    if (const QVariant id = m_serviceType->currentData(); id.isValid())
        filter.serviceType = ServiceTypeId(id.toLongLong());
    filter.referralSource = m_referralSource->currentData().toString();
    return filter;
}

bool DashboardWorkspace::isBusy() const
{
    return m_loader->isBusy() || m_debounce->isActive();
}

void DashboardWorkspace::scheduleRefresh()
{
    setBusy(true);
    m_debounce->start();
}

void DashboardWorkspace::setNow(const QDateTime& now)
{
    m_now = now;
    if (m_data)
        scheduleRefresh();
}

QDateTime DashboardWorkspace::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

QString DashboardWorkspace::comparisonText() const
{
    return m_comparedWith->text();
}

void DashboardWorkspace::refresh()
{
    m_debounce->stop();
    if (!m_period->period().isValid())
        return;
    const QDateTime at = now();
    m_loader->request(PeriodComparison::of(m_period->period(), at.date()), filter(), at);
}

void DashboardWorkspace::setBusy(bool busy)
{
    busy = busy || isBusy();
    m_busy->setText(busy ? tr("Counting…") : QString());
    for (MetricTile* tile : m_tiles)
        tile->setBusy(busy);
    m_preview->setEnabled(!busy && m_data);
    m_save->setEnabled(!busy && m_data);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void DashboardWorkspace::showData(const DashboardData& data)
{
    m_data = data;
    m_message->clearMessage();
    const PeriodMetrics& now = data.report.metrics;
    const PeriodMetrics& before = data.previous;
    const Period& current = data.comparison.current;
    const Period& previous = data.comparison.previous;
    m_comparedWith->setText(
        data.comparison.toDate
            ? tr("%1 so far, compared with %2 (the same days of the period before).")
                  .arg(periodText(current.from, current.to), periodText(previous.from, previous.to))
            : tr("%1, compared with %2.")
                  .arg(periodText(current.from, current.to),
                       periodText(previous.from, previous.to)));
    const MetricTile::Format percent{tr(" %"), 1, false, tr(" points")};
    const MetricTile::Format score{QString(), 1, false, QString()};
    const MetricTile::Format mean{QString(), 2, false, QString()};
    const MetricTile::Format money{QString(), 2, true, QString()};
    for (MetricTile* tile : m_tiles) {
        const HeadlineFigure figure = tile->figure();
        const auto value = HeadlineFigures::valueOf(figure, now, data.report.lifetimeValue);
        const auto was =
            HeadlineFigures::valueOf(figure, before, data.report.previousLifetimeValue);
        qint64 n = 0;
        MetricTile::Format format = percent;
        bool lowConfidence = false;
        switch (figure) {
        case HeadlineFigure::Csat:
            n = now.csat.responses;
            break;
        case HeadlineFigure::Nps:
            n = now.nps.responses;
            format = score;
            lowConfidence = now.nps.lowConfidence;
            break;
        case HeadlineFigure::Retention:
            n = now.retention.activeStart;
            break;
        case HeadlineFigure::NoShowRate:
            n = now.noShow.completed + now.noShow.noShows;
            break;
        case HeadlineFigure::RebookingRate:
            n = now.rebooking.visits;
            break;
        case HeadlineFigure::ReferralRate:
            n = now.referral.newClients;
            break;
        case HeadlineFigure::SlaAdherence:
            n = now.sla.total.due;
            break;
        case HeadlineFigure::PostServiceDelta:
            n = now.postServiceDelta.visits;
            format = mean;
            break;
        case HeadlineFigure::HistoricalClv:
        case HeadlineFigure::PredictedClv:
            n = data.report.lifetimeValue.clients;
            format = money;
            break;
        }
        if (figure != HeadlineFigure::Nps)
            lowConfidence = n < kSmallN;
        tile->setFigure(value, was, n, format, lowConfidence);
        if (figure == HeadlineFigure::HistoricalClv) {
            // The predicted value beside the historical one, with its own change.
            const auto predicted = data.report.lifetimeValue.predictedCents;
            const FigureChange change =
                HeadlineFigures::change(HeadlineFigure::PredictedClv, predicted,
                                        data.report.previousLifetimeValue.predictedCents, 0.5);
            tile->setDetail(
                tr("predicted: %1 (%2)")
                    .arg(predicted ? MetricTile::valueText(*predicted, money) : QStringLiteral("–"),
                         MetricTile::changeText(change, money)));
        }
    }
    m_charts->showData(data);
    setBusy(false);
    emit refreshed();
}

void DashboardWorkspace::openDrilldown(DrilldownQuery query, const QString& title)
{
    query.filter = filter();
    query.now = m_data ? m_data->report.asOf : QDateTime::currentDateTime();
    auto* dialog = new DrilldownDialog(m_database, m_actor, query, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DrilldownDialog::clientActivated, this,
            &DashboardWorkspace::clientProfileRequested);
    dialog->open();
    emit drilldownOpened(dialog);
}

void DashboardWorkspace::printPreview()
{
    if (!m_data)
        return;
    auto* dialog = new QPrintPreviewDialog(this);
    dialog->setObjectName(QStringLiteral("reportPreview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->printer()->setPageSize(QPageSize(QPageSize::A4));
    const DashboardData data = *m_data;
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [data](QPrinter* printer) {
        ReportPdfRenderer(data.report, data.practiceName).render(*printer);
    });
    dialog->open();
}

void DashboardWorkspace::savePdf()
{
    if (!m_data)
        return;
    const Period period = m_data->report.period;
    auto* dialog = new QFileDialog(
        this, tr("Save the report as PDF"),
        tr("report-%1-to-%2.pdf")
            .arg(period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate)),
        tr("PDF documents (*.pdf)"));
    dialog->setObjectName(QStringLiteral("savePdfDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const DashboardData data = *m_data;
    connect(dialog, &QFileDialog::fileSelected, this, [this, data](const QString& path) {
        if (auto written = ReportPdfRenderer(data.report, data.practiceName).writePdf(path);
            !written)
            m_message->showError(written.error().message);
        else
            m_message->showSuccess(tr("The report was saved as %1.").arg(path));
    });
    dialog->open();
}

} // namespace aftercare::ui
