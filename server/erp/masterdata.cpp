#include "erp/masterdata.h"

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "services/customerfields.h"
#include "storage/database.h"
#include "sync/changefeed.h"
#include "sync/hqclock.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArray(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).array();
}

QJsonArray contactsJson(const QList<Contact> &contacts)
{
    QJsonArray out;
    for (const Contact &c : contacts)
        out.append(QJsonObject {{u"name"_s, c.name},
                                {u"role"_s, c.role},
                                {u"phone"_s, c.phone},
                                {u"email"_s, c.email}});
    return out;
}

QJsonArray addressesJson(const QList<Address> &addresses)
{
    QJsonArray out;
    for (const Address &a : addresses)
        out.append(QJsonObject {
            {u"kind"_s, a.kind == Address::Kind::Billing ? u"billing"_s : u"shipping"_s},
            {u"line1"_s, a.line1},
            {u"line2"_s, a.line2},
            {u"city"_s, a.city},
            {u"region"_s, a.region},
            {u"postalCode"_s, a.postalCode},
            {u"country"_s, a.country}});
    return out;
}

QJsonObject customerJson(const CustomerRecord &r)
{
    const Customer &c = r.customer;
    return {{u"code"_s, c.code},
            {u"name"_s, c.name},
            {u"territory"_s, c.territory},
            {u"priceListId"_s, c.priceListId.isNull() ? QString() : idToString(c.priceListId)},
            {u"paymentTermsDays"_s, c.paymentTermsDays},
            {u"creditLimit"_s, c.creditLimit ? c.creditLimit->toString() : QString()},
            {u"currency"_s, c.currency},
            {u"taxRegion"_s, c.taxRegion},
            {u"archived"_s, c.archived},
            {u"creditHold"_s, r.creditHold},
            {u"contacts"_s, contactsJson(c.contacts)},
            {u"addresses"_s, addressesJson(c.addresses)}};
}

// What a rep may do to a customer: create one in its territories (no credit limit, no price
// list, not archived) and change the rep-editable fields of one in its territories.
Result<void> repMayWrite(const Actor &actor, const Customer *before, const Customer &after)
{
    const QString denied = PermissionDenied + u"a rep "_s;
    if (!before) {
        if (after.creditLimit || !after.priceListId.isNull() || after.archived)
            return conflict(denied + u"cannot set a credit limit, a price list or archive"_s);
        return {};
    }
    if (auto t = authorizeTerritory(actor, before->territory); !t)
        return t;
    if (before->archived)
        return conflict(u"customer %1 is archived"_s.arg(before->code));
    const bool hqFieldsSame = before->territory == after.territory
        && before->priceListId == after.priceListId
        && before->paymentTermsDays == after.paymentTermsDays
        && before->creditLimit == after.creditLimit && before->currency == after.currency
        && before->taxRegion == after.taxRegion && before->archived == after.archived
        && (after.code.isEmpty() || before->code == after.code);
    if (!hqFieldsSame)
        return conflict(denied
                        + u"may change only %1 of a customer"_s.arg(
                            customerfields::repEditable().join(u", "_s)));
    return {};
}

// Stamps each rep-editable field that changed, or that a device wrote (fieldHlc), with the
// HLC of this write.
Result<void> stampFieldVersions(Database &db, const Customer *before, const Customer &after,
                                const QMap<QString, QString> &fieldHlc)
{
    // Bulk loads (feed touches suspended) leave HQ's own values unstamped: an unstamped field
    // is older than any device edit.
    if (sync::FeedTouchesSuspended::active() && fieldHlc.isEmpty())
        return {};
    QString hqNow;
    for (const QString &field : customerfields::repEditable()) {
        const bool changed = !before
            || customerfields::value(*before, field) != customerfields::value(after, field);
        if (!changed && !fieldHlc.contains(field))
            continue;
        QString hlc = fieldHlc.value(field);
        if (hlc.isEmpty()) {
            if (hqNow.isEmpty())
                hqNow = sync::hqClock().now().toString();
            hlc = hqNow;
        }
        if (auto w = execSql(db,
                             u"INSERT INTO customer_field_versions (customer_id, field, hlc) "
                             "VALUES (?, ?, ?) ON CONFLICT (customer_id, field) DO UPDATE SET "
                             "hlc = excluded.hlc"_s,
                             {idToString(after.id), field, hlc});
            !w)
            return w;
    }
    return {};
}

} // namespace

