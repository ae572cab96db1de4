#include "report/reportpdfrenderer.h"

#include "common/displayformat.h"
#include "report/reportchartpainter.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <memory>

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

// Money in the practice's currency, as the desk shows it.
QString money(const std::optional<double>& cents)
{
    return cents ? QLocale().toCurrencyString(*cents / 100.0) : ReportPdfRenderer::tr("none");
}

constexpr double kFooterMm = 8;

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

// The running layout of one document: a cursor down the printable area of the current page,
// above a footer with the page number. A measuring page never breaks: it tells how tall each
// section is, so that the real layout can keep a section together when it fits on a page.
class ReportPdfRenderer::Page
{
public:
    Page(QPagedPaintDevice& device, bool measuring, int pageCount, QString footer)
        : m_device(device)
        , m_painter(&device)
        , m_unit(device.logicalDpiX() / 25.4)
        , m_width(device.width())
        , m_height(device.height() - kFooterMm * m_unit)
        , m_measuring(measuring)
        , m_pageCount(pageCount)
        , m_footer(std::move(footer))
    {
        m_painter.setRenderHint(QPainter::Antialiasing);
    }

    double mm(double value) const { return value * m_unit; }
    QPainter& painter() { return m_painter; }
    double unit() const { return m_unit; }
    double y() const { return m_y; }
    int pageNumber() const { return m_page; }

    void newPage()
    {
        if (m_measuring)
            return;
        drawFooter();
        m_device.newPage();
        ++m_page;
        m_y = 0;
    }

    // The last page's footer; the painter is done after this.
    void finish()
    {
        if (!m_measuring)
            drawFooter();
        m_painter.end();
    }

    // Starts a new page unless heightMm still fits on this one.
    void ensure(double heightMm) { ensurePixels(mm(heightMm)); }

    // A section of height pixels that does not fit in what is left of this page starts on the
    // next one when less than a quarter of this page is left; otherwise it starts here and
    // flows on (its heading with its table, each chart whole), so that no page stays half
    // empty.
    void keepTogether(double height)
    {
        if (!m_measuring && m_y > 0 && m_y + height > m_height && m_height - m_y < m_height / 4)
            newPage();
    }

    void space(double heightMm) { m_y += mm(heightMm); }

