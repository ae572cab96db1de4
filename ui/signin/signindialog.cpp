#include "signin/signindialog.h"

#include "common/messagelabel.h"
#include "signin/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

SignInDialog::SignInDialog(Session& session, const QString& practiceName, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_userName(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_error(new MessageLabel(this))
    , m_waitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(practiceName.isEmpty() ? tr("Aftercare — Sign in")
                                          : tr("%1 — Sign in").arg(practiceName));

    auto* heading = new QLabel(practiceName.isEmpty() ? tr("Aftercare") : practiceName, this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    auto* lead = new QLabel(tr("Sign in with your user name and password."), this);
    lead->setWordWrap(true);

    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_signIn->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("&Password:"), m_password);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    QPushButton* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));

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

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_waitTimer->setInterval(250);
    connect(m_waitTimer, &QTimer::timeout, this, &SignInDialog::updateWait);
    setTabOrder(m_userName, m_password);
    setTabOrder(m_password, m_signIn);
    setTabOrder(m_signIn, quit);
    m_userName->setFocus();
}

void SignInDialog::signIn()
{
    if (m_userName->text().trimmed().isEmpty()) {
        m_error->showError(tr("Please enter your user name."));
        m_userName->setFocus();
        return;
    }
    // Argon2 takes a moment on purpose; say so instead of looking frozen.
    setCursor(Qt::WaitCursor);
    m_signIn->setEnabled(false);
    auto user = m_session.signIn(m_userName->text(), m_password->text());
    unsetCursor();
    m_signIn->setEnabled(true);
    if (user) {
        m_error->clearMessage();
        accept();
        return;
    }
    m_error->showError(user.error().message);
    m_password->clear();
    m_password->setFocus();
    updateWait();
}

void SignInDialog::updateWait()
{
    const auto wait = m_session.waitBeforeNextAttempt();
    if (wait.count() <= 0) {
        m_waitTimer->stop();
        if (!m_signIn->isEnabled()) {
            m_signIn->setEnabled(true);
            m_error->showInfo(tr("You can try again now."));
        }
        return;
    }
    const int seconds = int((wait.count() + 999) / 1000);
    m_signIn->setEnabled(false);
    m_error->showError(
        tr("Too many failed attempts in a row. Please wait %n seconds before trying again.",
           nullptr, seconds));
    if (!m_waitTimer->isActive())
        m_waitTimer->start();
}

} // namespace aftercare::ui
