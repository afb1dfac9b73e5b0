#include "rules/pricing.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace karvan {

namespace {

constexpr qint64 kBasisPoints = 10000; // 100.00 %

QString basisPointsText(qint64 bp)
{
    // 1850 -> "18.50%"
    const qint64 abs = bp < 0 ? -bp : bp;
    return (bp < 0 ? u"-"_s : QString())
        + u"%1.%2%"_s.arg(abs / 100).arg(abs % 100, 2, 10, QChar(u'0'));
}

QString quantityText(const Quantity &q)
{
    return q.toDecimalString() + u' ' + q.unit();
}

// The unit price being built up for one line: an amount per `quantity.unit()`, with the line's
// quantity expressed in that unit.
struct PriceState
{
    Money unitPrice;
    Quantity quantity;
};

struct TierChoice
{
    const PriceTier *chosen = nullptr;
    const PriceTier *lowest = nullptr;
};

// Prices one line; every error names the line and its SKU.
class LinePricer
{
public:
    LinePricer(const PricingCatalog &catalog, const PricingRequest &request, qsizetype index)
        : m_catalog(catalog)
        , m_request(request)
        , m_index(index)
        , m_line(request.lines.at(index))
    { }

    Result<PricedLine> price();

private:
    Error error(ErrorCode code, const QString &what) const
    {
        return makeError(code, u"line %1 (SKU %2): %3"_s.arg(m_index + 1).arg(m_line.sku, what));
    }
    Error wrap(const Error &e) const { return error(e.code, e.message); }

    QString unitSuffix(const QString &priceUnit) const
    {
        if (priceUnit == m_product->baseUnit && priceUnit == m_line.quantity.unit())
            return QString();
        return u" per "_s + priceUnit;
    }

    const PriceListEntry *findEntry(const PriceList &list) const;
    Result<qint64> toBaseMilli(const Quantity &q, const QString &defaultUnit) const;
    Result<Quantity> quantityIn(const QString &unit) const;
    Result<void> checkPrice(const Money &price, const QString &where) const;
    Result<TierChoice> chooseTier(const PriceListEntry &entry, const QString &listCode) const;
    Result<std::optional<PriceState>> fromEntry(const PriceList &list, const PriceListEntry &entry,
                                                PriceStep::Kind firstKind);
    Result<void> applyCustomerPrice();
    Result<void> applyPromotion();
    Result<void> applyTax();

