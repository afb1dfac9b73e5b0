#include "rules/pricing.h"

#include <QTest>

#include <functional>
#include <limits>

using namespace karvan;
using namespace Qt::StringLiterals;

using CatalogMutator = std::function<void(PricingCatalog &, PricingRequest &)>;
Q_DECLARE_METATYPE(CatalogMutator)
Q_DECLARE_METATYPE(karvan::ErrorCode)
Q_DECLARE_METATYPE(karvan::PriceStep::Kind)
Q_DECLARE_METATYPE(karvan::Quantity)

namespace {

const QUuid kCustomer = QUuid::fromString(u"{0190a3c2-0000-7000-8000-000000000001}"_s);
const QUuid kOtherCustomer = QUuid::fromString(u"{0190a3c2-0000-7000-8000-000000000002}"_s);

Money money(const QString &decimal, const QString &currency = u"USD"_s)
{
    auto m = Money::parse(decimal, currency);
    if (!m)
        qFatal("bad test money %s", qPrintable(m.errorMessage()));
    return m.value();
}

Quantity qty(const QString &decimal, const QString &unit = u"ea"_s)
{
    auto q = Quantity::parse(decimal, unit);
    if (!q)
        qFatal("bad test quantity %s", qPrintable(q.errorMessage()));
    return q.value();
}

PriceTier tier(const QString &min, const QString &price, const QString &unit = u"ea"_s,
               const QString &currency = u"USD"_s)
{
    return PriceTier {qty(min, unit), money(price, currency)};
}

Product product(const QString &sku, bool active = true)
{
    Product p;
    p.sku = sku;
    p.name = sku.toLower();
    p.unitConversions = {UnitConversion {u"box"_s, 12000}};
    p.active = active;
    return p;
}

// WIDGET: 10.00 from 1 ea, 9.00 from 100 ea; GADGET: 20.00; OLDTHING is inactive; NOPRICE has
// no list price. Tax: none in region NONE, 10% added in US-NY.
PricingCatalog makeCatalog()
{
    PricingCatalog c;
    for (const QString &sku : {u"WIDGET"_s, u"GADGET"_s, u"NOPRICE"_s})
        c.products.insert(sku, product(sku));
    c.products.insert(u"OLDTHING"_s, product(u"OLDTHING"_s, false));
    c.baseList.code = u"BASE"_s;
    c.baseList.currency = u"USD"_s;
    c.baseList.isBase = true;
    c.baseList.entries = {
        PriceListEntry {
            u"WIDGET"_s, u"ea"_s, {tier(u"1"_s, u"10.00"_s), tier(u"100"_s, u"9.00"_s)}},
        PriceListEntry {u"GADGET"_s, QString(), {tier(u"1"_s, u"20.00"_s)}},
        PriceListEntry {u"OLDTHING"_s, QString(), {tier(u"1"_s, u"5.00"_s)}},
    };
    c.taxRules = {TaxRule {u"standard"_s, u"NONE"_s, 0, false, u"No tax"_s},
                  TaxRule {u"standard"_s, u"US-NY"_s, 1000, false, u"Sales tax 10%"_s}};
    return c;
}

PriceList wholesaleList()
{
    PriceList l;
    l.code = u"WHOLESALE"_s;
    l.currency = u"USD"_s;
    l.entries = {PriceListEntry {
        u"WIDGET"_s,
        u"ea"_s,
        {tier(u"1"_s, u"9.80"_s), tier(u"10"_s, u"9.50"_s), tier(u"50"_s, u"9.00"_s)}}};
    return l;
}

Promotion percentOff(const QString &code, int basisPoints, QDate from = QDate(2024, 6, 1),
                     QDate to = QDate(2024, 6, 30))
{
    Promotion p;
    p.code = code;
    p.kind = Promotion::Kind::PercentOff;
    p.percentBasisPoints = basisPoints;
    p.validFrom = from;
    p.validTo = to;
    return p;
}

Promotion amountOffPromo(const QString &code, const Money &amount)
{
    Promotion p = percentOff(code, 0);
    p.kind = Promotion::Kind::AmountOff;
    p.amountOffPerUnit = amount;
    return p;
}

PricingRequest makeRequest(const QString &sku, const Quantity &quantity)
{
    PricingRequest r;
    r.customerId = kCustomer;
    r.territory = u"NORTH"_s;
    r.taxRegion = u"NONE"_s;
    r.currency = u"USD"_s;
    r.date = QDate(2024, 6, 15);
    r.lines = {PricingRequest::Line {sku, quantity}};
    return r;
}

// Prices a one-line document and returns its line; fails the test on an error.
PricedLine priceOne(const PricingCatalog &catalog, const PricingRequest &request)
{
    auto doc = priceDocument(catalog, request);
    if (!doc) {
        QTest::qFail(qPrintable(doc.errorMessage()), __FILE__, __LINE__);
        return {};
    }
    if (doc->lines.size() != 1) {
        QTest::qFail("expected exactly one priced line", __FILE__, __LINE__);
        return {};
    }
    return doc->lines.first();
}

QList<PriceStep::Kind> kinds(const PricedLine &line)
{
    QList<PriceStep::Kind> out;
    for (const PriceStep &s : line.steps)
        out.append(s.kind);
    return out;
}

bool hasStep(const PricedLine &line, PriceStep::Kind kind)
{
    return kinds(line).contains(kind);
}

} // namespace

