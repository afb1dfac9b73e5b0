#include "erp/receivables.h"

#include "domain/wirerows.h"
#include "erp/alerts.h"
#include "erp/ledger.h"
#include "erp/masterdata.h"
#include "storage/database.h"
#include "sync/changefeed.h"

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

// Open balance of every invoice, as a subquery: id, customer_id, currency, due_date, open.
const QString OpenInvoices
    = u"(SELECT i.id, i.customer_id, i.currency, i.due_date, i.total_minor - "
      "COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE a.invoice_id = i.id), 0) "
      "AS open_minor FROM invoices i WHERE i.kind = 'invoice')"_s;

} // namespace

Result<qint64> Receivables::openBalance(const QString &invoiceId)
{
    auto row = queryRow(m_db, u"SELECT open_minor FROM %1 o WHERE o.id = ?"_s.arg(OpenInvoices),
                        {invoiceId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown invoice %1"_s.arg(invoiceId));
    return row->at(0).toString().toLongLong();
}

Result<qint64> Receivables::unallocatedPayment(const QString &paymentId)
{
    auto row = queryRow(m_db,
                        u"SELECT p.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM "
                        "ar_allocations a WHERE a.source_id = p.id), 0) FROM payments p "
                        "WHERE p.id = ?"_s,
                        {paymentId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown payment %1"_s.arg(paymentId));
    return row->at(0).toString().toLongLong();
}

Result<void> Receivables::applyToInvoice(const QString &invoiceId, const QString &sourceKind,
                                         const QString &sourceId, qint64 amountMinor)
{
    if (amountMinor <= 0)
        return {};
    auto open = openBalance(invoiceId);
    if (!open)
        return open.error();
    if (amountMinor > *open)
        return conflict(
            u"invoice %1 has only %2 open, cannot apply %3 (minor units)"_s.arg(invoiceId)
                .arg(*open)
                .arg(amountMinor));
    if (auto w = execSql(m_db,
                         u"INSERT INTO ar_allocations (id, invoice_id, source_kind, source_id, "
                         "amount_minor, allocated_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                         {newId(), invoiceId, sourceKind, sourceId, amountMinor, nowUtc()});
        !w)
        return w;
    if (auto a = Alerts(m_db).invoiceSettled(invoiceId); !a) // paid: its overdue alert ends
        return a;
    // The invoice's paid amount changed (and a payment's settled invoice).
    auto owner = queryRow(m_db, u"SELECT customer_id FROM invoices WHERE id = ?"_s, {invoiceId});
    if (!owner)
        return owner.error();
    if (owner->isEmpty())
        return notFound(u"unknown invoice %1"_s.arg(invoiceId));
    sync::ChangeFeed feed(m_db);
    const QString customerId = owner->at(0).toString();
    if (auto f = feed.touchForCustomer(wire::entity::Invoice, invoiceId, customerId); !f)
        return f;
    if (sourceKind == u"payment"_s)
        return feed.touchForCustomer(wire::entity::Payment, sourceId, customerId);
    return {};
}

Result<QString> Receivables::recordPayment(const Actor &actor, const QString &customerId,
                                           const QDate &date, const Money &amount,
                                           const QString &method, const QString &invoiceId)
{
    if (auto a = authorize(actor, Operation::Payment); !a)
        return a.error();
    if (!amount.isValid() || amount.minorUnits() <= 0)
        return invalid(u"a payment needs a positive amount"_s);
    if (!date.isValid())
        return invalid(u"a payment needs a date"_s);
    const QString id = newId();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto customer = MasterData(m_db).findCustomer(customerId);
        if (!customer)
            return customer.error();
        if (customer->customer.currency != amount.currency())
            return makeError(ErrorCode::CurrencyMismatch,
                             u"payment in %1 for a customer billed in %2"_s.arg(
                                 amount.currency(), customer->customer.currency));
        const QString journalId = newId();
        JournalDraft draft {journalId,
                            date,
                            amount.currency(),
                            u"Payment from %1 (%2)"_s.arg(customer->customer.code, method),
                            u"payment"_s,
                            id,
                            {{Accounts::Cash, amount.minorUnits(), 0, {}},
                             {Accounts::Receivables, 0, amount.minorUnits(), customerId}}};
        if (auto j = Ledger(m_db).post(actor.auditName(), draft); !j)
            return j.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO payments (id, customer_id, payment_date, amount_minor, "
                             "currency, method, journal_entry_id, created_by, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {id, customerId, dateText(date), amount.minorUnits(),
                              amount.currency(), method, journalId, actor.auditName(), nowUtc()});
            !w)
            return w;
        if (auto f = sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Payment, id, customerId);
            !f)
            return f;
        qint64 applied = 0;
        if (!invoiceId.isEmpty()) {
            auto owner = queryRow(m_db, u"SELECT customer_id, kind FROM invoices WHERE id = ?"_s,
                                  {invoiceId});
            if (!owner)
                return owner.error();
            if (owner->isEmpty() || owner->at(1).toString() != u"invoice"_s)
                return notFound(u"unknown invoice %1"_s.arg(invoiceId));
            if (owner->at(0).toString() != customerId)
                return conflict(u"invoice %1 belongs to another customer"_s.arg(invoiceId));
            auto open = openBalance(invoiceId);
            if (!open)
                return open.error();
            applied = std::min(*open, amount.minorUnits());
            if (auto a = applyToInvoice(invoiceId, u"payment"_s, id, applied); !a)
                return a;
        }
        return audit(m_db, actor, u"payment.record"_s, u"payment"_s, id, {},
                     {{u"customer"_s, customerId},
                      {u"date"_s, dateText(date)},
                      {u"amount"_s, amount.toString()},
                      {u"method"_s, method},
                      {u"invoice"_s, invoiceId},
                      {u"appliedMinor"_s, applied}});
    });
    if (!r)
        return r.error();
    return id;
}

