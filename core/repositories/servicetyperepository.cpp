#include "repositories/servicetyperepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kServiceTypeColumns = QStringLiteral(
    "id, name, duration_minutes, price_cents, checkin_after_days, survey_after_days, "
    "rebook_after_weeks, "
    "step_quality_followup, step_feedback_request, step_thank_you, step_community_invite, "
    "step_newsletter_invite, preparation, active, row_version");

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

ServiceTypeRepository::ServiceTypeRepository(Database& database)
    : m_database(database)
{}

Status ServiceTypeRepository::validate(const ServiceType& s) const
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

Result<ServiceTypeId> ServiceTypeRepository::createServiceType(const ServiceType& draft,
                                                               const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return createServiceType(tx, draft, actor); });
}

Result<ServiceTypeId> ServiceTypeRepository::createServiceType(TransactionGuard&,
                                                               const ServiceType& s,
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

Status ServiceTypeRepository::updateServiceType(ServiceType& s, const Actor& actor)
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

Result<ServiceType> ServiceTypeRepository::serviceType(ServiceTypeId id) const
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

Result<ServiceType> ServiceTypeRepository::serviceTypeByName(const QString& name) const
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

Result<std::vector<ServiceType>> ServiceTypeRepository::serviceTypes(bool includeInactive) const
{
    return m_database.collect(
        QStringLiteral("SELECT %1 FROM service_types WHERE active OR ? ORDER BY name, id")
            .arg(kServiceTypeColumns),
        {includeInactive}, serviceTypeFromRow);
}

} // namespace aftercare