class tst_Pricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listPrice();
    void baseListTierBoundaries_data();
    void baseListTierBoundaries();
    void customerListTiers_data();
    void customerListTiers();
    void customerListWithoutTheSku();
    void customerListFirstTierAboveQuantity();
    void customerPriceValidity_data();
    void customerPriceValidity();
    void customerPriceOfAnotherCustomerIgnored();
    void customerPriceWinsOverLists();
    void latestCustomerPriceWins();
    void promotionDates_data();
    void promotionDates();
    void promotionSkuScope_data();
    void promotionSkuScope();
    void promotionTerritoryScope_data();
    void promotionTerritoryScope();
    void promotionMinQuantity_data();
    void promotionMinQuantity();
    void bestPromotionChosen();
    void percentOffRoundsUnitPriceHalfUp_data();
    void percentOffRoundsUnitPriceHalfUp();
    void amountOff();
    void amountOffLargerThanPriceClampsAtZero();
    void stepsPresentAndInOrder();
    void boxConvertsToBaseUnit_data();
    void boxConvertsToBaseUnit();
    void priceEntryInTheLineUnitIsUsedAsIs();
    void errors_data();
    void errors();
    void errorOnSecondLineNamesIt();
    void documentTotalOverflow();
    void invalidDocumentCurrency();
};

void tst_Pricing::listPrice()
{
    const PricedLine line = priceOne(makeCatalog(), makeRequest(u"WIDGET"_s, qty(u"5"_s)));
    QCOMPARE(line.sku, u"WIDGET"_s);
    QCOMPARE(line.quantity, qty(u"5"_s));
    QCOMPARE(line.pricedQuantity, qty(u"5"_s));
    QCOMPARE(line.listUnitPrice, money(u"10.00"_s));
    QCOMPARE(line.unitPrice, money(u"10.00"_s));
    QCOMPARE(line.net, money(u"50.00"_s));
    QCOMPARE(line.tax, money(u"0.00"_s));
    QCOMPARE(line.total, money(u"50.00"_s));
    QCOMPARE(kinds(line), (QList {PriceStep::Kind::ListPrice, PriceStep::Kind::Tax}));
    QCOMPARE(line.steps[0].reference, u"BASE"_s);
    QCOMPARE(line.steps[0].description, u"List price on BASE: 10.00 USD"_s);
    QCOMPARE(line.steps[0].unitPrice, money(u"10.00"_s));
}

void tst_Pricing::baseListTierBoundaries_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("unitPrice");
    QTest::addColumn<bool>("tierStep");
    QTest::newRow("first tier minimum") << u"1"_s << u"10.00"_s << false;
    QTest::newRow("below the first tier's minimum uses it") << u"0.5"_s << u"10.00"_s << false;
    QTest::newRow("one thousandth below 100") << u"99.999"_s << u"10.00"_s << false;
    QTest::newRow("exactly 100") << u"100"_s << u"9.00"_s << true;
    QTest::newRow("above 100") << u"250"_s << u"9.00"_s << true;
}

void tst_Pricing::baseListTierBoundaries()
{
    QFETCH(QString, quantity);
    QFETCH(QString, unitPrice);
    QFETCH(bool, tierStep);
    PricingCatalog catalog = makeCatalog();
    // A list whose first tier starts at a fraction, so 0.5 ea has a list price.
    catalog.baseList.entries[0].tiers[0].minQuantity = qty(u"0.001"_s);
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(quantity)));
    QCOMPARE(line.unitPrice, money(unitPrice));
    QCOMPARE(line.listUnitPrice, money(unitPrice));
    QCOMPARE(hasStep(line, PriceStep::Kind::VolumeTier), tierStep);
    if (tierStep) {
        QCOMPARE(line.steps[1].description, u"Volume tier \u2265 100 ea on BASE: 9.00 USD"_s);
        QCOMPARE(line.steps[1].reference, u"BASE"_s);
    }
}

