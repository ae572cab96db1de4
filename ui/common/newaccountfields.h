#pragma once

#include <QObject>

class QFormLayout;
class QLineEdit;
class QWidget;

namespace aftercare::ui {

class NewPasswordFields;

// The fields of a new user account: a one-word user name, the full name shown to colleagues,
// and the password typed twice (NewPasswordFields). Shared by the first-run dialog and the
// administrator's "Add user"; the rows go into the dialog's own form.
class NewAccountFields : public QObject
{
    Q_OBJECT

public:
    explicit NewAccountFields(QWidget* parent);

    void addNameRowsTo(QFormLayout* form);
    void addPasswordRowsTo(QFormLayout* form);
    // Tab order through the fields, with `between` (e.g. a role) after the names.
    void chainTabOrder(QWidget* between = nullptr);

    QString userName() const;
    QString displayName() const;
    QString password() const;
    // A user name and a strong password typed the same twice.
    bool isAcceptable() const;
    QLineEdit* firstField() const { return m_userName; }
    QWidget* lastField() const;

signals:
    void changed();

private:
    QLineEdit* m_userName;
    QLineEdit* m_displayName;
    NewPasswordFields* m_password;
};

} // namespace aftercare::ui
