#include "workspaceregistry.h"

#include "admin/adminworkspace.h"
#include "dashboard/dashboardworkspace.h"
#include "followup/followupworkspace.h"
#include "reception/receptionworkspace.h"
#include "today/todaypage.h"

#include <QCoreApplication>

#include <algorithm>

namespace aftercare::ui {

bool WorkspaceRegistration::isFor(Role role) const
{
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::vector<WorkspaceRegistration> registeredWorkspaces()
{
    const std::vector<Role> everyone{Role::Reception, Role::Clinician, Role::Manager, Role::Admin};
    return {
        // First in the list, so that it is the clinician's first screen: the calls due today.
        {QStringLiteral("followup"),
         [] { return QCoreApplication::translate("Workspaces", "Follow-up"); },
         {Role::Clinician},
         [](const WorkspaceContext& c, QWidget* parent) -> Workspace* {
             return new FollowUpWorkspace(c.database, c.actor, parent);
         },
         true},
        {QStringLiteral("today"), [] { return QCoreApplication::translate("Workspaces", "Today"); },
         everyone,
         [](const WorkspaceContext& c, QWidget* parent) -> Workspace* {
             return new TodayPage(c.database, c.actor, parent);
         }},
        {QStringLiteral("reception"),
         [] { return QCoreApplication::translate("Workspaces", "Reception"); },
         {Role::Reception, Role::Admin},
         [](const WorkspaceContext& c, QWidget* parent) -> Workspace* {
             return new ReceptionWorkspace(c.database, c.actor, parent);
         },
         true},
        {QStringLiteral("dashboard"),
         [] { return QCoreApplication::translate("Workspaces", "Dashboard"); },
         {Role::Manager, Role::Admin},
         [](const WorkspaceContext& c, QWidget* parent) -> Workspace* {
             return new DashboardWorkspace(c.database, c.actor, parent);
         }},
        {QStringLiteral("administration"),
         [] { return QCoreApplication::translate("Workspaces", "Administration"); },
         {Role::Admin},
         [](const WorkspaceContext& c, QWidget* parent) -> Workspace* {
             return new AdminWorkspace(c.database, c.actor, parent);
         }},
    };
}

} // namespace aftercare::ui
