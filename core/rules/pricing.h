#pragma once

#include "domain/catalog.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace karvan {

// Everything pricing needs for one document, gathered by the caller (the device's store or
// HQ's database) for the lines at hand. Pricing itself does no I/O.
struct PricingCatalog
{
    QHash<QString, Product> products; // by SKU
    PriceList baseList; // the company's list prices
    std::optional<PriceList> customerList; // the customer's own list, if any
    QList<CustomerPrice> customerPrices; // negotiated prices of this customer
    QList<Promotion> promotions; // candidates; pricing checks dates and scope
    QList<TaxRule> taxRules;
};

struct PricingRequest
{
    struct Line
    {
        QString sku;
        Quantity quantity; // in the product's base unit or one of its unit conversions
    };
    QUuid customerId;
    QString territory;
    QString taxRegion;
    QString currency;
    QDate date; // the document date: decides promotions and customer price validity
    QList<Line> lines;
};

// One step of "why this price", in order: list price, price list, volume tier, customer
// price, promotion, tax. unitPrice is the unit price after the step.
struct PriceStep
{
    enum class Kind { ListPrice, PriceList, VolumeTier, CustomerPrice, Promotion, Tax };
    Kind kind = Kind::ListPrice;
    QString reference; // price list code, promotion code or tax rule name
    QString description; // one line in English; the app renders its own from kind + figures
    Money unitPrice;
};

struct PricedLine
{
    QString sku;
    Quantity quantity;
    // The quantity unitPrice applies to: the line's quantity when the price is per the line's
    // unit, else the quantity converted to the price's unit (usually the product's base unit).
    // net = unitPrice x pricedQuantity (before tax for exclusive tax).
    Quantity pricedQuantity;
    Money listUnitPrice;
    Money unitPrice; // after price lists, tiers, customer price and promotion
    Money net; // line amount before tax
    Money tax;
    Money total; // net + tax: what the customer pays for the line
    int taxRateBasisPoints = 0;
    bool taxInclusive = false;
    QList<PriceStep> steps;
};

struct PricedDocument
{
    QString currency;
    QList<PricedLine> lines;
    Money net;
    Money tax;
    Money total;
};

// Prices a quote or an order line by line: list price, then the customer's price list and
// volume tier, then a customer-specific price, then the best applicable promotion, then tax
// (inclusive or exclusive by tax class and region). The same function runs on the device and
// at HQ, so both arrive at the same minor unit.
Result<PricedDocument> priceDocument(const PricingCatalog &catalog, const PricingRequest &request);

} // namespace karvan
