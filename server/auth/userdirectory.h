#pragma once

#include "auth/role.h"
#include "domain/result.h"

#include <QString>
#include <QStringList>

namespace karvan::hq {

class Database;

struct NewUser
{
    QString login;
    Role role = Role::Rep;
    QStringList territories; // territory codes the user covers (reps, managers)
};

struct UserRecord
{
    QString id; // UUIDv7
    QString login;
    Role role = Role::Rep;
    bool active = true;
    QString createdAt; // UTC ISO 8601
    QStringList territories; // sorted
};

// HQ users: logins, roles, territories and password hashes. Every change is written to the
// audit trail in the same transaction; the audit entry never contains the password hash.
class UserDirectory
{
public:
    explicit UserDirectory(Database &db)
        : m_db(db)
    { }

    // Logins are case-insensitive and stored in lower case: 1 to 64 of a-z, 0-9, '.', '_',
    // '-', '@', starting with a letter or digit. Returns the normalized login.
    static Result<QString> normalizeLogin(const QString &login);
    // Territory codes: 1 to 32 of A-Z, 0-9, '_', '-' (stored upper case).
    static Result<QString> normalizeTerritory(const QString &code);

    // Adds a user. Refuses (Conflict) a login that exists, before spending time on the hash.
    // actor is who is doing it, for the audit trail.
    Result<UserRecord> add(const NewUser &user, const QString &password, const QString &actor);

    // Adds a user with an already computed PasswordHash string (checked to be one). Meant for
    // `init --demo` only: every demo login has the same well-known password, so hashing it once
    // and storing the same salt for all of them reveals nothing an attacker does not already
    // know, and saves ~0.3 s per user. Real users get their own salt through add().
    Result<UserRecord> addWithPasswordHash(const NewUser &user, const QString &storedHash,
                                           const QString &actor);

    // The user with this login (NotFound otherwise).
    Result<UserRecord> find(const QString &login);
    Result<qint64> count();

    // Whether password is this user's password; false for an unknown or inactive login (the
    // hash is still computed, so timing does not reveal which logins exist).
    Result<bool> checkPassword(const QString &login, const QString &password);

private:
    Result<UserRecord> insert(const NewUser &user, const QString &password,
                              const QString &storedHash, const QString &actor);
    Database &m_db;
};

} // namespace karvan::hq
