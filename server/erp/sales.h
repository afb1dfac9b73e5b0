#pragma once

#include "domain/documents.h"
#include "erp/erpcommon.h"
#include "rules/credit.h"

namespace karvan::hq {

class Database;

namespace erp {

struct OrderLineState
{
    int lineNo = 0;
    QString sku;
    QString warehouse; // empty until stock is allocated
    qint64 quantity = 0; // thousandths of the base unit, as ordered (never shrunk)
    qint64 allocated = 0; // reserved, not yet delivered
    qint64 delivered = 0;
    qint64 invoiced = 0;
    qint64 unitPrice = 0; // minor units, as priced at HQ
    qint64 net = 0;
    qint64 tax = 0;
    qint64 total = 0;
};

// Where an order stands, and what intake answered.
struct OrderOutcome
{
    QString orderId;
    QString number;
    QString customerId;
    QString currency;
    DocumentStatus status = DocumentStatus::Draft;
    QString reason; // why held, rejected, re-priced or short; empty when plainly confirmed
    qint64 net = 0;
    qint64 tax = 0;
    qint64 total = 0;
    bool replayed = false; // intake of an order it had already taken: nothing was written
    QList<OrderLineState> lines;
};

// How an order records HQ's credit decision: the JSON kept in sales_orders.credit_decision
// (outcome, exposure, projected, reasons) and the reasons' messages for its status notes.
// Intake and the demo loader's direct history record it alike.
struct CreditRecord
{
    QString json;
    QStringList notes;
};
CreditRecord creditRecord(const CreditDecision &decision);

// Sales order intake and its life until delivery: re-priced with core's priceDocument on the
// HQ catalog, credit-checked with core's decideCredit on HQ's exposure, and allocated with
// core's AvailableToPromise on HQ's stock. An order is never shrunk: what cannot be allocated
// stays on the line as a backorder, with the reason in the outcome.
class SalesOrders
{
public:
    explicit SalesOrders(Database &db)
        : m_db(db)
    { }

    // Takes an order as a device or the API sent it. Idempotent by document id: the same order
    // again returns the recorded outcome and writes nothing. Bad input (unknown or archived
    // customer, unknown SKU, a quantity not above zero, a currency other than the customer's)
    // is an error and writes nothing. Reps only for customers in their territories.
    Result<OrderOutcome> intake(const Actor &actor, const SalesDocument &document);

    // Finance decides an order on credit hold: approve allocates stock and confirms it (or
    // backorders it); reject makes it rejected with the reason.
    Result<OrderOutcome> approveCreditHold(const Actor &actor, const QString &orderId,
                                           const QString &note);
    Result<OrderOutcome> rejectCreditHold(const Actor &actor, const QString &orderId,
                                          const QString &reason);
    // Tries again to allocate what is still backordered.
    Result<OrderOutcome> allocate(const Actor &actor, const QString &orderId);
    // Cancels an order nothing of which was delivered; releases its reservations.
    Result<OrderOutcome> cancel(const Actor &actor, const QString &orderId, const QString &reason);

    Result<OrderOutcome> find(const QString &orderId);

    // ---- inside the caller's transaction ----
    // Allocates every line's unallocated remainder; sets and returns the resulting status.
    Result<DocumentStatus> allocateLines(const QString &orderId, QString *shortage);
    Result<void> setStatus(const QString &orderId, DocumentStatus status, const QString &reason);

private:
    Result<OrderOutcome> intakeInTransaction(const Actor &actor, const SalesDocument &document);
    Result<OrderOutcome> decideHold(const Actor &actor, const QString &orderId, bool approve,
                                    const QString &note);
    Database &m_db;
};

// Marks an order changed in the change feed (inside the caller's transaction).
Result<void> touchOrder(Database &db, const QString &orderId);

} // namespace erp
} // namespace karvan::hq
