#include "common/newpasswordfields.h"

#include "auth/passwordstrength.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

namespace aftercare::ui {

NewPasswordFields::NewPasswordFields(QWidget* parent)
    : QObject(parent)
    , m_password(new QLineEdit(parent))
    , m_repeat(new QLineEdit(parent))
    , m_hint(new QLabel(parent))
{
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_hint->setObjectName(QStringLiteral("passwordHintLabel"));
    for (QLineEdit* field : {m_password, m_repeat})
        field->setEchoMode(QLineEdit::Password);
    m_hint->setWordWrap(true);

    QWidget::setTabOrder(m_password, m_repeat);

    connect(m_password, &QLineEdit::textChanged, this, [this] {
        updateHint();
        emit changed();
    });
    connect(m_repeat, &QLineEdit::textChanged, this, [this] {
        updateHint();
        emit changed();
    });
    updateHint();
}

void NewPasswordFields::addRowsTo(QFormLayout* form)
{
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat password:"), m_repeat);
    form->addRow(QString(), m_hint);
}

QString NewPasswordFields::password() const
{
    return m_password->text();
}

void NewPasswordFields::setUserName(const QString& userName)
{
    if (userName == m_userName)
        return;
    m_userName = userName;
    updateHint();
    emit changed();
}

bool NewPasswordFields::isAcceptable() const
{
    return PasswordStrength::check(m_password->text(), m_userName).isStrongEnough() &&
           m_password->text() == m_repeat->text();
}

void NewPasswordFields::clear()
{
    m_password->clear();
    m_repeat->clear();
}

void NewPasswordFields::updateHint()
{
    QString text;
    const char* state = "info";
    if (m_password->text().isEmpty()) {
        text = tr("At least %n characters, hard to guess: not a dictionary word, a simple "
                  "pattern or the user name. Several unrelated words work well.",
                  nullptr, PasswordStrength::kMinimumLength);
    } else if (const PasswordVerdict verdict =
                   PasswordStrength::check(m_password->text(), m_userName);
               !verdict.isStrongEnough()) {
        // The library's reason, in the user's language.
        text = PasswordStrength::describe(verdict.weakness);
        state = "warning";
    } else if (m_repeat->text().isEmpty()) {
        text = tr("Strong enough. Now type it once more.");
    } else if (m_repeat->text() != m_password->text()) {
        text = tr("The two passwords are not the same yet.");
        state = "warning";
    } else {
        text = tr("Strong enough, and both are the same.");
        state = "good";
    }
    m_hint->setText(text);
    // The stylesheet colours the hint by this property.
    m_hint->setProperty("messageKind", QString::fromLatin1(state));
    m_hint->style()->unpolish(m_hint);
    m_hint->style()->polish(m_hint);
}

} // namespace aftercare::ui
