#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace aftercare::ui {

// A new password typed twice, with its strength checked as it is typed
// (PasswordHasher::checkStrength). Used wherever a password is set.
class NewPasswordFields : public QWidget
{
    Q_OBJECT

public:
    explicit NewPasswordFields(QWidget* parent = nullptr);

    QString password() const;
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
};

} // namespace aftercare::ui
