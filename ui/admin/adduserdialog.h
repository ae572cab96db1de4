#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/ids.h"

class QComboBox;
class QPushButton;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class NewAccountFields;

// A new account with its role and first password, created through UserRepository (which
// checks that the actor may manage users). Stays open with the reason when that fails.
class AddUserDialog : public FormDialog
{
    Q_OBJECT

public:
    AddUserDialog(Database& database, const Actor& actor, QWidget* parent = nullptr);

    UserId createdUser() const { return m_created; }

private:
    void updateButton();
    void create();

    Database& m_database;
    Actor m_actor;
    NewAccountFields* m_account;
    QComboBox* m_role;
    QPushButton* m_create;
    MessageLabel* m_error;
    UserId m_created;
};

} // namespace aftercare::ui
