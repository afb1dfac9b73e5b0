#pragma once

#include "auth/deviceregistry.h"
#include "auth/role.h"
#include "http/apimessage.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace karvan::hq {
class Database;
}

namespace karvan::hq::http {

// What a route handler gets, on a worker thread of the server's pool: the database (this
// thread's connection), the request, the {placeholders} of the route pattern in order, and the
// authenticated caller when the route's guard asked for one.
struct ApiContext
{
    Database &db;
    const ApiRequest &request;
    QStringList params;
    std::optional<Caller> caller;
};

using RouteHandler = std::function<ApiResponse(ApiContext &context)>;

// Who may call a route, declared where the route is added. The guard runs on the worker thread
// before the handler: it reads "Authorization: Bearer TOKEN", resolves the device and its user
// (DeviceRegistry), and answers for the handler when the caller may not pass:
//   401 unauthenticated   no or malformed Authorization header
//   401 invalid_token     a token no device holds
//   401 device_revoked    the device was revoked  (error.wipe = true: the device wipes itself)
//   401 user_disabled     the user was deactivated (error.wipe = true)
//   403 forbidden         the caller's role is not among the allowed ones
// When it passes, context.caller is set and the handler only checks scope (territories, store).
//
// Plugging a route in (one line; see HqServer::addRoute):
//
//   server.addRoute(u"GET"_s, u"/v1/customers/{id}"_s,
//                   RouteGuard::roles({Role::Rep, Role::Manager, Role::Finance}), showCustomer);
//
// where showCustomer is ApiResponse (ApiContext &), e.g. reading context.params[0] and
// context.caller->user.territories.
class RouteGuard
{
public:
    // No authentication (health, metrics, login).
    static RouteGuard open();
    // Any valid token, whatever the role.
    static RouteGuard anyRole();
    // A valid token whose user has one of these roles.
    static RouteGuard roles(const QList<Role> &allowed);

    bool requiresCaller() const { return m_authenticate; }
    const QList<Role> &allowedRoles() const { return m_roles; }

    // Authenticates and authorizes; std::nullopt to let the handler run.
    std::optional<ApiResponse> admit(ApiContext &context) const;

private:
    bool m_authenticate = false;
    QList<Role> m_roles; // empty with m_authenticate: any role
};

// The JSON shape of a user as the API shows it.
QJsonObject userJson(const UserRecord &user);

} // namespace karvan::hq::http
