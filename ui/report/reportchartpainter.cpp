#include "report/reportchartpainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace aftercare::ui {

namespace {

constexpr double kTitleHeightMm = 6;
constexpr double kLegendHeightMm = 6;
constexpr double kAxisWidthMm = 12;
constexpr double kCategoryHeightMm = 9;
constexpr int kGridLines = 4;

} // namespace

ReportChartPainter::ReportChartPainter(QPainter& painter, double unit)
    : m_painter(painter)
    , m_unit(unit)
{}

QBrush ReportChartPainter::patternBrush(int index)
{
    // Solid dark, hatched, dotted, light: distinct on a monochrome printer.
    switch (index % 4) {
    case 0:
        return QBrush(QColor(40, 40, 40), Qt::SolidPattern);
    case 1:
        return QBrush(QColor(60, 60, 60), Qt::BDiagPattern);
    case 2:
        return QBrush(QColor(90, 90, 90), Qt::Dense5Pattern);
    default:
        return QBrush(QColor(200, 200, 200), Qt::SolidPattern);
    }
}

Qt::PenStyle ReportChartPainter::lineStyle(int index)
{
    static constexpr Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                               Qt::DashDotLine};
    return kStyles[index % 4];
}

QRectF ReportChartPainter::plotArea(const QRectF& area) const
{
    return area.adjusted(kAxisWidthMm * m_unit, (kTitleHeightMm + kLegendHeightMm) * m_unit,
                         -2 * m_unit, -kCategoryHeightMm * m_unit);
}

void ReportChartPainter::drawFrame(const QRectF& area, const QRectF& plot, const QString& title,
                                   const QStringList& categories, double yMin, double yMax)
{
    QFont font = m_painter.font();
    font.setPointSizeF(9);
    font.setBold(true);
    font.setItalic(false);
    m_painter.setFont(font);
    m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
    m_painter.drawText(QRectF(area.left(), area.top(), area.width(), kTitleHeightMm * m_unit),
                       Qt::AlignLeft | Qt::AlignVCenter, title);

    font.setBold(false);
    font.setPointSizeF(6.5);
    m_painter.setFont(font);
    for (int i = 0; i <= kGridLines; ++i) {
        const double value = yMin + (yMax - yMin) * i / kGridLines;
        const double y = plot.bottom() - plot.height() * i / kGridLines;
        m_painter.setPen(QPen(QColor(170, 170, 170), 0.1 * m_unit, Qt::DotLine));
        m_painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
        m_painter.drawText(
            QRectF(area.left(), y - 2 * m_unit, kAxisWidthMm * m_unit - 1.5 * m_unit, 4 * m_unit),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(value, 'g', 4));
    }
    m_painter.setPen(QPen(Qt::black, 0.25 * m_unit));
    m_painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    m_painter.drawLine(plot.bottomLeft(), plot.topLeft());

    if (categories.isEmpty())
        return;
    const double step = plot.width() / categories.size();
    // Thin the labels out when they would collide.
    const QFontMetricsF metrics(font, m_painter.device());
    double widest = 0;
    // Labels wrap at spaces, so the longest word decides whether they collide.
    for (const QString& category : categories)
        for (const QString& word : category.split(QLatin1Char(' ')))
            widest = std::max(widest, metrics.horizontalAdvance(word));
    const int every = std::max(1, int(std::ceil((widest + m_unit) / step)));
    for (int i = 0; i < categories.size(); i += every) {
        const QRectF label(plot.left() + step * i - step * (every - 1) / 2.0,
                           plot.bottom() + m_unit, step * every,
                           kCategoryHeightMm * m_unit - m_unit);
        m_painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                           categories.at(i));
    }
}

void ReportChartPainter::drawLegend(const QRectF& area, const QStringList& names,
                                    const std::vector<std::pair<QPen, QBrush>>& keys,
                                    const std::vector<bool>& squareMarkers)
{
    QFont font = m_painter.font();
    font.setPointSizeF(7);
    font.setBold(false);
    font.setItalic(false);
    m_painter.setFont(font);
    const QFontMetricsF metrics(font, m_painter.device());
    double x = area.left() + kAxisWidthMm * m_unit;
    const double y = area.top() + kTitleHeightMm * m_unit + kLegendHeightMm * m_unit / 2;
    for (int i = 0; i < names.size(); ++i) {
        const auto& [pen, brush] = keys.at(std::size_t(i));
        const bool markers = !squareMarkers.empty();
        if (markers) {
            m_painter.setPen(pen);
            m_painter.drawLine(QPointF(x, y), QPointF(x + 8 * m_unit, y));
            m_painter.setPen(QPen(Qt::black, 0.25 * m_unit));
            drawMarker(QPointF(x + 4 * m_unit, y), squareMarkers.at(std::size_t(i)));
        } else {
            m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
            m_painter.setBrush(brush);
            m_painter.drawRect(QRectF(x, y - 1.5 * m_unit, 8 * m_unit, 3 * m_unit));
            m_painter.setBrush(Qt::NoBrush);
        }
        m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
        const double textWidth = metrics.horizontalAdvance(names.at(i));
        m_painter.drawText(
            QRectF(x + 9.5 * m_unit, y - 2.5 * m_unit, textWidth + m_unit, 5 * m_unit),
            Qt::AlignLeft | Qt::AlignVCenter, names.at(i));
        x += 9.5 * m_unit + textWidth + 5 * m_unit;
    }
}

