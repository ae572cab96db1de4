#include "domain/birthdate.h"

#include <QLocale>

namespace aftercare {

BirthDate::Parsed BirthDate::parse(const QString& input, const QDate& today)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    QDate date = QLocale().toDate(text, QLocale::ShortFormat);
    for (const char* format : {"d.M.yyyy", "yyyy-MM-dd", "d/M/yyyy", "ddMMyyyy"}) {
        if (date.isValid())
            break;
        date = QDate::fromString(text, QLatin1String(format));
    }
    if (!date.isValid() || date.year() < 1900)
        return {QDate(), Problem::NotADate};
    if (date > today)
        return {QDate(), Problem::InTheFuture};
    return {date, std::nullopt};
}

} // namespace aftercare
