// Sign-in, devices and the caller's identity:
//   POST /v1/auth/login            {login, password, device_name, device_id?}
//                                  -> {token, device_id, user: {id, login, role, territories,
//                                  store}}
//   POST /v1/auth/logout           revokes the caller's own device -> {device}
//   GET  /v1/me                    -> {user, device}
//   GET  /v1/devices               (admin) -> {devices: [...]}
//   POST /v1/devices/{id}/revoke   (admin, manager) -> {device}
#include "audit/auditlog.h"
#include "auth/deviceregistry.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhash.h"
#include "auth/userdirectory.h"
#include "domain/ids.h"
#include "http/hqserver.h"
#include "storage/database.h"
#include "sync/changefeed.h"
#include "sync/syncsnapshot.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

namespace {

QJsonObject deviceJson(const DeviceRecord &d)
{
    return {
        {u"id"_s, d.id},
        {u"user"_s, d.login},
        {u"name"_s, d.name},
        {u"created_at"_s, d.createdAt},
        {u"last_seen_at"_s, d.lastSeenAt},
        {u"revoked_at"_s, d.revoked() ? QJsonValue(d.revokedAt) : QJsonValue()},
    };
}

QString userActor(const Caller &caller)
{
    return u"user:"_s + caller.user.login;
}

ApiResponse login(ApiContext &c)
{
    QJsonObject body;
    if (auto problem = body::object(c.request, &body))
        return *problem;
    QString loginText, password, deviceName, deviceId;
    if (auto p = body::requiredString(body, u"login"_s, 256, &loginText))
        return *p;
    if (auto p = body::requiredString(body, u"password"_s, 1024, &password))
        return *p;
    if (auto p = body::requiredString(body, u"device_name"_s, 1024, &deviceName))
        return *p;
    if (auto p = body::optionalString(body, u"device_id"_s, 64, &deviceId))
        return *p;

    // Everything that can be refused without the password is refused first, so a malformed
    // request neither counts as a failed login nor costs a key derivation.
    auto login = UserDirectory::normalizeLogin(loginText);
    if (!login)
        return ApiResponse::error(422, u"invalid_value"_s, login.errorMessage());
    if (deviceName.simplified().size() > DeviceRegistry::MaxNameLength) {
        return ApiResponse::error(
            422, u"invalid_value"_s,
            u"device_name has more than %1 characters"_s.arg(DeviceRegistry::MaxNameLength));
    }
    if (!deviceId.isEmpty()) {
        const QUuid id = QUuid::fromString(deviceId);
        if (deviceId.size() != 36 || id.isNull() || !Uuid7::isUuid7(id)) {
            return ApiResponse::error(422, u"invalid_value"_s,
                                      u"device_id must be a UUIDv7 (36 characters)"_s);
        }
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    LoginThrottle throttle(c.db);
    auto wait = throttle.retryAfterS(*login, now);
    if (!wait)
        return ApiResponse::fromError(wait.error());
    if (*wait > 0) {
        ApiResponse r = ApiResponse::error(
            429, u"too_many_attempts"_s,
            u"too many failed logins for this login; try again in %1 seconds"_s.arg(*wait),
            {{u"retry_after_s"_s, double(*wait)}});
        r.headers.emplaceBack("Retry-After", QByteArray::number(*wait));
        return r;
    }

    UserDirectory users(c.db);
    auto matches = users.checkPassword(*login, password);
    if (!matches)
        return ApiResponse::fromError(matches.error());
    if (!*matches) {
        auto recorded = c.db.transaction([&]() -> Result<void> {
            if (auto r = throttle.recordFailure(*login, now); !r)
                return r;
            auto audited = AuditLog(c.db).append(u"login:"_s + *login, u"auth.login_failed"_s,
                                                 u"login"_s, *login, {},
                                                 {{u"device_name"_s, deviceName.simplified()},
                                                  {u"remote"_s, c.request.remoteAddress}});
            if (!audited)
                return audited.error();
            return {};
        });
        if (!recorded)
            return ApiResponse::fromError(recorded.error());
        // The same answer for an unknown login and a wrong password.
        return ApiResponse::error(401, u"invalid_credentials"_s, u"wrong login or password"_s);
    }

    auto user = users.find(*login);
    if (!user)
        return ApiResponse::fromError(user.error());
    DeviceRegistry::Enrollment enrollment;
    const QString actor = u"user:"_s + user->login;
    auto enrolled = c.db.transaction([&]() -> Result<void> {
        if (auto r = throttle.clear(*login); !r)
            return r;
        auto e = DeviceRegistry(c.db).enroll(*user, deviceName, deviceId, actor);
        if (!e)
            return e.error();
        enrollment = *e;
        auto audited = AuditLog(c.db).append(
            actor, u"auth.login"_s, u"user"_s, user->id, {},
            {{u"device_id"_s, enrollment.device.id}, {u"remote"_s, c.request.remoteAddress}});
        if (!audited)
            return audited.error();
        return {};
    });
    if (!enrolled)
        return ApiResponse::fromError(enrolled.error());
    // A rep's or kiosk's sign-in is most often a device about to make its first sync: have its
    // scope's bootstrap snapshot ready (built in the background, unless a fresh one is there).
    // HQ roles sync everything; their sign-ins (the back office) do not start a build.
    if (const auto scopes = sync::scopesFor(*user))
        sync::SnapshotCache::forDatabase(c.db).prepare(c.db, scopes);
    ApiResponse r = ApiResponse::json({
        {u"token"_s, enrollment.token},
        {u"device_id"_s, enrollment.device.id},
        {u"user"_s, userJson(*user)},
    });
    r.logUser = user->login;
    r.logDevice = enrollment.device.id;
    return r;
}

ApiResponse logout(ApiContext &c)
{
    auto revoked = DeviceRegistry(c.db).revoke(c.caller->device.id, userActor(*c.caller));
    if (!revoked)
        return ApiResponse::fromError(revoked.error());
    return ApiResponse::json({{u"device"_s, deviceJson(*revoked)}});
}

ApiResponse me(ApiContext &c)
{
    return ApiResponse::json(
        {{u"user"_s, userJson(c.caller->user)}, {u"device"_s, deviceJson(c.caller->device)}});
}

ApiResponse listDevices(ApiContext &c)
{
    auto devices = DeviceRegistry(c.db).list();
    if (!devices)
        return ApiResponse::fromError(devices.error());
    QJsonArray list;
    for (const DeviceRecord &d : *devices)
        list.append(deviceJson(d));
    return ApiResponse::json({{u"devices"_s, list}});
}

ApiResponse revokeDevice(ApiContext &c)
{
    DeviceRegistry registry(c.db);
    auto device = registry.find(c.params.value(0));
    if (!device)
        return ApiResponse::fromError(device.error());
    // A manager looks after the field: reps' and kiosks' devices, and their own.
    if (c.caller->user.role == Role::Manager && device->userId != c.caller->user.id) {
        auto owner = UserDirectory(c.db).find(device->login);
        if (!owner)
            return ApiResponse::fromError(owner.error());
        if (owner->role != Role::Rep && owner->role != Role::Kiosk) {
            return ApiResponse::error(403, u"forbidden"_s,
                                      u"a manager revokes reps' and kiosks' devices only"_s);
        }
    }
    auto revoked = registry.revoke(device->id, userActor(*c.caller));
    if (!revoked)
        return ApiResponse::fromError(revoked.error());
    return ApiResponse::json({{u"device"_s, deviceJson(*revoked)}});
}

} // namespace

void addAuthRoutes(HqServer &server)
{
    server.addRoute(u"POST"_s, u"/v1/auth/login"_s, RouteGuard::open(), login);
    server.addRoute(u"POST"_s, u"/v1/auth/logout"_s, RouteGuard::anyRole(), logout);
    server.addRoute(u"GET"_s, u"/v1/me"_s, RouteGuard::anyRole(), me);
    server.addRoute(u"GET"_s, u"/v1/devices"_s, RouteGuard::roles({Role::Admin}), listDevices);
    server.addRoute(u"POST"_s, u"/v1/devices/{id}/revoke"_s,
                    RouteGuard::roles({Role::Admin, Role::Manager}), revokeDevice);
}

} // namespace karvan::hq::http
