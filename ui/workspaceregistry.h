#pragma once

#include "auth/actor.h"
#include "domain/user.h"

#include <QKeySequence>
#include <QString>

#include <functional>
#include <vector>

class QWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class Workspace;

// What a workspace is built with.
struct WorkspaceContext
{
    Database& database;
    Actor actor;
    User user;
};

struct WorkspaceRegistration
{
    QString key;                    // stable name: objectName of the page, and for tests
    std::function<QString()> title; // translated when the window is built
    std::vector<Role> roles;        // who sees it
    std::function<Workspace*(const WorkspaceContext&, QWidget* parent)> create;
    // Ctrl+K leads here (the workspace's focusClientSearch()); known before it is built.
    bool offersClientSearch = false;

    bool isFor(Role role) const;
};

// Every workspace of the main window, in the order of the navigation. To add one, write a
// Workspace subclass in ui/<workspace>/ and append its registration here.
std::vector<WorkspaceRegistration> registeredWorkspaces();

} // namespace aftercare::ui
