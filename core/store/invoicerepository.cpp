#include "store/invoicerepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

Result<void> InvoiceRepository::write(const Invoice &inv)
{
    if (inv.id.isNull() || inv.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"an invoice needs an id and a customer"_s);
    if (!inv.date.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"invoice %1 has no date"_s.arg(idToString(inv.id)));
    if (!inv.total.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"invoice %1 has no total"_s.arg(idToString(inv.id)));
    if (inv.paid.isValid() && inv.paid.currency() != inv.total.currency())
        return makeError(ErrorCode::CurrencyMismatch,
                         u"invoice %1: paid in %2, total in %3"_s.arg(
                             idToString(inv.id), inv.paid.currency(), inv.total.currency()));
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO invoices (id, number, customer_id,
            order_id, date, due_date, currency, total_minor, paid_minor)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(inv.id));
    query.bindValue(1, text(inv.number));
    query.bindValue(2, idToString(inv.customerId));
    query.bindValue(3, id(inv.orderId));
    query.bindValue(4, date(inv.date));
    query.bindValue(5, date(inv.dueDate));
    query.bindValue(6, inv.total.currency());
    query.bindValue(7, inv.total.minorUnits());
    query.bindValue(8, inv.paid.isValid() ? inv.paid.minorUnits() : 0);
    return run(query, u"cannot save invoice "_s + idToString(inv.id));
}

Result<void> InvoiceRepository::upsert(const Invoice &invoice)
{
    return write(invoice);
}

Result<void> InvoiceRepository::insertMany(const QList<Invoice> &invoices)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Invoice &i : invoices) {
            if (auto r = write(i); !r)
                return r;
        }
        return {};
    });
}

Result<QList<Invoice>> InvoiceRepository::list(const QString &where, const QVariantList &values)
{
    auto q
        = m_store.prepared(u"SELECT id, number, customer_id, order_id, date, due_date, currency, "
                           u"total_minor, paid_minor FROM invoices WHERE "_s
                           + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read invoices"_s); !r)
        return r.error();
    QList<Invoice> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        Invoice inv;
        inv.id = toId(row.value(0));
        inv.number = row.value(1).toString();
        inv.customerId = toId(row.value(2));
        inv.orderId = toId(row.value(3));
        inv.date = toDate(row.value(4));
        inv.dueDate = toDate(row.value(5));
        auto total = toMoney(row.value(7), row.value(6).toString());
        auto paid = toMoney(row.value(8), row.value(6).toString());
        if (!total)
            return total.error();
        if (!paid)
            return paid.error();
        inv.total = *total;
        inv.paid = *paid;
        result.append(inv);
    }
    (*q)->finish();
    return result;
}

Result<Invoice> InvoiceRepository::get(const QUuid &invoiceId)
{
    auto all = list(u"id = ?"_s, {idToString(invoiceId)});
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no invoice with id %1"_s.arg(idToString(invoiceId)));
    return all->first();
}

Result<QList<Invoice>> InvoiceRepository::listForCustomer(const QUuid &customerId, int limit,
                                                          int offset)
{
    return list(u"customer_id = ? ORDER BY date DESC, number DESC LIMIT ? OFFSET ?"_s,
                {idToString(customerId), std::max(limit, 1), std::max(offset, 0)});
}

Result<QList<Invoice>> InvoiceRepository::openForCustomer(const QUuid &customerId)
{
    return list(u"customer_id = ? AND paid_minor < total_minor "
                u"ORDER BY coalesce(due_date, date), number"_s,
                {idToString(customerId)});
}

Result<void> PaymentRepository::write(const Payment &p)
{
    if (p.id.isNull() || p.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a payment needs an id and a customer"_s);
    if (!p.date.isValid() || !p.amount.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"payment %1 needs a date and an amount"_s.arg(idToString(p.id)));
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO payments (id, customer_id, date,
            amount_minor, currency, method, invoice_id) VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(p.id));
    query.bindValue(1, idToString(p.customerId));
    query.bindValue(2, date(p.date));
    query.bindValue(3, p.amount.minorUnits());
    query.bindValue(4, p.amount.currency());
    query.bindValue(5, text(p.method));
    query.bindValue(6, id(p.invoiceId));
    return run(query, u"cannot save payment "_s + idToString(p.id));
}

Result<void> PaymentRepository::upsert(const Payment &payment)
{
    return write(payment);
}

Result<void> PaymentRepository::insertMany(const QList<Payment> &payments)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Payment &p : payments) {
            if (auto r = write(p); !r)
                return r;
        }
        return {};
    });
}

Result<QList<Payment>> PaymentRepository::list(const QString &where, const QVariantList &values)
{
    auto q = m_store.prepared(u"SELECT id, customer_id, date, amount_minor, currency, method, "
                              u"invoice_id FROM payments WHERE "_s
                              + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read payments"_s); !r)
        return r.error();
    QList<Payment> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        Payment p;
        p.id = toId(row.value(0));
        p.customerId = toId(row.value(1));
        p.date = toDate(row.value(2));
        auto amount = toMoney(row.value(3), row.value(4).toString());
        if (!amount)
            return amount.error();
        p.amount = *amount;
        p.method = row.value(5).toString();
        p.invoiceId = toId(row.value(6));
        result.append(p);
    }
    (*q)->finish();
    return result;
}

Result<Payment> PaymentRepository::get(const QUuid &paymentId)
{
    auto all = list(u"id = ?"_s, {idToString(paymentId)});
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no payment with id %1"_s.arg(idToString(paymentId)));
    return all->first();
}

Result<QList<Payment>> PaymentRepository::listForCustomer(const QUuid &customerId, int limit,
                                                          int offset)
{
    return list(u"customer_id = ? ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"_s,
                {idToString(customerId), std::max(limit, 1), std::max(offset, 0)});
}

} // namespace karvan
