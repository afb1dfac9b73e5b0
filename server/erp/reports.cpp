#include "erp/reports.h"

#include "domain/money.h"
#include "domain/quantity.h"
#include "erp/erpcommon.h"
#include "erp/ledger.h"
#include "storage/database.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

QString formatMinor(qint64 minor, const QString &currency)
{
    auto m = Money::fromMinor(minor, currency);
    return m ? m->toDecimalString() : QString::number(minor);
}

namespace {

QString milliText(qint64 milli)
{
    auto q = Quantity::fromMilli(milli, u"u"_s);
    return q ? q->toDecimalString() : QString::number(milli);
}

// Aging bucket of an item due on `due`, as of asOf: 0 current, 1..4 for 1-30 ... 90+.
int bucket(const QDate &due, const QDate &asOf)
{
    const qint64 late = due.daysTo(asOf);
    return late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
}

// Open items as rows of (party, currency, due date, open amount); unapplied credits as rows
// with a null due date and a negative amount.
Result<ReportTable> aging(Database &db, const QString &name, const QString &title,
                          const QString &partyColumn, const QString &itemsSql, int dateBindings,
                          const QDate &asOf)
{
    // itemsSql takes the as-of date dateBindings times.
    auto rows = queryRows(db, itemsSql, QVariantList(dateBindings, dateText(asOf)));
    if (!rows)
        return rows.error();
    struct Line
    {
        QString code, partyName, currency;
        qint64 buckets[5] = {0, 0, 0, 0, 0};
        qint64 credits = 0;
    };
    QMap<QString, Line> lines;
    for (const Row &r : *rows) {
        const QString key = r.at(1).toString() + u'/' + r.at(3).toString();
        Line &l = lines[key];
        l.code = r.at(1).toString();
        l.partyName = r.at(2).toString();
        l.currency = r.at(3).toString();
        const qint64 amount = r.at(5).toString().toLongLong();
        if (r.at(4).isNull() || r.at(4).toString().isEmpty())
            l.credits += amount;
        else
            l.buckets[bucket(QDate::fromString(r.at(4).toString(), Qt::ISODate), asOf)] += amount;
    }
    ReportTable t {name,
                   title + u" as of "_s + dateText(asOf),
                   {partyColumn, u"name"_s, u"currency"_s, u"current"_s, u"1-30"_s, u"31-60"_s,
                    u"61-90"_s, u"90+"_s, u"unapplied"_s, u"balance"_s},
                   {},
                   {}};
    for (const Line &l : lines) {
        qint64 balance = l.credits;
        QVariantList row {l.code, l.partyName, l.currency};
        for (const qint64 b : l.buckets) {
            row.append(formatMinor(b, l.currency));
            balance += b;
        }
        if (balance == 0 && l.credits == 0)
            continue;
        row.append(formatMinor(l.credits, l.currency));
        row.append(formatMinor(balance, l.currency));
        t.rows.append(row);
    }
    return t;
}

} // namespace

QStringList Reports::names()
{
    return {u"trial-balance"_s, u"profit-loss"_s, u"balance-sheet"_s, u"ar-aging"_s,
            u"ap-aging"_s,      u"stock"_s,       u"sales-by-rep"_s};
}

Result<ReportTable> Reports::byName(const QString &name, const QDate &asOfDate)
{
    const QDate asOf = asOfDate.isValid() ? asOfDate : QDate::currentDate();
    const QDate yearStart(asOf.year(), 1, 1);
    if (name == u"trial-balance"_s)
        return trialBalance(asOf);
    if (name == u"profit-loss"_s)
        return profitAndLoss(yearStart, asOf);
    if (name == u"balance-sheet"_s)
        return balanceSheet(asOf);
    if (name == u"ar-aging"_s)
        return arAging(asOf);
    if (name == u"ap-aging"_s)
        return apAging(asOf);
    if (name == u"stock"_s)
        return stock();
    if (name == u"sales-by-rep"_s)
        return salesByRep(yearStart, asOf);
    return invalid(u"unknown report \"%1\" (known: %2)"_s.arg(name, names().join(u", "_s)));
}

