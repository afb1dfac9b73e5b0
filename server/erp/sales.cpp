#include "erp/sales.h"

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "erp/alerts.h"
#include "erp/inventory.h"
#include "erp/masterdata.h"
#include "erp/receivables.h"
#include "rules/atp.h"
#include "rules/credit.h"
#include "rules/pricing.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "sync/changefeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

DocumentStatus statusFrom(const QString &name)
{
    DocumentStatus s = DocumentStatus::Draft;
    parseDocumentStatus(name, &s);
    return s;
}

QJsonObject outcomeJson(const OrderOutcome &o)
{
    return {{u"number"_s, o.number},
            {u"status"_s, documentStatusName(o.status)},
            {u"reason"_s, o.reason},
            {u"totalMinor"_s, o.total},
            {u"currency"_s, o.currency}};
}

} // namespace

Result<void> touchOrder(Database &db, const QString &orderId)
{
    auto owner = queryRow(db, u"SELECT customer_id FROM sales_orders WHERE id = ?"_s, {orderId});
    if (!owner)
        return owner.error();
    if (owner->isEmpty())
        return notFound(u"unknown sales order %1"_s.arg(orderId));
    return sync::ChangeFeed(db).touchForCustomer(wire::entity::Order, orderId,
                                                 owner->at(0).toString());
}

Result<OrderOutcome> SalesOrders::find(const QString &orderId)
{
    auto head = queryRow(m_db,
                         u"SELECT id, doc_number, customer_id, currency, status, status_reason, "
                         "net_minor, tax_minor, total_minor FROM sales_orders WHERE id = ?"_s,
                         {orderId});
    if (!head)
        return head.error();
    if (head->isEmpty())
        return notFound(u"unknown sales order %1"_s.arg(orderId));
    const Row &h = *head;
    OrderOutcome o;
    o.orderId = h.at(0).toString();
    o.number = h.at(1).toString();
    o.customerId = h.at(2).toString();
    o.currency = h.at(3).toString();
    o.status = statusFrom(h.at(4).toString());
    o.reason = h.at(5).toString();
    o.net = h.at(6).toLongLong();
    o.tax = h.at(7).toLongLong();
    o.total = h.at(8).toLongLong();
    auto lines = queryRows(m_db,
                           u"SELECT line_no, sku, warehouse_code, base_qty_milli, allocated_milli, "
                           "delivered_milli, invoiced_milli, unit_price_minor, net_minor, "
                           "tax_minor, total_minor FROM sales_order_lines WHERE order_id = ? "
                           "ORDER BY line_no"_s,
                           {orderId});
    if (!lines)
        return lines.error();
    for (const Row &r : *lines) {
        o.lines.append(OrderLineState {
            r.at(0).toInt(), r.at(1).toString(), r.at(2).toString(), r.at(3).toLongLong(),
            r.at(4).toLongLong(), r.at(5).toLongLong(), r.at(6).toLongLong(), r.at(7).toLongLong(),
            r.at(8).toLongLong(), r.at(9).toLongLong(), r.at(10).toLongLong()});
    }
    return o;
}

Result<void> SalesOrders::setStatus(const QString &orderId, DocumentStatus status,
                                    const QString &reason)
{
    if (auto w = execSql(m_db,
                         u"UPDATE sales_orders SET status = ?, status_reason = ?, updated_at = ? "
                         "WHERE id = ?"_s,
                         {documentStatusName(status), reason, nowUtc(), orderId});
        !w)
        return w;
    if (auto a = Alerts(m_db).orderStatusChanged(orderId, status); !a) // credit hold ended
        return a;
    return touchOrder(m_db, orderId);
}

