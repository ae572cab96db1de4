#include "admin/usermodel.h"

#include "common/vocabularytext.h"
#include "repositories/userrepository.h"

#include <QBrush>
#include <QPalette>

namespace aftercare::ui {

UserModel::UserModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{}

Status UserModel::reload()
{
    auto users = UserRepository(m_database).all();
    beginResetModel();
    m_loaded = true;
    if (users)
        m_users = std::move(*users);
    else
        m_users.clear();
    endResetModel();
    if (!users) {
        emit loadFailed(users.error().message);
        return fail(users.error());
    }
    return {};
}

// Nothing is read until a view asks: the workspace is built at sign-in, the list only when
// an administrator opens it.
bool UserModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loaded;
}

void UserModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto users = UserRepository(m_database).all();
    m_loaded = true;
    if (!users) {
        emit loadFailed(users.error().message);
        return;
    }
    if (users->empty())
        return;
    beginInsertRows({}, 0, int(users->size()) - 1);
    m_users = std::move(*users);
    endInsertRows();
}

const User* UserModel::userAt(int row) const
{
    return row >= 0 && row < int(m_users.size()) ? &m_users[std::size_t(row)] : nullptr;
}

int UserModel::rowOf(UserId id) const
{
    for (std::size_t i = 0; i < m_users.size(); ++i)
        if (m_users[i].id == id)
            return int(i);
    return -1;
}

int UserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserModel::data(const QModelIndex& index, int role) const
{
    const User* user = index.isValid() ? userAt(index.row()) : nullptr;
    if (!user)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UserNameColumn:
            return user->username;
        case DisplayNameColumn:
            return user->displayName;
        case RoleColumn:
            return roleName(user->role);
        case StatusColumn:
            return user->active ? tr("Active") : tr("Deactivated");
        }
    } else if (role == Qt::ForegroundRole && !user->active) {
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    } else if (role == UserIdRole) {
        return qlonglong(user->id.value());
    }
    return {};
}

QVariant UserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserNameColumn:
        return tr("User name");
    case DisplayNameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace aftercare::ui
