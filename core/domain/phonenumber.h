#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace aftercare {

// The country whose numbers are dialled without a country code ("0761 4567890" in
// Germany): an ISO 3166 two-letter code such as "DE", or none when it is not known.
class PhoneRegion
{
public:
    PhoneRegion() = default;
    // "DE" or "de"; a code the telephone plan does not know gives none.
    static PhoneRegion fromCode(const QString& code);
    // The country of a time zone, a locale ... (QLocale::AnyTerritory gives none).
    static PhoneRegion fromTerritory(QLocale::Territory territory);
    bool isKnown() const { return !m_code.isEmpty(); }
    const QString& code() const { return m_code; }
    friend bool operator==(const PhoneRegion&, const PhoneRegion&) = default;

private:
    QString m_code;
};

// A telephone number reduced to digits with an optional leading '+', e.g. "+4930123456".
// Spaces, dashes, dots, slashes and brackets are accepted on input and dropped.
class PhoneNumber
{
public:
    static std::optional<PhoneNumber> parse(const QString& text);
    const QString& value() const { return m_value; }
    // The one way a number is written on screen and paper, grouped by Google's
    // libphonenumber (the numbering plans of every country, kept up to date there):
    // - with '+' or "00" in front, the international form: "+49 7633 12345",
    //   "+43 1 5125555", "+1 202-555-0123";
    // - with '0' in front, the national form of region: "07633 12345", "030 1234567";
    //   without a known region such a number is shown as stored;
    // - anything else (a local number without area code) as stored.
    QString displayText(const PhoneRegion& region) const;
    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

} // namespace aftercare
