#pragma once

// A DemoSink that streams the demo company as newline-delimited JSON, one document per record
// (the records StoreDemoSink counts, in the generator's order): `_id` is the entity's UUID and
// `type` its kind. Entities json.h has a view for use it (its "id" becomes "_id"); the few it
// lacks get small views here. Records without an id of their own (tax rules, negotiated prices,
// stock levels) get a name-based UUID (v5) of their natural key, so every export of the same
// seed is byte-identical. Nothing is kept in memory but the current line.

#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "domain/json.h"

#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace karvan {

using namespace Qt::StringLiterals;

class NdjsonSink : public DemoSink
{
public:
    explicit NdjsonSink(QIODevice &out)
        : m_out(out)
    { }

    qint64 documents() const { return m_documents; }
    qint64 bytes() const { return m_bytes; }
    const std::map<QString, qint64> &countsByType() const { return m_counts; }

    Result<void> warehouse(const Warehouse &w) override
    {
        return write(u"warehouse"_s, w.id,
                     {{u"code"_s, w.code},
                      {u"name"_s, w.name},
                      {u"region"_s, w.region},
                      {u"store"_s, w.store}});
    }
    Result<void> taxRule(const TaxRule &t) override
    {
        return write(u"tax_rule"_s, derivedId(u"tax_rule/"_s + t.taxClass + u'/' + t.region),
                     {{u"tax_class"_s, t.taxClass},
                      {u"region"_s, t.region},
                      {u"rate_basis_points"_s, t.rateBasisPoints},
                      {u"inclusive"_s, t.inclusive},
                      {u"name"_s, t.name}});
    }
    Result<void> product(const Product &p) override
    {
        return write(u"product"_s, json::product(p));
    }
    Result<void> priceList(const PriceList &l) override
    {
        QJsonArray entries;
        for (const PriceListEntry &e : l.entries) {
            QJsonArray tiers;
            for (const PriceTier &t : e.tiers)
                tiers.append(QJsonObject {{u"min_quantity"_s, json::quantity(t.minQuantity)},
                                          {u"unit_price"_s, json::money(t.unitPrice)}});
            entries.append(
                QJsonObject {{u"sku"_s, e.sku}, {u"unit"_s, e.unit}, {u"tiers"_s, tiers}});
        }
        return write(u"price_list"_s, l.id,
                     {{u"code"_s, l.code},
                      {u"name"_s, l.name},
                      {u"currency"_s, l.currency},
                      {u"is_base"_s, l.isBase},
                      {u"entries"_s, entries}});
    }
    Result<void> promotion(const Promotion &p) override
    {
        const bool percent = p.kind == Promotion::Kind::PercentOff;
        return write(
            u"promotion"_s, p.id,
            {{u"code"_s, p.code},
             {u"name"_s, p.name},
             {u"kind"_s, percent ? u"percent_off"_s : u"amount_off"_s},
             {u"percent_basis_points"_s, p.percentBasisPoints},
             {u"amount_off_per_unit"_s, json::money(p.amountOffPerUnit)},
             {u"valid_from"_s, date(p.validFrom)},
             {u"valid_to"_s, date(p.validTo)},
             {u"skus"_s, QJsonArray::fromStringList(p.skus)},
             {u"territories"_s, QJsonArray::fromStringList(p.territories)},
             {u"min_quantity"_s, p.minQuantity ? json::quantity(*p.minQuantity) : QJsonValue()}});
    }
    Result<void> customer(const Customer &c) override
    {
        return write(u"customer"_s, json::customer(c));
    }
    Result<void> customerPrice(const CustomerPrice &p) override
    {
        const QString customer = idToString(p.customerId);
        return write(u"customer_price"_s, derivedId(u"customer_price/"_s + customer + u'/' + p.sku),
                     {{u"customer_id"_s, customer},
                      {u"sku"_s, p.sku},
                      {u"unit_price"_s, json::money(p.unitPrice)},
                      {u"valid_from"_s, p.validFrom ? date(*p.validFrom) : QJsonValue()},
                      {u"valid_to"_s, p.validTo ? date(*p.validTo) : QJsonValue()}});
    }
    Result<void> stockLevel(const StockLevel &s) override
    {
        return write(u"stock_level"_s,
                     derivedId(u"stock_level/"_s + s.sku + u'/' + s.warehouseCode),
                     {{u"sku"_s, s.sku},
                      {u"warehouse"_s, s.warehouseCode},
                      {u"on_hand"_s, json::quantity(s.onHand)},
                      {u"reserved"_s, json::quantity(s.reserved)},
                      {u"as_of"_s, s.asOf.toUTC().toString(Qt::ISODateWithMs)}});
    }
    Result<void> salesDocument(const SalesDocument &d) override
    {
        return write(u"sales_document"_s, json::document(d));
    }
    Result<void> invoice(const Invoice &i) override
    {
        return write(u"invoice"_s, json::invoice(i));
    }
    Result<void> payment(const Payment &p) override
    {
        return write(u"payment"_s, json::payment(p));
    }
    Result<void> ticket(const Ticket &t) override { return write(u"ticket"_s, json::ticket(t)); }
    Result<void> activity(const Activity &a) override
    {
        return write(u"activity"_s, json::activity(a));
    }
    Result<void> opportunity(const Opportunity &o) override
    {
        return write(u"opportunity"_s, json::opportunity(o));
    }

private:
    static QJsonValue date(const QDate &d)
    {
        return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
    }
    static QUuid derivedId(const QString &key)
    {
        static const QUuid ns(u"6f1d0a52-3c2b-4e8e-9a5d-4b6f0c1e7a90"_s);
        return QUuid::createUuidV5(ns, key);
    }

    Result<void> write(const QString &type, const QUuid &id, QJsonObject doc)
    {
        doc.insert(u"_id"_s, idToString(id));
        return write(type, std::move(doc));
    }
    // `doc` is a json.h view: its "id" becomes "_id".
    Result<void> write(const QString &type, QJsonObject doc)
    {
        if (const auto it = doc.constFind(u"id"_s); it != doc.constEnd()) {
            doc.insert(u"_id"_s, *it);
            doc.remove(u"id"_s);
        }
        doc.insert(u"type"_s, type);
        QByteArray line = QJsonDocument(doc).toJson(QJsonDocument::Compact);
        line.append('\n');
        if (m_out.write(line) != line.size())
            return makeError(ErrorCode::Storage, m_out.errorString());
        ++m_documents;
        m_bytes += line.size();
        ++m_counts[type];
        return {};
    }

    QIODevice &m_out;
    qint64 m_documents = 0;
    qint64 m_bytes = 0;
    std::map<QString, qint64> m_counts;
};

} // namespace karvan