Result<DocumentStatus> SalesOrders::allocateLines(const QString &orderId, QString *shortage)
{
    auto lines = queryRows(m_db,
                           u"SELECT line_no, sku, warehouse_code, base_qty_milli, allocated_milli, "
                           "delivered_milli FROM sales_order_lines WHERE order_id = ? "
                           "ORDER BY line_no"_s,
                           {orderId});
    if (!lines)
        return lines.error();
    Inventory inventory(m_db);
    qint64 totalQty = 0, totalCovered = 0;
    QStringList shortLines;
    for (const Row &r : *lines) {
        const int lineNo = r.at(0).toInt();
        const QString sku = r.at(1).toString();
        QString warehouse = r.at(2).toString();
        const qint64 qty = r.at(3).toLongLong();
        const qint64 covered = r.at(4).toLongLong() + r.at(5).toLongLong();
        totalQty += qty;
        const qint64 remaining = qty - covered;
        if (remaining <= 0) {
            totalCovered += qty;
            continue;
        }
        // Lock the SKU's positions first, so the figures ATP reads are the ones reserved from.
        auto existing
            = queryRows(m_db,
                        u"SELECT warehouse_code FROM stock WHERE sku = ?"_s
                            + (warehouse.isEmpty() ? QString() : u" AND warehouse_code = ?"_s),
                        warehouse.isEmpty() ? QVariantList {sku} : QVariantList {sku, warehouse});
        if (!existing)
            return existing.error();
        for (const Row &w : *existing) {
            if (auto p = inventory.lockPosition(sku, w.at(0).toString()); !p)
                return p.error();
        }
        auto levels = inventory.stockLevels({sku});
        if (!levels)
            return levels.error();
        qint64 promisable = 0;
        if (!levels->isEmpty()) {
            auto atp = AvailableToPromise::compute(*levels, {});
            if (!atp)
                return atp.error();
            auto unit = Quantity::fromMilli(remaining, levels->constFirst().onHand.unit());
            if (!unit)
                return unit.error();
            if (warehouse.isEmpty()) {
                // HQ chooses: the warehouse that can promise the most (ties: first by code).
                if (const SkuAvailability *sa = atp->find(sku)) {
                    for (const WarehouseAvailability &w : sa->warehouses) {
                        auto check = atp->check(sku, *unit, w.warehouseCode);
                        if (!check)
                            return check.error();
                        if (check->promisable.milli() > promisable) {
                            promisable = check->promisable.milli();
                            warehouse = w.warehouseCode;
                        }
                    }
                }
            } else if (atp->find(sku) && atp->find(sku)->warehouse(warehouse)) {
                auto check = atp->check(sku, *unit, warehouse);
                if (!check)
                    return check.error();
                promisable = check->promisable.milli();
            }
        }
        if (promisable > 0) {
            if (auto res = inventory.reserve(sku, warehouse, promisable); !res)
                return res.error();
        }
        if (auto w = execSql(m_db,
                             u"UPDATE sales_order_lines SET allocated_milli = allocated_milli + ?, "
                             "warehouse_code = ? WHERE order_id = ? AND line_no = ?"_s,
                             {promisable, warehouse, orderId, lineNo});
            !w)
            return w.error();
        totalCovered += covered + promisable;
        if (promisable < remaining)
            shortLines.append(u"line %1 (%2): %3 of %4 allocated"_s.arg(lineNo).arg(
                sku, Quantity::fromMilli(covered + promisable, u"x"_s)->toDecimalString(),
                Quantity::fromMilli(qty, u"x"_s)->toDecimalString()));
    }
    if (shortage)
        *shortage
            = shortLines.isEmpty() ? QString() : u"backordered: "_s + shortLines.join(u"; "_s);
    if (totalCovered == totalQty)
        return DocumentStatus::Confirmed;
    // Nothing allocated or delivered at all.
    auto any = queryInt(m_db,
                        u"SELECT COALESCE(SUM(allocated_milli + delivered_milli), 0) FROM "
                        "sales_order_lines WHERE order_id = ?"_s,
                        {orderId});
    if (!any)
        return any.error();
    return *any == 0 ? DocumentStatus::Backordered : DocumentStatus::PartiallyAllocated;
}

CreditRecord creditRecord(const CreditDecision &decision)
{
    QJsonArray reasons;
    CreditRecord out;
    for (const CreditReason &reason : decision.reasons) {
        reasons.append(QJsonObject {{u"code"_s, reason.code}, {u"message"_s, reason.message}});
        out.notes.append(reason.message);
    }
    const QJsonObject json {{u"outcome"_s, creditOutcomeName(decision.outcome)},
                            {u"exposure"_s, decision.exposure.toString()},
                            {u"projected"_s, decision.projected.toString()},
                            {u"reasons"_s, reasons}};
    out.json = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    return out;
}

