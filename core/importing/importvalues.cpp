#include "importing/importvalues.h"

#include <cmath>

namespace aftercare::ImportValues {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// n digits at text[from], or -1.
int digits(QStringView text, qsizetype from, qsizetype n)
{
    if (from + n > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        if (!isDigit(text[i]))
            return -1;
        value = value * 10 + (text[i].unicode() - '0');
    }
    return value;
}

// The offset of "Z", "+HH:MM", "+HHMM" or "+HH" in seconds, or nothing.
std::optional<int> parseOffset(QStringView text)
{
    if (text == QLatin1String("Z") || text == QLatin1String("z"))
        return 0;
    if (text.size() < 3 || (text[0] != QLatin1Char('+') && text[0] != QLatin1Char('-')))
        return std::nullopt;
    const int sign = text[0] == QLatin1Char('-') ? -1 : 1;
    const int hours = digits(text, 1, 2);
    int minutes = 0;
    if (text.size() == 6 && text[3] == QLatin1Char(':'))
        minutes = digits(text, 4, 2);
    else if (text.size() == 5)
        minutes = digits(text, 3, 2);
    else if (text.size() != 3)
        return std::nullopt;
    if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60);
}

} // namespace

std::optional<QDate> parseDate(QStringView text)
{
    if (text.size() != 10 || text[4] != QLatin1Char('-') || text[7] != QLatin1Char('-'))
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 1 || !QDate::isValid(year, month, day))
        return std::nullopt;
    return QDate(year, month, day);
}

std::optional<QDateTime> parseTime(QStringView text, const QTimeZone& practiceZone)
{
    const auto date = parseDate(text.left(10));
    if (!date)
        return std::nullopt;
    if (text.size() == 10)
        return QDateTime(*date, QTime(0, 0), Qt::UTC);
    if (text.size() < 16 || (text[10] != QLatin1Char('T') && text[10] != QLatin1Char('t')) ||
        text[13] != QLatin1Char(':'))
        return std::nullopt;
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    int second = 0;
    qsizetype rest = 16;
    if (text.size() >= 19 && text[16] == QLatin1Char(':')) {
        second = digits(text, 17, 2);
        rest = 19;
    }
    if (hour < 0 || minute < 0 || second < 0 || !QTime::isValid(hour, minute, second))
        return std::nullopt;
    const QTime time(hour, minute, second);
    if (rest == text.size())
        return QDateTime(*date, time, Qt::UTC);
    const auto offset = parseOffset(text.sliced(rest));
    if (!offset)
        return std::nullopt;
    const QDateTime there(*date, time, Qt::OffsetFromUTC, *offset);
    const QDateTime here = there.toTimeZone(practiceZone);
    return QDateTime(here.date(), here.time(), Qt::UTC);
}

QDateTime storedTime(const QVariant& stored)
{
    if (stored.isNull())
        return {};
    if (stored.typeId() == QMetaType::QDateTime) {
        const QDateTime time = stored.toDateTime();
        return QDateTime(time.date(), time.time(), Qt::UTC);
    }
    if (stored.typeId() == QMetaType::QDate)
        return QDateTime(stored.toDate(), QTime(0, 0), Qt::UTC);
    QString text = stored.toString().left(19);
    if (text.size() > 10 && text[10] == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    return parseTime(text, QTimeZone::utc()).value_or(QDateTime());
}

QString sqlText(const QDateTime& wallClock)
{
    const QDate date = wallClock.date();
    const QTime time = wallClock.time();
    const int fields[] = {date.year(), date.month(),  date.day(),
                          time.hour(), time.minute(), time.second()};
    char text[] = "0000-00-00 00:00:00";
    constexpr int kPositions[] = {0, 5, 8, 11, 14, 17};
    constexpr int kWidths[] = {4, 2, 2, 2, 2, 2};
    for (int i = 0; i < 6; ++i) {
        int value = fields[i];
        for (int digit = kPositions[i] + kWidths[i] - 1; digit >= kPositions[i]; --digit) {
            text[digit] = char('0' + value % 10);
            value /= 10;
        }
    }
    return QString::fromLatin1(text, 19);
}

std::optional<bool> parseYesNo(QStringView text)
{
    if (text.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare(QLatin1String("no"), Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

std::optional<Sex> parseSex(QStringView text)
{
    if (text.size() == 1) {
        switch (text[0].toUpper().unicode()) {
        case 'F':
            return Sex::Female;
        case 'M':
            return Sex::Male;
        case 'X':
            return Sex::Other;
        case 'U':
            return Sex::Unknown;
        default:
            return std::nullopt;
        }
    }
    return parseWord<Sex>(text);
}

std::optional<qint64> parseCents(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.sliced(dot + 1);
    // 15 digits of currency units keep cents far inside qint64.
    if (whole.isEmpty() || whole.size() > 15 ||
        (dot >= 0 && (fraction.isEmpty() || fraction.size() > 2)))
        return std::nullopt;
    qint64 cents = 0;
    for (QChar c : whole) {
        if (!isDigit(c))
            return std::nullopt;
        cents = cents * 10 + (c.unicode() - '0');
    }
    int fractionCents = 0;
    for (qsizetype i = 0; i < 2; ++i) {
        fractionCents *= 10;
        if (i < fraction.size()) {
            if (!isDigit(fraction[i]))
                return std::nullopt;
            fractionCents += fraction[i].unicode() - '0';
        }
    }
    return cents * 100 + fractionCents;
}

std::optional<int> parseInteger(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    const qsizetype start = (text[0] == QLatin1Char('-') || text[0] == QLatin1Char('+')) ? 1 : 0;
    if (start == text.size() || text.size() - start > 9)
        return std::nullopt;
    for (qsizetype i = start; i < text.size(); ++i)
        if (!isDigit(text[i]))
            return std::nullopt;
    return text.toInt();
}

std::optional<double> parseNumber(QStringView text)
{
    // toDouble() takes the C locale's form (a dot, no group separators) but also skips
    // surrounding spaces and accepts "inf" and "nan": those are turned away here.
    if (text.isEmpty() || text.contains(QLatin1Char(',')) || text.trimmed().size() != text.size())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace aftercare::ImportValues