const QString CustomerColumns
    = u"id, code, name, language, contacts, addresses, phone, email, notes, territory, "
      "price_list_id, payment_terms_days, credit_limit_minor, currency, tax_region, archived, "
      "credit_hold, updated_at"_s;

Result<CustomerRecord> customerFromRow(const Row &r)
{
    if (r.size() < 18)
        return makeError(ErrorCode::Storage, u"customer row: missing columns"_s);
    CustomerRecord out;
    Customer &c = out.customer;
    c.id = QUuid::fromString(r.at(0).toString());
    c.code = r.at(1).toString();
    c.name = r.at(2).toString();
    c.language = r.at(3).toString();
    for (const QJsonValue &v : jsonArray(r.at(4))) {
        const QJsonObject o = v.toObject();
        c.contacts.append(Contact {o.value(u"name"_s).toString(), o.value(u"role"_s).toString(),
                                   o.value(u"phone"_s).toString(), o.value(u"email"_s).toString()});
    }
    for (const QJsonValue &v : jsonArray(r.at(5))) {
        const QJsonObject o = v.toObject();
        Address a;
        a.kind = o.value(u"kind"_s).toString() == u"shipping"_s ? Address::Kind::Shipping
                                                                : Address::Kind::Billing;
        a.line1 = o.value(u"line1"_s).toString();
        a.line2 = o.value(u"line2"_s).toString();
        a.city = o.value(u"city"_s).toString();
        a.region = o.value(u"region"_s).toString();
        a.postalCode = o.value(u"postalCode"_s).toString();
        a.country = o.value(u"country"_s).toString();
        c.addresses.append(a);
    }
    c.phone = r.at(6).toString();
    c.email = r.at(7).toString();
    c.notes = r.at(8).toString();
    c.territory = r.at(9).toString();
    if (!r.at(10).isNull())
        c.priceListId = QUuid::fromString(r.at(10).toString());
    c.paymentTermsDays = r.at(11).toInt();
    c.currency = r.at(13).toString();
    if (!r.at(12).isNull()) {
        auto limit = Money::fromMinor(r.at(12).toLongLong(), c.currency);
        if (!limit)
            return limit.error();
        c.creditLimit = *limit;
    }
    c.taxRegion = r.at(14).toString();
    c.archived = r.at(15).toInt() != 0;
    out.creditHold = r.at(16).toInt() != 0;
    c.updatedAt = QDateTime::fromString(r.at(17).toString(), Qt::ISODateWithMs);
    return out;
}

const QString ProductColumns
    = u"id, sku, barcode, name, category, base_unit, unit_conversions, tax_class, active"_s;

Result<Product> productFromRow(const Row &r)
{
    if (r.size() < 9)
        return makeError(ErrorCode::Storage, u"product row: missing columns"_s);
    Product p;
    p.id = QUuid::fromString(r.at(0).toString());
    p.sku = r.at(1).toString();
    p.barcode = r.at(2).toString();
    p.name = r.at(3).toString();
    p.category = r.at(4).toString();
    p.baseUnit = r.at(5).toString();
    for (const QJsonValue &v : jsonArray(r.at(6))) {
        const QJsonObject o = v.toObject();
        p.unitConversions.append(UnitConversion {o.value(u"unit"_s).toString(),
                                                 o.value(u"baseMilliPerUnit"_s).toInteger()});
    }
    p.taxClass = r.at(7).toString();
    p.active = r.at(8).toInt() != 0;
    return p;
}

Result<CustomerRecord> MasterData::findCustomer(const QString &id)
{
    auto row
        = queryRow(m_db, u"SELECT %1 FROM customers WHERE id = ?"_s.arg(CustomerColumns), {id});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown customer %1"_s.arg(id));
    return customerFromRow(*row);
}