Result<OrderOutcome> SalesOrders::intake(const Actor &actor, const SalesDocument &document)
{
    if (auto a = authorize(actor, Operation::OrderIntake); !a)
        return a.error();
    if (document.id.isNull())
        return invalid(u"the order has no id"_s);
    if (document.kind != SalesDocument::Kind::Order)
        return invalid(u"only orders are taken at intake; a quote is converted first"_s);
    if (document.lines.isEmpty())
        return invalid(u"the order has no lines"_s);
    if (!document.date.isValid())
        return invalid(u"the order has no valid date"_s);
    OrderOutcome outcome;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto o = intakeInTransaction(actor, document);
        if (!o)
            return o.error();
        outcome = *o;
        return {};
    });
    if (!r)
        return r.error();
    return outcome;
}

Result<OrderOutcome> SalesOrders::intakeInTransaction(const Actor &actor,
                                                      const SalesDocument &document)
{
    const QString orderId = idToString(document.id);
    MasterData master(m_db);
    // Serialize intakes of the same id on PostgreSQL: the customer row is locked below, and a
    // re-sent order is answered from what was recorded.
    auto existing = queryRow(m_db,
                             u"SELECT intake_outcome, intake_reason, customer_id FROM sales_orders "
                             "WHERE id = ?"_s,
                             {orderId});
    if (!existing)
        return existing.error();
    if (!existing->isEmpty()) {
        auto customer = master.findCustomer(existing->at(2).toString());
        if (!customer)
            return customer.error();
        if (auto t = authorizeTerritory(actor, customer->customer.territory); !t)
            return t.error();
        auto found = find(orderId);
        if (!found)
            return found.error();
        OrderOutcome recorded = *found;
        recorded.status = statusFrom(existing->at(0).toString());
        recorded.reason = existing->at(1).toString();
        recorded.replayed = true;
        return recorded;
    }

    auto customer = master.findCustomer(idToString(document.customerId));
    if (!customer)
        return customer.error();
    const Customer &c = customer->customer;
    if (auto t = authorizeTerritory(actor, c.territory); !t)
        return t.error();
    if (auto lock = execSql(m_db,
                            u"SELECT id FROM customers WHERE id = ?"_s
                                + sqldialect::forUpdate(m_db.backend()),
                            {idToString(c.id)});
        !lock)
        return lock.error();
    if (c.archived)
        return conflict(u"customer %1 (%2) is archived and takes no orders"_s.arg(c.code, c.name));
    if (document.currency != c.currency)
        return makeError(ErrorCode::CurrencyMismatch,
                         u"the order is in %1 but customer %2 is billed in %3"_s.arg(
                             document.currency, c.code, c.currency));

    PricingRequest request {c.id, c.territory, c.taxRegion, c.currency, document.date, {}};
    QStringList skus;
    QSet<int> lineNos;
    for (qsizetype i = 0; i < document.lines.size(); ++i) {
        const DocumentLine &line = document.lines.at(i);
        if (!line.quantity.isValid() || line.quantity.milli() <= 0)
            return invalid(
                u"line %1 (SKU %2): quantity must be greater than zero"_s.arg(i + 1).arg(line.sku));
        if (!line.warehouseCode.isEmpty()) {
            auto known = master.warehouseExists(line.warehouseCode);
            if (!known)
                return known.error();
            if (!*known)
                return notFound(
                    u"line %1: unknown warehouse %2"_s.arg(i + 1).arg(line.warehouseCode));
        }
        lineNos.insert(line.lineNo > 0 ? line.lineNo : int(i + 1));
        request.lines.append({line.sku, line.quantity});
        if (!skus.contains(line.sku))
            skus.append(line.sku);
    }
    if (lineNos.size() != document.lines.size())
        return invalid(u"the order has duplicate line numbers"_s);
    auto catalog = master.pricingCatalog(c, skus, c.currency, document.date);
    if (!catalog)
        return catalog.error();
    auto priced = priceDocument(*catalog, request);
    if (!priced)
        return priced.error();

    // Re-pricing is visible: every line whose price differs from what the device showed.
    QStringList notes;
    for (qsizetype i = 0; i < document.lines.size(); ++i) {
        const DocumentLine &sent = document.lines.at(i);
        const PricedLine &hq = priced->lines.at(i);
        if (sent.unitPrice.isValid() && sent.unitPrice != hq.unitPrice)
            notes.append(u"re-priced line %1 (%2): %3 -> %4"_s.arg(i + 1).arg(
                sent.sku, sent.unitPrice.toDecimalString(), hq.unitPrice.toDecimalString()));
    }

    auto inputs = Receivables(m_db).creditInputs(idToString(c.id), c.currency, document.date,
                                                 customer->creditHold);
    if (!inputs)
        return inputs.error();
    CreditInputs in = *inputs;
    in.limit = c.creditLimit;
    in.orderAmount = priced->total;
    auto decision = decideCredit(in);
    if (!decision)
        return decision.error();

    auto number = nextDocumentNumber(m_db, u"SO"_s);
    if (!number)
        return number.error();
    const CreditRecord credit = creditRecord(*decision);
    const QStringList &creditNotes = credit.notes;
    const QString now = nowUtc();
    if (auto w = execSql(
            m_db,
            u"INSERT INTO sales_orders (id, doc_number, customer_id, currency, order_date, status, "
            "status_reason, intake_outcome, intake_reason, credit_decision, net_minor, tax_minor, "
            "total_minor, rep_login, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'draft', '', 'draft', '', ?, ?, ?, ?, ?, ?, ?)"_s,
            {orderId, *number, idToString(c.id), c.currency, dateText(document.date), credit.json,
             priced->net.minorUnits(), priced->tax.minorUnits(), priced->total.minorUnits(),
             actor.login, now, now});
        !w)
        return w.error();
    for (qsizetype i = 0; i < document.lines.size(); ++i) {
        const DocumentLine &sent = document.lines.at(i);
        const PricedLine &hq = priced->lines.at(i);
        const Product &product = catalog->products.value(sent.sku);
        auto base = convertToBase(sent.quantity, product.baseUnit, product.unitConversions);
        if (!base)
            return base.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO sales_order_lines (order_id, line_no, sku, unit, "
                             "qty_milli, base_qty_milli, warehouse_code, unit_price_minor, "
                             "net_minor, tax_minor, total_minor) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {orderId, sent.lineNo > 0 ? sent.lineNo : int(i + 1), sent.sku,
                              sent.quantity.unit(), sent.quantity.milli(), base->milli(),
                              sent.warehouseCode, hq.unitPrice.minorUnits(), hq.net.minorUnits(),
                              hq.tax.minorUnits(), hq.total.minorUnits()});
            !w)
            return w.error();
    }

    DocumentStatus status = DocumentStatus::CreditHold;
    if (decision->isHold()) {
        notes.prepend(u"credit hold: "_s + creditNotes.join(u"; "_s));
    } else {
        if (!creditNotes.isEmpty())
            notes.append(u"credit warning: "_s + creditNotes.join(u"; "_s));
        QString shortage;
        auto allocated = allocateLines(orderId, &shortage);
        if (!allocated)
            return allocated.error();
        status = *allocated;
        if (!shortage.isEmpty())
            notes.append(shortage);
    }
    const QString reason = notes.join(u"; "_s);
    if (auto w = execSql(
            m_db,
            u"UPDATE sales_orders SET status = ?, status_reason = ?, "
            "intake_outcome = ?, intake_reason = ? WHERE id = ?"_s,
            {documentStatusName(status), reason, documentStatusName(status), reason, orderId});
        !w)
        return w.error();
    if (auto a = Alerts(m_db).orderStatusChanged(orderId, status); !a) // held -> finance, rep
        return a.error();
    if (auto f
        = sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Order, orderId, idToString(c.id));
        !f)
        return f.error();
    auto result = find(orderId);
    if (!result)
        return result.error();
    if (auto a = audit(m_db, actor, u"order.intake"_s, u"sales_order"_s, orderId, {},
                       outcomeJson(*result));
        !a)
        return a.error();
    return result;
}