    const PricingCatalog &m_catalog;
    const PricingRequest &m_request;
    const qsizetype m_index;
    const PricingRequest::Line &m_line;
    const Product *m_product = nullptr;
    qint64 m_baseMilli = 0;
    PriceState m_state;
    PricedLine m_out;
};

// The list's entry for the line's SKU: a price per the line's own unit if the list has one,
// else a price per base unit, else a price in any other unit of the product.
const PriceListEntry *LinePricer::findEntry(const PriceList &list) const
{
    const PriceListEntry *found = nullptr;
    int foundRank = 0;
    for (const PriceListEntry &e : list.entries) {
        if (e.sku != m_line.sku)
            continue;
        const QString unit = e.unit.isEmpty() ? m_product->baseUnit : e.unit;
        const int rank = unit == m_line.quantity.unit() ? 3 : unit == m_product->baseUnit ? 2 : 1;
        if (rank > foundRank) {
            found = &e;
            foundRank = rank;
        }
    }
    return found;
}

Result<qint64> LinePricer::toBaseMilli(const Quantity &q, const QString &defaultUnit) const
{
    // A tier or promotion minimum without a unit is in the unit of the price it belongs to.
    auto withUnit = q.isValid() ? Result<Quantity>(q) : Quantity::fromMilli(q.milli(), defaultUnit);
    if (!withUnit)
        return withUnit.error();
    auto base = convertToBase(withUnit.value(), m_product->baseUnit, m_product->unitConversions);
    if (!base)
        return base.error();
    return base->milli();
}

// The line's quantity in a price's unit: as entered when the price is per the line's unit, else
// converted through the base unit (e.g. 2 box -> 24 ea for a price per ea).
Result<Quantity> LinePricer::quantityIn(const QString &unit) const
{
    if (unit == m_line.quantity.unit())
        return m_line.quantity;
    if (unit == m_product->baseUnit)
        return Quantity::fromMilli(m_baseMilli, unit);
    for (const UnitConversion &c : m_product->unitConversions) {
        if (c.unit != unit)
            continue;
        if (c.baseMilliPerUnit <= 0)
            break;
        const __int128 scaled = static_cast<__int128>(m_baseMilli) * Quantity::Scale;
        if (scaled % c.baseMilliPerUnit != 0)
            return error(
                ErrorCode::InvalidArgument,
                u"%1 is not a whole number of thousandths of %2, the unit of its price"_s.arg(
                    quantityText(m_line.quantity), unit));
        return Quantity::fromMilli(static_cast<qint64>(scaled / c.baseMilliPerUnit), unit);
    }
    return error(ErrorCode::InvalidArgument,
                 u"its price is per \"%1\", which is not a unit of this product"_s.arg(unit));
}

Result<void> LinePricer::checkPrice(const Money &price, const QString &where) const
{
    if (!price.isValid())
        return error(ErrorCode::InvalidArgument, u"the price on %1 has no currency"_s.arg(where));
    if (price.currency() != m_request.currency)
        return error(ErrorCode::CurrencyMismatch,
                     u"the price on %1 is %2 but the document is in %3"_s.arg(
                         where, price.toString(), m_request.currency));
    if (price.isNegative())
        return error(ErrorCode::InvalidArgument,
                     u"the price on %1 is negative (%2)"_s.arg(where, price.toString()));
    return {};
}

// The tier whose minimum is the highest one not above the line's quantity (compared in the
// product's base unit), and the entry's lowest tier (its plain list price).
Result<TierChoice> LinePricer::chooseTier(const PriceListEntry &entry,
                                          const QString &listCode) const
{
    const QString priceUnit = entry.unit.isEmpty() ? m_product->baseUnit : entry.unit;
    TierChoice choice;
    qint64 chosenMin = 0;
    qint64 lowestMin = 0;
    for (const PriceTier &tier : entry.tiers) {
        auto min = toBaseMilli(tier.minQuantity, priceUnit);
        if (!min)
            return error(min.error().code,
                         u"a tier on %1 has a bad minimum quantity: %2"_s.arg(listCode,
                                                                              min.error().message));
        if (!choice.lowest || min.value() < lowestMin) {
            choice.lowest = &tier;
            lowestMin = min.value();
        }
        if (min.value() <= m_baseMilli && (!choice.chosen || min.value() > chosenMin)) {
            choice.chosen = &tier;
            chosenMin = min.value();
        }
    }
    return choice;
}

// Applies a price list entry: a step for its plain price, then a volume tier step when the
// quantity reaches a higher tier. None when no tier applies to the quantity.
Result<std::optional<PriceState>>
LinePricer::fromEntry(const PriceList &list, const PriceListEntry &entry, PriceStep::Kind firstKind)
{
    const QString where = u"price list "_s + list.code;
    if (list.currency != m_request.currency)
        return error(ErrorCode::CurrencyMismatch,
                     u"price list %1 is in %2 but the document is in %3"_s.arg(
                         list.code, list.currency, m_request.currency));
    auto tiers = chooseTier(entry, list.code);
    if (!tiers)
        return tiers.error();
    if (!tiers->chosen)
        return std::optional<PriceState>();
    const QString priceUnit = entry.unit.isEmpty() ? m_product->baseUnit : entry.unit;
    for (const PriceTier *tier : {tiers->lowest, tiers->chosen}) {
        if (auto ok = checkPrice(tier->unitPrice, where); !ok)
            return ok.error();
    }
    auto quantity = quantityIn(priceUnit);
    if (!quantity)
        return quantity.error();

    const QString suffix = unitSuffix(priceUnit);
    const Money &plain = tiers->lowest->unitPrice;
    m_out.steps.append(
        PriceStep {firstKind, list.code,
                   (firstKind == PriceStep::Kind::ListPrice ? u"List price on %1: %2"_s
                                                            : u"Price list %1: %2"_s)
                       .arg(list.code, plain.toString() + suffix),
                   plain});
    if (tiers->chosen != tiers->lowest) {
        const PriceTier &tier = *tiers->chosen;
        const QString minUnit = tier.minQuantity.isValid() ? tier.minQuantity.unit() : priceUnit;
        m_out.steps.append(PriceStep {PriceStep::Kind::VolumeTier, list.code,
                                      u"Volume tier \u2265 %1 %2 on %3: %4"_s.arg(
                                          tier.minQuantity.toDecimalString(), minUnit, list.code,
                                          tier.unitPrice.toString() + suffix),
                                      tier.unitPrice});
    }
    return std::optional<PriceState>(PriceState {tiers->chosen->unitPrice, quantity.value()});
}

Result<void> LinePricer::applyCustomerPrice()
{
    // Of several valid negotiated prices the most recent agreement (latest start) wins; an
    // equal start goes to the lower price.
    const CustomerPrice *best = nullptr;
    for (const CustomerPrice &cp : m_catalog.customerPrices) {
        if (cp.customerId != m_request.customerId || cp.sku != m_line.sku)
            continue;
        if (cp.validFrom && cp.validFrom->isValid() && m_request.date < *cp.validFrom)
            continue;
        if (cp.validTo && cp.validTo->isValid() && m_request.date > *cp.validTo)
            continue;
        if (auto ok = checkPrice(cp.unitPrice, u"the customer's negotiated price"_s); !ok)
            return ok.error();
        if (!best) {
            best = &cp;
            continue;
        }
        const QDate from = cp.validFrom.value_or(QDate());
        const QDate bestFrom = best->validFrom.value_or(QDate());
        if (from > bestFrom
            || (from == bestFrom && cp.unitPrice.minorUnits() < best->unitPrice.minorUnits()))
            best = &cp;
    }
    if (!best)
        return {};
    auto quantity = quantityIn(m_product->baseUnit); // negotiated prices are per base unit
    if (!quantity)
        return quantity.error();
    m_state = PriceState {best->unitPrice, quantity.value()};

    QString validity;
    const bool hasFrom = best->validFrom && best->validFrom->isValid();
    const bool hasTo = best->validTo && best->validTo->isValid();
    if (hasFrom && hasTo)
        validity = u" (valid %1 to %2)"_s.arg(best->validFrom->toString(Qt::ISODate),
                                              best->validTo->toString(Qt::ISODate));
    else if (hasFrom)
        validity = u" (valid from %1)"_s.arg(best->validFrom->toString(Qt::ISODate));
    else if (hasTo)
        validity = u" (valid to %1)"_s.arg(best->validTo->toString(Qt::ISODate));
    m_out.steps.append(
        PriceStep {PriceStep::Kind::CustomerPrice, QString(),
                   u"Customer price%1: %2"_s.arg(
                       validity, best->unitPrice.toString() + unitSuffix(m_product->baseUnit)),
                   best->unitPrice});
    return {};
}

Result<void> LinePricer::applyPromotion()
{
    const Promotion *best = nullptr;
    Money bestPrice;
    bool bestClamped = false;
    for (const Promotion &promo : m_catalog.promotions) {
        if (promo.validFrom.isValid() && m_request.date < promo.validFrom)
            continue;
        if (promo.validTo.isValid() && m_request.date > promo.validTo)
            continue;
        if (!promo.skus.isEmpty() && !promo.skus.contains(m_line.sku))
            continue;
        if (!promo.territories.isEmpty() && !promo.territories.contains(m_request.territory))
            continue;
        if (promo.minQuantity) {
            auto min = toBaseMilli(*promo.minQuantity, m_product->baseUnit);
            if (!min)
                return error(min.error().code,
                             u"promotion %1 has a bad minimum quantity: %2"_s.arg(
                                 promo.code, min.error().message));
            if (m_baseMilli < min.value())
                continue;
        }

        Money price;
        bool clamped = false;
        if (promo.kind == Promotion::Kind::PercentOff) {
            if (promo.percentBasisPoints < 0 || promo.percentBasisPoints > kBasisPoints)
                return error(ErrorCode::InvalidArgument,
                             u"promotion %1 has a discount of %2, outside 0% to 100%"_s.arg(
                                 promo.code, basisPointsText(promo.percentBasisPoints)));
            auto discounted = m_state.unitPrice.multipliedBy(
                kBasisPoints - promo.percentBasisPoints, kBasisPoints, Rounding::HalfUp);
            if (!discounted)
                return wrap(discounted.error());
            price = discounted.value();
        } else {
            const Money &off = promo.amountOffPerUnit;
            if (auto ok = checkPrice(off, u"promotion "_s + promo.code); !ok)
                return ok.error();
            auto reduced = m_state.unitPrice.minus(off);
            if (!reduced)
                return wrap(reduced.error());
            price = reduced.value();
            if (price.isNegative()) {
                // A discount larger than the price gives the goods away; it never pays the
                // customer to take them.
                auto zero = Money::zero(m_request.currency);
                if (!zero)
                    return wrap(zero.error());
                price = zero.value();
                clamped = true;
            }
        }
        if (!best || price.minorUnits() < bestPrice.minorUnits()) {
            best = &promo;
            bestPrice = price;
            bestClamped = clamped;
        }
    }
    if (!best)
        return {};

    const QString suffix = unitSuffix(m_state.quantity.unit());
    QString what;
    if (best->kind == Promotion::Kind::PercentOff) {
        what = u"%1 off"_s.arg(basisPointsText(best->percentBasisPoints));
    } else {
        what = u"%1 off%2"_s.arg(best->amountOffPerUnit.toString(),
                                 u" per "_s + m_state.quantity.unit());
    }
    QString description
        = u"Promotion %1 (%2): %3"_s.arg(best->code, what, bestPrice.toString() + suffix);
    if (bestClamped)
        description
            += u"; the discount exceeds the price %1, so the price is clamped at zero"_s.arg(
                m_state.unitPrice.toString());
    m_out.steps.append(PriceStep {PriceStep::Kind::Promotion, best->code, description, bestPrice});
    m_state.unitPrice = bestPrice;
    return {};
}

Result<void> LinePricer::applyTax()
{
    const TaxRule *rule = nullptr;
    for (const TaxRule &r : m_catalog.taxRules) {
        if (r.taxClass != m_product->taxClass || r.region != m_request.taxRegion)
            continue;
        if (rule && (rule->rateBasisPoints != r.rateBasisPoints || rule->inclusive != r.inclusive))
            return error(ErrorCode::Conflict,
                         u"tax rules \"%1\" and \"%2\" both claim tax class %3 in region %4"_s.arg(
                             rule->name, r.name, m_product->taxClass, m_request.taxRegion));
        if (!rule)
            rule = &r;
    }
    // Silently untaxed would be a wrong total, so a missing rule is an error.
    if (!rule)
        return error(ErrorCode::NotFound,
                     u"no tax rule for tax class \"%1\" in region \"%2\""_s.arg(
                         m_product->taxClass, m_request.taxRegion));
    if (rule->rateBasisPoints < 0)
        return error(ErrorCode::InvalidArgument,
                     u"tax rule \"%1\" has a negative rate"_s.arg(rule->name));

    // unit price x quantity in thousandths, rounded once.
    auto amount = divideRounded(static_cast<__int128>(m_state.unitPrice.minorUnits())
                                    * m_state.quantity.milli(),
                                Quantity::Scale, Rounding::HalfUp);
    if (!amount)
        return error(amount.error().code,
                     u"%1 x %2 does not fit in 64-bit minor units"_s.arg(
                         m_state.unitPrice.toString(), quantityText(m_state.quantity)));
    auto gross = Money::fromMinor(amount.value(), m_request.currency);
    if (!gross)
        return wrap(gross.error());

    const qint64 rate = rule->rateBasisPoints;
    Money net, tax, total;
    if (rule->inclusive) {
        total = gross.value();
        auto netMinor = divideRounded(static_cast<__int128>(total.minorUnits()) * kBasisPoints,
                                      kBasisPoints + rate, Rounding::HalfUp);
        if (!netMinor)
            return wrap(netMinor.error());
        auto n = Money::fromMinor(netMinor.value(), m_request.currency);
        if (!n)
            return wrap(n.error());
        net = n.value();
        auto t = total.minus(net);
        if (!t)
            return wrap(t.error());
        tax = t.value();
    } else {
        net = gross.value();
        auto t = net.multipliedBy(rate, kBasisPoints, Rounding::HalfUp);
        if (!t)
            return wrap(t.error());
        tax = t.value();
        auto sum = net.plus(tax);
        if (!sum)
            return wrap(sum.error());
        total = sum.value();
    }

    m_out.net = net;
    m_out.tax = tax;
    m_out.total = total;
    m_out.taxRateBasisPoints = rule->rateBasisPoints;
    m_out.taxInclusive = rule->inclusive;
    const QString description = rule->inclusive
        ? u"%1 (%2, included in the price): %3 of %4 is tax"_s.arg(
            rule->name, basisPointsText(rate), tax.toString(), total.toString())
        : u"%1 (%2, added to the price): %3 on %4"_s.arg(rule->name, basisPointsText(rate),
                                                         tax.toString(), net.toString());
    m_out.steps.append(
        PriceStep {PriceStep::Kind::Tax, rule->name, description, m_state.unitPrice});
    return {};
}

Result<PricedLine> LinePricer::price()
{
    if (m_line.quantity.milli() <= 0)
        return error(ErrorCode::InvalidArgument,
                     u"quantity must be greater than zero, got %1"_s.arg(
                         m_line.quantity.isValid() ? quantityText(m_line.quantity)
                                                   : m_line.quantity.toDecimalString()));
    const auto product = m_catalog.products.constFind(m_line.sku);
    if (product == m_catalog.products.cend())
        return error(ErrorCode::NotFound, u"unknown SKU"_s);
    m_product = &product.value();
    if (!m_product->active)
        return error(ErrorCode::Conflict,
                     u"product \"%1\" is inactive and cannot be sold"_s.arg(m_product->name));
    auto base = convertToBase(m_line.quantity, m_product->baseUnit, m_product->unitConversions);
    if (!base)
        return wrap(base.error());
    m_baseMilli = base->milli();

    m_out.sku = m_line.sku;
    m_out.quantity = m_line.quantity;

    // 1. List price from the company's base list, at the tier for the quantity.
    const PriceList &baseList = m_catalog.baseList;
    const PriceListEntry *baseEntry = findEntry(baseList);
    if (!baseEntry)
        return error(ErrorCode::NotFound,
                     u"no list price on base price list %1"_s.arg(baseList.code));
    auto listed = fromEntry(baseList, *baseEntry, PriceStep::Kind::ListPrice);
    if (!listed)
        return listed.error();
    if (!listed->has_value())
        return error(ErrorCode::NotFound,
                     u"no list price on base price list %1 for %2"_s.arg(
                         baseList.code, quantityText(m_line.quantity)));
    m_state = listed->value();
    m_out.listUnitPrice = m_state.unitPrice;

    // 2. The customer's own price list and its volume tiers, if it has the SKU.
    if (m_catalog.customerList) {
        const PriceList &list = *m_catalog.customerList;
        if (const PriceListEntry *entry = findEntry(list)) {
            auto own = fromEntry(list, *entry, PriceStep::Kind::PriceList);
            if (!own)
                return own.error();
            if (own->has_value())
                m_state = own->value();
        }
    }

    // 3. A negotiated customer price valid on the document date wins over the lists.
    if (auto ok = applyCustomerPrice(); !ok)
        return ok.error();
    // 4. The best applicable promotion: the one giving the lowest unit price.
    if (auto ok = applyPromotion(); !ok)
        return ok.error();
    // 5. Tax, and the line amounts.
    if (auto ok = applyTax(); !ok)
        return ok.error();

    m_out.unitPrice = m_state.unitPrice;
    m_out.pricedQuantity = m_state.quantity;
    return std::move(m_out);
}

} // namespace

