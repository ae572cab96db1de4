#include "admin/adduserdialog.h"

#include "common/messagelabel.h"
#include "common/newaccountfields.h"
#include "common/vocabularytext.h"
#include "repositories/userrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

AddUserDialog::AddUserDialog(Database& database, const Actor& actor, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_account(new NewAccountFields(this))
    , m_role(new QComboBox(this))
    , m_create(new QPushButton(tr("&Add user"), this))
    , m_error(new MessageLabel(this))
{
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(tr("Add user"));
    setWindowModality(Qt::WindowModal);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_create->setObjectName(QStringLiteral("createUserButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    for (Role role : {Role::Reception, Role::Clinician, Role::Manager, Role::Admin})
        m_role->addItem(roleName(role), sqlName(role));

    auto* form = new QFormLayout;
    m_account->addNameRowsTo(form);
    form->addRow(tr("R&ole:"), m_role);
    m_account->addPasswordRowsTo(form);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_create->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    // The dialog grows with what it has to say (error and hint lines).
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_account, &NewAccountFields::changed, this, &AddUserDialog::updateButton);
    connect(m_create, &QPushButton::clicked, this, &AddUserDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_account->chainTabOrder(m_role);
    setTabOrder(m_account->lastField(), m_create);
    setTabOrder(m_create, cancel);
    m_account->firstField()->setFocus();
    updateButton();
}

void AddUserDialog::updateButton()
{
    m_create->setEnabled(m_account->isAcceptable());
}

void AddUserDialog::create()
{
    if (!m_create->isEnabled())
        return;
    const Role role =
        parseSqlName<Role>(m_role->currentData().toString()).value_or(Role::Reception);
    auto created = UserRepository(m_database)
                       .create(m_actor, m_account->userName(), m_account->displayName(), role,
                               m_account->password());
    if (!created) {
        m_error->showError(created.error().message);
        return;
    }
    m_created = *created;
    accept();
}

} // namespace aftercare::ui
