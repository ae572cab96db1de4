#include "dashboardworkspace.h"

#include "common/messagelabel.h"
#include "dashboardcharts.h"
#include "dashboardloader.h"
#include "database/database.h"
#include "drilldowndialog.h"
#include "metrictile.h"
#include "periodpicker.h"
#include "report/reportfilterparser.h"
#include "report/reportpdfrenderer.h"
#include "repositories/practicerepository.h"

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
    , m_preview(new QPushButton(tr("Print pre&view…"), this))
    , m_save(new QPushButton(tr("Save P&DF…"), this))
    , m_message(new MessageLabel(this))
    , m_charts(new DashboardCharts(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_period->setObjectName(QStringLiteral("periodPicker"));
    m_busy->setObjectName(QStringLiteral("busy"));
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
    const std::tuple<const char*, QString, DrilldownSubject> figures[] = {
        {"csat", tr("CSAT"), DrilldownSubject::CsatResponses},
        {"nps", tr("NPS"), DrilldownSubject::NpsResponses},
        {"retention", tr("Retention"), DrilldownSubject::LapsedClients},
        {"noShow", tr("No-show rate"), DrilldownSubject::NoShows},
        {"rebooking", tr("Rebooking rate"), DrilldownSubject::RebookedVisits},
        {"referral", tr("Referral rate"), DrilldownSubject::NewClients},
        {"sla", tr("SLA adherence"), DrilldownSubject::SlaTasks},
        {"postService", tr("Post-service delta"), DrilldownSubject::Visits},
    };
    // Four tiles a row: eight in one row would not fit beside the navigation at 1280 pixels.
    constexpr int kTilesPerRow = 4;
    int index = 0;
    for (const auto& [key, caption, subject] : figures) {
        tiles->addWidget(addTile(QString::fromLatin1(key), caption, subject), index / kTilesPerRow,
                         index % kTilesPerRow);
        ++index;
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addLayout(filters);
    layout->addWidget(m_message);
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

MetricTile* DashboardWorkspace::addTile(const QString& key, const QString& caption,
                                        DrilldownSubject subject)
{
    auto* tile = new MetricTile(caption, this);
    tile->setObjectName(QStringLiteral("tile.%1").arg(key));
    m_tiles.emplace_back(tile, subject);
    connect(tile, &MetricTile::clicked, this, [this, subject, caption] {
        if (m_data)
            openDrilldown(DrilldownQuery::of(subject, m_data->report.period), caption);
    });
    return tile;
}

void DashboardWorkspace::loadFilters()
{
    PracticeRepository practice(m_database);
    if (auto practitioners = practice.practitioners(true)) {
        for (const Practitioner& p : *practitioners)
            m_practitioner->addItem(p.name, QVariant(qlonglong(p.id.value())));
    } else {
        m_message->showError(practitioners.error().message);
    }
    if (auto services = practice.serviceTypes(true)) {
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

void DashboardWorkspace::refresh()
{
    m_debounce->stop();
    if (!m_period->period().isValid())
        return;
    m_loader->request(m_period->period(), filter());
}

void DashboardWorkspace::setBusy(bool busy)
{
    busy = busy || isBusy();
    m_busy->setText(busy ? tr("Counting…") : QString());
    for (const auto& [tile, subject] : m_tiles)
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
    const QString percent = tr(" %");
    for (const auto& [tile, subject] : m_tiles) {
        const QString key = tile->objectName().mid(5);
        if (key == QLatin1String("csat"))
            tile->setFigure(now.csat.score, before.csat.score, now.csat.responses, percent, 1,
                            now.csat.responses < kSmallN);
        else if (key == QLatin1String("nps"))
            tile->setFigure(now.nps.score, before.nps.score, now.nps.responses, QString(), 1,
                            now.nps.lowConfidence);
        else if (key == QLatin1String("retention"))
            tile->setFigure(now.retention.rate, before.retention.rate, now.retention.activeStart,
                            percent, 1, now.retention.activeStart < kSmallN);
        else if (key == QLatin1String("noShow")) {
            const qint64 n = now.noShow.completed + now.noShow.noShows;
            tile->setFigure(now.noShow.rate, before.noShow.rate, n, percent, 1, n < kSmallN);
        } else if (key == QLatin1String("rebooking"))
            tile->setFigure(now.rebooking.rate, before.rebooking.rate, now.rebooking.visits,
                            percent, 1, now.rebooking.visits < kSmallN);
        else if (key == QLatin1String("referral"))
            tile->setFigure(now.referral.rate, before.referral.rate, now.referral.newClients,
                            percent, 1, now.referral.newClients < kSmallN);
        else if (key == QLatin1String("sla"))
            tile->setFigure(now.sla.total.rate, before.sla.total.rate, now.sla.total.due, percent,
                            1, now.sla.total.due < kSmallN);
        else if (key == QLatin1String("postService"))
            tile->setFigure(now.postServiceDelta.mean, before.postServiceDelta.mean,
                            now.postServiceDelta.visits, QString(), 2,
                            now.postServiceDelta.visits < kSmallN);
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
