#include "domain/phonenumber.h"

#include <QStringList>

namespace aftercare {

namespace {

// How many digits the country calling code of an international number has (ITU-T E.164:
// the codes are prefix-free, one to three digits).
int countryCodeLength(QStringView digits)
{
    static const QStringList kTwoDigitCodes = {
        QStringLiteral("20"), QStringLiteral("27"), QStringLiteral("30"), QStringLiteral("31"),
        QStringLiteral("32"), QStringLiteral("33"), QStringLiteral("34"), QStringLiteral("36"),
        QStringLiteral("39"), QStringLiteral("40"), QStringLiteral("41"), QStringLiteral("43"),
        QStringLiteral("44"), QStringLiteral("45"), QStringLiteral("46"), QStringLiteral("47"),
        QStringLiteral("48"), QStringLiteral("49"), QStringLiteral("51"), QStringLiteral("52"),
        QStringLiteral("53"), QStringLiteral("54"), QStringLiteral("55"), QStringLiteral("56"),
        QStringLiteral("57"), QStringLiteral("58"), QStringLiteral("60"), QStringLiteral("61"),
        QStringLiteral("62"), QStringLiteral("63"), QStringLiteral("64"), QStringLiteral("65"),
        QStringLiteral("66"), QStringLiteral("81"), QStringLiteral("82"), QStringLiteral("84"),
        QStringLiteral("86"), QStringLiteral("90"), QStringLiteral("91"), QStringLiteral("92"),
        QStringLiteral("93"), QStringLiteral("94"), QStringLiteral("95"), QStringLiteral("98")};
    if (digits.startsWith(u'1') || digits.startsWith(u'7'))
        return 1;
    return kTwoDigitCodes.contains(digits.left(2).toString()) ? 2 : 3;
}

// The area or network code at the start of a national number (without its leading 0).
int areaCodeLength(QStringView national)
{
    static const QStringList kTwoDigitCities = {QStringLiteral("30"), QStringLiteral("40"),
                                                QStringLiteral("69"), QStringLiteral("89")};
    return kTwoDigitCities.contains(national.left(2).toString()) ? 2 : 3;
}

// "1712345678" -> "171 2345678"; short numbers stay in one piece.
QString splitArea(QStringView national)
{
    const int area = areaCodeLength(national);
    if (national.size() <= area + 2)
        return national.toString();
    return national.left(area).toString() + QLatin1Char(' ') + national.mid(area).toString();
}

} // namespace

QString PhoneNumber::displayText() const
{
    QStringView digits(m_value);
    if (digits.startsWith(QLatin1String("00")))
        digits = digits.mid(2);
    else if (digits.startsWith(u'+'))
        digits = digits.mid(1);
    else if (digits.startsWith(u'0'))
        return QStringLiteral("0") + splitArea(digits.mid(1));
    else
        return m_value; // a local number without area code
    const int country = countryCodeLength(digits);
    if (digits.size() <= country)
        return QStringLiteral("+") + digits.toString();
    return QStringLiteral("+") + digits.left(country).toString() + QLatin1Char(' ') +
           splitArea(digits.mid(country));
}

std::optional<PhoneNumber> PhoneNumber::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    QString digits;
    digits.reserve(trimmed.size());
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c == QLatin1Char('+') && digits.isEmpty() && i == 0)
            digits.append(c);
        else if (!QStringLiteral(" -./()").contains(c))
            return std::nullopt;
    }
    const qsizetype count = digits.startsWith(QLatin1Char('+')) ? digits.size() - 1 : digits.size();
    if (count < 5 || count > 15) // E.164 allows at most 15 digits
        return std::nullopt;
    return PhoneNumber(digits);
}

} // namespace aftercare