Result<CustomerRecord> MasterData::saveCustomer(const Actor &actor, Customer customer,
                                                const QMap<QString, QString> &fieldHlc)
{
    // Reps keep their own territories' customers: create them, and edit what a device may.
    const bool rep = actor.role == Role::Rep;
    if (!rep) {
        if (auto a = authorize(actor, Operation::MasterData); !a)
            return a.error();
    } else if (auto t = authorizeTerritory(actor, customer.territory); !t) {
        return t.error();
    }
    for (const QString &field : fieldHlc.keys()) {
        if (!customerfields::repEditable().contains(field))
            return invalid(
                u"customer %1: \"%2\" is not a field a device writes"_s.arg(customer.name, field));
        if (!karvan::sync::Hlc::fromString(fieldHlc.value(field)))
            return invalid(u"customer %1: field %2: \"%3\" is not an HLC timestamp"_s.arg(
                customer.name, field, fieldHlc.value(field)));
    }
    if (customer.name.trimmed().isEmpty())
        return invalid(u"a customer needs a name"_s);
    if (!Currency::isKnown(customer.currency))
        return invalid(
            u"customer %1: unknown currency \"%2\""_s.arg(customer.name, customer.currency));
    if (customer.territory.isEmpty() || customer.taxRegion.isEmpty())
        return invalid(u"customer %1: needs a territory and a tax region"_s.arg(customer.name));
    if (customer.paymentTermsDays < 0 || customer.paymentTermsDays > 3650)
        return invalid(u"customer %1: payment terms must be 0 to 3650 days"_s.arg(customer.name));
    if (customer.creditLimit
        && (customer.creditLimit->currency() != customer.currency
            || customer.creditLimit->isNegative()))
        return invalid(u"customer %1: the credit limit must be a non-negative amount in %2"_s.arg(
            customer.name, customer.currency));
    CustomerRecord saved;
    auto r = m_db.transaction([&]() -> Result<void> {
        std::optional<CustomerRecord> before;
        if (customer.id.isNull()) {
            customer.id = Uuid7::generate();
        } else {
            auto existing = findCustomer(idToString(customer.id));
            if (existing)
                before = *existing;
            else if (existing.error().code != ErrorCode::NotFound)
                return existing.error();
        }
        if (before && before->customer.creditLimit != customer.creditLimit
            && !roleMay(actor.role, Operation::CreditControl)) {
            return conflict(PermissionDenied
                            + u"%1 (role %2) may not change the credit limit of customer %3: "
                              "finance sets it with POST /v1/customers/{id}/credit-limit"_s.arg(
                                  actor.login, roleName(actor.role), before->customer.code));
        }
        if (rep) {
            if (auto a = repMayWrite(actor, before ? &before->customer : nullptr, customer); !a)
                return a;
        }
        if (!customer.priceListId.isNull()) {
            auto list = queryRow(m_db, u"SELECT currency FROM price_lists WHERE id = ?"_s,
                                 {idToString(customer.priceListId)});
            if (!list)
                return list.error();
            if (list->isEmpty())
                return notFound(u"customer %1: unknown price list"_s.arg(customer.name));
        }
        if (customer.code.isEmpty()) {
            auto code = before ? Result<QString>(before->customer.code)
                               : nextDocumentNumber(m_db, u"C"_s);
            if (!code)
                return code.error();
            customer.code = *code;
        }
        const QVariantList values {
            customer.code,
            customer.name,
            customer.language,
            jsonText(contactsJson(customer.contacts)),
            jsonText(addressesJson(customer.addresses)),
            customer.phone,
            customer.email,
            customer.notes,
            customer.territory,
            customer.priceListId.isNull() ? QVariant() : QVariant(idToString(customer.priceListId)),
            customer.paymentTermsDays,
            customer.creditLimit ? QVariant(customer.creditLimit->minorUnits()) : QVariant(),
            customer.currency,
            customer.taxRegion,
            customer.archived ? 1 : 0,
            nowUtc(),
            idToString(customer.id),
        };
        const QString sql = before
            ? u"UPDATE customers SET code = ?, name = ?, language = ?, contacts = ?, addresses = "
              u"?, "
              "phone = ?, email = ?, notes = ?, territory = ?, price_list_id = ?, "
              "payment_terms_days = ?, credit_limit_minor = ?, currency = ?, tax_region = ?, "
              "archived = ?, updated_at = ? WHERE id = ?"_s
            : u"INSERT INTO customers (code, name, language, contacts, addresses, phone, email, "
              "notes, territory, price_list_id, payment_terms_days, credit_limit_minor, currency, "
              "tax_region, archived, updated_at, id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        if (auto w = execSql(m_db, sql, values); !w)
            return w;
        auto after = findCustomer(idToString(customer.id));
        if (!after)
            return after.error();
        saved = *after;
        if (auto v = stampFieldVersions(m_db, before ? &before->customer : nullptr, saved.customer,
                                        fieldHlc);
            !v)
            return v;
        const QString previousTerritory = before ? before->customer.territory : QString();
        if (auto f
            = sync::ChangeFeed(m_db).touchCustomer(idToString(customer.id), previousTerritory);
            !f)
            return f;
        return audit(m_db, actor, before ? u"customer.update"_s : u"customer.create"_s,
                     u"customer"_s, idToString(customer.id),
                     before ? customerJson(*before) : QJsonObject(), customerJson(saved));
    });
    if (!r)
        return r.error();
    return saved;
}

