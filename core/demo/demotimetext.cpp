#include "demo/demotimetext.h"

#include <QDate>

namespace aftercare {

DemoTimeText::DemoTimeText(qint64 firstDay, qint64 lastDay)
    : m_firstDay(firstDay)
    , m_days(static_cast<std::size_t>(std::max<qint64>(lastDay - firstDay + 1, 0)))
{}

const QString& DemoTimeText::datePart(qint64 julianDay)
{
    static thread_local QString outside;
    const qint64 slot = julianDay - m_firstDay;
    if (slot < 0 || slot >= qint64(m_days.size())) {
        outside = QDate::fromJulianDay(julianDay).toString(Qt::ISODate);
        return outside;
    }
    QString& text = m_days[static_cast<std::size_t>(slot)];
    if (text.isEmpty())
        text = QDate::fromJulianDay(julianDay).toString(Qt::ISODate);
    return text;
}

QString DemoTimeText::date(qint64 julianDay)
{
    return datePart(julianDay);
}

QString DemoTimeText::dateTime(DemoTime time)
{
    const QString& day = datePart(DemoClock::dayOf(time));
    const int seconds = DemoClock::secondOfDay(time);
    const int parts[3] = {seconds / 3600, seconds / 60 % 60, seconds % 60};
    QString text(day.size() + 9, Qt::Uninitialized);
    QChar* out = text.data();
    for (qsizetype i = 0; i < day.size(); ++i)
        *out++ = day.at(i);
    for (int i = 0; i < 3; ++i) {
        *out++ = QLatin1Char(i == 0 ? ' ' : ':');
        *out++ = QLatin1Char(char('0' + parts[i] / 10));
        *out++ = QLatin1Char(char('0' + parts[i] % 10));
    }
    return text;
}

} // namespace aftercare
