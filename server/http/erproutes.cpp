// The back office's master data over HTTP (stock, orders, purchasing, reports and import are in
// erproutes_stock.cpp and erproutes_orders.cpp):
//   GET   /v1/customers?territory=&search=&limit=   rep (own territories), manager, finance, admin
//   GET   /v1/customers/{id}                        same; a rep outside: 403 out_of_scope
//   POST  /v1/customers                             manager, admin
//   PATCH /v1/customers/{id}                        manager, admin
//   POST  /v1/customers/{id}/archive {archived?}    manager, admin
//   POST  /v1/customers/{id}/credit-hold {hold}     finance
//   POST  /v1/customers/{id}/credit-limit {credit_limit: "1234.50" | null}   finance
//   GET   /v1/products?search=  /v1/products/{sku}  every role
//   GET   /v1/warehouses                            every role but kiosk
//   GET   /v1/price-lists                           rep, manager, finance, admin
#include "domain/ids.h"
#include "domain/json.h"
#include "erp/masterdata.h"
#include "http/erproutes_support.h"
#include "storage/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

using namespace erpapi;

namespace {

constexpr qint64 MaxListRows = 500;

QJsonObject customerJson(const erp::CustomerRecord &record)
{
    QJsonObject o = json::customer(record.customer);
    o.insert(u"credit_hold"_s, record.creditHold);
    return o;
}

// LIKE pattern of a search text, with its own wildcards escaped.
QString likePattern(const QString &search)
{
    QString escaped = search.toLower();
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

std::optional<ApiResponse> listLimit(const ApiContext &c, qint64 *limit)
{
    *limit = 100;
    const QString text = c.request.query.queryItemValue(u"limit"_s);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    *limit = text.toLongLong(&ok);
    if (!ok || *limit < 1 || *limit > MaxListRows) {
        return ApiResponse::error(422, u"invalid_value"_s,
                                  u"limit must be 1 to %1"_s.arg(MaxListRows));
    }
    return std::nullopt;
}

ApiResponse listCustomers(ApiContext &c)
{
    const QString territory = c.request.query.queryItemValue(u"territory"_s).trimmed();
    const QString search
        = c.request.query.queryItemValue(u"search"_s, QUrl::FullyDecoded).trimmed().left(200);
    qint64 limit = 0;
    if (auto p = listLimit(c, &limit))
        return *p;
    QString sql = u"SELECT id FROM customers WHERE 1 = 1"_s;
    QVariantList bindings;
    if (!territory.isEmpty()) {
        if (auto p = checkScope(c, territory))
            return *p;
        sql += u" AND territory = ?"_s;
        bindings.append(territory);
    } else if (c.caller->user.role == Role::Rep) {
        const QStringList own = c.caller->user.territories;
        if (own.isEmpty())
            return ApiResponse::json({{u"customers"_s, QJsonArray()}});
        sql += u" AND territory IN ("_s + QStringList(own.size(), u"?"_s).join(u", "_s) + u')';
        for (const QString &t : own)
            bindings.append(t);
    }
    if (!search.isEmpty()) {
        sql += u" AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(code) LIKE ? ESCAPE '\\')"_s;
        bindings += {likePattern(search), likePattern(search)};
    }
    sql += u" ORDER BY code LIMIT %1"_s.arg(limit);
    auto rows = erp::queryRows(c.db, sql, bindings);
    if (!rows)
        return failure(rows.error());
    erp::MasterData master(c.db);
    QJsonArray list;
    for (const erp::Row &row : *rows) {
        auto record = master.findCustomer(row.at(0).toString());
        if (!record)
            return failure(record.error());
        list.append(customerJson(*record));
    }
    return ApiResponse::json({{u"customers"_s, list}});
}

// The customer of {id} when the caller may see it.
std::optional<ApiResponse> scopedCustomer(ApiContext &c, erp::CustomerRecord *out)
{
    QString id;
    if (auto p = idParam(c, 0, &id))
        return p;
    auto record = erp::MasterData(c.db).findCustomer(id);
    if (!record)
        return failure(record.error());
    if (auto p = checkScope(c, record->customer.territory))
        return p;
    *out = *record;
    return std::nullopt;
}

ApiResponse showCustomer(ApiContext &c)
{
    erp::CustomerRecord record;
    if (auto p = scopedCustomer(c, &record))
        return *p;
    return ApiResponse::json({{u"customer"_s, customerJson(record)}});
}

const QStringList CustomerFields {
    u"name"_s,         u"territory"_s, u"tax_region"_s, u"currency"_s, u"payment_terms_days"_s,
    u"credit_limit"_s, u"phone"_s,     u"email"_s,      u"notes"_s,    u"language"_s,
    u"price_list_id"_s};

// Applies the body's fields to customer; on create, name/territory/tax_region/currency are
// required.
std::optional<ApiResponse> applyCustomerFields(const QJsonObject &body, bool create,
                                               Customer *customer)
{
    if (auto p = onlyFields(body, CustomerFields))
        return p;
    struct TextField
    {
        QString name;
        qsizetype max;
        QString *target;
        bool required;
    };
    const QList<TextField> texts {
        {u"name"_s, 200, &customer->name, create},
        {u"territory"_s, 32, &customer->territory, create},
        {u"tax_region"_s, 32, &customer->taxRegion, create},
        {u"currency"_s, 3, &customer->currency, create},
        {u"phone"_s, 64, &customer->phone, false},
        {u"email"_s, 200, &customer->email, false},
        {u"notes"_s, 4000, &customer->notes, false},
        {u"language"_s, 35, &customer->language, false},
    };
    for (const TextField &f : texts) {
        if (!f.required && !body.contains(f.name))
            continue;
        QString value;
        if (auto p = f.required ? body::requiredString(body, f.name, f.max, &value)
                                : body::optionalString(body, f.name, f.max, &value))
            return p;
        *f.target = value;
    }
    if (!create && body.contains(u"name"_s) && customer->name.trimmed().isEmpty())
        return ApiResponse::error(422, u"invalid_value"_s, u"a customer needs a name"_s);
    qint64 terms = customer->paymentTermsDays;
    if (auto p = body::optionalInteger(body, u"payment_terms_days"_s, 0, 3650, &terms))
        return p;
    customer->paymentTermsDays = int(terms);
    if (body.contains(u"credit_limit"_s)) {
        if (body.value(u"credit_limit"_s).isNull()) {
            customer->creditLimit.reset();
        } else {
            qint64 minor = 0;
            if (!Currency::isKnown(customer->currency)) {
                return ApiResponse::error(422, u"invalid_value"_s,
                                          u"unknown currency \"%1\""_s.arg(customer->currency));
            }
            if (auto p = amountField(body, u"credit_limit"_s, customer->currency, &minor))
                return p;
            customer->creditLimit = Money::fromMinor(minor, customer->currency).value();
        }
    }
    if (body.contains(u"price_list_id"_s)) {
        QString list;
        if (auto p = idField(body, u"price_list_id"_s, false, &list))
            return p;
        customer->priceListId = list.isEmpty() ? QUuid() : QUuid::fromString(list);
    }
    return std::nullopt;
}

ApiResponse createCustomer(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    Customer customer;
    if (auto p = applyCustomerFields(body, true, &customer))
        return *p;
    auto saved = erp::MasterData(c.db).saveCustomer(actorOf(c), customer);
    if (!saved)
        return failure(saved.error());
    return ApiResponse::json({{u"customer"_s, customerJson(*saved)}}, 201);
}

ApiResponse updateCustomer(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    {
        // Types and lengths first, so bad input is 400 whether or not the customer exists.
        Customer probe;
        probe.currency = u"USD"_s;
        if (auto p = applyCustomerFields(body, false, &probe))
            return *p;
    }
    erp::CustomerRecord record;
    if (auto p = scopedCustomer(c, &record))
        return *p;
    Customer customer = record.customer;
    if (auto p = applyCustomerFields(body, false, &customer))
        return *p;
    auto saved = erp::MasterData(c.db).saveCustomer(actorOf(c), customer);
    if (!saved)
        return failure(saved.error());
    return ApiResponse::json({{u"customer"_s, customerJson(*saved)}});
}

ApiResponse archiveCustomer(ApiContext &c)
{
    QJsonObject body;
    if (auto p = optionalObject(c, &body))
        return *p;
    bool archived = true;
    if (auto p = onlyFields(body, {u"archived"_s}))
        return *p;
    if (auto p = body::optionalBool(body, u"archived"_s, true, &archived))
        return *p;
    erp::CustomerRecord record;
    if (auto p = scopedCustomer(c, &record))
        return *p;
    erp::MasterData master(c.db);
    const QString id = idToString(record.customer.id);
    if (auto r = master.setArchived(actorOf(c), id, archived); !r)
        return failure(r.error());
    auto after = master.findCustomer(id);
    if (!after)
        return failure(after.error());
    return ApiResponse::json({{u"customer"_s, customerJson(*after)}});
}

ApiResponse creditHold(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"hold"_s}))
        return *p;
    if (!body.contains(u"hold"_s)) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"hold\" (true or false) is required"_s);
    }
    bool hold = false;
    if (auto p = body::optionalBool(body, u"hold"_s, false, &hold))
        return *p;
    erp::CustomerRecord record;
    if (auto p = scopedCustomer(c, &record))
        return *p;
    erp::MasterData master(c.db);
    const QString id = idToString(record.customer.id);
    if (auto r = master.setCreditHold(actorOf(c), id, hold); !r)
        return failure(r.error());
    auto after = master.findCustomer(id);
    if (!after)
        return failure(after.error());
    return ApiResponse::json({{u"customer"_s, customerJson(*after)}});
}

