#pragma once

#include "auth/actor.h"
#include "domain/client.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// A client's contact details, editable. Each field says what is wrong with it as one types;
// Save stays off until the form is valid and changed. Saving checks row_version: when another
// desk saved the client meanwhile, nothing is overwritten, the message names who and when,
// and what was typed stays in the form (Reload fetches the other desk's version).
class ProfileDetails : public QWidget
{
    Q_OBJECT

public:
    ProfileDetails(Database& database, const Actor& actor, QWidget* parent = nullptr);

    void showClient(const Client& client);
    const Client& client() const { return m_client; }

signals:
    void saved(aftercare::ClientId client);
    void reloadRequested();

private:
    QLabel* fieldError(const QString& name);
    void validate();
    void save();
    Client edited(bool* valid) const;

    Database& m_database;
    Actor m_actor;
    Client m_client;
    bool m_filling = false;
    QLineEdit* m_first;
    QLineEdit* m_last;
    QLineEdit* m_birth;
    QLineEdit* m_email;
    QLineEdit* m_phone;
    QPlainTextEdit* m_address;
    QComboBox* m_channel;
    QLineEdit* m_expectations;
    QLabel* m_nameError;
    QLabel* m_birthError;
    QLabel* m_emailError;
    QLabel* m_phoneError;
    MessageLabel* m_message;
    QPushButton* m_save;
    QPushButton* m_reload;
};

} // namespace aftercare::ui
