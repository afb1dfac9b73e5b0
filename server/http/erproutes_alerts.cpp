// Alerts over HTTP (server/erp/alerts.h):
//   GET  /v1/alerts?status=open|all&limit=   every role but kiosk: the caller's alerts (a rep:
//                                            only those addressed to it); scans for overdue
//                                            invoices first, as of today
//   POST /v1/alerts/{id}/resolve             same roles: an alert the caller sees, by hand
#include "erp/alerts.h"
#include "http/erproutes_support.h"
#include "storage/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace karvan::hq::http::erpapi {

namespace {

QJsonObject alertJson(const erp::Alert &a)
{
    return {{u"id"_s, a.id},
            {u"kind"_s, a.kind},
            {u"audience"_s, a.audience},
            {u"recipient"_s, a.recipient.isEmpty() ? QJsonValue() : QJsonValue(a.recipient)},
            {u"entity"_s, a.entity},
            {u"entity_id"_s, a.entityId},
            {u"message"_s, a.message},
            {u"created_at"_s, a.createdAt},
            {u"open"_s, a.isOpen()},
            {u"resolved_at"_s, a.isOpen() ? QJsonValue() : QJsonValue(a.resolvedAt)},
            {u"resolved_by"_s, a.isOpen() ? QJsonValue() : QJsonValue(a.resolvedBy)}};
}

ApiResponse listAlerts(ApiContext &c)
{
    const QString status = c.request.query.queryItemValue(u"status"_s);
    if (!status.isEmpty() && status != u"open"_s && status != u"all"_s)
        return ApiResponse::error(422, u"invalid_value"_s, u"status must be open or all"_s);
    qint64 limit = 200;
    if (const QString text = c.request.query.queryItemValue(u"limit"_s); !text.isEmpty()) {
        bool ok = false;
        limit = text.toLongLong(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return ApiResponse::error(422, u"invalid_value"_s, u"limit must be 1 to 1000"_s);
    }
    erp::Alerts alerts(c.db);
    // Overdue is a matter of the date, not of an event: every read brings it up to today.
    if (auto scan = alerts.scanOverdue(QDate::currentDate()); !scan)
        return failure(scan.error());
    auto list = alerts.visibleTo(actorOf(c), status == u"all"_s, int(limit));
    if (!list)
        return failure(list.error());
    QJsonArray out;
    for (const erp::Alert &a : *list)
        out.append(alertJson(a));
    return ApiResponse::json({{u"alerts"_s, out}});
}

ApiResponse resolveAlert(ApiContext &c)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    if (auto p = onlyFields(body, {}))
        return *p;
    QString id;
    if (auto p = idParam(c, 0, &id))
        return *p;
    auto resolved = erp::Alerts(c.db).resolve(actorOf(c), id);
    if (!resolved)
        return failure(resolved.error());
    return ApiResponse::json({{u"alert"_s, alertJson(*resolved)}});
}

} // namespace

void addAlertRoutes(HqServer &server)
{
    const auto readers = RouteGuard::roles(
        {Role::Rep, Role::Manager, Role::Warehouse, Role::Finance, Role::Admin});
    server.addRoute(u"GET"_s, u"/v1/alerts"_s, readers, listAlerts);
    server.addRoute(u"POST"_s, u"/v1/alerts/{id}/resolve"_s, readers, resolveAlert);
}

} // namespace karvan::hq::http::erpapi
