#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QString>

namespace aftercare {

// Who is doing something: the signed-in user, their role and their workstation. Core
// checks permissions and writes audit rows from it.
struct Actor
{
    UserId user;
    Role role = Role::Reception;
    QString workstation;

    // Batch work started from the command line (import, demo): no person, admin rights.
    static Actor system();
};

} // namespace aftercare
