#include "aftercare/postservicedelta.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/touchpoint.h"
#include "metrics/metricformulas.h"
#include "repositories/postservicesteprepository.h"
#include "repositories/touchpointrepository.h"

#include <QHash>
#include <QSqlQuery>

namespace aftercare {

namespace {

constexpr auto kSteps = allOf<PostServiceStep>();

std::size_t indexOf(PostServiceStep step)
{
    for (std::size_t i = 0; i < kSteps.size(); ++i)
        if (kSteps[i] == step)
            return i;
    return 0;
}

} // namespace

const PostServiceStepState& VisitDelta::step(PostServiceStep step) const
{
    return steps[indexOf(step)];
}

PostServiceDelta::PostServiceDelta(Database& database)
    : m_database(database)
{}

StepState PostServiceDelta::stateOf(PostServiceStep step, bool inPolicy, bool consentHeld,
                                    bool done)
{
    if (!MetricFormulas::stepApplies(step, inPolicy, consentHeld))
        return inPolicy ? StepState::NotApplicableByConsent : StepState::NotApplicableByPolicy;
    return done ? StepState::Done : StepState::Due;
}

QString PostServiceDelta::touchpointKind(PostServiceStep step)
{
    switch (step) {
    case PostServiceStep::QualityFollowUp:
        return QStringLiteral("quality_followup");
    case PostServiceStep::FeedbackRequest:
        return TouchpointKind::kSurveyRequest;
    case PostServiceStep::ThankYou:
        return TouchpointKind::kThankYou;
    case PostServiceStep::CommunityInvite:
        return TouchpointKind::kCommunityInvite;
    case PostServiceStep::NewsletterInvite:
        return TouchpointKind::kNewsletterInvite;
    }
    return {};
}

Result<std::vector<VisitDelta>> PostServiceDelta::load(const QString& where,
                                                       const QVariantList& values) const
{
    constexpr ConsentPurpose purposes[] = {ConsentPurpose::Surveys, ConsentPurpose::Community,
                                           ConsentPurpose::Marketing};
    auto query = m_database.run(
        QStringLiteral("SELECT a.id, a.client_id, a.starts_at, st.name, st.step_quality_followup, "
                       "st.step_feedback_request, st.step_thank_you, st.step_community_invite, "
                       "st.step_newsletter_invite, %1, %2, %3 "
                       "FROM appointments a JOIN service_types st ON st.id = a.service_type_id "
                       "WHERE a.status = 'completed' AND %4 ORDER BY a.starts_at DESC, a.id DESC")
            .arg(MetricFormulas::consentHeldSql(purposes[0]),
                 MetricFormulas::consentHeldSql(purposes[1]),
                 MetricFormulas::consentHeldSql(purposes[2]), where),
        values);
    if (!query)
        return fail(query.error());
    std::vector<VisitDelta> visits;
    QHash<qint64, std::size_t> byId;
    std::vector<std::array<bool, 5>> policies;
    std::vector<std::array<bool, 3>> consents; // in the order of `purposes`
    while (query->next()) {
        VisitDelta v;
        v.visit = AppointmentId(query->value(0).toLongLong());
        v.client = ClientId(query->value(1).toLongLong());
        v.startsAt = SqlTime::toDateTime(query->value(2));
        v.serviceName = query->value(3).toString();
        std::array<bool, 5> policy{};
        for (std::size_t i = 0; i < policy.size(); ++i)
            policy[i] = query->value(4 + int(i)).toBool();
        std::array<bool, 3> held{};
        for (std::size_t i = 0; i < held.size(); ++i)
            held[i] = query->value(9 + int(i)).toBool();
        byId.insert(v.visit.value(), visits.size());
        visits.push_back(std::move(v));
        policies.push_back(policy);
        consents.push_back(held);
    }
    if (visits.empty())
        return visits;

    // The steps done, for the same visits.
    auto done = m_database.run(
        QStringLiteral("SELECT s.appointment_id, s.step, s.done_at, s.done_by "
                       "FROM post_service_steps s JOIN appointments a ON a.id = s.appointment_id "
                       "WHERE a.status = 'completed' AND %1")
            .arg(where),
        values);
    if (!done)
        return fail(done.error());
    std::vector<std::array<std::optional<std::pair<QDateTime, UserId>>, 5>> doneSteps(
        visits.size());
    while (done->next()) {
        const auto step = parseSqlName<PostServiceStep>(done->value(1).toString());
        if (!step)
            continue;
        doneSteps[byId.value(done->value(0).toLongLong())][indexOf(*step)] =
            std::pair{SqlTime::toDateTime(done->value(2)), UserId::fromVariant(done->value(3))};
    }

    for (std::size_t v = 0; v < visits.size(); ++v) {
        VisitDelta& visit = visits[v];
        for (std::size_t i = 0; i < kSteps.size(); ++i) {
            PostServiceStepState& s = visit.steps[i];
            s.step = kSteps[i];
            s.consentNeeded = MetricFormulas::consentNeededFor(s.step);
            bool held = false;
            for (std::size_t p = 0; p < std::size(purposes); ++p)
                held = held || (s.consentNeeded == purposes[p] && consents[v][p]);
            s.state = stateOf(s.step, policies[v][i], held, doneSteps[v][i].has_value());
            if (s.state == StepState::Done) {
                s.doneAt = doneSteps[v][i]->first;
                s.doneBy = doneSteps[v][i]->second;
                ++visit.done;
            }
            if (s.applies())
                ++visit.applicable;
        }
    }
    return visits;
}

QString PostServiceDelta::consentRefusal(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::Surveys:
        return tr("The client has not agreed to be asked for feedback.");
    case ConsentPurpose::Community:
        return tr("The client has not agreed to community invitations.");
    case ConsentPurpose::Marketing:
        return tr("The client has not agreed to receive the newsletter.");
    default:
        break;
    }
    return tr("The client has not given the consent this step needs.");
}

