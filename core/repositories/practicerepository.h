#pragma once

#include "repositories/practicesettingsrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"

namespace aftercare {

// The three repositories of the practice (practitioners, service types, settings) under the
// one name the follow-up planner, the call service and the dashboard still use; new code
// takes the repository of its subject.
class PracticeRepository : public PractitionerRepository,
                           public ServiceTypeRepository,
                           public PracticeSettingsRepository
{
public:
    explicit PracticeRepository(Database& database)
        : PractitionerRepository(database)
        , ServiceTypeRepository(database)
        , PracticeSettingsRepository(database)
    {}
};

} // namespace aftercare
