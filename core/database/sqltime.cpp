#include "database/sqltime.h"

namespace aftercare::SqlTime {

QVariant toSql(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant toSql(const QDate& date)
{
    if (!date.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return date.toString(Qt::ISODate);
}

namespace {

// Digits of text[from, from + length), or -1.
int digits(QStringView text, int from, int length)
{
    int value = 0;
    for (int i = from; i < from + length; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The stored layout 'YYYY-MM-DD HH:MM:SS' read by hand: QDateTime::fromString builds a parser
// on every call, which made reading a week of the diary cost tens of milliseconds.
QDateTime fromStoredText(QStringView text)
{
    if (text.size() < 19 || text[4] != u'-' || text[7] != u'-' ||
        (text[10] != u' ' && text[10] != u'T') || text[13] != u':' || text[16] != u':')
        return {};
    const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const QTime time(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2));
    return date.isValid() && time.isValid() ? QDateTime(date, time) : QDateTime();
}

} // namespace

QDateTime toDateTime(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        // The drivers may attach a zone to a zone-less timestamp; the wall-clock reading is
        // what was stored.
        const QDateTime dt = value.toDateTime();
        return QDateTime(dt.date(), dt.time());
    }
    if (value.typeId() == QMetaType::QDate)
        return QDateTime(value.toDate(), QTime(0, 0));
    const QString text = value.toString().trimmed();
    if (const QDateTime stored = fromStoredText(text); stored.isValid())
        return stored;
    QDateTime dt = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDateTime::fromString(text.left(19), Qt::ISODate);
    if (!dt.isValid())
        dt = QDateTime(QDate::fromString(text.left(10), Qt::ISODate), QTime(0, 0));
    return dt.isValid() ? QDateTime(dt.date(), dt.time()) : QDateTime();
}

QDate toDate(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDate)
        return value.toDate();
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().date();
    return QDate::fromString(value.toString().trimmed().left(10), Qt::ISODate);
}

} // namespace aftercare::SqlTime
