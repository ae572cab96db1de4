#include "reception/welcomepackpdf.h"

#include "common/displayformat.h"

#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace aftercare::ui {

namespace {

QString paragraphs(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td width='30%'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

QString WelcomePackPdf::html(const WelcomePack& pack)
{
    QString html;
    html += QStringLiteral("<h1>%1</h1>").arg(pack.practiceName.toHtmlEscaped());
    if (!pack.practiceAddress.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(paragraphs(pack.practiceAddress));
    html += QStringLiteral("<hr>");
    html +=
        QStringLiteral("<h2>%1</h2>").arg(tr("Welcome, %1").arg(pack.clientName).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Thank you for choosing us. Here is everything you need for your first "
                        "visit.")
                         .toHtmlEscaped());

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Your appointment").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='5' width='100%' border='1'>");
    html += row(tr("Date"), QLocale().toString(pack.startsAt.date(), QLocale::LongFormat));
    html += row(tr("Time"), timeText(pack.startsAt.time()));
    // Spelt out rather than "%n minute(s)": the pack goes to clients, untranslated plurals must
    // not show.
    html +=
        row(tr("Duration"), pack.durationMinutes == 1 ? tr("1 minute")
                                                      : tr("%1 minutes").arg(pack.durationMinutes));
    html += row(tr("Service"), pack.serviceName);
    html += row(tr("With"), pack.practitionerName);
    if (!pack.practiceAddress.isEmpty())
        html += row(tr("Where"), pack.practiceAddress);
    html += QStringLiteral("</table>");

    html +=
        QStringLiteral("<h3>%1</h3>").arg(tr("What to bring and how to prepare").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(pack.preparation.isEmpty()
                         ? tr("Nothing special is needed. Please bring your insurance card and "
                              "arrive a few minutes early.")
                               .toHtmlEscaped()
                         : paragraphs(pack.preparation));

    html += QStringLiteral("<h3>%1</h3>").arg(tr("To cancel or reschedule").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(paragraphs(pack.cancellationPolicy));

    html += QStringLiteral("<h3>%1</h3>").arg(tr("How to reach us").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    if (!pack.practicePhone.isEmpty())
        html += row(tr("Phone"), pack.practicePhone);
    if (!pack.practiceEmail.isEmpty())
        html += row(tr("E-mail"), pack.practiceEmail);
    if (!pack.openingHours.isEmpty())
        html += row(tr("Opening hours"), pack.openingHours);
    if (!pack.practiceAddress.isEmpty())
        html += row(tr("Address"), pack.practiceAddress);
    html += QStringLiteral("</table>");
    return html;
}

bool WelcomePackPdf::write(const WelcomePack& pack, const QString& path)
{
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    document.setHtml(html(pack));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print() adds its own 2 cm margin.
        writer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Welcome pack for %1").arg(pack.clientName));
        writer.setCreator(pack.practiceName);
        document.print(&writer);
    } // the file is complete once the writer is gone
    return QFileInfo(path).size() > 0;
}

} // namespace aftercare::ui
