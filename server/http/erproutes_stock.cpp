// Stock, purchasing, period close, reports and CSV import over HTTP:
//   GET  /v1/stock?sku=&warehouse=                                every role
//   POST /v1/stock/adjustments {sku, warehouse, quantity (signed), unit_cost?, reason, date?}
//   POST /v1/stock/transfers {sku, from, to, quantity, date?}     warehouse
//   POST /v1/purchase-orders {vendor_id, warehouse, date?, lines: [{sku, quantity, unit_cost}]}
//                                                                 manager, finance
//   POST /v1/purchase-orders/{id}/receive {date?, quantity?}      warehouse
//   POST /v1/purchase-orders/{id}/bill {date?, tax?, vendor_reference?}   finance
//   POST /v1/purchase-orders/{id}/pay {amount, date?, bill_id?}   finance
//   POST /v1/periods/close {month: "YYYY-MM"}                     finance
//   GET  /v1/reports/{name}?as_of=YYYY-MM-DD&format=json|csv      manager, finance, admin
//   POST /v1/import/{kind}?skip_bad=1 (text/csv body)             admin
#include "domain/json.h"
#include "erp/csvimport.h"
#include "erp/inventory.h"
#include "erp/ledger.h"
#include "erp/purchasing.h"
#include "erp/reports.h"
#include "http/erproutes_support.h"
#include "storage/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace karvan::hq::http::erpapi {

namespace {

constexpr qint64 ImportBodyLimit = 8 << 20;

std::optional<ApiResponse> companyMinor(ApiContext &c, const QJsonObject &body,
                                        const QString &field, bool required, qint64 *minor)
{
    *minor = 0;
    if (!required && (!body.contains(field) || body.value(field).isNull()))
        return std::nullopt;
    auto currency = erp::companyCurrency(c.db);
    if (!currency)
        return failure(currency.error());
    return amountField(body, field, *currency, minor);
}

ApiResponse stockLevels(ApiContext &c)
{
    const QString sku = c.request.query.queryItemValue(u"sku"_s).left(64);
    const QString warehouse = c.request.query.queryItemValue(u"warehouse"_s).left(64);
    auto positions
        = erp::Inventory(c.db).positions(sku.isEmpty() ? QStringList() : QStringList {sku});
    if (!positions)
        return failure(positions.error());
    QJsonArray list;
    for (const erp::StockPosition &p : *positions) {
        if (!warehouse.isEmpty() && p.warehouse != warehouse)
            continue;
        QJsonObject row {{u"sku"_s, p.sku},
                         {u"warehouse"_s, p.warehouse},
                         {u"on_hand_milli"_s, p.onHand},
                         {u"reserved_milli"_s, p.reserved},
                         {u"available_milli"_s, p.available()},
                         {u"reorder_point_milli"_s, p.reorderPoint}};
        // Cost is the back office's business, not a rep's or a kiosk's.
        const Role role = c.caller->user.role;
        if (role != Role::Rep && role != Role::Kiosk)
            row.insert(u"value_minor"_s, p.value);
        list.append(row);
    }
    return ApiResponse::json({{u"stock"_s, list}});
}

ApiResponse adjustStock(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(
            body,
            {u"sku"_s, u"warehouse"_s, u"quantity"_s, u"unit_cost"_s, u"reason"_s, u"date"_s}))
        return *p;
    QString sku, warehouse, reason;
    qint64 milli = 0, cost = 0;
    QDate date;
    if (auto p = body::requiredString(body, u"sku"_s, 64, &sku))
        return *p;
    if (auto p = body::requiredString(body, u"warehouse"_s, 32, &warehouse))
        return *p;
    if (auto p = body::requiredString(body, u"reason"_s, 500, &reason))
        return *p;
    if (auto p = quantityField(body, u"quantity"_s, true, &milli))
        return *p;
    if (auto p = companyMinor(c, body, u"unit_cost"_s, false, &cost))
        return *p;
    if (auto p = postingDate(body, &date))
        return *p;
    const bool hasCost = body.contains(u"unit_cost"_s) && !body.value(u"unit_cost"_s).isNull();
    if (hasCost && cost < 0)
        return ApiResponse::error(422, u"invalid_value"_s, u"unit_cost must not be negative"_s);
    auto id = erp::Inventory(c.db).adjust(actorOf(c), sku, warehouse, milli,
                                          hasCost ? std::optional<qint64>(cost) : std::nullopt,
                                          date, reason);
    if (!id)
        return failure(id.error());
    return ApiResponse::json({{u"adjustment_id"_s, *id}}, 201);
}