Result<VisitDelta> PostServiceDelta::forVisit(AppointmentId visit) const
{
    auto found = load(QStringLiteral("a.id = ?"), {visit.toVariant()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(
            tr("There is no completed visit with the number %1.").arg(visit.value())));
    return found->front();
}

Result<ClientDelta> PostServiceDelta::forClient(ClientId client) const
{
    // The client's visits are found through appointments_client_start_idx.
    auto visits = load(QStringLiteral("a.client_id = ?"), {client.toVariant()});
    if (!visits)
        return fail(visits.error());
    ClientDelta result;
    result.client = client;
    result.visits = std::move(*visits);
    if (!result.visits.empty()) {
        double sum = 0;
        for (const VisitDelta& v : result.visits)
            sum += v.delta();
        result.mean = sum / double(result.visits.size());
    }
    return result;
}

Result<VisitDelta> PostServiceDelta::tick(AppointmentId visit, PostServiceStep step,
                                          const Actor& actor, std::optional<Channel> channel,
                                          const QDateTime& at)
{
    const QDateTime when = at.isValid() ? at : QDateTime::currentDateTime();
    auto ticked = m_database.write([&](TransactionGuard& tx) -> Status {
        auto current = forVisit(visit);
        if (!current)
            return fail(current.error());
        const PostServiceStepState& state = current->step(step);
        switch (state.state) {
        case StepState::Done:
            return {};
        case StepState::NotApplicableByPolicy:
            return fail(Error::validation(
                tr("This step is not part of the after-care of %1.").arg(current->serviceName)));
        case StepState::NotApplicableByConsent:
            return fail(Error::validation(consentRefusal(*state.consentNeeded)));
        case StepState::Due:
            break;
        }
        if (auto done =
                PostServiceStepRepository(m_database).markDone(tx, visit, step, actor, when);
            !done)
            return done;
        Touchpoint touchpoint;
        touchpoint.client = current->client;
        touchpoint.occurredAt = when;
        touchpoint.stage = JourneyStage::After;
        touchpoint.kind = touchpointKind(step);
        touchpoint.appointment = visit;
        if (channel) {
            touchpoint.channel = *channel;
        } else {
            auto preferred = m_database.scalar(
                QStringLiteral("SELECT preferred_channel FROM clients WHERE id = ?"),
                {current->client.toVariant()});
            if (!preferred)
                return fail(preferred.error());
            touchpoint.channel = channelOf(parseSqlName<ContactChannel>(preferred->toString())
                                               .value_or(ContactChannel::Email));
        }
        return toStatus(TouchpointRepository(m_database).record(tx, touchpoint, actor));
    });
    if (!ticked)
        return fail(ticked.error());
    return forVisit(visit);
}

Result<VisitDelta> PostServiceDelta::untick(AppointmentId visit, PostServiceStep step,
                                            const Actor& actor)
{
    if (auto undone = PostServiceStepRepository(m_database).undo(visit, step, actor); !undone)
        return fail(undone.error());
    return forVisit(visit);
}

} // namespace aftercare
