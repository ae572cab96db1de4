#pragma once

#include <QString>

#include <optional>

namespace aftercare {

// An e-mail address that has the shape local@domain.tld; only parse() makes one.
class Email
{
public:
    static std::optional<Email> parse(const QString& text);
    const QString& value() const { return m_value; }
    friend bool operator==(const Email&, const Email&) = default;

private:
    explicit Email(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

} // namespace aftercare
