#include "erp/purchasing.h"

#include "erp/inventory.h"
#include "erp/ledger.h"
#include "erp/masterdata.h"
#include "storage/database.h"
#include "storage/sqldialect.h"

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

Result<QString> Purchasing::createOrder(const Actor &actor, const QString &vendorId,
                                        const QString &warehouse, const QDate &date,
                                        const QList<PurchaseLine> &lines)
{
    if (auto a = authorize(actor, Operation::PurchaseOrder); !a)
        return a.error();
    if (lines.isEmpty() || !date.isValid())
        return invalid(u"a purchase order needs a date and at least one line"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        MasterData master(m_db);
        auto vendor = master.findVendor(vendorId);
        if (!vendor)
            return vendor.error();
        if (vendor->archived)
            return conflict(u"vendor %1 is archived"_s.arg(vendor->code));
        auto currency = companyCurrency(m_db);
        if (!currency)
            return currency.error();
        if (vendor->currency != *currency)
            return makeError(
                ErrorCode::CurrencyMismatch,
                u"vendor %1 bills in %2; purchases are in the company currency %3"_s.arg(
                    vendor->code, vendor->currency, *currency));
        auto known = master.warehouseExists(warehouse);
        if (!known)
            return known.error();
        if (!*known)
            return notFound(u"unknown warehouse %1"_s.arg(warehouse));
        auto number = nextDocumentNumber(m_db, u"PO"_s);
        if (!number)
            return number.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO purchase_orders (id, doc_number, vendor_id, "
                             "warehouse_code, order_date, currency, status, created_by, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)"_s,
                             {id, *number, vendorId, warehouse, dateText(date), *currency,
                              actor.auditName(), nowUtc()});
            !w)
            return w;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const PurchaseLine &l = lines.at(i);
            if (l.qtyMilli <= 0 || l.unitCostMinor < 0)
                return invalid(u"purchase line %1: needs a positive quantity and a "
                               "non-negative cost"_s.arg(i + 1));
            if (auto p = master.findProduct(l.sku); !p)
                return p.error();
            if (auto w = execSql(m_db,
                                 u"INSERT INTO purchase_order_lines (po_id, line_no, sku, "
                                 "qty_milli, unit_cost_minor) VALUES (?, ?, ?, ?, ?)"_s,
                                 {id, int(i + 1), l.sku, l.qtyMilli, l.unitCostMinor});
                !w)
                return w;
        }
        return audit(m_db, actor, u"purchase_order.create"_s, u"purchase_order"_s, id, {},
                     {{u"number"_s, *number}, {u"vendor"_s, vendorId}, {u"lines"_s, lines.size()}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Purchasing::receive(const Actor &actor, const QString &poId, const QDate &date,
                                    qint64 qtyMilliPerLine)
{
    if (auto a = authorize(actor, Operation::GoodsReceipt); !a)
        return a.error();
    if (!date.isValid())
        return invalid(u"a receipt needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto po = queryRow(m_db,
                           u"SELECT doc_number, warehouse_code, currency FROM purchase_orders "
                           "WHERE id = ?"_s
                               + sqldialect::forUpdate(m_db.backend()),
                           {poId});
        if (!po)
            return po.error();
        if (po->isEmpty())
            return notFound(u"unknown purchase order %1"_s.arg(poId));
        auto lines = queryRows(m_db,
                               u"SELECT line_no, sku, qty_milli, unit_cost_minor, received_milli "
                               "FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no"_s,
                               {poId});
        if (!lines)
            return lines.error();
        Inventory inventory(m_db);
        const QString journalId = newId();
        MoveSource source {date, u"receipt"_s, u"receipt"_s, id, journalId, actor.auditName()};
        qint64 total = 0;
        bool any = false;
        for (const Row &l : *lines) {
            const qint64 open = l.at(2).toLongLong() - l.at(4).toLongLong();
            const qint64 qty = qtyMilliPerLine > 0 ? std::min(open, qtyMilliPerLine) : open;
            if (qty <= 0)
                continue;
            any = true;
            auto value = mulDiv(l.at(3).toLongLong(), qty, 1000);
            if (!value)
                return value.error();
            if (auto in
                = inventory.moveIn(l.at(1).toString(), po->at(1).toString(), qty, *value, source);
                !in)
                return in.error();
            total += *value;
            if (auto w = execSql(m_db,
                                 u"UPDATE purchase_order_lines SET received_milli = received_milli "
                                 "+ ?, received_value_minor = received_value_minor + ? "
                                 "WHERE po_id = ? AND line_no = ?"_s,
                                 {qty, *value, poId, l.at(0)});
                !w)
                return w;
        }
        if (!any)
            return conflict(
                u"purchase order %1 has nothing left to receive"_s.arg(po->at(0).toString()));
        if (total > 0) {
            JournalDraft draft {
                journalId,
                date,
                po->at(2).toString(),
                u"Goods received on %1"_s.arg(po->at(0).toString()),
                u"receipt"_s,
                id,
                {{Accounts::Inventory, total, 0, {}}, {Accounts::Grni, 0, total, {}}}};
            if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
                return j.error();
        } else if (auto open = Ledger(m_db).checkOpen(date, false); !open) {
            return open;
        }
        return audit(m_db, actor, u"purchase_order.receive"_s, u"goods_receipt"_s, id, {},
                     {{u"po"_s, po->at(0).toString()}, {u"valueMinor"_s, total}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Purchasing::bill(const Actor &actor, const QString &poId, const QDate &date,
                                 qint64 taxMinor, const QString &vendorReference)
{
    if (auto a = authorize(actor, Operation::VendorBill); !a)
        return a.error();
    if (!date.isValid() || taxMinor < 0)
        return invalid(u"a vendor bill needs a date and a non-negative tax amount"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto po = queryRow(m_db,
                           u"SELECT doc_number, vendor_id, currency FROM purchase_orders "
                           "WHERE id = ?"_s
                               + sqldialect::forUpdate(m_db.backend()),
                           {poId});
        if (!po)
            return po.error();
        if (po->isEmpty())
            return notFound(u"unknown purchase order %1"_s.arg(poId));
        auto vendor = MasterData(m_db).findVendor(po->at(1).toString());
        if (!vendor)
            return vendor.error();
        auto net = queryInt(m_db,
                            u"SELECT COALESCE(SUM(received_value_minor - billed_value_minor), 0) "
                            "FROM purchase_order_lines WHERE po_id = ?"_s,
                            {poId});
        if (!net)
            return net.error();
        auto unbilledQty = queryInt(m_db,
                                    u"SELECT COALESCE(SUM(received_milli - billed_milli), 0) FROM "
                                    "purchase_order_lines WHERE po_id = ?"_s,
                                    {poId});
        if (!unbilledQty)
            return unbilledQty.error();
        if (*unbilledQty <= 0)
            return conflict(
                u"purchase order %1 has nothing received and unbilled"_s.arg(po->at(0).toString()));
        const qint64 total = *net + taxMinor;
        if (total <= 0)
            return conflict(u"the bill for %1 would be zero"_s.arg(po->at(0).toString()));
        if (auto w = execSql(m_db,
                             u"UPDATE purchase_order_lines SET billed_milli = received_milli, "
                             "billed_value_minor = received_value_minor WHERE po_id = ?"_s,
                             {poId});
            !w)
            return w;
        auto number = nextDocumentNumber(m_db, u"BILL"_s);
        if (!number)
            return number.error();
        const QString journalId = newId();
        JournalDraft draft {
            journalId,
            date,
            po->at(2).toString(),
            u"Vendor bill %1 (%2) on %3"_s.arg(*number, vendorReference, po->at(0).toString()),
            u"vendor_bill"_s,
            id,
            {}};
        if (*net > 0)
            draft.lines.append({Accounts::Grni, *net, 0, {}});
        if (taxMinor > 0)
            draft.lines.append({Accounts::TaxReceivable, taxMinor, 0, {}});
        draft.lines.append({Accounts::Payables, 0, total, vendor->id});
        if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
            return j.error();
        if (auto w
            = execSql(m_db,
                      u"INSERT INTO vendor_bills (id, doc_number, vendor_reference, "
                      "vendor_id, po_id, bill_date, due_date, currency, net_minor, "
                      "tax_minor, total_minor, journal_entry_id, created_by, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {id, *number, vendorReference, vendor->id, poId, dateText(date),
                       dateText(date.addDays(vendor->paymentTermsDays)), po->at(2).toString(), *net,
                       taxMinor, total, journalId, actor.auditName(), nowUtc()});
            !w)
            return w;
        return audit(m_db, actor, u"vendor_bill.create"_s, u"vendor_bill"_s, id, {},
                     {{u"number"_s, *number},
                      {u"po"_s, po->at(0).toString()},
                      {u"netMinor"_s, *net},
                      {u"taxMinor"_s, taxMinor}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<qint64> Purchasing::billOpenBalance(const QString &billId)
{
    auto row = queryRow(m_db,
                        u"SELECT b.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM "
                        "ap_allocations a WHERE a.bill_id = b.id), 0) FROM vendor_bills b "
                        "WHERE b.id = ?"_s,
                        {billId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown vendor bill %1"_s.arg(billId));
    return row->at(0).toString().toLongLong();
}

Result<QString> Purchasing::payVendor(const Actor &actor, const QString &vendorId,
                                      const QDate &date, qint64 amountMinor, const QString &billId)
{
    if (auto a = authorize(actor, Operation::VendorPayment); !a)
        return a.error();
    if (!date.isValid() || amountMinor <= 0)
        return invalid(u"a vendor payment needs a date and a positive amount"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto vendor = MasterData(m_db).findVendor(vendorId);
        if (!vendor)
            return vendor.error();
        const QString journalId = newId();
        JournalDraft draft {
            journalId,
            date,
            vendor->currency,
            u"Payment to vendor %1"_s.arg(vendor->code),
            u"vendor_payment"_s,
            id,
            {{Accounts::Payables, amountMinor, 0, vendorId}, {Accounts::Cash, 0, amountMinor, {}}}};
        if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
            return j.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO vendor_payments (id, vendor_id, payment_date, "
                             "amount_minor, currency, journal_entry_id, created_by, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {id, vendorId, dateText(date), amountMinor, vendor->currency,
                              journalId, actor.auditName(), nowUtc()});
            !w)
            return w;
        qint64 applied = 0;
        if (!billId.isEmpty()) {
            auto owner
                = queryRow(m_db, u"SELECT vendor_id FROM vendor_bills WHERE id = ?"_s, {billId});
            if (!owner)
                return owner.error();
            if (owner->isEmpty())
                return notFound(u"unknown vendor bill %1"_s.arg(billId));
            if (owner->at(0).toString() != vendorId)
                return conflict(u"bill %1 belongs to another vendor"_s.arg(billId));
            auto open = billOpenBalance(billId);
            if (!open)
                return open.error();
            applied = std::min(*open, amountMinor);
            if (applied > 0) {
                if (auto w = execSql(m_db,
                                     u"INSERT INTO ap_allocations (id, bill_id, payment_id, "
                                     "amount_minor, allocated_at) VALUES (?, ?, ?, ?, ?)"_s,
                                     {newId(), billId, id, applied, nowUtc()});
                    !w)
                    return w;
            }
        }
        return audit(m_db, actor, u"vendor_payment.create"_s, u"vendor_payment"_s, id, {},
                     {{u"vendor"_s, vendorId},
                      {u"amountMinor"_s, amountMinor},
                      {u"bill"_s, billId},
                      {u"appliedMinor"_s, applied}});
    });
    if (!r)
        return r.error();
    return id;
}

} // namespace karvan::hq::erp
