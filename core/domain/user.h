#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QString>

namespace aftercare {

// A person who signs in to Aftercare. The password hash never leaves the repository.
struct User
{
    UserId id;
    QString username;
    QString displayName;
    Role role = Role::Reception;
    bool active = true;
    int rowVersion = 0;
};

} // namespace aftercare
