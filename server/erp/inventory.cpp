#include "erp/inventory.h"

#include "domain/wirerows.h"
#include "erp/alerts.h"
#include "erp/ledger.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "sync/changefeed.h"

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

QJsonObject positionJson(const StockPosition &p)
{
    return {{u"sku"_s, p.sku},
            {u"warehouse"_s, p.warehouse},
            {u"onHandMilli"_s, p.onHand},
            {u"reservedMilli"_s, p.reserved},
            {u"valueMinor"_s, p.value}};
}

StockPosition positionFrom(const Row &r)
{
    return StockPosition {r.at(0).toString(),   r.at(1).toString(),   r.at(2).toLongLong(),
                          r.at(3).toLongLong(), r.at(4).toLongLong(), r.at(5).toLongLong()};
}

const QString PositionColumns
    = u"sku, warehouse_code, on_hand_milli, reserved_milli, value_minor, reorder_point_milli"_s;

} // namespace

Result<std::optional<StockPosition>> Inventory::findPosition(const QString &sku,
                                                             const QString &warehouse)
{
    auto row = queryRow(
        m_db,
        u"SELECT %1 FROM stock WHERE sku = ? AND warehouse_code = ?"_s.arg(PositionColumns)
            + sqldialect::forUpdate(m_db.backend()),
        {sku, warehouse});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<StockPosition>();
    return std::optional<StockPosition>(positionFrom(*row));
}

Result<StockPosition> Inventory::lockPosition(const QString &sku, const QString &warehouse)
{
    const QString select
        = u"SELECT %1 FROM stock WHERE sku = ? AND warehouse_code = ?"_s.arg(PositionColumns)
        + sqldialect::forUpdate(m_db.backend());
    auto row = queryRow(m_db, select, {sku, warehouse});
    if (!row)
        return row.error();
    if (!row->isEmpty())
        return positionFrom(*row);
    auto known = queryInt(m_db,
                          u"SELECT (SELECT COUNT(*) FROM products WHERE sku = ?) * 10 + "
                          "(SELECT COUNT(*) FROM warehouses WHERE code = ?)"_s,
                          {sku, warehouse});
    if (!known)
        return known.error();
    if (*known / 10 == 0)
        return notFound(u"unknown SKU %1"_s.arg(sku));
    if (*known % 10 == 0)
        return notFound(u"unknown warehouse %1"_s.arg(warehouse));
    // PostgreSQL: a concurrent creator may win; ON CONFLICT keeps this portable (SQLite 3.24+).
    if (auto w = execSql(m_db,
                         u"INSERT INTO stock (sku, warehouse_code, updated_at) VALUES (?, ?, ?) "
                         "ON CONFLICT (sku, warehouse_code) DO NOTHING"_s,
                         {sku, warehouse, nowUtc()});
        !w)
        return w.error();
    row = queryRow(m_db, select, {sku, warehouse});
    if (!row)
        return row.error();
    return positionFrom(*row);
}

Result<void> Inventory::writePosition(const StockPosition &p)
{
    if (p.onHand < 0 || p.reserved < 0 || p.reserved > p.onHand || (p.onHand == 0 && p.value != 0)
        || p.value < 0)
        return conflict(u"stock of %1 in %2 would become inconsistent (on hand %3, reserved %4, "
                        "value %5)"_s.arg(p.sku, p.warehouse)
                            .arg(p.onHand)
                            .arg(p.reserved)
                            .arg(p.value));
    if (auto w
        = execSql(m_db,
                  u"UPDATE stock SET on_hand_milli = ?, reserved_milli = ?, value_minor = ?, "
                  "reorder_point_milli = ?, updated_at = ? WHERE sku = ? AND warehouse_code = ?"_s,
                  {p.onHand, p.reserved, p.value, p.reorderPoint, nowUtc(), p.sku, p.warehouse});
        !w)
        return w;
    if (auto a = Alerts(m_db).stockChanged(p); !a) // low stock -> purchasing
        return a;
    // Every device shows HQ's stock: each changed position is a catalog row.
    return sync::ChangeFeed(m_db).touch(wire::entity::Stock, wire::stockRowId(p.sku, p.warehouse),
                                        sync::CatalogScope);
}

Result<void> Inventory::recordMove(const QString &sku, const QString &warehouse, qint64 qty,
                                   qint64 value, const MoveSource &source)
{
    return execSql(m_db,
                   u"INSERT INTO stock_moves (id, move_date, kind, sku, warehouse_code, qty_milli, "
                   "value_minor, source_type, source_id, journal_entry_id, created_by, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {newId(), dateText(source.date), source.kind, sku, warehouse, qty, value,
                    source.sourceType, source.sourceId,
                    source.journalId.isEmpty() ? QVariant() : QVariant(source.journalId),
                    source.actorName, nowUtc()});
}

