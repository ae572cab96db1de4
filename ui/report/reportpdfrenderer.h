#pragma once

#include "error.h"
#include "metrics/headlinefigure.h"
#include "report/report.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace aftercare::ui {

class ReportPage;

// Renders a Report as the monthly A4 document: a first page with the title block and the
// headline figures against the period before (change, better or worse), then per metric a
// short table of its figures, its formula (worded as in docs/metrics.md), small-n warnings and
// vector charts. Sections follow one another; one that does not fit in what is left of a page
// starts on the next. Every page says "Page n of N".
// It draws only what the Report holds and never queries the database.
class ReportPdfRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdfRenderer)

public:
    ReportPdfRenderer(const Report& report, const QString& practiceName);

    // Writes an A4 PDF to path.
    Status writePdf(const QString& path) const;
    // Paints onto any paged device (a QPdfWriter, or a QPrinter behind a print preview).
    void render(QPagedPaintDevice& device) const;

    // The names the document gives task kinds and post-service steps (the dashboard uses them
    // too, so screen and paper agree).
    static QString taskKindText(TaskKind kind);
    static QString stepText(PostServiceStep step);
    // Each headline figure's formula, worded as docs/metrics.md words it: the one source for
    // the report's sections and the dashboard's tooltips.
    static QStringList formulaLines(HeadlineFigure figure);
    static QStringList cohortFormulaLines();
    // A figure's name and its value as the report writes it (money in the practice's
    // currency, "none" when empty).
    static QString figureName(HeadlineFigure figure);
    static QString figureText(HeadlineFigure figure, const std::optional<double>& value);

private:
    using Page = ReportPage;
    using Section = void (ReportPdfRenderer::*)(Page&) const;
    static std::vector<Section> sections();
    // Lays the document out on device; measuring: on one endless page, adding each section's
    // height to heights; otherwise keeping each section of heights together where it fits.
    // Returns the number of pages.
    int layOut(QPagedPaintDevice& device, bool measuring, int pageCount,
               std::vector<double>& heights) const;
    QString footerText() const;

    void titleBlock(Page& page) const;
    void summarySection(Page& page) const;
    void csatSection(Page& page) const;
    void npsSection(Page& page) const;
    void retentionSection(Page& page) const;
    void referralSection(Page& page) const;
    void cohortSection(Page& page) const;
    void appointmentSection(Page& page) const;
    void lifetimeValueSection(Page& page) const;
    void slaSection(Page& page) const;
    void postServiceSection(Page& page) const;

    QStringList monthLabels() const;
    QString filterText() const;

    const Report& m_report;
    QString m_practiceName;
};

} // namespace aftercare::ui
