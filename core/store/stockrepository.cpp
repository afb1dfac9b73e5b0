#include "store/stockrepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

Result<void> StockRepository::upsertWarehouse(const Warehouse &w)
{
    if (w.id.isNull() || w.code.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a warehouse needs an id and a code"_s);
    auto q = m_store.prepared(uR"(INSERT INTO warehouses (id, code, name, region, store)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
            region = excluded.region, store = excluded.store)"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(w.id));
    (*q)->bindValue(1, w.code);
    (*q)->bindValue(2, text(w.name));
    (*q)->bindValue(3, text(w.region));
    (*q)->bindValue(4, text(w.store));
    return run(**q, u"cannot save warehouse "_s + w.code);
}

Result<QList<Warehouse>> StockRepository::warehouses()
{
    auto q
        = m_store.prepared(u"SELECT id, code, name, region, store FROM warehouses ORDER BY code"_s);
    if (!q)
        return q.error();
    if (auto r = run(**q, u"cannot read warehouses"_s); !r)
        return r.error();
    QList<Warehouse> result;
    while ((*q)->next())
        result.append(Warehouse {toId((*q)->value(0)), (*q)->value(1).toString(),
                                 (*q)->value(2).toString(), (*q)->value(3).toString(),
                                 (*q)->value(4).toString()});
    (*q)->finish();
    return result;
}

Result<Warehouse> StockRepository::warehouse(const QString &code)
{
    auto all = warehouses();
    if (!all)
        return all.error();
    for (const Warehouse &w : *all) {
        if (w.code == code)
            return w;
    }
    return makeError(ErrorCode::NotFound, u"no warehouse %1"_s.arg(code));
}

Result<void> StockRepository::writeLevel(const StockLevel &l)
{
    if (l.sku.isEmpty() || l.warehouseCode.isEmpty() || !l.onHand.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"a stock level needs a SKU, a warehouse and an on-hand quantity"_s);
    const Quantity reserved = l.reserved.isValid() ? l.reserved : Quantity();
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO stock_levels (sku, warehouse_code,
            on_hand_milli, on_hand_unit, reserved_milli, reserved_unit, as_of)
        VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, l.sku);
    (*q)->bindValue(1, l.warehouseCode);
    (*q)->bindValue(2, l.onHand.milli());
    (*q)->bindValue(3, l.onHand.unit());
    // An absent reservation figure is stored as zero with an empty unit, so it reads back absent.
    (*q)->bindValue(4, reserved.isValid() ? reserved.milli() : 0);
    (*q)->bindValue(5, reserved.isValid() ? reserved.unit() : u""_s);
    (*q)->bindValue(6, dateTime(l.asOf));
    return run(**q, u"cannot save stock of %1 in %2"_s.arg(l.sku, l.warehouseCode));
}

Result<void> StockRepository::upsertLevel(const StockLevel &level)
{
    return writeLevel(level);
}

Result<void> StockRepository::upsertLevels(const QList<StockLevel> &levels)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const StockLevel &l : levels) {
            if (auto r = writeLevel(l); !r)
                return r;
        }
        return {};
    });
}

Result<QList<StockLevel>> StockRepository::levelsForSku(const QString &sku)
{
    auto q = m_store.prepared(
        u"SELECT sku, warehouse_code, on_hand_milli, on_hand_unit, reserved_milli, "
        u"reserved_unit, as_of FROM stock_levels WHERE sku = ? ORDER BY warehouse_code"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, sku);
    if (auto r = run(**q, u"cannot read stock"_s); !r)
        return r.error();
    QList<StockLevel> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        StockLevel level;
        level.sku = row.value(0).toString();
        level.warehouseCode = row.value(1).toString();
        auto onHand = toQuantity(row.value(2), row.value(3));
        if (!onHand)
            return onHand.error();
        level.onHand = *onHand;
        if (!row.value(5).toString().isEmpty()) {
            auto reserved = toQuantity(row.value(4), row.value(5));
            if (!reserved)
                return reserved.error();
            level.reserved = *reserved;
        }
        level.asOf = toDateTime(row.value(6));
        result.append(level);
    }
    (*q)->finish();
    return result;
}

Result<AvailableToPromise> StockRepository::availability(const QString &sku)
{
    auto levels = levelsForSku(sku);
    if (!levels)
        return levels.error();
    auto reserved = reservationsForSku(sku);
    if (!reserved)
        return reserved.error();
    return AvailableToPromise::compute(levels.value(), reserved.value());
}

Result<StockLevel> StockRepository::level(const QString &sku, const QString &warehouseCode)
{
    auto all = levelsForSku(sku);
    if (!all)
        return all.error();
    for (const StockLevel &l : *all) {
        if (l.warehouseCode == warehouseCode)
            return l;
    }
    return makeError(ErrorCode::NotFound,
                     u"no stock figure for %1 in warehouse %2"_s.arg(sku, warehouseCode));
}

Result<void> StockRepository::reserve(const QUuid &orderId,
                                      const QList<LocalReservation> &reservations)
{
    return m_store.transaction([&]() -> Result<void> {
        if (auto r = release(orderId); !r)
            return r;
        auto q = m_store.prepared(uR"(INSERT INTO local_reservations (order_id, sku,
                warehouse_code, qty_milli, unit) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_id, sku, warehouse_code)
                DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli)"_s);
        if (!q)
            return q.error();
        for (const LocalReservation &res : reservations) {
            // An empty warehouse code: the order leaves the warehouse to HQ; the
            // reservation then counts against the SKU's total only (see rules/atp.h).
            if (res.orderId != orderId || res.sku.isEmpty() || !res.quantity.isPositive())
                return makeError(ErrorCode::InvalidArgument,
                                 u"a reservation needs this order, a SKU and a positive "
                                 u"quantity"_s);
            (*q)->bindValue(0, idToString(orderId));
            (*q)->bindValue(1, res.sku);
            (*q)->bindValue(2, sqlvalue::text(res.warehouseCode));
            (*q)->bindValue(3, res.quantity.milli());
            (*q)->bindValue(4, res.quantity.unit());
            if (auto r = run(**q, u"cannot reserve "_s + res.sku); !r)
                return r;
        }
        return {};
    });
}

Result<void> StockRepository::release(const QUuid &orderId)
{
    auto q = m_store.prepared(u"DELETE FROM local_reservations WHERE order_id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(orderId));
    return run(**q, u"cannot release reservations"_s);
}

Result<QList<LocalReservation>> StockRepository::loadReservations(const QString &where,
                                                                  const QVariant &value)
{
    auto q = m_store.prepared(u"SELECT order_id, sku, warehouse_code, qty_milli, unit "
                              u"FROM local_reservations WHERE "_s
                              + where + u" ORDER BY order_id, sku, warehouse_code"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, value);
    if (auto r = run(**q, u"cannot read reservations"_s); !r)
        return r.error();
    QList<LocalReservation> result;
    while ((*q)->next()) {
        auto qty = toQuantity((*q)->value(3), (*q)->value(4));
        if (!qty)
            return qty.error();
        result.append(LocalReservation {(*q)->value(1).toString(), (*q)->value(2).toString(), *qty,
                                        toId((*q)->value(0))});
    }
    (*q)->finish();
    return result;
}

Result<QList<LocalReservation>> StockRepository::reservationsForSku(const QString &sku)
{
    return loadReservations(u"sku = ?"_s, sku);
}

Result<QList<LocalReservation>> StockRepository::reservationsForOrder(const QUuid &orderId)
{
    return loadReservations(u"order_id = ?"_s, idToString(orderId));
}

} // namespace karvan
