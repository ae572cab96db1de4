#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/user.h"

class QPushButton;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class NewPasswordFields;

// Sets a new password for an account (a forgotten one, or a first password handed over in
// person), through UserRepository::setPassword.
class ResetPasswordDialog : public FormDialog
{
    Q_OBJECT

public:
    ResetPasswordDialog(Database& database, const Actor& actor, const User& user,
                        QWidget* parent = nullptr);

private:
    void save();

    Database& m_database;
    Actor m_actor;
    User m_user;
    NewPasswordFields* m_password;
    QPushButton* m_save;
    MessageLabel* m_error;
};

} // namespace aftercare::ui
