#pragma once

#include "domain/ids.h"

#include <QString>

namespace aftercare {

// A person who delivers services and has a diary of appointments; may also sign in.
struct Practitioner
{
    PractitionerId id;
    QString name;
    UserId user; // the practitioner's own account, if they have one
    bool active = true;
    int rowVersion = 0;
};

} // namespace aftercare
