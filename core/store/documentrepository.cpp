#include "store/documentrepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

#include <QSet>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

const QString Columns
    = u"id, kind, number, customer_id, currency, date, valid_until, status, status_reason, "
      u"net_minor, tax_minor, total_minor, created_by, created_at, source_quote_id"_s;

Result<void> checkCurrency(const Money &m, const QString &currency, const QString &what)
{
    if (m.isValid() && m.currency() != currency)
        return makeError(
            ErrorCode::CurrencyMismatch,
            u"%1 is in %2 but the document is in %3"_s.arg(what, m.currency(), currency));
    return {};
}

} // namespace

Result<void> DocumentRepository::validate(const SalesDocument &d)
{
    if (d.id.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a document needs an id"_s);
    const QString name
        = (d.kind == SalesDocument::Kind::Quote ? u"quote "_s : u"order "_s) + idToString(d.id);
    if (d.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, name + u" has no customer"_s);
    if (!Currency::isKnown(d.currency))
        return makeError(ErrorCode::InvalidArgument,
                         name + u" has an unknown currency '%1'"_s.arg(d.currency));
    if (!d.date.isValid())
        return makeError(ErrorCode::InvalidArgument, name + u" has no date"_s);
    for (const auto &[m, what] : {std::pair {&d.net, u"net"_s}, std::pair {&d.tax, u"tax"_s},
                                  std::pair {&d.total, u"total"_s}}) {
        if (auto r = checkCurrency(*m, d.currency, name + u' ' + what); !r)
            return r;
    }
    QSet<int> lineNumbers;
    for (const DocumentLine &l : d.lines) {
        const QString line = name + u" line %1"_s.arg(l.lineNo);
        if (l.lineNo <= 0)
            return makeError(ErrorCode::InvalidArgument, line + u": line numbers start at 1"_s);
        if (lineNumbers.contains(l.lineNo))
            return makeError(ErrorCode::InvalidArgument, line + u": duplicate line number"_s);
        lineNumbers.insert(l.lineNo);
        if (l.sku.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument, line + u": no SKU"_s);
        if (!l.quantity.isValid() || !l.quantity.isPositive())
            return makeError(
                ErrorCode::InvalidArgument,
                line
                    + u" (%1): quantity must be positive, got %2"_s.arg(
                        l.sku, l.quantity.isValid() ? l.quantity.toDecimalString() : u"none"_s));
        for (const auto &[m, what] :
             {std::pair {&l.unitPrice, u"unit price"_s}, std::pair {&l.lineNet, u"net"_s},
              std::pair {&l.lineTax, u"tax"_s}, std::pair {&l.lineTotal, u"total"_s}}) {
            if (auto r = checkCurrency(*m, d.currency, line + u' ' + what); !r)
                return r;
        }
    }
    return {};
}

Result<void> DocumentRepository::write(const SalesDocument &d)
{
    if (auto v = validate(d); !v)
        return v;
    auto q = m_store.prepared(uR"(INSERT INTO sales_documents (id, kind, number, customer_id,
            currency, date, valid_until, status, status_reason, net_minor, tax_minor, total_minor,
            created_by, created_at, source_quote_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, number = excluded.number,
            customer_id = excluded.customer_id, currency = excluded.currency,
            date = excluded.date, valid_until = excluded.valid_until, status = excluded.status,
            status_reason = excluded.status_reason, net_minor = excluded.net_minor,
            tax_minor = excluded.tax_minor, total_minor = excluded.total_minor,
            created_by = excluded.created_by, created_at = excluded.created_at,
            source_quote_id = excluded.source_quote_id)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const QString did = idToString(d.id);
    int i = 0;
    query.bindValue(i++, did);
    query.bindValue(i++, d.kind == SalesDocument::Kind::Quote ? u"quote"_s : u"order"_s);
    query.bindValue(i++, text(d.number));
    query.bindValue(i++, idToString(d.customerId));
    query.bindValue(i++, d.currency);
    query.bindValue(i++, date(d.date));
    query.bindValue(i++, date(d.validUntil));
    query.bindValue(i++, documentStatusName(d.status));
    query.bindValue(i++, text(d.statusReason));
    query.bindValue(i++, minor(d.net));
    query.bindValue(i++, minor(d.tax));
    query.bindValue(i++, minor(d.total));
    query.bindValue(i++, text(d.createdBy));
    query.bindValue(i++, dateTime(d.createdAt));
    query.bindValue(i++, id(d.sourceQuoteId));
    const QString what = u"cannot save document "_s + did;
    if (auto r = run(query, what); !r)
        return r;

    auto del = m_store.prepared(u"DELETE FROM document_lines WHERE document_id = ?"_s);
    if (!del)
        return del.error();
    (*del)->bindValue(0, did);
    if (auto r = run(**del, what); !r)
        return r;
    if (d.lines.isEmpty())
        return {};
    auto ins = m_store.prepared(uR"(INSERT INTO document_lines (document_id, line_no, sku,
            qty_milli, qty_unit, warehouse_code, unit_price_minor, line_net_minor,
            line_tax_minor, line_total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    if (!ins)
        return ins.error();
    for (const DocumentLine &l : d.lines) {
        QSqlQuery &lq = **ins;
        lq.bindValue(0, did);
        lq.bindValue(1, l.lineNo);
        lq.bindValue(2, l.sku);
        lq.bindValue(3, l.quantity.milli());
        lq.bindValue(4, l.quantity.unit());
        lq.bindValue(5, text(l.warehouseCode));
        lq.bindValue(6, minor(l.unitPrice));
        lq.bindValue(7, minor(l.lineNet));
        lq.bindValue(8, minor(l.lineTax));
        lq.bindValue(9, minor(l.lineTotal));
        if (auto r = run(lq, what + u" line %1"_s.arg(l.lineNo)); !r)
            return r;
    }
    return {};
}

Result<void> DocumentRepository::save(const SalesDocument &document)
{
    if (auto v = validate(document); !v)
        return v;
    return m_store.transaction([&] { return write(document); });
}

Result<qint64> DocumentRepository::saveWithOutbox(const SalesDocument &document,
                                                  const OutboxMutation &mutation)
{
    if (auto v = validate(document); !v)
        return v.error();
    qint64 seq = 0;
    auto r = m_store.transaction([&]() -> Result<void> {
        if (auto w = write(document); !w)
            return w;
        auto appended = OutboxRepository(m_store).append(mutation);
        if (!appended)
            return appended.error();
        seq = *appended;
        return {};
    });
    if (!r)
        return r.error();
    return seq;
}

Result<void> DocumentRepository::insertMany(const QList<SalesDocument> &documents)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const SalesDocument &d : documents) {
            if (auto r = write(d); !r)
                return r;
        }
        return {};
    });
}

