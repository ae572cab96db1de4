#pragma once

#include "common/formdialog.h"

class QPushButton;

namespace aftercare {
class Database;
class Session;
} // namespace aftercare

namespace aftercare::ui {

class MessageLabel;
class NewAccountFields;

// A new practice has no users: this creates its first administrator
// (UserRepository::createFirstAdmin) and signs them in.
class FirstRunDialog : public FormDialog
{
    Q_OBJECT

public:
    FirstRunDialog(Database& database, Session& session, QWidget* parent = nullptr);

private:
    void updateButton();
    void create();

    Database& m_database;
    Session& m_session;
    NewAccountFields* m_account;
    QPushButton* m_create;
    MessageLabel* m_error;
};

} // namespace aftercare::ui
