#pragma once

#include "demo/demotime.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <vector>

namespace aftercare {

// Writes DemoTime values in the text form SqlTime::toSql produces ('yyyy-MM-dd HH:mm:ss',
// dates 'yyyy-MM-dd'), which both databases accept. Millions of times are written, so the
// date part is formatted once per day and the rest by hand instead of through QDateTime.
class DemoTimeText
{
public:
    DemoTimeText(qint64 firstDay, qint64 lastDay);

    QString dateTime(DemoTime time);
    QString date(qint64 julianDay);
    void appendDateTime(QByteArray& out, DemoTime time);
    void appendDate(QByteArray& out, qint64 julianDay);

private:
    using Day = std::array<char, 10>;
    const Day& day(qint64 julianDay);
    static void timeOfDay(char* out, DemoTime time); // " HH:mm:ss", 9 characters

    qint64 m_firstDay;
    std::vector<Day> m_days; // '\0' in front: not formatted yet
    Day m_outside{};
};

} // namespace aftercare
