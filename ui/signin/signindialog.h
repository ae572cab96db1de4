#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace aftercare {
class Session;
}

namespace aftercare::ui {

class MessageLabel;

// Asks for user name and password and signs the user in to the session. A refused attempt
// says so, keeps the name and clears the password; after Session::kFreeAttempts refusals in
// a row the button waits out the session's delay, counting down.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(Session& session, const QString& practiceName, QWidget* parent = nullptr);

private:
    void signIn();
    void updateWait();

    Session& m_session;
    QLineEdit* m_userName;
    QLineEdit* m_password;
    QPushButton* m_signIn;
    MessageLabel* m_error;
    QTimer* m_waitTimer;
};

} // namespace aftercare::ui
