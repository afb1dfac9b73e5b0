#include "rules/atp.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace karvan {

namespace {

QString quantityText(const Quantity &q)
{
    return q.toDecimalString() + u' ' + q.unit();
}

Error skuError(ErrorCode code, const QString &sku, const QString &what)
{
    return makeError(code, u"stock of SKU %1: %2"_s.arg(sku, what));
}

// Keeps the older of two times; an invalid time means "no figure" and is skipped.
void keepOldest(QDateTime &oldest, const QDateTime &t)
{
    if (t.isValid() && (!oldest.isValid() || t < oldest))
        oldest = t;
}

Result<Quantity> zeroIn(const QString &unit)
{
    return Quantity::fromMilli(0, unit);
}

// Working figures per SKU while reading the inputs.
struct SkuWork
{
    QString unit;
    QMap<QString, WarehouseAvailability> warehouses;
    qint64 unassignedLocal = 0;
};

Result<void> checkUnit(SkuWork &work, const QString &sku, const Quantity &q, const QString &what)
{
    if (!q.isValid())
        return skuError(ErrorCode::InvalidArgument, sku, u"%1 has no unit"_s.arg(what));
    if (work.unit.isEmpty())
        work.unit = q.unit();
    if (q.unit() != work.unit)
        return skuError(
            ErrorCode::InvalidArgument, sku,
            u"%1 is %2 but its stock is counted in %3"_s.arg(what, quantityText(q), work.unit));
    return {};
}

Result<Quantity> sumOf(const QList<Quantity> &quantities, const QString &unit, const QString &sku)
{
    auto acc = zeroIn(unit);
    for (const Quantity &q : quantities) {
        if (!acc)
            break;
        acc = acc->plus(q);
    }
    if (!acc)
        return skuError(acc.error().code, sku, acc.error().message);
    return acc;
}

Result<Quantity> atLeastZero(const Quantity &q)
{
    return q.milli() < 0 ? zeroIn(q.unit()) : Result<Quantity>(q);
}

} // namespace

const WarehouseAvailability *SkuAvailability::warehouse(const QString &code) const
{
    for (const WarehouseAvailability &w : warehouses) {
        if (w.warehouseCode == code)
            return &w;
    }
    return nullptr;
}

const SkuAvailability *AvailableToPromise::find(const QString &sku) const
{
    const auto it = m_skus.constFind(sku);
    return it == m_skus.cend() ? nullptr : &it.value();
}