Result<qint64> Inventory::moveIn(const QString &sku, const QString &warehouse, qint64 qtyMilli,
                                 qint64 valueMinor, const MoveSource &source)
{
    if (qtyMilli <= 0)
        return invalid(u"quantity must be greater than zero"_s);
    if (valueMinor < 0)
        return invalid(u"stock value cannot be negative"_s);
    auto p = lockPosition(sku, warehouse);
    if (!p)
        return p.error();
    StockPosition next = *p;
    next.onHand += qtyMilli;
    next.value += valueMinor;
    if (auto w = writePosition(next); !w)
        return w.error();
    if (auto m = recordMove(sku, warehouse, qtyMilli, valueMinor, source); !m)
        return m.error();
    return valueMinor;
}

Result<qint64> Inventory::moveOut(const QString &sku, const QString &warehouse, qint64 qtyMilli,
                                  bool fromReserved, const MoveSource &source)
{
    if (qtyMilli <= 0)
        return invalid(u"quantity must be greater than zero"_s);
    auto p = lockPosition(sku, warehouse);
    if (!p)
        return p.error();
    StockPosition position = *p;
    return moveOutOf(position, qtyMilli, fromReserved, source);
}

Result<qint64> Inventory::moveOutOf(StockPosition &p, qint64 qtyMilli, bool fromReserved,
                                    const MoveSource &source)
{
    if (qtyMilli <= 0)
        return invalid(u"quantity must be greater than zero"_s);
    const qint64 usable = fromReserved ? p.reserved : p.available();
    if (qtyMilli > usable) {
        return conflict(u"not enough stock of %1 in %2: %3 %4, %5 wanted (thousandths)"_s
                            .arg(p.sku, p.warehouse, fromReserved ? u"reserved"_s : u"available"_s)
                            .arg(usable)
                            .arg(qtyMilli));
    }
    auto cost
        = qtyMilli == p.onHand ? Result<qint64>(p.value) : mulDiv(p.value, qtyMilli, p.onHand);
    if (!cost)
        return cost.error();
    StockPosition next = p;
    next.onHand -= qtyMilli;
    next.value -= *cost;
    if (fromReserved)
        next.reserved -= qtyMilli;
    if (auto w = writePosition(next); !w)
        return w.error();
    p = next;
    if (auto m = recordMove(p.sku, p.warehouse, -qtyMilli, -*cost, source); !m)
        return m.error();
    return *cost;
}

Result<void> Inventory::reserve(const QString &sku, const QString &warehouse, qint64 qtyMilli)
{
    auto p = lockPosition(sku, warehouse);
    if (!p)
        return p.error();
    if (qtyMilli > p->available())
        return conflict(u"cannot reserve %1 of %2 in %3: %4 available (thousandths)"_s.arg(qtyMilli)
                            .arg(sku, warehouse)
                            .arg(p->available()));
    StockPosition next = *p;
    next.reserved += qtyMilli;
    return writePosition(next);
}

Result<void> Inventory::release(const QString &sku, const QString &warehouse, qint64 qtyMilli)
{
    auto p = lockPosition(sku, warehouse);
    if (!p)
        return p.error();
    StockPosition next = *p;
    next.reserved -= qtyMilli;
    return writePosition(next);
}

