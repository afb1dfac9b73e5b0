#pragma once

#include "domain/documents.h"
#include "erp/erpcommon.h"

namespace karvan::hq {

class Database;

namespace erp {

// What HQ made of a quote a device or the API sent.
struct QuoteOutcome
{
    SalesDocument quote; // as stored: HQ's number, prices, validity and status
    QStringList repricedLines; // one line per line whose unit price differs from the sent one
    bool totalsDiffer = false; // HQ's total differs from the sent (valid) total
    bool replayed = false; // the quote existed already: nothing was written
};

// Sales quotes ("Q-000001"): re-priced at HQ with core's priceDocument on the HQ catalog, like
// an order, with a validity date (sent, or the quote date + DefaultValidityDays). A quote
// reserves no stock and takes no credit decision. Status: confirmed while valid, expired after
// its validity date; converted once an order names it as its source quote (markConverted).
class Quotes
{
public:
    explicit Quotes(Database &db)
        : m_db(db)
    { }

    static constexpr int DefaultValidityDays = 30;
    static constexpr int MaxValidityDays = 366;

    // Idempotent by document id. Bad input (unknown or archived customer, unknown SKU, a
    // quantity not above zero, a currency other than the customer's, a validity before the
    // date) is an error and writes nothing. Reps only for customers in their territories.
    Result<QuoteOutcome> create(const Actor &actor, const SalesDocument &document);
    Result<SalesDocument> find(const QString &quoteId);
    // Records that order orderId was made from quote quoteId (status converted,
    // converted_order_id), in the caller's transaction. False, writing nothing, when the quote
    // is unknown, belongs to another customer or was already converted to another order.
    Result<bool> markConverted(const QString &quoteId, const QString &orderId,
                               const QString &customerId);

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
