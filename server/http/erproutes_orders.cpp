// Orders and what follows them, over HTTP:
//   POST /v1/orders {id?, customer_id, currency?, date?, lines: [{sku, quantity, unit?,
//                    warehouse?}]}                              rep (own territories), manager
//   GET  /v1/orders?customer_id=&status=&limit=                   rep (own), manager, warehouse,
//   GET  /v1/orders/{id}                                          finance, admin
//   POST /v1/orders/{id}/approve {note?}   /reject {reason}       finance
//   POST /v1/orders/{id}/allocate                                 manager, warehouse
//   POST /v1/orders/{id}/cancel {reason}                          rep (own), manager
//   POST /v1/orders/{id}/deliver {date?}                          warehouse
//   POST /v1/orders/{id}/invoice {date?}                          finance
//   POST /v1/payments {customer_id, amount, method, date?, invoice_id?}   finance
//   POST /v1/returns {invoice_id, lines: [{line_no, quantity}], date?, warehouse?}
//                                                                 warehouse, finance
#include "domain/ids.h"
#include "domain/json.h"
#include "erp/fulfilment.h"
#include "erp/masterdata.h"
#include "erp/receivables.h"
#include "erp/sales.h"
#include "http/erproutes_support.h"
#include "storage/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace karvan::hq::http::erpapi {

namespace {

constexpr qsizetype MaxLines = 500;

QJsonObject outcomeJson(const erp::OrderOutcome &o)
{
    QJsonArray lines;
    for (const erp::OrderLineState &l : o.lines) {
        lines.append(QJsonObject {{u"line_no"_s, l.lineNo},
                                  {u"sku"_s, l.sku},
                                  {u"warehouse"_s, l.warehouse},
                                  {u"quantity_milli"_s, l.quantity},
                                  {u"allocated_milli"_s, l.allocated},
                                  {u"delivered_milli"_s, l.delivered},
                                  {u"invoiced_milli"_s, l.invoiced},
                                  {u"unit_price_minor"_s, l.unitPrice},
                                  {u"net_minor"_s, l.net},
                                  {u"tax_minor"_s, l.tax},
                                  {u"total_minor"_s, l.total}});
    }
    auto money = [&](qint64 minor) {
        auto m = Money::fromMinor(minor, o.currency);
        return m ? json::money(*m) : QJsonValue(double(minor));
    };
    return {{u"id"_s, o.orderId},
            {u"number"_s, o.number},
            {u"customer_id"_s, o.customerId},
            {u"currency"_s, o.currency},
            {u"status"_s, documentStatusName(o.status)},
            {u"reason"_s, o.reason},
            {u"net"_s, money(o.net)},
            {u"tax"_s, money(o.tax)},
            {u"total"_s, money(o.total)},
            {u"replayed"_s, o.replayed},
            {u"lines"_s, lines}};
}

ApiResponse orderResponse(const Result<erp::OrderOutcome> &outcome, int status = 200)
{
    if (!outcome)
        return failure(outcome.error());
    return ApiResponse::json({{u"order"_s, outcomeJson(*outcome)}}, status);
}

// The order of {id} when the caller may see it: 404 for an unknown id, 403 out_of_scope for a
// rep outside the customer's territory.
std::optional<ApiResponse> scopedOrder(ApiContext &c, QString *orderId)
{
    if (auto p = idParam(c, 0, orderId))
        return p;
    auto row = erp::queryRow(c.db,
                             u"SELECT c.territory FROM sales_orders o JOIN customers c ON "
                             "c.id = o.customer_id WHERE o.id = ?"_s,
                             {*orderId});
    if (!row)
        return failure(row.error());
    if (row->isEmpty())
        return ApiResponse::error(404, u"not_found"_s, u"unknown sales order %1"_s.arg(*orderId));
    return checkScope(c, row->at(0).toString());
}

ApiResponse takeOrder(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p
        = onlyFields(body, {u"id"_s, u"customer_id"_s, u"currency"_s, u"date"_s, u"lines"_s}))
        return *p;
    QString id, customerId, currency;
    QList<QJsonObject> lines;
    SalesDocument doc;
    if (auto p = idField(body, u"id"_s, false, &id))
        return *p;
    if (auto p = idField(body, u"customer_id"_s, true, &customerId))
        return *p;
    if (auto p = body::optionalString(body, u"currency"_s, 3, &currency))
        return *p;
    if (auto p = postingDate(body, &doc.date))
        return *p;
    if (auto p = body::objectArray(body, u"lines"_s, MaxLines, &lines))
        return *p;
    erp::MasterData master(c.db);
    auto customer = master.findCustomer(customerId);
    if (!customer)
        return failure(customer.error());
    if (auto p = checkScope(c, customer->customer.territory))
        return *p;
    doc.id = id.isEmpty() ? Uuid7::generate() : QUuid::fromString(id);
    doc.customerId = customer->customer.id;
    doc.currency = currency.isEmpty() ? customer->customer.currency : currency;
    doc.createdBy = c.caller->user.login;
    for (const QJsonObject &line : lines) {
        if (auto p = onlyFields(line, {u"sku"_s, u"quantity"_s, u"unit"_s, u"warehouse"_s}))
            return *p;
        DocumentLine l;
        l.lineNo = int(doc.lines.size()) + 1;
        QString unit, quantity;
        if (auto p = body::requiredString(line, u"sku"_s, 64, &l.sku))
            return *p;
        if (auto p = body::optionalString(line, u"unit"_s, 16, &unit))
            return *p;
        if (auto p = body::optionalString(line, u"warehouse"_s, 32, &l.warehouseCode))
            return *p;
        if (auto p = body::requiredDecimal(line, u"quantity"_s, &quantity))
            return *p;
        if (unit.isEmpty()) {
            auto product = master.findProduct(l.sku);
            if (!product)
                return failure(product.error());
            unit = product->baseUnit;
        }
        auto q = Quantity::parse(quantity, unit);
        if (!q || !q->isPositive()) {
            return ApiResponse::error(
                422, u"invalid_value"_s,
                u"line %1: the quantity must be above zero with at most 3 decimals"_s.arg(
                    l.lineNo));
        }
        l.quantity = *q;
        doc.lines.append(l);
    }
    auto outcome = erp::SalesOrders(c.db).intake(actorOf(c), doc);
    return orderResponse(outcome, outcome && !outcome->replayed ? 201 : 200);
}

