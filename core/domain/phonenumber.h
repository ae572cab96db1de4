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
    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

} // namespace aftercare
