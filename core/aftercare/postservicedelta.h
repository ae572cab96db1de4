#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace aftercare {

class Database;

// Where one post-service step of a visit stands.
enum class StepState
{
    Done,
    Due,                    // applies and is not done yet
    NotApplicableByPolicy,  // the service type's policy leaves it out
    NotApplicableByConsent, // the client had not given the consent it needs
};

struct PostServiceStepState
{
    PostServiceStep step = PostServiceStep::QualityFollowUp;
    StepState state = StepState::NotApplicableByPolicy;
    std::optional<ConsentPurpose> consentNeeded; // surveys, community or marketing
    QDateTime doneAt;                            // Done only
    UserId doneBy;

    bool applies() const { return state == StepState::Done || state == StepState::Due; }
};

// The five steps after one completed visit and its delta (docs/metrics.md): applicable − done.
struct VisitDelta
{
    AppointmentId visit;
    ClientId client;
    QDateTime startsAt;
    QString serviceName;
    std::array<PostServiceStepState, 5> steps{}; // in the order of allOf<PostServiceStep>()
    int applicable = 0;
    int done = 0;

    int delta() const { return applicable - done; }
    const PostServiceStepState& step(PostServiceStep step) const;
};

// A client's completed visits, newest first, and the mean of their deltas (empty without
// visits).
struct ClientDelta
{
    ClientId client;
    std::vector<VisitDelta> visits;
    std::optional<double> mean;
};

// The post-service delta per visit and per client, and ticking the steps off.
//
// A step applies when the service type's policy includes it and, for the steps that need a
// consent (MetricFormulas::consentNeededFor: feedback request "surveys", community
// invitation "community", newsletter invitation "marketing"; the quality follow-up and the
// thank-you need none), the client's latest decision for that purpose on any channel,
// recorded by the visit's end and not withdrawn by then, is a grant. This is the rule the
// practice's delta in the monthly report (PostServiceMetrics) counts by, so a visit's delta
// here adds up to the report's mean.
class PostServiceDelta
{
    Q_DECLARE_TR_FUNCTIONS(PostServiceDelta)

public:
    explicit PostServiceDelta(Database& database);

    // The state of one step from its facts; pure.
    static StepState stateOf(PostServiceStep step, bool inPolicy, bool consentHeld, bool done);
    // The touchpoint kind a ticked step records ("thank_you", "newsletter_invite", ...).
    static QString touchpointKind(PostServiceStep step);

    Result<VisitDelta> forVisit(AppointmentId visit) const;
    Result<ClientDelta> forClient(ClientId client) const;

    // Marks a step done and records its touchpoint (stage "after"; channel as given, else
    // the client's preferred one) in one transaction. Refused when the step does not apply
    // to the visit, with the reason. Ticking a done step again changes nothing.
    Result<VisitDelta> tick(AppointmentId visit, PostServiceStep step, const Actor& actor,
                            std::optional<Channel> channel = std::nullopt,
                            const QDateTime& at = {});
    // Takes a tick back (the touchpoint stays: the contact happened, or was logged, then).
    Result<VisitDelta> untick(AppointmentId visit, PostServiceStep step, const Actor& actor);

private:
    Result<std::vector<VisitDelta>> load(const QString& where, const QVariantList& values) const;
    static QString consentRefusal(ConsentPurpose purpose);

    Database& m_database;
};

} // namespace aftercare
