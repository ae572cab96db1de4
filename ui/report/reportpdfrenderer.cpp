#include "report/reportpdfrenderer.h"

#include "report/reportchartpainter.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace aftercare::ui {

namespace {

constexpr double kMarginMm = 15;
constexpr double kRowHeightMm = 5;
constexpr double kChartHeightMm = 58;
constexpr double kBodyPointSize = 8.5;

QString percent(const std::optional<double>& value)
{
    return value ? QLocale().toString(*value, 'f', 1) + QStringLiteral(" %")
                 : ReportPdfRenderer::tr("none");
}

QString decimal(const std::optional<double>& value, int digits)
{
    return value ? QLocale().toString(*value, 'f', digits) : ReportPdfRenderer::tr("none");
}

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString money(const std::optional<double>& cents)
{
    return cents ? QLocale().toString(*cents / 100.0, 'f', 2) : ReportPdfRenderer::tr("none");
}

QString taskKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::DiscussResult:
        return ReportPdfRenderer::tr("Discuss result");
    case TaskKind::CommunicateResult:
        return ReportPdfRenderer::tr("Communicate result");
    case TaskKind::CheckinCall:
        return ReportPdfRenderer::tr("Check-in call");
    case TaskKind::DetractorCallback:
        return ReportPdfRenderer::tr("Detractor call-back");
    case TaskKind::RebookReminder:
        return ReportPdfRenderer::tr("Rebook reminder");
    case TaskKind::AnnualReview:
        return ReportPdfRenderer::tr("Annual review");
    case TaskKind::Letter:
        return ReportPdfRenderer::tr("Letter");
    }
    return {};
}

QString stepName(PostServiceStep step)
{
    switch (step) {
    case PostServiceStep::QualityFollowUp:
        return ReportPdfRenderer::tr("Quality follow-up");
    case PostServiceStep::FeedbackRequest:
        return ReportPdfRenderer::tr("Feedback request");
    case PostServiceStep::ThankYou:
        return ReportPdfRenderer::tr("Thank-you");
    case PostServiceStep::CommunityInvite:
        return ReportPdfRenderer::tr("Community invitation");
    case PostServiceStep::NewsletterInvite:
        return ReportPdfRenderer::tr("Newsletter invitation");
    }
    return {};
}

} // namespace

// The running layout of one document: a cursor down the printable area of the current page.
class ReportPdfRenderer::Page
{
public:
    explicit Page(QPagedPaintDevice& device)
        : m_device(device)
        , m_painter(&device)
        , m_unit(device.logicalDpiX() / 25.4)
        , m_width(device.width())
        , m_height(device.height())
    {
        m_painter.setRenderHint(QPainter::Antialiasing);
    }

    double mm(double value) const { return value * m_unit; }
    QPainter& painter() { return m_painter; }
    double unit() const { return m_unit; }

    void newPage()
    {
        m_device.newPage();
        m_y = 0;
    }

    // Starts a new page unless heightMm still fits on this one.
    void ensure(double heightMm)
    {
        if (m_y > 0 && m_y + mm(heightMm) > m_height)
            newPage();
    }

    void space(double heightMm) { m_y += mm(heightMm); }