ApiResponse creditLimit(ApiContext &c)
{
    QJsonObject body;
    if (auto p = body::object(c.request, &body))
        return *p;
    if (auto p = onlyFields(body, {u"credit_limit"_s}))
        return *p;
    if (!body.contains(u"credit_limit"_s)) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"credit_limit\" (an amount, or null for no limit) is "
                                  "required"_s);
    }
    erp::CustomerRecord record;
    if (auto p = scopedCustomer(c, &record))
        return *p;
    std::optional<Money> limit;
    if (!body.value(u"credit_limit"_s).isNull()) {
        qint64 minor = 0;
        if (auto p = amountField(body, u"credit_limit"_s, record.customer.currency, &minor))
            return *p;
        if (minor < 0)
            return ApiResponse::error(422, u"invalid_value"_s,
                                      u"a credit limit cannot be negative"_s);
        auto money = Money::fromMinor(minor, record.customer.currency);
        if (!money)
            return failure(money.error());
        limit = *money;
    }
    auto saved
        = erp::MasterData(c.db).setCreditLimit(actorOf(c), idToString(record.customer.id), limit);
    if (!saved)
        return failure(saved.error());
    return ApiResponse::json({{u"customer"_s, customerJson(*saved)}});
}

ApiResponse listProducts(ApiContext &c)
{
    const QString search
        = c.request.query.queryItemValue(u"search"_s, QUrl::FullyDecoded).trimmed().left(200);
    qint64 limit = 0;
    if (auto p = listLimit(c, &limit))
        return *p;
    QString sql = u"SELECT sku FROM products WHERE active = 1"_s;
    QVariantList bindings;
    if (!search.isEmpty()) {
        sql += u" AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(sku) LIKE ? ESCAPE '\\' OR "
               "barcode = ?)"_s;
        bindings += {likePattern(search), likePattern(search), search};
    }
    sql += u" ORDER BY sku LIMIT %1"_s.arg(limit);
    auto rows = erp::queryRows(c.db, sql, bindings);
    if (!rows)
        return failure(rows.error());
    erp::MasterData master(c.db);
    QJsonArray list;
    for (const erp::Row &row : *rows) {
        auto product = master.findProduct(row.at(0).toString());
        if (!product)
            return failure(product.error());
        list.append(json::product(*product));
    }
    return ApiResponse::json({{u"products"_s, list}});
}

