#include "repositories/userrepository.h"

#include "auth/passwordhasher.h"
#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kUserColumns =
    QStringLiteral("id, username, display_name, role, active, row_version");

User userFromRow(const QSqlQuery& q)
{
    return User{UserId(q.value(0).toLongLong()),
                q.value(1).toString(),
                q.value(2).toString(),
                parseSqlName<Role>(q.value(3).toString()).value_or(Role::Reception),
                q.value(4).toBool(),
                q.value(5).toInt()};
}

} // namespace

UserRepository::UserRepository(Database& database)
    : m_database(database)
{}

Result<int> UserRepository::count() const
{
    auto n = m_database.scalar(QStringLiteral("SELECT count(*) FROM users"));
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<UserId> UserRepository::insert(const QString& username, const QString& displayName,
                                      Role role, const QString& password)
{
    const QString name = username.trimmed().toLower();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        return fail(Error::validation(tr("A user name must not be empty or contain spaces.")));
    if (auto strong = PasswordHasher::checkStrength(password, name); !strong)
        return fail(strong.error());
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return fail(hash.error());
    auto query = m_database.run(
        QStringLiteral("INSERT INTO users (username, display_name, password_hash, role, "
                       "active, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {name, displayName.trimmed().isEmpty() ? name : displayName.trimmed(), *hash, sqlName(role),
         true, SqlTime::toSql(QDateTime::currentDateTime())});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message = tr("The user name %1 is taken.").arg(name);
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new user's id.")});
    return UserId(query->value(0).toLongLong());
}

Result<UserId> UserRepository::createFirstAdmin(const QString& username, const QString& displayName,
                                                const QString& password)
{
    return m_database.write([&](TransactionGuard&) -> Result<UserId> {
        auto existing = count();
        if (!existing)
            return fail(existing.error());
        if (*existing > 0)
            return fail(Error::permission(
                tr("This practice has users already; an administrator must add new ones.")));
        return insert(username, displayName, Role::Admin, password);
    });
}

Result<UserId> UserRepository::create(const Actor& actor, const QString& username,
                                      const QString& displayName, Role role,
                                      const QString& password)
{
    if (auto allowed = Permissions::require(actor, Permission::ManageUsers); !allowed)
        return fail(allowed.error());
    return m_database.write(
        [&](TransactionGuard&) { return insert(username, displayName, role, password); });
}

Status UserRepository::setPassword(const Actor& actor, UserId id, const QString& password)
{
    if (actor.user != id) {
        if (auto allowed = Permissions::require(actor, Permission::ManageUsers); !allowed)
            return allowed;
    }
    auto username = m_database.scalar(QStringLiteral("SELECT username FROM users WHERE id = ?"),
                                      {id.toVariant()});
    if (!username)
        return fail(username.error());
    if (auto strong = PasswordHasher::checkStrength(password, username->toString()); !strong)
        return strong;
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return fail(hash.error());
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral(
                "UPDATE users SET password_hash = ?, row_version = row_version + 1 WHERE id = ?"),
            {*hash, id.toVariant()});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(Error::notFound(tr("There is no such user.")));
        return {};
    });
}

Status UserRepository::setActive(const Actor& actor, UserId id, bool active)
{
    if (auto allowed = Permissions::require(actor, Permission::ManageUsers); !allowed)
        return allowed;
    if (!active && actor.user == id)
        return fail(Error::validation(tr("You cannot deactivate your own account.")));
    return m_database.write([&](TransactionGuard&) -> Status {
        return toStatus(m_database.run(
            QStringLiteral(
                "UPDATE users SET active = ?, row_version = row_version + 1 WHERE id = ?"),
            {active, id.toVariant()}));
    });
}

Result<User> UserRepository::authenticate(const QString& username, const QString& password) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1, password_hash FROM users WHERE username = ?").arg(kUserColumns),
        {username.trimmed().toLower()});
    if (!query)
        return fail(query.error());
    const Error refused = Error::permission(tr("The user name or the password is not right."));
    if (!query->next()) {
        // Spend the same time as a real check, so timing does not reveal which names exist.
        PasswordHasher::verify(
            QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                           "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"),
            password);
        return fail(refused);
    }
    const User user = userFromRow(*query);
    if (!PasswordHasher::verify(query->value(6).toString(), password))
        return fail(refused);
    if (!user.active)
        return fail(Error::permission(tr("This account has been deactivated.")));
    return user;
}

Result<User> UserRepository::get(UserId id) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {id.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no such user.")));
    return userFromRow(*query);
}

Result<std::vector<User>> UserRepository::all() const
{
    return m_database.collect(
        QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kUserColumns), {},
        userFromRow);
}

} // namespace aftercare
