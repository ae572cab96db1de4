#pragma once

#include <QFrame>

#include <optional>

class QLabel;

namespace aftercare::ui {

// One figure of the dashboard: its current value, the change against the previous period and
// the n it rests on, marked when n is too small to trust. Clicking it (or Enter / Space when
// it has the focus) asks for the rows behind it.
class MetricTile : public QFrame
{
    Q_OBJECT

public:
    MetricTile(const QString& caption, QWidget* parent = nullptr);

    // value and previous in the figure's own unit; suffix follows the value ("%", "").
    // A value without a denominator is std::nullopt and shows a dash.
    void setFigure(std::optional<double> value, std::optional<double> previous, qint64 n,
                   const QString& suffix, int decimals, bool lowConfidence);
    void setBusy(bool busy);

    QString valueText() const;
    QString changeText() const;
    QString countText() const;

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_change;
    QLabel* m_count;
};

} // namespace aftercare::ui
