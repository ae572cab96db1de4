#include "signin/session.h"

#include "database/database.h"
#include "repositories/userrepository.h"

#include <QSysInfo>

#include <algorithm>
#include <cmath>

namespace aftercare {

Session::Session(Database& database)
    : m_database(database)
{}

std::chrono::milliseconds Session::waitBeforeNextAttempt() const
{
    if (m_nextAttempt.isForever() || m_nextAttempt.hasExpired())
        return std::chrono::milliseconds{0};
    return std::chrono::milliseconds{m_nextAttempt.remainingTime()};
}

Result<User> Session::attempt(const QString& username, const QString& password)
{
    if (const auto wait = waitBeforeNextAttempt(); wait.count() > 0) {
        const int seconds = int((wait.count() + 999) / 1000);
        return fail(
            Error::permission(tr("Too many attempts. Please wait %n seconds.", nullptr, seconds)));
    }
    auto user = UserRepository(m_database).authenticate(username, password);
    if (!user) {
        // Only a refusal counts; a database that is away is not a guess.
        if (user.error().kind == ErrorKind::Permission && ++m_failures >= kFreeAttempts) {
            const int doublings = std::min(m_failures - kFreeAttempts, 8);
            const auto delay =
                std::min<std::chrono::milliseconds>(kFirstDelay * (1 << doublings), kLongestDelay);
            m_nextAttempt = QDeadlineTimer(delay);
        }
        return user;
    }
    m_failures = 0;
    m_nextAttempt = QDeadlineTimer(QDeadlineTimer::Forever);
    return user;
}

Result<User> Session::signIn(const QString& username, const QString& password)
{
    auto user = attempt(username, password);
    if (user)
        m_user = *user;
    return user;
}

Result<User> Session::confirm(const QString& password)
{
    if (!m_user)
        return fail(Error::permission(tr("Nobody is signed in.")));
    auto user = attempt(m_user->username, password);
    if (user)
        m_user = *user;
    return user;
}

void Session::signOut()
{
    m_user.reset();
}

Actor Session::actor() const
{
    if (!m_user)
        return Actor{UserId(), Role::Reception, QSysInfo::machineHostName()};
    return Actor{m_user->id, m_user->role, QSysInfo::machineHostName()};
}

Result<std::chrono::milliseconds> Session::idleLockAfter() const
{
    auto value =
        m_database.scalar(QStringLiteral("SELECT value FROM practice_settings WHERE key = ?"),
                          {QStringLiteral("lock.idle_minutes")});
    if (!value)
        return fail(value.error());
    bool ok = false;
    double minutes = value->toString().trimmed().toDouble(&ok);
    if (!ok || !(minutes > 0) || !std::isfinite(minutes))
        minutes = kDefaultIdleLockMinutes;
    return std::chrono::milliseconds{qint64(std::llround(std::min(minutes, 24.0 * 60) * 60'000))};
}

} // namespace aftercare
