#pragma once

#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace aftercare::ui {

// A new password typed twice, with its strength checked as it is typed (PasswordStrength,
// libpwquality) and the reason shown when it is too easy to guess. Used wherever a password is set;
// its rows go into the form of the dialog that uses it, so they line up with the other fields.
class NewPasswordFields : public QObject
{
    Q_OBJECT

public:
    explicit NewPasswordFields(QWidget* parent);

    void addRowsTo(QFormLayout* form);
    QString password() const;
    // The account's user name, which the password must not contain.
    void setUserName(const QString& userName);
    // Strong enough and typed the same twice.
    bool isAcceptable() const;
    void clear();
    QLineEdit* firstField() const { return m_password; }
    QLineEdit* lastField() const { return m_repeat; }

signals:
    void changed();

private:
    void updateHint();

    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_hint;
    QString m_userName;
};

} // namespace aftercare::ui
