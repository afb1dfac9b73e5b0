#include "store/productrepository.h"

#include "store/localstore.h"
#include "store/searchindex.h"
#include "store/searchtext.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

constexpr int MaxResults = 500;

const QString Columns
    = u"p.id, p.sku, p.barcode, p.name, p.category, p.base_unit, p.tax_class, p.active"_s;

Result<void> validate(const Product &p)
{
    if (p.id.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a product needs an id"_s);
    if (p.sku.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"product %1 has no SKU"_s.arg(idToString(p.id)));
    if (p.baseUnit.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"product %1 has no base unit"_s.arg(p.sku));
    for (const UnitConversion &u : p.unitConversions) {
        if (u.unit.isEmpty() || u.baseMilliPerUnit <= 0)
            return makeError(ErrorCode::InvalidArgument,
                             u"product %1 has an invalid unit conversion '%2' (%3)"_s.arg(
                                 p.sku, u.unit, QString::number(u.baseMilliPerUnit)));
    }
    return {};
}

} // namespace

Result<void> ProductRepository::write(const Product &p)
{
    if (auto v = validate(p); !v)
        return v;
    auto q = m_store.prepared(uR"(INSERT INTO products (id, sku, barcode, name, category,
            base_unit, tax_class, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, barcode = excluded.barcode,
            name = excluded.name, category = excluded.category, base_unit = excluded.base_unit,
            tax_class = excluded.tax_class, active = excluded.active
        RETURNING seq)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(p.id));
    query.bindValue(1, p.sku);
    query.bindValue(2, text(p.barcode));
    query.bindValue(3, text(p.name));
    query.bindValue(4, text(p.category));
    query.bindValue(5, p.baseUnit);
    query.bindValue(6, text(p.taxClass));
    query.bindValue(7, p.active ? 1 : 0);
    const QString what = u"cannot save product "_s + p.sku;
    if (auto r = run(query, what); !r)
        return r;
    if (!query.next())
        return storageError(what, query.lastError());
    const qint64 seq = query.value(0).toLongLong();
    query.finish();

    const QString pid = idToString(p.id);
    auto del = m_store.prepared(u"DELETE FROM product_units WHERE product_id = ?"_s);
    if (!del)
        return del.error();
    (*del)->bindValue(0, pid);
    if (auto r = run(**del, what); !r)
        return r;
    if (!p.unitConversions.isEmpty()) {
        auto ins = m_store.prepared(u"INSERT INTO product_units (product_id, position, unit, "
                                    u"base_milli_per_unit) VALUES (?, ?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        for (int n = 0; n < p.unitConversions.size(); ++n) {
            (*ins)->bindValue(0, pid);
            (*ins)->bindValue(1, n);
            (*ins)->bindValue(2, p.unitConversions.at(n).unit);
            (*ins)->bindValue(3, p.unitConversions.at(n).baseMilliPerUnit);
            if (auto r = run(**ins, what + u" (unit conversion)"_s); !r)
                return r;
        }
    }
    return searchindex::writeProduct(m_store, seq, searchindex::productRow(p));
}

Result<void> ProductRepository::upsert(const Product &product)
{
    return m_store.transaction([&] { return write(product); });
}

Result<void> ProductRepository::insertMany(const QList<Product> &products)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Product &p : products) {
            if (auto r = write(p); !r)
                return r;
        }
        return {};
    });
}

Result<QList<Product>> ProductRepository::loadAll(QSqlQuery &query)
{
    QList<Product> products;
    while (query.next()) {
        Product p;
        p.id = toId(query.value(0));
        p.sku = query.value(1).toString();
        p.barcode = query.value(2).toString();
        p.name = query.value(3).toString();
        p.category = query.value(4).toString();
        p.baseUnit = query.value(5).toString();
        p.taxClass = query.value(6).toString();
        p.active = query.value(7).toInt() != 0;
        products.append(p);
    }
    query.finish();
    for (Product &p : products) {
        auto units = m_store.prepared(u"SELECT unit, base_milli_per_unit FROM product_units "
                                      u"WHERE product_id = ? ORDER BY position"_s);
        if (!units)
            return units.error();
        (*units)->bindValue(0, idToString(p.id));
        if (auto r = run(**units, u"cannot read unit conversions"_s); !r)
            return r.error();
        while ((*units)->next())
            p.unitConversions.append(
                UnitConversion {(*units)->value(0).toString(), (*units)->value(1).toLongLong()});
        (*units)->finish();
    }
    return products;
}

Result<Product> ProductRepository::findOne(const QString &where, const QVariant &value,
                                           const QString &what)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM products p WHERE "_s + where
                              + u" ORDER BY p.seq LIMIT 1"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, value);
    if (auto r = run(**q, u"cannot read product"_s); !r)
        return r.error();
    auto all = loadAll(**q);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no product with %1 %2"_s.arg(what, value.toString()));
    return all->first();
}

Result<Product> ProductRepository::get(const QUuid &productId)
{
    return findOne(u"p.id = ?"_s, idToString(productId), u"id"_s);
}

Result<Product> ProductRepository::findBySku(const QString &sku)
{
    return findOne(u"p.sku = ?"_s, sku, u"SKU"_s);
}

Result<Product> ProductRepository::findByBarcode(const QString &barcode)
{
    if (barcode.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"no barcode given"_s);
    return findOne(u"p.barcode = ? AND p.barcode <> ''"_s, barcode, u"barcode"_s);
}

Result<QList<Product>> ProductRepository::findBySkus(const QStringList &skus)
{
    QList<Product> result;
    for (const QString &sku : skus) {
        auto p = findBySku(sku);
        if (p)
            result.append(std::move(p).value());
        else if (p.error().code != ErrorCode::NotFound)
            return p.error();
    }
    return result;
}

Result<void> ProductRepository::remove(const QUuid &productId)
{
    return m_store.transaction([&]() -> Result<void> {
        auto q = m_store.prepared(u"DELETE FROM products WHERE id = ? RETURNING seq"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, idToString(productId));
        if (auto r = run(**q, u"cannot remove product"_s); !r)
            return r;
        if (!(*q)->next())
            return makeError(ErrorCode::NotFound,
                             u"no product with id %1"_s.arg(idToString(productId)));
        const qint64 seq = (*q)->value(0).toLongLong();
        (*q)->finish();
        return searchindex::removeProduct(m_store, seq);
    });
}

Result<QList<Product>> ProductRepository::search(const QString &text, int limit, Inactive inactive)
{
    limit = std::clamp(limit, 1, MaxResults);
    const QString match = SearchText::ftsQuery(text);
    const int includeInactive = inactive == Inactive::Include ? 1 : 0;
    if (match.isEmpty()) {
        auto q = m_store.prepared(u"SELECT "_s + Columns
                                  + u" FROM products p WHERE (? OR p.active = 1) "
                                    u"ORDER BY p.name LIMIT ?"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, includeInactive);
        (*q)->bindValue(1, limit);
        if (auto r = run(**q, u"cannot list products"_s); !r)
            return r.error();
        return loadAll(**q);
    }
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM product_search s JOIN products p ON p.seq = s.rowid "
                                u"WHERE product_search MATCH ? AND (? OR p.active = 1) "
                                u"ORDER BY s.rank, p.name LIMIT ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, match);
    (*q)->bindValue(1, includeInactive);
    (*q)->bindValue(2, limit);
    if (auto r = run(**q, u"cannot search products"_s); !r)
        return r.error();
    return loadAll(**q);
}

Result<qint64> ProductRepository::count()
{
    auto v = m_store.scalar(u"SELECT count(*) FROM products"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace karvan
