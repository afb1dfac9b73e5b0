// The loader of core's PricingCatalog from HQ master data (MasterData::pricingCatalog).
#include "erp/masterdata.h"

#include "domain/ids.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

QJsonArray jsonArray(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).array();
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_s);
    return marks.join(u", "_s);
}

QVariantList toVariants(const QStringList &values)
{
    QVariantList out;
    for (const QString &v : values)
        out.append(v);
    return out;
}

} // namespace

Result<PriceList> MasterData::loadPriceList(const QString &where, const QVariantList &bindings,
                                            const QStringList &skus)
{
    auto head = queryRow(
        m_db, u"SELECT id, code, name, currency, is_base FROM price_lists WHERE "_s + where,
        bindings);
    if (!head)
        return head.error();
    if (head->isEmpty())
        return notFound(u"no such price list"_s);
    PriceList list;
    list.id = QUuid::fromString(head->at(0).toString());
    list.code = head->at(1).toString();
    list.name = head->at(2).toString();
    list.currency = head->at(3).toString();
    list.isBase = head->at(4).toInt() != 0;
    if (skus.isEmpty())
        return list;
    QVariantList b {head->at(0)};
    b.append(toVariants(skus));
    auto tiers = queryRows(m_db,
                           u"SELECT sku, unit, min_milli, min_unit, unit_price_minor FROM "
                           "price_list_tiers WHERE price_list_id = ? AND sku IN (%1) "
                           "ORDER BY sku, unit, min_milli"_s.arg(placeholders(skus.size())),
                           b);
    if (!tiers)
        return tiers.error();
    for (const Row &t : *tiers) {
        const QString sku = t.at(0).toString();
        const QString unit = t.at(1).toString();
        if (list.entries.isEmpty() || list.entries.constLast().sku != sku
            || list.entries.constLast().unit != unit)
            list.entries.append(PriceListEntry {sku, unit, {}});
        PriceTier tier;
        if (!t.at(3).toString().isEmpty()) {
            auto q = Quantity::fromMilli(t.at(2).toLongLong(), t.at(3).toString());
            if (!q)
                return q.error();
            tier.minQuantity = *q;
        } else {
            // A unit-less minimum: pricing reads it in the unit of the price.
            auto q = Quantity::fromMilli(t.at(2).toLongLong(), unit.isEmpty() ? u"ea"_s : unit);
            if (!q)
                return q.error();
            tier.minQuantity = *q;
        }
        auto price = Money::fromMinor(t.at(4).toLongLong(), list.currency);
        if (!price)
            return price.error();
        tier.unitPrice = *price;
        list.entries.last().tiers.append(tier);
    }
    return list;
}

Result<PricingCatalog> MasterData::pricingCatalog(const Customer &customer, const QStringList &skus,
                                                  const QString &currency, const QDate &date)
{
    PricingCatalog catalog;
    for (const QString &sku : skus) {
        if (catalog.products.contains(sku))
            continue;
        auto product = findProduct(sku);
        if (product)
            catalog.products.insert(sku, *product);
        else if (product.error().code != ErrorCode::NotFound)
            return product.error();
        // An unknown SKU stays out: priceDocument names it.
    }
    auto base = loadPriceList(u"is_base = 1 AND currency = ?"_s, {currency}, skus);
    if (!base) {
        if (base.error().code == ErrorCode::NotFound)
            return notFound(u"no base price list in %1"_s.arg(currency));
        return base.error();
    }
    catalog.baseList = *base;
    if (!customer.priceListId.isNull()) {
        auto own = loadPriceList(u"id = ?"_s, {idToString(customer.priceListId)}, skus);
        if (!own)
            return own.error();
        catalog.customerList = *own;
    }
    if (!skus.isEmpty()) {
        QVariantList b {idToString(customer.id)};
        b.append(toVariants(skus));
        auto prices
            = queryRows(m_db,
                        u"SELECT sku, unit_price_minor, currency, valid_from, valid_to FROM "
                        "customer_prices WHERE customer_id = ? AND sku IN (%1)"_s.arg(
                            placeholders(skus.size())),
                        b);
        if (!prices)
            return prices.error();
        for (const Row &r : *prices) {
            auto price = Money::fromMinor(r.at(1).toLongLong(), r.at(2).toString());
            if (!price)
                return price.error();
            CustomerPrice cp {customer.id, r.at(0).toString(), *price, std::nullopt, std::nullopt};
            if (!r.at(3).isNull())
                cp.validFrom = QDate::fromString(r.at(3).toString(), Qt::ISODate);
            if (!r.at(4).isNull())
                cp.validTo = QDate::fromString(r.at(4).toString(), Qt::ISODate);
            catalog.customerPrices.append(cp);
        }
    }
    auto promos = queryRows(m_db,
                            u"SELECT id, code, name, kind, percent_bp, amount_off_minor, currency, "
                            "valid_from, valid_to, skus, territories, min_milli, min_unit FROM "
                            "promotions WHERE valid_from <= ? AND valid_to >= ?"_s,
                            {dateText(date), dateText(date)});
    if (!promos)
        return promos.error();
    for (const Row &r : *promos) {
        Promotion p;
        p.id = QUuid::fromString(r.at(0).toString());
        p.code = r.at(1).toString();
        p.name = r.at(2).toString();
        p.kind = r.at(3).toString() == u"percent_off"_s ? Promotion::Kind::PercentOff
                                                        : Promotion::Kind::AmountOff;
        p.percentBasisPoints = r.at(4).toInt();
        if (p.kind == Promotion::Kind::AmountOff) {
            auto off = Money::fromMinor(r.at(5).toLongLong(), r.at(6).toString());
            if (!off)
                return off.error();
            p.amountOffPerUnit = *off;
        }
        p.validFrom = QDate::fromString(r.at(7).toString(), Qt::ISODate);
        p.validTo = QDate::fromString(r.at(8).toString(), Qt::ISODate);
        for (const QJsonValue &v : jsonArray(r.at(9)))
            p.skus.append(v.toString());
        for (const QJsonValue &v : jsonArray(r.at(10)))
            p.territories.append(v.toString());
        if (!r.at(11).isNull()) {
            auto q = Quantity::fromMilli(r.at(11).toLongLong(), r.at(12).toString());
            if (!q)
                return q.error();
            p.minQuantity = *q;
        }
        catalog.promotions.append(p);
    }
    auto taxes = queryRows(m_db,
                           u"SELECT tax_class, region, rate_bp, inclusive, name FROM tax_rules "
                           "WHERE region = ?"_s,
                           {customer.taxRegion});
    if (!taxes)
        return taxes.error();
    for (const Row &r : *taxes)
        catalog.taxRules.append(TaxRule {r.at(0).toString(), r.at(1).toString(), r.at(2).toInt(),
                                         r.at(3).toInt() != 0, r.at(4).toString()});
    return catalog;
}

} // namespace karvan::hq::erp
