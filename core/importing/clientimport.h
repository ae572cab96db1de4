#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "importing/rowimport.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

#include <array>
#include <optional>
#include <vector>

namespace aftercare {

class ImportContext;

// clients.csv. Read in two passes so that referred_by may name a client on any line of the
// same file: the first pass checks every row, the second writes them in file order and
// fills in referrals to clients created later in the file at the end. consent_* columns
// add a consent decision (channel "any") only when it differs from the client's current one.
class ClientImport : public RowImport
{
    Q_DECLARE_TR_FUNCTIONS(ClientImport)

public:
    explicit ClientImport(ImportContext& context);
    ~ClientImport() override;

    QString entity() const override { return QStringLiteral("clients"); }
    Status begin(const CsvTable& table) override;
    Status row(const CsvRecord& record, qint64 bytePosition) override;
    Status finish() override;

    static constexpr std::size_t kConsentColumns = 4;

private:
    struct ClientRow
    {
        qint64 line = 0;
        qint64 bytePosition = 0;
        QString externalId;
        QString firstName;
        QString lastName;
        std::optional<QDate> dateOfBirth;
        std::optional<Sex> sex;
        QString email; // normalised; empty when not given
        QString phone;
        std::optional<ContactChannel> channel;
        QString referralSource;
        QString referredBy;
        std::optional<QDateTime> registeredAt;
        std::array<std::optional<bool>, kConsentColumns> consents;
        bool rejected = false;

        QString fingerprint() const;
    };
    enum class Outcome
    {
        Created,
        Updated,
        Unchanged
    };

    void resolveReferrals();
    Status prepareStatements();
    Status loadConsents();
    Result<Outcome> write(const ClientRow& row, QVariant referredBy);
    Status recordConsents(const ClientRow& row, ClientId client, Outcome& outcome);

    ImportContext& m_context;
    CsvColumn m_externalId, m_firstName, m_lastName, m_dateOfBirth, m_sex, m_email, m_phone,
        m_channel, m_referralSource, m_referredBy, m_registeredAt;
    std::array<CsvColumn, kConsentColumns> m_consentColumns;
    bool m_anyConsentColumn = false;

    std::vector<ClientRow> m_rows;
    QHash<QString, std::size_t> m_rowByKey; // external_id -> index in m_rows
    QHash<qint64, bool> m_currentConsent;   // client id * 8 + purpose -> granted
    QSqlQuery m_insert, m_update, m_setReferral, m_insertConsent;
};

} // namespace aftercare