Result<AvailableToPromise>
AvailableToPromise::compute(const QList<StockLevel> &levels,
                            const QList<LocalReservation> &localReservations)
{
    QMap<QString, SkuWork> work;
    for (const StockLevel &level : levels) {
        if (level.sku.isEmpty())
            return makeError(ErrorCode::InvalidArgument, u"a stock level has no SKU"_s);
        if (level.warehouseCode.isEmpty())
            return skuError(ErrorCode::InvalidArgument, level.sku,
                            u"a stock level has no warehouse"_s);
        SkuWork &w = work[level.sku];
        if (auto ok = checkUnit(w, level.sku, level.onHand,
                                u"on hand in warehouse %1"_s.arg(level.warehouseCode));
            !ok)
            return ok.error();
        // A default (empty) reserved figure means nothing is reserved.
        Quantity reserved = level.reserved;
        if (!reserved.isValid() && reserved.milli() == 0)
            reserved = zeroIn(w.unit).value();
        if (auto ok = checkUnit(w, level.sku, reserved,
                                u"reserved in warehouse %1"_s.arg(level.warehouseCode));
            !ok)
            return ok.error();
        if (reserved.milli() < 0)
            return skuError(ErrorCode::InvalidArgument, level.sku,
                            u"reserved in warehouse %1 is negative (%2)"_s.arg(
                                level.warehouseCode, quantityText(reserved)));
        if (w.warehouses.contains(level.warehouseCode))
            return skuError(ErrorCode::InvalidArgument, level.sku,
                            u"two stock levels for warehouse %1"_s.arg(level.warehouseCode));
        WarehouseAvailability a;
        a.warehouseCode = level.warehouseCode;
        a.onHand = level.onHand;
        a.reserved = reserved;
        a.localReserved = zeroIn(w.unit).value();
        a.asOf = level.asOf;
        w.warehouses.insert(level.warehouseCode, a);
    }

    for (const LocalReservation &r : localReservations) {
        if (r.sku.isEmpty())
            return makeError(ErrorCode::InvalidArgument, u"a local reservation has no SKU"_s);
        SkuWork &w = work[r.sku];
        if (auto ok = checkUnit(w, r.sku, r.quantity, u"a local reservation"_s); !ok)
            return ok.error();
        if (r.quantity.milli() < 0)
            return skuError(
                ErrorCode::InvalidArgument, r.sku,
                u"a local reservation is negative (%1)"_s.arg(quantityText(r.quantity)));
        if (r.warehouseCode.isEmpty()) {
            if (__builtin_add_overflow(w.unassignedLocal, r.quantity.milli(), &w.unassignedLocal))
                return skuError(ErrorCode::Overflow, r.sku, u"local reservations out of range"_s);
            continue;
        }
        auto it = w.warehouses.find(r.warehouseCode);
        if (it == w.warehouses.end()) {
            // HQ sent no figure for this warehouse: nothing on hand as far as we know.
            WarehouseAvailability a;
            a.warehouseCode = r.warehouseCode;
            a.onHand = a.reserved = a.localReserved = zeroIn(w.unit).value();
            it = w.warehouses.insert(r.warehouseCode, a);
        }
        auto local = it->localReserved.plus(r.quantity);
        if (!local)
            return skuError(local.error().code, r.sku, local.error().message);
        it->localReserved = local.value();
    }

    AvailableToPromise atp;
    for (auto it = work.begin(); it != work.end(); ++it) {
        const QString &sku = it.key();
        SkuWork &w = it.value();
        SkuAvailability s;
        s.sku = sku;
        s.unit = w.unit;
        QList<Quantity> onHand, reserved, local, available;
        for (WarehouseAvailability &a : w.warehouses) {
            auto avail = a.onHand.minus(a.reserved);
            if (avail)
                avail = avail->minus(a.localReserved);
            if (!avail)
                return skuError(avail.error().code, sku, avail.error().message);
            a.available = avail.value();
            a.promisable = atLeastZero(a.available).value();
            keepOldest(s.asOf, a.asOf);
            onHand.append(a.onHand);
            reserved.append(a.reserved);
            local.append(a.localReserved);
            available.append(a.available);
            s.warehouses.append(a);
        }
        auto unassigned = Quantity::fromMilli(w.unassignedLocal, w.unit);
        if (!unassigned)
            return skuError(unassigned.error().code, sku, unassigned.error().message);
        s.unassignedLocalReserved = unassigned.value();
        local.append(s.unassignedLocalReserved);

        auto totalOnHand = sumOf(onHand, w.unit, sku);
        auto totalReserved = sumOf(reserved, w.unit, sku);
        auto totalLocal = sumOf(local, w.unit, sku);
        auto totalAvailable = sumOf(available, w.unit, sku);
        for (const auto *r : {&totalOnHand, &totalReserved, &totalLocal, &totalAvailable}) {
            if (!*r)
                return r->error();
        }
        auto net = totalAvailable->minus(s.unassignedLocalReserved);
        if (!net)
            return skuError(net.error().code, sku, net.error().message);
        s.onHand = totalOnHand.value();
        s.reserved = totalReserved.value();
        s.localReserved = totalLocal.value();
        s.available = net.value();
        s.promisable = atLeastZero(s.available).value();
        keepOldest(atp.m_asOf, s.asOf);
        atp.m_skus.insert(sku, s);
    }
    return atp;
}

Result<PromiseCheck> AvailableToPromise::check(const QString &sku, const Quantity &quantity,
                                               const QString &warehouseCode) const
{
    if (quantity.milli() <= 0)
        return skuError(
            ErrorCode::InvalidArgument, sku,
            u"the quantity to promise must be greater than zero, got %1"_s.arg(
                quantity.isValid() ? quantityText(quantity) : quantity.toDecimalString()));
    const SkuAvailability *s = find(sku);
    if (!s)
        return skuError(ErrorCode::NotFound, sku, u"no stock figures for this SKU"_s);
    if (quantity.unit() != s->unit)
        return skuError(
            ErrorCode::InvalidArgument, sku,
            u"asked for %1 but its stock is counted in %2"_s.arg(quantityText(quantity), s->unit));
    PromiseCheck c;
    c.sku = sku;
    c.warehouseCode = warehouseCode;
    c.requested = quantity;
    Quantity promisable = s->promisable;
    c.asOf = s->asOf;
    if (!warehouseCode.isEmpty()) {
        const WarehouseAvailability *w = s->warehouse(warehouseCode);
        if (!w)
            return skuError(ErrorCode::NotFound, sku,
                            u"no stock figures in warehouse %1"_s.arg(warehouseCode));
        promisable = w->promisable;
        c.asOf = w->asOf;
    }
    c.promisable = promisable.milli() >= quantity.milli() ? quantity : promisable;
    c.shortfall = quantity.minus(c.promisable).value(); // both in [0, quantity]: cannot fail
    c.outcome = c.promisable == quantity ? PromiseCheck::Outcome::Full
        : c.promisable.milli() > 0       ? PromiseCheck::Outcome::Partial
                                         : PromiseCheck::Outcome::None;
    return c;
}

QString promiseOutcomeName(PromiseCheck::Outcome outcome)
{
    switch (outcome) {
    case PromiseCheck::Outcome::Full:
        return u"full"_s;
    case PromiseCheck::Outcome::Partial:
        return u"partial"_s;
    case PromiseCheck::Outcome::None:
        return u"none"_s;
    }
    return QString();
}

} // namespace karvan
