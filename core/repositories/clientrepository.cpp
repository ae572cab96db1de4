#include "repositories/clientrepository.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kClientColumns = QStringLiteral(
    "id, external_id, first_name, last_name, date_of_birth, sex, email, phone, address, "
    "preferred_channel, referral_source, referred_by, expectations, journey_stage, registered_at, "
    "archived, row_version");

Client clientFromRow(const QSqlQuery& q)
{
    Client c;
    c.id = ClientId(q.value(0).toLongLong());
    c.externalId = q.value(1).toString();
    c.firstName = q.value(2).toString();
    c.lastName = q.value(3).toString();
    c.dateOfBirth = SqlTime::toDate(q.value(4));
    c.sex = parseSqlName<Sex>(q.value(5).toString()).value_or(Sex::Unknown);
    c.email = Email::parse(q.value(6).toString());
    c.phone = PhoneNumber::parse(q.value(7).toString());
    c.address = q.value(8).toString();
    c.preferredChannel =
        parseSqlName<ContactChannel>(q.value(9).toString()).value_or(ContactChannel::Email);
    c.referralSource = q.value(10).toString();
    c.referredBy = ClientId::fromVariant(q.value(11));
    c.expectations = q.value(12).toString();
    c.stage =
        parseSqlName<JourneyStage>(q.value(13).toString()).value_or(JourneyStage::Consideration);
    c.registeredAt = SqlTime::toDateTime(q.value(14));
    c.archived = q.value(15).toBool();
    c.rowVersion = q.value(16).toInt();
    return c;
}

QVariant textOrNull(const QString& text)
{
    return text.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

ClientRepository::ClientRepository(Database& database)
    : m_database(database)
{}

Status ClientRepository::validate(const Client& client) const
{
    if (client.firstName.trimmed().isEmpty() || client.lastName.trimmed().isEmpty())
        return fail(Error::validation(tr("A client needs a first and a last name.")));
    if (client.dateOfBirth.isValid() && client.dateOfBirth > QDate::currentDate())
        return fail(Error::validation(tr("The date of birth lies in the future.")));
    if (client.referredBy.isValid() && client.referredBy == client.id)
        return fail(Error::validation(tr("A client cannot have referred themselves.")));
    if (prefersMissingEmail(client))
        return fail(Error::validation(
            tr("E-mail is the preferred channel, but there is no e-mail address.")));
    return {};
}

Result<ClientId> ClientRepository::create(const Client& draft, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return create(tx, draft, actor); });
}

Result<ClientId> ClientRepository::create(TransactionGuard&, const Client& draft,
                                          const Actor& actor)
{
    if (auto valid = validate(draft); !valid)
        return fail(valid.error());
    QString externalId = draft.externalId.trimmed();
    if (externalId.isEmpty()) {
        auto next =
            m_database.scalar(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM clients"));
        if (!next)
            return fail(next.error());
        externalId = QStringLiteral("C%1").arg(next->toLongLong(), 6, 10, QLatin1Char('0'));
    }
    const QDateTime now = QDateTime::currentDateTime();
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO clients (external_id, first_name, last_name, date_of_birth, sex, email, "
            "phone, address, preferred_channel, referral_source, referred_by, expectations, "
            "journey_stage, registered_at, archived, created_at, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {externalId, draft.firstName.trimmed(), draft.lastName.trimmed(),
         SqlTime::toSql(draft.dateOfBirth), sqlName(draft.sex),
         draft.email ? QVariant(draft.email->value()) : QVariant(QMetaType::fromType<QString>()),
         draft.phone ? QVariant(draft.phone->value()) : QVariant(QMetaType::fromType<QString>()),
         SqlValue::text(draft.address), sqlName(draft.preferredChannel),
         textOrNull(draft.referralSource), draft.referredBy.toVariant(),
         SqlValue::text(draft.expectations), sqlName(draft.stage),
         SqlTime::toSql(draft.registeredAt.isValid() ? draft.registeredAt : now), draft.archived,
         SqlTime::toSql(now), SqlTime::toSql(now), actor.user.toVariant()});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message = tr("A client with the id %1 exists already.").arg(externalId);
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new client's id.")});
    return ClientId(query->value(0).toLongLong());
}

