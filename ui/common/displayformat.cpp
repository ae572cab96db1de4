#include "common/displayformat.h"

#include <QLocale>

namespace aftercare::ui {

namespace {

QString shortDateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

} // namespace

QString dateText(const QDate& date)
{
    return date.isValid() ? QLocale().toString(date, shortDateFormat()) : QString();
}

QString appointmentTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    return QStringLiteral("%1 %2 %3")
        .arg(locale.dayName(time.date().dayOfWeek(), QLocale::ShortFormat), dateText(time.date()),
             locale.toString(time.time(), QLocale::ShortFormat));
}

QString dateTimeFieldFormat()
{
    return shortDateFormat() + QLatin1Char(' ') + QLocale().timeFormat(QLocale::ShortFormat);
}

int ageOn(const QDate& born, const QDate& today)
{
    if (!born.isValid() || !today.isValid() || born > today)
        return 0;
    int years = today.year() - born.year();
    if (today.month() < born.month() || (today.month() == born.month() && today.day() < born.day()))
        --years;
    return years;
}

} // namespace aftercare::ui