Result<QMap<QString, QString>> MasterData::customerFieldVersions(const QString &customerId)
{
    auto rows
        = queryRows(m_db, u"SELECT field, hlc FROM customer_field_versions WHERE customer_id = ?"_s,
                    {customerId});
    if (!rows)
        return rows.error();
    QMap<QString, QString> out;
    for (const Row &r : *rows)
        out.insert(r.at(0).toString(), r.at(1).toString());
    return out;
}

Result<void> MasterData::setCreditHold(const Actor &actor, const QString &customerId, bool hold)
{
    if (auto a = authorize(actor, Operation::CreditControl); !a)
        return a;
    return m_db.transaction([&]() -> Result<void> {
        auto before = findCustomer(customerId);
        if (!before)
            return before.error();
        if (auto w = execSql(m_db,
                             u"UPDATE customers SET credit_hold = ?, updated_at = ? "
                             "WHERE id = ?"_s,
                             {hold ? 1 : 0, nowUtc(), customerId});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touchCustomer(customerId); !f)
            return f;
        return audit(m_db, actor, u"customer.credit_hold"_s, u"customer"_s, customerId,
                     {{u"creditHold"_s, before->creditHold}}, {{u"creditHold"_s, hold}});
    });
}

Result<CustomerRecord> MasterData::setCreditLimit(const Actor &actor, const QString &customerId,
                                                  const std::optional<Money> &limit)
{
    if (auto a = authorize(actor, Operation::CreditControl); !a)
        return a.error();
    CustomerRecord saved;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto before = findCustomer(customerId);
        if (!before)
            return before.error();
        const Customer &c = before->customer;
        if (limit && (!limit->isValid() || limit->currency() != c.currency || limit->isNegative()))
            return invalid(
                u"customer %1: the credit limit must be a non-negative amount in %2"_s.arg(
                    c.code, c.currency));
        if (auto w
            = execSql(m_db,
                      u"UPDATE customers SET credit_limit_minor = ?, updated_at = ? "
                      "WHERE id = ?"_s,
                      {limit ? QVariant(limit->minorUnits()) : QVariant(), nowUtc(), customerId});
            !w)
            return w;
        auto after = findCustomer(customerId);
        if (!after)
            return after.error();
        saved = *after;
        if (auto f = sync::ChangeFeed(m_db).touchCustomer(customerId); !f)
            return f;
        auto text = [](const std::optional<Money> &m) {
            return m ? QJsonValue(m->toString()) : QJsonValue();
        };
        return audit(m_db, actor, u"customer.credit_limit"_s, u"customer"_s, customerId,
                     {{u"creditLimit"_s, text(c.creditLimit)}},
                     {{u"creditLimit"_s, text(saved.customer.creditLimit)}});
    });
    if (!r)
        return r.error();
    return saved;
}

