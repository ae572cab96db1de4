#pragma once

#include "auth/actor.h"
#include "domain/touchpoint.h"
#include "error.h"

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The contacts with a client along the journey, for the profile's timeline.
class TouchpointRepository
{
    Q_DECLARE_TR_FUNCTIONS(TouchpointRepository)

public:
    explicit TouchpointRepository(Database& database);

    // by defaults to the actor, occurredAt to now.
    Result<TouchpointId> record(const Touchpoint& touchpoint, const Actor& actor);
    Result<TouchpointId> record(TransactionGuard& transaction, const Touchpoint& touchpoint,
                                const Actor& actor);
    // A client's touchpoints, newest first, a page at a time.
    Result<std::vector<Touchpoint>> timeline(ClientId client, int limit = 100,
                                             int offset = 0) const;
    Result<qint64> count(ClientId client) const;

private:
    Database& m_database;
};

} // namespace aftercare
