#pragma once

#include "auth/actor.h"
#include "error.h"

#include <QCoreApplication>
#include <QLatin1String>
#include <QString>

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

// The practice's settings (name, address, time zone, lapse window ...), a value per key.
// Changes a person makes need the ManagePractice permission.
class PracticeSettingsRepository
{
    Q_DECLARE_TR_FUNCTIONS(PracticeSettingsRepository)

public:
    explicit PracticeSettingsRepository(Database& database);

    // The stored value, or fallback when the key was never set.
    Result<QString> setting(const QString& key, const QString& fallback = {}) const;
    Status setSetting(const QString& key, const QString& value, const Actor& actor);
    Status setSetting(TransactionGuard& transaction, const QString& key, const QString& value,
                      const Actor& actor);
    // Aftercare's own bookkeeping kept among the settings (e.g. the follow-up planner's
    // watermark): no ManagePractice check, and never for a setting a person edits.
    Status setInternalSetting(TransactionGuard& transaction, const QString& key,
                              const QString& value);
    // The lapse window W of docs/metrics.md (default 365 days).
    Result<int> lapseWindowDays() const;

private:
    Status validateSetting(const QString& key, const QString& value) const;
    // The one upsert both setters share, inside their write transaction.
    Status store(TransactionGuard& transaction, const QString& key, const QString& value);

    Database& m_database;
};

} // namespace aftercare
