#include "domain/phonenumber.h"

namespace aftercare {

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
