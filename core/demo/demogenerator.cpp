#include "demo/demogenerator.h"

#include "demo/demorun.h"
#include "domain/ids.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan {

std::optional<DemoSize> parseDemoSize(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"small")
        return DemoSize::Small;
    if (n == u"medium")
        return DemoSize::Medium;
    if (n == u"large")
        return DemoSize::Large;
    return std::nullopt;
}

QString demoSizeName(DemoSize size)
{
    switch (size) {
    case DemoSize::Small:
        return u"small"_s;
    case DemoSize::Medium:
        return u"medium"_s;
    case DemoSize::Large:
        return u"large"_s;
    }
    return QString();
}

DemoSizeSpec DemoSizeSpec::forSize(DemoSize size)
{
    // size, customers, products, reps per territory, customers with own prices, order lines,
    // quotes, tickets, activities, opportunities
    static const DemoSizeSpec table[] = {
        {DemoSize::Small, 500, 300, 2, 25, 5'000, 250, 120, 1'500, 80},
        {DemoSize::Medium, 10'000, 3'000, 6, 400, 100'000, 5'000, 2'000, 30'000, 1'500},
        {DemoSize::Large, 100'000, 20'000, 20, 3'000, 1'000'000, 40'000, 15'000, 250'000, 10'000},
    };
    for (const DemoSizeSpec &spec : table) {
        if (spec.size == size)
            return spec;
    }
    return table[0];
}

DemoSink::~DemoSink() = default;
Result<void> DemoSink::territory(const DemoTerritory &)
{
    return {};
}
Result<void> DemoSink::user(const DemoUser &)
{
    return {};
}
Result<void> DemoSink::warehouse(const Warehouse &)
{
    return {};
}
Result<void> DemoSink::taxRule(const TaxRule &)
{
    return {};
}
Result<void> DemoSink::product(const Product &)
{
    return {};
}
Result<void> DemoSink::priceList(const PriceList &)
{
    return {};
}
Result<void> DemoSink::promotion(const Promotion &)
{
    return {};
}
Result<void> DemoSink::customer(const Customer &)
{
    return {};
}
Result<void> DemoSink::customerPrice(const CustomerPrice &)
{
    return {};
}
Result<void> DemoSink::stockLevel(const StockLevel &)
{
    return {};
}
Result<void> DemoSink::salesDocument(const SalesDocument &)
{
    return {};
}
Result<void> DemoSink::invoice(const Invoice &)
{
    return {};
}
Result<void> DemoSink::payment(const Payment &)
{
    return {};
}
Result<void> DemoSink::ticket(const Ticket &)
{
    return {};
}
Result<void> DemoSink::activity(const Activity &)
{
    return {};
}
Result<void> DemoSink::opportunity(const Opportunity &)
{
    return {};
}
Result<void> DemoSink::finished(const DemoSummary &)
{
    return {};
}

QList<DemoTerritory> DemoGenerator::territories()
{
    // Index-aligned with demo::demoLanguages().
    return {
        {u"TR-IST"_s, u"Türkiye (İstanbul)"_s, u"tr"_s, u"TR"_s, u"TR"_s, u"WH-IST"_s},
        {u"IR-THR"_s, u"Iran (Tehran)"_s, u"fa"_s, u"IR"_s, u"IR"_s, u"WH-THR"_s},
        {u"AE-DXB"_s, u"United Arab Emirates (Dubai)"_s, u"ar"_s, u"AE"_s, u"AE"_s, u"WH-DXB"_s},
        {u"IL-TLV"_s, u"Israel (Tel Aviv)"_s, u"he"_s, u"IL"_s, u"IL"_s, u"WH-TLV"_s},
        {u"VN-SGN"_s, u"Vietnam (Ho Chi Minh City)"_s, u"vi"_s, u"VN"_s, u"VN"_s, u"WH-SGN"_s},
        {u"GB-LON"_s, u"United Kingdom (London)"_s, u"en"_s, u"GB"_s, u"GB"_s, u"WH-LON"_s},
    };
}

QList<DemoUser> DemoGenerator::users(DemoSize size)
{
    const QList<DemoTerritory> territories = DemoGenerator::territories();
    const QList<demo::DemoLanguage> &languages = demo::demoLanguages();
    QStringList all;
    for (const DemoTerritory &t : territories)
        all.append(t.code);

    QList<DemoUser> users = {
        {u"admin"_s, u"Karvan Administrator"_s, u"admin"_s, all, QString()},
        {u"manager"_s, u"Deniz Aksoy"_s, u"manager"_s, all, QString()},
        {u"finance"_s, u"Sarah Whitfield"_s, u"finance"_s, all, QString()},
        {u"warehouse.ist"_s, u"Kemal Uçar"_s, u"warehouse"_s, {u"TR-IST"_s}, QString()},
        {u"warehouse.dxb"_s, u"راشد الكتبي"_s, u"warehouse"_s, {u"AE-DXB"_s}, QString()},
        {u"kiosk.ist1"_s, u"Karvan Kadıköy Kiosk"_s, u"kiosk"_s, {u"TR-IST"_s}, u"IST1"_s},
    };
    // Rep logins carry the language of their territory: rep.tr1, rep.fa1, rep.ar1, ...
    const int reps = DemoSizeSpec::forSize(size).repsPerTerritory;
    for (qsizetype t = 0; t < territories.size(); ++t) {
        const demo::DemoLanguage &lang = languages.at(t);
        for (int n = 1; n <= reps; ++n) {
            const auto &given = lang.givenNames.at((n * 7 + t) % lang.givenNames.size());
            const auto &family = lang.familyNames.at((n * 3 + 2 * t) % lang.familyNames.size());
            const QString name = lang.familyNameFirst
                ? QString(family.native + u' '
                          + lang.middleNames.at(n % lang.middleNames.size()).native + u' '
                          + given.native)
                : QString(given.native + u' ' + family.native);
            users.append({u"rep.%1%2"_s.arg(lang.code).arg(n),
                          name,
                          u"rep"_s,
                          {territories.at(t).code},
                          QString()});
        }
    }
    return users;
}

DemoGenerator::DemoGenerator(const DemoOptions &options)
    : m_options(options)
{ }

Result<DemoSummary> DemoGenerator::generate(DemoSink &sink) const
{
    if (!m_options.today.isValid())
        return makeError(ErrorCode::InvalidArgument, u"the demo's today is not a valid date"_s);
    demo::DemoRun run(m_options, sink);
    return run.run();
}

namespace demo {

DemoRun::DemoRun(const DemoOptions &options, DemoSink &sink)
    : m_options(options)
    , m_spec(DemoSizeSpec::forSize(options.size))
    , m_sink(sink)
    , m_currency(DemoGenerator::currency())
    , m_today(options.today)
    , m_historyStart(options.today.addDays(-364))
    , m_days(365)
    , m_idRandom(options.seed, 1)
{
    // Master data predates the history: ids of reference records carry this time.
    m_referenceMillis = millisOf(m_historyStart.addDays(-30), 5);
    m_territories = DemoGenerator::territories();
}

qint64 DemoRun::millisOf(const QDate &date, int hour, int minute)
{
    constexpr qint64 unixEpochJulianDay = 2440588;
    return (date.toJulianDay() - unixEpochJulianDay) * 86'400'000LL
        + (hour * 60LL + minute) * 60'000LL;
}

QUuid DemoRun::nextId(qint64 unixMillis)
{
    if (unixMillis > m_lastIdMillis) {
        m_lastIdMillis = unixMillis;
        m_idCounter = 0;
    } else if (++m_idCounter > 0x0FFF) { // 4096 ids in one millisecond: borrow the next one
        ++m_lastIdMillis;
        m_idCounter = 0;
    }
    return Uuid7::fromParts(m_lastIdMillis, quint16(m_idCounter), m_idRandom.next() >> 2);
}

QUuid DemoRun::looseId(qint64 unixMillis)
{
    return Uuid7::fromParts(unixMillis, quint16(m_idRandom.below(0x1000)), m_idRandom.next() >> 2);
}

PricingCatalog DemoRun::catalogFor(const CustomerInfo &customer, const QDate &date,
                                   const QList<PricingRequest::Line> &lines) const
{
    const DemoTerritory &territory = m_territories.at(customer.territory);
    PricingCatalog catalog;
    auto trimmed = [&lines](const PricedList &from) {
        PriceList list = from.list;
        list.entries.clear();
        for (const PricingRequest::Line &line : lines) {
            const auto it = from.entryBySku.constFind(line.sku);
            if (it != from.entryBySku.cend())
                list.entries.append(from.list.entries.at(it.value()));
        }
        return list;
    };
    catalog.baseList = trimmed(m_baseList);
    if (customer.priceList >= 0)
        catalog.customerList = trimmed(m_customerLists.at(customer.priceList));
    catalog.customerPrices = customer.prices;
    catalog.taxRules = m_taxRulesByRegion.value(territory.taxRegion);

    QList<int> promotions;
    auto consider = [&](int index) {
        const Promotion &p = m_promotions.at(index);
        if (date < p.validFrom || date > p.validTo || promotions.contains(index))
            return;
        if (!p.territories.isEmpty() && !p.territories.contains(territory.code))
            return;
        promotions.append(index);
    };
    for (int index : m_promotionsForAll)
        consider(index);
    for (const PricingRequest::Line &line : lines) {
        catalog.products.insert(line.sku, m_products[m_productBySku.value(line.sku)].product);
        const auto it = m_promotionsBySku.constFind(line.sku);
        if (it != m_promotionsBySku.cend()) {
            for (int index : it.value())
                consider(index);
        }
    }
    std::sort(promotions.begin(), promotions.end()); // the catalog's order, whatever the lines'
    for (int index : promotions)
        catalog.promotions.append(m_promotions.at(index));
    return catalog;
}

Result<PricedDocument> DemoRun::price(const CustomerInfo &customer, const QDate &date,
                                      const QList<PricingRequest::Line> &lines) const
{
    const DemoTerritory &territory = m_territories.at(customer.territory);
    PricingRequest request;
    request.customerId = customer.id;
    request.territory = territory.code;
    request.taxRegion = territory.taxRegion;
    request.currency = m_currency;
    request.date = date;
    request.lines = lines;
    return priceDocument(catalogFor(customer, date, lines), request);
}

Result<DemoSummary> DemoRun::run()
{
    KARVAN_DEMO_TRY(emitOrganisation());
    KARVAN_DEMO_TRY(emitTaxRules());
    KARVAN_DEMO_TRY(emitProducts());
    KARVAN_DEMO_TRY(emitPriceLists());
    KARVAN_DEMO_TRY(emitPromotions());
    KARVAN_DEMO_TRY(emitCustomers());
    KARVAN_DEMO_TRY(emitCustomerPrices());
    KARVAN_DEMO_TRY(emitStock());
    KARVAN_DEMO_TRY(emitHistory());

    for (const CustomerInfo &c : m_customers) {
        if (c.creditLimitMinor > 0
            && (c.openMinor + c.unbilledMinor) * 10 >= c.creditLimitMinor * 9)
            ++m_summary.customersNearCreditLimit;
        m_summary.openReceivablesMinor += c.openMinor;
    }
    KARVAN_DEMO_TRY(m_sink.finished(m_summary));
    return m_summary;
}

} // namespace demo

} // namespace karvan
