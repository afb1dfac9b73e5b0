#include "store/searchindex.h"

#include "store/localstore.h"
#include "store/searchtext.h"
#include "store/sqlvalue.h"

#include <QHash>

namespace karvan::searchindex {

using namespace Qt::StringLiterals;
using sqlvalue::run;

CustomerRow customerRow(const QString &name, const QString &code, const QString &phone,
                        const QStringList &cities, const QStringList &contactNames,
                        const QStringList &contactPhones)
{
    CustomerRow row;
    row.name = SearchText::indexForm(name);
    row.code = SearchText::indexForm(code);
    row.phone = SearchText::phoneIndexForm(phone);
    row.city = SearchText::indexForm(cities.join(u' '));
    row.contacts = SearchText::indexForm(contactNames.join(u' ')) + u' '
        + SearchText::phoneIndexForm(contactPhones.join(u';'));
    return row;
}

CustomerRow customerRow(const Customer &customer)
{
    QStringList cities, names, phones;
    for (const Address &a : customer.addresses) {
        if (!a.city.isEmpty() && !cities.contains(a.city))
            cities.append(a.city);
    }
    for (const Contact &c : customer.contacts) {
        names.append(c.name);
        if (!c.phone.isEmpty())
            phones.append(c.phone);
    }
    return customerRow(customer.name, customer.code, customer.phone, cities, names, phones);
}

ProductRow productRow(const QString &sku, const QString &barcode, const QString &name,
                      const QString &category)
{
    return {SearchText::indexForm(sku), SearchText::indexForm(barcode), SearchText::indexForm(name),
            SearchText::indexForm(category)};
}

ProductRow productRow(const Product &product)
{
    return productRow(product.sku, product.barcode, product.name, product.category);
}

Result<void> removeCustomer(LocalStore &store, qint64 seq)
{
    auto q = store.prepared(u"DELETE FROM customer_search WHERE rowid = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, seq);
    return run(**q, u"cannot update the customer search index"_s);
}

Result<void> writeCustomer(LocalStore &store, qint64 seq, const CustomerRow &row)
{
    if (auto r = removeCustomer(store, seq); !r)
        return r;
    auto q = store.prepared(u"INSERT INTO customer_search (rowid, name, code, phone, city, "
                            u"contacts) VALUES (?, ?, ?, ?, ?, ?)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, seq);
    query.bindValue(1, row.name);
    query.bindValue(2, row.code);
    query.bindValue(3, row.phone);
    query.bindValue(4, row.city);
    query.bindValue(5, row.contacts);
    return run(query, u"cannot update the customer search index"_s);
}

Result<void> removeProduct(LocalStore &store, qint64 seq)
{
    auto q = store.prepared(u"DELETE FROM product_search WHERE rowid = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, seq);
    return run(**q, u"cannot update the product search index"_s);
}

Result<void> writeProduct(LocalStore &store, qint64 seq, const ProductRow &row)
{
    if (auto r = removeProduct(store, seq); !r)
        return r;
    auto q = store.prepared(u"INSERT INTO product_search (rowid, sku, barcode, name, category) "
                            u"VALUES (?, ?, ?, ?, ?)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, seq);
    query.bindValue(1, row.sku);
    query.bindValue(2, row.barcode);
    query.bindValue(3, row.name);
    query.bindValue(4, row.category);
    return run(query, u"cannot update the product search index"_s);
}

Result<void> backfillCustomers(LocalStore &store)
{
    struct Extra
    {
        QStringList cities, names, phones;
    };
    QHash<QString, Extra> extras;
    {
        QSqlQuery q(store.database());
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT customer_id, city FROM customer_addresses WHERE city <> '' "
                    u"ORDER BY customer_id, position"_s))
            return sqlvalue::storageError(u"cannot read addresses to index"_s, q.lastError());
        while (q.next()) {
            QStringList &cities = extras[q.value(0).toString()].cities;
            if (!cities.contains(q.value(1).toString()))
                cities.append(q.value(1).toString());
        }
        if (!q.exec(u"SELECT customer_id, name, phone FROM customer_contacts "
                    u"ORDER BY customer_id, position"_s))
            return sqlvalue::storageError(u"cannot read contacts to index"_s, q.lastError());
        while (q.next()) {
            Extra &e = extras[q.value(0).toString()];
            e.names.append(q.value(1).toString());
            if (!q.value(2).toString().isEmpty())
                e.phones.append(q.value(2).toString());
        }
    }
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT seq, id, name, code, phone FROM customers"_s))
        return sqlvalue::storageError(u"cannot read customers to index"_s, q.lastError());
    while (q.next()) {
        const Extra e = extras.value(q.value(1).toString());
        auto r = writeCustomer(store, q.value(0).toLongLong(),
                               customerRow(q.value(2).toString(), q.value(3).toString(),
                                           q.value(4).toString(), e.cities, e.names, e.phones));
        if (!r)
            return r;
    }
    return {};
}

Result<void> backfillProducts(LocalStore &store)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT seq, sku, barcode, name, category FROM products"_s))
        return sqlvalue::storageError(u"cannot read products to index"_s, q.lastError());
    while (q.next()) {
        auto r = writeProduct(store, q.value(0).toLongLong(),
                              productRow(q.value(1).toString(), q.value(2).toString(),
                                         q.value(3).toString(), q.value(4).toString()));
        if (!r)
            return r;
    }
    return {};
}

} // namespace karvan::searchindex
