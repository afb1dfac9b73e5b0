#pragma once

#include "domain/money.h"
#include "domain/result.h"
#include "rules/credit.h"

#include <QDate>
#include <QUuid>

namespace karvan {

class LocalStore;

// What a customer owes and has on order, as this device knows it: the inputs of the credit
// rule (rules/credit.h). Amounts are in the customer's currency.
struct CustomerBalances
{
    Money openReceivables; // invoiced, not yet paid
    Money overdue; // the part of openReceivables past its due date
    int oldestOverdueDays = 0;
    Money unbilledOrders; // orders HQ confirmed (or holds, or backorders) but has not invoiced
    Money unsyncedOrders; // this device's orders HQ has not seen yet

    // The credit rule's inputs for an order of orderAmount against this customer's limit.
    CreditInputs creditInputs(const std::optional<Money> &limit, const Money &orderAmount) const
    {
        CreditInputs in;
        in.limit = limit;
        in.openReceivables = openReceivables;
        in.unbilledOrders = unbilledOrders;
        in.unsyncedOrders = unsyncedOrders;
        in.overdue = overdue;
        in.oldestOverdueDays = oldestOverdueDays;
        in.orderAmount = orderAmount;
        return in;
    }
};

class ReceivablesQuery
{
public:
    explicit ReceivablesQuery(LocalStore &store)
        : m_store(store)
    { }

    // Balances of one customer as of `today`; a currency other than the customer's documents'
    // is an error, never a silently mixed sum.
    Result<CustomerBalances> balances(const QUuid &customerId, const QString &currency,
                                      const QDate &today);

    // The SQL aggregates over sales_documents (kind 'order') that split a customer's orders into
    // unbilled (HQ took them on, not yet invoiced) and unsynced (HQ has not seen them): one
    // definition for these balances and for the Today alerts (TodayQuery).
    static QString unbilledOrdersSum();
    static QString unsyncedOrdersSum();

private:
    LocalStore &m_store;
};

} // namespace karvan
