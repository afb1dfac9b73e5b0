#pragma once

#include "domain/inventory.h"
#include "domain/quantity.h"
#include "domain/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace karvan {

// One SKU in one warehouse: HQ's last figures minus this device's unsynced reservations.
struct WarehouseAvailability
{
    QString warehouseCode;
    Quantity onHand;
    Quantity reserved; // allocated at HQ to confirmed orders
    Quantity localReserved; // promised in this device's orders HQ has not seen yet
    Quantity available; // onHand - reserved - localReserved; negative when oversold
    Quantity promisable; // available, never below zero
    QDateTime asOf; // when HQ computed the figure; invalid if HQ sent none
};

// One SKU across warehouses.
struct SkuAvailability
{
    QString sku;
    QString unit;
    QList<WarehouseAvailability> warehouses; // by warehouse code
    // Local reservations of orders that leave the warehouse to HQ: they reduce the SKU's total
    // but no single warehouse.
    Quantity unassignedLocalReserved;
    Quantity onHand;
    Quantity reserved;
    Quantity localReserved; // all local reservations, assigned or not
    // Sum over warehouses less unassigned local reservations. A warehouse's shortfall counts
    // against the others, so the total never promises stock another warehouse's orders need.
    Quantity available;
    Quantity promisable; // available, never below zero
    QDateTime asOf; // the oldest figure among its warehouses: what the rep is shown

    const WarehouseAvailability *warehouse(const QString &code) const;
};

// The answer to "can I promise this quantity?".
struct PromiseCheck
{
    enum class Outcome { Full, Partial, None };
    Outcome outcome = Outcome::None;
    QString sku;
    QString warehouseCode; // empty: across all warehouses
    Quantity requested;
    Quantity promisable; // what can be promised now: min(requested, available), never negative
    Quantity shortfall; // requested - promisable
    QDateTime asOf; // the age of the figures the answer rests on
};

// Available-to-promise on the device and at HQ: per SKU per warehouse, HQ's on-hand minus its
// reservations minus the device's own unsynced orders. Quantities of one SKU must all be in one
// unit (the product's base unit); a mismatch is an error, never a silent mix.
class AvailableToPromise
{
public:
    static Result<AvailableToPromise> compute(const QList<StockLevel> &levels,
                                              const QList<LocalReservation> &localReservations);

    QList<SkuAvailability> skus() const { return m_skus.values(); } // by SKU
    const SkuAvailability *find(const QString &sku) const;
    QDateTime asOf() const { return m_asOf; } // the oldest figure of all

    // Whether `quantity` of `sku` can be promised, from one warehouse or (empty code) in total.
    // Errors: a quantity that is not positive, a unit other than the SKU's stock unit, an SKU
    // or warehouse with no stock figures.
    Result<PromiseCheck> check(const QString &sku, const Quantity &quantity,
                               const QString &warehouseCode = QString()) const;

private:
    QMap<QString, SkuAvailability> m_skus;
    QDateTime m_asOf;
};

QString promiseOutcomeName(PromiseCheck::Outcome outcome); // "full", "partial", "none"

} // namespace karvan
