#include "store/pricelistrepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

Result<void> validate(const PriceList &list)
{
    if (list.id.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a price list needs an id"_s);
    if (list.code.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a price list needs a code"_s);
    if (!Currency::isKnown(list.currency))
        return makeError(
            ErrorCode::InvalidArgument,
            u"price list %1 has an unknown currency '%2'"_s.arg(list.code, list.currency));
    for (const PriceListEntry &e : list.entries) {
        if (e.sku.isEmpty() || e.unit.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             u"price list %1 has an entry without SKU or unit"_s.arg(list.code));
        for (const PriceTier &t : e.tiers) {
            if (!t.minQuantity.isValid() || !t.unitPrice.isValid())
                return makeError(ErrorCode::InvalidArgument,
                                 u"price list %1, %2: a tier needs a quantity and a price"_s.arg(
                                     list.code, e.sku));
            if (t.unitPrice.currency() != list.currency)
                return makeError(ErrorCode::CurrencyMismatch,
                                 u"price list %1 is in %2 but %3 is priced in %4"_s.arg(
                                     list.code, list.currency, e.sku, t.unitPrice.currency()));
        }
    }
    return {};
}

} // namespace

Result<void> PriceListRepository::upsert(const PriceList &list)
{
    if (auto v = validate(list); !v)
        return v;
    return m_store.transaction([&]() -> Result<void> {
        const QString what = u"cannot save price list "_s + list.code;
        const QString lid = idToString(list.id);
        // Replacing the head row cascades to its entries and tiers.
        auto del = m_store.prepared(u"DELETE FROM price_lists WHERE id = ?"_s);
        if (!del)
            return del.error();
        (*del)->bindValue(0, lid);
        if (auto r = run(**del, what); !r)
            return r;
        auto head = m_store.prepared(u"INSERT INTO price_lists (id, code, name, currency, is_base) "
                                     u"VALUES (?, ?, ?, ?, ?)"_s);
        if (!head)
            return head.error();
        (*head)->bindValue(0, lid);
        (*head)->bindValue(1, list.code);
        (*head)->bindValue(2, text(list.name));
        (*head)->bindValue(3, list.currency);
        (*head)->bindValue(4, list.isBase ? 1 : 0);
        if (auto r = run(**head, what); !r)
            return r;
        auto entry = m_store.prepared(
            u"INSERT INTO price_list_entries (price_list_id, sku, unit) VALUES (?, ?, ?)"_s);
        if (!entry)
            return entry.error();
        auto tier = m_store.prepared(
            u"INSERT INTO price_tiers (price_list_id, sku, unit, tier_no, min_qty_milli, "
            u"min_qty_unit, unit_price_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!tier)
            return tier.error();
        for (const PriceListEntry &e : list.entries) {
            (*entry)->bindValue(0, lid);
            (*entry)->bindValue(1, e.sku);
            (*entry)->bindValue(2, e.unit);
            if (auto r = run(**entry, what + u" (" + e.sku + u')'); !r)
                return r;
            for (int n = 0; n < e.tiers.size(); ++n) {
                const PriceTier &t = e.tiers.at(n);
                QSqlQuery &tq = **tier;
                tq.bindValue(0, lid);
                tq.bindValue(1, e.sku);
                tq.bindValue(2, e.unit);
                tq.bindValue(3, n);
                tq.bindValue(4, t.minQuantity.milli());
                tq.bindValue(5, t.minQuantity.unit());
                tq.bindValue(6, t.unitPrice.minorUnits());
                tq.bindValue(7, t.unitPrice.currency());
                if (auto r = run(tq, what + u" (" + e.sku + u" tier)"_s); !r)
                    return r;
            }
        }
        return {};
    });
}

Result<PriceList> PriceListRepository::load(const QString &where, const QVariant &value,
                                            const QStringList *skus)
{
    auto head
        = m_store.prepared(u"SELECT id, code, name, currency, is_base FROM price_lists WHERE "_s
                           + where + u" LIMIT 1"_s);
    if (!head)
        return head.error();
    (*head)->bindValue(0, value);
    if (auto r = run(**head, u"cannot read price list"_s); !r)
        return r.error();
    if (!(*head)->next())
        return makeError(ErrorCode::NotFound,
                         value.isValid() ? u"no price list %1"_s.arg(value.toString())
                                         : u"no base price list received yet"_s);
    PriceList list;
    list.id = toId((*head)->value(0));
    list.code = (*head)->value(1).toString();
    list.name = (*head)->value(2).toString();
    list.currency = (*head)->value(3).toString();
    list.isBase = (*head)->value(4).toInt() != 0;
    (*head)->finish();

    const QString lid = idToString(list.id);
    const QString tierSql
        = u"SELECT e.sku, e.unit, t.min_qty_milli, t.min_qty_unit, t.unit_price_minor, "
          u"t.currency FROM price_list_entries e LEFT JOIN price_tiers t "
          u"ON t.price_list_id = e.price_list_id AND t.sku = e.sku AND t.unit = e.unit "
          u"WHERE e.price_list_id = ?"_s;
    QStringList wanted = skus ? *skus : QStringList {QString()};
    for (const QString &sku : std::as_const(wanted)) {
        auto q = m_store.prepared(tierSql + (skus ? u" AND e.sku = ?"_s : QString())
                                  + u" ORDER BY e.sku, e.unit, t.tier_no"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, lid);
        if (skus)
            (*q)->bindValue(1, sku);
        if (auto r = run(**q, u"cannot read price list entries"_s); !r)
            return r.error();
        while ((*q)->next()) {
            const QString entrySku = (*q)->value(0).toString();
            const QString unit = (*q)->value(1).toString();
            if (list.entries.isEmpty() || list.entries.last().sku != entrySku
                || list.entries.last().unit != unit)
                list.entries.append(PriceListEntry {entrySku, unit, {}});
            if ((*q)->value(2).isNull())
                continue; // an entry without tiers
            auto minQty = toQuantity((*q)->value(2), (*q)->value(3));
            if (!minQty)
                return minQty.error();
            auto price = toMoney((*q)->value(4), (*q)->value(5).toString());
            if (!price)
                return price.error();
            list.entries.last().tiers.append(PriceTier {*minQty, *price});
        }
        (*q)->finish();
    }
    return list;
}

Result<PriceList> PriceListRepository::get(const QUuid &id)
{
    return load(u"id = ?"_s, idToString(id), nullptr);
}

Result<PriceList> PriceListRepository::findByCode(const QString &code)
{
    return load(u"code = ?"_s, code, nullptr);
}

Result<PriceList> PriceListRepository::baseList()
{
    return load(u"is_base = 1 AND ? IS NULL ORDER BY code"_s, QVariant(), nullptr);
}

Result<PriceList> PriceListRepository::baseListForSkus(const QStringList &skus)
{
    return load(u"is_base = 1 AND ? IS NULL ORDER BY code"_s, QVariant(), &skus);
}

Result<PriceList> PriceListRepository::getForSkus(const QUuid &id, const QStringList &skus)
{
    return load(u"id = ?"_s, idToString(id), &skus);
}

Result<void> PriceListRepository::remove(const QUuid &id)
{
    auto q = m_store.prepared(u"DELETE FROM price_lists WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(id));
    if (auto r = run(**q, u"cannot remove price list"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, u"no price list %1"_s.arg(idToString(id)));
    return {};
}

Result<void> PriceListRepository::writeCustomerPrice(const CustomerPrice &p)
{
    if (p.customerId.isNull() || p.sku.isEmpty() || !p.unitPrice.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"a customer price needs a customer, a SKU and a price"_s);
    if (p.validFrom && p.validTo && *p.validTo < *p.validFrom)
        return makeError(ErrorCode::InvalidArgument,
                         u"customer price for %1 ends before it starts"_s.arg(p.sku));
    auto q = m_store.prepared(u"INSERT INTO customer_prices (customer_id, sku, unit_price_minor, "
                              u"currency, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(p.customerId));
    (*q)->bindValue(1, p.sku);
    (*q)->bindValue(2, p.unitPrice.minorUnits());
    (*q)->bindValue(3, p.unitPrice.currency());
    (*q)->bindValue(4, date(p.validFrom.value_or(QDate())));
    (*q)->bindValue(5, date(p.validTo.value_or(QDate())));
    return run(**q, u"cannot save customer price for "_s + p.sku);
}

Result<void> PriceListRepository::replaceCustomerPrices(const QUuid &customerId,
                                                        const QList<CustomerPrice> &prices)
{
    return m_store.transaction([&]() -> Result<void> {
        auto del = m_store.prepared(u"DELETE FROM customer_prices WHERE customer_id = ?"_s);
        if (!del)
            return del.error();
        (*del)->bindValue(0, idToString(customerId));
        if (auto r = run(**del, u"cannot replace customer prices"_s); !r)
            return r;
        for (const CustomerPrice &p : prices) {
            if (p.customerId != customerId)
                return makeError(ErrorCode::InvalidArgument,
                                 u"a price for another customer in the list of %1"_s.arg(
                                     idToString(customerId)));
            if (auto r = writeCustomerPrice(p); !r)
                return r;
        }
        return {};
    });
}

Result<void> PriceListRepository::insertCustomerPrices(const QList<CustomerPrice> &prices)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const CustomerPrice &p : prices) {
            if (auto r = writeCustomerPrice(p); !r)
                return r;
        }
        return {};
    });
}

Result<QList<CustomerPrice>> PriceListRepository::customerPrices(const QUuid &customerId,
                                                                 const QStringList &skus)
{
    QList<CustomerPrice> result;
    const QStringList wanted = skus.isEmpty() ? QStringList {QString()} : skus;
    for (const QString &sku : wanted) {
        auto q = m_store.prepared(
            u"SELECT sku, unit_price_minor, currency, valid_from, valid_to FROM customer_prices "
            u"WHERE customer_id = ? AND (? IS NULL OR sku = ?) "
            u"ORDER BY sku, valid_from, rowid"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, idToString(customerId));
        const QVariant skuValue
            = skus.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(sku);
        (*q)->bindValue(1, skuValue);
        (*q)->bindValue(2, skuValue);
        if (auto r = run(**q, u"cannot read customer prices"_s); !r)
            return r.error();
        while ((*q)->next()) {
            CustomerPrice p;
            p.customerId = customerId;
            p.sku = (*q)->value(0).toString();
            auto price = toMoney((*q)->value(1), (*q)->value(2).toString());
            if (!price)
                return price.error();
            p.unitPrice = *price;
            if (!(*q)->value(3).isNull())
                p.validFrom = toDate((*q)->value(3));
            if (!(*q)->value(4).isNull())
                p.validTo = toDate((*q)->value(4));
            result.append(p);
        }
        (*q)->finish();
    }
    return result;
}

Result<void> PriceListRepository::upsertPromotion(const Promotion &p)
{
    if (p.id.isNull() || p.code.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a promotion needs an id and a code"_s);
    if (!p.validFrom.isValid() || !p.validTo.isValid() || p.validTo < p.validFrom)
        return makeError(
            ErrorCode::InvalidArgument,
            u"promotion %1 needs a validity period that ends after it starts"_s.arg(p.code));
    if (p.kind == Promotion::Kind::PercentOff
        && (p.percentBasisPoints < 0 || p.percentBasisPoints > 10000))
        return makeError(ErrorCode::InvalidArgument,
                         u"promotion %1 has a percentage outside 0..100 %"_s.arg(p.code));
    if (p.kind == Promotion::Kind::AmountOff && !p.amountOffPerUnit.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"promotion %1 takes an amount off but has none"_s.arg(p.code));
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO promotions (id, code, name, kind,
            percent_bp, amount_off_minor, amount_off_currency, valid_from, valid_to, skus,
            territories, min_qty_milli, min_qty_unit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    int i = 0;
    query.bindValue(i++, idToString(p.id));
    query.bindValue(i++, p.code);
    query.bindValue(i++, text(p.name));
    query.bindValue(i++, p.kind == Promotion::Kind::AmountOff ? u"amount_off"_s : u"percent_off"_s);
    query.bindValue(i++, p.percentBasisPoints);
    query.bindValue(i++, minor(p.amountOffPerUnit));
    query.bindValue(i++,
                    p.amountOffPerUnit.isValid() ? QVariant(p.amountOffPerUnit.currency())
                                                 : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(i++, date(p.validFrom));
    query.bindValue(i++, date(p.validTo));
    query.bindValue(i++, toJson(p.skus));
    query.bindValue(i++, toJson(p.territories));
    query.bindValue(i++, p.minQuantity ? milli(*p.minQuantity) : nullInt());
    query.bindValue(i++,
                    p.minQuantity ? unit(*p.minQuantity) : QVariant(QMetaType(QMetaType::QString)));
    return run(query, u"cannot save promotion "_s + p.code);
}

Result<QList<Promotion>> PriceListRepository::loadPromotions(const QString &where,
                                                             const QVariantList &values)
{
    auto q = m_store.prepared(
        u"SELECT id, code, name, kind, percent_bp, amount_off_minor, amount_off_currency, "
        u"valid_from, valid_to, skus, territories, min_qty_milli, min_qty_unit "
        u"FROM promotions WHERE "_s
        + where + u" ORDER BY valid_from, code"_s);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read promotions"_s); !r)
        return r.error();
    QList<Promotion> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        Promotion p;
        p.id = toId(row.value(0));
        p.code = row.value(1).toString();
        p.name = row.value(2).toString();
        p.kind = row.value(3).toString() == u"amount_off"_s ? Promotion::Kind::AmountOff
                                                            : Promotion::Kind::PercentOff;
        p.percentBasisPoints = row.value(4).toInt();
        auto amount = toMoney(row.value(5), row.value(6).toString());
        if (!amount)
            return amount.error();
        p.amountOffPerUnit = *amount;
        p.validFrom = toDate(row.value(7));
        p.validTo = toDate(row.value(8));
        p.skus = fromJson(row.value(9).toString());
        p.territories = fromJson(row.value(10).toString());
        if (!row.value(11).isNull()) {
            auto minQty = toQuantity(row.value(11), row.value(12));
            if (!minQty)
                return minQty.error();
            p.minQuantity = *minQty;
        }
        result.append(p);
    }
    (*q)->finish();
    return result;
}

Result<Promotion> PriceListRepository::promotion(const QUuid &id)
{
    auto list = loadPromotions(u"id = ?"_s, {idToString(id)});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::NotFound, u"no promotion %1"_s.arg(idToString(id)));
    return list->first();
}

Result<QList<Promotion>> PriceListRepository::promotionsOn(const QDate &day)
{
    const QString iso = day.toString(Qt::ISODate);
    return loadPromotions(u"valid_to >= ? AND valid_from <= ?"_s, {iso, iso});
}

Result<void> PriceListRepository::removePromotion(const QUuid &id)
{
    auto q = m_store.prepared(u"DELETE FROM promotions WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(id));
    if (auto r = run(**q, u"cannot remove promotion"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, u"no promotion %1"_s.arg(idToString(id)));
    return {};
}

Result<void> PriceListRepository::upsertTaxRule(const TaxRule &rule)
{
    if (rule.taxClass.isEmpty() || rule.region.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"a tax rule needs a tax class and a region"_s);
    if (rule.rateBasisPoints < 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"tax rule %1/%2 has a negative rate"_s.arg(rule.taxClass, rule.region));
    auto q = m_store.prepared(u"INSERT OR REPLACE INTO tax_rules (tax_class, region, rate_bp, "
                              u"inclusive, name) VALUES (?, ?, ?, ?, ?)"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, rule.taxClass);
    (*q)->bindValue(1, rule.region);
    (*q)->bindValue(2, rule.rateBasisPoints);
    (*q)->bindValue(3, rule.inclusive ? 1 : 0);
    (*q)->bindValue(4, text(rule.name));
    return run(**q, u"cannot save tax rule"_s);
}

Result<QList<TaxRule>> PriceListRepository::taxRules(const QString &region)
{
    auto q = m_store.prepared(u"SELECT tax_class, region, rate_bp, inclusive, name FROM tax_rules "
                              u"WHERE ? = '' OR region = ? ORDER BY region, tax_class"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, text(region));
    (*q)->bindValue(1, text(region));
    if (auto r = run(**q, u"cannot read tax rules"_s); !r)
        return r.error();
    QList<TaxRule> rules;
    while ((*q)->next())
        rules.append(TaxRule {(*q)->value(0).toString(), (*q)->value(1).toString(),
                              (*q)->value(2).toInt(), (*q)->value(3).toInt() != 0,
                              (*q)->value(4).toString()});
    (*q)->finish();
    return rules;
}

Result<TaxRule> PriceListRepository::taxRule(const QString &taxClass, const QString &region)
{
    auto rules = taxRules(region);
    if (!rules)
        return rules.error();
    for (const TaxRule &r : *rules) {
        if (r.taxClass == taxClass)
            return r;
    }
    return makeError(ErrorCode::NotFound,
                     u"no tax rule for class %1 in region %2"_s.arg(taxClass, region));
}

} // namespace karvan
