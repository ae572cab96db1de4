#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "workspace.h"

class QPushButton;
class QTableView;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class UserModel;

// Users and roles: add an account, reset a password, deactivate and reactivate. Every change
// goes through UserRepository, which checks the actor's role itself.
class AdminWorkspace : public Workspace
{
    Q_OBJECT

public:
    AdminWorkspace(Database& database, const Actor& actor, QWidget* parent = nullptr);

    UserModel* userModel() const { return m_users; }

private:
    void addUser();
    void resetPassword();
    void toggleActive();
    void updateButtons();
    void reloadSelecting(UserId id);
    int selectedRow() const;

    Database& m_database;
    Actor m_actor;
    UserModel* m_users;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_reset;
    QPushButton* m_toggle;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
