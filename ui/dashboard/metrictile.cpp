#include "metrictile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <cmath>

namespace aftercare::ui {

namespace {

// Green and red dark enough to read on a light tile; the word says the same for anyone who
// cannot tell them apart.
const QString kBetterStyle = QStringLiteral("color: #1b7a35; font-weight: bold");
const QString kWorseStyle = QStringLiteral("color: #b3261e; font-weight: bold");

double toleranceOf(const MetricTile::Format& format)
{
    // What the display rounds away is no change: half a cent, or half the last decimal.
    return format.money ? 0.5 : 0.5 * std::pow(10.0, -format.decimals);
}

} // namespace

MetricTile::MetricTile(HeadlineFigure figure, const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_figure(figure)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_change(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_count(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(caption);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setObjectName(QStringLiteral("value"));
    m_change->setObjectName(QStringLiteral("change"));
    m_detail->setObjectName(QStringLiteral("detail"));
    m_count->setObjectName(QStringLiteral("count"));
    m_caption->setWordWrap(true);
    m_change->setWordWrap(true);
    m_detail->setWordWrap(true);
    m_count->setWordWrap(true);
    m_detail->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_detail);
    layout->addWidget(m_count);
    setMinimumWidth(130);
    setFormula(QString(), true);
}

void MetricTile::setFormula(const QString& formula, bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QString tip = formula.toHtmlEscaped();
    if (clickable)
        tip += (tip.isEmpty() ? QString() : QStringLiteral("<br><br>")) +
               tr("Click to show the clients or appointments behind this figure.").toHtmlEscaped();
    // Rich text, so that a long formula wraps instead of running off the screen.
    setToolTip(QStringLiteral("<p>%1</p>").arg(tip));
}

QString MetricTile::valueText(double value, const Format& format)
{
    const QLocale locale;
    if (format.money)
        return locale.toCurrencyString(value / 100.0);
    return locale.toString(value, 'f', format.decimals) + format.suffix;
}

QString MetricTile::changeText(const FigureChange& change, const Format& format)
{
    switch (change.verdict) {
    case ChangeVerdict::NotComparable:
        return tr("no previous figure");
    case ChangeVerdict::Unchanged:
        return tr("= unchanged");
    case ChangeVerdict::Better:
    case ChangeVerdict::Worse:
        break;
    }
    const double difference = change.difference.value_or(0);
    Format amountFormat = format;
    amountFormat.suffix = format.changeSuffix;
    const QString amount = valueText(std::abs(difference), amountFormat);
    const bool better = change.verdict == ChangeVerdict::Better;
    if (difference > 0)
        return better ? tr("▲ %1 · better").arg(amount) : tr("▲ %1 · worse").arg(amount);
    return better ? tr("▼ %1 · better").arg(amount) : tr("▼ %1 · worse").arg(amount);
}

void MetricTile::setFigure(std::optional<double> value, std::optional<double> previous, qint64 n,
                           const Format& format, bool lowConfidence)
{
    const QLocale locale;
    m_value->setText(value ? valueText(*value, format) : QStringLiteral("–"));
    const FigureChange change =
        HeadlineFigures::change(m_figure, value, previous, toleranceOf(format));
    m_verdict = change.verdict;
    m_change->setText(changeText(change, format));
    m_change->setStyleSheet(change.verdict == ChangeVerdict::Better  ? kBetterStyle
                            : change.verdict == ChangeVerdict::Worse ? kWorseStyle
                                                                     : QString());
    m_change->setToolTip(previous ? tr("Before: %1").arg(valueText(*previous, format)) : QString());
    QString count = tr("n = %1").arg(locale.toString(n));
    if (lowConfidence)
        count += QLatin1Char(' ') + tr("· low confidence");
    m_count->setText(count);
    m_count->setStyleSheet(lowConfidence ? QStringLiteral("font-weight: bold") : QString());
    QStringList description{m_value->text(), m_change->text()};
    if (m_detail->isVisible())
        description << m_detail->text();
    description << count;
    setAccessibleDescription(description.join(QLatin1Char(' ')));
}

void MetricTile::setDetail(const QString& text)
{
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
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

QString MetricTile::detailText() const
{
    return m_detail->text();
}

void MetricTile::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_clickable && event->button() == Qt::LeftButton &&
        rect().contains(event->position().toPoint()))
        emit clicked();
    QFrame::mouseReleaseEvent(event);
}

void MetricTile::keyPressEvent(QKeyEvent* event)
{
    if (m_clickable && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                        event->key() == Qt::Key_Space)) {
        emit clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace aftercare::ui