Result<Client> ClientRepository::get(ClientId id) const
{
    auto query =
        m_database.run(QStringLiteral("SELECT %1 FROM clients WHERE id = ?").arg(kClientColumns),
                       {id.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no client with the number %1.").arg(id.value())));
    return clientFromRow(*query);
}

Result<Client> ClientRepository::findByExternalId(const QString& externalId) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM clients WHERE external_id = ?").arg(kClientColumns),
        {externalId.trimmed()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no client with the id %1.").arg(externalId)));
    return clientFromRow(*query);
}

Status ClientRepository::update(Client& client, const Actor& actor)
{
    if (auto valid = validate(client); !valid)
        return valid;
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral(
                "UPDATE clients SET first_name = ?, last_name = ?, date_of_birth = ?, sex = ?, "
                "email = ?, phone = ?, address = ?, preferred_channel = ?, referral_source = ?, "
                "referred_by = ?, expectations = ?, journey_stage = ?, archived = ?, updated_at = "
                "?, "
                "updated_by = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
            {client.firstName.trimmed(), client.lastName.trimmed(),
             SqlTime::toSql(client.dateOfBirth), sqlName(client.sex),
             client.email ? QVariant(client.email->value())
                          : QVariant(QMetaType::fromType<QString>()),
             client.phone ? QVariant(client.phone->value())
                          : QVariant(QMetaType::fromType<QString>()),
             SqlValue::text(client.address), sqlName(client.preferredChannel),
             textOrNull(client.referralSource), client.referredBy.toVariant(),
             SqlValue::text(client.expectations), sqlName(client.stage), client.archived,
             SqlTime::toSql(QDateTime::currentDateTime()), actor.user.toVariant(),
             client.id.toVariant(), client.rowVersion});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, QStringLiteral("clients"), client.id.value(),
                                           tr("client")));
        ++client.rowVersion;
        return {};
    });
}

Status ClientRepository::setJourneyStage(TransactionGuard&, ClientId id, JourneyStage stage)
{
    return toStatus(m_database.run(
        QStringLiteral("UPDATE clients SET journey_stage = ?, row_version = row_version + 1 "
                       "WHERE id = ? AND journey_stage <> ?"),
        {sqlName(stage), id.toVariant(), sqlName(stage)}));
}

Result<ConsentId> ClientRepository::recordConsent(const Consent& consent, const Actor& actor)
{
    return m_database.write(
        [&](TransactionGuard& tx) { return recordConsent(tx, consent, actor); });
}

Result<ConsentId> ClientRepository::recordConsent(TransactionGuard&, const Consent& consent,
                                                  const Actor& actor)
{
    if (!consent.client.isValid())
        return fail(Error::validation(tr("A consent must belong to a client.")));
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO consents (client_id, purpose, channel, granted, evidence, recorded_by, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {consent.client.toVariant(), sqlName(consent.purpose), sqlName(consent.channel),
         consent.granted, SqlValue::text(consent.evidence), actor.user.toVariant(),
         SqlTime::toSql(consent.recordedAt.isValid() ? consent.recordedAt
                                                     : QDateTime::currentDateTime())});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new consent's id.")});
    return ConsentId(query->value(0).toLongLong());
}

Status ClientRepository::withdrawConsent(ConsentId id, const Actor& actor)
{
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral("UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? "
                           "AND withdrawn_at IS NULL"),
            {SqlTime::toSql(QDateTime::currentDateTime()), actor.user.toVariant(), id.toVariant()});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(
                Error::conflict(tr("This consent was already withdrawn or does not exist.")));
        return {};
    });
}

Result<std::vector<Consent>> ClientRepository::consents(ClientId client) const
{
    return m_database.collect(
        QStringLiteral(
            "SELECT id, client_id, purpose, channel, granted, evidence, recorded_by, recorded_at, "
            "withdrawn_at, withdrawn_by FROM consents WHERE client_id = ? "
            "ORDER BY recorded_at DESC, id DESC"),
        {client.toVariant()}, [](const QSqlQuery& row) {
            Consent c;
            c.id = ConsentId(row.value(0).toLongLong());
            c.client = ClientId(row.value(1).toLongLong());
            c.purpose = parseSqlName<ConsentPurpose>(row.value(2).toString())
                            .value_or(ConsentPurpose::Reminders);
            c.channel =
                parseSqlName<ConsentChannel>(row.value(3).toString()).value_or(ConsentChannel::Any);
            c.granted = row.value(4).toBool();
            c.evidence = row.value(5).toString();
            c.recordedBy = UserId::fromVariant(row.value(6));
            c.recordedAt = SqlTime::toDateTime(row.value(7));
            c.withdrawnAt = SqlTime::toDateTime(row.value(8));
            c.withdrawnBy = UserId::fromVariant(row.value(9));
            return c;
        });
}

Result<bool> ClientRepository::hasConsent(ClientId client, ConsentPurpose purpose,
                                          ConsentChannel channel) const
{
    auto value = m_database.scalar(
        QStringLiteral(
            "SELECT granted FROM consents WHERE client_id = ? AND purpose = ? AND (channel = ? OR "
            "channel = 'any') AND withdrawn_at IS NULL ORDER BY recorded_at DESC, id DESC LIMIT 1"),
        {client.toVariant(), sqlName(purpose), sqlName(channel)});
    if (!value)
        return fail(value.error());
    return !value->isNull() && value->toBool();
}

} // namespace aftercare
