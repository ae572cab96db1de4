#include "admin/resetpassworddialog.h"

#include "common/messagelabel.h"
#include "common/newpasswordfields.h"
#include "repositories/userrepository.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

ResetPasswordDialog::ResetPasswordDialog(Database& database, const Actor& actor, const User& user,
                                         QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_user(user)
    , m_password(new NewPasswordFields(this))
    , m_save(new QPushButton(tr("&Set password"), this))
    , m_error(new MessageLabel(this))
{
    setObjectName(QStringLiteral("resetPasswordDialog"));
    setWindowTitle(tr("New password for %1").arg(user.displayName));
    setWindowModality(Qt::WindowModal);
    m_save->setObjectName(QStringLiteral("setPasswordButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_password->setUserName(user.username);

    auto* lead = new QLabel(tr("Choose a new password for %1 (%2). Tell it to them in person; "
                               "their old password stops working at once.")
                                .arg(user.displayName, user.username),
                            this);
    lead->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_save->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_password->addRowsTo(form);
    layout->addWidget(lead);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    // The dialog grows with what it has to say (error and hint lines), never squeezing the
    // fields; its width follows the font.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_password->firstField()->setMinimumWidth(
        m_password->firstField()->fontMetrics().averageCharWidth() * 36);

    connect(m_password, &NewPasswordFields::changed, this,
            [this] { m_save->setEnabled(m_password->isAcceptable()); });
    connect(m_save, &QPushButton::clicked, this, &ResetPasswordDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_password->firstField(), m_password->lastField());
    setTabOrder(m_password->lastField(), m_save);
    setTabOrder(m_save, cancel);
    m_save->setEnabled(false);
    m_password->firstField()->setFocus();
}

void ResetPasswordDialog::save()
{
    if (!m_save->isEnabled())
        return;
    auto saved = UserRepository(m_database).setPassword(m_actor, m_user.id, m_password->password());
    if (!saved) {
        m_error->showError(saved.error().message);
        return;
    }
    accept();
}

} // namespace aftercare::ui
