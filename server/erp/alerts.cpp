#include "erp/alerts.h"

#include "domain/money.h"
#include "storage/database.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

const QString Purchasing = u"purchasing"_s;
const QString Finance = u"finance"_s;
const QString Sales = u"sales"_s;

const QString AlertColumns = u"id, kind, audience, recipient, entity, entity_id, message, "
                             "created_at, resolved_at, resolved_by"_s;

Alert alertFrom(const Row &r)
{
    return Alert {
        r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
        r.at(3).toString(), r.at(4).toString(), r.at(5).toString(),
        r.at(6).toString(), r.at(7).toString(), r.at(8).isNull() ? QString() : r.at(8).toString(),
        r.at(9).toString()};
}

QJsonObject alertJson(const Alert &a)
{
    return {{u"kind"_s, a.kind},
            {u"entity"_s, a.entity},
            {u"entityId"_s, a.entityId},
            {u"audience"_s, a.audience},
            {u"recipient"_s, a.recipient},
            {u"resolvedAt"_s, a.resolvedAt},
            {u"resolvedBy"_s, a.resolvedBy}};
}

// Thousandths of a unit as a decimal ("2.5", "10").
QString quantityText(qint64 milli)
{
    const QString sign = milli < 0 ? u"-"_s : QString();
    const qint64 m = milli < 0 ? -milli : milli;
    QString text = sign + QString::number(m / 1000);
    if (m % 1000 != 0) {
        QString fraction = QString::number(m % 1000).rightJustified(3, u'0');
        while (fraction.endsWith(u'0'))
            fraction.chop(1);
        text += u'.' + fraction;
    }
    return text;
}

QString minorText(qint64 minor, const QString &currency)
{
    auto money = Money::fromMinor(minor, currency);
    return money ? money->toString() : u"%1 %2 (minor units)"_s.arg(minor).arg(currency);
}

} // namespace

QStringList Alerts::departmentsOf(Role role)
{
    switch (role) {
    case Role::Warehouse:
        return {Purchasing};
    case Role::Finance:
        return {Purchasing, Finance};
    case Role::Manager:
    case Role::Admin:
        return {Purchasing, Finance, Sales};
    case Role::Rep:
    case Role::Kiosk:
        break;
    }
    return {};
}

bool Alerts::maySee(const Actor &actor, const Alert &alert)
{
    if (actor.login.isEmpty())
        return false;
    return alert.recipient == actor.login || departmentsOf(actor.role).contains(alert.audience);
}

namespace {
// An empty text that Qt Sql binds as '' rather than as NULL (a null QString binds as NULL).
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("-").left(0) : text;
}
} // namespace

Result<bool> Alerts::raise(const QString &kind, const QString &audience, const QString &recipient,
                           const QString &entity, const QString &entityId, const QString &message)
{
    if (!m_db.inTransaction())
        return invalid(u"alerts are raised inside the transaction of their event"_s);
    // The partial unique index alerts_open_once turns a second open alert into a no-op, also
    // against a concurrent raiser on PostgreSQL.
    auto q = m_db.run(
        u"INSERT INTO alerts (id, kind, audience, recipient, entity, entity_id, "
        "message, created_at) VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING"_s,
        {newId(), kind, audience, notNull(recipient), entity, entityId, message, nowUtc()});
    if (!q)
        return q.error();
    return *q > 0;
}

Result<bool> Alerts::resolveOpen(const QString &kind, const QString &entity,
                                 const QString &entityId, const QString &by)
{
    auto q = m_db.run(u"UPDATE alerts SET resolved_at = ?, resolved_by = ? WHERE kind = ? AND "
                      "entity = ? AND entity_id = ? AND resolved_at IS NULL"_s,
                      {nowUtc(), by, kind, entity, entityId});
    if (!q)
        return q.error();
    return *q > 0;
}

