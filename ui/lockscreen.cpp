#include "lockscreen.h"

#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "signin/session.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

LockScreen::LockScreen(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_who(new QLabel(this))
    , m_userName(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_unlock(new QPushButton(tr("&Unlock"), this))
    , m_switchUser(new QPushButton(tr("S&witch user"), this))
    , m_error(new MessageLabel(this))
    , m_waitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground); // the stylesheet paints the whole screen
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("lockCard"));

    auto* heading = new QLabel(tr("Locked — sign in to continue"), card);
    heading->setObjectName(QStringLiteral("lockHeading"));
    heading->setWordWrap(true);
    m_who->setObjectName(QStringLiteral("lockUserLabel"));
    m_who->setWordWrap(true);
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_userName->setReadOnly(true); // the same user continues; anyone else signs out first
    m_userName->setFocusPolicy(Qt::NoFocus);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_switchUser->setObjectName(QStringLiteral("switchUserButton"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_unlock->setDefault(true);
    m_unlock->setAutoDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("User name:"), m_userName);
    form->addRow(tr("&Password:"), m_password);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_switchUser);
    buttons->addStretch();
    buttons->addWidget(m_unlock);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->addWidget(heading);
    cardLayout->addWidget(m_who);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_error);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(buttons);
    card->setMaximumWidth(fontMetrics().averageCharWidth() * 70);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto* row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(card, 3);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(3);

    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(m_switchUser, &QPushButton::clicked, this, &LockScreen::switchUserRequested);
    m_waitTimer->setInterval(250);
    connect(m_waitTimer, &QTimer::timeout, this, &LockScreen::updateWait);
    setTabOrder(m_password, m_unlock);
    setTabOrder(m_unlock, m_switchUser);
}

void LockScreen::prepare()
{
    if (m_session.isSignedIn()) {
        const User& user = m_session.user();
        m_userName->setText(user.username);
        m_who->setText(tr("%1 (%2) is signed in at this workstation.")
                           .arg(user.displayName, roleName(user.role)));
    }
    m_password->clear();
    m_error->clearMessage();
    updateWait();
    m_password->setFocus();
}

void LockScreen::unlock()
{
    if (!m_unlock->isEnabled())
        return;
    setCursor(Qt::WaitCursor);
    auto user = m_session.confirm(m_password->text());
    unsetCursor();
    m_password->clear();
    if (!user) {
        m_error->showError(user.error().message);
        m_password->setFocus();
        updateWait();
        return;
    }
    m_error->clearMessage();
    emit unlocked();
}

void LockScreen::updateWait()
{
    const auto wait = m_session.waitBeforeNextAttempt();
    if (wait.count() <= 0) {
        m_waitTimer->stop();
        m_unlock->setEnabled(true);
        return;
    }
    m_unlock->setEnabled(false);
    m_error->showError(
        tr("Too many failed attempts in a row. Please wait %n seconds before trying again.",
           nullptr, int((wait.count() + 999) / 1000)));
    if (!m_waitTimer->isActive())
        m_waitTimer->start();
}

} // namespace aftercare::ui
