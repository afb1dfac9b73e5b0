#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/inventory.h"
#include "erp/erpcommon.h"
#include "rules/pricing.h"

#include <QMap>

namespace karvan::hq {

class Database;

namespace erp {

struct CustomerRecord
{
    Customer customer;
    bool creditHold = false; // a credit controller's manual hold
};

struct Vendor
{
    QString id; // empty on save: a new UUIDv7
    QString code;
    QString name;
    QString currency;
    int paymentTermsDays = 30;
    bool archived = false;
};

// Rows of customers and products as the ERP stores them, for readers that load many at once
// (the change feed): SELECT <CustomerColumns> FROM customers ..., then customerFromRow.
extern const QString CustomerColumns;
Result<CustomerRecord> customerFromRow(const Row &row);
extern const QString ProductColumns;
Result<Product> productFromRow(const Row &row);

// HQ master data. Writes are checked against the actor's role and audited (before/after) in
// the same transaction. Ids are UUIDv7; a null id on save creates a new record.
class MasterData
{
public:
    explicit MasterData(Database &db)
        : m_db(db)
    { }

    // Creates or updates a customer (code assigned "C-000001"... when empty). Changing the
    // credit limit of an existing customer needs the finance role. A non-null id that does not
    // exist yet creates the customer with that id (a customer created offline on a device).
    // A rep may create customers in its territories and change the rep-editable fields
    // (customerfields::repEditable) of customers in its territories, nothing else.
    // Every changed rep-editable field is stamped in customer_field_versions with its HLC from
    // fieldHlc (a device's edit, applied by the sync applier) or else with HQ's clock, and the
    // change feed is touched in the same transaction.
    Result<CustomerRecord> saveCustomer(const Actor &actor, Customer customer,
                                        const QMap<QString, QString> &fieldHlc = {});
    // field -> HLC text of the write that last set it (customer_field_versions).
    Result<QMap<QString, QString>> customerFieldVersions(const QString &customerId);
    Result<CustomerRecord> findCustomer(const QString &id);
    Result<void> setCreditHold(const Actor &actor, const QString &customerId, bool hold);
    // Sets (or, with std::nullopt, removes) a customer's credit limit: credit control (finance)
    // only, in the customer's currency and not negative; audited before/after, and the change
    // feed carries it to the devices. saveCustomer refuses a limit change by anyone else.
    Result<CustomerRecord> setCreditLimit(const Actor &actor, const QString &customerId,
                                          const std::optional<Money> &limit);
    Result<void> setArchived(const Actor &actor, const QString &customerId, bool archived);

    Result<Product> saveProduct(const Actor &actor, Product product);
    Result<Product> findProduct(const QString &sku);
    Result<Warehouse> saveWarehouse(const Actor &actor, Warehouse warehouse);
    Result<bool> warehouseExists(const QString &code);
    // Replaces the list and all its entries.
    Result<PriceList> savePriceList(const Actor &actor, PriceList list);
    Result<void> saveCustomerPrice(const Actor &actor, const CustomerPrice &price);
    Result<Promotion> savePromotion(const Actor &actor, Promotion promotion);
    Result<void> saveTaxRule(const Actor &actor, const TaxRule &rule);
    Result<Vendor> saveVendor(const Actor &actor, Vendor vendor);
    Result<Vendor> findVendor(const QString &id);

    // The company (functional) currency: stock is valued and purchases are made in it. It can
    // be changed only while the ledger is empty.
    Result<void> setCompanyCurrency(const Actor &actor, const QString &currency);

    // What core's priceDocument needs for one document: only the given SKUs' products, list
    // entries and customer prices; the base list in the document's currency; the customer's
    // own list; the promotions valid on the date; the tax rules of the customer's region.
    Result<PricingCatalog> pricingCatalog(const Customer &customer, const QStringList &skus,
                                          const QString &currency, const QDate &date);

private:
    Result<PriceList> loadPriceList(const QString &where, const QVariantList &bindings,
                                    const QStringList &skus);
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
