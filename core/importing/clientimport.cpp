#include "importing/clientimport.h"

#include "database/database.h"
#include "domain/client.h"
#include "domain/email.h"
#include "domain/phonenumber.h"
#include "importing/importbinding.h"
#include "importing/importcontext.h"
#include "importing/importrow.h"

namespace aftercare {

namespace {

constexpr std::array<ConsentPurpose, ClientImport::kConsentColumns> kConsentPurposes = {
    ConsentPurpose::Reminders, ConsentPurpose::Surveys, ConsentPurpose::Marketing,
    ConsentPurpose::Birthday};

qint64 consentKey(ClientId client, std::size_t purposeIndex)
{
    return client.value() * 8 + qint64(purposeIndex);
}

const QStringList& contactChannels()
{
    static const QStringList words = {QStringLiteral("email"), QStringLiteral("sms"),
                                      QStringLiteral("phone"), QStringLiteral("letter")};
    return words;
}

// The values written for a row, in the order of the update statement's columns.
QVariantList columnValues(const QVariant& firstName, const QVariant& lastName,
                          const QVariantList& optional)
{
    QVariantList values{firstName, lastName};
    values.append(optional);
    return values;
}

} // namespace

QString ClientImport::ClientRow::fingerprint() const
{
    QStringList parts{externalId,
                      firstName,
                      lastName,
                      dateOfBirth ? dateOfBirth->toString(Qt::ISODate) : QString(),
                      sex ? sqlName(*sex) : QString(),
                      email,
                      phone,
                      channel ? sqlName(*channel) : QString(),
                      referralSource,
                      referredBy,
                      registeredAt ? registeredAt->toString(Qt::ISODate) : QString()};
    for (const auto& consent : consents)
        parts.append(consent ? (*consent ? QStringLiteral("yes") : QStringLiteral("no"))
                             : QString());
    return parts.join(QChar(0x1f));
}

ClientImport::ClientImport(ImportContext& context)
    : m_context(context)
{}

ClientImport::~ClientImport() = default;

Status ClientImport::begin(const CsvTable& table)
{
    m_externalId = table.column(QStringLiteral("external_id"));
    m_firstName = table.column(QStringLiteral("first_name"));
    m_lastName = table.column(QStringLiteral("last_name"));
    m_dateOfBirth = table.column(QStringLiteral("date_of_birth"));
    m_sex = table.column(QStringLiteral("sex"));
    m_email = table.column(QStringLiteral("email"));
    m_phone = table.column(QStringLiteral("phone"));
    m_channel = table.column(QStringLiteral("preferred_channel"));
    m_referralSource = table.column(QStringLiteral("referral_source"));
    m_referredBy = table.column(QStringLiteral("referred_by"));
    m_registeredAt = table.column(QStringLiteral("registered_at"));
    for (std::size_t i = 0; i < kConsentColumns; ++i) {
        m_consentColumns[i] =
            table.column(QStringLiteral("consent_") + sqlName(kConsentPurposes[i]));
        m_anyConsentColumn = m_anyConsentColumn || m_consentColumns[i].present();
    }
    if (auto loaded = m_context.loadClients(); !loaded)
        return loaded;
    if (auto loaded = loadConsents(); !loaded)
        return loaded;
    return prepareStatements();
}

Status ClientImport::prepareStatements()
{
    const QString distinct = m_context.distinctFrom();
    auto insert = m_context.prepareInsert(QStringLiteral(
        "INSERT INTO clients (external_id, first_name, last_name, date_of_birth, sex, email, "
        "phone, preferred_channel, referral_source, referred_by, registered_at, created_at, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Only a row whose values differ is touched, so an unchanged client keeps its row_version
    // and the number of changed rows tells "updated" from "unchanged". A NULL value keeps the
    // stored one: an empty cell never erases what the practice recorded.
    auto update = m_context.prepare(
        QStringLiteral("UPDATE clients SET first_name = ?, last_name = ?, "
                       "date_of_birth = coalesce(?, date_of_birth), sex = coalesce(?, sex), "
                       "email = coalesce(?, email), phone = coalesce(?, phone), "
                       "preferred_channel = coalesce(?, preferred_channel), "
                       "referral_source = coalesce(?, referral_source), "
                       "referred_by = coalesce(?, referred_by), "
                       "registered_at = coalesce(?, registered_at), "
                       "updated_at = ?, updated_by = ?, row_version = row_version + 1 "
                       "WHERE id = ? AND (first_name <> ? OR last_name <> ? "
                       "OR date_of_birth %1 coalesce(?, date_of_birth) "
                       "OR sex <> coalesce(?, sex) OR email %1 coalesce(?, email) "
                       "OR phone %1 coalesce(?, phone) "
                       "OR preferred_channel <> coalesce(?, preferred_channel) "
                       "OR referral_source %1 coalesce(?, referral_source) "
                       "OR referred_by %1 coalesce(?, referred_by) "
                       "OR registered_at <> coalesce(?, registered_at))")
            .arg(distinct));
    auto setReferral = m_context.prepare(
        QStringLiteral("UPDATE clients SET referred_by = ?, updated_at = ?, updated_by = ?, "
                       "row_version = row_version + ? WHERE id = ? AND referred_by %1 ?")
            .arg(distinct));
    auto insertConsent = m_context.prepare(QStringLiteral(
        "INSERT INTO consents (client_id, purpose, channel, granted, evidence, recorded_by, "
        "recorded_at) VALUES (?, ?, 'any', ?, ?, ?, ?)"));
    for (auto* statement : {&insert, &update, &setReferral, &insertConsent})
        if (!*statement)
            return fail(statement->error());
    m_insert = std::move(*insert);
    m_update = std::move(*update);
    m_setReferral = std::move(*setReferral);
    m_insertConsent = std::move(*insertConsent);
    return {};
}

// The current decision per client and purpose on channel "any": the latest one, where a
// withdrawn yes counts as no.
Status ClientImport::loadConsents()
{
    if (!m_anyConsentColumn)
        return {};
    auto query = m_context.database().run(QStringLiteral(
        "SELECT client_id, purpose, granted, withdrawn_at FROM consents WHERE channel = 'any' "
        "ORDER BY recorded_at, id"));
    if (!query)
        return fail(query.error());
    while (query->next()) {
        const auto purpose = parseSqlName<ConsentPurpose>(query->value(1).toString());
        for (std::size_t i = 0; i < kConsentColumns; ++i)
            if (purpose == kConsentPurposes[i])
                m_currentConsent.insert(consentKey(ClientId(query->value(0).toLongLong()), i),
                                        query->value(2).toBool() && query->value(3).isNull());
    }
    return {};
}

Status ClientImport::row(const CsvRecord& record, qint64 bytePosition)
{
    ImportRow r(record, m_context.zone());
    ClientRow c;
    c.line = record.line;
    c.bytePosition = bytePosition;
    c.externalId = r.required(m_externalId);
    c.firstName = r.required(m_firstName);
    c.lastName = r.required(m_lastName);
    c.dateOfBirth = r.date(m_dateOfBirth);
    if (c.dateOfBirth && *c.dateOfBirth > m_context.now().date())
        r.reject(
            tr("date_of_birth: %1 lies in the future.").arg(c.dateOfBirth->toString(Qt::ISODate)));
    c.sex = r.sex(m_sex);
    if (const QString email = r.text(m_email); !email.isEmpty()) {
        if (const auto parsed = Email::parse(email))
            c.email = parsed->value();
        else
            r.reject(tr("email: \"%1\" is not an e-mail address.").arg(email));
    }
    if (const QString phone = r.text(m_phone); !phone.isEmpty()) {
        if (const auto parsed = PhoneNumber::parse(phone))
            c.phone = parsed->value();
        else
            r.reject(tr("phone: \"%1\" is not a telephone number.").arg(phone));
    }
    c.channel = r.word<ContactChannel>(m_channel, contactChannels());
    c.referralSource = r.text(m_referralSource);
    c.referredBy = r.text(m_referredBy);
    if (!c.referredBy.isEmpty() && c.referredBy == c.externalId)
        r.reject(tr("referred_by: a client cannot have referred themselves."));
    c.registeredAt = r.time(m_registeredAt);
    for (std::size_t i = 0; i < kConsentColumns; ++i)
        c.consents[i] = r.yesNo(m_consentColumns[i]);
    if (r.ok() && c.channel && !m_context.client(c.externalId).isValid() &&
        prefersMissingEmail(*c.channel, !c.email.isEmpty(), !c.phone.isEmpty()))
        r.reject(tr("preferred_channel: e-mail is preferred, but the row has no e-mail address."));

    if (r.ok()) {
        if (const auto seen = m_rowByKey.constFind(c.externalId); seen != m_rowByKey.constEnd()) {
            const ClientRow& first = m_rows[*seen];
            if (first.fingerprint() == c.fingerprint()) {
                ++m_context.summary().unchanged; // the same row twice: nothing more to do
                m_context.rowDone(bytePosition);
                return {};
            }
            r.reject(
                tr("external_id: \"%1\" appears already on line %2 with different values; a file "
                   "holds each client once.")
                    .arg(c.externalId)
                    .arg(first.line));
        }
    }
    if (!r.ok()) {
        m_context.reject(r.line(), r.reason());
        m_context.rowDone(bytePosition);
        return {};
    }
    m_rowByKey.insert(c.externalId, m_rows.size());
    m_rows.push_back(std::move(c));
    return {};
}

// A referral names a client already stored or one on a row of this file that is imported;
// rejecting a row may strand rows that name it, so this runs until nothing changes.
void ClientImport::resolveReferrals()
{
    for (bool changed = true; changed;) {
        changed = false;
        for (ClientRow& c : m_rows) {
            if (c.rejected || c.referredBy.isEmpty() || m_context.client(c.referredBy).isValid())
                continue;
            const auto target = m_rowByKey.constFind(c.referredBy);
            QString reason;
            if (target == m_rowByKey.constEnd())
                reason = tr("referred_by: there is no client with the external_id \"%1\" in the "
                            "database or in this file.")
                             .arg(c.referredBy);
            else if (m_rows[*target].rejected)
                reason = tr("referred_by: the client \"%1\" on line %2 was not imported.")
                             .arg(c.referredBy)
                             .arg(m_rows[*target].line);
            if (reason.isEmpty())
                continue;
            c.rejected = true;
            changed = true;
            m_context.reject(c.line, reason);
            m_context.rowDone(c.bytePosition);
        }
    }
}

Status ClientImport::finish()
{
    resolveReferrals();
    ImportSummary& summary = m_context.summary();
    std::vector<std::pair<std::size_t, ClientId>> deferredReferrals;
    std::vector<Outcome> outcomes(m_rows.size(), Outcome::Unchanged);
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const ClientRow& c = m_rows[i];
        if (c.rejected)
            continue;
        QVariant referredBy = QVariant(QMetaType::fromType<qlonglong>());
        if (!c.referredBy.isEmpty()) {
            if (const ClientId known = m_context.client(c.referredBy); known.isValid())
                referredBy = ImportBinding::id(known);
        }
        auto outcome = write(c, referredBy);
        if (!outcome)
            return fail(outcome.error());
        outcomes[i] = *outcome;
        const ClientId id = m_context.client(c.externalId);
        if (!c.referredBy.isEmpty() && referredBy.isNull())
            deferredReferrals.emplace_back(i, id);
        if (auto consents = recordConsents(c, id, outcomes[i]); !consents)
            return consents;
        m_context.rowDone(c.bytePosition);
    }
    // Referrals to clients that were created further down the file.
    for (const auto& [index, id] : deferredReferrals) {
        const QVariant referrer = ImportBinding::id(m_context.client(m_rows[index].referredBy));
        // A client created by this import is still being written: nobody holds a copy whose
        // row_version could go stale.
        const int bump = outcomes[index] == Outcome::Created ? 0 : 1;
        auto changed = m_context.change(
            m_setReferral, {referrer, ImportBinding::time(m_context.now()), m_context.actorId(),
                            bump, ImportBinding::id(id), referrer});
        if (!changed)
            return fail(changed.error());
        if (*changed > 0 && outcomes[index] == Outcome::Unchanged)
            outcomes[index] = Outcome::Updated;
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].rejected)
            continue;
        switch (outcomes[i]) {
        case Outcome::Created:
            ++summary.created;
            break;
        case Outcome::Updated:
            ++summary.updated;
            break;
        case Outcome::Unchanged:
            ++summary.unchanged;
            break;
        }
    }
    return {};
}

