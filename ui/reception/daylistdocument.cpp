#include "reception/daylistdocument.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"

#include <QLocale>
#include <QPrinter>
#include <QTextDocument>

namespace aftercare::ui {

namespace {

QString cell(const QString& text)
{
    return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
}

} // namespace

QString DayListDocument::html(const QDate& date, const std::vector<Practitioner>& practitioners,
                              const std::vector<Appointment>& appointments)
{
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(tr("Day list, %1")
                                .arg(QLocale().toString(date, QLocale::LongFormat))
                                .toHtmlEscaped());
    int cancelled = 0;
    bool first = true;
    for (const Practitioner& practitioner : practitioners) {
        std::vector<const Appointment*> theirs;
        for (const Appointment& appointment : appointments) {
            if (appointment.practitioner != practitioner.id || appointment.startsAt.date() != date)
                continue;
            if (appointment.status == AppointmentStatus::Cancelled)
                ++cancelled;
            else
                theirs.push_back(&appointment);
        }
        // Each practitioner on a page of their own: the list is handed to them.
        html += QStringLiteral("<h3%1>%2</h3>")
                    .arg(first ? QString() : QStringLiteral(" style='page-break-before: always'"),
                         tr("%1 (%n appointments)", nullptr, int(theirs.size()))
                             .arg(practitioner.name)
                             .toHtmlEscaped());
        first = false;
        if (theirs.empty()) {
            html += QStringLiteral("<p>%1</p>").arg(tr("Nothing booked.").toHtmlEscaped());
            continue;
        }
        html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' border='1'>");
        html += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th>"
                               "<th align='left'>%3</th><th align='left'>%4</th>"
                               "<th align='left'>%5</th></tr>")
                    .arg(tr("Time").toHtmlEscaped(), tr("Client").toHtmlEscaped(),
                         tr("Service").toHtmlEscaped(), tr("Status").toHtmlEscaped(),
                         tr("Notes").toHtmlEscaped());
        for (const Appointment* a : theirs) {
            html += QStringLiteral("<tr>") +
                    cell(timeText(a->startsAt.time()) + QStringLiteral("–") +
                         timeText(a->endsAt.time())) +
                    cell(a->clientName) + cell(a->serviceName) +
                    cell(appointmentStatusName(a->status)) + cell(a->notes) +
                    QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    if (cancelled > 0)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("%n cancelled appointments not listed.", nullptr, cancelled)
                             .toHtmlEscaped());
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(tr("Printed %1")
                         .arg(dateText(QDate::currentDate()) + QLatin1Char(' ') +
                              timeText(QTime::currentTime()))
                         .toHtmlEscaped());
    return html;
}

void DayListDocument::print(QPrinter& printer, const QDate& date,
                            const std::vector<Practitioner>& practitioners,
                            const std::vector<Appointment>& appointments)
{
    QTextDocument document;
    document.setHtml(html(date, practitioners, appointments));
    document.print(&printer);
}

} // namespace aftercare::ui
