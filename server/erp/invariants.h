#pragma once

#include "domain/result.h"

#include <QString>
#include <QStringList>

namespace karvan::hq {

class Database;

namespace erp {

struct InvariantReport
{
    bool ok = true;
    QString firstViolation; // one line naming the invariant and the figures that disagree
    QStringList checked; // the invariants checked, in order
};

// The books agree with themselves:
//  1. every journal entry balances, and so does the trial balance, per currency;
//  2. the AR subledger (invoices less credit notes and payments, i.e. open invoice balances
//     less unapplied payments and credit notes) equals the AR control account, per customer;
//  3. the AP subledger (bills less vendor payments) equals the AP control account, per vendor;
//  4. the stock valuation (sum of SKU/warehouse values) equals the inventory account;
//  5. no negative on-hand, reservations within on-hand and equal to the open order
//     allocations, no value without stock;
//  6. no invoice, bill or payment allocated beyond its amount.
// Stops at the first violation.
Result<InvariantReport> checkInvariants(Database &db);

} // namespace erp
} // namespace karvan::hq
