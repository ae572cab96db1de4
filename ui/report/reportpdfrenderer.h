#pragma once

#include "error.h"
#include "report/report.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace aftercare::ui {

// Renders a Report as the monthly A4 document: a title block, then per metric a short table of
// its figures, its formula (worded as in docs/metrics.md), small-n warnings and vector charts.
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

private:
    class Page;

    void titleBlock(Page& page) const;
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
