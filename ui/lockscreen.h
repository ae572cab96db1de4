#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace aftercare {
class Session;
}

namespace aftercare::ui {

class MessageLabel;

// What a locked workstation shows: no client data, only who is signed in and the password
// field to continue (or to hand the desk to someone else by signing out).
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(Session& session, QWidget* parent = nullptr);

    // Called when the lock comes down: fresh fields, focus in the password.
    void prepare();

signals:
    void unlocked();
    void switchUserRequested();

private:
    void unlock();
    void updateWait();

    Session& m_session;
    QLabel* m_who;
    QLineEdit* m_userName;
    QLineEdit* m_password;
    QPushButton* m_unlock;
    QPushButton* m_switchUser;
    MessageLabel* m_error;
    QTimer* m_waitTimer;
};

} // namespace aftercare::ui
