#include "desk/clinicalprofile.h"

#include "aftercare/taskreason.h"
#include "auth/permissions.h"
#include "database/database.h"
#include "desk/callservice.h"
#include "repositories/auditlog.h"
#include "repositories/clientrepository.h"
#include "repositories/feedbackrepository.h"
#include "repositories/followuptaskrepository.h"

namespace aftercare {

ClinicalProfileReader::ClinicalProfileReader(Database& database)
    : m_database(database)
{}

Result<ClinicalProfile> ClinicalProfileReader::read(ClientId id, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    ClinicalProfile profile;
    auto client = ClientRepository(m_database).get(id);
    if (!client)
        return fail(client.error());
    profile.client = std::move(*client);

    FollowUpTaskRepository taskRepository(m_database);
    auto tasks = taskRepository.forClient(id);
    if (!tasks)
        return fail(tasks.error());
    // Logged before anything is read that the audit rows speak of: a view that was not
    // logged did not happen.
    if (auto logged = m_database.write([&](TransactionGuard& tx) -> Status {
            AuditLog audit(m_database);
            if (auto done = audit.record(tx, actor, QLatin1String(kViewAction),
                                         QStringLiteral("clients"), id.value(), id);
                !done)
                return done;
            for (const FollowUpTask& task : *tasks) {
                if (auto done = audit.record(tx, actor, QLatin1String(CallService::kViewAction),
                                             QStringLiteral("followup_tasks"), task.id.value(), id,
                                             QStringLiteral("clinical profile"));
                    !done)
                    return done;
            }
            return {};
        });
        !logged)
        return fail(logged.error());

    auto results = ResultRepository(m_database).contentForClient(id, actor);
    if (!results)
        return fail(results.error());
    profile.results = std::move(*results);

    for (FollowUpTask& task : *tasks) {
        ClinicalCall call;
        TaskReason::Facts facts;
        facts.kind = task.kind;
        for (const DiscussedResult& r : profile.results) {
            if (r.result.id == task.result) {
                facts.testName = r.result.testName;
                facts.receivedOn = r.result.receivedAt.date();
            }
        }
        call.reason = TaskReason::text(facts);
        auto attempts = taskRepository.callAttempts(task.id, actor);
        if (!attempts)
            return fail(attempts.error());
        call.attempts = std::move(*attempts);
        call.task = std::move(task);
        profile.calls.push_back(std::move(call));
    }

    auto feedback = FeedbackRepository(m_database).forClient(id);
    if (!feedback)
        return fail(feedback.error());
    profile.feedback = std::move(*feedback);
    return profile;
}

} // namespace aftercare
