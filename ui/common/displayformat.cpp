#include "common/displayformat.h"

#include "domain/clocktime.h"
#include "domain/phonenumber.h"

#include <QCoreApplication>
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

// The practice's country once the desktop has said it (see setPhoneRegion).
PhoneRegion& practiceRegion()
{
    static PhoneRegion region;
    return region;
}

} // namespace

QString timeFormat()
{
    return clockTimeFormat();
}

QString timeText(const QTime& time)
{
    return time.isValid() ? QLocale().toString(time, timeFormat()) : QString();
}

QString dateTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return dateText(time.date()) + QLatin1Char(' ') + timeText(time.time());
}

QString dateTimeEditFormat()
{
    return QStringLiteral("ddd ") + shortDateFormat() + QLatin1Char(' ') + timeFormat();
}

PhoneRegion phoneRegion()
{
    if (practiceRegion().isKnown())
        return practiceRegion();
    return PhoneRegion::fromTerritory(QLocale().territory());
}

void setPhoneRegion(const PhoneRegion& region)
{
    practiceRegion() = region;
}

QString phoneText(const PhoneNumber& number)
{
    return number.displayText(phoneRegion());
}

QString phoneText(const QString& stored)
{
    const auto number = PhoneNumber::parse(stored);
    return number ? phoneText(*number) : stored.trimmed();
}

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
             timeText(time.time()));
}

QString moneyText(qint64 cents)
{
    return QLocale().toCurrencyString(double(cents) / 100.0);
}

QString amountText(qint64 cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 2);
}

QString periodText(const QDate& from, const QDate& to)
{
    if (!from.isValid() || !to.isValid())
        return {};
    const QLocale locale;
    //: A date in a heading: day, short month name, year (QLocale date format)
    const QString full = QCoreApplication::translate("DisplayFormat", "d MMM yyyy");
    if (from == to)
        return locale.toString(to, full);
    //: The first day of a span that ends in the same month (QLocale date format)
    QString first = QCoreApplication::translate("DisplayFormat", "d");
    if (from.year() != to.year())
        first = full;
    else if (from.month() != to.month())
        //: The first day of a span that ends in the same year (QLocale date format)
        first = QCoreApplication::translate("DisplayFormat", "d MMM");
    //: A span of days: %1 its first day, %2 its last; a thin span for days of one month
    const QString pattern = from.month() == to.month() && from.year() == to.year()
                                ? QCoreApplication::translate("DisplayFormat", "%1–%2")
                                : QCoreApplication::translate("DisplayFormat", "%1 – %2");
    return pattern.arg(locale.toString(from, first), locale.toString(to, full));
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
