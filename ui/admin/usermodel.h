#pragma once

#include "domain/user.h"
#include "error.h"

#include <QAbstractTableModel>

#include <vector>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// The practice's user accounts for the administration workspace, read through
// UserRepository when the workspace is first shown and after every change. A practice has
// tens of accounts, not thousands, so one read is the whole list.
class UserModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        UserNameColumn,
        DisplayNameColumn,
        RoleColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1
    };

    explicit UserModel(Database& database, QObject* parent = nullptr);

    Status reload();
    const User* userAt(int row) const;
    int rowOf(UserId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void loadFailed(const QString& message);

private:
    Database& m_database;
    std::vector<User> m_users;
    bool m_loaded = false;
};

} // namespace aftercare::ui
