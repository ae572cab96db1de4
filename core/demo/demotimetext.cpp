#include "demo/demotimetext.h"

#include <QDate>

namespace aftercare {

namespace {

void twoDigits(char* out, int value)
{
    out[0] = char('0' + value / 10 % 10);
    out[1] = char('0' + value % 10);
}

} // namespace

DemoTimeText::DemoTimeText(qint64 firstDay, qint64 lastDay)
    : m_firstDay(firstDay)
    , m_days(static_cast<std::size_t>(std::max<qint64>(lastDay - firstDay + 1, 0)), Day{})
{}

const DemoTimeText::Day& DemoTimeText::day(qint64 julianDay)
{
    const qint64 slot = julianDay - m_firstDay;
    Day& text = slot >= 0 && slot < qint64(m_days.size()) ? m_days[std::size_t(slot)] : m_outside;
    if (text[0] == '\0' || &text == &m_outside) {
        int y = 0, m = 0, d = 0;
        QDate::fromJulianDay(julianDay).getDate(&y, &m, &d);
        twoDigits(text.data(), y / 100);
        twoDigits(text.data() + 2, y % 100);
        text[4] = '-';
        twoDigits(text.data() + 5, m);
        text[7] = '-';
        twoDigits(text.data() + 8, d);
    }
    return text;
}

void DemoTimeText::timeOfDay(char* out, DemoTime time)
{
    const int seconds = DemoClock::secondOfDay(time);
    out[0] = ' ';
    twoDigits(out + 1, seconds / 3600);
    out[3] = ':';
    twoDigits(out + 4, seconds / 60 % 60);
    out[6] = ':';
    twoDigits(out + 7, seconds % 60);
}

QString DemoTimeText::date(qint64 julianDay)
{
    const Day& text = day(julianDay);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

QString DemoTimeText::dateTime(DemoTime time)
{
    char text[19];
    const Day& date = day(DemoClock::dayOf(time));
    std::copy(date.begin(), date.end(), text);
    timeOfDay(text + 10, time);
    return QString::fromLatin1(text, 19);
}

void DemoTimeText::appendDate(QByteArray& out, qint64 julianDay)
{
    const Day& text = day(julianDay);
    out.append(text.data(), qsizetype(text.size()));
}

void DemoTimeText::appendDateTime(QByteArray& out, DemoTime time)
{
    char text[19];
    const Day& date = day(DemoClock::dayOf(time));
    std::copy(date.begin(), date.end(), text);
    timeOfDay(text + 10, time);
    out.append(text, 19);
}

} // namespace aftercare