ApiResponse transferStock(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"sku"_s, u"from"_s, u"to"_s, u"quantity"_s, u"date"_s}))
        return *p;
    QString sku, from, to;
    qint64 milli = 0;
    QDate date;
    if (auto p = body::requiredString(body, u"sku"_s, 64, &sku))
        return *p;
    if (auto p = body::requiredString(body, u"from"_s, 32, &from))
        return *p;
    if (auto p = body::requiredString(body, u"to"_s, 32, &to))
        return *p;
    if (auto p = quantityField(body, u"quantity"_s, false, &milli))
        return *p;
    if (auto p = postingDate(body, &date))
        return *p;
    auto id = erp::Inventory(c.db).transfer(actorOf(c), sku, from, to, milli, date);
    if (!id)
        return failure(id.error());
    return ApiResponse::json({{u"transfer_id"_s, *id}}, 201);
}

ApiResponse createPurchaseOrder(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"vendor_id"_s, u"warehouse"_s, u"date"_s, u"lines"_s}))
        return *p;
    QString vendor, warehouse;
    QDate date;
    QList<QJsonObject> items;
    if (auto p = idField(body, u"vendor_id"_s, true, &vendor))
        return *p;
    if (auto p = body::requiredString(body, u"warehouse"_s, 32, &warehouse))
        return *p;
    if (auto p = postingDate(body, &date))
        return *p;
    if (auto p = body::objectArray(body, u"lines"_s, 500, &items))
        return *p;
    QList<erp::PurchaseLine> lines;
    for (const QJsonObject &item : items) {
        if (auto p = onlyFields(item, {u"sku"_s, u"quantity"_s, u"unit_cost"_s}))
            return *p;
        erp::PurchaseLine l;
        if (auto p = body::requiredString(item, u"sku"_s, 64, &l.sku))
            return *p;
        if (auto p = quantityField(item, u"quantity"_s, false, &l.qtyMilli))
            return *p;
        if (auto p = companyMinor(c, item, u"unit_cost"_s, true, &l.unitCostMinor))
            return *p;
        if (l.unitCostMinor < 0)
            return ApiResponse::error(422, u"invalid_value"_s, u"unit_cost must not be negative"_s);
        lines.append(l);
    }
    auto id = erp::Purchasing(c.db).createOrder(actorOf(c), vendor, warehouse, date, lines);
    if (!id)
        return failure(id.error());
    return ApiResponse::json({{u"purchase_order_id"_s, *id}}, 201);
}

// The {id} of a purchase order that exists, and its vendor.
std::optional<ApiResponse> purchaseOrder(ApiContext &c, QString *id, QString *vendor)
{
    if (auto p = idParam(c, 0, id))
        return p;
    auto row = erp::queryRow(c.db, u"SELECT vendor_id FROM purchase_orders WHERE id = ?"_s, {*id});
    if (!row)
        return failure(row.error());
    if (row->isEmpty())
        return ApiResponse::error(404, u"not_found"_s, u"unknown purchase order %1"_s.arg(*id));
    *vendor = row->at(0).toString();
    return std::nullopt;
}

