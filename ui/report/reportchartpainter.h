#pragma once

#include <QBrush>
#include <QList>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace aftercare::ui {

// Draws the report's charts as vector shapes with a QPainter, so they stay sharp in a PDF or on
// a printer. Series are told apart by line style, marker and hatching, never by colour alone,
// so a black-and-white print reads the same.
class ReportChartPainter
{
public:
    struct LineSeries
    {
        QString name;
        std::vector<std::optional<double>> values; // one per category; empty = gap
        Qt::PenStyle style = Qt::SolidLine;
        bool squareMarker = false;
        // An interval drawn as a whisker around each point (the NPS 95 % interval).
        std::vector<std::optional<std::pair<double, double>>> intervals;
    };

    struct BarSeries
    {
        QString name;
        std::vector<double> values; // one per category
        QBrush brush;
    };

    // `unit` scales text and lines: the device's pixels per millimetre.
    ReportChartPainter(QPainter& painter, double unit);

    void lineChart(const QRectF& area, const QString& title, const QStringList& categories,
                   const std::vector<LineSeries>& series, double yMin, double yMax);
    // Stacked when `stacked`, otherwise side by side.
    void barChart(const QRectF& area, const QString& title, const QStringList& categories,
                  const std::vector<BarSeries>& series, bool stacked, double yMax);

    static QBrush patternBrush(int index);
    static Qt::PenStyle lineStyle(int index);

private:
    QRectF plotArea(const QRectF& area) const;
    void drawFrame(const QRectF& area, const QRectF& plot, const QString& title,
                   const QStringList& categories, double yMin, double yMax);
    void drawLegend(const QRectF& area, const QStringList& names,
                    const std::vector<std::pair<QPen, QBrush>>& keys,
                    const std::vector<bool>& squareMarkers); // empty: bar keys
    void drawMarker(const QPointF& centre, bool square);

    QPainter& m_painter;
    double m_unit;
};

} // namespace aftercare::ui