Result<OrderOutcome> SalesOrders::decideHold(const Actor &actor, const QString &orderId,
                                             bool approve, const QString &note)
{
    if (auto a = authorize(actor, Operation::CreditApproval); !a)
        return a.error();
    if (!approve && note.trimmed().isEmpty())
        return invalid(u"a rejection needs a reason"_s);
    OrderOutcome outcome;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto lock = queryRow(m_db,
                             u"SELECT status FROM sales_orders WHERE id = ?"_s
                                 + sqldialect::forUpdate(m_db.backend()),
                             {orderId});
        if (!lock)
            return lock.error();
        auto before = find(orderId);
        if (!before)
            return before.error();
        if (before->status != DocumentStatus::CreditHold)
            return conflict(u"order %1 is %2, not on credit hold"_s.arg(
                before->number, documentStatusName(before->status)));
        DocumentStatus status = DocumentStatus::Rejected;
        QString reason = u"credit hold rejected by %1: %2"_s.arg(actor.login, note);
        if (approve) {
            QString shortage;
            auto allocated = allocateLines(orderId, &shortage);
            if (!allocated)
                return allocated.error();
            status = *allocated;
            reason = u"credit hold approved by %1"_s.arg(actor.login)
                + (note.isEmpty() ? QString() : u": "_s + note)
                + (shortage.isEmpty() ? QString() : u"; "_s + shortage);
        }
        if (auto s = setStatus(orderId, status, reason); !s)
            return s;
        auto after = find(orderId);
        if (!after)
            return after.error();
        outcome = *after;
        return audit(m_db, actor, approve ? u"order.credit_approve"_s : u"order.credit_reject"_s,
                     u"sales_order"_s, orderId, outcomeJson(*before), outcomeJson(*after));
    });
    if (!r)
        return r.error();
    return outcome;
}

