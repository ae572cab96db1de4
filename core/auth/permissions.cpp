#include "auth/permissions.h"

namespace aftercare {

bool allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::FrontDesk:
        return true;
    case Permission::ReadClinicalContent:
    case Permission::WriteClinicalContent:
        return role == Role::Clinician;
    case Permission::ViewReports:
        return role == Role::Manager || role == Role::Admin;
    case Permission::ManageUsers:
    case Permission::ManagePractice:
        return role == Role::Admin;
    }
    return false;
}

Status Permissions::require(const Actor& actor, Permission permission)
{
    if (allows(actor.role, permission))
        return {};
    switch (permission) {
    case Permission::ReadClinicalContent:
        return fail(Error::permission(tr("Only clinicians may read clinical content.")));
    case Permission::WriteClinicalContent:
        return fail(Error::permission(tr("Only clinicians may record clinical content.")));
    case Permission::ViewReports:
        return fail(Error::permission(tr("Only managers and administrators may see the reports.")));
    case Permission::ManageUsers:
        return fail(Error::permission(tr("Only administrators may manage users.")));
    case Permission::ManagePractice:
        return fail(Error::permission(tr("Only administrators may change the practice settings.")));
    case Permission::FrontDesk:
        break;
    }
    return fail(Error::permission(tr("This action is not allowed for your role.")));
}

} // namespace aftercare
