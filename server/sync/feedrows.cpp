#include "sync/feedrows.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "domain/wirerows.h"
#include "erp/masterdata.h"
#include "storage/database.h"

#include <QCborArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

using erp::Row;
using RowMap = QHash<QString, QCborMap>;

constexpr qsizetype Chunk = 500; // bound variables per IN (...), well below both backends' limits

QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_s);
    return marks.join(u", "_s);
}

// Runs sql (with "%1" for the IN list) for every chunk of keys, calling each for every row.
Result<void> forChunks(Database &db, const QString &sql, const QStringList &keys,
                       const std::function<Result<void>(const Row &)> &each)
{
    for (qsizetype at = 0; at < keys.size(); at += Chunk) {
        const QStringList chunk = keys.mid(at, Chunk);
        QVariantList bindings;
        bindings.reserve(chunk.size());
        for (const QString &k : chunk)
            bindings.append(k);
        auto q = db.exec(sql.arg(placeholders(chunk.size())), bindings);
        if (!q)
            return q.error();
        const int columns = q.value().record().count();
        Row row;
        while (q.value().next()) {
            row.resize(columns);
            for (int i = 0; i < columns; ++i)
                row[i] = q.value().value(i);
            if (auto r = each(row); !r)
                return r;
        }
    }
    return {};
}

// Conversions from stored columns; the first failure is kept and reported once.
struct Converter
{
    std::optional<Error> error;
    QString what;

    Money money(const QVariant &minor, const QString &currency)
    {
        auto m = Money::fromMinor(minor.toLongLong(), currency);
        if (!m) {
            fail(m.error());
            return {};
        }
        return *m;
    }
    Quantity quantity(const QVariant &milli, const QString &unit)
    {
        auto q = Quantity::fromMilli(milli.toLongLong(), unit);
        if (!q) {
            fail(q.error());
            return {};
        }
        return *q;
    }
    void fail(const Error &e)
    {
        if (!error)
            error = makeError(ErrorCode::Storage, what + u": "_s + e.message);
    }
};

