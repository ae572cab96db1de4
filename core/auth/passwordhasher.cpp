#include "auth/passwordhasher.h"

#include "auth/passwordstrength.h"

#include <sodium.h>

namespace aftercare {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> PasswordHasher::hash(const QString& password, Cost cost)
{
    if (!sodiumReady())
        return fail(
            Error{ErrorKind::Database, tr("The cryptography library could not be initialised.")});
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const auto ops = cost == Cost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                               : crypto_pwhash_OPSLIMIT_MODERATE;
    const auto mem = cost == Cost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                               : crypto_pwhash_MEMLIMIT_MODERATE;
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(Error{ErrorKind::Database, tr("Not enough memory to hash the password.")});
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& hash, const QString& password)
{
    if (!sodiumReady())
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

Status PasswordHasher::checkStrength(const QString& password, const QString& userName)
{
    return PasswordStrength::require(password, userName);
}

} // namespace aftercare