Result<void> Alerts::stockChanged(const StockPosition &p)
{
    const QString id = p.sku + u'@' + p.warehouse;
    if (p.reorderPoint > 0 && p.available() <= p.reorderPoint) {
        auto r = raise(LowStock, Purchasing, QString(), u"stock"_s, id,
                       u"%1 in %2: %3 available (%4 on hand, %5 reserved), at or below the "
                       "reorder point %6"_s.arg(p.sku, p.warehouse, quantityText(p.available()),
                                                quantityText(p.onHand), quantityText(p.reserved),
                                                quantityText(p.reorderPoint)));
        if (!r)
            return r.error();
        return {};
    }
    auto r = resolveOpen(LowStock, u"stock"_s, id, u"auto: stock above the reorder point"_s);
    if (!r)
        return r.error();
    return {};
}

Result<void> Alerts::orderStatusChanged(const QString &orderId, DocumentStatus status)
{
    if (status != DocumentStatus::CreditHold) {
        auto r = resolveOpen(CreditHold, u"sales_order"_s, orderId,
                             u"auto: order %1"_s.arg(documentStatusName(status)));
        if (!r)
            return r.error();
        return {};
    }
    auto order = queryRow(m_db,
                          u"SELECT o.doc_number, o.rep_login, o.status_reason, o.total_minor, "
                          "o.currency, c.code, c.name FROM sales_orders o JOIN customers c ON "
                          "c.id = o.customer_id WHERE o.id = ?"_s,
                          {orderId});
    if (!order)
        return order.error();
    if (order->isEmpty())
        return notFound(u"unknown sales order %1"_s.arg(orderId));
    const Row &o = *order;
    auto r = raise(CreditHold, Finance, o.at(1).toString(), u"sales_order"_s, orderId,
                   u"order %1 of %2 (%3) for %4 is on credit hold: %5"_s.arg(
                       o.at(0).toString(), o.at(6).toString(), o.at(5).toString(),
                       minorText(o.at(3).toLongLong(), o.at(4).toString()), o.at(2).toString()));
    if (!r)
        return r.error();
    return {};
}

Result<void> Alerts::invoiceSettled(const QString &invoiceId)
{
    auto open = queryInt(m_db,
                         u"SELECT i.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM "
                         "ar_allocations a WHERE a.invoice_id = i.id), 0) FROM invoices i "
                         "WHERE i.id = ?"_s,
                         {invoiceId});
    if (!open)
        return open.error();
    if (*open > 0)
        return {};
    auto r = resolveOpen(OverdueInvoice, u"invoice"_s, invoiceId, u"auto: invoice paid"_s);
    if (!r)
        return r.error();
    return {};
}

