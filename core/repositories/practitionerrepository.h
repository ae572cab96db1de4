#pragma once

#include "auth/actor.h"
#include "domain/practitioner.h"
#include "error.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The practice's practitioners. Changes need the ManagePractice permission.
class PractitionerRepository
{
    Q_DECLARE_TR_FUNCTIONS(PractitionerRepository)

public:
    explicit PractitionerRepository(Database& database);

    Result<PractitionerId> createPractitioner(const Practitioner& draft, const Actor& actor);
    Result<PractitionerId> createPractitioner(TransactionGuard& transaction,
                                              const Practitioner& draft, const Actor& actor);
    // Saves if nobody changed it since it was read; bumps practitioner.rowVersion.
    Status updatePractitioner(Practitioner& practitioner, const Actor& actor);
    Result<Practitioner> practitioner(PractitionerId id) const;
    Result<Practitioner> practitionerByName(const QString& name) const;
    Result<std::vector<Practitioner>> practitioners(bool includeInactive = false) const;

private:
    Status validate(const Practitioner& practitioner) const;

    Database& m_database;
};

} // namespace aftercare
