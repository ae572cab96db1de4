#include "domain/phonenumber.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>
#include <string>

namespace aftercare {

namespace {

namespace lib = i18n::phonenumbers;

const lib::PhoneNumberUtil& numberingPlans()
{
    // The library's own instance (built once, safe from any thread). It would write a line
    // to stdout for every number it cannot read; those are answered here, so it keeps quiet.
    static const lib::PhoneNumberUtil* const util = [] {
        auto* instance = lib::PhoneNumberUtil::GetInstance();
        instance->SetLogger(new lib::NullLogger());
        return instance;
    }();
    return *util;
}

// text in libphonenumber's format for the region ("ZZ": the number carries its country
// code); empty when the library cannot read it.
QString formatted(const QString& text, const char* region,
                  lib::PhoneNumberUtil::PhoneNumberFormat format)
{
    const auto& util = numberingPlans();
    lib::PhoneNumber number;
    if (util.Parse(text.toStdString(), region, &number) != lib::PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    std::string out;
    util.Format(number, format, &out);
    return QString::fromStdString(out);
}

} // namespace

PhoneRegion PhoneRegion::fromCode(const QString& code)
{
    const QString upper = code.trimmed().toUpper();
    PhoneRegion region;
    if (upper.size() == 2 && numberingPlans().GetCountryCodeForRegion(upper.toStdString()) != 0)
        region.m_code = upper;
    return region;
}

PhoneRegion PhoneRegion::fromTerritory(QLocale::Territory territory)
{
    if (territory == QLocale::AnyTerritory)
        return {};
    return fromCode(QLocale::territoryToCode(territory));
}

QString PhoneNumber::displayText(const PhoneRegion& region) const
{
    QString shown;
    if (m_value.startsWith(u'+'))
        shown = formatted(m_value, "ZZ", lib::PhoneNumberUtil::INTERNATIONAL);
    else if (m_value.startsWith(QLatin1String("00")))
        shown =
            formatted(QLatin1Char('+') + m_value.mid(2), "ZZ", lib::PhoneNumberUtil::INTERNATIONAL);
    else if (m_value.startsWith(u'0') && region.isKnown())
        shown = formatted(m_value, region.code().toLatin1().constData(),
                          lib::PhoneNumberUtil::NATIONAL);
    if (!shown.isEmpty())
        return shown;
    if (m_value.startsWith(QLatin1String("00")))
        return QLatin1Char('+') + m_value.mid(2);
    return m_value;
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
