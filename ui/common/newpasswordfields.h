#pragma once

#include <QObject>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace aftercare::ui {

// A new password typed twice, with its strength checked as it is typed
// (PasswordHasher::checkStrength). Used wherever a password is set; its rows go into the
// form of the dialog that uses it, so they line up with the other fields.
class NewPasswordFields : public QObject
{
    Q_OBJECT

public:
    explicit NewPasswordFields(QWidget* parent);

    void addRowsTo(QFormLayout* form);
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
