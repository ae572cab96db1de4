#pragma once

#include "auth/actor.h"
#include "error.h"
#include "reception/onboardingdraft.h"

#include <QCoreApplication>

#include <vector>

namespace aftercare {

class Database;

// Registers a new client at the desk. The client, their consents, the onboarding touchpoint
// and the first booking (with its own touchpoint, journey stage and planner effects, as any
// booking) are written in one transaction: when any of it fails, nothing is left behind.
class OnboardingService
{
    Q_DECLARE_TR_FUNCTIONS(OnboardingService)

public:
    static constexpr int kDuplicateLimit = 20;

    OnboardingService(Database& database, const Actor& actor);

    // Clients who may be the same person: same name (as the finder folds it) and date of
    // birth, or the same e-mail address, or the same phone number (as a national number).
    Result<std::vector<DuplicateCandidate>> duplicates(const Client& client) const;
    Result<OnboardingOutcome> onboard(const OnboardingDraft& draft);

private:
    Database& m_database;
    Actor m_actor;
};

} // namespace aftercare