void tst_Pricing::customerListTiers_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("unitPrice");
    QTest::addColumn<QString>("tierDescription");
    QTest::newRow("1 ea: list entry") << u"1"_s << u"9.80"_s << QString();
    QTest::newRow("9.999 ea: below tier 10") << u"9.999"_s << u"9.80"_s << QString();
    QTest::newRow("10 ea: at tier 10")
        << u"10"_s << u"9.50"_s << u"Volume tier \u2265 10 ea on WHOLESALE: 9.50 USD"_s;
    QTest::newRow("49.999 ea: below tier 50")
        << u"49.999"_s << u"9.50"_s << u"Volume tier \u2265 10 ea on WHOLESALE: 9.50 USD"_s;
    QTest::newRow("50 ea: at tier 50")
        << u"50"_s << u"9.00"_s << u"Volume tier \u2265 50 ea on WHOLESALE: 9.00 USD"_s;
}

void tst_Pricing::customerListTiers()
{
    QFETCH(QString, quantity);
    QFETCH(QString, unitPrice);
    QFETCH(QString, tierDescription);
    PricingCatalog catalog = makeCatalog();
    catalog.customerList = wholesaleList();
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(quantity)));
    QCOMPARE(line.listUnitPrice, money(u"10.00"_s));
    QCOMPARE(line.unitPrice, money(unitPrice));
    QCOMPARE(line.steps[1].kind, PriceStep::Kind::PriceList);
    QCOMPARE(line.steps[1].description, u"Price list WHOLESALE: 9.80 USD"_s);
    QCOMPARE(line.steps[1].reference, u"WHOLESALE"_s);
    if (tierDescription.isEmpty()) {
        QVERIFY(!hasStep(line, PriceStep::Kind::VolumeTier));
    } else {
        QCOMPARE(line.steps[2].kind, PriceStep::Kind::VolumeTier);
        QCOMPARE(line.steps[2].description, tierDescription);
        QCOMPARE(line.steps[2].unitPrice, money(unitPrice));
    }
}

void tst_Pricing::customerListWithoutTheSku()
{
    PricingCatalog catalog = makeCatalog();
    catalog.customerList = wholesaleList();
    const PricedLine line = priceOne(catalog, makeRequest(u"GADGET"_s, qty(u"3"_s)));
    QCOMPARE(line.unitPrice, money(u"20.00"_s));
    QCOMPARE(kinds(line), (QList {PriceStep::Kind::ListPrice, PriceStep::Kind::Tax}));
}

void tst_Pricing::customerListFirstTierAboveQuantity()
{
    // The customer's list only prices from 10 ea: below that the list price stands.
    PricingCatalog catalog = makeCatalog();
    PriceList list = wholesaleList();
    list.entries[0].tiers = {tier(u"10"_s, u"9.50"_s)};
    catalog.customerList = list;
    PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"9"_s)));
    QCOMPARE(line.unitPrice, money(u"10.00"_s));
    QVERIFY(!hasStep(line, PriceStep::Kind::PriceList));
    line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"10"_s)));
    QCOMPARE(line.unitPrice, money(u"9.50"_s));
    QCOMPARE(line.steps[1].description, u"Price list WHOLESALE: 9.50 USD"_s);
}

void tst_Pricing::customerPriceValidity_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("applies");
    QTest::newRow("day before validFrom") << QDate(2024, 2, 29) << false;
    QTest::newRow("validFrom") << QDate(2024, 3, 1) << true;
    QTest::newRow("inside") << QDate(2024, 3, 15) << true;
    QTest::newRow("validTo (inclusive)") << QDate(2024, 3, 31) << true;
    QTest::newRow("day after validTo") << QDate(2024, 4, 1) << false;
}

void tst_Pricing::customerPriceValidity()
{
    QFETCH(QDate, date);
    QFETCH(bool, applies);
    PricingCatalog catalog = makeCatalog();
    catalog.customerPrices = {CustomerPrice {kCustomer, u"WIDGET"_s, money(u"8.75"_s),
                                             QDate(2024, 3, 1), QDate(2024, 3, 31)}};
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"2"_s));
    request.date = date;
    const PricedLine line = priceOne(catalog, request);
    QCOMPARE(line.unitPrice, money(applies ? u"8.75"_s : u"10.00"_s));
    QCOMPARE(line.net, money(applies ? u"17.50"_s : u"20.00"_s));
    QCOMPARE(hasStep(line, PriceStep::Kind::CustomerPrice), applies);
    if (applies)
        QCOMPARE(line.steps[1].description,
                 u"Customer price (valid 2024-03-01 to 2024-03-31): 8.75 USD"_s);
}

void tst_Pricing::customerPriceOfAnotherCustomerIgnored()
{
    PricingCatalog catalog = makeCatalog();
    catalog.customerPrices = {
        CustomerPrice {kOtherCustomer, u"WIDGET"_s, money(u"1.00"_s), std::nullopt, std::nullopt},
        CustomerPrice {kCustomer, u"GADGET"_s, money(u"1.00"_s), std::nullopt, std::nullopt}};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"1"_s)));
    QCOMPARE(line.unitPrice, money(u"10.00"_s));
    QVERIFY(!hasStep(line, PriceStep::Kind::CustomerPrice));
}

