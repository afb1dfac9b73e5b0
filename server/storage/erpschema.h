#pragma once

#include "domain/result.h"

namespace karvan::hq {

class Database;

// The ERP schema steps (see migrations.cpp for their order). Portable SQL only: TEXT ids,
// TEXT ISO dates (YYYY-MM-DD), BIGINT minor units and thousandths of a unit, INTEGER flags.

// Version 2: master data: customers, products, warehouses, price lists and tiers, customer
// prices, promotions, tax rules, vendors; company settings and document counters.
Result<void> createMasterData(Database &db);
// Version 3: the general ledger: a seeded chart of accounts, journal entries and lines.
Result<void> createLedger(Database &db);
// Version 4: inventory: stock per SKU and warehouse with its value, and stock moves.
Result<void> createInventory(Database &db);
// Version 5: sales orders, reservations, deliveries, invoices, credit notes, payments and
// their allocations.
Result<void> createSales(Database &db);
// Version 6: purchase orders, goods receipts, vendor bills and vendor payments.
Result<void> createPurchasing(Database &db);

} // namespace karvan::hq
