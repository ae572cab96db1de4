#include "report/reportpdfrenderer.h"

#include "common/displayformat.h"
#include "report/reportchartpainter.h"
#include "report/reportpage.h"

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
        page.warning(tr("Low confidence: only %n answers, fewer than %1. Read the interval "
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
