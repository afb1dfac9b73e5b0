#include "store/todayquery.h"

#include "rules/atp.h"
#include "store/localstore.h"
#include "store/receivablesquery.h"
#include "store/sqlvalue.h"

#include <algorithm>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

// Runs a prepared SELECT with values bound in order; each row goes to `row`.
template<typename RowFn>
Result<void> select(LocalStore &store, const QString &sql, const QVariantList &values, RowFn row)
{
    auto q = store.prepared(sql);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read today's figures"_s); !r)
        return r;
    Result<void> out;
    while (out && (*q)->next())
        out = row(**q);
    (*q)->finish();
    return out;
}

double usedShare(const CreditDecision &d)
{
    if (!d.limit || d.limit->minorUnits() <= 0)
        return d.exposure.minorUnits() > 0 ? 1e18 : 0.0;
    return double(d.exposure.minorUnits()) / double(d.limit->minorUnits());
}

} // namespace

qint64 LowStockThresholds::thresholdMilli(const QString &sku, const QString &warehouseCode) const
{
    if (auto it = bySkuWarehouse.constFind({sku, warehouseCode}); it != bySkuWarehouse.cend())
        return *it;
    return bySku.value(sku, defaultMilli);
}

Result<QList<TodayVisit>> TodayQuery::recentVisits(int limit)
{
    QList<TodayVisit> out;
    auto r = select(m_store,
                    u"SELECT a.id, a.customer_id, a.at, a.subject, a.notes, c.name "
                    u"FROM activities a JOIN customers c ON c.id = a.customer_id "
                    u"WHERE a.kind = 'visit' ORDER BY a.at DESC LIMIT ?"_s,
                    {qMax(0, limit)}, [&](const QSqlQuery &q) -> Result<void> {
                        TodayVisit v;
                        v.activity.id = toId(q.value(0));
                        v.activity.customerId = toId(q.value(1));
                        v.activity.kind = Activity::Kind::Visit;
                        v.activity.at = toDateTime(q.value(2));
                        v.activity.subject = q.value(3).toString();
                        v.activity.notes = q.value(4).toString();
                        v.customerName = q.value(5).toString();
                        out.append(v);
                        return {};
                    });
    if (!r)
        return r.error();
    return out;
}