ApiResponse showProduct(ApiContext &c)
{
    const QString sku = c.params.value(0);
    if (sku.size() > 64)
        return ApiResponse::error(404, u"not_found"_s, u"unknown product"_s);
    auto product = erp::MasterData(c.db).findProduct(sku);
    if (!product)
        return failure(product.error());
    return ApiResponse::json({{u"product"_s, json::product(*product)}});
}

ApiResponse listWarehouses(ApiContext &c)
{
    auto rows = erp::queryRows(
        c.db, u"SELECT id, code, name, region, store FROM warehouses ORDER BY code"_s);
    if (!rows)
        return failure(rows.error());
    QJsonArray list;
    for (const erp::Row &r : *rows) {
        list.append(QJsonObject {{u"id"_s, r.at(0).toString()},
                                 {u"code"_s, r.at(1).toString()},
                                 {u"name"_s, r.at(2).toString()},
                                 {u"region"_s, r.at(3).toString()},
                                 {u"store"_s, r.at(4).toString()}});
    }
    return ApiResponse::json({{u"warehouses"_s, list}});
}

ApiResponse listPriceLists(ApiContext &c)
{
    auto lists = erp::queryRows(
        c.db, u"SELECT id, code, name, currency, is_base FROM price_lists ORDER BY code"_s);
    if (!lists)
        return failure(lists.error());
    QJsonArray out;
    for (const erp::Row &l : *lists) {
        auto tiers = erp::queryRows(c.db,
                                    u"SELECT sku, unit, min_milli, unit_price_minor FROM "
                                    "price_list_tiers WHERE price_list_id = ? "
                                    "ORDER BY sku, unit, min_milli"_s,
                                    {l.at(0)});
        if (!tiers)
            return failure(tiers.error());
        const QString currency = l.at(3).toString();
        QJsonArray entries;
        for (const erp::Row &t : *tiers) {
            auto price = Money::fromMinor(t.at(3).toLongLong(), currency);
            entries.append(QJsonObject {
                {u"sku"_s, t.at(0).toString()},
                {u"unit"_s, t.at(1).toString()},
                {u"min_quantity"_s,
                 Quantity::fromMilli(t.at(2).toLongLong(), u"ea"_s)->toDecimalString()},
                {u"unit_price"_s, price ? json::money(*price) : QJsonValue()}});
        }
        out.append(QJsonObject {{u"id"_s, l.at(0).toString()},
                                {u"code"_s, l.at(1).toString()},
                                {u"name"_s, l.at(2).toString()},
                                {u"currency"_s, currency},
                                {u"is_base"_s, l.at(4).toInt() != 0},
                                {u"entries"_s, entries}});
    }
    return ApiResponse::json({{u"price_lists"_s, out}});
}

} // namespace

