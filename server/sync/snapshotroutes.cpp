// The bootstrap snapshot routes (docs/sync-protocol.md section 12):
//   POST /v1/sync/snapshot  {"device_id", "schema_version"} -> the snapshot of the caller's scope
//   GET  /v1/sync/snapshot/{id}?offset=N&length=M            -> bytes [N, N+M) of its file
// Authenticated like the pull (any role); the scope is always the caller's user's, and a
// snapshot id of another scope set is refused.
#include "http/hqserver.h"
#include "storage/database.h"
#include "store/localstore.h"
#include "sync/changefeed.h"
#include "sync/syncsnapshot.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

namespace {

void tagLog(ApiResponse &r, const ApiContext &c)
{
    r.logUser = c.caller->user.login;
    r.logDevice = c.caller->device.id;
}

ApiResponse describeSnapshot(ApiContext &c)
{
    QJsonObject request;
    if (auto bad = body::object(c.request, &request))
        return *bad;
    QString device;
    if (auto bad = body::requiredString(request, u"device_id"_s, 64, &device))
        return *bad;
    qint64 schema = 0;
    if (auto bad = body::requiredInteger(request, u"schema_version"_s, 1, 1000000, &schema))
        return *bad;
    const QUuid deviceId = QUuid::fromString(device);
    if (deviceId.isNull())
        return ApiResponse::error(400, u"malformed"_s, u"device_id must be a UUID"_s,
                                  {{u"field"_s, u"device_id"_s}});
    if (QUuid::fromString(c.caller->device.id) != deviceId)
        return ApiResponse::error(403, u"forbidden"_s,
                                  u"device_id is not the device this token was issued to"_s,
                                  {{u"field"_s, u"device_id"_s}});
    if (schema != LocalStore::latestSchemaVersion())
        return ApiResponse::error(
            409, u"unavailable"_s,
            u"no snapshot for device schema %1 (this HQ builds schema %2); pull page by page"_s
                .arg(schema)
                .arg(LocalStore::latestSchemaVersion()));

    sync::SnapshotCache &cache = sync::SnapshotCache::forDatabase(c.db);
    const sync::SnapshotCache::Lookup found
        = cache.snapshotFor(c.db, sync::scopesFor(c.caller->user));
    if (found.building) {
        // A long build (a large scope's first) goes on in the background; this device pulls page
        // by page now, and the next fresh device of the scope gets the snapshot.
        ApiResponse r = ApiResponse::error(
            503, u"building"_s, u"the snapshot of your scope is being built; pull page by page"_s,
            {{u"retry_after_s"_s, 30.0}});
        r.headers.emplaceBack("Retry-After", QByteArrayLiteral("30"));
        return r;
    }
    if (!found.snapshot) {
        ApiResponse r = ApiResponse::error(503, u"unavailable"_s,
                                           u"the snapshot could not be built; pull page by page"_s);
        r.logDetail = found.error;
        return r;
    }
    const sync::SyncSnapshot *snap = &*found.snapshot;
    return ApiResponse::json(QJsonObject {
        {u"snapshot_id"_s, snap->id},
        {u"size"_s, snap->size},
        {u"sha256"_s, QString::fromLatin1(snap->sha256)},
        {u"encoding"_s, snap->encoding},
        {u"raw_size"_s, snap->rawSize},
        {u"schema_version"_s, snap->schemaVersion},
        {u"cursor"_s,
         QString::fromLatin1(snap->cursor.toBase64(QByteArray::Base64UrlEncoding
                                                   | QByteArray::OmitTrailingEquals))},
        {u"newest_hlc"_s, snap->newestHlc},
        {u"records"_s, snap->records},
        {u"chunk_size"_s, cache.settings().chunkBytes},
        {u"built_at"_s, snap->builtAt.toString(Qt::ISODateWithMs)},
    });
}

// A non-negative integer query parameter; absent gives fallback.
std::optional<qint64> queryInteger(const ApiRequest &request, const QString &name, qint64 fallback,
                                   bool *ok)
{
    *ok = true;
    if (!request.query.hasQueryItem(name))
        return fallback;
    const QString text = request.query.queryItemValue(name);
    static const QRegularExpression digits(u"^[0-9]{1,18}$"_s);
    if (!digits.match(text).hasMatch()) {
        *ok = false;
        return std::nullopt;
    }
    return text.toLongLong();
}

ApiResponse snapshotBytes(ApiContext &c)
{
    const QString id = c.params.value(0);
    static const QRegularExpression idPattern(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    if (!idPattern.match(id).hasMatch())
        return ApiResponse::error(400, u"malformed"_s, u"a snapshot id is a UUID"_s);
    sync::SnapshotCache &cache = sync::SnapshotCache::forDatabase(c.db);
    const qint64 chunk = cache.settings().chunkBytes;
    bool offsetOk = false;
    bool lengthOk = false;
    const auto offset = queryInteger(c.request, u"offset"_s, 0, &offsetOk);
    const auto length = queryInteger(c.request, u"length"_s, chunk, &lengthOk);
    if (!offsetOk)
        return ApiResponse::error(400, u"malformed"_s, u"offset must be a non-negative integer"_s);
    if (!lengthOk || *length < 1)
        return ApiResponse::error(400, u"malformed"_s, u"length must be a positive integer"_s);

    const auto snap = cache.find(id);
    if (!snap)
        return ApiResponse::error(404, u"gone"_s,
                                  u"no such snapshot (expired or rebuilt); ask for a new one"_s);
    if (snap->scopeKey != sync::snapshotScopeKey(sync::scopesFor(c.caller->user)))
        return ApiResponse::error(403, u"forbidden"_s, u"this snapshot is not of your scope"_s);
    if (*offset > snap->size)
        return ApiResponse::error(
            416, u"bad_range"_s,
            u"offset %1 is past the snapshot's %2 bytes"_s.arg(*offset).arg(snap->size));
    QFile file(snap->path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(*offset))
        return ApiResponse::error(404, u"gone"_s,
                                  u"the snapshot's file is gone; ask for a new one"_s);
    ApiResponse r;
    r.status = 200;
    r.mimeType = "application/octet-stream";
    r.body = file.read(std::min({*length, chunk, snap->size - *offset}));
    r.headers.append({QByteArrayLiteral("X-Snapshot-Size"), QByteArray::number(snap->size)});
    return r;
}

} // namespace

void addSnapshotRoutes(HqServer &server)
{
    server.addRoute(u"POST"_s, u"/v1/sync/snapshot"_s, RouteGuard::anyRole(), [](ApiContext &c) {
        ApiResponse r = describeSnapshot(c);
        tagLog(r, c);
        return r;
    });
    server.addRoute(u"GET"_s, u"/v1/sync/snapshot/{id}"_s, RouteGuard::anyRole(),
                    [](ApiContext &c) {
                        ApiResponse r = snapshotBytes(c);
                        tagLog(r, c);
                        return r;
                    });
}

} // namespace karvan::hq::http
