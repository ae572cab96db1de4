#include "auth/actor.h"

#include <QSysInfo>

namespace aftercare {

Actor Actor::system()
{
    return Actor{UserId(), Role::Admin, QSysInfo::machineHostName()};
}

} // namespace aftercare
