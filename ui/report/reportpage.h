#pragma once

#include "report/reportpdfrenderer.h"

#include <QColor>
#include <QFont>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

namespace aftercare::ui {

// The running layout of one document: a cursor down the printable area of the current page,
// above a footer with the page number. A measuring page never breaks: it tells how tall each
// section is, so that the real layout knows whether a section fits in what is left of a page.
class ReportPage
{
public:
    static constexpr double kRowHeightMm = 5;
    static constexpr double kChartHeightMm = 58;
    static constexpr double kBodyPointSize = 8.5;
    static constexpr double kFooterMm = 8;

    ReportPage(QPagedPaintDevice& device, bool measuring, int pageCount, QString footer)
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
                           m_pageCount > 0
                               ? ReportPdfRenderer::tr("Page %1 of %2").arg(m_page).arg(m_pageCount)
                               : ReportPdfRenderer::tr("Page %1").arg(m_page));
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

} // namespace aftercare::ui
