#pragma once

#include "domain/inventory.h"
#include "erp/erpcommon.h"

#include <QDate>
#include <optional>

namespace karvan::hq {

class Database;

namespace erp {

class Ledger;

// One SKU in one warehouse. Quantities in thousandths of the product's base unit; value in
// minor units of the company currency.
struct StockPosition
{
    QString sku;
    QString warehouse;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 value = 0;
    qint64 reorderPoint = 0;
    qint64 available() const { return onHand - reserved; }
};

// Where a stock move comes from, for the move row and its journal entry.
struct MoveSource
{
    QDate date;
    QString kind; // receipt, issue, transfer_in, transfer_out, adjustment, opening, return
    QString sourceType; // "delivery", "receipt", ...
    QString sourceId;
    QString journalId; // the entry that carries the move's value (may be empty for transfers)
    QString actorName;
};

// Stock on hand, reservations and moving-average cost, per SKU per warehouse.
//
// Valuation: each SKU/warehouse carries its total value in minor units. An issue of q out of
// onHand costs round(value * q / onHand) (half up), and the issue that empties the position
// takes exactly the value left, so the sum of positions' values always equals the inventory
// account to the minor unit. The average is per warehouse: a transfer moves value at the
// source's average and blends into the destination's.
//
// On-hand never goes negative, and stock never goes below what is reserved.
class Inventory
{
public:
    explicit Inventory(Database &db)
        : m_db(db)
    { }

    // Moves stock between warehouses at the source's average cost; no ledger impact (one
    // inventory account). Warehouse role.
    Result<QString> transfer(const Actor &actor, const QString &sku, const QString &from,
                             const QString &to, qint64 qtyMilli, const QDate &date);
    // A count correction: positive or negative delta. Increases are valued at unitCostMinor
    // (per base unit) when given, else at the current average (an error when there is none).
    // Dr/Cr inventory against inventory adjustments. Warehouse role.
    Result<QString> adjust(const Actor &actor, const QString &sku, const QString &warehouse,
                           qint64 deltaMilli, std::optional<qint64> unitCostMinor,
                           const QDate &date, const QString &reason);
    // Opening stock at a unit cost: Dr inventory / Cr equity. Finance or admin.
    Result<QString> openingStock(const Actor &actor, const QString &sku, const QString &warehouse,
                                 qint64 qtyMilli, qint64 unitCostMinor, const QDate &date);
    // The same inside the caller's transaction (an error outside one; on failure the caller
    // rolls back), posting through the caller's ledger (a loader opening thousands of
    // positions).
    Result<QString> openingStockInTransaction(const Actor &actor, Ledger &ledger,
                                              const QString &sku, const QString &warehouse,
                                              qint64 qtyMilli, qint64 unitCostMinor,
                                              const QDate &date);
    Result<void> setReorderPoint(const Actor &actor, const QString &sku, const QString &warehouse,
                                 qint64 milli);

    Result<QList<StockPosition>> positions(const QStringList &skus = {});
    // Positions whose available stock is at or below their (non-zero) reorder point.
    Result<QList<StockPosition>> belowReorderPoint();
    // HQ's stock figures for core's AvailableToPromise, in each product's base unit.
    Result<QList<StockLevel>> stockLevels(const QStringList &skus);

    // ---- inside the caller's transaction ----
    // The position, locked for update; created empty when missing (SKU and warehouse must
    // exist).
    Result<StockPosition> lockPosition(const QString &sku, const QString &warehouse);
    // The position as it is (not created when missing), locked for update.
    Result<std::optional<StockPosition>> findPosition(const QString &sku, const QString &warehouse);
    // Adds qty at the given value; returns the value added.
    Result<qint64> moveIn(const QString &sku, const QString &warehouse, qint64 qtyMilli,
                          qint64 valueMinor, const MoveSource &source);
    // Takes qty out at the moving-average cost; fromReserved takes it out of the reservation
    // too (a delivery). Returns the cost.
    Result<qint64> moveOut(const QString &sku, const QString &warehouse, qint64 qtyMilli,
                           bool fromReserved, const MoveSource &source);
    // moveOut of a position the caller has just locked; position is updated to what is written.
    Result<qint64> moveOutOf(StockPosition &position, qint64 qtyMilli, bool fromReserved,
                             const MoveSource &source);
    Result<void> reserve(const QString &sku, const QString &warehouse, qint64 qtyMilli);
    Result<void> release(const QString &sku, const QString &warehouse, qint64 qtyMilli);

private:
    Result<void> writePosition(const StockPosition &p);
    Result<void> recordMove(const QString &sku, const QString &warehouse, qint64 qty, qint64 value,
                            const MoveSource &source);
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