Result<QList<CreditAlert>> TodayQuery::creditAlerts(const QDate &today, int limit,
                                                    const CreditPolicy &policy)
{
    // The same figures as ReceivablesQuery::balances (and the same order statuses count as
    // unbilled), for every customer with a limit in one pass.
    const QString todayText = today.toString(Qt::ISODate);
    QList<CreditAlert> out;
    auto r = select(
        m_store,
        u"SELECT c.id, c.name, c.code, c.currency, c.credit_limit_minor, "
        u"coalesce(i.open, 0), coalesce(i.overdue, 0), i.oldest_due, "
        u"coalesce(o.unbilled, 0), coalesce(o.unsynced, 0) FROM customers c "
        u"LEFT JOIN (SELECT customer_id, currency, sum(total_minor - paid_minor) AS open, "
        u"sum(CASE WHEN due_date < ? THEN total_minor - paid_minor ELSE 0 END) AS overdue, "
        u"min(CASE WHEN due_date < ? THEN due_date END) AS oldest_due FROM invoices "
        u"WHERE total_minor > paid_minor GROUP BY customer_id, currency) i "
        u"ON i.customer_id = c.id AND i.currency = c.currency "
        u"LEFT JOIN (SELECT customer_id, currency, "_s
            + ReceivablesQuery::unbilledOrdersSum() + u" AS unbilled, "_s
            + ReceivablesQuery::unsyncedOrdersSum()
            + u" AS unsynced FROM sales_documents WHERE kind = 'order' "
              u"GROUP BY customer_id, currency) o ON o.customer_id = c.id AND o.currency = "
              u"c.currency "
              u"WHERE c.archived = 0 AND c.credit_limit_minor IS NOT NULL "
              u"AND (i.open > 0 OR o.unbilled > 0 OR o.unsynced > 0)"_s,
        {todayText, todayText}, [&](const QSqlQuery &q) -> Result<void> {
            const QString currency = q.value(3).toString();
            auto money = [&](int column) {
                return Money::fromMinor(q.value(column).toLongLong(), currency);
            };
            auto limitAmount = money(4);
            auto open = money(5);
            auto overdue = money(6);
            auto unbilled = money(8);
            auto unsynced = money(9);
            auto zero = Money::zero(currency);
            if (!limitAmount || !open || !overdue || !unbilled || !unsynced || !zero)
                return {}; // an unreadable currency: the customer page reports it
            CreditInputs in;
            in.limit = *limitAmount;
            in.openReceivables = *open;
            in.overdue = *overdue;
            const QDate oldest = toDate(q.value(7));
            in.oldestOverdueDays = oldest.isValid() ? int(oldest.daysTo(today)) : 0;
            in.unbilledOrders = *unbilled;
            in.unsyncedOrders = *unsynced;
            in.orderAmount = *zero;
            auto decision = decideCredit(in, policy);
            if (!decision)
                return {};
            if (!decision->hasReason(CreditReason::OverLimit)
                && !decision->hasReason(CreditReason::NearLimit))
                return {};
            out.append({toId(q.value(0)), q.value(1).toString(), q.value(2).toString(), *decision});
            return {};
        });
    if (!r)
        return r.error();
    std::stable_sort(out.begin(), out.end(), [](const CreditAlert &a, const CreditAlert &b) {
        return usedShare(a.decision) > usedShare(b.decision);
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<OverdueInvoiceAlert>> TodayQuery::overdueInvoices(const QDate &today, int limit)
{
    QList<OverdueInvoiceAlert> out;
    auto r = select(
        m_store,
        u"SELECT i.customer_id, c.name, i.number, i.due_date, i.currency, "
        u"i.total_minor - i.paid_minor FROM invoices i JOIN customers c ON c.id = "
        u"i.customer_id WHERE i.due_date < ? AND i.paid_minor < i.total_minor "
        u"ORDER BY i.due_date, i.number LIMIT ?"_s,
        {today.toString(Qt::ISODate), qMax(0, limit)}, [&](const QSqlQuery &q) -> Result<void> {
            auto open = Money::fromMinor(q.value(5).toLongLong(), q.value(4).toString());
            if (!open)
                return makeError(ErrorCode::Storage, open.errorMessage());
            OverdueInvoiceAlert a;
            a.customerId = toId(q.value(0));
            a.customerName = q.value(1).toString();
            a.invoiceNumber = q.value(2).toString();
            a.dueDate = toDate(q.value(3));
            a.open = *open;
            a.daysOverdue = a.dueDate.isValid() ? int(a.dueDate.daysTo(today)) : 0;
            out.append(a);
            return {};
        });
    if (!r)
        return r.error();
    return out;
}

Result<QList<LowStockAlert>> TodayQuery::lowStock(const LowStockThresholds &thresholds, int limit)
{
    // HQ's figures and this device's reservations per SKU; AvailableToPromise decides.
    QMap<QString, QList<StockLevel>> levels;
    QHash<QString, QString> names;
    auto r = select(m_store,
                    u"SELECT s.sku, s.warehouse_code, s.on_hand_milli, s.on_hand_unit, "
                    u"s.reserved_milli, s.reserved_unit, s.as_of, p.name FROM stock_levels s "
                    u"JOIN products p ON p.sku = s.sku WHERE p.active = 1"_s,
                    {}, [&](const QSqlQuery &q) -> Result<void> {
                        auto onHand = toQuantity(q.value(2), q.value(3));
                        auto reserved = toQuantity(q.value(4), q.value(5));
                        if (!onHand || !reserved)
                            return {}; // unreadable figures are not an alert
                        const QString sku = q.value(0).toString();
                        levels[sku].append({sku, q.value(1).toString(), *onHand, *reserved,
                                            toDateTime(q.value(6))});
                        names.insert(sku, q.value(7).toString());
                        return {};
                    });
    if (!r)
        return r.error();
    QHash<QString, QList<LocalReservation>> reservations;
    r = select(m_store,
               u"SELECT order_id, sku, warehouse_code, qty_milli, unit FROM local_reservations"_s,
               {}, [&](const QSqlQuery &q) -> Result<void> {
                   auto qty = toQuantity(q.value(3), q.value(4));
                   if (qty)
                       reservations[q.value(1).toString()].append(
                           {q.value(1).toString(), q.value(2).toString(), *qty, toId(q.value(0))});
                   return {};
               });
    if (!r)
        return r.error();

    QList<LowStockAlert> out;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it) {
        auto atp = AvailableToPromise::compute(*it, reservations.value(it.key()));
        if (!atp)
            continue; // mixed units: the catalog page shows the error for this SKU
        const SkuAvailability *sku = atp->find(it.key());
        if (!sku)
            continue;
        for (const WarehouseAvailability &w : sku->warehouses) {
            const qint64 threshold = thresholds.thresholdMilli(it.key(), w.warehouseCode);
            if (w.available.milli() >= threshold)
                continue;
            out.append(
                {it.key(), names.value(it.key()), w.warehouseCode, w.available, threshold, w.asOf});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const LowStockAlert &a, const LowStockAlert &b) {
        return a.available.milli() < b.available.milli();
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QHash<QUuid, int>> TodayQuery::openTicketCounts(const QList<QUuid> &customerIds)
{
    QHash<QUuid, int> out;
    // In chunks well under SQLite's bound-parameter limit.
    constexpr qsizetype Chunk = 400;
    for (qsizetype start = 0; start < customerIds.size(); start += Chunk) {
        const QList<QUuid> part = customerIds.mid(start, Chunk);
        QVariantList ids;
        for (const QUuid &id : part)
            ids.append(idToString(id));
        QString placeholders = u"?"_s;
        for (qsizetype i = 1; i < ids.size(); ++i)
            placeholders += u",?"_s;
        auto r = select(m_store,
                        u"SELECT customer_id, count(*) FROM tickets WHERE status NOT IN "
                        u"('resolved', 'closed') AND customer_id IN ("_s
                            + placeholders + u") GROUP BY customer_id"_s,
                        ids, [&](const QSqlQuery &q) -> Result<void> {
                            out.insert(toId(q.value(0)), q.value(1).toInt());
                            return {};
                        });
        if (!r)
            return r.error();
    }
    return out;
}

Result<CreditDecision> TodayQuery::creditStatus(const Customer &customer, const QDate &today,
                                                const CreditPolicy &policy)
{
    auto balances = ReceivablesQuery(m_store).balances(customer.id, customer.currency, today);
    if (!balances)
        return balances.error();
    auto zero = Money::zero(customer.currency);
    if (!zero)
        return zero.error();
    const CreditInputs in = balances->creditInputs(customer.creditLimit, *zero);
    return decideCredit(in, policy);
}

} // namespace karvan
