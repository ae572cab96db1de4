#include "resultvaluetext.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QTableWidgetItem>

namespace aftercare::ui {

QString ResultValueText::number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

QString ResultValueText::value(const ResultValue& v)
{
    QString shown = v.numeric ? number(*v.numeric) : v.text;
    if (!v.unit.isEmpty())
        shown += QLatin1Char(' ') + v.unit;
    return shown;
}

QString ResultValueText::range(const ResultValue& v)
{
    if (v.referenceLow && v.referenceHigh)
        return tr("%1 – %2").arg(number(*v.referenceLow), number(*v.referenceHigh));
    if (v.referenceHigh)
        return tr("up to %1").arg(number(*v.referenceHigh));
    if (v.referenceLow)
        return tr("from %1").arg(number(*v.referenceLow));
    return {};
}

QString ResultValueText::mark(RangePosition position)
{
    switch (position) {
    case RangePosition::High:
        return QStringLiteral("↑");
    case RangePosition::Low:
        return QStringLiteral("↓");
    case RangePosition::WithinRange:
    case RangePosition::NotCompared:
        break;
    }
    return {};
}

QString ResultValueText::flag(const ResultValue& v)
{
    switch (v.rangePosition()) {
    case RangePosition::High:
        return tr("high %1").arg(mark(RangePosition::High));
    case RangePosition::Low:
        return tr("low %1").arg(mark(RangePosition::Low));
    case RangePosition::WithinRange:
        return v.abnormal.value_or(false) ? tr("abnormal") : QString();
    case RangePosition::NotCompared:
        return v.abnormal.value_or(false) ? tr("abnormal") : QString();
    }
    return {};
}

QString ResultValueText::direction(TrendDirection direction)
{
    switch (direction) {
    case TrendDirection::Rising:
        return tr("rising ↗");
    case TrendDirection::Falling:
        return tr("falling ↘");
    case TrendDirection::Steady:
        return tr("steady →");
    case TrendDirection::Unknown:
        break;
    }
    return tr("no earlier value");
}

bool ResultValueText::isOutside(const ResultValue& v)
{
    // The laboratory's own flag, where it gave one, stands over the range.
    if (v.abnormal)
        return *v.abnormal;
    const RangePosition position = v.rangePosition();
    return position == RangePosition::High || position == RangePosition::Low ||
           v.abnormal.value_or(false);
}

void ResultValueText::highlight(QTableWidgetItem* item)
{
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    item->setForeground(QColor(0xb0, 0x1c, 0x1c));
    item->setBackground(QColor(0xfd, 0xec, 0xec));
}

} // namespace aftercare::ui