Result<void> MasterData::setArchived(const Actor &actor, const QString &customerId, bool archived)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a;
    return m_db.transaction([&]() -> Result<void> {
        auto before = findCustomer(customerId);
        if (!before)
            return before.error();
        if (auto w
            = execSql(m_db, u"UPDATE customers SET archived = ?, updated_at = ? WHERE id = ?"_s,
                      {archived ? 1 : 0, nowUtc(), customerId});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touchCustomer(customerId); !f)
            return f;
        return audit(m_db, actor, u"customer.archive"_s, u"customer"_s, customerId,
                     {{u"archived"_s, before->customer.archived}}, {{u"archived"_s, archived}});
    });
}

Result<Product> MasterData::findProduct(const QString &sku)
{
    auto row
        = queryRow(m_db, u"SELECT %1 FROM products WHERE sku = ?"_s.arg(ProductColumns), {sku});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown SKU %1"_s.arg(sku));
    return productFromRow(*row);
}

Result<Product> MasterData::saveProduct(const Actor &actor, Product product)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a.error();
    if (product.sku.trimmed().isEmpty() || product.name.trimmed().isEmpty()
        || product.baseUnit.isEmpty() || product.taxClass.isEmpty())
        return invalid(u"a product needs a SKU, a name, a base unit and a tax class"_s);
    QJsonArray conversions;
    for (const UnitConversion &c : product.unitConversions) {
        if (c.unit.isEmpty() || c.baseMilliPerUnit <= 0)
            return invalid(u"product %1: a unit conversion needs a unit and a positive size"_s.arg(
                product.sku));
        conversions.append(
            QJsonObject {{u"unit"_s, c.unit}, {u"baseMilliPerUnit"_s, c.baseMilliPerUnit}});
    }
    auto r = m_db.transaction([&]() -> Result<void> {
        auto existing = findProduct(product.sku);
        if (!existing && existing.error().code != ErrorCode::NotFound)
            return existing.error();
        if (existing)
            product.id = existing->id;
        else if (product.id.isNull())
            product.id = Uuid7::generate();
        const QVariantList values {product.barcode,        product.name,           product.category,
                                   product.baseUnit,       jsonText(conversions),  product.taxClass,
                                   product.active ? 1 : 0, idToString(product.id), product.sku};
        const QString sql = existing
            ? u"UPDATE products SET barcode = ?, name = ?, category = ?, base_unit = ?, "
              "unit_conversions = ?, tax_class = ?, active = ?, id = ? WHERE sku = ?"_s
            : u"INSERT INTO products (barcode, name, category, base_unit, unit_conversions, "
              "tax_class, active, id, sku) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        if (auto w = execSql(m_db, sql, values); !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touch(wire::entity::Product, idToString(product.id),
                                                  sync::CatalogScope);
            !f)
            return f;
        QJsonObject after {{u"sku"_s, product.sku},           {u"name"_s, product.name},
                           {u"baseUnit"_s, product.baseUnit}, {u"taxClass"_s, product.taxClass},
                           {u"active"_s, product.active},     {u"unitConversions"_s, conversions}};
        QJsonObject before;
        if (existing)
            before = {{u"sku"_s, existing->sku},
                      {u"name"_s, existing->name},
                      {u"baseUnit"_s, existing->baseUnit},
                      {u"taxClass"_s, existing->taxClass},
                      {u"active"_s, existing->active}};
        return audit(m_db, actor, existing ? u"product.update"_s : u"product.create"_s,
                     u"product"_s, product.sku, before, after);
    });
    if (!r)
        return r.error();
    return product;
}

Result<Warehouse> MasterData::saveWarehouse(const Actor &actor, Warehouse warehouse)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a.error();
    if (warehouse.code.isEmpty() || warehouse.name.isEmpty())
        return invalid(u"a warehouse needs a code and a name"_s);
    auto r = m_db.transaction([&]() -> Result<void> {
        auto existing
            = queryRow(m_db, u"SELECT id, name FROM warehouses WHERE code = ?"_s, {warehouse.code});
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            warehouse.id = QUuid::fromString(existing->at(0).toString());
        else if (warehouse.id.isNull())
            warehouse.id = Uuid7::generate();
        const QString sql = existing->isEmpty()
            ? u"INSERT INTO warehouses (name, region, store, id, code) VALUES (?, ?, ?, ?, ?)"_s
            : u"UPDATE warehouses SET name = ?, region = ?, store = ?, id = ? WHERE code = ?"_s;
        if (auto w = execSql(m_db, sql,
                             {warehouse.name, warehouse.region, warehouse.store,
                              idToString(warehouse.id), warehouse.code});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touch(wire::entity::Warehouse, idToString(warehouse.id),
                                                  sync::CatalogScope);
            !f)
            return f;
        return audit(m_db, actor, u"warehouse.save"_s, u"warehouse"_s, warehouse.code,
                     existing->isEmpty() ? QJsonObject()
                                         : QJsonObject {{u"name"_s, existing->at(1).toString()}},
                     {{u"name"_s, warehouse.name},
                      {u"region"_s, warehouse.region},
                      {u"store"_s, warehouse.store}});
    });
    if (!r)
        return r.error();
    return warehouse;
}

