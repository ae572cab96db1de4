#pragma once

#include "aftercare/journeystage.h"
#include "domain/ids.h"
#include "error.h"

#include <QCoreApplication>

namespace aftercare {

class Database;
class TransactionGuard;

// Keeps clients.journey_stage in step with the diary (deriveJourneyStage): for one client
// after a booking, check-in, completion, cancellation or no-show, and for every client at
// once after an import or the demo practice was written.
class JourneyStageUpdater
{
    Q_DECLARE_TR_FUNCTIONS(JourneyStageUpdater)

public:
    explicit JourneyStageUpdater(Database& database);

    Result<JourneyFacts> facts(ClientId client) const;
    // Recomputes and stores one client's stage; returns it.
    Result<JourneyStage> refresh(TransactionGuard& transaction, ClientId client);
    Result<JourneyStage> refresh(ClientId client);
    // Every client, in one statement; returns how many stages changed.
    Result<qint64> refreshAll();
    Result<qint64> refreshAll(TransactionGuard& transaction);

private:
    Database& m_database;
};

} // namespace aftercare
