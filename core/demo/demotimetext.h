#pragma once

#include "demo/demotime.h"

#include <QString>

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

private:
    const QString& datePart(qint64 julianDay);

    qint64 m_firstDay;
    std::vector<QString> m_days;
};

} // namespace aftercare