Result<OverdueScan> Alerts::scanOverdue(const QDate &date)
{
    if (!date.isValid())
        return invalid(u"the scan needs a valid date"_s);
    OverdueScan scan;
    auto r = m_db.transaction([&]() -> Result<void> {
        scan = {};
        // Open invoices past due that never had an overdue alert: an alert resolved by hand
        // stays resolved while the invoice stays unpaid.
        auto due = queryRows(
            m_db,
            u"SELECT i.id, i.doc_number, i.rep_login, i.due_date, i.currency, c.code, c.name, "
            "i.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a "
            "WHERE a.invoice_id = i.id), 0) AS open_minor "
            "FROM invoices i JOIN customers c ON c.id = i.customer_id "
            "WHERE i.kind = 'invoice' AND i.due_date < ? AND NOT EXISTS (SELECT 1 FROM alerts "
            "l WHERE l.kind = 'overdue_invoice' AND l.entity = 'invoice' AND l.entity_id = i.id) "
            "ORDER BY i.due_date, i.doc_number"_s,
            {dateText(date)});
        if (!due)
            return due.error();
        for (const Row &i : *due) {
            const qint64 open = i.at(7).toString().toLongLong();
            if (open <= 0)
                continue;
            auto raised
                = raise(OverdueInvoice, Sales, i.at(2).toString(), u"invoice"_s, i.at(0).toString(),
                        u"invoice %1 of %2 (%3) was due %4: %5 still open"_s.arg(
                            i.at(1).toString(), i.at(6).toString(), i.at(5).toString(),
                            i.at(3).toString(), minorText(open, i.at(4).toString())));
            if (!raised)
                return raised.error();
            scan.raised += *raised ? 1 : 0;
        }
        // Paid since (a payment or credit note always resolves at once; this is for alerts
        // whose invoice was settled some other way, e.g. by a bulk load).
        auto paid = queryRows(
            m_db,
            u"SELECT l.entity_id FROM alerts l JOIN invoices i ON i.id = l.entity_id "
            "WHERE l.kind = 'overdue_invoice' AND l.resolved_at IS NULL AND i.total_minor - "
            "COALESCE((SELECT SUM(a.amount_minor) FROM ar_allocations a WHERE a.invoice_id = "
            "i.id), 0) <= 0"_s);
        if (!paid)
            return paid.error();
        for (const Row &p : *paid) {
            auto resolved = resolveOpen(OverdueInvoice, u"invoice"_s, p.at(0).toString(),
                                        u"auto: invoice paid"_s);
            if (!resolved)
                return resolved.error();
            scan.resolved += *resolved ? 1 : 0;
        }
        return {};
    });
    if (!r)
        return r.error();
    return scan;
}

Result<QList<Alert>> Alerts::visibleTo(const Actor &actor, bool includeResolved, int limit)
{
    if (actor.login.isEmpty())
        return QList<Alert>();
    QString sql = u"SELECT %1 FROM alerts WHERE (recipient = ?"_s.arg(AlertColumns);
    QVariantList bindings {actor.login};
    const QStringList departments = departmentsOf(actor.role);
    if (!departments.isEmpty()) {
        sql += u" OR audience IN (%1)"_s.arg(QStringList(departments.size(), u"?"_s).join(u", "_s));
        for (const QString &d : departments)
            bindings.append(d);
    }
    sql += u')';
    if (!includeResolved)
        sql += u" AND resolved_at IS NULL"_s;
    sql += u" ORDER BY created_at DESC, id DESC LIMIT %1"_s.arg(qBound(1, limit, 1000));
    auto rows = queryRows(m_db, sql, bindings);
    if (!rows)
        return rows.error();
    QList<Alert> out;
    for (const Row &r : *rows)
        out.append(alertFrom(r));
    return out;
}

Result<Alert> Alerts::find(const QString &alertId)
{
    auto row = queryRow(m_db, u"SELECT %1 FROM alerts WHERE id = ?"_s.arg(AlertColumns), {alertId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown alert %1"_s.arg(alertId));
    return alertFrom(*row);
}

Result<Alert> Alerts::resolve(const Actor &actor, const QString &alertId)
{
    Alert resolved;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto before = find(alertId);
        if (!before)
            return before.error();
        if (!maySee(actor, *before))
            return notFound(u"unknown alert %1"_s.arg(alertId));
        if (!before->isOpen())
            return conflict(u"alert %1 was already resolved at %2 by %3"_s.arg(
                alertId, before->resolvedAt, before->resolvedBy));
        auto w = m_db.exec(u"UPDATE alerts SET resolved_at = ?, resolved_by = ? WHERE id = ? "
                           "AND resolved_at IS NULL"_s,
                           {nowUtc(), actor.auditName(), alertId});
        if (!w)
            return w.error();
        if (w->numRowsAffected() == 0) // resolved meanwhile by another transaction
            return conflict(u"alert %1 was already resolved"_s.arg(alertId));
        auto after = find(alertId);
        if (!after)
            return after.error();
        resolved = *after;
        return audit(m_db, actor, u"alert.resolve"_s, u"alert"_s, alertId, alertJson(*before),
                     alertJson(resolved));
    });
    if (!r)
        return r.error();
    return resolved;
}

} // namespace karvan::hq::erp
