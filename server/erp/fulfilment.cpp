#include "erp/fulfilment.h"

#include "domain/wirerows.h"
#include "erp/inventory.h"
#include "erp/ledger.h"
#include "erp/masterdata.h"
#include "erp/receivables.h"
#include "erp/sales.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "sync/changefeed.h"

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

// Locks the order row so deliveries, invoices and returns of one order serialize.
Result<OrderOutcome> lockOrder(Database &db, const QString &orderId)
{
    if (auto lock = execSql(
            db, u"SELECT id FROM sales_orders WHERE id = ?"_s + sqldialect::forUpdate(db.backend()),
            {orderId});
        !lock)
        return lock.error();
    return SalesOrders(db).find(orderId);
}

} // namespace

Result<QString> Fulfilment::deliver(const Actor &actor, const QString &orderId, const QDate &date)
{
    if (auto a = authorize(actor, Operation::Delivery); !a)
        return a.error();
    if (!date.isValid())
        return invalid(u"a delivery needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto order = lockOrder(m_db, orderId);
        if (!order)
            return order.error();
        if (order->status != DocumentStatus::Confirmed
            && order->status != DocumentStatus::PartiallyAllocated)
            return conflict(u"order %1 is %2; only confirmed or partially allocated orders are "
                            "delivered"_s.arg(order->number, documentStatusName(order->status)));
        auto currency = companyCurrency(m_db);
        if (!currency)
            return currency.error();
        Inventory inventory(m_db);
        const QString journalId = newId();
        MoveSource source {date, u"issue"_s, u"delivery"_s, id, journalId, actor.auditName()};
        qint64 totalCost = 0;
        bool any = false;
        bool complete = true;
        for (const OrderLineState &line : order->lines) {
            if (line.allocated > 0) {
                any = true;
                auto cost
                    = inventory.moveOut(line.sku, line.warehouse, line.allocated, true, source);
                if (!cost)
                    return cost.error();
                totalCost += *cost;
                if (auto w = execSql(m_db,
                                     u"UPDATE sales_order_lines SET delivered_milli = "
                                     "delivered_milli + allocated_milli, delivered_cost_minor = "
                                     "delivered_cost_minor + ?, allocated_milli = 0 "
                                     "WHERE order_id = ? AND line_no = ?"_s,
                                     {*cost, orderId, line.lineNo});
                    !w)
                    return w;
            }
            if (line.delivered + line.allocated < line.quantity)
                complete = false;
        }
        if (!any)
            return conflict(u"order %1 has nothing allocated to deliver"_s.arg(order->number));
        if (totalCost > 0) {
            JournalDraft draft {
                journalId,
                date,
                *currency,
                u"Delivery of order %1"_s.arg(order->number),
                u"delivery"_s,
                id,
                {{Accounts::Cogs, totalCost, 0, {}}, {Accounts::Inventory, 0, totalCost, {}}}};
            if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
                return j.error();
        } else if (auto open = Ledger(m_db).checkOpen(date, false); !open) {
            return open;
        }
        if (auto w = execSql(
                m_db,
                u"INSERT INTO deliveries (id, order_id, delivery_date, cost_minor, "
                "journal_entry_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                {id, orderId, dateText(date), totalCost,
                 totalCost > 0 ? QVariant(journalId) : QVariant(), actor.auditName(), nowUtc()});
            !w)
            return w;
        if (complete) {
            if (auto s = SalesOrders(m_db).setStatus(orderId, DocumentStatus::Delivered, QString());
                !s)
                return s;
        }
        return audit(m_db, actor, u"order.deliver"_s, u"delivery"_s, id,
                     {{u"order"_s, order->number}},
                     {{u"order"_s, order->number},
                      {u"date"_s, dateText(date)},
                      {u"costMinor"_s, totalCost},
                      {u"complete"_s, complete}});
    });
    if (!r)
        return r.error();
    return id;
}

