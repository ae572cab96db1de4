#include "repositories/practicerepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "domain/email.h"
#include "domain/phonenumber.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace aftercare {

namespace {

const QString kPractitionerColumns = QStringLiteral("id, name, user_id, active, row_version");
const QString kServiceTypeColumns = QStringLiteral(
    "id, name, duration_minutes, price_cents, checkin_after_days, survey_after_days, "
    "rebook_after_weeks, "
    "step_quality_followup, step_feedback_request, step_thank_you, step_community_invite, "
    "step_newsletter_invite, preparation, active, row_version");

Practitioner practitionerFromRow(const QSqlQuery& q)
{
    return Practitioner{PractitionerId(q.value(0).toLongLong()), q.value(1).toString(),
                        UserId::fromVariant(q.value(2)), q.value(3).toBool(), q.value(4).toInt()};
}

std::optional<int> optionalInt(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QVariant intOrNull(std::optional<int> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

ServiceType serviceTypeFromRow(const QSqlQuery& q)
{
    ServiceType s;
    s.id = ServiceTypeId(q.value(0).toLongLong());
    s.name = q.value(1).toString();
    s.durationMinutes = q.value(2).toInt();
    s.priceCents = q.value(3).toLongLong();
    s.checkinAfterDays = optionalInt(q.value(4));
    s.surveyAfterDays = optionalInt(q.value(5));
    s.rebookAfterWeeks = optionalInt(q.value(6));
    s.stepQualityFollowUp = q.value(7).toBool();
    s.stepFeedbackRequest = q.value(8).toBool();
    s.stepThankYou = q.value(9).toBool();
    s.stepCommunityInvite = q.value(10).toBool();
    s.stepNewsletterInvite = q.value(11).toBool();
    s.preparation = q.value(12).toString();
    s.active = q.value(13).toBool();
    s.rowVersion = q.value(14).toInt();
    return s;
}

} // namespace

PracticeRepository::PracticeRepository(Database& database)
    : m_database(database)
{}

Status PracticeRepository::validate(const Practitioner& practitioner) const
{
    if (practitioner.name.trimmed().isEmpty())
        return fail(Error::validation(tr("A practitioner needs a name.")));
    return {};
}

Status PracticeRepository::validate(const ServiceType& s) const
{
    if (s.name.trimmed().isEmpty())
        return fail(Error::validation(tr("A service needs a name.")));
    if (s.durationMinutes < 5 || s.durationMinutes > 720)
        return fail(Error::validation(tr("A service lasts between 5 minutes and 12 hours.")));
    if (s.priceCents < 0)
        return fail(Error::validation(tr("A price cannot be negative.")));
    if ((s.checkinAfterDays && *s.checkinAfterDays < 0) ||
        (s.surveyAfterDays && *s.surveyAfterDays < 0))
        return fail(
            Error::validation(tr("A check-in call or survey cannot come before the visit.")));
    if (s.rebookAfterWeeks && *s.rebookAfterWeeks <= 0)
        return fail(Error::validation(tr("A rebook reminder needs at least one week.")));
    return {};
}

Result<PractitionerId> PracticeRepository::createPractitioner(const Practitioner& draft,
                                                              const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return createPractitioner(tx, draft, actor); });
}

Result<PractitionerId> PracticeRepository::createPractitioner(TransactionGuard&,
                                                              const Practitioner& draft,
                                                              const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return fail(allowed.error());
    if (auto valid = validate(draft); !valid)
        return fail(valid.error());
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO practitioners (name, user_id, active) VALUES (?, ?, ?) RETURNING id"),
        {draft.name.trimmed(), draft.user.toVariant(), draft.active});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message =
                tr("There is a practitioner called %1 already.").arg(draft.name.trimmed());
        return fail(error);
    }
    if (!query->next())
        return fail(Error{ErrorKind::Database,
                          tr("The database did not return the new practitioner's id.")});
    return PractitionerId(query->value(0).toLongLong());
}

Status PracticeRepository::updatePractitioner(Practitioner& practitioner, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return allowed;
    if (auto valid = validate(practitioner); !valid)
        return valid;
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral("UPDATE practitioners SET name = ?, user_id = ?, active = ?, "
                           "row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
            {practitioner.name.trimmed(), practitioner.user.toVariant(), practitioner.active,
             practitioner.id.toVariant(), practitioner.rowVersion});
        if (!query) {
            Error error = query.error();
            if (error.kind == ErrorKind::Conflict)
                error.message = tr("There is a practitioner called %1 already.")
                                    .arg(practitioner.name.trimmed());
            return fail(error);
        }
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, QStringLiteral("practitioners"),
                                           practitioner.id.value(), tr("practitioner")));
        ++practitioner.rowVersion;
        return {};
    });
}

Result<Practitioner> PracticeRepository::practitioner(PractitionerId id) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM practitioners WHERE id = ?").arg(kPractitionerColumns),
        {id.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error::notFound(tr("There is no practitioner with the number %1.").arg(id.value())));
    return practitionerFromRow(*query);
}

Result<Practitioner> PracticeRepository::practitionerByName(const QString& name) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM practitioners WHERE name = ?").arg(kPractitionerColumns),
        {name.trimmed()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no practitioner called %1.").arg(name.trimmed())));
    return practitionerFromRow(*query);
}

