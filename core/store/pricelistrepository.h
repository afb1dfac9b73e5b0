#pragma once

#include "domain/catalog.h"
#include "domain/result.h"

#include <QDate>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace karvan {

class LocalStore;

// What pricing reads: price lists with entries and volume tiers, customer-specific prices,
// promotions and tax rules. All of it is HQ's; the device stores what the feed sends.
class PriceListRepository
{
public:
    explicit PriceListRepository(LocalStore &store)
        : m_store(store)
    { }

    // Inserts or replaces the list with all its entries and tiers.
    Result<void> upsert(const PriceList &list);
    Result<PriceList> get(const QUuid &id);
    Result<PriceList> findByCode(const QString &code);
    // The company's base list (is_base); NotFound if none was received yet.
    Result<PriceList> baseList();
    // The list with only the entries for these SKUs (what pricing one document needs).
    Result<PriceList> getForSkus(const QUuid &id, const QStringList &skus);
    // The base list with only the entries for these SKUs.
    Result<PriceList> baseListForSkus(const QStringList &skus);
    Result<void> remove(const QUuid &id);

    // Replaces every negotiated price of one customer.
    Result<void> replaceCustomerPrices(const QUuid &customerId, const QList<CustomerPrice> &prices);
    // Appends prices (initial load), one transaction.
    Result<void> insertCustomerPrices(const QList<CustomerPrice> &prices);
    // The customer's prices, all or for these SKUs only, ordered by SKU then validFrom.
    Result<QList<CustomerPrice>> customerPrices(const QUuid &customerId,
                                                const QStringList &skus = {});

    Result<void> upsertPromotion(const Promotion &promotion);
    Result<Promotion> promotion(const QUuid &id);
    // Promotions whose validity includes date (pricing still checks scope).
    Result<QList<Promotion>> promotionsOn(const QDate &date);
    Result<void> removePromotion(const QUuid &id);

    Result<void> upsertTaxRule(const TaxRule &rule);
    Result<TaxRule> taxRule(const QString &taxClass, const QString &region);
    Result<QList<TaxRule>> taxRules(const QString &region = {});

private:
    Result<void> writeCustomerPrice(const CustomerPrice &price);
    Result<PriceList> load(const QString &where, const QVariant &value, const QStringList *skus);
    Result<QList<Promotion>> loadPromotions(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

} // namespace karvan
