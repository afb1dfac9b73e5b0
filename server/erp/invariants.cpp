#include "erp/invariants.h"

#include "erp/erpcommon.h"
#include "erp/ledger.h"
#include "storage/database.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

using Figures = QMap<QString, qint64>;

// Compares two keyed sums; the first key that differs, or empty.
QString firstDifference(const Figures &left, const Figures &right, const QString &leftName,
                        const QString &rightName)
{
    QStringList keys = left.keys() + right.keys();
    keys.sort();
    keys.removeDuplicates();
    for (const QString &key : keys) {
        const qint64 a = left.value(key), b = right.value(key);
        if (a != b)
            return u"%1: %2 %3 but %4 %5"_s.arg(key, leftName).arg(a).arg(rightName).arg(b);
    }
    return {};
}

Result<Figures> figures(Database &db, const QString &sql, const QVariantList &bindings = {})
{
    auto rows = queryRows(db, sql, bindings);
    if (!rows)
        return rows.error();
    Figures out;
    for (const Row &r : *rows)
        out[r.at(0).toString()] += r.at(1).toString().toLongLong();
    return out;
}

} // namespace

Result<InvariantReport> checkInvariants(Database &db)
{
    InvariantReport report;
    auto fail = [&](const QString &name, const QString &what) {
        report.ok = false;
        report.firstViolation = name + u": "_s + what;
        return report;
    };

    // 1. Balanced entries and trial balance.
    report.checked.append(u"balanced journal entries"_s);
    auto unbalanced = queryRow(db,
                               u"SELECT entry_id, SUM(debit_minor), SUM(credit_minor) FROM "
                               "journal_lines GROUP BY entry_id HAVING SUM(debit_minor) <> "
                               "SUM(credit_minor)"_s);
    if (!unbalanced)
        return unbalanced.error();
    if (!unbalanced->isEmpty())
        return fail(report.checked.last(),
                    u"entry %1 has debits %2 and credits %3"_s.arg(unbalanced->at(0).toString(),
                                                                   unbalanced->at(1).toString(),
                                                                   unbalanced->at(2).toString()));
    report.checked.append(u"trial balance balances"_s);
    auto tb = queryRows(db,
                        u"SELECT currency, SUM(debit_minor), SUM(credit_minor) FROM journal_lines "
                        "GROUP BY currency"_s);
    if (!tb)
        return tb.error();
    for (const Row &r : *tb) {
        if (r.at(1).toString().toLongLong() != r.at(2).toString().toLongLong())
            return fail(report.checked.last(),
                        u"%1 debits %2, credits %3"_s.arg(r.at(0).toString(), r.at(1).toString(),
                                                          r.at(2).toString()));
    }

    // 2. AR subledger == AR control, per customer and currency.
    report.checked.append(u"AR subledger equals the AR control account"_s);
    auto arLedger = figures(db,
                            u"SELECT party_id || '/' || currency, SUM(debit_minor - credit_minor) "
                            "FROM journal_lines WHERE account_code = ? GROUP BY party_id, "
                            "currency"_s,
                            {Accounts::Receivables});
    auto arSub = figures(
        db,
        u"SELECT customer_id || '/' || currency, SUM(CASE WHEN kind = 'invoice' THEN total_minor "
        "ELSE -total_minor END) FROM invoices GROUP BY customer_id, currency "
        "UNION ALL SELECT customer_id || '/' || currency, -SUM(amount_minor) FROM payments "
        "GROUP BY customer_id, currency"_s);
    if (!arLedger || !arSub)
        return arLedger ? arSub.error() : arLedger.error();
    if (const QString d = firstDifference(*arSub, *arLedger, u"subledger"_s, u"control"_s);
        !d.isEmpty())
        return fail(report.checked.last(), u"customer "_s + d);

    // 3. AP subledger == AP control, per vendor and currency.
    report.checked.append(u"AP subledger equals the AP control account"_s);
    auto apLedger = figures(db,
                            u"SELECT party_id || '/' || currency, SUM(credit_minor - debit_minor) "
                            "FROM journal_lines WHERE account_code = ? GROUP BY party_id, "
                            "currency"_s,
                            {Accounts::Payables});
    auto apSub = figures(db,
                         u"SELECT vendor_id || '/' || currency, SUM(total_minor) FROM vendor_bills "
                         "GROUP BY vendor_id, currency UNION ALL SELECT vendor_id || '/' || "
                         "currency, -SUM(amount_minor) FROM vendor_payments GROUP BY vendor_id, "
                         "currency"_s);
    if (!apLedger || !apSub)
        return apLedger ? apSub.error() : apLedger.error();
    if (const QString d = firstDifference(*apSub, *apLedger, u"subledger"_s, u"control"_s);
        !d.isEmpty())
        return fail(report.checked.last(), u"vendor "_s + d);

    // 4. Stock valuation == inventory account (company currency only).
    report.checked.append(u"stock valuation equals the inventory account"_s);
    auto currency = companyCurrency(db);
    if (!currency)
        return currency.error();
    auto inventoryAccount = figures(db,
                                    u"SELECT currency, SUM(debit_minor - credit_minor) FROM "
                                    "journal_lines WHERE account_code = ? GROUP BY currency"_s,
                                    {Accounts::Inventory});
    auto valuation = queryInt(db, u"SELECT COALESCE(SUM(value_minor), 0) FROM stock"_s);
    if (!inventoryAccount || !valuation)
        return inventoryAccount ? valuation.error() : inventoryAccount.error();
    Figures stockFigures;
    if (*valuation != 0)
        stockFigures.insert(*currency, *valuation);
    Figures accountFigures;
    for (auto it = inventoryAccount->cbegin(); it != inventoryAccount->cend(); ++it) {
        if (it.value() != 0)
            accountFigures.insert(it.key(), it.value());
    }
    if (const QString d = firstDifference(stockFigures, accountFigures, u"stock valuation"_s,
                                          u"inventory account"_s);
        !d.isEmpty())
        return fail(report.checked.last(), d);

    // 5. Stock positions are sane and reservations match open allocations.
    report.checked.append(u"no negative stock; reservations match allocations"_s);
    auto bad = queryRow(db,
                        u"SELECT sku, warehouse_code, on_hand_milli, reserved_milli, value_minor "
                        "FROM stock WHERE on_hand_milli < 0 OR reserved_milli < 0 OR "
                        "reserved_milli > on_hand_milli OR value_minor < 0 OR "
                        "(on_hand_milli = 0 AND value_minor <> 0)"_s);
    if (!bad)
        return bad.error();
    if (!bad->isEmpty())
        return fail(report.checked.last(),
                    u"%1 in %2: on hand %3, reserved %4, value %5"_s.arg(
                        bad->at(0).toString(), bad->at(1).toString(), bad->at(2).toString(),
                        bad->at(3).toString(), bad->at(4).toString()));
    auto reserved = figures(db,
                            u"SELECT sku || '@' || warehouse_code, reserved_milli FROM stock "
                            "WHERE reserved_milli <> 0"_s);
    auto allocated = figures(db,
                             u"SELECT sku || '@' || warehouse_code, SUM(allocated_milli) FROM "
                             "sales_order_lines WHERE allocated_milli <> 0 GROUP BY sku, "
                             "warehouse_code"_s);
    if (!reserved || !allocated)
        return reserved ? allocated.error() : reserved.error();
    if (const QString d
        = firstDifference(*reserved, *allocated, u"reserved"_s, u"allocated to orders"_s);
        !d.isEmpty())
        return fail(report.checked.last(), d);

    // 6. Nothing allocated beyond its amount.
    report.checked.append(u"no over-allocation of invoices, bills or payments"_s);
    auto over = queryRow(
        db,
        u"SELECT 'invoice ' || i.doc_number FROM invoices i WHERE i.kind = 'invoice' AND "
        "i.total_minor < COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE "
        "a.invoice_id = i.id), 0) UNION ALL SELECT 'payment ' || p.id FROM payments p WHERE "
        "p.amount_minor < COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE "
        "a.source_id = p.id), 0) UNION ALL SELECT 'credit note ' || c.doc_number FROM invoices c "
        "WHERE c.kind = 'credit_note' AND c.total_minor < COALESCE((SELECT SUM(a.amount_minor) "
        "FROM ar_allocations a WHERE a.source_id = c.id), 0) UNION ALL SELECT 'bill ' || "
        "b.doc_number FROM vendor_bills b WHERE b.total_minor < COALESCE((SELECT "
        "SUM(a.amount_minor) FROM ap_allocations a WHERE a.bill_id = b.id), 0) UNION ALL SELECT "
        "'vendor payment ' || v.id FROM vendor_payments v WHERE v.amount_minor < "
        "COALESCE((SELECT SUM(a.amount_minor) FROM ap_allocations a WHERE a.payment_id = v.id), "
        "0)"_s);
    if (!over)
        return over.error();
    if (!over->isEmpty())
        return fail(report.checked.last(), over->at(0).toString() + u" is over-allocated"_s);
    return report;
}

} // namespace karvan::hq::erp