Result<QString> Inventory::transfer(const Actor &actor, const QString &sku, const QString &from,
                                    const QString &to, qint64 qtyMilli, const QDate &date)
{
    if (auto a = authorize(actor, Operation::StockMove); !a)
        return a.error();
    if (from == to)
        return invalid(u"a transfer needs two different warehouses"_s);
    if (qtyMilli <= 0)
        return invalid(u"quantity must be greater than zero"_s);
    if (!date.isValid())
        return invalid(u"a transfer needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        if (auto open = Ledger(m_db).checkOpen(date, false); !open)
            return open;
        // Lock both positions in a fixed order so two opposite transfers cannot deadlock.
        for (const QString &w : from < to ? QStringList {from, to} : QStringList {to, from}) {
            if (auto p = lockPosition(sku, w); !p)
                return p.error();
        }
        MoveSource out {date, u"transfer_out"_s, u"transfer"_s, id, QString(), actor.auditName()};
        auto value = moveOut(sku, from, qtyMilli, false, out);
        if (!value)
            return value.error();
        MoveSource in = out;
        in.kind = u"transfer_in"_s;
        if (auto v = moveIn(sku, to, qtyMilli, *value, in); !v)
            return v.error();
        return audit(m_db, actor, u"stock.transfer"_s, u"stock_transfer"_s, id, {},
                     {{u"sku"_s, sku},
                      {u"from"_s, from},
                      {u"to"_s, to},
                      {u"qtyMilli"_s, qtyMilli},
                      {u"valueMinor"_s, *value}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Inventory::adjust(const Actor &actor, const QString &sku, const QString &warehouse,
                                  qint64 deltaMilli, std::optional<qint64> unitCostMinor,
                                  const QDate &date, const QString &reason)
{
    if (auto a = authorize(actor, Operation::StockMove); !a)
        return a.error();
    if (deltaMilli == 0)
        return invalid(u"an adjustment needs a non-zero quantity"_s);
    if (unitCostMinor && *unitCostMinor < 0)
        return invalid(u"unit cost cannot be negative"_s);
    if (!date.isValid())
        return invalid(u"an adjustment needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto currency = companyCurrency(m_db);
        if (!currency)
            return currency.error();
        auto before = lockPosition(sku, warehouse);
        if (!before)
            return before.error();
        const QString journalId = newId();
        MoveSource source {date, u"adjustment"_s, u"adjustment"_s,
                           id,   journalId,       actor.auditName()};
        qint64 value = 0;
        if (deltaMilli > 0) {
            Result<qint64> v = unitCostMinor ? mulDiv(*unitCostMinor, deltaMilli, 1000)
                : before->onHand > 0
                ? mulDiv(before->value, deltaMilli, before->onHand)
                : Result<qint64>(invalid(u"%1 has no stock in %2 to take an average cost "
                                         "from; give a unit cost"_s.arg(sku, warehouse)));
            if (!v)
                return v.error();
            auto in = moveIn(sku, warehouse, deltaMilli, *v, source);
            if (!in)
                return in.error();
            value = *in;
        } else {
            auto out = moveOut(sku, warehouse, -deltaMilli, false, source);
            if (!out)
                return out.error();
            value = -*out;
        }
        if (value != 0) {
            const qint64 amount = value > 0 ? value : -value;
            JournalDraft draft {journalId,
                                date,
                                *currency,
                                u"Stock adjustment %1 %2: %3"_s.arg(sku, warehouse, reason),
                                u"adjustment"_s,
                                id,
                                {}};
            draft.lines = value > 0
                ? QList<JournalLine> {{Accounts::Inventory, amount, 0, {}},
                                      {Accounts::InventoryAdjustments, 0, amount, {}}}
                : QList<JournalLine> {{Accounts::InventoryAdjustments, amount, 0, {}},
                                      {Accounts::Inventory, 0, amount, {}}};
            if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
                return j.error();
        } else if (auto open = Ledger(m_db).checkOpen(date, false); !open) {
            return open;
        }
        auto after = lockPosition(sku, warehouse);
        if (!after)
            return after.error();
        return audit(m_db, actor, u"stock.adjust"_s, u"stock"_s, sku + u'@' + warehouse,
                     positionJson(*before), positionJson(*after));
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Inventory::openingStock(const Actor &actor, const QString &sku,
                                        const QString &warehouse, qint64 qtyMilli,
                                        qint64 unitCostMinor, const QDate &date)
{
    if (auto a = authorize(actor, Operation::OpeningStock); !a)
        return a.error();
    if (qtyMilli <= 0 || unitCostMinor < 0)
        return invalid(u"opening stock needs a positive quantity and a non-negative cost"_s);
    if (!date.isValid())
        return invalid(u"opening stock needs a date"_s);
    QString id;
    auto r = m_db.transaction([&]() -> Result<void> {
        Ledger ledger(m_db);
        auto opened = openingStockInTransaction(actor, ledger, sku, warehouse, qtyMilli,
                                                unitCostMinor, date);
        if (!opened)
            return opened.error();
        id = *opened;
        return {};
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Inventory::openingStockInTransaction(const Actor &actor, Ledger &ledger,
                                                     const QString &sku, const QString &warehouse,
                                                     qint64 qtyMilli, qint64 unitCostMinor,
                                                     const QDate &date)
{
    if (auto a = authorize(actor, Operation::OpeningStock); !a)
        return a.error();
    if (qtyMilli <= 0 || unitCostMinor < 0)
        return invalid(u"opening stock needs a positive quantity and a non-negative cost"_s);
    if (!date.isValid())
        return invalid(u"opening stock needs a date"_s);
    const QString id = newId();
    auto work = [&]() -> Result<void> {
        auto currency = companyCurrency(m_db);
        if (!currency)
            return currency.error();
        auto value = mulDiv(unitCostMinor, qtyMilli, 1000);
        if (!value)
            return value.error();
        const QString journalId = newId();
        MoveSource source {date, u"opening"_s, u"opening"_s, id, journalId, actor.auditName()};
        if (auto in = moveIn(sku, warehouse, qtyMilli, *value, source); !in)
            return in.error();
        if (*value > 0) {
            JournalDraft draft {
                journalId,
                date,
                *currency,
                u"Opening stock %1 %2"_s.arg(sku, warehouse),
                u"opening"_s,
                id,
                {{Accounts::Inventory, *value, 0, {}}, {Accounts::Equity, 0, *value, {}}}};
            if (auto j = ledger.post(actor.auditName(), draft); !j)
                return j.error();
        } else if (auto open = ledger.checkOpen(date, false); !open) {
            return open;
        }
        return audit(m_db, actor, u"stock.opening"_s, u"stock"_s, sku + u'@' + warehouse, {},
                     {{u"qtyMilli"_s, qtyMilli}, {u"valueMinor"_s, *value}});
    };
    if (!m_db.inTransaction())
        return invalid(u"opening stock in the caller's transaction needs one"_s);
    if (auto r = work(); !r)
        return r.error();
    return id;
}

Result<void> Inventory::setReorderPoint(const Actor &actor, const QString &sku,
                                        const QString &warehouse, qint64 milli)
{
    if (auto a = authorize(actor, Operation::StockMove); !a)
        return a;
    if (milli < 0)
        return invalid(u"a reorder point cannot be negative"_s);
    return m_db.transaction([&]() -> Result<void> {
        auto p = lockPosition(sku, warehouse);
        if (!p)
            return p.error();
        StockPosition next = *p;
        next.reorderPoint = milli;
        if (auto w = writePosition(next); !w)
            return w;
        return audit(m_db, actor, u"stock.reorder_point"_s, u"stock"_s, sku + u'@' + warehouse,
                     {{u"reorderPointMilli"_s, p->reorderPoint}},
                     {{u"reorderPointMilli"_s, milli}});
    });
}

Result<QList<StockPosition>> Inventory::positions(const QStringList &skus)
{
    QString sql = u"SELECT %1 FROM stock"_s.arg(PositionColumns);
    QVariantList bindings;
    if (!skus.isEmpty()) {
        sql += u" WHERE sku IN (%1)"_s.arg(QStringList(skus.size(), u"?"_s).join(u", "_s));
        for (const QString &s : skus)
            bindings.append(s);
    }
    sql += u" ORDER BY sku, warehouse_code"_s;
    auto rows = queryRows(m_db, sql, bindings);
    if (!rows)
        return rows.error();
    QList<StockPosition> out;
    for (const Row &r : *rows)
        out.append(positionFrom(r));
    return out;
}

Result<QList<StockPosition>> Inventory::belowReorderPoint()
{
    auto rows = queryRows(m_db,
                          u"SELECT %1 FROM stock WHERE reorder_point_milli > 0 AND "
                          "on_hand_milli - reserved_milli <= reorder_point_milli "
                          "ORDER BY sku, warehouse_code"_s.arg(PositionColumns));
    if (!rows)
        return rows.error();
    QList<StockPosition> out;
    for (const Row &r : *rows)
        out.append(positionFrom(r));
    return out;
}

Result<QList<StockLevel>> Inventory::stockLevels(const QStringList &skus)
{
    if (skus.isEmpty())
        return QList<StockLevel>();
    auto rows = queryRows(m_db,
                          u"SELECT s.sku, s.warehouse_code, s.on_hand_milli, s.reserved_milli, "
                          "p.base_unit, s.updated_at FROM stock s JOIN products p ON p.sku = s.sku "
                          "WHERE s.sku IN (%1) ORDER BY s.sku, s.warehouse_code"_s.arg(
                              QStringList(skus.size(), u"?"_s).join(u", "_s)),
                          [&] {
                              QVariantList b;
                              for (const QString &s : skus)
                                  b.append(s);
                              return b;
                          }());
    if (!rows)
        return rows.error();
    QList<StockLevel> out;
    for (const Row &r : *rows) {
        auto onHand = Quantity::fromMilli(r.at(2).toLongLong(), r.at(4).toString());
        auto reserved = Quantity::fromMilli(r.at(3).toLongLong(), r.at(4).toString());
        if (!onHand || !reserved)
            return onHand ? reserved.error() : onHand.error();
        out.append(StockLevel {r.at(0).toString(), r.at(1).toString(), *onHand, *reserved,
                               QDateTime::fromString(r.at(5).toString(), Qt::ISODateWithMs)});
    }
    return out;
}

} // namespace karvan::hq::erp