    void text(const QString& line, double pointSize, bool bold = false, bool italic = false)
    {
        QFont font = m_painter.font();
        font.setPointSizeF(pointSize);
        font.setBold(bold);
        font.setItalic(italic);
        m_painter.setFont(font);
        m_painter.setPen(Qt::black);
        const QRectF box(0, m_y, m_width, m_height);
        const QRectF used =
            m_painter.boundingRect(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
        m_painter.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
        m_y += used.height() + mm(0.8);
    }

    void heading(const QString& title)
    {
        ensure(30);
        space(3);
        text(title, 13, true);
        m_painter.setPen(QPen(Qt::black, mm(0.3)));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        space(2);
    }

    // A small table: the first column left-aligned, the figures right-aligned. A table longer
    // than the page continues on the next one under a repeated header.
    void table(const QStringList& headers, const std::vector<QStringList>& rows)
    {
        const double rowHeight = mm(kRowHeightMm);
        ensure(kRowHeightMm * double(std::min<std::size_t>(rows.size(), 4) + 1) + 2);
        const double firstColumn = m_width * 0.34;
        const double otherColumn =
            headers.size() > 1 ? (m_width - firstColumn) / double(headers.size() - 1) : 0;
        const auto cell = [&](int column) {
            return column == 0 ? QRectF(0, m_y, firstColumn, rowHeight)
                               : QRectF(firstColumn + otherColumn * (column - 1), m_y,
                                        otherColumn - mm(2), rowHeight);
        };
        const auto drawRow = [&](const QStringList& cells, bool bold) {
            QFont font = m_painter.font();
            font.setPointSizeF(kBodyPointSize);
            font.setItalic(false);
            font.setBold(bold);
            m_painter.setFont(font);
            m_painter.setPen(Qt::black);
            for (int column = 0; column < cells.size() && column < headers.size(); ++column)
                m_painter.drawText(
                    cell(column), Qt::AlignVCenter | (column == 0 ? Qt::AlignLeft : Qt::AlignRight),
                    cells.at(column));
            m_y += rowHeight;
        };
        const auto rule = [&] {
            m_painter.setPen(QPen(Qt::black, mm(0.2)));
            m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        };
        drawRow(headers, true);
        rule();
        for (std::size_t row = 0; row < rows.size(); ++row) {
            if (m_y + rowHeight > m_height) {
                rule();
                newPage();
                drawRow(headers, true);
                rule();
            }
            if (row % 2 == 1)
                m_painter.fillRect(QRectF(0, m_y, m_width, rowHeight), QColor(238, 238, 238));
            drawRow(rows[row], false);
        }
        rule();
        space(1.5);
    }

    void formula(const QStringList& lines)
    {
        for (const QString& line : lines)
            text(line, 7.5, false, true);
        space(1);
    }

    // A boxed warning, so it stands out without colour.
    void warning(const QString& line)
    {
        ensure(9);
        QFont font = m_painter.font();
        font.setPointSizeF(kBodyPointSize);
        font.setBold(true);
        font.setItalic(false);
        m_painter.setFont(font);
        const QRectF box(0, m_y, m_width, mm(7));
        m_painter.setPen(QPen(Qt::black, mm(0.4), Qt::DashLine));
        m_painter.drawRect(box);
        m_painter.setPen(Qt::black);
        m_painter.drawText(box.adjusted(mm(2), 0, -mm(2), 0), Qt::AlignLeft | Qt::AlignVCenter,
                           line);
        m_y += mm(8.5);
    }

    // Reserves the area of one chart (half width when side by side).
    QRectF chart(double heightMm = kChartHeightMm)
    {
        ensure(heightMm + 1);
        const QRectF area(0, m_y, m_width, mm(heightMm));
        m_y += mm(heightMm + 2);
        return area;
    }

private:
    QPagedPaintDevice& m_device;
    QPainter m_painter;
    double m_unit;
    double m_width;
    double m_height;
    double m_y = 0;
};

ReportPdfRenderer::ReportPdfRenderer(const Report& report, const QString& practiceName)
    : m_report(report)
    , m_practiceName(practiceName)
{}

Status ReportPdfRenderer::writePdf(const QString& path) const
{
    // Written to a temporary file and renamed at the end, so a cron job never leaves half a
    // report behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            Error{ErrorKind::Io,
                  tr("The PDF could not be written to %1: %2").arg(path, file.errorString())});
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setTitle(tr("Monthly report %1 to %2")
                            .arg(m_report.period.from.toString(Qt::ISODate),
                                 m_report.period.to.toString(Qt::ISODate)));
        writer.setCreator(QStringLiteral("Aftercare"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                         QPageLayout::Millimeter));
        render(writer);
    }
    if (!file.commit())
        return fail(
            Error{ErrorKind::Io,
                  tr("The PDF could not be written to %1: %2").arg(path, file.errorString())});
    return {};
}

void ReportPdfRenderer::render(QPagedPaintDevice& device) const
{
    Page page(device);
    titleBlock(page);
    csatSection(page);
    page.newPage();
    npsSection(page);
    page.newPage();
    retentionSection(page);
    referralSection(page);
    page.newPage();
    cohortSection(page);
    page.newPage();
    appointmentSection(page);
    lifetimeValueSection(page);
    page.newPage();
    slaSection(page);
    postServiceSection(page);
}

QStringList ReportPdfRenderer::monthLabels() const
{
    QStringList labels;
    for (const PeriodMetrics& month : m_report.monthly)
        labels.append(QLocale().toString(month.period.from, QStringLiteral("MMM yy")));
    return labels;
}

