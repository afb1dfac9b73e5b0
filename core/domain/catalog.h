#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace karvan {

struct Product
{
    QUuid id;
    QString sku;
    QString barcode; // EAN-13 / UPC, may be empty
    QString name;
    QString category;
    QString baseUnit = QStringLiteral("ea");
    QList<UnitConversion> unitConversions; // other units it is sold in, e.g. box of 12
    QString taxClass = QStringLiteral("standard");
    bool active = true;
};

// Unit price that applies from minQuantity (in the price's unit) upward.
struct PriceTier
{
    Quantity minQuantity;
    Money unitPrice;
};

struct PriceListEntry
{
    QString sku;
    QString unit; // the unit the price is per; the product's base unit by default
    QList<PriceTier> tiers; // sorted by minQuantity; the first usually starts at 1
};

// A price list in one currency. The company's base list gives list prices; a customer's own
// list (wholesale, key account) overrides them, with volume tiers.
struct PriceList
{
    QUuid id;
    QString code;
    QString name;
    QString currency;
    bool isBase = false;
    QList<PriceListEntry> entries;
};

// A negotiated price for one customer and SKU; wins over price lists while valid.
struct CustomerPrice
{
    QUuid customerId;
    QString sku;
    Money unitPrice;
    std::optional<QDate> validFrom;
    std::optional<QDate> validTo; // inclusive
};

struct Promotion
{
    enum class Kind { PercentOff, AmountOff };
    QUuid id;
    QString code;
    QString name;
    Kind kind = Kind::PercentOff;
    int percentBasisPoints = 0; // PercentOff: 1000 = 10.00 %
    Money amountOffPerUnit; // AmountOff: taken off the unit price
    QDate validFrom; // inclusive
    QDate validTo; // inclusive
    QStringList skus; // empty: every product
    QStringList territories; // empty: every territory
    std::optional<Quantity> minQuantity;
};

// Tax for a tax class in a region. Inclusive: prices in that region already contain the tax
// (B2C shelves); exclusive: tax is added on top.
struct TaxRule
{
    QString taxClass;
    QString region;
    int rateBasisPoints = 0; // 1800 = 18.00 %
    bool inclusive = false;
    QString name; // "KDV 20%", "VAT 10%"
};

} // namespace karvan
