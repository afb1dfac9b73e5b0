#include "store/receivablesquery.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using sqlvalue::run;

QString ReceivablesQuery::unbilledOrdersSum()
{
    return u"sum(CASE WHEN status IN ('confirmed', 'credit_hold', 'backordered', "
           u"'partially_allocated', 'delivered') THEN total_minor ELSE 0 END)"_s;
}

QString ReceivablesQuery::unsyncedOrdersSum()
{
    return u"sum(CASE WHEN status = 'pending_sync' THEN total_minor ELSE 0 END)"_s;
}

Result<CustomerBalances> ReceivablesQuery::balances(const QUuid &customerId,
                                                    const QString &currency, const QDate &today)
{
    auto zero = Money::zero(currency);
    if (!zero)
        return zero.error();
    const QString customer = idToString(customerId);

    // Mixed currencies in one customer's books would make any sum wrong: refuse.
    auto other = m_store.prepared(
        u"SELECT currency FROM invoices WHERE customer_id = ? AND currency <> ?"
        u" UNION SELECT currency FROM sales_documents WHERE customer_id = ? AND currency <> ?"
        u" AND kind = 'order' LIMIT 1"_s);
    if (!other)
        return other.error();
    (*other)->bindValue(0, customer);
    (*other)->bindValue(1, currency);
    (*other)->bindValue(2, customer);
    (*other)->bindValue(3, currency);
    if (auto r = run(**other, u"cannot read the customer's currencies"_s); !r)
        return r.error();
    if ((*other)->next()) {
        const QString found = (*other)->value(0).toString();
        (*other)->finish();
        return makeError(
            ErrorCode::CurrencyMismatch,
            u"customer %1 has documents in %2 as well as %3"_s.arg(customer, found, currency));
    }
    (*other)->finish();

    auto invoices = m_store.prepared(
        u"SELECT coalesce(sum(total_minor - paid_minor), 0),"
        u" coalesce(sum(CASE WHEN due_date < ? THEN total_minor - paid_minor ELSE 0 END), 0),"
        u" min(CASE WHEN due_date < ? THEN due_date END)"
        u" FROM invoices WHERE customer_id = ? AND total_minor > paid_minor"_s);
    if (!invoices)
        return invoices.error();
    const QString todayText = today.toString(Qt::ISODate);
    (*invoices)->bindValue(0, todayText);
    (*invoices)->bindValue(1, todayText);
    (*invoices)->bindValue(2, customer);
    if (auto r = run(**invoices, u"cannot read open invoices"_s); !r)
        return r.error();
    (*invoices)->next();
    const qint64 open = (*invoices)->value(0).toLongLong();
    const qint64 overdue = (*invoices)->value(1).toLongLong();
    const QDate oldestDue = QDate::fromString((*invoices)->value(2).toString(), Qt::ISODate);
    (*invoices)->finish();

    // Orders HQ has taken on but not invoiced, and orders HQ has not seen yet. Orders that
    // were invoiced are counted through their invoices above.
    auto orders = m_store.prepared(u"SELECT coalesce("_s + unbilledOrdersSum()
                                   + u", 0), coalesce("_s + unsyncedOrdersSum()
                                   + u", 0) FROM sales_documents WHERE customer_id = ? AND "
                                     u"kind = 'order'"_s);
    if (!orders)
        return orders.error();
    (*orders)->bindValue(0, customer);
    if (auto r = run(**orders, u"cannot read open orders"_s); !r)
        return r.error();
    (*orders)->next();
    const qint64 unbilled = (*orders)->value(0).toLongLong();
    const qint64 unsynced = (*orders)->value(1).toLongLong();
    (*orders)->finish();

    CustomerBalances b;
    b.openReceivables = Money::fromMinor(open, currency).value();
    b.overdue = Money::fromMinor(overdue, currency).value();
    b.oldestOverdueDays = oldestDue.isValid() ? int(oldestDue.daysTo(today)) : 0;
    b.unbilledOrders = Money::fromMinor(unbilled, currency).value();
    b.unsyncedOrders = Money::fromMinor(unsynced, currency).value();
    return b;
}

} // namespace karvan
