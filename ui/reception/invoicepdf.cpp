#include "reception/invoicepdf.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"

#include <QFileInfo>
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

QString cell(const QString& text, const char* align = "left", bool bold = false)
{
    const QString escaped = text.toHtmlEscaped();
    return QStringLiteral("<td align='%1'>%2</td>")
        .arg(QLatin1String(align), bold ? QStringLiteral("<b>%1</b>").arg(escaped) : escaped);
}

QString day(const QDateTime& time)
{
    return time.isValid() ? dateText(time.date()) : QString();
}

} // namespace

QString InvoicePdf::title(const InvoiceDocument& document)
{
    return document.isReceipt() ? tr("Receipt %1").arg(document.number)
                                : tr("Invoice %1").arg(document.number);
}

QString InvoicePdf::html(const InvoiceDocument& document)
{
    const Invoice& invoice = document.invoice;
    QString html;
    // The sender, then the addressee (where a window envelope shows it), then the facts.
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr>");
    html += QStringLiteral("<td valign='top'><h2>%1</h2><p>%2</p></td>")
                .arg(document.practiceName.toHtmlEscaped(), paragraphs(document.practiceAddress));
    QStringList contact;
    if (!document.practicePhone.isEmpty())
        contact << tr("Phone %1").arg(document.practicePhone).toHtmlEscaped();
    if (!document.practiceEmail.isEmpty())
        contact << tr("E-mail %1").arg(document.practiceEmail).toHtmlEscaped();
    html += QStringLiteral("<td valign='top' align='right'><p>%1</p></td></tr></table>")
                .arg(contact.join(QStringLiteral("<br>")));

    html += QStringLiteral("<p><br>%1<br>%2</p>")
                .arg(document.clientName.toHtmlEscaped(), paragraphs(document.clientAddress));

    html += QStringLiteral("<h1>%1</h1>").arg(title(document).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    const auto fact = [&html](const QString& label, const QString& value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    fact(tr("Invoice number"), document.number);
    fact(tr("Client number"), document.clientNumber);
    fact(tr("Date of issue"), day(invoice.issuedAt));
    if (!document.isReceipt())
        fact(tr("Due by"), day(invoice.dueAt));
    html += QStringLiteral("</table><p></p>");

    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='5' border='1'>");
    html += QStringLiteral("<tr>%1%2%3%4</tr>")
                .arg(cell(tr("Description"), "left", true), cell(tr("Qty"), "right", true),
                     cell(tr("Unit price"), "right", true), cell(tr("Amount"), "right", true));
    for (const InvoiceLine& line : invoice.lines)
        html += QStringLiteral("<tr>%1%2%3%4</tr>")
                    .arg(cell(line.description), cell(QString::number(line.quantity), "right"),
                         cell(moneyText(line.unitPriceCents), "right"),
                         cell(moneyText(line.amountCents()), "right"));
    html +=
        QStringLiteral("<tr><td colspan='3' align='right'><b>%1</b></td>%2</tr>")
            .arg(tr("Total").toHtmlEscaped(), cell(moneyText(invoice.totalCents), "right", true));
    html += QStringLiteral("</table>");

    if (!invoice.payments.empty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Payments received").toHtmlEscaped());
        html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' border='1'>");
        html += QStringLiteral("<tr>%1%2%3</tr>")
                    .arg(cell(tr("Date"), "left", true), cell(tr("Method"), "left", true),
                         cell(tr("Amount"), "right", true));
        for (const Payment& payment : invoice.payments)
            html += QStringLiteral("<tr>%1%2%3</tr>")
                        .arg(cell(day(payment.paidAt)), cell(paymentMethodName(payment.method)),
                             cell(moneyText(payment.amountCents), "right"));
        html +=
            QStringLiteral("<tr><td colspan='2' align='right'><b>%1</b></td>%2</tr>")
                .arg(tr("Paid").toHtmlEscaped(), cell(moneyText(invoice.paidCents), "right", true));
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<p></p>");
    if (document.isReceipt()) {
        html +=
            QStringLiteral("<p><b>%1</b></p>")
                .arg(tr("Paid in full on %1. Thank you.").arg(day(invoice.paidAt)).toHtmlEscaped());
    } else {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Still to pay: %1, by %2.")
                             .arg(moneyText(invoice.balanceCents()), day(invoice.dueAt))
                             .toHtmlEscaped());
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Please give the invoice number %1 with your payment.")
                             .arg(document.number)
                             .toHtmlEscaped());
    }
    return html;
}

void InvoicePdf::print(const InvoiceDocument& document, QPagedPaintDevice* device)
{
    QTextDocument text;
    text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    text.setHtml(html(document));
    text.print(device);
}

bool InvoicePdf::write(const InvoiceDocument& document, const QString& path)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print() adds its own 2 cm margin.
        writer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(title(document));
        writer.setCreator(document.practiceName);
        print(document, &writer);
    } // the file is complete once the writer is gone
    return QFileInfo(path).size() > 0;
}

} // namespace aftercare::ui