ApiResponse listOrders(ApiContext &c)
{
    const QString status = c.request.query.queryItemValue(u"status"_s);
    const QString customer = c.request.query.queryItemValue(u"customer_id"_s);
    QString sql = u"SELECT o.id FROM sales_orders o JOIN customers c ON c.id = o.customer_id "
                  "WHERE 1 = 1"_s;
    QVariantList bindings;
    if (!status.isEmpty()) {
        DocumentStatus parsed;
        if (status.size() > 32 || !parseDocumentStatus(status, &parsed))
            return ApiResponse::error(422, u"invalid_value"_s, u"unknown order status"_s);
        sql += u" AND o.status = ?"_s;
        bindings.append(status);
    }
    if (!customer.isEmpty()) {
        sql += u" AND o.customer_id = ?"_s;
        bindings.append(customer.left(64).toLower());
    }
    if (c.caller->user.role == Role::Rep) {
        const QStringList own = c.caller->user.territories;
        if (own.isEmpty())
            return ApiResponse::json({{u"orders"_s, QJsonArray()}});
        sql += u" AND c.territory IN ("_s + QStringList(own.size(), u"?"_s).join(u", "_s) + u')';
        for (const QString &t : own)
            bindings.append(t);
    }
    sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT 200"_s;
    auto rows = erp::queryRows(c.db, sql, bindings);
    if (!rows)
        return failure(rows.error());
    erp::SalesOrders orders(c.db);
    QJsonArray list;
    for (const erp::Row &row : *rows) {
        auto o = orders.find(row.at(0).toString());
        if (!o)
            return failure(o.error());
        list.append(outcomeJson(*o));
    }
    return ApiResponse::json({{u"orders"_s, list}});
}

