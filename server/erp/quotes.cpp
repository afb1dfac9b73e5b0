#include "erp/quotes.h"

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "erp/masterdata.h"
#include "rules/pricing.h"
#include "storage/database.h"
#include "sync/changefeed.h"

#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

Result<SalesDocument> Quotes::find(const QString &quoteId)
{
    auto head = queryRow(m_db,
                         u"SELECT doc_number, customer_id, currency, quote_date, valid_until, "
                         "status, status_reason, net_minor, tax_minor, total_minor, rep_login, "
                         "created_at FROM sales_quotes WHERE id = ?"_s,
                         {quoteId});
    if (!head)
        return head.error();
    if (head->isEmpty())
        return notFound(u"unknown quote %1"_s.arg(quoteId));
    const Row &h = *head;
    SalesDocument d;
    d.id = QUuid::fromString(quoteId);
    d.kind = SalesDocument::Kind::Quote;
    d.number = h.at(0).toString();
    d.customerId = QUuid::fromString(h.at(1).toString());
    d.currency = h.at(2).toString();
    d.date = QDate::fromString(h.at(3).toString(), Qt::ISODate);
    d.validUntil = QDate::fromString(h.at(4).toString(), Qt::ISODate);
    DocumentStatus status = DocumentStatus::Confirmed;
    parseDocumentStatus(h.at(5).toString(), &status);
    // Expiry is a matter of the calendar, not of a write.
    if (status == DocumentStatus::Confirmed && d.validUntil.isValid()
        && d.validUntil < QDate::currentDate())
        status = DocumentStatus::Expired;
    d.status = status;
    d.statusReason = h.at(6).toString();
    auto money = [&](const QVariant &v) {
        return Money::fromMinor(v.toLongLong(), d.currency);
    };
    auto net = money(h.at(7));
    auto tax = money(h.at(8));
    auto total = money(h.at(9));
    if (!net || !tax || !total)
        return invalid(u"quote %1 has an unknown currency %2"_s.arg(d.number, d.currency));
    d.net = *net;
    d.tax = *tax;
    d.total = *total;
    d.createdBy = h.at(10).toString();
    d.createdAt = QDateTime::fromString(h.at(11).toString(), Qt::ISODateWithMs);
    auto lines = queryRows(m_db,
                           u"SELECT line_no, sku, unit, qty_milli, warehouse_code, "
                           "unit_price_minor, net_minor, tax_minor, total_minor "
                           "FROM sales_quote_lines WHERE quote_id = ? ORDER BY line_no"_s,
                           {quoteId});
    if (!lines)
        return lines.error();
    for (const Row &r : *lines) {
        DocumentLine l;
        l.lineNo = r.at(0).toInt();
        l.sku = r.at(1).toString();
        auto qty = Quantity::fromMilli(r.at(3).toLongLong(), r.at(2).toString());
        if (!qty)
            return qty.error();
        l.quantity = *qty;
        l.warehouseCode = r.at(4).toString();
        l.unitPrice = money(r.at(5)).value();
        l.lineNet = money(r.at(6)).value();
        l.lineTax = money(r.at(7)).value();
        l.lineTotal = money(r.at(8)).value();
        d.lines.append(l);
    }
    return d;
}

Result<bool> Quotes::markConverted(const QString &quoteId, const QString &orderId,
                                   const QString &customerId)
{
    auto head
        = queryRow(m_db, u"SELECT customer_id, converted_order_id FROM sales_quotes WHERE id = ?"_s,
                   {quoteId});
    if (!head)
        return head.error();
    if (head->isEmpty() || head->at(0).toString() != customerId)
        return false;
    const QString already = head->at(1).toString();
    if (already == orderId)
        return true;
    if (!already.isEmpty())
        return false;
    if (auto w
        = execSql(m_db,
                  u"UPDATE sales_quotes SET status = ?, converted_order_id = ?, "
                  "updated_at = ? WHERE id = ?"_s,
                  {documentStatusName(DocumentStatus::Converted), orderId, nowUtc(), quoteId});
        !w)
        return w.error();
    if (auto t = sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Quote, quoteId, customerId);
        !t)
        return t.error();
    return true;
}