    void text(const QString& line, double pointSize, bool bold = false, bool italic = false,
              const QColor& colour = Qt::black)
    {
        QFont font = m_painter.font();
        font.setPointSizeF(pointSize);
        font.setBold(bold);
        font.setItalic(italic);
        m_painter.setFont(font);
        m_painter.setPen(colour);
        const QRectF box(0, m_y, m_width, m_height);
        const QRectF used =
            m_painter.boundingRect(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
        ensurePixels(used.height());
        const QRectF placed(0, m_y, m_width, m_height - m_y);
        m_painter.drawText(placed, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
        m_y += used.height() + mm(0.8);
    }

    void heading(const QString& title)
    {
        // A heading stays with the start of what it heads.
        ensure(30);
        if (m_y > 0)
            space(3);
        text(title, 13, true);
        m_painter.setPen(QPen(Qt::black, mm(0.3)));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        space(2);
    }

    // A cell's text and, when it is not black, its colour (better and worse on the summary).
    struct Cell
    {
        QString text;
        QColor colour = Qt::black;
        bool bold = false;
    };

    // A small table: the first column left-aligned, the figures right-aligned. A table longer
    // than the page continues on the next one under a repeated header.
    void table(const QStringList& headers, const std::vector<QStringList>& rows,
               double firstShare = 0.34)
    {
        std::vector<std::vector<Cell>> cells;
        for (const QStringList& row : rows) {
            std::vector<Cell> line;
            for (const QString& text : row)
                line.push_back({text});
            cells.push_back(std::move(line));
        }
        table(headers, cells, firstShare);
    }

    void table(const QStringList& headers, const std::vector<std::vector<Cell>>& rows,
               double firstShare)
    {
        const double rowHeight = mm(kRowHeightMm);
        ensure(kRowHeightMm * double(std::min<std::size_t>(rows.size(), 4) + 1) + 2);
        const double firstColumn = m_width * firstShare;
        const double otherColumn =
            headers.size() > 1 ? (m_width - firstColumn) / double(headers.size() - 1) : 0;
        const auto cell = [&](int column) {
            return column == 0 ? QRectF(0, m_y, firstColumn, rowHeight)
                               : QRectF(firstColumn + otherColumn * (column - 1), m_y,
                                        otherColumn - mm(2), rowHeight);
        };
        const auto drawRow = [&](const std::vector<Cell>& line, bool bold) {
            QFont font = m_painter.font();
            font.setPointSizeF(kBodyPointSize);
            font.setItalic(false);
            for (int column = 0; column < int(line.size()) && column < headers.size(); ++column) {
                const Cell& c = line[std::size_t(column)];
                font.setBold(bold || c.bold);
                m_painter.setFont(font);
                m_painter.setPen(c.colour);
                m_painter.drawText(
                    cell(column), Qt::AlignVCenter | (column == 0 ? Qt::AlignLeft : Qt::AlignRight),
                    c.text);
            }
            m_y += rowHeight;
        };
        std::vector<Cell> header;
        for (const QString& text : headers)
            header.push_back({text});
        const auto rule = [&] {
            m_painter.setPen(QPen(Qt::black, mm(0.2)));
            m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        };
        drawRow(header, true);
        rule();
        for (std::size_t row = 0; row < rows.size(); ++row) {
            if (!m_measuring && m_y + rowHeight > m_height) {
                rule();
                newPage();
                drawRow(header, true);
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

    // A boxed warning, so it stands out without colour; a long one (German, say) wraps inside
    // its box instead of running out of it.
    void warning(const QString& line)
    {
        QFont font = m_painter.font();
        font.setPointSizeF(kBodyPointSize);
        font.setBold(true);
        font.setItalic(false);
        m_painter.setFont(font);
        const QRectF inner(0, 0, m_width - mm(4), m_height);
        const double textHeight =
            m_painter.boundingRect(inner, Qt::AlignLeft | Qt::TextWordWrap, line).height();
        const double height = std::max(mm(7), textHeight + mm(3));
        ensurePixels(height + mm(1.5));
        const QRectF box(0, m_y, m_width, height);
        m_painter.setPen(QPen(Qt::black, mm(0.4), Qt::DashLine));
        m_painter.drawRect(box);
        m_painter.setPen(Qt::black);
        m_painter.drawText(box.adjusted(mm(2), 0, -mm(2), 0),
                           Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, line);
        m_y += height + mm(1.5);
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
    void ensurePixels(double height)
    {
        if (!m_measuring && m_y > 0 && m_y + height > m_height)
            newPage();
    }

    void drawFooter()
    {
        QFont font = m_painter.font();
        font.setPointSizeF(7.5);
        font.setBold(false);
        font.setItalic(false);
        m_painter.setFont(font);
        m_painter.setPen(QColor(90, 90, 90));
        const QRectF box(0, m_height + mm(2), m_width, mm(kFooterMm - 2));
        m_painter.drawLine(QPointF(0, box.top()), QPointF(m_width, box.top()));
        m_painter.drawText(box, Qt::AlignLeft | Qt::AlignBottom, m_footer);
        m_painter.drawText(box, Qt::AlignRight | Qt::AlignBottom,
                           m_pageCount > 0 ? tr("Page %1 of %2").arg(m_page).arg(m_pageCount)
                                           : tr("Page %1").arg(m_page));
    }

    QPagedPaintDevice& m_device;
    QPainter m_painter;
    double m_unit;
    double m_width;
    double m_height; // of the area above the footer
    bool m_measuring;
    int m_pageCount;
    QString m_footer;
    double m_y = 0;
    int m_page = 1;
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

std::vector<ReportPdfRenderer::Section> ReportPdfRenderer::sections()
{
    return {&ReportPdfRenderer::csatSection,          &ReportPdfRenderer::npsSection,
            &ReportPdfRenderer::retentionSection,     &ReportPdfRenderer::referralSection,
            &ReportPdfRenderer::cohortSection,        &ReportPdfRenderer::appointmentSection,
            &ReportPdfRenderer::lifetimeValueSection, &ReportPdfRenderer::slaSection,
            &ReportPdfRenderer::postServiceSection};
}

int ReportPdfRenderer::layOut(QPagedPaintDevice& device, bool measuring, int pageCount,
                              std::vector<double>& heights) const
{
    Page page(device, measuring, pageCount, footerText());
    // The first page opens with who, when, and the month against the one before; the
    // sections follow.
    titleBlock(page);
    summarySection(page);
    const std::vector<Section> all = sections();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (measuring) {
            const double top = page.y();
            (this->*all[i])(page);
            heights.push_back(page.y() - top);
        } else {
            page.keepTogether(i < heights.size() ? heights[i] : 0);
            (this->*all[i])(page);
        }
    }
    const int pages = page.pageNumber();
    page.finish();
    return pages;
}

void ReportPdfRenderer::render(QPagedPaintDevice& device) const
{
    // Three passes over the same layout: section heights on a page without breaks, then the
    // pages they take (for "Page 2 of 5"), then the document itself. The first two go to a
    // scratch PDF of the same page and resolution.
    const auto scratch = [&device](QBuffer& buffer) {
        buffer.open(QIODevice::WriteOnly);
        auto writer = std::make_unique<QPdfWriter>(&buffer);
        writer->setResolution(device.logicalDpiX());
        writer->setPageLayout(device.pageLayout());
        return writer;
    };
    std::vector<double> heights;
    {
        QBuffer buffer;
        auto writer = scratch(buffer);
        layOut(*writer, true, 0, heights);
    }
    int pages = 0;
    {
        QBuffer buffer;
        auto writer = scratch(buffer);
        pages = layOut(*writer, false, 0, heights);
    }
    layOut(device, false, pages, heights);
}

QString ReportPdfRenderer::footerText() const
{
    return tr("%1 · report %2")
        .arg(m_practiceName.isEmpty() ? tr("Practice report") : m_practiceName,
             periodText(m_report.period.from, m_report.period.to));
}

QStringList ReportPdfRenderer::formulaLines(HeadlineFigure figure)
{
    switch (figure) {
    case HeadlineFigure::Csat:
        return {tr("CSAT = 100 × (answers scoring 4 or 5) / (all CSAT answers), on the 1–5 "
                   "scale, answers dated in the period.")};
    case HeadlineFigure::Nps:
        return {tr("NPS = 100 × (promoters − detractors) / answers, on the 0–10 scale."),
                tr("Interval: NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), p and d the "
                   "shares of promoters and detractors, cut off at −100 and +100.")};
    case HeadlineFigure::Retention:
        return {tr("Retention = 100 × |S and E| / |S|; churn = 100 − retention. Active on a "
                   "day T: a visit on one of the W days before and including T.")};
    case HeadlineFigure::NoShowRate:
        return {tr("No-show rate = 100 × no-shows / (visits + no-shows).")};
    case HeadlineFigure::RebookingRate:
        return {tr("Rebooking rate = 100 × (visits followed by a rebooking) / (visits in the "
                   "period); booked no later than 7 × 24 hours after the visit ended.")};
    case HeadlineFigure::ReferralRate:
        return {tr("Referral rate = 100 × (new clients referred by a client) / (new "
                   "clients).")};
    case HeadlineFigure::SlaAdherence:
        return {tr("SLA adherence = 100 × (tasks done on or before their deadline) / (tasks "
                   "due); open tasks not yet due are left out.")};
    case HeadlineFigure::PostServiceDelta:
        return {tr("Post-service delta = mean over the period's visits of the applicable "
                   "steps not done; per step, completion = 100 × done / applicable.")};
    case HeadlineFigure::HistoricalClv:
        return {tr("Historical CLV = paid invoice amounts up to the last day, per client with "
                   "at least one visit.")};
    case HeadlineFigure::PredictedClv:
        return {tr("Predicted CLV = (paid in Y / visits in Y) × (visits in Y / clients with a "
                   "visit in Y) × expected years, Y the last 365 days.")};
    }
    return {};
}

QStringList ReportPdfRenderer::cohortFormulaLines()
{
    return {tr("k3 / k6 / k12 = 100 × (clients of the cohort with another visit within k "
               "months after their first) / (clients of the cohort)."),
            tr("A share stays empty until the window has passed for the whole cohort.")};
}

QString ReportPdfRenderer::figureName(HeadlineFigure figure)
{
    switch (figure) {
    case HeadlineFigure::Csat:
        return tr("CSAT score");
    case HeadlineFigure::Nps:
        return tr("NPS");
    case HeadlineFigure::Retention:
        return tr("Retention");
    case HeadlineFigure::NoShowRate:
        return tr("No-show rate");
    case HeadlineFigure::RebookingRate:
        return tr("Rebooking rate");
    case HeadlineFigure::ReferralRate:
        return tr("Referral rate");
    case HeadlineFigure::SlaAdherence:
        return tr("SLA adherence");
    case HeadlineFigure::PostServiceDelta:
        return tr("Post-service delta");
    case HeadlineFigure::HistoricalClv:
        return tr("Historical CLV");
    case HeadlineFigure::PredictedClv:
        return tr("Predicted CLV");
    }
    return {};
}

QString ReportPdfRenderer::figureText(HeadlineFigure figure, const std::optional<double>& value)
{
    switch (figure) {
    case HeadlineFigure::Nps:
        return decimal(value, 1);
    case HeadlineFigure::PostServiceDelta:
        return decimal(value, 2);
    case HeadlineFigure::HistoricalClv:
    case HeadlineFigure::PredictedClv:
        return money(value);
    default:
        return percent(value);
    }
}

void ReportPdfRenderer::summarySection(Page& page) const
{
    page.heading(tr("Summary"));
    const std::optional<PeriodMetrics>& before = m_report.previous;
    if (before)
        page.text(tr("%1 compared with %2.")
                      .arg(periodText(m_report.period.from, m_report.period.to),
                           periodText(before->period.from, before->period.to)),
                  10);
    else
        page.text(tr("%1; no earlier period to compare with.")
                      .arg(periodText(m_report.period.from, m_report.period.to)),
                  10);
    page.space(1);

    // Points, percentage points or money: the change in the figure's own unit.
    const auto changeOf = [](HeadlineFigure figure, const FigureChange& change) {
        const double amount = std::abs(change.difference.value_or(0));
        QString text;
        switch (figure) {
        case HeadlineFigure::Nps:
            text = QLocale().toString(amount, 'f', 1);
            break;
        case HeadlineFigure::PostServiceDelta:
            text = QLocale().toString(amount, 'f', 2);
            break;
        case HeadlineFigure::HistoricalClv:
        case HeadlineFigure::PredictedClv:
            text = QLocale().toCurrencyString(amount / 100.0);
            break;
        default:
            text = tr("%1 points").arg(QLocale().toString(amount, 'f', 1));
            break;
        }
        return (change.difference.value_or(0) > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) +
               text;
    };
    const auto tolerance = [](HeadlineFigure figure) {
        switch (figure) {
        case HeadlineFigure::PostServiceDelta:
            return 0.005;
        case HeadlineFigure::HistoricalClv:
        case HeadlineFigure::PredictedClv:
            return 0.5;
        default:
            return 0.05;
        }
    };
    const QColor better(0x1b, 0x7a, 0x35);
    const QColor worse(0xb3, 0x26, 0x1e);
    std::vector<std::vector<Page::Cell>> rows;
    for (HeadlineFigure figure : HeadlineFigures::all()) {
        const auto now = HeadlineFigures::valueOf(figure, m_report.metrics, m_report.lifetimeValue);
        const auto then =
            before ? HeadlineFigures::valueOf(figure, *before, m_report.previousLifetimeValue)
                   : std::nullopt;
        const FigureChange change = HeadlineFigures::change(figure, now, then, tolerance(figure));
        std::vector<Page::Cell> row{{figureName(figure)},
                                    {figureText(figure, now), Qt::black, true},
                                    {before ? figureText(figure, then) : QString()}};
        switch (change.verdict) {
        case ChangeVerdict::Better:
            row.push_back({changeOf(figure, change), better});
            row.push_back({tr("better"), better, true});
            break;
        case ChangeVerdict::Worse:
            row.push_back({changeOf(figure, change), worse});
            row.push_back({tr("worse"), worse, true});
            break;
        case ChangeVerdict::Unchanged:
            row.push_back({tr("unchanged")});
            row.push_back({});
            break;
        case ChangeVerdict::NotComparable:
            row.push_back({tr("no comparison")});
            row.push_back({});
            break;
        }
        rows.push_back(std::move(row));
    }
    page.table({tr("Figure"), tr("This period"), before ? tr("Before") : QString(), tr("Change"),
                tr("Good or bad")},
               rows, 0.3);
    page.text(tr("A rising no-show rate or post-service delta is bad news; every other figure "
                 "is good news when it rises. Rates change by percentage points."),
              7.5, false, true);

    // What the figures rest on, and where they are too few to trust.
    const PeriodMetrics& m = m_report.metrics;
    page.space(2);
    page.text(tr("Resting on %1 CSAT and %2 NPS answers, %3 visits, %4 new clients and %5 "
                 "follow-up tasks due.")
                  .arg(count(m.csat.responses), count(m.nps.responses), count(m.rebooking.visits),
                       count(m.retention.newClients), count(m.sla.total.due)),
              8.5);
    if (m.nps.lowConfidence)
        page.warning(tr("Low confidence: only %n answer(s), fewer than %1. Read the interval "
                        "before drawing conclusions.",
                        nullptr, int(m.nps.responses))
                         .arg(kNpsConfidentResponses));
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
    page.text(tr("Lapse window: %n day(s); follow-up deadlines judged as of %1.", nullptr,
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
    page.formula(formulaLines(HeadlineFigure::Csat));
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
        page.warning(tr("Low confidence: only %n answer(s), fewer than %1. Read the interval "
                        "before drawing conclusions.",
                        nullptr, int(nps.responses))
                         .arg(kNpsConfidentResponses));
    page.formula(formulaLines(HeadlineFigure::Nps));

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
    page.formula(formulaLines(HeadlineFigure::Retention));
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
    page.formula(formulaLines(HeadlineFigure::ReferralRate));
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
    page.formula(cohortFormulaLines());
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
    page.formula(formulaLines(HeadlineFigure::NoShowRate) +
                 formulaLines(HeadlineFigure::RebookingRate));
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
    page.formula(formulaLines(HeadlineFigure::HistoricalClv) +
                 formulaLines(HeadlineFigure::PredictedClv));
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
    page.formula(formulaLines(HeadlineFigure::SlaAdherence));
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
    page.formula(formulaLines(HeadlineFigure::PostServiceDelta));
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
