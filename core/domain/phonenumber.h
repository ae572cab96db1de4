#pragma once

#include <QString>

#include <optional>

namespace aftercare {

// A telephone number reduced to digits with an optional leading '+', e.g. "+4930123456".
// Spaces, dashes, dots, slashes and brackets are accepted on input and dropped.
class PhoneNumber
{
public:
    static std::optional<PhoneNumber> parse(const QString& text);
    const QString& value() const { return m_value; }
    // The one way a number is written on screen and paper: "+49 171 2345678" (country code,
    // area or network code, the rest) or, dialled within the country, "0171 2345678". A
    // "00" in front is written "+". Area codes are taken as three digits, except the
    // two-digit city codes of Berlin, Hamburg, Frankfurt and Munich (30, 40, 69, 89).
    QString displayText() const;
    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

} // namespace aftercare