void tst_Pricing::customerPriceWinsOverLists()
{
    // Negotiated prices win even over a cheaper volume tier: the agreement is the price.
    PricingCatalog catalog = makeCatalog();
    catalog.customerList = wholesaleList();
    catalog.customerPrices
        = {CustomerPrice {kCustomer, u"WIDGET"_s, money(u"9.60"_s), std::nullopt, std::nullopt}};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"60"_s)));
    QCOMPARE(line.unitPrice, money(u"9.60"_s));
    QCOMPARE(line.net, money(u"576.00"_s));
    QCOMPARE(
        kinds(line),
        (QList {PriceStep::Kind::ListPrice, PriceStep::Kind::PriceList, PriceStep::Kind::VolumeTier,
                PriceStep::Kind::CustomerPrice, PriceStep::Kind::Tax}));
    QCOMPARE(line.steps[3].description, u"Customer price: 9.60 USD"_s);
}

void tst_Pricing::latestCustomerPriceWins()
{
    PricingCatalog catalog = makeCatalog();
    catalog.customerPrices = {
        CustomerPrice {kCustomer, u"WIDGET"_s, money(u"7.00"_s), QDate(2024, 1, 1), std::nullopt},
        CustomerPrice {kCustomer, u"WIDGET"_s, money(u"8.00"_s), QDate(2024, 6, 1), std::nullopt},
        CustomerPrice {kCustomer, u"WIDGET"_s, money(u"6.00"_s), QDate(2024, 7, 1), std::nullopt}};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"1"_s)));
    QCOMPARE(line.unitPrice, money(u"8.00"_s));
    QCOMPARE(line.steps[1].description, u"Customer price (valid from 2024-06-01): 8.00 USD"_s);
}

void tst_Pricing::promotionDates_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("applies");
    QTest::newRow("day before start") << QDate(2024, 5, 31) << false;
    QTest::newRow("first day") << QDate(2024, 6, 1) << true;
    QTest::newRow("last day") << QDate(2024, 6, 30) << true;
    QTest::newRow("day after end") << QDate(2024, 7, 1) << false;
}

void tst_Pricing::promotionDates()
{
    QFETCH(QDate, date);
    QFETCH(bool, applies);
    PricingCatalog catalog = makeCatalog();
    catalog.promotions = {percentOff(u"JUNE10"_s, 1000)};
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"3"_s));
    request.date = date;
    const PricedLine line = priceOne(catalog, request);
    QCOMPARE(line.unitPrice, money(applies ? u"9.00"_s : u"10.00"_s));
    QCOMPARE(line.net, money(applies ? u"27.00"_s : u"30.00"_s));
    QCOMPARE(hasStep(line, PriceStep::Kind::Promotion), applies);
}

void tst_Pricing::promotionSkuScope_data()
{
    QTest::addColumn<QStringList>("skus");
    QTest::addColumn<bool>("applies");
    QTest::newRow("every product") << QStringList() << true;
    QTest::newRow("this sku") << QStringList {u"WIDGET"_s} << true;
    QTest::newRow("among others") << QStringList {u"GADGET"_s, u"WIDGET"_s} << true;
    QTest::newRow("another sku only") << QStringList {u"GADGET"_s} << false;
}

void tst_Pricing::promotionSkuScope()
{
    QFETCH(QStringList, skus);
    QFETCH(bool, applies);
    PricingCatalog catalog = makeCatalog();
    Promotion promo = percentOff(u"SKU10"_s, 1000);
    promo.skus = skus;
    catalog.promotions = {promo};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"1"_s)));
    QCOMPARE(line.unitPrice, money(applies ? u"9.00"_s : u"10.00"_s));
    QCOMPARE(hasStep(line, PriceStep::Kind::Promotion), applies);
}

void tst_Pricing::promotionTerritoryScope_data()
{
    QTest::addColumn<QStringList>("territories");
    QTest::addColumn<QString>("territory");
    QTest::addColumn<bool>("applies");
    QTest::newRow("every territory") << QStringList() << u"NORTH"_s << true;
    QTest::newRow("this territory") << QStringList {u"NORTH"_s} << u"NORTH"_s << true;
    QTest::newRow("other territory") << QStringList {u"SOUTH"_s} << u"NORTH"_s << false;
    QTest::newRow("request without territory") << QStringList {u"NORTH"_s} << QString() << false;
}

void tst_Pricing::promotionTerritoryScope()
{
    QFETCH(QStringList, territories);
    QFETCH(QString, territory);
    QFETCH(bool, applies);
    PricingCatalog catalog = makeCatalog();
    Promotion promo = percentOff(u"NORTH10"_s, 1000);
    promo.territories = territories;
    catalog.promotions = {promo};
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"1"_s));
    request.territory = territory;
    const PricedLine line = priceOne(catalog, request);
    QCOMPARE(line.unitPrice, money(applies ? u"9.00"_s : u"10.00"_s));
}

