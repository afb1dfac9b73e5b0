#include "auth/deviceregistry.h"

#include "audit/auditlog.h"
#include "domain/ids.h"
#include "storage/database.h"
#include "storage/sqldialect.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

QString nowStamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

const QString DeviceColumns
    = u"d.id, d.user_id, u.login, d.name, d.created_at, d.last_seen_at, d.revoked_at"_s;
const QString DeviceFrom = u" FROM devices d JOIN users u ON u.id = d.user_id"_s;

DeviceRecord deviceFromRow(const QSqlQuery &row)
{
    DeviceRecord d;
    d.id = row.value(0).toString();
    d.userId = row.value(1).toString();
    d.login = row.value(2).toString();
    d.name = row.value(3).toString();
    d.createdAt = row.value(4).toString();
    d.lastSeenAt = row.value(5).toString();
    d.revokedAt = row.value(6).isNull() ? QString() : row.value(6).toString();
    return d;
}

QJsonObject deviceJson(const DeviceRecord &d)
{
    // What the audit trail keeps about a device: never the token or its hash.
    QJsonObject o {{u"user"_s, d.login}, {u"name"_s, d.name}};
    if (d.revoked())
        o.insert(u"revoked_at"_s, d.revokedAt);
    return o;
}

} // namespace

QString DeviceRegistry::newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's cryptographic source.
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString DeviceRegistry::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<DeviceRecord> DeviceRegistry::find(const QString &deviceId)
{
    auto q
        = m_db.exec(u"SELECT "_s + DeviceColumns + DeviceFrom + u" WHERE d.id = ?"_s, {deviceId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return makeError(ErrorCode::NotFound, u"no device %1"_s.arg(deviceId));
    return deviceFromRow(q.value());
}

Result<DeviceRegistry::Enrollment> DeviceRegistry::enroll(const UserRecord &user,
                                                          const QString &name,
                                                          const QString &requestedId,
                                                          const QString &actor)
{
    if (!m_db.inTransaction())
        return makeError(ErrorCode::InvalidArgument, u"enroll outside a transaction"_s);
    const QString cleanName = name.simplified();
    if (cleanName.isEmpty() || cleanName.size() > MaxNameLength) {
        return makeError(ErrorCode::InvalidArgument,
                         u"device_name must have 1 to %1 characters"_s.arg(MaxNameLength));
    }
    Enrollment e;
    e.token = newToken();
    const QString hash = tokenHash(e.token);
    const QString now = nowStamp();

    if (!requestedId.isEmpty()) {
        const QUuid parsed = QUuid::fromString(requestedId);
        if (parsed.isNull() || !Uuid7::isUuid7(parsed) || requestedId.size() != 36) {
            return makeError(ErrorCode::InvalidArgument,
                             u"device_id must be a UUIDv7 (36 characters, no braces)"_s);
        }
        auto existing = m_db.exec(u"SELECT "_s + DeviceColumns + DeviceFrom + u" WHERE d.id = ?"_s
                                      + sqldialect::forUpdate(m_db.backend()),
                                  {idToString(parsed)});
        if (!existing)
            return existing.error();
        if (existing.value().next()) {
            DeviceRecord d = deviceFromRow(existing.value());
            if (d.userId != user.id || d.revoked()) {
                return makeError(ErrorCode::Conflict,
                                 u"device %1 cannot be enrolled again; enroll with a new "
                                 "device_id"_s.arg(d.id));
            }
            if (auto u = m_db.exec(u"UPDATE devices SET token_hash = ?, name = ?, "
                                   "last_seen_at = ? WHERE id = ?"_s,
                                   {hash, cleanName, now, d.id});
                !u) {
                return u.error();
            }
            const QJsonObject before = deviceJson(d);
            d.name = cleanName;
            d.lastSeenAt = now;
            auto audited = AuditLog(m_db).append(actor, u"device.reenroll"_s, u"device"_s, d.id,
                                                 before, deviceJson(d));
            if (!audited)
                return audited.error();
            e.device = d;
            e.reenrolled = true;
            return e;
        }
        e.device.id = idToString(parsed);
    } else {
        e.device.id = idToString(Uuid7::generate());
    }
    e.device.userId = user.id;
    e.device.login = user.login;
    e.device.name = cleanName;
    e.device.createdAt = now;
    e.device.lastSeenAt = now;
    if (auto r = m_db.exec(u"INSERT INTO devices (id, user_id, name, token_hash, created_at, "
                           "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                           {e.device.id, user.id, cleanName, hash, now, now});
        !r) {
        return r.error();
    }
    auto audited = AuditLog(m_db).append(actor, u"device.enroll"_s, u"device"_s, e.device.id, {},
                                         deviceJson(e.device));
    if (!audited)
        return audited.error();
    return e;
}

Result<TokenResolution> DeviceRegistry::resolve(const QString &token)
{
    TokenResolution r;
    // A token is 43 base64url characters; anything else cannot match and costs no query.
    if (token.size() != 43)
        return r;
    auto q = m_db.exec(u"SELECT "_s + DeviceColumns + u", u.active"_s + DeviceFrom
                           + u" WHERE d.token_hash = ?"_s,
                       {tokenHash(token)});
    if (!q)
        return q.error();
    QSqlQuery &row = q.value();
    if (!row.next())
        return r;
    r.caller.device = deviceFromRow(row);
    const bool active = row.value(7).toInt() != 0;
    if (r.caller.device.revoked()) {
        r.status = TokenResolution::Revoked;
        return r;
    }
    if (!active) {
        r.status = TokenResolution::UserDisabled;
        return r;
    }
    auto user = UserDirectory(m_db).find(r.caller.device.login);
    if (!user)
        return user.error();
    r.caller.user = *user;
    r.status = TokenResolution::Valid;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime seen = QDateTime::fromString(r.caller.device.lastSeenAt, Qt::ISODateWithMs);
    if (!seen.isValid() || seen.secsTo(now) >= LastSeenResolutionS) {
        const QString stamp = now.toString(Qt::ISODateWithMs);
        r.caller.device.lastSeenAt = stamp;
        noteSeen(r.caller.device.id, stamp);
    }
    return r;
}

namespace {
// Last-seen stamps waiting to be written, per database (see DeviceRegistry::noteSeen).
struct SeenBatch
{
    QHash<QString, QString> pending; // device id -> stamp
    qint64 lastFlushMs = 0;
};
QMutex g_seenMutex;
QHash<const Database *, SeenBatch> g_seen;
} // namespace

void DeviceRegistry::noteSeen(const QString &deviceId, const QString &stamp)
{
    QHash<QString, QString> due;
    {
        QMutexLocker lock(&g_seenMutex);
        SeenBatch &batch = g_seen[&m_db];
        batch.pending.insert(deviceId, stamp);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (nowMs - batch.lastFlushMs < LastSeenFlushMs)
            return;
        batch.lastFlushMs = nowMs;
        due.swap(batch.pending);
    }
    (void)flushSeen(due);
}

Result<void> DeviceRegistry::flushSeen(const QHash<QString, QString> &due)
{
    if (due.isEmpty())
        return {};
    // One write for every device seen since the last one. The condition keeps a stamp from
    // going backwards when two servers write it.
    return m_db.transaction([&]() -> Result<void> {
        for (auto it = due.constBegin(); it != due.constEnd(); ++it) {
            if (auto u = m_db.run(u"UPDATE devices SET last_seen_at = ? WHERE id = ? AND "
                                  "last_seen_at < ?"_s,
                                  {it.value(), it.key(), it.value()});
                !u) {
                return u.error();
            }
        }
        return {};
    });
}

Result<void> DeviceRegistry::flushLastSeen()
{
    QHash<QString, QString> due;
    {
        QMutexLocker lock(&g_seenMutex);
        auto it = g_seen.find(&m_db);
        if (it == g_seen.end())
            return {};
        due.swap(it->pending);
        g_seen.erase(it);
    }
    return flushSeen(due);
}

Result<DeviceRecord> DeviceRegistry::revoke(const QString &deviceId, const QString &actor)
{
    DeviceRecord revoked;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto q = m_db.exec(u"SELECT "_s + DeviceColumns + DeviceFrom + u" WHERE d.id = ?"_s
                               + sqldialect::forUpdate(m_db.backend()),
                           {deviceId});
        if (!q)
            return q.error();
        if (!q.value().next())
            return makeError(ErrorCode::NotFound, u"no device %1"_s.arg(deviceId));
        DeviceRecord d = deviceFromRow(q.value());
        if (d.revoked()) {
            return makeError(ErrorCode::Conflict,
                             u"device %1 was already revoked at %2"_s.arg(d.id, d.revokedAt));
        }
        const QJsonObject before = deviceJson(d);
        d.revokedAt = nowStamp();
        if (auto u = m_db.exec(u"UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ?"_s,
                               {d.revokedAt, actor, d.id});
            !u) {
            return u.error();
        }
        auto audited = AuditLog(m_db).append(actor, u"device.revoke"_s, u"device"_s, d.id, before,
                                             deviceJson(d));
        if (!audited)
            return audited.error();
        revoked = d;
        return {};
    });
    if (!done)
        return done.error();
    return revoked;
}

Result<QList<DeviceRecord>> DeviceRegistry::list()
{
    (void)flushLastSeen();
    auto q = m_db.exec(u"SELECT "_s + DeviceColumns + DeviceFrom + u" ORDER BY d.id"_s);
    if (!q)
        return q.error();
    QList<DeviceRecord> devices;
    while (q.value().next())
        devices.append(deviceFromRow(q.value()));
    return devices;
}

} // namespace karvan::hq