void addErpRoutes(HqServer &server)
{
    const auto readers = RouteGuard::roles({Role::Rep, Role::Manager, Role::Finance, Role::Admin});
    const auto masterData = RouteGuard::roles({Role::Manager, Role::Admin});
    server.addRoute(u"GET"_s, u"/v1/customers"_s, readers, listCustomers);
    server.addRoute(u"GET"_s, u"/v1/customers/{id}"_s, readers, showCustomer);
    server.addRoute(u"POST"_s, u"/v1/customers"_s, masterData, createCustomer);
    server.addRoute(u"PATCH"_s, u"/v1/customers/{id}"_s, masterData, updateCustomer);
    server.addRoute(u"POST"_s, u"/v1/customers/{id}/archive"_s, masterData, archiveCustomer);
    server.addRoute(u"POST"_s, u"/v1/customers/{id}/credit-hold"_s,
                    RouteGuard::roles({Role::Finance}), creditHold);
    server.addRoute(u"POST"_s, u"/v1/customers/{id}/credit-limit"_s,
                    RouteGuard::roles({Role::Finance}), creditLimit);
    const auto everyone = RouteGuard::roles(allRoles());
    server.addRoute(u"GET"_s, u"/v1/products"_s, everyone, listProducts);
    server.addRoute(u"GET"_s, u"/v1/products/{sku}"_s, everyone, showProduct);
    server.addRoute(
        u"GET"_s, u"/v1/warehouses"_s,
        RouteGuard::roles({Role::Rep, Role::Manager, Role::Warehouse, Role::Finance, Role::Admin}),
        listWarehouses);
    server.addRoute(u"GET"_s, u"/v1/price-lists"_s, readers, listPriceLists);
    addOrderRoutes(server);
    addStockRoutes(server);
    addAlertRoutes(server);
    addAttachmentRoutes(server);
}

} // namespace karvan::hq::http