QString ReportPdfRenderer::filterText() const
{
    QStringList parts;
    if (m_report.filter.practitioner.isValid())
        parts.append(tr("practitioner %1").arg(m_report.practitionerName));
    if (m_report.filter.serviceType.isValid())
        parts.append(tr("service %1").arg(m_report.serviceTypeName));
    if (m_report.filter.restrictsClients())
        parts.append(tr("referral source \"%1\"").arg(m_report.filter.referralSource.trimmed()));
    return parts.isEmpty() ? tr("whole practice, no filter") : parts.join(QStringLiteral("; "));
}

void ReportPdfRenderer::titleBlock(Page& page) const
{
    page.text(m_practiceName.isEmpty() ? tr("Practice report") : m_practiceName, 18, true);
    page.text(tr("Period: %1 to %2")
                  .arg(m_report.period.from.toString(Qt::ISODate),
                       m_report.period.to.toString(Qt::ISODate)),
              11);
    page.text(tr("Filters: %1").arg(filterText()), 9);
    page.text(tr("Lapse window: %n days; follow-up deadlines judged as of %1.", nullptr,
                 m_report.lapseWindowDays)
                  .arg(QLocale().toString(m_report.asOf, QLocale::ShortFormat)),
              9);
    page.text(tr("A figure shown as \"none\" has nothing to count in the period."), 8, false, true);
    page.space(2);
}

void ReportPdfRenderer::csatSection(Page& page) const
{
    const CsatResult& csat = m_report.metrics.csat;
    page.heading(tr("Client satisfaction (CSAT)"));
    page.table({tr("Figure"), tr("Value")}, {{tr("CSAT score"), percent(csat.score)},
                                             {tr("Mean score (1–5)"), decimal(csat.mean, 2)},
                                             {tr("Satisfied (4 or 5)"), count(csat.satisfied)},
                                             {tr("Responses"), count(csat.responses)}});
    page.formula({tr("CSAT = 100 × (answers scoring 4 or 5) / (all CSAT answers), on the 1–5 "
                     "scale, answers dated in the period.")});
    std::vector<std::optional<double>> scores;
    for (const PeriodMetrics& month : m_report.monthly)
        scores.push_back(month.csat.score);
    ReportChartPainter(page.painter(), page.unit())
        .lineChart(page.chart(), tr("CSAT by month (%)"), monthLabels(),
                   {{tr("CSAT score"), scores, Qt::SolidLine, false, {}}}, 0, 100);
}

void ReportPdfRenderer::npsSection(Page& page) const
{
    const NpsResult& nps = m_report.metrics.nps;
    page.heading(tr("Net Promoter Score (NPS)"));
    const QString interval = nps.ci95 ? tr("%1 to %2")
                                            .arg(QLocale().toString(nps.ci95->low, 'f', 1),
                                                 QLocale().toString(nps.ci95->high, 'f', 1))
                                      : tr("none");
    page.table({tr("Figure"), tr("Value")}, {{tr("NPS"), decimal(nps.score, 1)},
                                             {tr("95 % interval"), interval},
                                             {tr("Promoters (9–10)"), count(nps.promoters)},
                                             {tr("Passives (7–8)"), count(nps.passives)},
                                             {tr("Detractors (0–6)"), count(nps.detractors)},
                                             {tr("Responses"), count(nps.responses)}});
    if (nps.lowConfidence)
        page.warning(tr("Low confidence: only %n answers, fewer than %1. Read the interval "
                        "before drawing conclusions.",
                        nullptr, int(nps.responses))
                         .arg(kNpsConfidentResponses));
    page.formula({tr("NPS = 100 × (promoters − detractors) / answers, on the 0–10 scale."),
                  tr("Interval: NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), p and d the "
                     "shares of promoters and detractors, cut off at −100 and +100.")});

    std::vector<std::optional<double>> scores;
    std::vector<std::optional<std::pair<double, double>>> intervals;
    ReportChartPainter::BarSeries promoters{
        tr("Promoters"), {}, ReportChartPainter::patternBrush(0)};
    ReportChartPainter::BarSeries passives{tr("Passives"), {}, ReportChartPainter::patternBrush(3)};
    ReportChartPainter::BarSeries detractors{
        tr("Detractors"), {}, ReportChartPainter::patternBrush(1)};
    double tallest = 0;
    for (const PeriodMetrics& month : m_report.monthly) {
        scores.push_back(month.nps.score);
        intervals.push_back(
            month.nps.ci95 ? std::optional(std::pair(month.nps.ci95->low, month.nps.ci95->high))
                           : std::nullopt);
        promoters.values.push_back(double(month.nps.promoters));
        passives.values.push_back(double(month.nps.passives));
        detractors.values.push_back(double(month.nps.detractors));
        tallest = std::max(tallest, double(month.nps.responses));
    }
    ReportChartPainter charts(page.painter(), page.unit());
    charts.lineChart(page.chart(), tr("NPS by month, with its 95 % interval"), monthLabels(),
                     {{tr("NPS"), scores, Qt::SolidLine, false, intervals}}, -100, 100);
    charts.barChart(page.chart(), tr("Answers by month: promoters, passives, detractors"),
                    monthLabels(), {promoters, passives, detractors}, true,
                    std::max(1.0, std::ceil(tallest / 4) * 4));
}

