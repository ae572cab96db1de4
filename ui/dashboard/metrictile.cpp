#include "metrictile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace aftercare::ui {

MetricTile::MetricTile(const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_change(new QLabel(this))
    , m_count(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(caption);
    setToolTip(tr("Show the clients or appointments behind this figure"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setObjectName(QStringLiteral("value"));
    m_change->setObjectName(QStringLiteral("change"));
    m_count->setObjectName(QStringLiteral("count"));
    m_caption->setWordWrap(true);
    m_change->setWordWrap(true);
    m_count->setWordWrap(true);
    m_change->setToolTip(tr("Change against the period before, of the same length"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_count);
    setMinimumWidth(130);
}

void MetricTile::setFigure(std::optional<double> value, std::optional<double> previous, qint64 n,
                           const QString& suffix, int decimals, bool lowConfidence)
{
    const QLocale locale;
    m_value->setText(value ? locale.toString(*value, 'f', decimals) + suffix : QStringLiteral("–"));
    if (value && previous) {
        const double change = *value - *previous;
        const QString amount = locale.toString(std::abs(change), 'f', decimals);
        if (std::abs(change) < 0.5 * std::pow(10.0, -decimals))
            m_change->setText(tr("= unchanged"));
        else if (change > 0)
            m_change->setText(tr("▲ %1 vs. previous").arg(amount));
        else
            m_change->setText(tr("▼ %1 vs. previous").arg(amount));
    } else {
        m_change->setText(tr("no previous figure"));
    }
    QString count = tr("n = %1").arg(locale.toString(n));
    if (lowConfidence)
        count += QLatin1Char(' ') + tr("· low confidence");
    m_count->setText(count);
    m_count->setStyleSheet(lowConfidence ? QStringLiteral("font-weight: bold") : QString());
    setAccessibleDescription(m_value->text() + QLatin1Char(' ') + m_change->text() +
                             QLatin1Char(' ') + count);
}

void MetricTile::setBusy(bool busy)
{
    setEnabled(!busy);
}

QString MetricTile::valueText() const
{
    return m_value->text();
}

QString MetricTile::changeText() const
{
    return m_change->text();
}

QString MetricTile::countText() const
{
    return m_count->text();
}

void MetricTile::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    QFrame::mouseReleaseEvent(event);
}

void MetricTile::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Space) {
        emit clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace aftercare::ui