void tst_Pricing::promotionMinQuantity_data()
{
    QTest::addColumn<Quantity>("minimum");
    QTest::addColumn<Quantity>("quantity");
    QTest::addColumn<bool>("applies");
    QTest::newRow("exactly the minimum") << qty(u"10"_s) << qty(u"10"_s) << true;
    QTest::newRow("one thousandth below") << qty(u"10"_s) << qty(u"9.999"_s) << false;
    QTest::newRow("minimum in boxes, 12 ea") << qty(u"1"_s, u"box"_s) << qty(u"12"_s) << true;
    QTest::newRow("minimum in boxes, 11.999 ea")
        << qty(u"1"_s, u"box"_s) << qty(u"11.999"_s) << false;
    QTest::newRow("minimum in ea, line in boxes") << qty(u"24"_s) << qty(u"2"_s, u"box"_s) << true;
}

void tst_Pricing::promotionMinQuantity()
{
    QFETCH(Quantity, minimum);
    QFETCH(Quantity, quantity);
    QFETCH(bool, applies);
    PricingCatalog catalog = makeCatalog();
    Promotion promo = percentOff(u"BULK10"_s, 1000);
    promo.minQuantity = minimum;
    catalog.promotions = {promo};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, quantity));
    QCOMPARE(line.unitPrice, money(applies ? u"9.00"_s : u"10.00"_s));
}

void tst_Pricing::bestPromotionChosen()
{
    PricingCatalog catalog = makeCatalog();
    catalog.promotions = {percentOff(u"TEN"_s, 1000), // 9.00
                          amountOffPromo(u"ONE50"_s, money(u"1.50"_s)), // 8.50
                          percentOff(u"FIVE"_s, 500), // 9.50
                          percentOff(u"EXPIRED"_s, 5000, QDate(2024, 1, 1), QDate(2024, 1, 31))};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"4"_s)));
    QCOMPARE(line.unitPrice, money(u"8.50"_s));
    QCOMPARE(line.net, money(u"34.00"_s));
    QCOMPARE(line.steps.size(), 3);
    QCOMPARE(line.steps[1].kind, PriceStep::Kind::Promotion);
    QCOMPARE(line.steps[1].reference, u"ONE50"_s);
    QCOMPARE(line.steps[1].description, u"Promotion ONE50 (1.50 USD off per ea): 8.50 USD"_s);
}

void tst_Pricing::percentOffRoundsUnitPriceHalfUp_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0.05 - 10% = 0.045 -> 0.05") << u"0.05"_s << 1000 << u"0.05"_s;
    QTest::newRow("0.15 - 10% = 0.135 -> 0.14") << u"0.15"_s << 1000 << u"0.14"_s;
    QTest::newRow("9.99 - 15% = 8.4915 -> 8.49") << u"9.99"_s << 1500 << u"8.49"_s;
    QTest::newRow("19.99 - 12.5% = 17.49125 -> 17.49") << u"19.99"_s << 1250 << u"17.49"_s;
    QTest::newRow("100% off") << u"20.00"_s << 10000 << u"0.00"_s;
}

void tst_Pricing::percentOffRoundsUnitPriceHalfUp()
{
    QFETCH(QString, price);
    QFETCH(int, basisPoints);
    QFETCH(QString, expected);
    PricingCatalog catalog = makeCatalog();
    catalog.baseList.entries[1].tiers = {tier(u"1"_s, price)};
    catalog.promotions = {percentOff(u"PCT"_s, basisPoints)};
    const PricedLine line = priceOne(catalog, makeRequest(u"GADGET"_s, qty(u"10"_s)));
    QCOMPARE(line.unitPrice, money(expected));
    // The line is the rounded unit price times the quantity, not the rounded line discount.
    QCOMPARE(line.net.minorUnits(), money(expected).minorUnits() * 10);
}

void tst_Pricing::amountOff()
{
    PricingCatalog catalog = makeCatalog();
    catalog.promotions = {amountOffPromo(u"TWO"_s, money(u"2.00"_s))};
    const PricedLine line = priceOne(catalog, makeRequest(u"GADGET"_s, qty(u"3"_s)));
    QCOMPARE(line.unitPrice, money(u"18.00"_s));
    QCOMPARE(line.net, money(u"54.00"_s));
    QCOMPARE(line.steps[1].description, u"Promotion TWO (2.00 USD off per ea): 18.00 USD"_s);
}