QDate date(const QVariant &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QDateTime time(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

// "A@B" split at the last '@' (ids of stock, tax rules and customer prices).
std::pair<QString, QString> splitId(const QString &id)
{
    const qsizetype at = id.lastIndexOf(u'@');
    if (at < 0)
        return {id, QString()};
    return {id.left(at), id.mid(at + 1)};
}

Result<RowMap> customers(Database &db, const QStringList &ids)
{
    QHash<QString, QCborMap> hlcs;
    auto v = forChunks(db,
                       u"SELECT customer_id, field, hlc FROM customer_field_versions "
                       "WHERE customer_id IN (%1)"_s,
                       ids, [&](const Row &r) -> Result<void> {
                           hlcs[r.at(0).toString()].insert(r.at(1).toString(), r.at(2).toString());
                           return {};
                       });
    if (!v)
        return v.error();
    RowMap out;
    auto c = forChunks(
        db, u"SELECT %1 FROM customers WHERE id IN (%2)"_s.arg(erp::CustomerColumns, u"%1"_s), ids,
        [&](const Row &r) -> Result<void> {
            auto record = erp::customerFromRow(r);
            if (!record)
                return record.error();
            const QString id = r.at(0).toString();
            QCborMap row = wire::customerRow(record->customer);
            row.insert(u"field_hlc"_s, hlcs.value(id));
            row.insert(u"credit_hold"_s, record->creditHold);
            out.insert(id, row);
            return {};
        });
    if (!c)
        return c.error();
    return out;
}

Result<RowMap> products(Database &db, const QStringList &ids)
{
    RowMap out;
    auto r = forChunks(
        db, u"SELECT %1 FROM products WHERE id IN (%2)"_s.arg(erp::ProductColumns, u"%1"_s), ids,
        [&](const Row &row) -> Result<void> {
            auto p = erp::productFromRow(row);
            if (!p)
                return p.error();
            out.insert(row.at(0).toString(), wire::productRow(*p));
            return {};
        });
    if (!r)
        return r.error();
    return out;
}

Result<RowMap> priceLists(Database &db, const QStringList &ids)
{
    QHash<QString, PriceList> lists;
    auto h = forChunks(db,
                       u"SELECT id, code, name, currency, is_base FROM price_lists "
                       "WHERE id IN (%1)"_s,
                       ids, [&](const Row &r) -> Result<void> {
                           PriceList l;
                           l.id = QUuid::fromString(r.at(0).toString());
                           l.code = r.at(1).toString();
                           l.name = r.at(2).toString();
                           l.currency = r.at(3).toString();
                           l.isBase = r.at(4).toInt() != 0;
                           lists.insert(r.at(0).toString(), l);
                           return {};
                       });
    if (!h)
        return h.error();
    Converter conv {{}, u"price list"_s};
    auto t = forChunks(db,
                       u"SELECT price_list_id, sku, unit, min_milli, min_unit, unit_price_minor "
                       "FROM price_list_tiers WHERE price_list_id IN (%1) "
                       "ORDER BY price_list_id, sku, unit, min_milli"_s,
                       lists.keys(), [&](const Row &r) -> Result<void> {
                           PriceList &l = lists[r.at(0).toString()];
                           const QString sku = r.at(1).toString();
                           const QString unit = r.at(2).toString();
                           if (l.entries.isEmpty() || l.entries.constLast().sku != sku
                               || l.entries.constLast().unit != unit)
                               l.entries.append(PriceListEntry {sku, unit, {}});
                           const QString minUnit = r.at(4).toString().isEmpty()
                               ? (unit.isEmpty() ? u"ea"_s : unit)
                               : r.at(4).toString();
                           l.entries.last().tiers.append(PriceTier {
                               conv.quantity(r.at(3), minUnit), conv.money(r.at(5), l.currency)});
                           return {};
                       });
    if (!t)
        return t.error();
    if (conv.error)
        return *conv.error;
    RowMap out;
    for (auto it = lists.cbegin(); it != lists.cend(); ++it)
        out.insert(it.key(), wire::priceListRow(it.value()));
    return out;
}

Result<RowMap> customerPrices(Database &db, const QStringList &ids)
{
    QSet<QString> wanted(ids.cbegin(), ids.cend());
    QStringList customerIds;
    for (const QString &id : ids)
        customerIds.append(splitId(id).first);
    customerIds.removeDuplicates();
    // The newest price of each customer and SKU (ids are UUIDv7: time-ordered).
    QHash<QString, std::pair<QString, CustomerPrice>> newest;
    Converter conv {{}, u"customer price"_s};
    auto r = forChunks(
        db,
        u"SELECT id, customer_id, sku, unit_price_minor, currency, valid_from, valid_to "
        "FROM customer_prices WHERE customer_id IN (%1)"_s,
        customerIds, [&](const Row &row) -> Result<void> {
            const QString key = row.at(1).toString() + u'@' + row.at(2).toString();
            if (!wanted.contains(key))
                return {};
            const QString id = row.at(0).toString();
            auto found = newest.constFind(key);
            if (found != newest.cend() && found->first > id)
                return {};
            CustomerPrice p;
            p.customerId = QUuid::fromString(row.at(1).toString());
            p.sku = row.at(2).toString();
            p.unitPrice = conv.money(row.at(3), row.at(4).toString());
            if (!row.at(5).isNull())
                p.validFrom = date(row.at(5));
            if (!row.at(6).isNull())
                p.validTo = date(row.at(6));
            newest.insert(key, {id, p});
            return {};
        });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    RowMap out;
    for (auto it = newest.cbegin(); it != newest.cend(); ++it)
        out.insert(it.key(), wire::customerPriceRow(it->second));
    return out;
}

QStringList jsonStrings(const QVariant &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toString().toUtf8()).array())
        out.append(v.toString());
    return out;
}

