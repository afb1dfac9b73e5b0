#pragma once

// Internal to core/store: the one definition of what the FTS rows of customers and products
// hold. Repositories call it on every insert, update and delete; migration v2 backfills with
// it. Everything stored is folded by SearchText.

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/result.h"

#include <QStringList>

namespace karvan {

class LocalStore;

namespace searchindex {

struct CustomerRow
{
    QString name, code, phone, city, contacts;
};
CustomerRow customerRow(const QString &name, const QString &code, const QString &phone,
                        const QStringList &cities, const QStringList &contactNames,
                        const QStringList &contactPhones);
CustomerRow customerRow(const Customer &customer);

struct ProductRow
{
    QString sku, barcode, name, category;
};
ProductRow productRow(const QString &sku, const QString &barcode, const QString &name,
                      const QString &category);
ProductRow productRow(const Product &product);

// Replace the search row that shares rowid seq with customers.seq / products.seq.
Result<void> writeCustomer(LocalStore &store, qint64 seq, const CustomerRow &row);
Result<void> removeCustomer(LocalStore &store, qint64 seq);
Result<void> writeProduct(LocalStore &store, qint64 seq, const ProductRow &row);
Result<void> removeProduct(LocalStore &store, qint64 seq);

// Migration v2: index every existing row. Reads only v1 columns.
Result<void> backfillCustomers(LocalStore &store);
Result<void> backfillProducts(LocalStore &store);

} // namespace searchindex
} // namespace karvan