Result<ReportTable> Reports::trialBalance(const QDate &asOf)
{
    auto balances = Ledger(m_db).balances(asOf);
    if (!balances)
        return balances.error();
    ReportTable t {u"trial-balance"_s,
                   u"Trial balance as of "_s + dateText(asOf),
                   {u"currency"_s, u"account"_s, u"name"_s, u"debit"_s, u"credit"_s},
                   {},
                   {}};
    QMap<QString, std::pair<qint64, qint64>> totals;
    for (const AccountBalance &b : *balances) {
        const qint64 bal = b.balance();
        if (bal == 0)
            continue;
        t.rows.append({b.currency, b.account, b.name, formatMinor(bal > 0 ? bal : 0, b.currency),
                       formatMinor(bal < 0 ? -bal : 0, b.currency)});
        auto &tot = totals[b.currency];
        (bal > 0 ? tot.first : tot.second) += bal > 0 ? bal : -bal;
    }
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        t.rows.append({it.key(), u"TOTAL"_s, QString(), formatMinor(it->first, it.key()),
                       formatMinor(it->second, it.key())});
    return t;
}

Result<ReportTable> Reports::profitAndLoss(const QDate &from, const QDate &to)
{
    auto balances = Ledger(m_db).balances(to, from);
    if (!balances)
        return balances.error();
    ReportTable t {u"profit-loss"_s,
                   u"Profit and loss %1 to %2"_s.arg(dateText(from), dateText(to)),
                   {u"currency"_s, u"section"_s, u"account"_s, u"name"_s, u"amount"_s},
                   {},
                   {}};
    QMap<QString, qint64> net;
    for (const AccountBalance &b : *balances) {
        if (b.type != u"revenue"_s && b.type != u"expense"_s)
            continue;
        // Revenue shown as income (credit-positive), expenses as costs (debit-positive).
        const qint64 amount = b.type == u"revenue"_s ? -b.balance() : b.balance();
        net[b.currency] += b.type == u"revenue"_s ? amount : -amount;
        t.rows.append({b.currency, b.type, b.account, b.name, formatMinor(amount, b.currency)});
    }
    for (auto it = net.cbegin(); it != net.cend(); ++it)
        t.rows.append(
            {it.key(), u"result"_s, QString(), u"Net income"_s, formatMinor(it.value(), it.key())});
    return t;
}

Result<ReportTable> Reports::balanceSheet(const QDate &asOf)
{
    auto balances = Ledger(m_db).balances(asOf);
    if (!balances)
        return balances.error();
    ReportTable t {u"balance-sheet"_s,
                   u"Balance sheet as of "_s + dateText(asOf),
                   {u"currency"_s, u"section"_s, u"account"_s, u"name"_s, u"amount"_s},
                   {},
                   {}};
    QMap<QString, qint64> earnings, assets, claims;
    for (const AccountBalance &b : *balances) {
        if (b.type == u"revenue"_s || b.type == u"expense"_s) {
            earnings[b.currency] -= b.balance();
            continue;
        }
        const qint64 amount = b.type == u"asset"_s ? b.balance() : -b.balance();
        (b.type == u"asset"_s ? assets : claims)[b.currency] += amount;
        t.rows.append({b.currency, b.type, b.account, b.name, formatMinor(amount, b.currency)});
    }
    for (auto it = earnings.cbegin(); it != earnings.cend(); ++it) {
        t.rows.append({it.key(), u"equity"_s, QString(), u"Current earnings (unclosed)"_s,
                       formatMinor(it.value(), it.key())});
        claims[it.key()] += it.value();
    }
    for (auto it = assets.cbegin(); it != assets.cend(); ++it) {
        t.rows.append({it.key(), u"total"_s, QString(), u"Total assets"_s,
                       formatMinor(it.value(), it.key())});
        t.rows.append({it.key(), u"total"_s, QString(), u"Total liabilities and equity"_s,
                       formatMinor(claims.value(it.key()), it.key())});
    }
    return t;
}

Result<ReportTable> Reports::arAging(const QDate &asOf)
{
    // Open invoices by due date; payments and credit notes not applied, as credits.
    const QString sql
        = u"SELECT i.id, c.code, c.name, i.currency, i.due_date, i.total_minor - COALESCE((SELECT "
          "SUM(a.amount_minor) FROM ar_allocations a WHERE a.invoice_id = i.id), 0) FROM invoices "
          "i JOIN customers c ON c.id = i.customer_id WHERE i.kind = 'invoice' AND "
          "i.invoice_date <= ? "
          "UNION ALL SELECT p.id, c.code, c.name, p.currency, NULL, -(p.amount_minor - "
          "COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE a.source_id = p.id), "
          "0)) FROM payments p JOIN customers c ON c.id = p.customer_id WHERE p.payment_date <= ? "
          "UNION ALL SELECT n.id, c.code, c.name, n.currency, NULL, -(n.total_minor - "
          "COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE a.source_id = n.id), "
          "0)) FROM invoices n JOIN customers c ON c.id = n.customer_id WHERE n.kind = "
          "'credit_note' AND n.invoice_date <= ?"_s;
    return aging(m_db, u"ar-aging"_s, u"Receivables aging"_s, u"customer"_s, sql, 3, asOf);
}

