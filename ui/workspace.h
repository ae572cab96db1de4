#pragma once

#include "domain/ids.h"

#include <QWidget>

namespace aftercare::ui {

// One area of the main window (Today, Reception, Follow-up, Reports, Administration). Each is
// built with the Database and the signed-in Actor, shown for the roles its registration
// names (workspaceregistry.cpp), and kept alive while the window lives so that switching and
// locking never lose what is on screen.
//
// Dialogs of a workspace are opened with open(), not exec(): the idle lock hides them and
// shows them again on unlock, which a nested event loop would not survive.
class Workspace : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Whether this workspace has the client finder that Ctrl+K / Ctrl+F jump to.
    virtual bool offersClientSearch() const { return false; }
    // Puts the keyboard focus into the client finder (only if offersClientSearch()).
    virtual void focusClientSearch() {}

signals:
    // The user asked to see a client's profile (a drill-down row double-clicked, say); the
    // main window opens it where the user's role may see it.
    void clientProfileRequested(aftercare::ClientId client);
};

} // namespace aftercare::ui
