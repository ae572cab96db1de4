#pragma once

#include "auth/actor.h"
#include "domain/resultstatusview.h"
#include "domain/summaryversion.h"
#include "domain/testresult.h"
#include "error.h"
#include "repositories/auditlog.h"

#include <QDateTime>

#include <functional>
#include <initializer_list>
#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// A result with the last time it was talked through with the client: a reached call on a
// follow-up task about it (invalid when there was none).
struct DiscussedResult
{
    TestResult result;
    QDateTime discussedAt;
};

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
    // Clinicians only: the same client's earlier results of the same test (received before
    // this one), newest first, at most `limit`; a "result.view" audit row for each.
    Result<std::vector<DiscussedResult>>
    earlierResults(const TestResult& result, const Actor& actor, int limit = kEarlierResults);
    // Clinicians only: every result of a client with its content, newest first; a
    // "result.view" audit row for each.
    Result<std::vector<DiscussedResult>> contentForClient(ClientId client, const Actor& actor);
    // Clinicians only: every signed-off version of the result's summary, oldest first (the
    // last is the current one); a "result.view" audit row.
    Result<std::vector<SummaryVersion>> summaryVersions(const TestResult& result,
                                                        const Actor& actor);

    // Clinicians only (WriteClinicalContent). Each takes the result as it was read and
    // refuses a stale one with a Conflict; on success the result is updated in place.
    // Signing off keeps the text as a new version of the summary (unless it is the signed
    // text already); refused once the result was communicated (see reviseSummary()).
    Status signOffSummary(TestResult& result, const QString& summary, const Actor& actor);
    // A communicated result's summary changes only as a new version, signed off by the actor
    // now, with the reason it changes; the earlier versions stay readable.
    Status reviseSummary(TestResult& result, const QString& summary, const QString& reason,
                         const Actor& actor);
    Status confirmAbnormal(TestResult& result, bool abnormal, const Actor& actor);
    Status markReviewed(TestResult& result, const Actor& actor, const QDateTime& at = {});
    Status markCommunicated(TestResult& result, Channel channel, const Actor& actor,
                            const QDateTime& at = {});

    static constexpr const char* kViewAction = "result.view";
    static constexpr int kEarlierResults = 12;

private:
    Status validate(const TestResult& draft) const;
    Result<TestResult> load(ResultId id) const;
    Result<QDateTime> discussedAt(ResultId id) const;
    // Loads each result with its discussion, auditing each as viewed.
    Result<std::vector<DiscussedResult>> loadViewed(TransactionGuard& transaction,
                                                    const std::vector<ResultId>& ids,
                                                    const Actor& actor, const QString& detail);
    // Keeps `summary` as the next version of the result's summary, first saving a summary
    // signed off before versions were kept as version 1.
    Status addSummaryVersion(ResultId id, const QString& summary, const Actor& actor,
                             const QVariant& signedAt, const QString& reason);
    Result<std::vector<ResultStatusView>> statusList(const QString& where, const QString& order,
                                                     const QVariantList& values) const;
    Status change(TestResult& result, std::initializer_list<ResultStatus> allowedFrom,
                  const QString& refusal, const QString& assignments, const QVariantList& values,
                  const Actor& actor, const QString& auditAction,
                  const std::function<Status()>& alongside = {});
    QString statusText(ResultStatus status) const;

    Database& m_database;
    AuditLog m_audit;
};

} // namespace aftercare