Result<RowMap> promotions(Database &db, const QStringList &ids)
{
    RowMap out;
    Converter conv {{}, u"promotion"_s};
    auto r = forChunks(db,
                       u"SELECT id, code, name, kind, percent_bp, amount_off_minor, currency, "
                       "valid_from, valid_to, skus, territories, min_milli, min_unit "
                       "FROM promotions WHERE id IN (%1)"_s,
                       ids, [&](const Row &row) -> Result<void> {
                           Promotion p;
                           p.id = QUuid::fromString(row.at(0).toString());
                           p.code = row.at(1).toString();
                           p.name = row.at(2).toString();
                           p.kind = row.at(3).toString() == u"amount_off"_s
                               ? Promotion::Kind::AmountOff
                               : Promotion::Kind::PercentOff;
                           p.percentBasisPoints = row.at(4).toInt();
                           if (!row.at(6).toString().isEmpty())
                               p.amountOffPerUnit = conv.money(row.at(5), row.at(6).toString());
                           p.validFrom = date(row.at(7));
                           p.validTo = date(row.at(8));
                           p.skus = jsonStrings(row.at(9));
                           p.territories = jsonStrings(row.at(10));
                           if (!row.at(11).isNull())
                               p.minQuantity = conv.quantity(row.at(11), row.at(12).toString());
                           out.insert(row.at(0).toString(), wire::promotionRow(p));
                           return {};
                       });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    return out;
}

Result<RowMap> taxRules(Database &db, const QStringList &ids)
{
    QSet<QString> wanted(ids.cbegin(), ids.cend());
    QStringList classes;
    for (const QString &id : ids)
        classes.append(splitId(id).first);
    classes.removeDuplicates();
    RowMap out;
    auto r = forChunks(
        db,
        u"SELECT tax_class, region, rate_bp, inclusive, name FROM tax_rules "
        "WHERE tax_class IN (%1)"_s,
        classes, [&](const Row &row) -> Result<void> {
            const QString id = wire::taxRuleRowId(row.at(0).toString(), row.at(1).toString());
            if (!wanted.contains(id))
                return {};
            out.insert(id,
                       wire::taxRuleRow(TaxRule {row.at(0).toString(), row.at(1).toString(),
                                                 row.at(2).toInt(), row.at(3).toInt() != 0,
                                                 row.at(4).toString()}));
            return {};
        });
    if (!r)
        return r.error();
    return out;
}

Result<RowMap> warehouses(Database &db, const QStringList &ids)
{
    RowMap out;
    auto r = forChunks(
        db, u"SELECT id, code, name, region, store FROM warehouses WHERE id IN (%1)"_s, ids,
        [&](const Row &row) -> Result<void> {
            out.insert(row.at(0).toString(),
                       wire::warehouseRow(Warehouse {QUuid::fromString(row.at(0).toString()),
                                                     row.at(1).toString(), row.at(2).toString(),
                                                     row.at(3).toString(), row.at(4).toString()}));
            return {};
        });
    if (!r)
        return r.error();
    return out;
}

Result<RowMap> stock(Database &db, const QStringList &ids)
{
    QSet<QString> wanted(ids.cbegin(), ids.cend());
    QStringList skus;
    for (const QString &id : ids)
        skus.append(splitId(id).first);
    skus.removeDuplicates();
    RowMap out;
    Converter conv {{}, u"stock"_s};
    auto r = forChunks(db,
                       u"SELECT s.sku, s.warehouse_code, s.on_hand_milli, s.reserved_milli, "
                       "s.updated_at, p.base_unit FROM stock s JOIN products p ON p.sku = s.sku "
                       "WHERE s.sku IN (%1)"_s,
                       skus, [&](const Row &row) -> Result<void> {
                           const QString id
                               = wire::stockRowId(row.at(0).toString(), row.at(1).toString());
                           if (!wanted.contains(id))
                               return {};
                           const QString unit = row.at(5).toString();
                           StockLevel level {row.at(0).toString(), row.at(1).toString(),
                                             conv.quantity(row.at(2), unit),
                                             conv.quantity(row.at(3), unit), time(row.at(4))};
                           out.insert(id, wire::stockRow(level));
                           return {};
                       });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    return out;
}