Result<OrderOutcome> SalesOrders::approveCreditHold(const Actor &actor, const QString &orderId,
                                                    const QString &note)
{
    return decideHold(actor, orderId, true, note);
}

Result<OrderOutcome> SalesOrders::rejectCreditHold(const Actor &actor, const QString &orderId,
                                                   const QString &reason)
{
    return decideHold(actor, orderId, false, reason);
}

Result<OrderOutcome> SalesOrders::allocate(const Actor &actor, const QString &orderId)
{
    if (auto a = authorize(actor, Operation::OrderAllocate); !a)
        return a.error();
    OrderOutcome outcome;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto before = find(orderId);
        if (!before)
            return before.error();
        if (before->status != DocumentStatus::Backordered
            && before->status != DocumentStatus::PartiallyAllocated)
            return conflict(
                u"order %1 is %2; only backordered or partially allocated orders "
                "are allocated again"_s.arg(before->number, documentStatusName(before->status)));
        QString shortage;
        auto status = allocateLines(orderId, &shortage);
        if (!status)
            return status.error();
        if (auto s = setStatus(orderId, *status, shortage); !s)
            return s;
        auto after = find(orderId);
        if (!after)
            return after.error();
        outcome = *after;
        return audit(m_db, actor, u"order.allocate"_s, u"sales_order"_s, orderId,
                     outcomeJson(*before), outcomeJson(*after));
    });
    if (!r)
        return r.error();
    return outcome;
}

Result<OrderOutcome> SalesOrders::cancel(const Actor &actor, const QString &orderId,
                                         const QString &reason)
{
    if (auto a = authorize(actor, Operation::OrderCancel); !a)
        return a.error();
    OrderOutcome outcome;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto before = find(orderId);
        if (!before)
            return before.error();
        auto customer = MasterData(m_db).findCustomer(before->customerId);
        if (!customer)
            return customer.error();
        if (auto t = authorizeTerritory(actor, customer->customer.territory); !t)
            return t;
        switch (before->status) {
        case DocumentStatus::Confirmed:
        case DocumentStatus::CreditHold:
        case DocumentStatus::Backordered:
        case DocumentStatus::PartiallyAllocated:
            break;
        default:
            return conflict(u"order %1 is %2 and cannot be cancelled"_s.arg(
                before->number, documentStatusName(before->status)));
        }
        Inventory inventory(m_db);
        for (const OrderLineState &line : before->lines) {
            if (line.delivered > 0)
                return conflict(
                    u"order %1 has deliveries; return the goods instead"_s.arg(before->number));
            if (line.allocated > 0) {
                if (auto rel = inventory.release(line.sku, line.warehouse, line.allocated); !rel)
                    return rel;
            }
        }
        if (auto w = execSql(
                m_db, u"UPDATE sales_order_lines SET allocated_milli = 0 WHERE order_id = ?"_s,
                {orderId});
            !w)
            return w;
        if (auto s = setStatus(orderId, DocumentStatus::Cancelled,
                               u"cancelled by %1: %2"_s.arg(actor.login, reason));
            !s)
            return s;
        auto after = find(orderId);
        if (!after)
            return after.error();
        outcome = *after;
        return audit(m_db, actor, u"order.cancel"_s, u"sales_order"_s, orderId,
                     outcomeJson(*before), outcomeJson(*after));
    });
    if (!r)
        return r.error();
    return outcome;
}

} // namespace karvan::hq::erp
