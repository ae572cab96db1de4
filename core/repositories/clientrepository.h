#pragma once

#include "auth/actor.h"
#include "domain/client.h"
#include "error.h"

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Clients and their consents.
class ClientRepository
{
    Q_DECLARE_TR_FUNCTIONS(ClientRepository)

public:
    explicit ClientRepository(Database& database);

    // Validates and inserts; an empty externalId gets the next free "C000123"-style id.
    Result<ClientId> create(const Client& draft, const Actor& actor);
    Result<ClientId> create(TransactionGuard& transaction, const Client& draft, const Actor& actor);
    Result<Client> get(ClientId id) const;
    Result<Client> findByExternalId(const QString& externalId) const;
    // Saves the client if nobody changed it since it was read (client.rowVersion);
    // bumps client.rowVersion on success, returns a Conflict otherwise.
    Status update(Client& client, const Actor& actor);
    Status setJourneyStage(TransactionGuard& transaction, ClientId id, JourneyStage stage);

    Result<ConsentId> recordConsent(const Consent& consent, const Actor& actor);
    Result<ConsentId> recordConsent(TransactionGuard& transaction, const Consent& consent,
                                    const Actor& actor);
    Status withdrawConsent(ConsentId id, const Actor& actor);
    // The whole consent history of a client, newest first.
    Result<std::vector<Consent>> consents(ClientId client) const;
    // Whether the client's latest active decision for purpose (on channel or "any") is yes.
    Result<bool> hasConsent(ClientId client, ConsentPurpose purpose, ConsentChannel channel) const;

private:
    Status validate(const Client& client) const;

    Database& m_database;
};

} // namespace aftercare
