#include "domain/clocktime.h"

#include <QLocale>
#include <QRegularExpression>

namespace aftercare {

QString clockTimeFormat()
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    static const QRegularExpression secondsField(QStringLiteral("[.:,]s{1,2}"));
    format.remove(secondsField);
    return format.trimmed();
}

QString clockDateTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    return locale.toString(time.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(time.time(), clockTimeFormat());
}

} // namespace aftercare
