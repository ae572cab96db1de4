#pragma once

#include "metrics/headlinefigure.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace aftercare::ui {

// One figure of the dashboard: its current value, the change against the period it is
// compared with (an arrow for the direction, green "better" or red "worse" in words as well
// as colour, as the figure's direction of good news says), the n it rests on, marked when n is
// too small to trust, and its formula in the tooltip. Clicking it (or Enter / Space when it
// has the focus) asks for the rows behind it, when it has any.
class MetricTile : public QFrame
{
    Q_OBJECT

public:
    // How a figure is written: a number with decimals and a suffix ("%", ""), or money
    // (the value in cents, written in the practice's currency).
    struct Format
    {
        QString suffix;
        int decimals = 1;
        bool money = false;
        // A change of a rate is in percentage points, not per cent.
        QString changeSuffix = suffix;
    };

    MetricTile(HeadlineFigure figure, const QString& caption, QWidget* parent = nullptr);

    HeadlineFigure figure() const { return m_figure; }
    // The formula as the report words it, shown in the tooltip; clickable: there is a list
    // behind the figure.
    void setFormula(const QString& formula, bool clickable);

    // value and previous in the figure's own unit. A value without a denominator is
    // std::nullopt and shows a dash.
    void setFigure(std::optional<double> value, std::optional<double> previous, qint64 n,
                   const Format& format, bool lowConfidence);
    // A further line under the change (the predicted value beside the historical one).
    void setDetail(const QString& text);
    void setBusy(bool busy);

    QString valueText() const;
    QString changeText() const;
    QString countText() const;
    QString detailText() const;
    ChangeVerdict verdict() const { return m_verdict; }

    // A value as format writes it, and a change (its absolute amount) the same way.
    static QString valueText(double value, const Format& format);
    // "▲ 2.0 · better", "▼ €12.00 · worse", "= unchanged", "no previous figure".
    static QString changeText(const FigureChange& change, const Format& format);

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    HeadlineFigure m_figure;
    bool m_clickable = true;
    ChangeVerdict m_verdict = ChangeVerdict::NotComparable;
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_change;
    QLabel* m_detail;
    QLabel* m_count;
};

} // namespace aftercare::ui
