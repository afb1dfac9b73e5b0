#pragma once

// Internal to core/demo: the state of one generator run, shared by democatalog.cpp,
// democustomers.cpp and demohistory.cpp.

#include "demo/demogenerator.h"
#include "demo/demolocale.h"
#include "demo/demorandom.h"
#include "rules/pricing.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <vector>

// Returns the error of a failed Result<void> expression from the enclosing function.
#define KARVAN_DEMO_TRY(expr)                                                                      \
    do {                                                                                           \
        if (auto karvanDemoResult_ = (expr); !karvanDemoResult_)                                   \
            return karvanDemoResult_.error();                                                      \
    } while (false)

namespace karvan::demo {

enum class Payer { Cash, Punctual, Late, Installments, Slow };

struct ProductInfo
{
    Product product;
    int category = 0;
    qint64 listMinor = 0; // base list price per base unit
    bool kg = false;
};

struct CustomerInfo
{
    QUuid id;
    int territory = 0;
    BusinessKind kind = BusinessKind::Grocery;
    int priceList = -1; // index into DemoRun::m_customerLists; -1: base list only
    int paymentTermsDays = 30;
    qint64 creditLimitMinor = -1; // -1: no limit
    Payer payer = Payer::Punctual;
    bool stretched = false; // kept near its credit limit, so the credit rules have work
    int activeUntilDay = INT_MAX; // archived customers stop ordering on this day index
    int rep = 0;
    int stretchDay = -1;
    qint64 openMinor = 0; // invoiced and not paid, as of the demo's today
    qint64 unbilledMinor = 0; // confirmed orders not (yet) invoiced, as of today
    QList<CustomerPrice> prices;
};

struct PricedList
{
    PriceList list;
    QHash<QString, int> entryBySku;
};

class DemoRun
{
public:
    DemoRun(const DemoOptions &options, DemoSink &sink);
    Result<DemoSummary> run();

    // Members are open: this is the private state of one run, shared by the demo's sources.
    // democatalog.cpp
    Result<void> emitOrganisation();
    Result<void> emitTaxRules();
    Result<void> emitProducts();
    Result<void> emitPriceLists();
    Result<void> emitPromotions();
    Result<void> emitStock();
    // democustomers.cpp
    Result<void> emitCustomers();
    Result<void> emitCustomerPrices();
    // demohistory.cpp
    Result<void> emitHistory();

    // Ids: strictly increasing UUIDv7 for records emitted in time order; looseId for records
    // stamped out of sequence (ticket comments written later than the ticket).
    QUuid nextId(qint64 unixMillis);
    QUuid looseId(qint64 unixMillis);
    static qint64 millisOf(const QDate &date, int hour, int minute = 0);

    // A catalog trimmed to the lines at hand, as a device or HQ gathers it for one document.
    PricingCatalog catalogFor(const CustomerInfo &customer, const QDate &date,
                              const QList<PricingRequest::Line> &lines) const;
    Result<PricedDocument> price(const CustomerInfo &customer, const QDate &date,
                                 const QList<PricingRequest::Line> &lines) const;

    DemoOptions m_options;
    DemoSizeSpec m_spec;
    DemoSink &m_sink;
    DemoSummary m_summary;
    QString m_currency;
    QDate m_today;
    QDate m_historyStart; // first day of the history; the last is m_today
    int m_days = 0;
    qint64 m_referenceMillis = 0;

    DemoRandom m_idRandom;
    qint64 m_lastIdMillis = 0;
    int m_idCounter = 0;

    QList<DemoTerritory> m_territories;
    QList<QStringList> m_reps; // by territory
    QList<TaxRule> m_taxRules;
    QHash<QString, QList<TaxRule>> m_taxRulesByRegion;

    std::vector<ProductInfo> m_products;
    QHash<QString, int> m_productBySku;
    std::vector<std::vector<int>> m_productsByCategory; // sellable products only
    std::vector<quint64> m_productWeights; // cumulative popularity, sellable only
    std::vector<int> m_sellable; // index of the weights above

    PricedList m_baseList;
    std::vector<PricedList> m_customerLists; // wholesale, horeca, key account

    QList<Promotion> m_promotions;
    QHash<QString, QList<int>> m_promotionsBySku;
    QList<int> m_promotionsForAll; // promotions without a SKU list

    std::vector<CustomerInfo> m_customers;
    std::vector<quint64> m_customerWeights; // cumulative ordering frequency
};

} // namespace karvan::demo