Result<ClientImport::Outcome> ClientImport::write(const ClientRow& c, QVariant referredBy)
{
    const QVariantList optional{
        ImportBinding::date(c.dateOfBirth),
        c.sex ? QVariant(sqlName(*c.sex)) : QVariant(QMetaType::fromType<QString>()),
        ImportBinding::text(c.email),
        ImportBinding::text(c.phone),
        c.channel ? QVariant(sqlName(*c.channel)) : QVariant(QMetaType::fromType<QString>()),
        ImportBinding::text(c.referralSource),
        referredBy,
        ImportBinding::time(c.registeredAt)};
    const QVariant now = ImportBinding::time(m_context.now());
    const ClientId existing = m_context.client(c.externalId);
    if (!existing.isValid()) {
        const ContactChannel channel =
            c.channel.value_or(!c.email.isEmpty() || c.phone.isEmpty() ? ContactChannel::Email
                                                                       : ContactChannel::Phone);
        auto id = m_context.insertReturningId(
            m_insert,
            {c.externalId, c.firstName, c.lastName, optional[0],
             sqlName(c.sex.value_or(Sex::Unknown)), optional[2], optional[3], sqlName(channel),
             optional[5], referredBy, ImportBinding::time(c.registeredAt.value_or(m_context.now())),
             now, now, m_context.actorId()});
        if (!id)
            return fail(id.error());
        m_context.addClient(c.externalId, ClientId(*id));
        return Outcome::Created;
    }
    QVariantList values = columnValues(c.firstName, c.lastName, optional);
    values.append({now, m_context.actorId(), ImportBinding::id(existing)});
    values.append(columnValues(c.firstName, c.lastName, optional));
    auto changed = m_context.change(m_update, values);
    if (!changed)
        return fail(changed.error());
    return *changed > 0 ? Outcome::Updated : Outcome::Unchanged;
}

Status ClientImport::recordConsents(const ClientRow& c, ClientId client, Outcome& outcome)
{
    for (std::size_t i = 0; i < kConsentColumns; ++i) {
        if (!c.consents[i])
            continue;
        const qint64 key = consentKey(client, i);
        const auto current = m_currentConsent.constFind(key);
        if (current != m_currentConsent.constEnd() && *current == *c.consents[i])
            continue;
        const QString evidence =
            QStringLiteral("imported from %1 line %2").arg(m_context.sourceName()).arg(c.line);
        auto done = m_context.change(m_insertConsent,
                                     {ImportBinding::id(client), sqlName(kConsentPurposes[i]),
                                      *c.consents[i], evidence, m_context.actorId(),
                                      ImportBinding::time(m_context.now())});
        if (!done)
            return fail(done.error());
        m_currentConsent.insert(key, *c.consents[i]);
        ++m_context.summary().consentsRecorded;
        if (outcome == Outcome::Unchanged)
            outcome = Outcome::Updated;
    }
    return {};
}

} // namespace aftercare
