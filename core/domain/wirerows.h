#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/inventory.h"
#include "domain/result.h"
#include "domain/service.h"

#include <QCborMap>
#include <QString>

// The rows of the sync change feed (docs/sync-protocol.md, "RowChange.row" and section 5.7):
// one CBOR map per domain entity, written by HQ from its tables and applied by a device to its
// local store. Both sides use these functions, so the shape of a row lives in one place.
//
// Conventions: ids are UUID text without braces (idToString); money is two keys, "<name>" as
// minor units (int) and the row's "currency" (text); quantities are "<name>_milli" (int,
// thousandths) plus "<name>_unit" (text) where the unit is not implied; dates are "YYYY-MM-DD",
// times ISO 8601 UTC with milliseconds; enums are their snake_case names (domain/names.h).
//
// Decoders are strict: a missing required key, a wrong type, an unknown enum name, an invalid
// id or an amount in another currency is an InvalidArgument error naming the key; they never
// crash on hostile input. Unknown keys are ignored (a later HQ may add some).
namespace karvan::wire {

// The most items of one array in a row (a price list has one entry per SKU it prices, and a
// distributor's base list covers its whole catalog). The sync protocol's decoder takes its
// limit from here (sync/protocol/limits.h), so a row HQ encodes is a row the device decodes.
inline constexpr qsizetype MaxRowArrayItems = 100000;

// RowChange.entity names.
namespace entity {
inline const QString Customer = QStringLiteral("customer");
inline const QString Product = QStringLiteral("product");
inline const QString PriceList = QStringLiteral("price_list"); // with its entries and tiers
inline const QString CustomerPrice = QStringLiteral("customer_price");
inline const QString Promotion = QStringLiteral("promotion");
inline const QString TaxRule = QStringLiteral("tax_rule");
inline const QString Warehouse = QStringLiteral("warehouse");
inline const QString Stock = QStringLiteral("stock"); // one SKU in one warehouse
inline const QString Order = QStringLiteral("order"); // with its lines and HQ status
inline const QString Quote = QStringLiteral("quote");
inline const QString Invoice = QStringLiteral("invoice");
inline const QString Payment = QStringLiteral("payment");
inline const QString Ticket = QStringLiteral("ticket"); // with its comments
inline const QString Activity = QStringLiteral("activity");
} // namespace entity

// Ids of rows whose entity has no UUID of its own.
QString stockRowId(const QString &sku, const QString &warehouseCode); // "SKU@WH"
QString taxRuleRowId(const QString &taxClass, const QString &region); // "CLASS@REGION"
QString customerPriceRowId(const QUuid &customerId, const QString &sku); // "UUID@SKU"

// Customer rows carry, besides the Customer fields, "field_hlc": a map from each rep-editable
// field's wire name (customerfields::repEditable) to the HLC text of the write that set it at
// HQ, and "credit_hold" (bool, HQ's manual hold). customerRow writes neither; HQ adds them.
// Keys: id, the seven rep-editable fields exactly as customerfields::values writes them (the
// decoder checks them with customerfields::apply), code, territory, price_list (absent: base
// list only), payment_terms (days), credit_limit (minor units; absent: no limit), currency,
// tax_region, archived, updated_at (absent when unknown).
QCborMap customerRow(const Customer &customer);
Result<Customer> customerFromRow(const QCborMap &row);

// Keys below: "?" marks keys written only when the value is set (an absent Quantity, date,
// time or id; an empty std::optional). Row ids of keyless entities are not repeated in the row.
// product: id sku barcode name category base_unit unit_conversions[{unit base_milli}]
//   tax_class active
// price_list: id code name currency is_base entries[{sku unit tiers[{min_milli? min_unit?
//   unit_price}]}]
// customer_price: customer sku unit_price currency valid_from? valid_to?
// promotion: id code name kind(percent_off|amount_off) percent_bp amount_off? currency?
//   valid_from? valid_to? skus[] territories[] min_milli? min_unit?
// tax_rule: tax_class region rate_bp inclusive name
// warehouse: id code name region store
// stock: sku warehouse on_hand_milli on_hand_unit reserved_milli? reserved_unit? as_of?
//   (on hand may be negative; reserved may not)
QCborMap productRow(const Product &product);
Result<Product> productFromRow(const QCborMap &row);
QCborMap priceListRow(const PriceList &list);
Result<PriceList> priceListFromRow(const QCborMap &row);
QCborMap customerPriceRow(const CustomerPrice &price);
Result<CustomerPrice> customerPriceFromRow(const QCborMap &row);
QCborMap promotionRow(const Promotion &promotion);
Result<Promotion> promotionFromRow(const QCborMap &row);
QCborMap taxRuleRow(const TaxRule &rule);
Result<TaxRule> taxRuleFromRow(const QCborMap &row);
QCborMap warehouseRow(const Warehouse &warehouse);
Result<Warehouse> warehouseFromRow(const QCborMap &row);
QCborMap stockRow(const StockLevel &level);
Result<StockLevel> stockFromRow(const QCborMap &row);

// Orders and quotes (entity by document.kind), lines included, status and HQ's reason.
// Keys: id kind(order|quote) number customer currency date valid_until? status status_reason
// lines[{line_no sku qty_milli unit warehouse unit_price net tax total}] net tax total
// created_by created_at? source_quote?. Line quantities are positive, line numbers unique.
// invoice: id number customer order? date due_date? currency total paid
// payment: id customer date currency amount method invoice?
// ticket: id number customer subject description status priority assignee created_at?
//   updated_at? comments[{id author at? body}]
// activity: id customer kind at subject notes duration_minutes photo_path author
QCborMap documentRow(const SalesDocument &document);
Result<SalesDocument> documentFromRow(const QCborMap &row);
QCborMap invoiceRow(const Invoice &invoice);
Result<Invoice> invoiceFromRow(const QCborMap &row);
QCborMap paymentRow(const Payment &payment);
Result<Payment> paymentFromRow(const QCborMap &row);
QCborMap ticketRow(const Ticket &ticket);
Result<Ticket> ticketFromRow(const QCborMap &row);
QCborMap activityRow(const Activity &activity);
Result<Activity> activityFromRow(const QCborMap &row);

// The args of an "order|quote create" mutation (core/services/orderservice.h,
// encodeDocumentMutation) back into a document: lines with quantities, the device's prices
// and totals, status PendingSync; "source_quote" (optional) is the quote an order was
// converted from. Used by HQ's applier. Lines number with "no" there; at least
// one line is required; "hlc" is ignored; number and created_at stay empty.
Result<SalesDocument> documentFromMutationArgs(const QCborMap &args);

} // namespace karvan::wire
