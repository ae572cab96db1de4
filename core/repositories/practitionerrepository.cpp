#include "repositories/practitionerrepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kPractitionerColumns = QStringLiteral("id, name, user_id, active, row_version");

Practitioner practitionerFromRow(const QSqlQuery& q)
{
    return Practitioner{PractitionerId(q.value(0).toLongLong()), q.value(1).toString(),
                        UserId::fromVariant(q.value(2)), q.value(3).toBool(), q.value(4).toInt()};
}

} // namespace

PractitionerRepository::PractitionerRepository(Database& database)
    : m_database(database)
{}

Status PractitionerRepository::validate(const Practitioner& practitioner) const
{
    if (practitioner.name.trimmed().isEmpty())
        return fail(Error::validation(tr("A practitioner needs a name.")));
    return {};
}

Result<PractitionerId> PractitionerRepository::createPractitioner(const Practitioner& draft,
                                                                  const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return createPractitioner(tx, draft, actor); });
}

Result<PractitionerId> PractitionerRepository::createPractitioner(TransactionGuard&,
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

Status PractitionerRepository::updatePractitioner(Practitioner& practitioner, const Actor& actor)
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

Result<Practitioner> PractitionerRepository::practitioner(PractitionerId id) const
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

Result<Practitioner> PractitionerRepository::practitionerByName(const QString& name) const
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

Result<std::vector<Practitioner>> PractitionerRepository::practitioners(bool includeInactive) const
{
    return m_database.collect(
        QStringLiteral("SELECT %1 FROM practitioners WHERE active OR ? ORDER BY name, id")
            .arg(kPractitionerColumns),
        {includeInactive}, practitionerFromRow);
}

} // namespace aftercare
