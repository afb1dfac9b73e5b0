#pragma once

#include "domain/quantity.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace karvan {

struct Warehouse
{
    QUuid id;
    QString code;
    QString name;
    QString region;
    QString store; // for a store's own stock room; kiosks see their store only
};

// HQ's figure for one SKU in one warehouse, as last received by the device.
struct StockLevel
{
    QString sku;
    QString warehouseCode;
    Quantity onHand;
    Quantity reserved; // allocated to confirmed orders at HQ
    QDateTime asOf;
};

// Stock this device has promised in orders HQ has not yet seen.
struct LocalReservation
{
    QString sku;
    QString warehouseCode;
    Quantity quantity;
    QUuid orderId;
};

} // namespace karvan