Result<QuoteOutcome> Quotes::create(const Actor &actor, const SalesDocument &document)
{
    if (auto a = authorize(actor, Operation::OrderIntake); !a)
        return a.error();
    if (document.id.isNull())
        return invalid(u"the quote has no id"_s);
    if (document.kind != SalesDocument::Kind::Quote)
        return invalid(u"not a quote"_s);
    if (document.lines.isEmpty())
        return invalid(u"the quote has no lines"_s);
    if (!document.date.isValid())
        return invalid(u"the quote has no valid date"_s);
    const QDate validUntil = document.validUntil.isValid()
        ? document.validUntil
        : document.date.addDays(DefaultValidityDays);
    if (validUntil < document.date)
        return invalid(u"the quote is valid until %1, before its date %2"_s.arg(
            dateText(validUntil), dateText(document.date)));
    if (document.date.daysTo(validUntil) > MaxValidityDays)
        return invalid(u"a quote is valid for at most %1 days"_s.arg(MaxValidityDays));

    const QString quoteId = idToString(document.id);
    QuoteOutcome outcome;
    auto r = m_db.transaction([&]() -> Result<void> {
        MasterData master(m_db);
        auto existing = find(quoteId);
        if (existing) {
            auto owner = master.findCustomer(idToString(existing->customerId));
            if (!owner)
                return owner.error();
            if (auto t = authorizeTerritory(actor, owner->customer.territory); !t)
                return t;
            outcome.quote = *existing;
            outcome.replayed = true;
            return {};
        }
        if (existing.error().code != ErrorCode::NotFound)
            return existing.error();

        auto customer = master.findCustomer(idToString(document.customerId));
        if (!customer)
            return customer.error();
        const Customer &c = customer->customer;
        if (auto t = authorizeTerritory(actor, c.territory); !t)
            return t;
        if (c.archived)
            return conflict(
                u"customer %1 (%2) is archived and takes no quotes"_s.arg(c.code, c.name));
        if (document.currency != c.currency)
            return makeError(ErrorCode::CurrencyMismatch,
                             u"the quote is in %1 but customer %2 is billed in %3"_s.arg(
                                 document.currency, c.code, c.currency));

        PricingRequest request {c.id, c.territory, c.taxRegion, c.currency, document.date, {}};
        QStringList skus;
        QSet<int> lineNos;
        for (qsizetype i = 0; i < document.lines.size(); ++i) {
            const DocumentLine &line = document.lines.at(i);
            if (!line.quantity.isValid() || line.quantity.milli() <= 0)
                return invalid(
                    u"line %1 (SKU %2): quantity must be greater than zero"_s.arg(i + 1).arg(
                        line.sku));
            lineNos.insert(line.lineNo > 0 ? line.lineNo : int(i + 1));
            request.lines.append({line.sku, line.quantity});
            if (!skus.contains(line.sku))
                skus.append(line.sku);
        }
        if (lineNos.size() != document.lines.size())
            return invalid(u"the quote has duplicate line numbers"_s);
        auto catalog = master.pricingCatalog(c, skus, c.currency, document.date);
        if (!catalog)
            return catalog.error();
        auto priced = priceDocument(*catalog, request);
        if (!priced)
            return priced.error();
        for (qsizetype i = 0; i < document.lines.size(); ++i) {
            const DocumentLine &sent = document.lines.at(i);
            const PricedLine &hq = priced->lines.at(i);
            if (sent.unitPrice.isValid() && sent.unitPrice != hq.unitPrice)
                outcome.repricedLines.append(u"re-priced line %1 (%2): %3 -> %4"_s.arg(i + 1).arg(
                    sent.sku, sent.unitPrice.toDecimalString(), hq.unitPrice.toDecimalString()));
        }
        outcome.totalsDiffer = document.total.isValid() && document.total != priced->total;

        auto number = nextDocumentNumber(m_db, u"Q"_s);
        if (!number)
            return number.error();
        const QString now = nowUtc();
        const QString reason = outcome.repricedLines.join(u"; "_s);
        if (auto w = execSql(
                m_db,
                u"INSERT INTO sales_quotes (id, doc_number, customer_id, currency, quote_date, "
                "valid_until, status, status_reason, net_minor, tax_minor, total_minor, "
                "rep_login, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {quoteId, *number, idToString(c.id), c.currency, dateText(document.date),
                 dateText(validUntil), documentStatusName(DocumentStatus::Confirmed), reason,
                 priced->net.minorUnits(), priced->tax.minorUnits(), priced->total.minorUnits(),
                 actor.login, now, now});
            !w)
            return w;
        for (qsizetype i = 0; i < document.lines.size(); ++i) {
            const DocumentLine &sent = document.lines.at(i);
            const PricedLine &hq = priced->lines.at(i);
            if (auto w = execSql(m_db,
                                 u"INSERT INTO sales_quote_lines (quote_id, line_no, sku, unit, "
                                 "qty_milli, warehouse_code, unit_price_minor, net_minor, "
                                 "tax_minor, total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                 {quoteId, sent.lineNo > 0 ? sent.lineNo : int(i + 1), sent.sku,
                                  sent.quantity.unit(), sent.quantity.milli(), sent.warehouseCode,
                                  hq.unitPrice.minorUnits(), hq.net.minorUnits(),
                                  hq.tax.minorUnits(), hq.total.minorUnits()});
                !w)
                return w;
        }
        auto stored = find(quoteId);
        if (!stored)
            return stored.error();
        outcome.quote = *stored;
        if (auto a = audit(m_db, actor, u"quote.create"_s, u"sales_quote"_s, quoteId, {},
                           {{u"number"_s, stored->number},
                            {u"valid_until"_s, dateText(validUntil)},
                            {u"totalMinor"_s, stored->total.minorUnits()},
                            {u"currency"_s, stored->currency}});
            !a)
            return a;
        return sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Quote, quoteId,
                                                       idToString(c.id));
    });
    if (!r)
        return r.error();
    return outcome;
}

} // namespace karvan::hq::erp
