#include "erp/demohistorywriter.h"

#include "domain/ids.h"
#include "erp/alerts.h"
#include "erp/fulfilment.h"
#include "erp/receivables.h"
#include "erp/sales.h"
#include "rules/credit.h"
#include "storage/database.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

DemoHistoryWriter::DemoHistoryWriter(Database &db, const QString &login,
                                     const QHash<QString, Product> &products)
    : m_db(db)
    , m_manager {login, Role::Manager, {}}
    , m_warehouse {login, Role::Warehouse, {}}
    , m_finance {login, Role::Finance, {}}
    , m_products(products)
    , m_ledger(db)
    , m_inventory(db)
{ }

void DemoHistoryWriter::addCustomer(const Customer &customer)
{
    m_customers.insert(idToString(customer.id),
                       CustomerMemo {customer.code, customer.currency, customer.paymentTermsDays,
                                     customer.creditLimit});
}

Result<QString> DemoHistoryWriter::deliverOrder(const SalesDocument &d)
{
    if (d.kind != SalesDocument::Kind::Order
        || (d.status != DocumentStatus::Delivered && d.status != DocumentStatus::Invoiced)
        || d.id.isNull() || !d.date.isValid() || d.lines.isEmpty() || !d.total.isValid())
        return QString();
    const QString customerId = idToString(d.customerId);
    const auto customer = m_customers.constFind(customerId);
    if (customer == m_customers.constEnd() || customer->currency != d.currency)
        return QString();

    // The lines as intake would store them; stock needed per position.
    struct Line
    {
        int lineNo = 0;
        const DocumentLine *sent = nullptr;
        qint64 base = 0;
    };
    QList<Line> lines;
    QHash<QString, qint64> need; // "SKU\nWH" -> base milli
    QSet<int> lineNos;
    for (qsizetype i = 0; i < d.lines.size(); ++i) {
        const DocumentLine &l = d.lines.at(i);
        const auto product = m_products.constFind(l.sku);
        if (product == m_products.constEnd() || l.warehouseCode.isEmpty() || !l.quantity.isValid()
            || l.quantity.milli() <= 0 || !l.unitPrice.isValid() || !l.lineNet.isValid()
            || !l.lineTax.isValid() || !l.lineTotal.isValid())
            return QString();
        auto base = convertToBase(l.quantity, product->baseUnit, product->unitConversions);
        if (!base || base->milli() <= 0)
            return QString();
        const int lineNo = l.lineNo > 0 ? l.lineNo : int(i + 1);
        lineNos.insert(lineNo);
        lines.append(Line {lineNo, &l, base->milli()});
        need[l.sku + u'\n' + l.warehouseCode] += base->milli();
    }
    if (lineNos.size() != lines.size())
        return QString();
    QHash<QString, StockPosition> positions; // read once, moved in place
    for (auto it = need.cbegin(); it != need.cend(); ++it) {
        auto p
            = m_inventory.findPosition(it.key().section(u'\n', 0, 0), it.key().section(u'\n', 1));
        if (!p)
            return p.error();
        if (!p->has_value() || (*p)->available() < it.value())
            return QString(); // short: intake would backorder it
        positions.insert(it.key(), **p);
    }

    // HQ's credit decision on what the ledger holds as of the order's date.
    auto inputs = Receivables(m_db).creditInputs(customerId, d.currency, d.date, false);
    if (!inputs)
        return inputs.error();
    CreditInputs in = *inputs;
    in.limit = customer->creditLimit;
    in.orderAmount = d.total;
    auto decision = decideCredit(in);
    if (!decision)
        return decision.error();
    if (decision->isHold())
        return QString();
    const CreditRecord credit = creditRecord(*decision);
    const QStringList &creditNotes = credit.notes;
    const QString reason
        = creditNotes.isEmpty() ? QString() : u"credit warning: "_s + creditNotes.join(u"; "_s);

    // Intake: the order, confirmed.
    const QString orderId = idToString(d.id);
    auto number = nextDocumentNumber(m_db, u"SO"_s);
    if (!number)
        return number.error();
    const QString now = nowUtc();
    if (auto w = execSql(
            m_db,
            u"INSERT INTO sales_orders (id, doc_number, customer_id, currency, order_date, status, "
            "status_reason, intake_outcome, intake_reason, credit_decision, net_minor, tax_minor, "
            "total_minor, rep_login, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'delivered', '', 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {orderId, *number, customerId, d.currency, dateText(d.date), reason, credit.json,
             d.net.minorUnits(), d.tax.minorUnits(), d.total.minorUnits(), m_manager.login, now,
             now});
        !w)
        return w.error();
    if (auto a = audit(m_db, m_manager, u"order.intake"_s, u"sales_order"_s, orderId, {},
                       {{u"number"_s, *number},
                        {u"status"_s, documentStatusName(DocumentStatus::Confirmed)},
                        {u"reason"_s, reason},
                        {u"totalMinor"_s, d.total.minorUnits()},
                        {u"currency"_s, d.currency}});
        !a)
        return a.error();

    // Delivery of every line from its warehouse, at the position's moving-average cost.
    auto company = companyCurrency(m_db);
    if (!company)
        return company.error();
    const QString deliveryId = newId();
    const QString journalId = newId();
    const MoveSource source {d.date,     u"issue"_s, u"delivery"_s,
                             deliveryId, journalId,  m_warehouse.auditName()};
    OrderMemo memo {customerId, *number, d.currency, {}};
    qint64 totalCost = 0;
    for (const Line &line : std::as_const(lines)) {
        const DocumentLine &l = *line.sent;
        auto cost = m_inventory.moveOutOf(positions[l.sku + u'\n' + l.warehouseCode], line.base,
                                          false, source);
        if (!cost)
            return cost.error();
        totalCost += *cost;
        if (auto w
            = execSql(m_db,
                      u"INSERT INTO sales_order_lines (order_id, line_no, sku, unit, "
                      "qty_milli, base_qty_milli, warehouse_code, unit_price_minor, "
                      "net_minor, tax_minor, total_minor, delivered_milli, "
                      "delivered_cost_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {orderId, line.lineNo, l.sku, l.quantity.unit(), l.quantity.milli(),
                       line.base, l.warehouseCode, l.unitPrice.minorUnits(), l.lineNet.minorUnits(),
                       l.lineTax.minorUnits(), l.lineTotal.minorUnits(), line.base, *cost});
            !w)
            return w.error();
        memo.lines.append(LineMemo {line.lineNo, l.sku, line.base, l.lineNet.minorUnits(),
                                    l.lineTax.minorUnits()});
    }
    if (totalCost > 0) {
        JournalDraft draft {
            journalId,
            d.date,
            *company,
            u"Delivery of order %1"_s.arg(*number),
            u"delivery"_s,
            deliveryId,
            {{Accounts::Cogs, totalCost, 0, {}}, {Accounts::Inventory, 0, totalCost, {}}}};
        if (auto j = m_ledger.post(m_warehouse.auditName(), draft); !j)
            return j.error();
    } else if (auto open = m_ledger.checkOpen(d.date, false); !open) {
        return open.error();
    }
    if (auto w = execSql(m_db,
                         u"INSERT INTO deliveries (id, order_id, delivery_date, cost_minor, "
                         "journal_entry_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                         {deliveryId, orderId, dateText(d.date), totalCost,
                          totalCost > 0 ? QVariant(journalId) : QVariant(), m_warehouse.auditName(),
                          nowUtc()});
        !w)
        return w.error();
    if (auto a = audit(m_db, m_warehouse, u"order.deliver"_s, u"delivery"_s, deliveryId,
                       {{u"order"_s, *number}},
                       {{u"order"_s, *number},
                        {u"date"_s, dateText(d.date)},
                        {u"costMinor"_s, totalCost},
                        {u"complete"_s, true}});
        !a)
        return a.error();
    m_orders.insert(orderId, std::move(memo));
    ++m_ordersWritten;
    return orderId;
}