// Orders (sales_orders) and quotes (sales_quotes) with their lines.
Result<RowMap> documents(Database &db, const QStringList &ids, SalesDocument::Kind kind)
{
    const bool quotes = kind == SalesDocument::Kind::Quote;
    QHash<QString, SalesDocument> docs;
    Converter conv {{}, quotes ? u"quote"_s : u"order"_s};
    const QString head = quotes
        ? u"SELECT id, doc_number, customer_id, currency, quote_date, status, status_reason, "
          "net_minor, tax_minor, total_minor, rep_login, created_at, valid_until "
          "FROM sales_quotes WHERE id IN (%1)"_s
        : u"SELECT id, doc_number, customer_id, currency, order_date, status, status_reason, "
          "net_minor, tax_minor, total_minor, rep_login, created_at FROM sales_orders "
          "WHERE id IN (%1)"_s;
    auto h = forChunks(db, head, ids, [&](const Row &r) -> Result<void> {
        SalesDocument d;
        d.id = QUuid::fromString(r.at(0).toString());
        d.kind = kind;
        d.number = r.at(1).toString();
        d.customerId = QUuid::fromString(r.at(2).toString());
        d.currency = r.at(3).toString();
        d.date = date(r.at(4));
        if (!parseDocumentStatus(r.at(5).toString(), &d.status))
            conv.fail(
                makeError(ErrorCode::Storage, u"unknown status \"%1\""_s.arg(r.at(5).toString())));
        d.statusReason = r.at(6).toString();
        d.net = conv.money(r.at(7), d.currency);
        d.tax = conv.money(r.at(8), d.currency);
        d.total = conv.money(r.at(9), d.currency);
        d.createdBy = r.at(10).toString();
        d.createdAt = time(r.at(11));
        if (quotes)
            d.validUntil = date(r.at(12));
        docs.insert(r.at(0).toString(), d);
        return {};
    });
    if (!h)
        return h.error();
    const QStringList found = docs.keys();
    const QString lines = quotes
        ? u"SELECT quote_id, line_no, sku, unit, qty_milli, warehouse_code, unit_price_minor, "
          "net_minor, tax_minor, total_minor FROM sales_quote_lines WHERE quote_id IN (%1) "
          "ORDER BY quote_id, line_no"_s
        : u"SELECT order_id, line_no, sku, unit, qty_milli, warehouse_code, unit_price_minor, "
          "net_minor, tax_minor, total_minor FROM sales_order_lines WHERE order_id IN (%1) "
          "ORDER BY order_id, line_no"_s;
    auto l = forChunks(db, lines, found, [&](const Row &r) -> Result<void> {
        SalesDocument &d = docs[r.at(0).toString()];
        DocumentLine line;
        line.lineNo = r.at(1).toInt();
        line.sku = r.at(2).toString();
        line.quantity = conv.quantity(r.at(4), r.at(3).toString());
        line.warehouseCode = r.at(5).toString();
        line.unitPrice = conv.money(r.at(6), d.currency);
        line.lineNet = conv.money(r.at(7), d.currency);
        line.lineTax = conv.money(r.at(8), d.currency);
        line.lineTotal = conv.money(r.at(9), d.currency);
        d.lines.append(line);
        return {};
    });
    if (!l)
        return l.error();
    if (!quotes) {
        auto s = forChunks(db,
                           u"SELECT converted_order_id, id FROM sales_quotes "
                           "WHERE converted_order_id IN (%1)"_s,
                           found, [&](const Row &r) -> Result<void> {
                               docs[r.at(0).toString()].sourceQuoteId
                                   = QUuid::fromString(r.at(1).toString());
                               return {};
                           });
        if (!s)
            return s.error();
    }
    if (conv.error)
        return *conv.error;
    RowMap out;
    for (auto it = docs.cbegin(); it != docs.cend(); ++it)
        out.insert(it.key(), wire::documentRow(it.value()));
    return out;
}