ApiResponse receivePurchase(ApiContext &c)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    if (auto p = onlyFields(body, {u"date"_s, u"quantity"_s}))
        return *p;
    QDate date;
    qint64 milli = 0;
    if (auto p = postingDate(body, &date))
        return *p;
    if (body.contains(u"quantity"_s)) {
        if (auto p = quantityField(body, u"quantity"_s, false, &milli))
            return *p;
    }
    QString id, vendor;
    if (auto p = purchaseOrder(c, &id, &vendor))
        return *p;
    auto receipt = erp::Purchasing(c.db).receive(actorOf(c), id, date, milli);
    if (!receipt)
        return failure(receipt.error());
    return ApiResponse::json({{u"receipt_id"_s, *receipt}}, 201);
}

ApiResponse billPurchase(ApiContext &c)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    if (auto p = onlyFields(body, {u"date"_s, u"tax"_s, u"vendor_reference"_s}))
        return *p;
    QDate date;
    qint64 tax = 0;
    QString reference;
    if (auto p = postingDate(body, &date))
        return *p;
    if (auto p = companyMinor(c, body, u"tax"_s, false, &tax))
        return *p;
    if (tax < 0)
        return ApiResponse::error(422, u"invalid_value"_s, u"tax must not be negative"_s);
    if (auto p = body::optionalString(body, u"vendor_reference"_s, 100, &reference))
        return *p;
    QString id, vendor;
    if (auto p = purchaseOrder(c, &id, &vendor))
        return *p;
    auto bill = erp::Purchasing(c.db).bill(actorOf(c), id, date, tax, reference);
    if (!bill)
        return failure(bill.error());
    return ApiResponse::json({{u"bill_id"_s, *bill}}, 201);
}

ApiResponse payPurchase(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"amount"_s, u"date"_s, u"bill_id"_s}))
        return *p;
    QDate date;
    qint64 amount = 0;
    QString bill;
    if (auto p = companyMinor(c, body, u"amount"_s, true, &amount))
        return *p;
    if (amount <= 0)
        return ApiResponse::error(422, u"invalid_value"_s, u"amount must be above zero"_s);
    if (auto p = postingDate(body, &date))
        return *p;
    if (auto p = idField(body, u"bill_id"_s, false, &bill))
        return *p;
    QString id, vendor;
    if (auto p = purchaseOrder(c, &id, &vendor))
        return *p;
    if (!bill.isEmpty()) {
        auto owner = erp::queryRow(c.db, u"SELECT po_id FROM vendor_bills WHERE id = ?"_s, {bill});
        if (!owner)
            return failure(owner.error());
        if (owner->isEmpty() || owner->at(0).toString() != id) {
            return ApiResponse::error(404, u"not_found"_s,
                                      u"purchase order %1 has no bill %2"_s.arg(id, bill));
        }
    }
    auto payment = erp::Purchasing(c.db).payVendor(actorOf(c), vendor, date, amount, bill);
    if (!payment)
        return failure(payment.error());
    return ApiResponse::json({{u"vendor_payment_id"_s, *payment}}, 201);
}

ApiResponse closePeriod(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"month"_s}))
        return *p;
    QString month;
    if (auto p = body::requiredString(body, u"month"_s, 7, &month))
        return *p;
    if (!QDate::fromString(month + u"-01"_s, Qt::ISODate).isValid() || month.size() != 7)
        return ApiResponse::error(422, u"invalid_value"_s, u"month must be YYYY-MM"_s);
    erp::Ledger ledger(c.db);
    if (auto r = ledger.closePeriod(actorOf(c), month); !r)
        return failure(r.error());
    auto through = ledger.closedThrough();
    if (!through)
        return failure(through.error());
    return ApiResponse::json({{u"closed_through"_s, *through}});
}