Result<QString> DemoHistoryWriter::invoiceOrder(const QString &orderId, const QDate &date)
{
    const auto order = m_orders.constFind(orderId);
    if (order == m_orders.constEnd() || !date.isValid())
        return QString();
    const auto customer = m_customers.constFind(order->customerId);
    if (customer == m_customers.constEnd())
        return QString();
    qint64 net = 0, tax = 0;
    for (const LineMemo &l : order->lines) {
        net += l.net;
        tax += l.tax;
    }
    auto number = nextDocumentNumber(m_db, u"INV"_s);
    if (!number)
        return number.error();
    const QString id = newId();
    const qint64 total = net + tax;
    const QString journalId = newId();
    const JournalDraft draft = invoiceJournal(journalId, date, order->currency, *number,
                                              order->number, id, order->customerId, net, tax);
    if (total > 0) {
        if (auto j = m_ledger.post(m_finance.auditName(), draft); !j)
            return j.error();
    } else if (auto open = m_ledger.checkOpen(date, false); !open) {
        return open.error();
    }
    const QDate due = date.addDays(customer->paymentTermsDays);
    if (auto w = execSql(m_db,
                         u"INSERT INTO invoices (id, doc_number, kind, customer_id, order_id, "
                         "invoice_date, due_date, currency, net_minor, tax_minor, total_minor, "
                         "rep_login, journal_entry_id, created_by, created_at) "
                         "VALUES (?, ?, 'invoice', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                         {id, *number, order->customerId, orderId, dateText(date), dateText(due),
                          order->currency, net, tax, total, m_manager.login,
                          total > 0 ? journalId : QString(), m_finance.auditName(), nowUtc()});
        !w)
        return w.error();
    for (const LineMemo &l : order->lines) {
        if (auto w = execSql(m_db,
                             u"INSERT INTO invoice_lines (invoice_id, line_no, sku, "
                             "base_qty_milli, net_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?)"_s,
                             {id, l.lineNo, l.sku, l.baseMilli, l.net, l.tax});
            !w)
            return w.error();
    }
    // Every line delivered in full and invoiced in full, as Fulfilment::invoice leaves them.
    if (auto w = execSql(m_db,
                         u"UPDATE sales_order_lines SET invoiced_milli = base_qty_milli, "
                         "invoiced_net_minor = net_minor, invoiced_tax_minor = tax_minor "
                         "WHERE order_id = ?"_s,
                         {orderId});
        !w)
        return w.error();
    if (auto w
        = execSql(m_db,
                  u"UPDATE sales_orders SET status = ?, status_reason = ?, updated_at = ? "
                  "WHERE id = ?"_s,
                  {documentStatusName(DocumentStatus::Invoiced), QString(), nowUtc(), orderId});
        !w)
        return w.error();
    if (auto a = audit(m_db, m_finance, u"invoice.create"_s, u"invoice"_s, id, {},
                       {{u"number"_s, *number},
                        {u"order"_s, order->number},
                        {u"date"_s, dateText(date)},
                        {u"due"_s, dateText(due)},
                        {u"totalMinor"_s, total},
                        {u"currency"_s, order->currency}});
        !a)
        return a.error();
    m_invoices.insert(id, InvoiceMemo {order->customerId, total});
    m_orders.erase(order);
    return id;
}