void ReportChartPainter::drawMarker(const QPointF& centre, bool square)
{
    const double r = 0.9 * m_unit;
    m_painter.setBrush(square ? QBrush(Qt::white) : QBrush(Qt::black));
    if (square)
        m_painter.drawRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r));
    else
        m_painter.drawEllipse(centre, r, r);
    m_painter.setBrush(Qt::NoBrush);
}

void ReportChartPainter::lineChart(const QRectF& area, const QString& title,
                                   const QStringList& categories,
                                   const std::vector<LineSeries>& series, double yMin, double yMax)
{
    m_painter.save();
    const QRectF plot = plotArea(area);
    drawFrame(area, plot, title, categories, yMin, yMax);
    const double step = categories.isEmpty() ? 0 : plot.width() / categories.size();
    const auto toPoint = [&](std::size_t index, double value) {
        const double clamped = std::clamp(value, yMin, yMax);
        return QPointF(plot.left() + step * (double(index) + 0.5),
                       plot.bottom() - plot.height() * (clamped - yMin) / (yMax - yMin));
    };

    QStringList names;
    std::vector<std::pair<QPen, QBrush>> keys;
    std::vector<bool> squares;
    for (const LineSeries& line : series) {
        squares.push_back(line.squareMarker);
        const QPen pen(Qt::black, 0.35 * m_unit, line.style, Qt::FlatCap, Qt::RoundJoin);
        names.append(line.name);
        keys.emplace_back(pen, QBrush());
        // A gap (no data that month) breaks the line instead of bridging it.
        QPainterPath path;
        bool drawing = false;
        for (std::size_t i = 0; i < line.values.size(); ++i) {
            if (!line.values[i]) {
                drawing = false;
                continue;
            }
            const QPointF point = toPoint(i, *line.values[i]);
            if (drawing)
                path.lineTo(point);
            else
                path.moveTo(point);
            drawing = true;
        }
        m_painter.setPen(pen);
        m_painter.drawPath(path);
        m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
        for (std::size_t i = 0; i < line.intervals.size(); ++i) {
            if (!line.intervals[i])
                continue;
            const QPointF low = toPoint(i, line.intervals[i]->first);
            const QPointF high = toPoint(i, line.intervals[i]->second);
            m_painter.drawLine(low, high);
            m_painter.drawLine(low - QPointF(m_unit, 0), low + QPointF(m_unit, 0));
            m_painter.drawLine(high - QPointF(m_unit, 0), high + QPointF(m_unit, 0));
        }
        m_painter.setPen(QPen(Qt::black, 0.25 * m_unit));
        for (std::size_t i = 0; i < line.values.size(); ++i)
            if (line.values[i])
                drawMarker(toPoint(i, *line.values[i]), line.squareMarker);
    }
    drawLegend(area, names, keys, squares);
    m_painter.restore();
}

void ReportChartPainter::barChart(const QRectF& area, const QString& title,
                                  const QStringList& categories,
                                  const std::vector<BarSeries>& series, bool stacked, double yMax)
{
    m_painter.save();
    const double top = yMax > 0 ? yMax : 1;
    const QRectF plot = plotArea(area);
    drawFrame(area, plot, title, categories, 0, top);
    const double step = categories.isEmpty() ? 0 : plot.width() / categories.size();
    const double groupWidth = step * 0.7;
    const double barWidth =
        stacked || series.empty() ? groupWidth : groupWidth / double(series.size());
    const double scale = plot.height() / top;

    QStringList names;
    std::vector<std::pair<QPen, QBrush>> keys;
    for (const BarSeries& bar : series) {
        names.append(bar.name);
        keys.emplace_back(QPen(), bar.brush);
    }
    m_painter.setPen(QPen(Qt::black, 0.2 * m_unit));
    for (int c = 0; c < categories.size(); ++c) {
        const double groupLeft = plot.left() + step * c + (step - groupWidth) / 2;
        double base = 0;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const double value = std::min(series[s].values.at(std::size_t(c)), top);
            const double left = stacked ? groupLeft : groupLeft + barWidth * double(s);
            const double bottom = stacked ? base : 0;
            const double height = std::min(value, top - bottom) * scale;
            m_painter.setBrush(series[s].brush);
            if (height > 0)
                m_painter.drawRect(
                    QRectF(left, plot.bottom() - bottom * scale - height, barWidth, height));
            if (stacked)
                base += value;
        }
    }
    m_painter.setBrush(Qt::NoBrush);
    drawLegend(area, names, keys, {});
    m_painter.restore();
}

} // namespace aftercare::ui
