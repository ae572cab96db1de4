#include "signin/firstrundialog.h"

#include "common/messagelabel.h"
#include "common/newaccountfields.h"
#include "repositories/userrepository.h"
#include "signin/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

FirstRunDialog::FirstRunDialog(Database& database, Session& session, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_session(session)
    , m_account(new NewAccountFields(this))
    , m_create(new QPushButton(tr("&Create and sign in"), this))
    , m_error(new MessageLabel(this))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Aftercare — Welcome"));

    auto* heading = new QLabel(tr("Welcome to Aftercare"), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    auto* lead =
        new QLabel(tr("This practice has no users yet. Create the first administrator account: "
                      "it can add everyone else and give them their roles."),
                   this);
    lead->setWordWrap(true);

    m_create->setObjectName(QStringLiteral("createAdminButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_account->firstField()->setPlaceholderText(tr("e.g. admin"));

    auto* form = new QFormLayout;
    m_account->addNameRowsTo(form);
    m_account->addPasswordRowsTo(form);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    QPushButton* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_create->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(lead);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    // The dialog grows with what it has to say (error and hint lines).
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_account, &NewAccountFields::changed, this, &FirstRunDialog::updateButton);
    connect(m_create, &QPushButton::clicked, this, &FirstRunDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_account->chainTabOrder();
    setTabOrder(m_account->lastField(), m_create);
    setTabOrder(m_create, quit);
    m_account->firstField()->setFocus();
    updateButton();
}

void FirstRunDialog::updateButton()
{
    m_create->setEnabled(m_account->isAcceptable());
}

void FirstRunDialog::create()
{
    if (!m_create->isEnabled())
        return;
    auto created = UserRepository(m_database)
                       .createFirstAdmin(m_account->userName(), m_account->displayName(),
                                         m_account->password());
    if (!created) {
        m_error->showError(created.error().message);
        return;
    }
    auto signedIn = m_session.signIn(m_account->userName(), m_account->password());
    if (!signedIn) {
        m_error->showError(signedIn.error().message);
        return;
    }
    accept();
}

} // namespace aftercare::ui