ApiResponse report(ApiContext &c)
{
    const QString name = c.params.value(0);
    if (!erp::Reports::names().contains(name)) {
        return ApiResponse::error(
            404, u"not_found"_s,
            u"unknown report (known: %1)"_s.arg(erp::Reports::names().join(u", "_s)));
    }
    const QString format = c.request.query.queryItemValue(u"format"_s);
    if (!format.isEmpty() && format != u"json"_s && format != u"csv"_s)
        return ApiResponse::error(422, u"invalid_value"_s, u"format must be json or csv"_s);
    QDate asOf;
    const QString asOfText = c.request.query.queryItemValue(u"as_of"_s);
    if (!asOfText.isEmpty()) {
        asOf = QDate::fromString(asOfText, Qt::ISODate);
        if (!asOf.isValid() || asOfText.size() != 10)
            return ApiResponse::error(422, u"invalid_value"_s, u"as_of must be YYYY-MM-DD"_s);
    }
    auto table = erp::Reports(c.db).byName(name, asOf);
    if (!table)
        return failure(table.error());
    ApiResponse r;
    if (format == u"csv"_s) {
        r.body = table->toCsv().toUtf8();
        r.mimeType = "text/csv; charset=utf-8";
    } else {
        r.body = table->toJson();
    }
    return r;
}

ApiResponse importCsv(ApiContext &c)
{
    auto kind = erp::importKindFromName(c.params.value(0));
    if (!kind)
        return ApiResponse::error(404, u"not_found"_s, kind.errorMessage());
    const QByteArray type = c.request.header("content-type").split(';').constFirst().trimmed();
    if (type.compare("text/csv", Qt::CaseInsensitive) != 0) {
        return ApiResponse::error(415, u"unsupported_media_type"_s,
                                  u"send the file as text/csv (UTF-8)"_s);
    }
    const QString skip = c.request.query.queryItemValue(u"skip_bad"_s);
    const bool skipBad = skip == u"1"_s || skip == u"true"_s;
    auto report = erp::CsvImport(c.db).run(actorOf(c), *kind, c.request.body, skipBad);
    if (!report)
        return failure(report.error());
    QJsonArray refused;
    for (const erp::ImportProblem &p : report->refused)
        refused.append(QJsonObject {{u"line"_s, p.line}, {u"reason"_s, p.reason}});
    const QJsonObject out {{u"rows"_s, report->rows},
                           {u"imported"_s, report->imported},
                           {u"committed"_s, report->committed},
                           {u"refused"_s, refused},
                           {u"summary"_s, report->summary()}};
    if (!report->committed) {
        return ApiResponse::error(422, u"import_refused"_s, report->summary(),
                                  {{u"refused"_s, refused}, {u"rows"_s, report->rows}});
    }
    return ApiResponse::json(out);
}

} // namespace

void addStockRoutes(HqServer &server)
{
    using R = Role;
    server.addRoute(u"GET"_s, u"/v1/stock"_s, RouteGuard::roles(allRoles()), stockLevels);
    server.addRoute(u"POST"_s, u"/v1/stock/adjustments"_s, RouteGuard::roles({R::Warehouse}),
                    adjustStock);
    server.addRoute(u"POST"_s, u"/v1/stock/transfers"_s, RouteGuard::roles({R::Warehouse}),
                    transferStock);
    server.addRoute(u"POST"_s, u"/v1/purchase-orders"_s,
                    RouteGuard::roles({R::Manager, R::Finance}), createPurchaseOrder);
    server.addRoute(u"POST"_s, u"/v1/purchase-orders/{id}/receive"_s,
                    RouteGuard::roles({R::Warehouse}), receivePurchase);
    server.addRoute(u"POST"_s, u"/v1/purchase-orders/{id}/bill"_s, RouteGuard::roles({R::Finance}),
                    billPurchase);
    server.addRoute(u"POST"_s, u"/v1/purchase-orders/{id}/pay"_s, RouteGuard::roles({R::Finance}),
                    payPurchase);
    server.addRoute(u"POST"_s, u"/v1/periods/close"_s, RouteGuard::roles({R::Finance}),
                    closePeriod);
    server.addRoute(u"GET"_s, u"/v1/reports/{name}"_s,
                    RouteGuard::roles({R::Manager, R::Finance, R::Admin}), report);
    server.addRoute(u"POST"_s, u"/v1/import/{kind}"_s, RouteGuard::roles({R::Admin}), importCsv,
                    ImportBodyLimit);
}

} // namespace karvan::hq::http::erpapi