JournalDraft invoiceJournal(const QString &journalId, const QDate &date, const QString &currency,
                            const QString &invoiceNumber, const QString &orderNumber,
                            const QString &invoiceId, const QString &customerId, qint64 net,
                            qint64 tax)
{
    JournalDraft draft {journalId,
                        date,
                        currency,
                        u"Invoice %1 for order %2"_s.arg(invoiceNumber, orderNumber),
                        u"invoice"_s,
                        invoiceId,
                        {}};
    const qint64 total = net + tax;
    if (total > 0)
        draft.lines.append({Accounts::Receivables, total, 0, customerId});
    if (net > 0)
        draft.lines.append({Accounts::Revenue, 0, net, {}});
    if (tax > 0)
        draft.lines.append({Accounts::TaxPayable, 0, tax, {}});
    return draft;
}

Result<QString> Fulfilment::invoice(const Actor &actor, const QString &orderId, const QDate &date)
{
    if (auto a = authorize(actor, Operation::Invoice); !a)
        return a.error();
    if (!date.isValid())
        return invalid(u"an invoice needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto order = lockOrder(m_db, orderId);
        if (!order)
            return order.error();
        auto customer = MasterData(m_db).findCustomer(order->customerId);
        if (!customer)
            return customer.error();
        auto lines = queryRows(m_db,
                               u"SELECT line_no, sku, base_qty_milli, delivered_milli, "
                               "invoiced_milli, net_minor, tax_minor, invoiced_net_minor, "
                               "invoiced_tax_minor FROM sales_order_lines WHERE order_id = ? "
                               "ORDER BY line_no"_s,
                               {orderId});
        if (!lines)
            return lines.error();
        struct Part
        {
            QVariant lineNo, sku;
            qint64 qty = 0, net = 0, tax = 0;
        };
        QList<Part> parts;
        qint64 net = 0, tax = 0;
        bool complete = true;
        for (const Row &l : *lines) {
            const qint64 qty = l.at(2).toLongLong();
            const qint64 part = l.at(3).toLongLong() - l.at(4).toLongLong();
            if (l.at(3).toLongLong() < qty)
                complete = false;
            if (part <= 0)
                continue;
            auto lineNet = proRata(l.at(5).toLongLong(), part, qty, l.at(4).toLongLong(),
                                   l.at(7).toLongLong());
            auto lineTax = proRata(l.at(6).toLongLong(), part, qty, l.at(4).toLongLong(),
                                   l.at(8).toLongLong());
            if (!lineNet || !lineTax)
                return lineNet ? lineTax.error() : lineNet.error();
            net += *lineNet;
            tax += *lineTax;
            parts.append(Part {l.at(0), l.at(1), part, *lineNet, *lineTax});
        }
        if (parts.isEmpty())
            return conflict(u"order %1 has nothing delivered to invoice"_s.arg(order->number));
        auto number = nextDocumentNumber(m_db, u"INV"_s);
        if (!number)
            return number.error();
        const qint64 total = net + tax;
        const QString journalId = newId();
        const JournalDraft draft = invoiceJournal(journalId, date, order->currency, *number,
                                                  order->number, id, order->customerId, net, tax);
        if (total > 0) {
            if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
                return j.error();
        } else if (auto open = Ledger(m_db).checkOpen(date, false); !open) {
            return open;
        }
        const QDate due = date.addDays(customer->customer.paymentTermsDays);
        auto rep = queryRow(m_db, u"SELECT rep_login FROM sales_orders WHERE id = ?"_s, {orderId});
        if (!rep)
            return rep.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO invoices (id, doc_number, kind, customer_id, order_id, "
                             "invoice_date, due_date, currency, net_minor, tax_minor, total_minor, "
                             "rep_login, journal_entry_id, created_by, created_at) "
                             "VALUES (?, ?, 'invoice', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {id, *number, order->customerId, orderId, dateText(date),
                              dateText(due), order->currency, net, tax, total, rep->at(0),
                              total > 0 ? journalId : QString(), actor.auditName(), nowUtc()});
            !w)
            return w;
        if (auto f
            = sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Invoice, id, order->customerId);
            !f)
            return f;
        for (const Part &p : parts) {
            if (auto w
                = execSql(m_db,
                          u"INSERT INTO invoice_lines (invoice_id, line_no, sku, "
                          "base_qty_milli, net_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?)"_s,
                          {id, p.lineNo, p.sku, p.qty, p.net, p.tax});
                !w)
                return w;
            if (auto w = execSql(m_db,
                                 u"UPDATE sales_order_lines SET invoiced_milli = invoiced_milli + "
                                 "?, invoiced_net_minor = invoiced_net_minor + ?, "
                                 "invoiced_tax_minor = invoiced_tax_minor + ? "
                                 "WHERE order_id = ? AND line_no = ?"_s,
                                 {p.qty, p.net, p.tax, orderId, p.lineNo});
                !w)
                return w;
        }
        if (complete) {
            if (auto s = SalesOrders(m_db).setStatus(orderId, DocumentStatus::Invoiced, QString());
                !s)
                return s;
        }
        return audit(m_db, actor, u"invoice.create"_s, u"invoice"_s, id, {},
                     {{u"number"_s, *number},
                      {u"order"_s, order->number},
                      {u"date"_s, dateText(date)},
                      {u"due"_s, dateText(due)},
                      {u"totalMinor"_s, total},
                      {u"currency"_s, order->currency}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Fulfilment::returnGoods(const Actor &actor, const QString &invoiceId,
                                        const QList<ReturnLine> &lines, const QDate &date,
                                        const QString &warehouse)
{
    if (auto a = authorize(actor, Operation::SalesReturn); !a)
        return a.error();
    if (lines.isEmpty())
        return invalid(u"a return needs at least one line"_s);
    if (!date.isValid())
        return invalid(u"a return needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto head = queryRow(m_db,
                             u"SELECT order_id, customer_id, currency, doc_number, kind, "
                             "rep_login FROM invoices WHERE id = ?"_s,
                             {invoiceId});
        if (!head)
            return head.error();
        if (head->isEmpty() || head->at(4).toString() != u"invoice"_s)
            return notFound(u"unknown invoice %1"_s.arg(invoiceId));
        const QString orderId = head->at(0).toString();
        const QString customerId = head->at(1).toString();
        const QString currency = head->at(2).toString();
        auto order = lockOrder(m_db, orderId);
        if (!order)
            return order.error();
        auto company = companyCurrency(m_db);
        if (!company)
            return company.error();
        Inventory inventory(m_db);
        const QString stockJournal = newId();
        MoveSource source {date, u"return"_s, u"return"_s, id, stockJournal, actor.auditName()};
        qint64 net = 0, tax = 0, cost = 0;
        for (const ReturnLine &ret : lines) {
            if (ret.qtyMilli <= 0)
                return invalid(
                    u"return line %1: quantity must be greater than zero"_s.arg(ret.lineNo));
            auto il = queryRow(m_db,
                               u"SELECT base_qty_milli, net_minor, tax_minor, returned_milli, "
                               "returned_net_minor, returned_tax_minor, sku FROM invoice_lines "
                               "WHERE invoice_id = ? AND line_no = ?"_s,
                               {invoiceId, ret.lineNo});
            if (!il)
                return il.error();
            if (il->isEmpty())
                return notFound(u"invoice has no line %1"_s.arg(ret.lineNo));
            const qint64 invoiced = il->at(0).toLongLong();
            const qint64 returned = il->at(3).toLongLong();
            if (ret.qtyMilli > invoiced - returned)
                return invalid(u"return line %1: %2 returned but only %3 left to return "
                               "(thousandths)"_s.arg(ret.lineNo)
                                   .arg(ret.qtyMilli)
                                   .arg(invoiced - returned));
            auto ol = queryRow(m_db,
                               u"SELECT delivered_milli, delivered_cost_minor, returned_milli, "
                               "returned_cost_minor, warehouse_code FROM sales_order_lines "
                               "WHERE order_id = ? AND line_no = ?"_s,
                               {orderId, ret.lineNo});
            if (!ol || ol->isEmpty())
                return ol ? notFound(u"order line %1 is missing"_s.arg(ret.lineNo)) : ol.error();
            auto lineNet = proRata(il->at(1).toLongLong(), ret.qtyMilli, invoiced, returned,
                                   il->at(4).toLongLong());
            auto lineTax = proRata(il->at(2).toLongLong(), ret.qtyMilli, invoiced, returned,
                                   il->at(5).toLongLong());
            // Back at the cost it left with: the line's delivered cost, pro rata.
            auto lineCost = proRata(ol->at(1).toLongLong(), ret.qtyMilli, ol->at(0).toLongLong(),
                                    ol->at(2).toLongLong(), ol->at(3).toLongLong());
            if (!lineNet || !lineTax || !lineCost)
                return invalid(u"return line %1: amounts overflow"_s.arg(ret.lineNo));
            const QString sku = il->at(6).toString();
            const QString into = warehouse.isEmpty() ? ol->at(4).toString() : warehouse;
            if (auto in = inventory.moveIn(sku, into, ret.qtyMilli, *lineCost, source); !in)
                return in.error();
            if (auto w = execSql(m_db,
                                 u"UPDATE invoice_lines SET returned_milli = returned_milli + ?, "
                                 "returned_net_minor = returned_net_minor + ?, returned_tax_minor "
                                 "= returned_tax_minor + ? WHERE invoice_id = ? AND line_no = ?"_s,
                                 {ret.qtyMilli, *lineNet, *lineTax, invoiceId, ret.lineNo});
                !w)
                return w;
            if (auto w = execSql(m_db,
                                 u"UPDATE sales_order_lines SET returned_milli = returned_milli + "
                                 "?, returned_cost_minor = returned_cost_minor + ? "
                                 "WHERE order_id = ? AND line_no = ?"_s,
                                 {ret.qtyMilli, *lineCost, orderId, ret.lineNo});
                !w)
                return w;
            net += *lineNet;
            tax += *lineTax;
            cost += *lineCost;
        }
        Ledger ledger(m_db);
        if (cost > 0) {
            JournalDraft stock {
                stockJournal,
                date,
                *company,
                u"Return on invoice %1: goods back"_s.arg(head->at(3).toString()),
                u"return"_s,
                id,
                {{Accounts::Inventory, cost, 0, {}}, {Accounts::Cogs, 0, cost, {}}}};
            if (auto j = ledger.post(actor.auditName(), stock); !j)
                return j.error();
        }
        auto number = nextDocumentNumber(m_db, u"CN"_s);
        if (!number)
            return number.error();
        const qint64 total = net + tax;
        const QString journalId = newId();
        if (total > 0) {
            JournalDraft credit {
                journalId,
                date,
                currency,
                u"Credit note %1 on invoice %2"_s.arg(*number, head->at(3).toString()),
                u"credit_note"_s,
                id,
                {}};
            if (net > 0)
                credit.lines.append({Accounts::SalesReturns, net, 0, {}});
            if (tax > 0)
                credit.lines.append({Accounts::TaxPayable, tax, 0, {}});
            credit.lines.append({Accounts::Receivables, 0, total, customerId});
            if (auto j = ledger.post(actor.auditName(), credit); !j)
                return j.error();
        } else if (auto open = ledger.checkOpen(date, false); !open) {
            return open;
        }
        if (auto w = execSql(m_db,
                             u"INSERT INTO invoices (id, doc_number, kind, customer_id, order_id, "
                             "original_invoice_id, invoice_date, due_date, currency, net_minor, "
                             "tax_minor, total_minor, rep_login, journal_entry_id, created_by, "
                             "created_at) VALUES (?, ?, 'credit_note', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?)"_s,
                             {id, *number, customerId, orderId, invoiceId, dateText(date),
                              dateText(date), currency, net, tax, total, head->at(5),
                              total > 0 ? journalId : QString(), actor.auditName(), nowUtc()});
            !w)
            return w;
        Receivables receivables(m_db);
        auto open = receivables.openBalance(invoiceId);
        if (!open)
            return open.error();
        if (auto a
            = receivables.applyToInvoice(invoiceId, u"credit_note"_s, id, std::min(*open, total));
            !a)
            return a;
        return audit(m_db, actor, u"return.create"_s, u"credit_note"_s, id, {},
                     {{u"number"_s, *number},
                      {u"invoice"_s, head->at(3).toString()},
                      {u"netMinor"_s, net},
                      {u"taxMinor"_s, tax},
                      {u"costMinor"_s, cost}});
    });
    if (!r)
        return r.error();
    return id;
}

} // namespace karvan::hq::erp