Result<void> Receivables::allocatePayment(const Actor &actor, const QString &paymentId,
                                          const QString &invoiceId, qint64 amountMinor)
{
    if (auto a = authorize(actor, Operation::Payment); !a)
        return a;
    if (amountMinor <= 0)
        return invalid(u"an allocation needs a positive amount"_s);
    return m_db.transaction([&]() -> Result<void> {
        auto payment
            = queryRow(m_db, u"SELECT customer_id FROM payments WHERE id = ?"_s, {paymentId});
        if (!payment)
            return payment.error();
        if (payment->isEmpty())
            return notFound(u"unknown payment %1"_s.arg(paymentId));
        auto invoice = queryRow(m_db,
                                u"SELECT customer_id FROM invoices WHERE id = ? AND kind = "
                                "'invoice'"_s,
                                {invoiceId});
        if (!invoice)
            return invoice.error();
        if (invoice->isEmpty())
            return notFound(u"unknown invoice %1"_s.arg(invoiceId));
        if (invoice->at(0) != payment->at(0))
            return conflict(u"payment and invoice belong to different customers"_s);
        auto left = unallocatedPayment(paymentId);
        if (!left)
            return left.error();
        if (amountMinor > *left)
            return conflict(
                u"payment %1 has only %2 unallocated (minor units)"_s.arg(paymentId).arg(*left));
        if (auto a = applyToInvoice(invoiceId, u"payment"_s, paymentId, amountMinor); !a)
            return a;
        return audit(m_db, actor, u"payment.allocate"_s, u"payment"_s, paymentId, {},
                     {{u"invoice"_s, invoiceId}, {u"amountMinor"_s, amountMinor}});
    });
}

Result<CreditInputs> Receivables::creditInputs(const QString &customerId, const QString &currency,
                                               const QDate &asOf, bool manualHold)
{
    auto open = queryRow(m_db,
                         u"SELECT COALESCE(SUM(open_minor), 0), "
                         "COALESCE(SUM(CASE WHEN due_date < ? THEN open_minor ELSE 0 END), 0), "
                         "MIN(CASE WHEN due_date < ? AND open_minor > 0 THEN due_date END) "
                         "FROM %1 o WHERE o.customer_id = ? AND o.currency = ?"_s.arg(OpenInvoices),
                         {dateText(asOf), dateText(asOf), customerId, currency});
    if (!open)
        return open.error();
    // Payments and credit notes not applied to any invoice reduce what is owed.
    auto credits = queryInt(
        m_db,
        u"SELECT COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.customer_id = ? "
        "AND p.currency = ?), 0) + COALESCE((SELECT SUM(c.total_minor) FROM invoices c WHERE "
        "c.customer_id = ? AND c.currency = ? AND c.kind = 'credit_note'), 0) - COALESCE((SELECT "
        "SUM(a.amount_minor) FROM ar_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE "
        "i.customer_id = ? AND i.currency = ?), 0)"_s,
        {customerId, currency, customerId, currency, customerId, currency});
    if (!credits)
        return credits.error();
    auto unbilled = queryInt(
        m_db,
        u"SELECT COALESCE(SUM(l.total_minor - l.invoiced_net_minor - l.invoiced_tax_minor), 0) "
        "FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id WHERE o.customer_id = "
        "? AND o.currency = ? AND o.status IN ('confirmed', 'partially_allocated', "
        "'backordered', 'delivered')"_s,
        {customerId, currency});
    if (!unbilled)
        return unbilled.error();
    const qint64 openMinor = std::max<qint64>(0, open->at(0).toString().toLongLong() - *credits);
    const qint64 overdueMinor = std::min(openMinor, open->at(1).toString().toLongLong());
    CreditInputs in;
    auto money = [&](qint64 v) {
        return Money::fromMinor(std::max<qint64>(0, v), currency);
    };
    auto o = money(openMinor), u = money(*unbilled), z = money(0), d = money(overdueMinor);
    if (!o || !u || !z || !d)
        return invalid(u"unknown currency %1"_s.arg(currency));
    in.openReceivables = *o;
    in.unbilledOrders = *u;
    in.unsyncedOrders = *z;
    in.overdue = *d;
    in.orderAmount = *z;
    in.manualHold = manualHold;
    if (overdueMinor > 0 && !open->at(2).isNull()) {
        const QDate oldest = QDate::fromString(open->at(2).toString(), Qt::ISODate);
        in.oldestOverdueDays = int(std::max<qint64>(0, oldest.daysTo(asOf)));
    }
    return in;
}

} // namespace karvan::hq::erp
