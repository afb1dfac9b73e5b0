#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>

namespace karvan::hq {

class Database;

// Throttles password guessing per login: after MaxFailures failed logins within WindowS
// seconds, further attempts for that login are refused until the oldest of those failures
// leaves the window. The failures live in the database (login_failures), so every HQ instance
// on one PostgreSQL database sees the same count. While a login is refused no new failures
// are recorded, so a locked login unlocks on its own.
class LoginThrottle
{
public:
    static constexpr int MaxFailures = 5;
    static constexpr qint64 WindowS = 15 * 60;

    explicit LoginThrottle(Database &db)
        : m_db(db)
    { }

    // Seconds until login may try again; 0 when it may try now.
    Result<qint64> retryAfterS(const QString &login, const QDateTime &now);
    // Inside the caller's transaction: one more failure (and drops this login's expired ones).
    Result<void> recordFailure(const QString &login, const QDateTime &now);
    // Inside the caller's transaction: a successful login forgets the failures.
    Result<void> clear(const QString &login);

private:
    Database &m_db;
};

} // namespace karvan::hq
