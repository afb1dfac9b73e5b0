#pragma once

#include "auth/userdirectory.h"
#include "domain/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace karvan::hq {

class Database;

// One enrolled device (a phone, tablet or kiosk that signed in).
struct DeviceRecord
{
    QString id; // UUIDv7
    QString userId;
    QString login; // the owner's login
    QString name;
    QString createdAt; // UTC ISO 8601
    QString lastSeenAt;
    QString revokedAt; // empty while the device is active
    bool revoked() const { return !revokedAt.isEmpty(); }
};

// Who is calling: the user behind a valid bearer token and the device it was issued to.
struct Caller
{
    UserRecord user;
    DeviceRecord device;
};

// The outcome of resolving a bearer token. Only Valid carries a caller.
struct TokenResolution
{
    enum Status {
        Valid,
        Unknown, // no device has this token (never issued, or garbage)
        Revoked, // the device was revoked: it must wipe its local data
        UserDisabled, // the user was deactivated: same consequence for the device
    };
    Status status = Unknown;
    Caller caller;
};

// Device enrollment and bearer tokens. A token is 32 random bytes (base64url, 43 characters)
// handed to the device once; the database keeps only its SHA-256, so neither the database nor
// the audit trail can be used to sign in. Every enrollment and revocation is audited in the
// same transaction as the change.
class DeviceRegistry
{
public:
    explicit DeviceRegistry(Database &db)
        : m_db(db)
    { }

    static constexpr int MaxNameLength = 100;
    // last_seen_at is written at most this often per device, so authenticated reads stay
    // reads.
    static constexpr qint64 LastSeenResolutionS = 60;
    // Stamps due are written together, at most this often per database: 1,000 devices
    // arriving at once cost one write transaction, not 1,000 (docs/benchmarks.md).
    static constexpr qint64 LastSeenFlushMs = 2000;

    static QString newToken();
    static QString tokenHash(const QString &token);

    struct Enrollment
    {
        DeviceRecord device;
        QString token; // the only time the clear token exists
        bool reenrolled = false; // an existing device of this user got a fresh token
    };
    // Enrolls a device for user inside the caller's transaction (an error outside one).
    // requestedId, when not empty, is the device's own UUIDv7: a device of the same user that
    // is not revoked gets a fresh token (the old one stops working); a revoked id or another
    // user's id is a Conflict.
    Result<Enrollment> enroll(const UserRecord &user, const QString &name,
                              const QString &requestedId, const QString &actor);

    // The caller behind token. Also refreshes last_seen_at when it is older than
    // LastSeenResolutionS: the stamp is written with the others due at most LastSeenFlushMs
    // later, by a later request or list() (a failure there is ignored).
    Result<TokenResolution> resolve(const QString &token);
    // Writes the last-seen stamps still waiting (list() does this first).
    Result<void> flushLastSeen();

    // Revokes a device in its own transaction and audits it. NotFound for an unknown id,
    // Conflict when it is already revoked.
    Result<DeviceRecord> revoke(const QString &deviceId, const QString &actor);
    Result<DeviceRecord> find(const QString &deviceId);
    Result<QList<DeviceRecord>> list();

private:
    void noteSeen(const QString &deviceId, const QString &stamp);
    Result<void> flushSeen(const QHash<QString, QString> &due);

    Database &m_db;
};

} // namespace karvan::hq