Result<QList<SalesDocument>> DocumentRepository::loadAll(QSqlQuery &query)
{
    QList<SalesDocument> docs;
    while (query.next()) {
        SalesDocument d;
        int i = 0;
        d.id = toId(query.value(i++));
        d.kind = query.value(i++).toString() == u"quote"_s ? SalesDocument::Kind::Quote
                                                           : SalesDocument::Kind::Order;
        d.number = query.value(i++).toString();
        d.customerId = toId(query.value(i++));
        d.currency = query.value(i++).toString();
        d.date = toDate(query.value(i++));
        d.validUntil = toDate(query.value(i++));
        const QString status = query.value(i++).toString();
        if (!parseDocumentStatus(status, &d.status))
            return makeError(
                ErrorCode::Storage,
                u"document %1 has an unknown status '%2'"_s.arg(idToString(d.id), status));
        d.statusReason = query.value(i++).toString();
        for (Money *m : {&d.net, &d.tax, &d.total}) {
            auto money = toMoney(query.value(i++), d.currency);
            if (!money)
                return money.error();
            *m = *money;
        }
        d.createdBy = query.value(i++).toString();
        d.createdAt = toDateTime(query.value(i++));
        d.sourceQuoteId = toId(query.value(i++));
        docs.append(d);
    }
    query.finish();
    for (SalesDocument &d : docs) {
        auto lines = m_store.prepared(
            u"SELECT line_no, sku, qty_milli, qty_unit, warehouse_code, unit_price_minor, "
            u"line_net_minor, line_tax_minor, line_total_minor FROM document_lines "
            u"WHERE document_id = ? ORDER BY line_no"_s);
        if (!lines)
            return lines.error();
        QSqlQuery &lq = **lines;
        lq.bindValue(0, idToString(d.id));
        if (auto r = run(lq, u"cannot read document lines"_s); !r)
            return r.error();
        while (lq.next()) {
            DocumentLine l;
            l.lineNo = lq.value(0).toInt();
            l.sku = lq.value(1).toString();
            auto qty = toQuantity(lq.value(2), lq.value(3));
            if (!qty)
                return qty.error();
            l.quantity = *qty;
            l.warehouseCode = lq.value(4).toString();
            int i = 5;
            for (Money *m : {&l.unitPrice, &l.lineNet, &l.lineTax, &l.lineTotal}) {
                auto money = toMoney(lq.value(i++), d.currency);
                if (!money)
                    return money.error();
                *m = *money;
            }
            d.lines.append(l);
        }
        lq.finish();
    }
    return docs;
}

