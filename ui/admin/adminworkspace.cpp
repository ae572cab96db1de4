#include "admin/adminworkspace.h"

#include "admin/adduserdialog.h"
#include "admin/resetpassworddialog.h"
#include "admin/usermodel.h"
#include "common/messagelabel.h"
#include "repositories/userrepository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace aftercare::ui {

AdminWorkspace::AdminWorkspace(Database& database, const Actor& actor, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_actor(actor)
    , m_users(new UserModel(database, this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add user…"), this))
    , m_reset(new QPushButton(tr("&Reset password…"), this))
    , m_toggle(new QPushButton(tr("&Deactivate"), this))
    , m_message(new MessageLabel(this))
{
    auto* heading = new QLabel(tr("Users and roles"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto* lead = new QLabel(
        tr("Everyone who signs in to Aftercare has an account here. The role decides which "
           "workspaces they see; deactivated accounts can no longer sign in."),
        this);
    lead->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("userTable"));
    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_toggle->setObjectName(QStringLiteral("toggleActiveButton"));
    m_message->setObjectName(QStringLiteral("adminMessageLabel"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_add->setToolTip(tr("Add a user (Ctrl+N)"));

    m_table->setModel(m_users);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setAccessibleName(tr("Users"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_toggle);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(lead);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &AdminWorkspace::addUser);
    connect(m_reset, &QPushButton::clicked, this, &AdminWorkspace::resetPassword);
    connect(m_toggle, &QPushButton::clicked, this, &AdminWorkspace::toggleActive);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AdminWorkspace::updateButtons);
    connect(m_users, &QAbstractItemModel::modelReset, this, &AdminWorkspace::updateButtons);
    connect(m_users, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_table->currentIndex().isValid() && m_users->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_users, &UserModel::loadFailed, m_message, &MessageLabel::showError);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_reset);
    setTabOrder(m_reset, m_toggle);
    setFocusProxy(m_table);
    updateButtons();
}

int AdminWorkspace::selectedRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AdminWorkspace::updateButtons()
{
    const User* user = m_users->userAt(selectedRow());
    m_reset->setEnabled(user != nullptr);
    m_toggle->setEnabled(user != nullptr && user->id != m_actor.user);
    m_toggle->setText(user && !user->active ? tr("Re&activate") : tr("&Deactivate"));
    m_toggle->setToolTip(user && user->id == m_actor.user
                             ? tr("You cannot deactivate your own account.")
                             : QString());
}

void AdminWorkspace::reloadSelecting(UserId id)
{
    m_users->reload();
    const int row = m_users->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    updateButtons();
}

void AdminWorkspace::addUser()
{
    auto* dialog = new AddUserDialog(m_database, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        reloadSelecting(dialog->createdUser());
        if (const User* user = m_users->userAt(m_users->rowOf(dialog->createdUser())))
            m_message->showSuccess(
                tr("%1 can now sign in as “%2”.").arg(user->displayName, user->username));
        m_table->setFocus();
    });
    dialog->open();
}

void AdminWorkspace::resetPassword()
{
    const User* user = m_users->userAt(selectedRow());
    if (!user)
        return;
    const User chosen = *user;
    auto* dialog = new ResetPasswordDialog(m_database, m_actor, chosen, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, chosen] {
        m_message->showSuccess(tr("The password of %1 has been changed.").arg(chosen.displayName));
        m_table->setFocus();
    });
    dialog->open();
}

void AdminWorkspace::toggleActive()
{
    const User* user = m_users->userAt(selectedRow());
    if (!user)
        return;
    const User chosen = *user;
    auto done = UserRepository(m_database).setActive(m_actor, chosen.id, !chosen.active);
    if (!done) {
        m_message->showError(done.error().message);
        return;
    }
    reloadSelecting(chosen.id);
    m_message->showSuccess(chosen.active ? tr("%1 can no longer sign in.").arg(chosen.displayName)
                                         : tr("%1 can sign in again.").arg(chosen.displayName));
}

} // namespace aftercare::ui
