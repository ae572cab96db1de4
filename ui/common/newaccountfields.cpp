#include "common/newaccountfields.h"

#include "common/newpasswordfields.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace aftercare::ui {

NewAccountFields::NewAccountFields(QWidget* parent)
    : QObject(parent)
    , m_userName(new QLineEdit(parent))
    , m_displayName(new QLineEdit(parent))
    , m_password(new NewPasswordFields(parent))
{
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    // User names are one word; the repository stores them in lower case.
    m_userName->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S{0,64}")), this));
    m_displayName->setPlaceholderText(tr("e.g. Maria Schneider"));
    // The form's width follows the font, never squeezing the fields.
    m_userName->setMinimumWidth(m_userName->fontMetrics().averageCharWidth() * 36);

    connect(m_userName, &QLineEdit::textChanged, this, &NewAccountFields::changed);
    // The password must not contain the user name being chosen.
    connect(m_userName, &QLineEdit::textChanged, m_password, &NewPasswordFields::setUserName);
    connect(m_password, &NewPasswordFields::changed, this, &NewAccountFields::changed);
}

void NewAccountFields::addNameRowsTo(QFormLayout* form)
{
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("&Full name:"), m_displayName);
}

void NewAccountFields::addPasswordRowsTo(QFormLayout* form)
{
    m_password->addRowsTo(form);
}

void NewAccountFields::chainTabOrder(QWidget* between)
{
    QWidget::setTabOrder(m_userName, m_displayName);
    QWidget* last = m_displayName;
    if (between) {
        QWidget::setTabOrder(last, between);
        last = between;
    }
    QWidget::setTabOrder(last, m_password->firstField());
    QWidget::setTabOrder(m_password->firstField(), m_password->lastField());
}

QString NewAccountFields::userName() const
{
    return m_userName->text();
}

QString NewAccountFields::displayName() const
{
    return m_displayName->text();
}

QString NewAccountFields::password() const
{
    return m_password->password();
}

bool NewAccountFields::isAcceptable() const
{
    return !m_userName->text().trimmed().isEmpty() && m_password->isAcceptable();
}

QWidget* NewAccountFields::lastField() const
{
    return m_password->lastField();
}

} // namespace aftercare::ui