void tst_Pricing::amountOffLargerThanPriceClampsAtZero()
{
    PricingCatalog catalog = makeCatalog();
    catalog.promotions = {amountOffPromo(u"HUGE"_s, money(u"12.00"_s))};
    const PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"3"_s)));
    QCOMPARE(line.unitPrice, money(u"0.00"_s));
    QVERIFY(!line.unitPrice.isNegative());
    QCOMPARE(line.net, money(u"0.00"_s));
    QCOMPARE(line.total, money(u"0.00"_s));
    QCOMPARE(line.steps[1].kind, PriceStep::Kind::Promotion);
    QCOMPARE(line.steps[1].unitPrice, money(u"0.00"_s));
    QVERIFY2(line.steps[1].description.contains(u"clamped at zero"_s),
             qPrintable(line.steps[1].description));
    QVERIFY2(line.steps[1].description.contains(u"10.00 USD"_s),
             qPrintable(line.steps[1].description));
}

void tst_Pricing::stepsPresentAndInOrder()
{
    PricingCatalog catalog = makeCatalog();
    catalog.customerList = wholesaleList();
    catalog.customerPrices = {CustomerPrice {kCustomer, u"WIDGET"_s, money(u"8.90"_s),
                                             QDate(2024, 1, 1), QDate(2024, 12, 31)}};
    catalog.promotions = {percentOff(u"SUMMER10"_s, 1000)};
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"60"_s));
    request.taxRegion = u"US-NY"_s;
    const PricedLine line = priceOne(catalog, request);

    const QList<PriceStep::Kind> expectedKinds {
        PriceStep::Kind::ListPrice,     PriceStep::Kind::PriceList, PriceStep::Kind::VolumeTier,
        PriceStep::Kind::CustomerPrice, PriceStep::Kind::Promotion, PriceStep::Kind::Tax};
    QCOMPARE(kinds(line), expectedKinds);
    const QStringList descriptions {
        u"List price on BASE: 10.00 USD"_s,
        u"Price list WHOLESALE: 9.80 USD"_s,
        u"Volume tier \u2265 50 ea on WHOLESALE: 9.00 USD"_s,
        u"Customer price (valid 2024-01-01 to 2024-12-31): 8.90 USD"_s,
        u"Promotion SUMMER10 (10.00% off): 8.01 USD"_s,
        u"Sales tax 10% (10.00%, added to the price): 48.06 USD on 480.60 USD"_s,
    };
    const QStringList references {u"BASE"_s, u"WHOLESALE"_s, u"WHOLESALE"_s,
                                  QString(), u"SUMMER10"_s,  u"Sales tax 10%"_s};
    const QStringList prices {u"10.00"_s, u"9.80"_s, u"9.00"_s, u"8.90"_s, u"8.01"_s, u"8.01"_s};
    for (qsizetype i = 0; i < expectedKinds.size(); ++i) {
        QCOMPARE(line.steps[i].description, descriptions[i]);
        QCOMPARE(line.steps[i].reference, references[i]);
        QCOMPARE(line.steps[i].unitPrice, money(prices[i]));
    }
    QCOMPARE(line.listUnitPrice, money(u"10.00"_s));
    QCOMPARE(line.unitPrice, money(u"8.01"_s));
    QCOMPARE(line.net, money(u"480.60"_s));
    QCOMPARE(line.tax, money(u"48.06"_s));
    QCOMPARE(line.total, money(u"528.66"_s));
    QCOMPARE(line.taxRateBasisPoints, 1000);
    QVERIFY(!line.taxInclusive);
}

void tst_Pricing::boxConvertsToBaseUnit_data()
{
    QTest::addColumn<QString>("boxes");
    QTest::addColumn<QString>("baseQuantity");
    QTest::addColumn<QString>("unitPrice");
    QTest::addColumn<QString>("net");
    QTest::newRow("2 box = 24 ea at 10.00") << u"2"_s << u"24"_s << u"10.00"_s << u"240.00"_s;
    QTest::newRow("8 box = 96 ea, below tier 100")
        << u"8"_s << u"96"_s << u"10.00"_s << u"960.00"_s;
    QTest::newRow("9 box = 108 ea, tier 100") << u"9"_s << u"108"_s << u"9.00"_s << u"972.00"_s;
    QTest::newRow("0.5 box = 6 ea") << u"0.5"_s << u"6"_s << u"10.00"_s << u"60.00"_s;
}

void tst_Pricing::boxConvertsToBaseUnit()
{
    QFETCH(QString, boxes);
    QFETCH(QString, baseQuantity);
    QFETCH(QString, unitPrice);
    QFETCH(QString, net);
    const PricedLine line = priceOne(makeCatalog(), makeRequest(u"WIDGET"_s, qty(boxes, u"box"_s)));
    QCOMPARE(line.quantity, qty(boxes, u"box"_s));
    QCOMPARE(line.pricedQuantity, qty(baseQuantity));
    QCOMPARE(line.unitPrice, money(unitPrice));
    QCOMPARE(line.net, money(net));
    QCOMPARE(line.steps[0].description, u"List price on BASE: 10.00 USD per ea"_s);
}

