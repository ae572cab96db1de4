#include "summarypdf.h"

#include "common/displayformat.h"
#include "resultvaluetext.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace aftercare::ui {

namespace {

// What a value means for the client, in the words of the letter.
QString noteText(const ResultValue& value)
{
    switch (value.rangePosition()) {
    case RangePosition::High:
        return SummaryPdf::tr("higher than usual");
    case RangePosition::Low:
        return SummaryPdf::tr("lower than usual");
    case RangePosition::WithinRange:
    case RangePosition::NotCompared:
        break;
    }
    return ResultValueText::isOutside(value) ? SummaryPdf::tr("outside the usual range")
                                             : QString();
}

} // namespace

bool SummaryPdf::write(const TestResult& result, const QString& clientName, const QString& path)
{
    QString html;
    html += QStringLiteral("<h1>%1</h1>")
                .arg(tr("Your %1 result").arg(result.testName).toHtmlEscaped());
    html += QStringLiteral("<p style='color:#555'>%1</p>")
                .arg(tr("For %1 · received %2")
                         .arg(clientName, dateText(result.receivedAt.date()))
                         .toHtmlEscaped());
    html += QStringLiteral("<h2>%1</h2>").arg(tr("What it means").toHtmlEscaped());
    const QString summary = result.summary.isEmpty()
                                ? tr("Your clinician will explain this result to you.")
                                : result.summary;
    html += QStringLiteral("<p style='font-size:14pt'>%1</p>")
                .arg(summary.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    html += QStringLiteral("<h2>%1</h2>").arg(tr("The values").toHtmlEscaped());
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='6' width='100%'>");
    html += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th>"
                           "<th align='left'>%3</th><th align='left'>%4</th></tr>")
                .arg(tr("Test").toHtmlEscaped(), tr("Value").toHtmlEscaped(),
                     tr("Usual range").toHtmlEscaped(), tr("Note").toHtmlEscaped());
    for (const ResultValue& value : result.values) {
        const bool abnormal = ResultValueText::isOutside(value);
        const QString shown = ResultValueText::value(value);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(value.analyte.toHtmlEscaped(),
                         abnormal ? QStringLiteral("<b>%1</b>").arg(shown.toHtmlEscaped())
                                  : shown.toHtmlEscaped(),
                         ResultValueText::range(value).toHtmlEscaped(),
                         noteText(value).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (!result.formalReport.isEmpty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Laboratory report").toHtmlEscaped(),
                         result.formalReport.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                     QStringLiteral("<br>")));

    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    document.setHtml(html);
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Your %1 result").arg(result.testName));
        // print() paginates a long report and scales the layout to the writer's resolution.
        document.print(&writer);
    } // the file is complete once the writer is gone
    return QFileInfo(path).size() > 0;
}

} // namespace aftercare::ui
