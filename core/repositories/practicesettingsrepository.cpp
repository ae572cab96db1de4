#include "repositories/practicesettingsrepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "domain/email.h"
#include "domain/phonenumber.h"
#include "repositories/sqlvalue.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace aftercare {

PracticeSettingsRepository::PracticeSettingsRepository(Database& database)
    : m_database(database)
{}

Result<QString> PracticeSettingsRepository::setting(const QString& key,
                                                    const QString& fallback) const
{
    auto query =
        m_database.run(QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"), {key});
    if (!query)
        return fail(query.error());
    return query->next() ? query->value(0).toString() : fallback;
}

Status PracticeSettingsRepository::validateSetting(const QString& key, const QString& value) const
{
    if (key.trimmed().isEmpty())
        return fail(Error::validation(tr("A setting needs a name.")));
    if (key == PracticeSetting::kLapseWindowDays) {
        bool ok = false;
        const int days = value.trimmed().toInt(&ok);
        if (!ok || days < 1 || days > 3660)
            return fail(
                Error::validation(tr("The lapse window is a number of days between 1 and 3660.")));
    } else if (key == PracticeSetting::kPaymentDays) {
        bool ok = false;
        const int days = value.trimmed().toInt(&ok);
        if (!ok || days < 0 || days > 365)
            return fail(
                Error::validation(tr("The payment term is a number of days between 0 and 365.")));
    } else if (key == PracticeSetting::kTimezone) {
        if (!value.isEmpty() && !QTimeZone(value.trimmed().toUtf8()).isValid())
            return fail(
                Error::validation(tr("%1 is not a time zone this computer knows.").arg(value)));
    } else if (key == PracticeSetting::kEmail) {
        if (!value.trimmed().isEmpty() && !Email::parse(value))
            return fail(Error::validation(tr("%1 is not an e-mail address.").arg(value)));
    } else if (key == PracticeSetting::kPhone) {
        if (!value.trimmed().isEmpty() && !PhoneNumber::parse(value))
            return fail(Error::validation(tr("%1 is not a telephone number.").arg(value)));
    }
    return {};
}

Status PracticeSettingsRepository::setSetting(const QString& key, const QString& value,
                                              const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return setSetting(tx, key, value, actor); });
}

Status PracticeSettingsRepository::setSetting(TransactionGuard& transaction, const QString& key,
                                              const QString& value, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return allowed;
    if (auto valid = validateSetting(key, value); !valid)
        return valid;
    return store(transaction, key, value);
}

Status PracticeSettingsRepository::setInternalSetting(TransactionGuard& transaction,
                                                      const QString& key, const QString& value)
{
    if (auto valid = validateSetting(key, value); !valid)
        return valid;
    return store(transaction, key, value);
}

Status PracticeSettingsRepository::store(TransactionGuard&, const QString& key,
                                         const QString& value)
{
    return toStatus(m_database.run(
        QStringLiteral(
            "INSERT INTO practice_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value, row_version = practice_settings.row_version + 1"),
        {key.trimmed(), SqlValue::text(value)}));
}

Result<int> PracticeSettingsRepository::lapseWindowDays() const
{
    auto value = setting(PracticeSetting::kLapseWindowDays);
    if (!value)
        return fail(value.error());
    bool ok = false;
    const int days = value->trimmed().toInt(&ok);
    return ok && days > 0 ? days : PracticeSetting::kDefaultLapseWindowDays;
}

} // namespace aftercare
