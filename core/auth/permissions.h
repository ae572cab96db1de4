#pragma once

#include "auth/actor.h"
#include "error.h"

namespace aftercare {

// What a role may do. Checked in core, so a hidden button is never the only guard.
enum class Permission
{
    FrontDesk,            // clients, bookings, invoices, reminders
    ReadClinicalContent,  // result values and summaries, call notes
    WriteClinicalContent, // enter results, sign off summaries, log calls
    ViewReports,          // the manager's metrics and drill-downs (no clinical content)
    ManageUsers,          // users, roles, passwords
    ManagePractice,       // service types and policies, practitioners, settings, backups
};

bool allows(Role role, Permission permission);

class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)

public:
    // ok, or a Permission error naming what was refused.
    static Status require(const Actor& actor, Permission permission);
};

} // namespace aftercare
