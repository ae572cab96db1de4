#pragma once

#include "auth/actor.h"
#include "domain/user.h"
#include "error.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <chrono>
#include <optional>

namespace aftercare {

class Database;

// Who is signed in at this workstation. Also the brake on guessing passwords: after
// kFreeAttempts failures in a row, every further attempt must wait, a little longer each time.
class Session
{
    Q_DECLARE_TR_FUNCTIONS(Session)

public:
    static constexpr int kFreeAttempts = 5;
    static constexpr std::chrono::seconds kFirstDelay{5};
    static constexpr std::chrono::seconds kLongestDelay{60};
    static constexpr double kDefaultIdleLockMinutes = 5;

    explicit Session(Database& database);

    // Checks the name and password; on success the user is signed in and the failure count
    // starts again. Refused without checking while a delay is running.
    Result<User> signIn(const QString& username, const QString& password);
    // Checks the signed-in user's password again, to unlock the workstation.
    Result<User> confirm(const QString& password);
    void signOut();

    bool isSignedIn() const { return m_user.has_value(); }
    // Only while signed in.
    const User& user() const { return *m_user; }
    Actor actor() const;

    int failuresInARow() const { return m_failures; }
    // How long until the next attempt is accepted; zero when it may be made now.
    std::chrono::milliseconds waitBeforeNextAttempt() const;

    // practice_settings 'lock.idle_minutes' (fractions allowed), 5 minutes when unset or not
    // a positive number.
    Result<std::chrono::milliseconds> idleLockAfter() const;

private:
    Result<User> attempt(const QString& username, const QString& password);

    Database& m_database;
    std::optional<User> m_user;
    int m_failures = 0;
    QDeadlineTimer m_nextAttempt;
};

} // namespace aftercare
