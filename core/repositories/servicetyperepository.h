#pragma once

#include "auth/actor.h"
#include "domain/servicetype.h"
#include "error.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The practice's service types with their after-care policy. Changes need the
// ManagePractice permission.
class ServiceTypeRepository
{
    Q_DECLARE_TR_FUNCTIONS(ServiceTypeRepository)

public:
    explicit ServiceTypeRepository(Database& database);

    Result<ServiceTypeId> createServiceType(const ServiceType& draft, const Actor& actor);
    Result<ServiceTypeId> createServiceType(TransactionGuard& transaction, const ServiceType& draft,
                                            const Actor& actor);
    // Saves if nobody changed it since it was read; bumps serviceType.rowVersion.
    Status updateServiceType(ServiceType& serviceType, const Actor& actor);
    Result<ServiceType> serviceType(ServiceTypeId id) const;
    Result<ServiceType> serviceTypeByName(const QString& name) const;
    Result<std::vector<ServiceType>> serviceTypes(bool includeInactive = false) const;

private:
    Status validate(const ServiceType& serviceType) const;

    Database& m_database;
};

} // namespace aftercare
