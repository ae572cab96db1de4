#pragma once

#include "auth/actor.h"
#include "domain/resultstatusview.h"
#include "domain/testresult.h"
#include "error.h"
#include "repositories/auditlog.h"

#include <QDateTime>

#include <initializer_list>
#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Test results. Anyone may record that a result arrived (from the lab, an import) and see
// its status; only clinicians read or change its content (values, formal report, summary,
// abnormal flag), and every read of the content is written to the audit log in the same
// transaction, so a view that was not logged did not happen.
class ResultRepository
{
    Q_DECLARE_TR_FUNCTIONS(ResultRepository)

public:
    explicit ResultRepository(Database& database);

    // Records a received result with its values. Flags not given are proposed: a value is
    // abnormal when it lies outside its reference range, the result when any value is.
    Result<ResultId> create(const TestResult& draft, const Actor& actor);
    Result<ResultId> create(TransactionGuard& transaction, const TestResult& draft,
                            const Actor& actor);

    // For every role: that a result exists and where it is in its lifecycle.
    Result<ResultStatusView> status(ResultId id) const;
    // A client's results, newest first.
    Result<std::vector<ResultStatusView>> statusesForClient(ClientId client) const;
    // Results in one lifecycle state, oldest first (the work still to do).
    Result<std::vector<ResultStatusView>> withStatus(ResultStatus status, int limit = 200,
                                                     int offset = 0) const;

    // Clinicians only (ReadClinicalContent); writes a "result.view" audit row.
    Result<TestResult> content(ResultId id, const Actor& actor);

    // Clinicians only (WriteClinicalContent). Each takes the result as it was read and
    // refuses a stale one with a Conflict; on success the result is updated in place.
    Status signOffSummary(TestResult& result, const QString& summary, const Actor& actor);
    Status confirmAbnormal(TestResult& result, bool abnormal, const Actor& actor);
    Status markReviewed(TestResult& result, const Actor& actor, const QDateTime& at = {});
    Status markCommunicated(TestResult& result, Channel channel, const Actor& actor,
                            const QDateTime& at = {});

    static constexpr const char* kViewAction = "result.view";

private:
    Status validate(const TestResult& draft) const;
    Result<TestResult> load(ResultId id) const;
    Result<std::vector<ResultStatusView>> statusList(const QString& where, const QString& order,
                                                     const QVariantList& values) const;
    Status change(TestResult& result, std::initializer_list<ResultStatus> allowedFrom,
                  const QString& refusal, const QString& assignments, const QVariantList& values,
                  const Actor& actor, const QString& auditAction);
    QString statusText(ResultStatus status) const;

    Database& m_database;
    AuditLog m_audit;
};

} // namespace aftercare