void tst_Pricing::priceEntryInTheLineUnitIsUsedAsIs()
{
    PricingCatalog catalog = makeCatalog();
    catalog.baseList.entries.append(
        PriceListEntry {u"WIDGET"_s, u"box"_s, {tier(u"1"_s, u"110.00"_s, u"box"_s)}});
    PricedLine line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"2"_s, u"box"_s)));
    QCOMPARE(line.unitPrice, money(u"110.00"_s));
    QCOMPARE(line.pricedQuantity, qty(u"2"_s, u"box"_s));
    QCOMPARE(line.net, money(u"220.00"_s));
    QCOMPARE(line.steps[0].description, u"List price on BASE: 110.00 USD per box"_s);
    // A line in ea still takes the price per ea.
    line = priceOne(catalog, makeRequest(u"WIDGET"_s, qty(u"2"_s)));
    QCOMPARE(line.unitPrice, money(u"10.00"_s));
    QCOMPARE(line.net, money(u"20.00"_s));
}

void tst_Pricing::errors_data()
{
    QTest::addColumn<CatalogMutator>("mutate");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("mention");

    auto setLine = [](const QString &sku, const Quantity &q) {
        return [sku, q](PricingCatalog &, PricingRequest &r) {
            r.lines = {{sku, q}};
        };
    };
    const qint64 max = std::numeric_limits<qint64>::max();

    QTest::newRow("unknown sku") << CatalogMutator(setLine(u"NOSUCH"_s, qty(u"1"_s)))
                                 << ErrorCode::NotFound << u"NOSUCH"_s << u"unknown SKU"_s;
    QTest::newRow("inactive product") << CatalogMutator(setLine(u"OLDTHING"_s, qty(u"1"_s)))
                                      << ErrorCode::Conflict << u"OLDTHING"_s << u"inactive"_s;
    QTest::newRow("zero quantity") << CatalogMutator(setLine(u"WIDGET"_s, qty(u"0"_s)))
                                   << ErrorCode::InvalidArgument << u"WIDGET"_s << u"zero"_s;
    QTest::newRow("negative quantity") << CatalogMutator(setLine(u"WIDGET"_s, qty(u"-2"_s)))
                                       << ErrorCode::InvalidArgument << u"WIDGET"_s << u"-2 ea"_s;
    QTest::newRow("quantity without a unit")
        << CatalogMutator(setLine(u"WIDGET"_s, Quantity())) << ErrorCode::InvalidArgument
        << u"WIDGET"_s << u"zero"_s;
    QTest::newRow("unknown unit") << CatalogMutator(setLine(u"WIDGET"_s, qty(u"1"_s, u"pallet"_s)))
                                  << ErrorCode::InvalidArgument << u"WIDGET"_s << u"pallet"_s;
    QTest::newRow("no list price") << CatalogMutator(setLine(u"NOPRICE"_s, qty(u"1"_s)))
                                   << ErrorCode::NotFound << u"NOPRICE"_s << u"no list price"_s;
    QTest::newRow("quantity below every list tier")
        << CatalogMutator(setLine(u"WIDGET"_s, qty(u"0.5"_s))) << ErrorCode::NotFound << u"WIDGET"_s
        << u"no list price"_s;
    QTest::newRow("base list in another currency")
        << CatalogMutator(
               [](PricingCatalog &c, PricingRequest &) { c.baseList.currency = u"EUR"_s; })
        << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"EUR"_s;
    QTest::newRow("list price in another currency")
        << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
               c.baseList.entries[0].tiers[0].unitPrice = money(u"10.00"_s, u"EUR"_s);
           })
        << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"10.00 EUR"_s;
    QTest::newRow("customer list in another currency")
        << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
               PriceList l = wholesaleList();
               l.currency = u"EUR"_s;
               c.customerList = l;
           })
        << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"WHOLESALE"_s;
    QTest::newRow("customer price in another currency") << CatalogMutator(
        [](PricingCatalog &c, PricingRequest &) {
            c.customerPrices = {CustomerPrice {kCustomer, u"WIDGET"_s, money(u"8.00"_s, u"EUR"_s),
                                               std::nullopt, std::nullopt}};
        }) << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"8.00 EUR"_s;
    QTest::newRow("amount-off promotion in another currency")
        << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
               c.promotions = {amountOffPromo(u"EUROFF"_s, money(u"1.00"_s, u"EUR"_s))};
           })
        << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"EUROFF"_s;
    QTest::newRow("request in another currency than the lists")
        << CatalogMutator([](PricingCatalog &, PricingRequest &r) { r.currency = u"JPY"_s; })
        << ErrorCode::CurrencyMismatch << u"WIDGET"_s << u"JPY"_s;
    QTest::newRow("negative list price") << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
        c.baseList.entries[0].tiers[0].unitPrice = money(u"-1.00"_s);
    }) << ErrorCode::InvalidArgument << u"WIDGET"_s
                                         << u"negative"_s;
    QTest::newRow("percent off above 100%")
        << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
               c.promotions = {percentOff(u"TOOMUCH"_s, 10001)};
           })
        << ErrorCode::InvalidArgument << u"WIDGET"_s << u"TOOMUCH"_s;
    QTest::newRow("no tax rule for the region")
        << CatalogMutator([](PricingCatalog &, PricingRequest &r) { r.taxRegion = u"MARS"_s; })
        << ErrorCode::NotFound << u"WIDGET"_s << u"MARS"_s;
    QTest::newRow("no tax rule for the tax class") << CatalogMutator(
        [](PricingCatalog &c, PricingRequest &) { c.products[u"WIDGET"_s].taxClass = u"luxury"_s; })
                                                   << ErrorCode::NotFound << u"WIDGET"_s
                                                   << u"luxury"_s;
    QTest::newRow("price near INT64_MAX/10 times 1000 units") << CatalogMutator(
        [max](PricingCatalog &c, PricingRequest &r) {
            c.baseList.entries[1].tiers[0].unitPrice = Money::fromMinor(max / 10, u"USD"_s).value();
            r.lines = {{u"GADGET"_s, qty(u"1000"_s)}};
        }) << ErrorCode::Overflow << u"GADGET"_s << u"GADGET"_s;
    QTest::newRow("huge quantity in boxes")
        << CatalogMutator([max](PricingCatalog &, PricingRequest &r) {
               r.lines = {{u"WIDGET"_s, Quantity::fromMilli(max / 2, u"box"_s).value()}};
           })
        << ErrorCode::Overflow << u"WIDGET"_s << u"WIDGET"_s;
    QTest::newRow("tax pushes the total over") << CatalogMutator([max](PricingCatalog &c,
                                                                       PricingRequest &r) {
        c.baseList.entries[1].tiers[0].unitPrice = Money::fromMinor(max - 5, u"USD"_s).value();
        r.lines = {{u"GADGET"_s, qty(u"1"_s)}};
        r.taxRegion = u"US-NY"_s;
    }) << ErrorCode::Overflow << u"GADGET"_s << u"GADGET"_s;
    QTest::newRow("negative amount off") << CatalogMutator([](PricingCatalog &c, PricingRequest &) {
        c.promotions = {amountOffPromo(u"NEG"_s, money(u"-1.00"_s))};
    }) << ErrorCode::InvalidArgument << u"WIDGET"_s
                                         << u"NEG"_s;
}