Result<RowMap> invoices(Database &db, const QStringList &ids)
{
    QHash<QString, qint64> paid;
    auto p = forChunks(db,
                       u"SELECT invoice_id, SUM(amount_minor) FROM ar_allocations "
                       "WHERE invoice_id IN (%1) GROUP BY invoice_id"_s,
                       ids, [&](const Row &r) -> Result<void> {
                           paid.insert(r.at(0).toString(), r.at(1).toLongLong());
                           return {};
                       });
    if (!p)
        return p.error();
    RowMap out;
    Converter conv {{}, u"invoice"_s};
    auto r
        = forChunks(db,
                    u"SELECT id, doc_number, customer_id, order_id, invoice_date, due_date, "
                    "currency, total_minor FROM invoices WHERE kind = 'invoice' AND id IN (%1)"_s,
                    ids, [&](const Row &row) -> Result<void> {
                        const QString id = row.at(0).toString();
                        const QString currency = row.at(6).toString();
                        Invoice inv;
                        inv.id = QUuid::fromString(id);
                        inv.number = row.at(1).toString();
                        inv.customerId = QUuid::fromString(row.at(2).toString());
                        inv.orderId = QUuid::fromString(row.at(3).toString());
                        inv.date = date(row.at(4));
                        inv.dueDate = date(row.at(5));
                        inv.total = conv.money(row.at(7), currency);
                        inv.paid = conv.money(paid.value(id), currency);
                        out.insert(id, wire::invoiceRow(inv));
                        return {};
                    });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    return out;
}

Result<RowMap> payments(Database &db, const QStringList &ids)
{
    // The invoice a payment settles: the first it was allocated to (none: on account).
    QHash<QString, QString> invoiceOf;
    auto a = forChunks(db,
                       u"SELECT source_id, invoice_id FROM ar_allocations WHERE source_kind = "
                       "'payment' AND source_id IN (%1) ORDER BY allocated_at DESC, id DESC"_s,
                       ids, [&](const Row &r) -> Result<void> {
                           invoiceOf.insert(r.at(0).toString(), r.at(1).toString());
                           return {};
                       });
    if (!a)
        return a.error();
    RowMap out;
    Converter conv {{}, u"payment"_s};
    auto r = forChunks(db,
                       u"SELECT id, customer_id, payment_date, amount_minor, currency, method "
                       "FROM payments WHERE id IN (%1)"_s,
                       ids, [&](const Row &row) -> Result<void> {
                           const QString id = row.at(0).toString();
                           Payment p;
                           p.id = QUuid::fromString(id);
                           p.customerId = QUuid::fromString(row.at(1).toString());
                           p.date = date(row.at(2));
                           p.amount = conv.money(row.at(3), row.at(4).toString());
                           p.method = row.at(5).toString();
                           if (invoiceOf.contains(id))
                               p.invoiceId = QUuid::fromString(invoiceOf.value(id));
                           out.insert(id, wire::paymentRow(p));
                           return {};
                       });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    return out;
}

