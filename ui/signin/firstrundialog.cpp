#include "signin/firstrundialog.h"

#include "auth/session.h"
#include "common/messagelabel.h"
#include "common/newpasswordfields.h"
#include "repositories/userrepository.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace aftercare::ui {

FirstRunDialog::FirstRunDialog(Database& database, Session& session, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_session(session)
    , m_userName(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_password(new NewPasswordFields(this))
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

    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_create->setObjectName(QStringLiteral("createAdminButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    // User names are one word; the repository stores them in lower case.
    m_userName->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S{0,64}")), this));
    m_userName->setPlaceholderText(tr("e.g. admin"));
    m_displayName->setPlaceholderText(tr("e.g. Maria Schneider"));

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("&Full name:"), m_displayName);
    m_password->addRowsTo(form);

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
    // The dialog grows with what it has to say (error and hint lines), never squeezing the
    // fields; its width follows the font.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_userName->setMinimumWidth(m_userName->fontMetrics().averageCharWidth() * 36);

    connect(m_userName, &QLineEdit::textChanged, this, &FirstRunDialog::updateButton);
    connect(m_password, &NewPasswordFields::changed, this, &FirstRunDialog::updateButton);
    connect(m_create, &QPushButton::clicked, this, &FirstRunDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_userName, m_displayName);
    setTabOrder(m_displayName, m_password->firstField());
    setTabOrder(m_password->firstField(), m_password->lastField());
    setTabOrder(m_password->lastField(), m_create);
    setTabOrder(m_create, quit);
    m_userName->setFocus();
    updateButton();
}

void FirstRunDialog::updateButton()
{
    m_create->setEnabled(!m_userName->text().trimmed().isEmpty() && m_password->isAcceptable());
}

void FirstRunDialog::create()
{
    if (!m_create->isEnabled())
        return;
    auto created =
        UserRepository(m_database)
            .createFirstAdmin(m_userName->text(), m_displayName->text(), m_password->password());
    if (!created) {
        m_error->showError(created.error().message);
        return;
    }
    auto signedIn = m_session.signIn(m_userName->text(), m_password->password());
    if (!signedIn) {
        m_error->showError(signedIn.error().message);
        return;
    }
    accept();
}

} // namespace aftercare::ui