Result<ReportTable> Reports::apAging(const QDate &asOf)
{
    const QString sql
        = u"SELECT b.id, v.code, v.name, b.currency, b.due_date, b.total_minor - COALESCE((SELECT "
          "SUM(a.amount_minor) FROM ap_allocations a WHERE a.bill_id = b.id), 0) FROM vendor_bills "
          "b JOIN vendors v ON v.id = b.vendor_id WHERE b.bill_date <= ? "
          "UNION ALL SELECT p.id, v.code, v.name, p.currency, NULL, -(p.amount_minor - "
          "COALESCE((SELECT SUM(a.amount_minor) FROM ap_allocations a WHERE a.payment_id = p.id), "
          "0)) FROM vendor_payments p JOIN vendors v ON v.id = p.vendor_id WHERE p.payment_date "
          "<= ?"_s;
    return aging(m_db, u"ap-aging"_s, u"Payables aging"_s, u"vendor"_s, sql, 2, asOf);
}

Result<ReportTable> Reports::stock()
{
    auto currency = companyCurrency(m_db);
    if (!currency)
        return currency.error();
    auto rows = queryRows(m_db,
                          u"SELECT s.sku, s.warehouse_code, p.base_unit, s.on_hand_milli, "
                          "s.reserved_milli, s.value_minor, s.reorder_point_milli FROM stock s "
                          "JOIN products p ON p.sku = s.sku ORDER BY s.sku, s.warehouse_code"_s);
    if (!rows)
        return rows.error();
    ReportTable t {
        u"stock"_s,
        u"Stock on hand and valuation (%1, moving average per warehouse)"_s.arg(*currency),
        {u"sku"_s, u"warehouse"_s, u"unit"_s, u"on_hand"_s, u"reserved"_s, u"available"_s,
         u"value"_s, u"unit_cost"_s, u"reorder_point"_s, u"below_reorder"_s},
        {},
        {}};
    qint64 total = 0;
    for (const Row &r : *rows) {
        const qint64 onHand = r.at(3).toLongLong(), reserved = r.at(4).toLongLong();
        const qint64 value = r.at(5).toLongLong(), reorder = r.at(6).toLongLong();
        total += value;
        const QString unitCost = onHand > 0
            ? formatMinor(mulDiv(value, 1000, onHand).ok() ? *mulDiv(value, 1000, onHand) : 0,
                          *currency)
            : QString();
        t.rows.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
                       milliText(onHand), milliText(reserved), milliText(onHand - reserved),
                       formatMinor(value, *currency), unitCost, milliText(reorder),
                       reorder > 0 && onHand - reserved <= reorder});
    }
    t.notes.append(u"Total stock value: %1 %2"_s.arg(formatMinor(total, *currency), *currency));
    return t;
}

Result<ReportTable> Reports::salesByRep(const QDate &from, const QDate &to,
                                        int commissionBasisPoints)
{
    auto rows = queryRows(m_db,
                          u"SELECT rep_login, currency, SUM(CASE WHEN kind = 'invoice' THEN 1 "
                          "ELSE 0 END), SUM(CASE WHEN kind = 'invoice' THEN net_minor ELSE "
                          "-net_minor END) FROM invoices WHERE invoice_date >= ? AND "
                          "invoice_date <= ? GROUP BY rep_login, currency "
                          "ORDER BY rep_login, currency"_s,
                          {dateText(from), dateText(to)});
    if (!rows)
        return rows.error();
    ReportTable t {u"sales-by-rep"_s,
                   u"Sales by rep %1 to %2, commission %3%"_s.arg(dateText(from), dateText(to))
                       .arg(commissionBasisPoints / 100.0),
                   {u"rep"_s, u"currency"_s, u"invoices"_s, u"net_sales"_s, u"commission"_s},
                   {},
                   {}};
    for (const Row &r : *rows) {
        const QString currency = r.at(1).toString();
        const qint64 net = r.at(3).toString().toLongLong();
        auto commission = mulDiv(net, commissionBasisPoints, 10000);
        t.rows.append({r.at(0).toString(), currency, r.at(2).toString().toLongLong(),
                       formatMinor(net, currency),
                       formatMinor(commission ? *commission : 0, currency)});
    }
    return t;
}

} // namespace karvan::hq::erp