Result<bool> MasterData::warehouseExists(const QString &code)
{
    auto n = queryInt(m_db, u"SELECT COUNT(*) FROM warehouses WHERE code = ?"_s, {code});
    if (!n)
        return n.error();
    return *n > 0;
}

Result<PriceList> MasterData::savePriceList(const Actor &actor, PriceList list)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a.error();
    if (list.code.isEmpty() || !Currency::isKnown(list.currency))
        return invalid(u"a price list needs a code and a known currency"_s);
    for (const PriceListEntry &e : list.entries) {
        for (const PriceTier &t : e.tiers) {
            if (t.unitPrice.currency() != list.currency || t.unitPrice.isNegative())
                return invalid(u"price list %1, SKU %2: prices must be non-negative %3"_s.arg(
                    list.code, e.sku, list.currency));
        }
    }
    auto r = m_db.transaction([&]() -> Result<void> {
        auto existing = queryRow(m_db, u"SELECT id FROM price_lists WHERE code = ?"_s, {list.code});
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            list.id = QUuid::fromString(existing->at(0).toString());
        else if (list.id.isNull())
            list.id = Uuid7::generate();
        const QString id = idToString(list.id);
        sync::ChangeFeed feed(m_db);
        if (auto f = feed.touch(wire::entity::PriceList, id, sync::CatalogScope); !f)
            return f;
        if (list.isBase) {
            // One base list per currency: the one that stops being the base changes too.
            auto others = queryRows(
                m_db,
                u"SELECT id FROM price_lists WHERE currency = ? AND id <> ? AND is_base = 1"_s,
                {list.currency, id});
            if (!others)
                return others.error();
            for (const Row &other : *others) {
                if (auto f = feed.touch(wire::entity::PriceList, other.at(0).toString(),
                                        sync::CatalogScope);
                    !f)
                    return f;
            }
            if (auto w = execSql(
                    m_db, u"UPDATE price_lists SET is_base = 0 WHERE currency = ? AND id <> ?"_s,
                    {list.currency, id});
                !w)
                return w;
        }
        const QString sql = existing->isEmpty()
            ? u"INSERT INTO price_lists (code, name, currency, is_base, id) VALUES (?, ?, ?, ?, ?)"_s
            : u"UPDATE price_lists SET code = ?, name = ?, currency = ?, is_base = ? WHERE id = ?"_s;
        if (auto w
            = execSql(m_db, sql, {list.code, list.name, list.currency, list.isBase ? 1 : 0, id});
            !w)
            return w;
        if (auto w = execSql(m_db, u"DELETE FROM price_list_tiers WHERE price_list_id = ?"_s, {id});
            !w)
            return w;
        int tiers = 0;
        for (const PriceListEntry &e : list.entries) {
            for (const PriceTier &t : e.tiers) {
                if (auto w
                    = execSql(m_db,
                              u"INSERT INTO price_list_tiers (price_list_id, sku, unit, "
                              "min_milli, min_unit, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)"_s,
                              {id, e.sku, e.unit, t.minQuantity.milli(), t.minQuantity.unit(),
                               t.unitPrice.minorUnits()});
                    !w)
                    return w;
                ++tiers;
            }
        }
        return audit(m_db, actor, u"price_list.save"_s, u"price_list"_s, id, {},
                     {{u"code"_s, list.code},
                      {u"currency"_s, list.currency},
                      {u"isBase"_s, list.isBase},
                      {u"tiers"_s, tiers}});
    });
    if (!r)
        return r.error();
    return list;
}

