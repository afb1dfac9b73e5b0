#include "http/routeguard.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

RouteGuard RouteGuard::open()
{
    return RouteGuard();
}

RouteGuard RouteGuard::anyRole()
{
    RouteGuard g;
    g.m_authenticate = true;
    return g;
}

RouteGuard RouteGuard::roles(const QList<Role> &allowed)
{
    RouteGuard g;
    g.m_authenticate = true;
    g.m_roles = allowed;
    return g;
}

std::optional<ApiResponse> RouteGuard::admit(ApiContext &context) const
{
    if (!m_authenticate)
        return std::nullopt;
    const QByteArray authorization = context.request.header("authorization").trimmed();
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
        ApiResponse r = ApiResponse::error(401, u"unauthenticated"_s,
                                           u"send Authorization: Bearer TOKEN (from "
                                           "POST /v1/auth/login)"_s);
        r.headers.emplaceBack("WWW-Authenticate", "Bearer");
        return r;
    }
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    auto resolved = DeviceRegistry(context.db).resolve(token);
    if (!resolved)
        return ApiResponse::fromError(resolved.error());
    const TokenResolution &r = *resolved;
    switch (r.status) {
    case TokenResolution::Unknown: {
        ApiResponse e = ApiResponse::error(401, u"invalid_token"_s,
                                           u"the token is not valid; sign in again"_s);
        e.headers.emplaceBack("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return e;
    }
    case TokenResolution::Revoked: {
        ApiResponse e = ApiResponse::error(
            401, u"device_revoked"_s,
            u"this device was revoked at %1; its local data must be wiped"_s.arg(
                r.caller.device.revokedAt),
            {{u"wipe"_s, true}});
        e.logDevice = r.caller.device.id;
        e.logUser = r.caller.device.login;
        return e;
    }
    case TokenResolution::UserDisabled: {
        ApiResponse e = ApiResponse::error(401, u"user_disabled"_s,
                                           u"this user was deactivated; local data must be "
                                           "wiped"_s,
                                           {{u"wipe"_s, true}});
        e.logDevice = r.caller.device.id;
        e.logUser = r.caller.device.login;
        return e;
    }
    case TokenResolution::Valid:
        break;
    }
    context.caller = r.caller;
    if (!m_roles.isEmpty() && !m_roles.contains(r.caller.user.role)) {
        QStringList names;
        for (Role role : m_roles)
            names.append(roleName(role));
        return ApiResponse::error(403, u"forbidden"_s,
                                  u"this needs the role %1; you are %2"_s.arg(
                                      names.join(u" or "_s), roleName(r.caller.user.role)));
    }
    return std::nullopt;
}

QJsonObject userJson(const UserRecord &user)
{
    return {
        {u"id"_s, user.id},
        {u"login"_s, user.login},
        {u"role"_s, roleName(user.role)},
        {u"territories"_s, QJsonArray::fromStringList(user.territories)},
        // Users carry no store yet (kiosks will); the field is part of the contract already.
        {u"store"_s, QJsonValue::Null},
    };
}

} // namespace karvan::hq::http
