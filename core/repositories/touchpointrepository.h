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
    // A client's history, newest first, a page at a time: the touchpoints and every answer
    // they gave (kind "feedback", its score as the outcome, its comment as the notes, no id).
    // For every role: a call's own notes stay out of it.
    Result<std::vector<Touchpoint>> timeline(ClientId client, int limit = 100,
                                             int offset = 0) const;
    // The same history as `reader` may read it: for a clinician with the notes of each call
    // (its attempt's), for everyone else without.
    Result<std::vector<Touchpoint>> timeline(const Actor& reader, ClientId client, int limit = 100,
                                             int offset = 0) const;
    // The number of entries timeline() pages through.
    Result<qint64> count(ClientId client) const;

private:
    Result<std::vector<Touchpoint>> history(ClientId client, int limit, int offset,
                                            bool callNotes) const;

    Database& m_database;
};

} // namespace aftercare