Result<void> MasterData::saveCustomerPrice(const Actor &actor, const CustomerPrice &price)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a;
    if (!price.unitPrice.isValid() || price.unitPrice.isNegative() || price.sku.isEmpty())
        return invalid(u"a customer price needs a SKU and a non-negative price"_s);
    return m_db.transaction([&]() -> Result<void> {
        const QString id = newId();
        if (auto w
            = execSql(m_db,
                      u"INSERT INTO customer_prices (id, customer_id, sku, unit_price_minor, "
                      "currency, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {id, idToString(price.customerId), price.sku, price.unitPrice.minorUnits(),
                       price.unitPrice.currency(),
                       price.validFrom ? QVariant(dateText(*price.validFrom)) : QVariant(),
                       price.validTo ? QVariant(dateText(*price.validTo)) : QVariant()});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touchForCustomer(
                wire::entity::CustomerPrice, wire::customerPriceRowId(price.customerId, price.sku),
                idToString(price.customerId));
            !f)
            return f;
        return audit(m_db, actor, u"customer_price.create"_s, u"customer_price"_s, id, {},
                     {{u"customer"_s, idToString(price.customerId)},
                      {u"sku"_s, price.sku},
                      {u"price"_s, price.unitPrice.toString()}});
    });
}

Result<Promotion> MasterData::savePromotion(const Actor &actor, Promotion promo)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a.error();
    if (promo.code.isEmpty() || !promo.validFrom.isValid() || !promo.validTo.isValid())
        return invalid(u"a promotion needs a code and a validity period"_s);
    auto r = m_db.transaction([&]() -> Result<void> {
        if (promo.id.isNull())
            promo.id = Uuid7::generate();
        const QString id = idToString(promo.id);
        sync::ChangeFeed feed(m_db);
        // Saving a code again under another id replaces the old promotion: devices drop it.
        auto replaced = queryRows(m_db, u"SELECT id FROM promotions WHERE code = ? AND id <> ?"_s,
                                  {promo.code, id});
        if (!replaced)
            return replaced.error();
        for (const Row &old : *replaced) {
            if (auto f
                = feed.tombstone(wire::entity::Promotion, old.at(0).toString(), sync::CatalogScope);
                !f)
                return f;
        }
        if (auto f = feed.touch(wire::entity::Promotion, id, sync::CatalogScope); !f)
            return f;
        if (auto w = execSql(m_db, u"DELETE FROM promotions WHERE code = ?"_s, {promo.code}); !w)
            return w;
        if (auto w = execSql(
                m_db,
                u"INSERT INTO promotions (id, code, name, kind, percent_bp, amount_off_minor, "
                "currency, valid_from, valid_to, skus, territories, min_milli, min_unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {id, promo.code, promo.name,
                 promo.kind == Promotion::Kind::PercentOff ? u"percent_off"_s : u"amount_off"_s,
                 promo.percentBasisPoints, promo.amountOffPerUnit.minorUnits(),
                 promo.amountOffPerUnit.currency(), dateText(promo.validFrom),
                 dateText(promo.validTo), jsonText(QJsonArray::fromStringList(promo.skus)),
                 jsonText(QJsonArray::fromStringList(promo.territories)),
                 promo.minQuantity ? QVariant(promo.minQuantity->milli()) : QVariant(),
                 promo.minQuantity ? promo.minQuantity->unit() : QString()});
            !w)
            return w;
        return audit(m_db, actor, u"promotion.save"_s, u"promotion"_s, id, {},
                     {{u"code"_s, promo.code}, {u"percentBp"_s, promo.percentBasisPoints}});
    });
    if (!r)
        return r.error();
    return promo;
}