Result<std::vector<Practitioner>> PracticeRepository::practitioners(bool includeInactive) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM practitioners WHERE active OR ? ORDER BY name, id")
            .arg(kPractitionerColumns),
        {includeInactive});
    if (!query)
        return fail(query.error());
    std::vector<Practitioner> result;
    while (query->next())
        result.push_back(practitionerFromRow(*query));
    return result;
}

Result<ServiceTypeId> PracticeRepository::createServiceType(const ServiceType& draft,
                                                            const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return createServiceType(tx, draft, actor); });
}

Result<ServiceTypeId> PracticeRepository::createServiceType(TransactionGuard&, const ServiceType& s,
                                                            const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return fail(allowed.error());
    if (auto valid = validate(s); !valid)
        return fail(valid.error());
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO service_types (name, duration_minutes, price_cents, checkin_after_days, "
            "survey_after_days, rebook_after_weeks, step_quality_followup, step_feedback_request, "
            "step_thank_you, step_community_invite, step_newsletter_invite, preparation, active) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {s.name.trimmed(), s.durationMinutes, qlonglong(s.priceCents),
         intOrNull(s.checkinAfterDays), intOrNull(s.surveyAfterDays), intOrNull(s.rebookAfterWeeks),
         s.stepQualityFollowUp, s.stepFeedbackRequest, s.stepThankYou, s.stepCommunityInvite,
         s.stepNewsletterInvite, SqlValue::text(s.preparation), s.active});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message = tr("There is a service called %1 already.").arg(s.name.trimmed());
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new service's id.")});
    return ServiceTypeId(query->value(0).toLongLong());
}

Status PracticeRepository::updateServiceType(ServiceType& s, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return allowed;
    if (auto valid = validate(s); !valid)
        return valid;
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral(
                "UPDATE service_types SET name = ?, duration_minutes = ?, price_cents = ?, "
                "checkin_after_days = ?, survey_after_days = ?, rebook_after_weeks = ?, "
                "step_quality_followup = ?, step_feedback_request = ?, step_thank_you = ?, "
                "step_community_invite = ?, step_newsletter_invite = ?, preparation = ?, active = "
                "?, "
                "row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
            {s.name.trimmed(), s.durationMinutes, qlonglong(s.priceCents),
             intOrNull(s.checkinAfterDays), intOrNull(s.surveyAfterDays),
             intOrNull(s.rebookAfterWeeks), s.stepQualityFollowUp, s.stepFeedbackRequest,
             s.stepThankYou, s.stepCommunityInvite, s.stepNewsletterInvite,
             SqlValue::text(s.preparation), s.active, s.id.toVariant(), s.rowVersion});
        if (!query) {
            Error error = query.error();
            if (error.kind == ErrorKind::Conflict)
                error.message = tr("There is a service called %1 already.").arg(s.name.trimmed());
            return fail(error);
        }
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, QStringLiteral("service_types"),
                                           s.id.value(), tr("service")));
        ++s.rowVersion;
        return {};
    });
}

Result<ServiceType> PracticeRepository::serviceType(ServiceTypeId id) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM service_types WHERE id = ?").arg(kServiceTypeColumns),
        {id.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no service with the number %1.").arg(id.value())));
    return serviceTypeFromRow(*query);
}

Result<ServiceType> PracticeRepository::serviceTypeByName(const QString& name) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM service_types WHERE name = ?").arg(kServiceTypeColumns),
        {name.trimmed()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no service called %1.").arg(name.trimmed())));
    return serviceTypeFromRow(*query);
}

Result<std::vector<ServiceType>> PracticeRepository::serviceTypes(bool includeInactive) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM service_types WHERE active OR ? ORDER BY name, id")
            .arg(kServiceTypeColumns),
        {includeInactive});
    if (!query)
        return fail(query.error());
    std::vector<ServiceType> result;
    while (query->next())
        result.push_back(serviceTypeFromRow(*query));
    return result;
}

Result<QString> PracticeRepository::setting(const QString& key, const QString& fallback) const
{
    auto query =
        m_database.run(QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"), {key});
    if (!query)
        return fail(query.error());
    return query->next() ? query->value(0).toString() : fallback;
}

Status PracticeRepository::validateSetting(const QString& key, const QString& value) const
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

Status PracticeRepository::setSetting(const QString& key, const QString& value, const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return setSetting(tx, key, value, actor); });
}

Status PracticeRepository::setSetting(TransactionGuard&, const QString& key, const QString& value,
                                      const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ManagePractice); !allowed)
        return allowed;
    if (auto valid = validateSetting(key, value); !valid)
        return valid;
    return toStatus(m_database.run(
        QStringLiteral(
            "INSERT INTO practice_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value, row_version = practice_settings.row_version + 1"),
        {key.trimmed(), SqlValue::text(value)}));
}

Status PracticeRepository::setInternalSetting(TransactionGuard&, const QString& key,
                                              const QString& value)
{
    if (auto valid = validateSetting(key, value); !valid)
        return valid;
    return toStatus(m_database.run(
        QStringLiteral(
            "INSERT INTO practice_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value, row_version = practice_settings.row_version + 1"),
        {key.trimmed(), SqlValue::text(value)}));
}

Result<int> PracticeRepository::lapseWindowDays() const
{
    auto value = setting(PracticeSetting::kLapseWindowDays);
    if (!value)
        return fail(value.error());
    bool ok = false;
    const int days = value->trimmed().toInt(&ok);
    return ok && days > 0 ? days : PracticeSetting::kDefaultLapseWindowDays;
}

} // namespace aftercare