ApiResponse showOrder(ApiContext &c)
{
    QString id;
    if (auto p = scopedOrder(c, &id))
        return *p;
    return orderResponse(erp::SalesOrders(c.db).find(id));
}

// An action on an order with an optional text field (note, reason).
ApiResponse orderAction(
    ApiContext &c, const QString &field, bool required,
    const std::function<Result<erp::OrderOutcome>(erp::SalesOrders &, const erp::Actor &,
                                                  const QString &, const QString &)> &action)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    if (auto p = onlyFields(body, field.isEmpty() ? QStringList() : QStringList {field}))
        return *p;
    QString text;
    if (!field.isEmpty()) {
        if (auto p = required ? body::requiredString(body, field, 1000, &text)
                              : body::optionalString(body, field, 1000, &text))
            return *p;
    }
    QString id;
    if (auto p = scopedOrder(c, &id))
        return *p;
    erp::SalesOrders orders(c.db);
    return orderResponse(action(orders, actorOf(c), id, text));
}

ApiResponse approveOrder(ApiContext &c)
{
    return orderAction(c, u"note"_s, false, [](auto &o, const auto &a, const auto &id, auto &t) {
        return o.approveCreditHold(a, id, t);
    });
}

ApiResponse rejectOrder(ApiContext &c)
{
    return orderAction(c, u"reason"_s, true, [](auto &o, const auto &a, const auto &id, auto &t) {
        return o.rejectCreditHold(a, id, t);
    });
}

ApiResponse allocateOrder(ApiContext &c)
{
    return orderAction(c, QString(), false, [](auto &o, const auto &a, const auto &id, auto &) {
        return o.allocate(a, id);
    });
}

ApiResponse cancelOrder(ApiContext &c)
{
    return orderAction(c, u"reason"_s, true, [](auto &o, const auto &a, const auto &id, auto &t) {
        return o.cancel(a, id, t);
    });
}

// deliver / invoice: {date?} -> {id of the delivery or invoice, order}
ApiResponse fulfil(ApiContext &c, bool invoice)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    if (auto p = onlyFields(body, {u"date"_s}))
        return *p;
    QDate date;
    if (auto p = postingDate(body, &date))
        return *p;
    QString id;
    if (auto p = scopedOrder(c, &id))
        return *p;
    erp::Fulfilment fulfilment(c.db);
    auto done = invoice ? fulfilment.invoice(actorOf(c), id, date)
                        : fulfilment.deliver(actorOf(c), id, date);
    if (!done)
        return failure(done.error());
    auto order = erp::SalesOrders(c.db).find(id);
    if (!order)
        return failure(order.error());
    return ApiResponse::json(
        {{invoice ? u"invoice_id"_s : u"delivery_id"_s, *done}, {u"order"_s, outcomeJson(*order)}},
        201);
}

ApiResponse deliverOrder(ApiContext &c)
{
    return fulfil(c, false);
}

ApiResponse invoiceOrder(ApiContext &c)
{
    return fulfil(c, true);
}