Result<SalesDocument> DocumentRepository::get(const QUuid &documentId)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM sales_documents WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(documentId));
    if (auto r = run(**q, u"cannot read document"_s); !r)
        return r.error();
    auto docs = loadAll(**q);
    if (!docs)
        return docs.error();
    if (docs->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no quote or order with id %1"_s.arg(idToString(documentId)));
    return docs->first();
}

Result<QList<SalesDocument>> DocumentRepository::listForCustomer(const QUuid &customerId, int limit,
                                                                 int offset)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM sales_documents WHERE customer_id = ? "
                                u"ORDER BY date DESC, created_at DESC LIMIT ? OFFSET ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(customerId));
    (*q)->bindValue(1, std::max(limit, 1));
    (*q)->bindValue(2, std::max(offset, 0));
    if (auto r = run(**q, u"cannot list documents"_s); !r)
        return r.error();
    return loadAll(**q);
}

Result<QList<SalesDocument>> DocumentRepository::listForCustomer(const QUuid &customerId,
                                                                 SalesDocument::Kind kind,
                                                                 int limit, int offset)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM sales_documents WHERE customer_id = ? AND kind = ? "
                                u"ORDER BY date DESC, created_at DESC LIMIT ? OFFSET ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(customerId));
    (*q)->bindValue(1, kind == SalesDocument::Kind::Quote ? u"quote"_s : u"order"_s);
    (*q)->bindValue(2, std::max(limit, 1));
    (*q)->bindValue(3, std::max(offset, 0));
    if (auto r = run(**q, u"cannot list documents"_s); !r)
        return r.error();
    return loadAll(**q);
}

Result<void> DocumentRepository::setStatus(const QUuid &documentId, DocumentStatus status,
                                           const QString &reason)
{
    auto q = m_store.prepared(
        u"UPDATE sales_documents SET status = ?, status_reason = ? WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, documentStatusName(status));
    (*q)->bindValue(1, text(reason));
    (*q)->bindValue(2, idToString(documentId));
    if (auto r = run(**q, u"cannot update document status"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         u"no quote or order with id %1"_s.arg(idToString(documentId)));
    return {};
}

Result<void> DocumentRepository::remove(const QUuid &documentId)
{
    auto q = m_store.prepared(u"DELETE FROM sales_documents WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(documentId));
    if (auto r = run(**q, u"cannot remove document"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         u"no quote or order with id %1"_s.arg(idToString(documentId)));
    return {};
}

} // namespace karvan
