// Signatures and photos the devices pushed (server/sync/mutationapplier_attachments.cpp):
//   GET /v1/attachments?entity=order|quote|activity&entity_id=ID   the attachments of one
//        order, quote or activity, oldest first, without their bytes (JSON)
//   GET /v1/attachments/{id}   the bytes, with their Content-Type
// Who may read orders may read them (every role but kiosk); a rep only in its territories
// (403 out_of_scope).
#include "http/erproutes_support.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace karvan::hq::http::erpapi {

namespace {

// The territory of the order, quote or activity a listing asks about; 404 when HQ does not know it.
std::optional<ApiResponse> scopedEntity(ApiContext &c, const QString &entity,
                                        const QString &entityId)
{
    QString sql;
    if (entity == u"order"_s)
        sql = u"SELECT c.territory FROM sales_orders d JOIN customers c ON c.id = d.customer_id "
              "WHERE d.id = ?"_s;
    else if (entity == u"quote"_s)
        sql = u"SELECT c.territory FROM sales_quotes d JOIN customers c ON c.id = d.customer_id "
              "WHERE d.id = ?"_s;
    else
        sql = u"SELECT c.territory FROM activities d JOIN customers c ON c.id = d.customer_id "
              "WHERE d.id = ?"_s;
    auto row = erp::queryRow(c.db, sql, {entityId});
    if (!row)
        return failure(row.error());
    if (row->isEmpty())
        return ApiResponse::error(404, u"not_found"_s, u"unknown %1 %2"_s.arg(entity, entityId));
    return checkScope(c, row->at(0).toString());
}

ApiResponse listAttachments(ApiContext &c)
{
    const QString entity = c.request.query.queryItemValue(u"entity"_s);
    if (entity != u"order"_s && entity != u"quote"_s && entity != u"activity"_s)
        return ApiResponse::error(422, u"invalid_value"_s,
                                  u"entity must be order, quote or activity"_s);
    const QString entityId = c.request.query.queryItemValue(u"entity_id"_s).toLower();
    if (entityId.size() != 36 || QUuid::fromString(entityId).isNull())
        return ApiResponse::error(422, u"invalid_value"_s, u"entity_id must be a UUID"_s);
    if (auto p = scopedEntity(c, entity, entityId))
        return *p;
    auto rows = erp::queryRows(c.db,
                               u"SELECT id, kind, mime, size, sha256, hq_ref, author, device_id, "
                               "created_at FROM attachments WHERE entity = ? AND entity_id = ? "
                               "ORDER BY created_at, id"_s,
                               {entity, entityId});
    if (!rows)
        return failure(rows.error());
    QJsonArray out;
    for (const erp::Row &r : *rows) {
        out.append(QJsonObject {{u"id"_s, r.at(0).toString()},
                                {u"entity"_s, entity},
                                {u"entity_id"_s, entityId},
                                {u"kind"_s, r.at(1).toString()},
                                {u"mime"_s, r.at(2).toString()},
                                {u"size"_s, r.at(3).toLongLong()},
                                {u"sha256"_s, r.at(4).toString()},
                                {u"hq_ref"_s, r.at(5).toString()},
                                {u"author"_s, r.at(6).toString()},
                                {u"device_id"_s, r.at(7).toString()},
                                {u"created_at"_s, r.at(8).toString()},
                                {u"url"_s, QString(u"/v1/attachments/"_s + r.at(0).toString())}});
    }
    return ApiResponse::json({{u"attachments"_s, out}});
}

ApiResponse showAttachment(ApiContext &c)
{
    QString id;
    if (auto p = idParam(c, 0, &id))
        return *p;
    auto row = erp::queryRow(c.db,
                             u"SELECT a.mime, a.bytes, a.sha256, c.territory FROM attachments a "
                             "LEFT JOIN customers c ON c.id = a.customer_id WHERE a.id = ?"_s,
                             {id});
    if (!row)
        return failure(row.error());
    if (row->isEmpty())
        return ApiResponse::error(404, u"not_found"_s, u"unknown attachment %1"_s.arg(id));
    if (auto p = checkScope(c, row->at(3).toString()))
        return *p;
    ApiResponse response;
    response.status = 200;
    response.mimeType = row->at(0).toString().toLatin1();
    response.body = row->at(1).toByteArray();
    response.headers.append(
        qMakePair(QByteArray("ETag"), QByteArray('"' + row->at(2).toString().toLatin1() + '"')));
    response.headers.append(
        qMakePair(QByteArray("Cache-Control"), QByteArray("private, max-age=86400")));
    return response;
}

} // namespace

void addAttachmentRoutes(HqServer &server)
{
    const auto readers = RouteGuard::roles(
        {Role::Rep, Role::Manager, Role::Warehouse, Role::Finance, Role::Admin});
    server.addRoute(u"GET"_s, u"/v1/attachments"_s, readers, listAttachments);
    server.addRoute(u"GET"_s, u"/v1/attachments/{id}"_s, readers, showAttachment);
}

} // namespace karvan::hq::http::erpapi
