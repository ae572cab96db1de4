#pragma once

#include "auth/actor.h"
#include "domain/user.h"
#include "error.h"

#include <vector>

namespace aftercare {

class Database;

// Accounts, roles and sign-in.
class UserRepository
{
    Q_DECLARE_TR_FUNCTIONS(UserRepository)

public:
    explicit UserRepository(Database& database);

    Result<int> count() const;
    // The first administrator of a new practice: allowed only while there is no user.
    Result<UserId> createFirstAdmin(const QString& username, const QString& displayName,
                                    const QString& password);
    // Needs ManageUsers.
    Result<UserId> create(const Actor& actor, const QString& username, const QString& displayName,
                          Role role, const QString& password);
    Status setPassword(const Actor& actor, UserId id, const QString& password);
    Status setActive(const Actor& actor, UserId id, bool active);
    // The user when the name and password match an active account. The message does not
    // tell which of the two was wrong.
    Result<User> authenticate(const QString& username, const QString& password) const;
    Result<User> get(UserId id) const;
    Result<std::vector<User>> all() const;

private:
    Result<UserId> insert(const QString& username, const QString& displayName, Role role,
                          const QString& password);

    Database& m_database;
};

} // namespace aftercare