void tst_Pricing::errors()
{
    QFETCH(CatalogMutator, mutate);
    QFETCH(ErrorCode, code);
    QFETCH(QString, sku);
    QFETCH(QString, mention);
    PricingCatalog catalog = makeCatalog();
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"3"_s));
    mutate(catalog, request);
    const auto doc = priceDocument(catalog, request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, code);
    const QString message = doc.errorMessage();
    QVERIFY2(message.contains(u"SKU "_s + sku), qPrintable(message));
    QVERIFY2(message.contains(u"line 1"_s), qPrintable(message));
    QVERIFY2(message.contains(mention), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
}

void tst_Pricing::errorOnSecondLineNamesIt()
{
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"1"_s));
    request.lines.append({u"GADGET"_s, qty(u"-1"_s)});
    const auto doc = priceDocument(makeCatalog(), request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(doc.errorMessage().startsWith(u"line 2 (SKU GADGET)"_s),
             qPrintable(doc.errorMessage()));
}

void tst_Pricing::documentTotalOverflow()
{
    // Each line fits; their sum does not.
    PricingCatalog catalog = makeCatalog();
    const qint64 half = std::numeric_limits<qint64>::max() / 2 + 1;
    catalog.baseList.entries[1].tiers[0].unitPrice = Money::fromMinor(half, u"USD"_s).value();
    PricingRequest request = makeRequest(u"GADGET"_s, qty(u"1"_s));
    request.lines.append({u"GADGET"_s, qty(u"1"_s)});
    const auto doc = priceDocument(catalog, request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Overflow);
    QVERIFY2(doc.errorMessage().contains(u"document total"_s), qPrintable(doc.errorMessage()));
}

void tst_Pricing::invalidDocumentCurrency()
{
    PricingRequest request = makeRequest(u"WIDGET"_s, qty(u"1"_s));
    request.currency = u"XYZ"_s;
    auto doc = priceDocument(makeCatalog(), request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(doc.errorMessage().contains(u"XYZ"_s), qPrintable(doc.errorMessage()));
    request.currency.clear();
    doc = priceDocument(makeCatalog(), request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_Pricing)
#include "tst_pricing.moc"
