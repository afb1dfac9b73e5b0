#pragma once

#include "domain/catalog.h"
#include "domain/result.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

namespace karvan {

class LocalStore;

// The product catalog with unit conversions, and the instant search over it.
class ProductRepository
{
public:
    enum class Inactive { Exclude, Include };

    explicit ProductRepository(LocalStore &store)
        : m_store(store)
    { }

    // Inserts or replaces the product (keyed by id; the SKU must be unique) and its search row.
    Result<void> upsert(const Product &product);
    Result<void> insertMany(const QList<Product> &products);
    Result<Product> get(const QUuid &id);
    Result<Product> findBySku(const QString &sku);
    Result<Product> findByBarcode(const QString &barcode);
    // Products for these SKUs (unknown SKUs are left out), keyed by nothing: in SKU order.
    Result<QList<Product>> findBySkus(const QStringList &skus);
    Result<void> remove(const QUuid &id);

    // Search as you type over SKU, barcode, name and category, best matches first. Empty text
    // lists products by name. Inactive products are left out unless asked for.
    Result<QList<Product>> search(const QString &text, int limit = 50,
                                  Inactive inactive = Inactive::Exclude);
    Result<qint64> count();

private:
    Result<void> write(const Product &product);
    Result<QList<Product>> loadAll(QSqlQuery &query);
    Result<Product> findOne(const QString &where, const QVariant &value, const QString &what);

    LocalStore &m_store;
};

} // namespace karvan
