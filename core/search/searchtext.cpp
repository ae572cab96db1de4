#include "search/searchtext.h"

#include <QHash>
#include <QRegularExpression>

#include <array>

namespace aftercare {

namespace {

struct Replacement
{
    const char16_t* by;
    const char16_t* letters;
};

// Keep in step with resources/sql/sqlite/0003_client_search.sql and its PostgreSQL twin;
// tst_clientsearch compares the three.
constexpr auto kFoldTable = std::to_array<Replacement>({
    {u"a", u"àáâãäåāăąÀÁÂÃÄÅĀĂĄ"},
    {u"c", u"çćčÇĆČ"},
    {u"d", u"ďđĎĐ"},
    {u"e", u"èéêëēėęěÈÉÊËĒĖĘĚ"},
    {u"g", u"ğĞ"},
    {u"i", u"ìíîïīįıÌÍÎÏĪĮİ"},
    {u"l", u"łľĺŁĽĹ"},
    {u"n", u"ñńňÑŃŇ"},
    {u"o", u"òóôõöøōőÒÓÔÕÖØŌŐ"},
    {u"r", u"řŕŘŔ"},
    {u"s", u"śšşșŚŠŞȘ"},
    {u"t", u"ťţțŤŢȚ"},
    {u"u", u"ùúûüūůűųÙÚÛÜŪŮŰŲ"},
    {u"y", u"ýÿÝŸ"},
    {u"z", u"źżžŹŻŽ"},
    {u"ae", u"æÆ"},
    {u"oe", u"œŒ"},
    {u"ss", u"ßẞ"},
    {u" ", u"-"},
    {u"", u"'’"},
});

const QHash<QChar, QString>& foldMap()
{
    static const QHash<QChar, QString> map = [] {
        QHash<QChar, QString> m;
        for (const Replacement& r : kFoldTable)
            for (const QChar c : QStringView(r.letters))
                m.insert(c, QString::fromUtf16(r.by));
        return m;
    }();
    return map;
}

QChar asciiLowerChar(QChar c)
{
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ? QChar(c.unicode() + 32) : c;
}

// E.164 country codes are prefix-free: 1 and 7 are the one-digit codes, these the two-digit
// ones, every other code has three digits. Keep in step with migration 3.
constexpr auto kTwoDigitCountryCodes = std::to_array<const char*>(
    {"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
     "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
     "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"});

qsizetype countryCodeLength(QStringView digits)
{
    if (digits.startsWith(u'1') || digits.startsWith(u'7'))
        return 1;
    for (const char* code : kTwoDigitCountryCodes)
        if (digits.startsWith(QLatin1String(code)))
            return 2;
    return 3;
}

QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += c;
    return digits;
}

QDate dateFrom(int day, int month, int year)
{
    return QDate(year, month, day); // invalid when there is no such day
}

} // namespace

QString SearchText::fold(const QString& text)
{
    const auto& map = foldMap();
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const auto found = map.constFind(c);
        if (found != map.cend())
            out += *found;
        else
            out += asciiLowerChar(c);
    }
    return out;
}

QString SearchText::asciiLower(const QString& text)
{
    QString out = text;
    for (QChar& c : out)
        c = asciiLowerChar(c);
    return out;
}

QString SearchText::upperBound(const QString& prefix)
{
    if (prefix.isEmpty())
        return QString(QChar(0xFFFF));
    QString bound = prefix;
    const QChar last = bound.back();
    // Incrementing the last code unit works for every BMP character outside the surrogate
    // range; keys are folded text, so anything else is rare enough to take the wide bound.
    if (!last.isSurrogate() && last.unicode() < 0xD7FF) {
        bound.back() = QChar(last.unicode() + 1);
        return bound;
    }
    return bound + QChar(0xFFFF);
}

QString SearchText::nationalNumber(const QString& phone)
{
    const QString digits = digitsOf(phone);
    QStringView rest(digits);
    if (phone.trimmed().startsWith(QLatin1Char('+')))
        return rest.mid(countryCodeLength(rest)).toString();
    if (rest.startsWith(u"00")) {
        rest = rest.mid(2);
        return rest.mid(countryCodeLength(rest)).toString();
    }
    if (rest.startsWith(u'0'))
        return rest.mid(1).toString();
    return digits;
}

SearchText SearchText::interpret(const QString& text)
{
    static const QRegularExpression dotted(QStringLiteral(R"(^(\d{1,2})\.(\d{1,2})\.(\d{4})$)"));
    static const QRegularExpression slashed(QStringLiteral(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)"));
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)"));
    // Dates on their way to being whole: "12.", "12.3", "12.03.19", "1985-", "1985-03-1".
    static const QRegularExpression partialDate(QStringLiteral(
        R"(^(\d{1,2}[./](\d{1,2}([./]\d{0,3})?)?|(19|20)\d{2}-(\d{1,2}(-\d?)?)?)$)"));
    static const QRegularExpression phoneLike(QStringLiteral(R"(^\+?[\d\s\-/().]+$)"));
    static const QRegularExpression separators(QStringLiteral(R"([\s,]+)"));

    SearchText result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return result;
    result.lowerKey = asciiLower(trimmed);

    if (auto m = dotted.match(trimmed); m.hasMatch()) {
        result.date = dateFrom(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (auto m = slashed.match(trimmed); m.hasMatch()) {
        result.date = dateFrom(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (auto m = iso.match(trimmed); m.hasMatch()) {
        result.date = dateFrom(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    } else if (partialDate.match(trimmed).hasMatch()) {
        result.kind = Kind::PartialDate;
        return result;
    } else if (trimmed.contains(QLatin1Char('@'))) {
        result.kind = Kind::Email;
        return result;
    } else if (phoneLike.match(trimmed).hasMatch()) {
        result.digits = digitsOf(trimmed);
        result.nationalDigits = nationalNumber(trimmed);
        // Two digits match a tenth of all numbers: wait for a third.
        result.kind = result.digits.size() < kMinimumDigits ? Kind::TooShort : Kind::Phone;
        return result;
    } else {
        // One space between words; a trailing space is kept, as it says "the whole word".
        QString key =
            fold(text.trimmed() + (text.back().isSpace() ? QStringLiteral(" ") : QString()));
        key.replace(separators, QStringLiteral(" "));
        if (key.startsWith(QLatin1Char(' ')))
            key.remove(0, 1);
        result.nameKey = key;
        result.kind = key.trimmed().isEmpty() ? Kind::Empty : Kind::Name;
        return result;
    }
    result.kind = result.date.isValid() ? Kind::DateOfBirth : Kind::InvalidDate;
    return result;
}

} // namespace aftercare