Result<RowMap> tickets(Database &db, const QStringList &ids)
{
    QHash<QString, Ticket> found;
    Converter conv {{}, u"ticket"_s};
    auto h = forChunks(db,
                       u"SELECT id, doc_number, customer_id, subject, description, status, "
                       "priority, assignee, created_at, updated_at FROM tickets WHERE id IN (%1)"_s,
                       ids, [&](const Row &r) -> Result<void> {
                           Ticket t;
                           t.id = QUuid::fromString(r.at(0).toString());
                           t.number = r.at(1).toString();
                           t.customerId = QUuid::fromString(r.at(2).toString());
                           t.subject = r.at(3).toString();
                           t.description = r.at(4).toString();
                           const auto status = parseTicketStatus(r.at(5).toString());
                           const auto priority = parseTicketPriority(r.at(6).toString());
                           if (!status || !priority)
                               conv.fail(
                                   makeError(ErrorCode::Storage, u"unknown status or priority"_s));
                           t.status = status.value_or(Ticket::Status::Open);
                           t.priority = priority.value_or(Ticket::Priority::Normal);
                           t.assignee = r.at(7).toString();
                           t.createdAt = time(r.at(8));
                           t.updatedAt = time(r.at(9));
                           found.insert(r.at(0).toString(), t);
                           return {};
                       });
    if (!h)
        return h.error();
    auto c = forChunks(db,
                       u"SELECT ticket_id, id, author, at, body FROM ticket_comments "
                       "WHERE ticket_id IN (%1) ORDER BY ticket_id, at, id"_s,
                       found.keys(), [&](const Row &r) -> Result<void> {
                           found[r.at(0).toString()].comments.append(TicketComment {
                               QUuid::fromString(r.at(1).toString()), r.at(2).toString(),
                               time(r.at(3)), r.at(4).toString()});
                           return {};
                       });
    if (!c)
        return c.error();
    if (conv.error)
        return *conv.error;
    RowMap out;
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        out.insert(it.key(), wire::ticketRow(it.value()));
    return out;
}

Result<RowMap> activities(Database &db, const QStringList &ids)
{
    RowMap out;
    Converter conv {{}, u"activity"_s};
    auto r = forChunks(db,
                       u"SELECT id, customer_id, kind, at, subject, notes, duration_minutes, "
                       "photo_path, author FROM activities WHERE id IN (%1)"_s,
                       ids, [&](const Row &row) -> Result<void> {
                           Activity a;
                           a.id = QUuid::fromString(row.at(0).toString());
                           a.customerId = QUuid::fromString(row.at(1).toString());
                           const auto kind = parseActivityKind(row.at(2).toString());
                           if (!kind)
                               conv.fail(makeError(ErrorCode::Storage, u"unknown kind"_s));
                           a.kind = kind.value_or(Activity::Kind::Note);
                           a.at = time(row.at(3));
                           a.subject = row.at(4).toString();
                           a.notes = row.at(5).toString();
                           a.durationMinutes = row.at(6).toInt();
                           a.photoPath = row.at(7).toString();
                           a.author = row.at(8).toString();
                           out.insert(row.at(0).toString(), wire::activityRow(a));
                           return {};
                       });
    if (!r)
        return r.error();
    if (conv.error)
        return *conv.error;
    return out;
}

} // namespace

Result<QHash<QString, QCborMap>> loadFeedRows(Database &db, const QString &entity,
                                              const QStringList &ids)
{
    if (ids.isEmpty())
        return RowMap();
    namespace e = wire::entity;
    if (entity == e::Customer)
        return customers(db, ids);
    if (entity == e::Product)
        return products(db, ids);
    if (entity == e::PriceList)
        return priceLists(db, ids);
    if (entity == e::CustomerPrice)
        return customerPrices(db, ids);
    if (entity == e::Promotion)
        return promotions(db, ids);
    if (entity == e::TaxRule)
        return taxRules(db, ids);
    if (entity == e::Warehouse)
        return warehouses(db, ids);
    if (entity == e::Stock)
        return stock(db, ids);
    if (entity == e::Order)
        return documents(db, ids, SalesDocument::Kind::Order);
    if (entity == e::Quote)
        return documents(db, ids, SalesDocument::Kind::Quote);
    if (entity == e::Invoice)
        return invoices(db, ids);
    if (entity == e::Payment)
        return payments(db, ids);
    if (entity == e::Ticket)
        return tickets(db, ids);
    if (entity == e::Activity)
        return activities(db, ids);
    return makeError(ErrorCode::Storage, u"change feed: unknown entity \"%1\""_s.arg(entity));
}

} // namespace karvan::hq::sync
