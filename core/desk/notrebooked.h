#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace aftercare {

class Database;

// A client due for a recall call.
struct RecallDue
{
    ClientId client;
    QString clientName;
    QString phone; // empty when none is known
    AppointmentId lastVisit;
    QDateTime lastVisitAt;
    QString serviceName;
    int rebookAfterDays = 0;
    QDateTime lastRecallAt; // the latest recall call, if any
    JourneyStage stage = JourneyStage::After;
};

// Clients to call back: their last completed visit lies further back than its service type's
// rebook interval (a visit exactly N days ago is not yet due; N + 1 days ago is), and they
// have no active appointment from now on. Archived clients and services without a rebook
// interval are left out. Newest visits first, a page at a time.
class NotRebooked
{
    Q_DECLARE_TR_FUNCTIONS(NotRebooked)

public:
    explicit NotRebooked(Database& database);

    Result<std::vector<RecallDue>> list(const QDateTime& now, int limit, int offset = 0) const;
    Result<qint64> count(const QDateTime& now) const;
    // Records the recall call as a phone touchpoint with its outcome.
    Result<TouchpointId> recordCall(const RecallDue& due, const QString& outcome,
                                    const Actor& actor);

private:
    QString from() const;

    Database& m_database;
};

} // namespace aftercare