Result<bool> DemoHistoryWriter::recordPayment(const Payment &p, const QString &invoiceId)
{
    const QString customerId = idToString(p.customerId);
    const auto customer = m_customers.constFind(customerId);
    if (customer == m_customers.constEnd() || !p.date.isValid() || !p.amount.isValid()
        || p.amount.minorUnits() <= 0 || p.amount.currency() != customer->currency)
        return false;
    auto invoice = m_invoices.end();
    if (!invoiceId.isEmpty()) {
        invoice = m_invoices.find(invoiceId);
        if (invoice == m_invoices.end() || invoice->customerId != customerId)
            return false;
    }
    const QString id = newId();
    const QString journalId = newId();
    JournalDraft draft {journalId,
                        p.date,
                        p.amount.currency(),
                        u"Payment from %1 (%2)"_s.arg(customer->code, p.method),
                        u"payment"_s,
                        id,
                        {{Accounts::Cash, p.amount.minorUnits(), 0, {}},
                         {Accounts::Receivables, 0, p.amount.minorUnits(), customerId}}};
    if (auto j = m_ledger.post(m_finance.auditName(), draft); !j)
        return j.error();
    if (auto w
        = execSql(m_db,
                  u"INSERT INTO payments (id, customer_id, payment_date, amount_minor, "
                  "currency, method, journal_entry_id, created_by, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  {id, customerId, dateText(p.date), p.amount.minorUnits(), p.amount.currency(),
                   p.method, journalId, m_finance.auditName(), nowUtc()});
        !w)
        return w.error();
    qint64 applied = 0;
    if (invoice != m_invoices.end()) {
        applied = std::min(invoice->open, p.amount.minorUnits());
        if (applied > 0) {
            if (auto w = execSql(m_db,
                                 u"INSERT INTO ar_allocations (id, invoice_id, source_kind, "
                                 "source_id, amount_minor, allocated_at) "
                                 "VALUES (?, ?, 'payment', ?, ?, ?)"_s,
                                 {newId(), invoiceId, id, applied, nowUtc()});
                !w)
                return w.error();
            if (auto a = Alerts(m_db).invoiceSettled(invoiceId); !a) // paid: no overdue alert
                return a.error();
        }
        invoice->open -= applied;
        if (invoice->open <= 0)
            m_invoices.erase(invoice);
    }
    if (auto a = audit(m_db, m_finance, u"payment.record"_s, u"payment"_s, id, {},
                       {{u"customer"_s, customerId},
                        {u"date"_s, dateText(p.date)},
                        {u"amount"_s, p.amount.toString()},
                        {u"method"_s, p.method},
                        {u"invoice"_s, invoiceId},
                        {u"appliedMinor"_s, applied}});
        !a)
        return a.error();
    return true;
}

} // namespace karvan::hq::erp
