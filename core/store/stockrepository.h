#pragma once

#include "domain/inventory.h"
#include "domain/result.h"
#include "rules/atp.h"

#include <QList>
#include <QUuid>

namespace karvan {

class LocalStore;

// What the device shows for one SKU in one warehouse: HQ's last figure minus the device's
// own unsynced reservations.
// Warehouses, HQ's stock figures as last received, and this device's reservations.
class StockRepository
{
public:
    explicit StockRepository(LocalStore &store)
        : m_store(store)
    { }

    Result<void> upsertWarehouse(const Warehouse &warehouse);
    Result<Warehouse> warehouse(const QString &code);
    Result<QList<Warehouse>> warehouses();

    // HQ's figure replaces the previous one for (sku, warehouse).
    Result<void> upsertLevel(const StockLevel &level);
    Result<void> upsertLevels(const QList<StockLevel> &levels); // one transaction
    Result<StockLevel> level(const QString &sku, const QString &warehouseCode);
    Result<QList<StockLevel>> levelsForSku(const QString &sku);
    // HQ's figures minus this device's reservations, by the one ATP rule (rules/atp.h).
    Result<AvailableToPromise> availability(const QString &sku);

    // An order's reservations replace any it had; release when HQ has seen the order.
    Result<void> reserve(const QUuid &orderId, const QList<LocalReservation> &reservations);
    Result<void> release(const QUuid &orderId);
    Result<QList<LocalReservation>> reservationsForSku(const QString &sku);
    Result<QList<LocalReservation>> reservationsForOrder(const QUuid &orderId);

private:
    Result<void> writeLevel(const StockLevel &level);
    Result<QList<LocalReservation>> loadReservations(const QString &where, const QVariant &value);

    LocalStore &m_store;
};

} // namespace karvan
