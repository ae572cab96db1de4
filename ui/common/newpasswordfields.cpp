#include "common/newpasswordfields.h"

#include "auth/passwordhasher.h"

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

bool NewPasswordFields::isAcceptable() const
{
    return PasswordHasher::checkStrength(m_password->text()).has_value() &&
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
        text = tr("At least 8 characters.");
    } else if (auto strong = PasswordHasher::checkStrength(m_password->text()); !strong) {
        text = strong.error().message;
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
