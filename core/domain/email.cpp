#include "domain/email.h"

#include <QRegularExpression>

namespace aftercare {

std::optional<Email> Email::parse(const QString& text)
{
    // Deliberately modest: one @, a non-empty local part without spaces, a domain with a
    // dot and no empty labels. Anything stricter turns away real addresses.
    static const QRegularExpression shape(
        QStringLiteral("^[^\\s@]{1,64}@(?=.{1,253}$)([^\\s@.]+\\.)+[^\\s@.]{2,}$"));
    const QString trimmed = text.trimmed();
    if (trimmed.size() > 254 || !shape.match(trimmed).hasMatch())
        return std::nullopt;
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    // The domain is case-insensitive; the local part is kept as written.
    return Email(trimmed.left(at + 1) + trimmed.mid(at + 1).toLower());
}

} // namespace aftercare
