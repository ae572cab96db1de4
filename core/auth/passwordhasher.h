#pragma once

#include "error.h"

#include <QString>

namespace aftercare {

// Argon2id password hashes through libsodium, in its self-describing string form
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so the cost can be raised later.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHasher)

public:
    enum class Cost
    {
        Interactive,
        Moderate
    };

    static Result<QString> hash(const QString& password, Cost cost = Cost::Interactive);
    static bool verify(const QString& hash, const QString& password);
    // A password we accept for an account: strong enough by PasswordStrength (libpwquality),
    // and not containing the account's user name when it is given.
    static Status checkStrength(const QString& password, const QString& userName = {});
};

} // namespace aftercare