void ReportPdfRenderer::retentionSection(Page& page) const
{
    const RetentionResult& retention = m_report.metrics.retention;
    page.heading(tr("Retention and churn"));
    page.table({tr("Figure"), tr("Value")},
               {{tr("Retention"), percent(retention.rate)},
                {tr("Churn"), percent(retention.churn)},
                {tr("Active the day before the period (S)"), count(retention.activeStart)},
                {tr("Active on the last day (E)"), count(retention.activeEnd)},
                {tr("Retained (in S and E)"), count(retention.retained)},
                {tr("New clients"), count(retention.newClients)}});
    page.formula({tr("Retention = 100 × |S and E| / |S|; churn = 100 − retention. Active on a "
                     "day T: a visit on one of the W days before and including T.")});
    std::vector<std::optional<double>> rates;
    std::vector<std::optional<double>> churn;
    for (const PeriodMetrics& month : m_report.monthly) {
        rates.push_back(month.retention.rate);
        churn.push_back(month.retention.churn);
    }
    ReportChartPainter(page.painter(), page.unit())
        .lineChart(page.chart(), tr("Retention and churn by month (%)"), monthLabels(),
                   {{tr("Retention"), rates, Qt::SolidLine, false, {}},
                    {tr("Churn"), churn, Qt::DashLine, true, {}}},
                   0, 100);
}

void ReportPdfRenderer::referralSection(Page& page) const
{
    const ReferralResult& referral = m_report.metrics.referral;
    page.heading(tr("Referral rate"));
    std::vector<QStringList> rows{{tr("Referral rate"), percent(referral.rate)},
                                  {tr("Referred by a client"), count(referral.referred)},
                                  {tr("New clients"), count(referral.newClients)}};
    for (const auto& [source, clients] : referral.bySource)
        rows.push_back({tr("New clients from \"%1\"").arg(source), count(clients)});
    page.table({tr("Figure"), tr("Value")}, rows);
    page.formula({tr("Referral rate = 100 × (new clients referred by a client) / (new "
                     "clients).")});
}

void ReportPdfRenderer::cohortSection(Page& page) const
{
    page.heading(tr("Cohort retention"));
    std::vector<QStringList> rows;
    for (const CohortRow& cohort : m_report.cohorts)
        rows.push_back({cohort.month.toString(QStringLiteral("yyyy-MM")), count(cohort.clients),
                        percent(cohort.k3), percent(cohort.k6), percent(cohort.k12)});
    page.table(
        {tr("First visit in"), tr("Clients"), tr("3 months"), tr("6 months"), tr("12 months")},
        rows);
    page.formula({tr("k3 / k6 / k12 = 100 × (clients of the cohort with another visit within k "
                     "months after their first) / (clients of the cohort)."),
                  tr("A share stays empty until the window has passed for the whole cohort.")});
}