ApiResponse recordPayment(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(
            body, {u"customer_id"_s, u"amount"_s, u"method"_s, u"date"_s, u"invoice_id"_s}))
        return *p;
    QString customerId, method, invoiceId;
    QDate date;
    if (auto p = idField(body, u"customer_id"_s, true, &customerId))
        return *p;
    if (auto p = body::requiredString(body, u"method"_s, 32, &method))
        return *p;
    if (auto p = idField(body, u"invoice_id"_s, false, &invoiceId))
        return *p;
    if (auto p = postingDate(body, &date))
        return *p;
    auto customer = erp::MasterData(c.db).findCustomer(customerId);
    if (!customer)
        return failure(customer.error());
    qint64 minor = 0;
    if (auto p = amountField(body, u"amount"_s, customer->customer.currency, &minor))
        return *p;
    if (minor <= 0)
        return ApiResponse::error(422, u"invalid_value"_s, u"a payment must be above zero"_s);
    const Money amount = Money::fromMinor(minor, customer->customer.currency).value();
    erp::Receivables receivables(c.db);
    auto payment
        = receivables.recordPayment(actorOf(c), customerId, date, amount, method, invoiceId);
    if (!payment)
        return failure(payment.error());
    auto unallocated = receivables.unallocatedPayment(*payment);
    if (!unallocated)
        return failure(unallocated.error());
    QJsonObject out {
        {u"payment_id"_s, *payment},
        {u"amount"_s, json::money(amount)},
        {u"on_account"_s, json::money(Money::fromMinor(*unallocated, amount.currency()).value())}};
    if (!invoiceId.isEmpty()) {
        auto open = receivables.openBalance(invoiceId);
        if (!open)
            return failure(open.error());
        out.insert(u"invoice_open"_s,
                   json::money(Money::fromMinor(*open, amount.currency()).value()));
    }
    return ApiResponse::json(out, 201);
}

ApiResponse recordReturn(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"invoice_id"_s, u"lines"_s, u"date"_s, u"warehouse"_s}))
        return *p;
    QString invoiceId, warehouse;
    QDate date;
    QList<QJsonObject> lines;
    if (auto p = idField(body, u"invoice_id"_s, true, &invoiceId))
        return *p;
    if (auto p = body::optionalString(body, u"warehouse"_s, 32, &warehouse))
        return *p;
    if (auto p = postingDate(body, &date))
        return *p;
    if (auto p = body::objectArray(body, u"lines"_s, MaxLines, &lines))
        return *p;
    QList<erp::ReturnLine> returns;
    for (const QJsonObject &line : lines) {
        if (auto p = onlyFields(line, {u"line_no"_s, u"quantity"_s}))
            return *p;
        erp::ReturnLine r;
        qint64 lineNo = 0;
        if (auto p = body::requiredInteger(line, u"line_no"_s, 1, 100000, &lineNo))
            return *p;
        r.lineNo = int(lineNo);
        if (auto p = quantityField(line, u"quantity"_s, false, &r.qtyMilli))
            return *p;
        returns.append(r);
    }
    // A rep never reaches here (role guard); scope needs no check for warehouse and finance.
    auto note = erp::Fulfilment(c.db).returnGoods(actorOf(c), invoiceId, returns, date, warehouse);
    if (!note)
        return failure(note.error());
    return ApiResponse::json({{u"credit_note_id"_s, *note}}, 201);
}

} // namespace

void addOrderRoutes(HqServer &server)
{
    using R = Role;
    server.addRoute(u"POST"_s, u"/v1/orders"_s, RouteGuard::roles({R::Rep, R::Manager}), takeOrder);
    const auto readers
        = RouteGuard::roles({R::Rep, R::Manager, R::Warehouse, R::Finance, R::Admin});
    server.addRoute(u"GET"_s, u"/v1/orders"_s, readers, listOrders);
    server.addRoute(u"GET"_s, u"/v1/orders/{id}"_s, readers, showOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/approve"_s, RouteGuard::roles({R::Finance}),
                    approveOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/reject"_s, RouteGuard::roles({R::Finance}),
                    rejectOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/allocate"_s,
                    RouteGuard::roles({R::Manager, R::Warehouse}), allocateOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/cancel"_s, RouteGuard::roles({R::Rep, R::Manager}),
                    cancelOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/deliver"_s, RouteGuard::roles({R::Warehouse}),
                    deliverOrder);
    server.addRoute(u"POST"_s, u"/v1/orders/{id}/invoice"_s, RouteGuard::roles({R::Finance}),
                    invoiceOrder);
    server.addRoute(u"POST"_s, u"/v1/payments"_s, RouteGuard::roles({R::Finance}), recordPayment);
    server.addRoute(u"POST"_s, u"/v1/returns"_s, RouteGuard::roles({R::Warehouse, R::Finance}),
                    recordReturn);
}

} // namespace karvan::hq::http::erpapi
