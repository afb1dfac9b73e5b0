#pragma once

#include "domain/money.h"
#include "erp/erpcommon.h"
#include "rules/credit.h"

namespace karvan::hq {

class Database;

namespace erp {

// Customer payments, their allocation to invoices, and the exposure figures core's
// decideCredit runs on.
class Receivables
{
public:
    explicit Receivables(Database &db)
        : m_db(db)
    { }

    // A payment received: Dr cash / Cr AR. With an invoice, as much as it leaves open is
    // allocated to it and the rest stays on account; without one, all of it is on account.
    // Finance role.
    Result<QString> recordPayment(const Actor &actor, const QString &customerId, const QDate &date,
                                  const Money &amount, const QString &method,
                                  const QString &invoiceId = {});
    // Allocates part of a payment's unallocated amount to an open invoice of the same customer.
    Result<void> allocatePayment(const Actor &actor, const QString &paymentId,
                                 const QString &invoiceId, qint64 amountMinor);

    // What is still owed on an invoice: its total less payments and credit notes applied.
    Result<qint64> openBalance(const QString &invoiceId);
    Result<qint64> unallocatedPayment(const QString &paymentId);

    // The customer's credit figures in its currency as of a date: open receivables (open
    // invoices less unapplied payments and credit notes, not below zero), unbilled orders
    // (accepted orders' amounts not yet invoiced), and what is overdue on that date.
    Result<CreditInputs> creditInputs(const QString &customerId, const QString &currency,
                                      const QDate &asOf, bool manualHold);

    // ---- inside the caller's transaction ----
    Result<void> applyToInvoice(const QString &invoiceId, const QString &sourceKind,
                                const QString &sourceId, qint64 amountMinor);

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