void ReportPdfRenderer::appointmentSection(Page& page) const
{
    const NoShowResult& noShow = m_report.metrics.noShow;
    const RebookingResult& rebooking = m_report.metrics.rebooking;
    page.heading(tr("No-show and rebooking rates"));
    page.table({tr("Figure"), tr("Value")},
               {{tr("No-show rate"), percent(noShow.rate)},
                {tr("No-shows"), count(noShow.noShows)},
                {tr("Completed visits"), count(noShow.completed)},
                {tr("Rebooking rate"), percent(rebooking.rate)},
                {tr("Visits followed by a rebooking"), count(rebooking.rebooked)},
                {tr("Visits"), count(rebooking.visits)}});
    page.formula({tr("No-show rate = 100 × no-shows / (visits + no-shows)."),
                  tr("Rebooking rate = 100 × (visits followed by a rebooking) / (visits in the "
                     "period); booked no later than 7 × 24 hours after the visit ended.")});
    std::vector<std::optional<double>> noShows;
    std::vector<std::optional<double>> rebookings;
    for (const PeriodMetrics& month : m_report.monthly) {
        noShows.push_back(month.noShow.rate);
        rebookings.push_back(month.rebooking.rate);
    }
    ReportChartPainter(page.painter(), page.unit())
        .lineChart(page.chart(), tr("No-show and rebooking rates by month (%)"), monthLabels(),
                   {{tr("No-show rate"), noShows, Qt::DashLine, true, {}},
                    {tr("Rebooking rate"), rebookings, Qt::SolidLine, false, {}}},
                   0, 100);
}

void ReportPdfRenderer::lifetimeValueSection(Page& page) const
{
    const LifetimeValueResult& value = m_report.lifetimeValue;
    page.heading(tr("Client lifetime value (CLV)"));
    page.table({tr("Figure"), tr("Value")},
               {{tr("Historical CLV"), money(value.historicalCents)},
                {tr("Predicted CLV"), money(value.predictedCents)},
                {tr("Clients with a visit"), count(value.clients)},
                {tr("Visits in the last 365 days"), count(value.windowVisits)},
                {tr("Expected years as a client"), decimal(value.lifetimeYears, 1)}});
    page.formula({tr("Historical CLV = paid invoice amounts up to the last day, per client with "
                     "at least one visit."),
                  tr("Predicted CLV = (paid in Y / visits in Y) × (visits in Y / clients with a "
                     "visit in Y) × expected years, Y the last 365 days.")});
}

void ReportPdfRenderer::slaSection(Page& page) const
{
    const SlaResult& sla = m_report.metrics.sla;
    page.heading(tr("SLA adherence (follow-up on time)"));
    std::vector<QStringList> rows{
        {tr("All tasks"), percent(sla.total.rate), count(sla.total.met), count(sla.total.due)}};
    QStringList kinds;
    ReportChartPainter::BarSeries rates{tr("On time (%)"), {}, ReportChartPainter::patternBrush(1)};
    for (const auto& [kind, figures] : sla.byKind) {
        rows.push_back(
            {taskKindName(kind), percent(figures.rate), count(figures.met), count(figures.due)});
        kinds.append(taskKindName(kind));
        rates.values.push_back(figures.rate.value_or(0));
    }
    page.table({tr("Task"), tr("On time"), tr("Met"), tr("Due")}, rows);
    page.formula({tr("SLA adherence = 100 × (tasks done on or before their deadline) / (tasks "
                     "due); open tasks not yet due are left out.")});
    ReportChartPainter(page.painter(), page.unit())
        .barChart(page.chart(50), tr("On time by kind of task (%)"), kinds, {rates}, false, 100);
}

void ReportPdfRenderer::postServiceSection(Page& page) const
{
    const PostServiceDeltaResult& delta = m_report.metrics.postServiceDelta;
    page.heading(tr("Post-service delta"));
    std::vector<QStringList> rows{
        {tr("Mean steps dropped per visit"), decimal(delta.mean, 2), QString(), QString()},
        {tr("Visits"), count(delta.visits), QString(), QString()}};
    QStringList steps;
    ReportChartPainter::BarSeries shares{
        tr("Completed (%)"), {}, ReportChartPainter::patternBrush(2)};
    for (const auto& [step, completion] : delta.steps) {
        rows.push_back({stepName(step), percent(completion.share), count(completion.done),
                        count(completion.applicable)});
        steps.append(stepName(step));
        shares.values.push_back(completion.share.value_or(0));
    }
    page.table({tr("Step"), tr("Completed"), tr("Done"), tr("Applicable")}, rows);
    page.formula({tr("Post-service delta = mean over the period's visits of the applicable "
                     "steps not done; per step, completion = 100 × done / applicable.")});
    ReportChartPainter(page.painter(), page.unit())
        .barChart(page.chart(50), tr("Completion by step (%)"), steps, {shares}, false, 100);
}

QString ReportPdfRenderer::taskKindText(TaskKind kind)
{
    return taskKindName(kind);
}

QString ReportPdfRenderer::stepText(PostServiceStep step)
{
    return stepName(step);
}

} // namespace aftercare::ui
