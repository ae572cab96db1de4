#include "admin/adduserdialog.h"

#include "common/messagelabel.h"
#include "common/newpasswordfields.h"
#include "common/vocabularytext.h"
#include "repositories/userrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace aftercare::ui {

AddUserDialog::AddUserDialog(Database& database, const Actor& actor, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_userName(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new NewPasswordFields(this))
    , m_create(new QPushButton(tr("&Add user"), this))
    , m_error(new MessageLabel(this))
{
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(tr("Add user"));
    setWindowModality(Qt::WindowModal);
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_create->setObjectName(QStringLiteral("createUserButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_userName->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S{0,64}")), this));
    for (Role role : {Role::Reception, Role::Clinician, Role::Manager, Role::Admin})
        m_role->addItem(roleName(role), sqlName(role));

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("&Full name:"), m_displayName);
    form->addRow(tr("R&ole:"), m_role);
    m_password->addRowsTo(form);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_create->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    // The dialog grows with what it has to say (error and hint lines), never squeezing the
    // fields; its width follows the font.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_userName->setMinimumWidth(m_userName->fontMetrics().averageCharWidth() * 36);

    connect(m_userName, &QLineEdit::textChanged, this, &AddUserDialog::updateButton);
    connect(m_password, &NewPasswordFields::changed, this, &AddUserDialog::updateButton);
    connect(m_create, &QPushButton::clicked, this, &AddUserDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_userName, m_displayName);
    setTabOrder(m_displayName, m_role);
    setTabOrder(m_role, m_password->firstField());
    setTabOrder(m_password->firstField(), m_password->lastField());
    setTabOrder(m_password->lastField(), m_create);
    setTabOrder(m_create, cancel);
    m_userName->setFocus();
    updateButton();
}

void AddUserDialog::updateButton()
{
    m_create->setEnabled(!m_userName->text().trimmed().isEmpty() && m_password->isAcceptable());
}

void AddUserDialog::create()
{
    if (!m_create->isEnabled())
        return;
    const Role role =
        parseSqlName<Role>(m_role->currentData().toString()).value_or(Role::Reception);
    auto created = UserRepository(m_database)
                       .create(m_actor, m_userName->text(), m_displayName->text(), role,
                               m_password->password());
    if (!created) {
        m_error->showError(created.error().message);
        return;
    }
    m_created = *created;
    accept();
}

} // namespace aftercare::ui
