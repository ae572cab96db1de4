#pragma once

#include "auth/actor.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "error.h"

#include <QLatin1String>
#include <QString>

#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// The keys of the practice settings Aftercare itself reads.
namespace PracticeSetting {
inline constexpr QLatin1String kName("practice.name");
inline constexpr QLatin1String kAddress("practice.address");
inline constexpr QLatin1String kPhone("practice.phone");
inline constexpr QLatin1String kEmail("practice.email");
inline constexpr QLatin1String kOpeningHours("practice.opening_hours");
// How a client cancels or moves a booking, for the welcome pack.
inline constexpr QLatin1String kCancellationPolicy("practice.cancellation_policy");
inline constexpr QLatin1String kTimezone("practice.timezone");
inline constexpr QLatin1String kLapseWindowDays("practice.lapse_window_days");
inline constexpr int kDefaultLapseWindowDays = 365;
// Days from an invoice's issue to its due date (InvoiceRepository::kDefaultPaymentDays unset).
inline constexpr QLatin1String kPaymentDays("invoices.payment_days");
// When the SQLite file was last compacted, and last attempted (DatabaseCompaction).
inline constexpr QLatin1String kCompactedAt("maintenance.compacted_at");
inline constexpr QLatin1String kCompactionAttemptedAt("maintenance.compaction_attempted_at");
} // namespace PracticeSetting

// The practice itself: its practitioners, its service types with their after-care policy,
// and its settings. Changes need the ManagePractice permission.
class PracticeRepository
{
    Q_DECLARE_TR_FUNCTIONS(PracticeRepository)

public:
    explicit PracticeRepository(Database& database);

    Result<PractitionerId> createPractitioner(const Practitioner& draft, const Actor& actor);
    Result<PractitionerId> createPractitioner(TransactionGuard& transaction,
                                              const Practitioner& draft, const Actor& actor);
    // Saves if nobody changed it since it was read; bumps practitioner.rowVersion.
    Status updatePractitioner(Practitioner& practitioner, const Actor& actor);
    Result<Practitioner> practitioner(PractitionerId id) const;
    Result<Practitioner> practitionerByName(const QString& name) const;
    Result<std::vector<Practitioner>> practitioners(bool includeInactive = false) const;

    Result<ServiceTypeId> createServiceType(const ServiceType& draft, const Actor& actor);
    Result<ServiceTypeId> createServiceType(TransactionGuard& transaction, const ServiceType& draft,
                                            const Actor& actor);
    Status updateServiceType(ServiceType& serviceType, const Actor& actor);
    Result<ServiceType> serviceType(ServiceTypeId id) const;
    Result<ServiceType> serviceTypeByName(const QString& name) const;
    Result<std::vector<ServiceType>> serviceTypes(bool includeInactive = false) const;

    // The stored value, or fallback when the key was never set.
    Result<QString> setting(const QString& key, const QString& fallback = {}) const;
    Status setSetting(const QString& key, const QString& value, const Actor& actor);
    Status setSetting(TransactionGuard& transaction, const QString& key, const QString& value,
                      const Actor& actor);
    // Aftercare's own bookkeeping kept among the settings (e.g. the follow-up planner's
    // watermark): no ManagePractice check, and never for a setting a person edits.
    Status setInternalSetting(TransactionGuard& transaction, const QString& key,
                              const QString& value);
    // The lapse window W of BRIEF §4 (default 365 days).
    Result<int> lapseWindowDays() const;

private:
    Status validate(const Practitioner& practitioner) const;
    Status validate(const ServiceType& serviceType) const;
    Status validateSetting(const QString& key, const QString& value) const;

    Database& m_database;
};

} // namespace aftercare