Result<void> MasterData::saveTaxRule(const Actor &actor, const TaxRule &rule)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a;
    if (rule.taxClass.isEmpty() || rule.region.isEmpty() || rule.rateBasisPoints < 0)
        return invalid(u"a tax rule needs a class, a region and a non-negative rate"_s);
    return m_db.transaction([&]() -> Result<void> {
        if (auto w = execSql(m_db, u"DELETE FROM tax_rules WHERE tax_class = ? AND region = ?"_s,
                             {rule.taxClass, rule.region});
            !w)
            return w;
        if (auto w = execSql(m_db,
                             u"INSERT INTO tax_rules (tax_class, region, rate_bp, inclusive, name) "
                             "VALUES (?, ?, ?, ?, ?)"_s,
                             {rule.taxClass, rule.region, rule.rateBasisPoints,
                              rule.inclusive ? 1 : 0, rule.name});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touch(wire::entity::TaxRule,
                                                  wire::taxRuleRowId(rule.taxClass, rule.region),
                                                  sync::CatalogScope);
            !f)
            return f;
        return audit(m_db, actor, u"tax_rule.save"_s, u"tax_rule"_s,
                     rule.taxClass + u'/' + rule.region, {},
                     {{u"rateBp"_s, rule.rateBasisPoints}, {u"inclusive"_s, rule.inclusive}});
    });
}

Result<Vendor> MasterData::findVendor(const QString &id)
{
    auto row
        = queryRow(m_db,
                   u"SELECT id, code, name, currency, payment_terms_days, archived FROM vendors "
                   "WHERE id = ?"_s,
                   {id});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown vendor %1"_s.arg(id));
    return Vendor {row->at(0).toString(), row->at(1).toString(), row->at(2).toString(),
                   row->at(3).toString(), row->at(4).toInt(),    row->at(5).toInt() != 0};
}

Result<Vendor> MasterData::saveVendor(const Actor &actor, Vendor vendor)
{
    if (auto a = authorize(actor, Operation::MasterData); !a)
        return a.error();
    if (vendor.name.isEmpty() || !Currency::isKnown(vendor.currency))
        return invalid(u"a vendor needs a name and a known currency"_s);
    auto r = m_db.transaction([&]() -> Result<void> {
        const bool create = vendor.id.isEmpty();
        if (create)
            vendor.id = newId();
        if (vendor.code.isEmpty()) {
            auto code = nextDocumentNumber(m_db, u"V"_s);
            if (!code)
                return code.error();
            vendor.code = *code;
        }
        const QString sql = create
            ? u"INSERT INTO vendors (code, name, currency, payment_terms_days, archived, id) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s
            : u"UPDATE vendors SET code = ?, name = ?, currency = ?, payment_terms_days = ?, "
              "archived = ? WHERE id = ?"_s;
        if (auto w = execSql(m_db, sql,
                             {vendor.code, vendor.name, vendor.currency, vendor.paymentTermsDays,
                              vendor.archived ? 1 : 0, vendor.id});
            !w)
            return w;
        return audit(m_db, actor, create ? u"vendor.create"_s : u"vendor.update"_s, u"vendor"_s,
                     vendor.id, {},
                     {{u"code"_s, vendor.code},
                      {u"name"_s, vendor.name},
                      {u"currency"_s, vendor.currency},
                      {u"archived"_s, vendor.archived}});
    });
    if (!r)
        return r.error();
    return vendor;
}

Result<void> MasterData::setCompanyCurrency(const Actor &actor, const QString &currency)
{
    if (actor.role != Role::Admin)
        return conflict(PermissionDenied + u"only admin sets the company currency"_s);
    if (!Currency::isKnown(currency))
        return invalid(u"unknown currency \"%1\""_s.arg(currency));
    return m_db.transaction([&]() -> Result<void> {
        auto entries = queryInt(m_db, u"SELECT COUNT(*) FROM journal_entries"_s);
        if (!entries)
            return entries.error();
        if (*entries > 0)
            return conflict(u"the company currency cannot change once the ledger has entries"_s);
        auto before = companyCurrency(m_db);
        if (!before)
            return before.error();
        if (auto w
            = execSql(m_db, u"UPDATE erp_settings SET value = ? WHERE key = 'company_currency'"_s,
                      {currency});
            !w)
            return w;
        return audit(m_db, actor, u"settings.company_currency"_s, u"settings"_s,
                     u"company_currency"_s, {{u"value"_s, *before}}, {{u"value"_s, currency}});
    });
}

} // namespace karvan::hq::erp
