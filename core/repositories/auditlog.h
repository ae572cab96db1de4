#pragma once

#include "auth/actor.h"
#include "domain/auditentry.h"
#include "error.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The append-only record of who looked at or changed what. Written inside the transaction
// of the action it records, so an action and its audit row are saved together or not at all.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    explicit AuditLog(Database& database);

    // action: what was done ("result.view"); entity: the table; entityId: its row.
    Status record(TransactionGuard& transaction, const Actor& actor, const QString& action,
                  const QString& entity, std::int64_t entityId, ClientId client,
                  const QString& detail = {});
    // Everything recorded about a client, newest first.
    Result<std::vector<AuditEntry>> forClient(ClientId client, int limit = 500,
                                              int offset = 0) const;
    // How many times action was recorded for one row (e.g. views of one result).
    Result<qint64> count(const QString& action, const QString& entity, std::int64_t entityId) const;

private:
    Database& m_database;
};

} // namespace aftercare