Result<PricedDocument> priceDocument(const PricingCatalog &catalog, const PricingRequest &request)
{
    const auto digits = Currency::minorDigits(request.currency);
    if (!digits)
        return makeError(ErrorCode::InvalidArgument,
                         u"document currency: %1"_s.arg(digits.error().message));
    if (!request.date.isValid())
        return makeError(
            ErrorCode::InvalidArgument,
            u"the document has no date; promotions and negotiated prices depend on it"_s);

    PricedDocument doc;
    doc.currency = request.currency;
    QList<Money> nets, taxes, totals;
    for (qsizetype i = 0; i < request.lines.size(); ++i) {
        auto line = LinePricer(catalog, request, i).price();
        if (!line)
            return line.error();
        nets.append(line->net);
        taxes.append(line->tax);
        totals.append(line->total);
        doc.lines.append(std::move(line).value());
    }

    // Document figures are exact sums of the lines, so the lines always add up to the total.
    const std::pair<QList<Money> *, Money *> sums[]
        = {{&nets, &doc.net}, {&taxes, &doc.tax}, {&totals, &doc.total}};
    for (const auto &[amounts, target] : sums) {
        auto sum = Money::sum(*amounts, request.currency);
        if (!sum)
            return makeError(sum.error().code, u"document total: %1"_s.arg(sum.error().message));
        *target = sum.value();
    }
    return doc;
}

} // namespace karvan
