#include "reception/onboardingservice.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "desk/bookingdesk.h"
#include "domain/touchpoint.h"
#include "repositories/clientrepository.h"
#include "repositories/touchpointrepository.h"
#include "search/searchtext.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

// Never matches a key: stands in for a part of the client that was not given.
QVariant keyOrNull(const QString& key)
{
    return key.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(key);
}

} // namespace

OnboardingService::OnboardingService(Database& database, const Actor& actor)
    : m_database(database)
    , m_actor(actor)
{}

Result<std::vector<DuplicateCandidate>> OnboardingService::duplicates(const Client& client) const
{
    const QString first = client.firstName.simplified();
    const QString last = client.lastName.simplified();
    const QString nameKey =
        first.isEmpty() || last.isEmpty() || !client.dateOfBirth.isValid()
            ? QString()
            : SearchText::fold(last) + QLatin1Char(' ') + SearchText::fold(first);
    const QString emailKey =
        client.email ? SearchText::asciiLower(client.email->value().trimmed()) : QString();
    const QString phoneKey =
        client.phone ? SearchText::nationalNumber(client.phone->value()) : QString();
    std::vector<DuplicateCandidate> result;
    if (nameKey.isEmpty() && emailKey.isEmpty() && phoneKey.isEmpty())
        return result;
    // Each arm probes its own index of client_search.
    auto query = m_database.run(
        QStringLiteral(
            "SELECT c.id, c.external_id, c.first_name, c.last_name, c.date_of_birth, c.email, "
            "c.phone, s.search_last_first = ? AND c.date_of_birth = ?, s.search_email = ?, "
            "s.search_phone_national = ? "
            "FROM clients c JOIN client_search s ON s.client_id = c.id "
            "WHERE (s.search_last_first = ? AND c.date_of_birth = ?) OR s.search_email = ? "
            "OR s.search_phone_national = ? ORDER BY c.last_name, c.first_name, c.id LIMIT ?"),
        {keyOrNull(nameKey), SqlTime::toSql(client.dateOfBirth), keyOrNull(emailKey),
         keyOrNull(phoneKey), keyOrNull(nameKey), SqlTime::toSql(client.dateOfBirth),
         keyOrNull(emailKey), keyOrNull(phoneKey), kDuplicateLimit});
    if (!query)
        return fail(query.error());
    while (query->next()) {
        if (client.id.isValid() && query->value(0).toLongLong() == client.id.value())
            continue;
        DuplicateCandidate candidate;
        candidate.id = ClientId(query->value(0).toLongLong());
        candidate.externalId = query->value(1).toString();
        candidate.name = query->value(2).toString() + QLatin1Char(' ') + query->value(3).toString();
        candidate.dateOfBirth = SqlTime::toDate(query->value(4));
        candidate.email = query->value(5).toString();
        candidate.phone = query->value(6).toString();
        candidate.sameNameAndBirth = query->value(7).toBool();
        candidate.sameEmail = query->value(8).toBool();
        candidate.samePhone = query->value(9).toBool();
        result.push_back(std::move(candidate));
    }
    return result;
}

Result<OnboardingOutcome> OnboardingService::onboard(const OnboardingDraft& draft)
{
    if (auto allowed = Permissions::require(m_actor, Permission::FrontDesk); !allowed)
        return fail(allowed.error());
    return m_database.write([&](TransactionGuard& tx) -> Result<OnboardingOutcome> {
        OnboardingOutcome outcome;
        Client client = draft.client;
        client.stage = draft.firstBooking ? JourneyStage::Decision : JourneyStage::Consideration;
        auto created = ClientRepository(m_database).create(tx, client, m_actor);
        if (!created)
            return fail(created.error());
        outcome.client = *created;
        for (Consent consent : draft.consents) {
            consent.client = outcome.client;
            consent.recordedBy = m_actor.user;
            if (auto recorded = ClientRepository(m_database).recordConsent(tx, consent, m_actor);
                !recorded)
                return fail(recorded.error());
        }
        Touchpoint intake;
        intake.client = outcome.client;
        intake.stage = JourneyStage::Consideration;
        intake.channel = draft.channel;
        intake.kind = TouchpointKind::kOnboarding;
        intake.outcome = tr("Registered as a new client");
        intake.notes = client.expectations.trimmed();
        if (auto recorded = TouchpointRepository(m_database).record(tx, intake, m_actor); !recorded)
            return fail(recorded.error());
        if (draft.firstBooking) {
            Appointment booking = *draft.firstBooking;
            booking.client = outcome.client;
            auto booked = BookingDesk(m_database, m_actor).book(tx, booking);
            if (!booked)
                return fail(booked.error());
            outcome.firstBooking = *booked;
        }
        return outcome;
    });
}

} // namespace aftercare
