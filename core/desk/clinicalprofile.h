#pragma once

#include "auth/actor.h"
#include "domain/callattempt.h"
#include "domain/client.h"
#include "domain/feedback.h"
#include "domain/followuptask.h"
#include "error.h"
#include "repositories/resultrepository.h"

#include <QCoreApplication>

#include <vector>

namespace aftercare {

class Database;

// One follow-up task of a client with the calls made on it.
struct ClinicalCall
{
    FollowUpTask task;
    QString reason;                    // the worklist's "why", without clinical content
    std::vector<CallAttempt> attempts; // oldest first, with their notes
};

// What a clinician knows about one client: their results with status and summary, every
// follow-up call and its outcomes, and every answer they gave.
struct ClinicalProfile
{
    Client client;
    std::vector<DiscussedResult> results; // newest first
    std::vector<ClinicalCall> calls;      // newest deadline first
    std::vector<Feedback> feedback;       // newest first
};

// Reads a client's clinical profile. Clinicians only (ReadClinicalContent; the desk sees a
// result's status in the client's profile, never its content). The view is audited: a
// "client.clinical_view" row for the profile, a "result.view" row for each result and a
// "task.view" row for each task whose call notes it shows, written before anything is returned.
class ClinicalProfileReader
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalProfileReader)

public:
    static constexpr const char* kViewAction = "client.clinical_view";

    explicit ClinicalProfileReader(Database& database);

    Result<ClinicalProfile> read(ClientId client, const Actor& actor);

private:
    Database& m_database;
};

} // namespace aftercare
