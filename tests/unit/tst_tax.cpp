#include "rules/pricing.h"

#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

Money money(const QString &decimal, const QString &currency)
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

// One product ITEM (tax class "standard", base unit "kg" so quantities have decimals) priced at
// `price` in `currency`, taxed by one rule in region "R".
PricingCatalog catalogWith(const QString &price, const QString &currency, int rate, bool inclusive)
{
    PricingCatalog c;
    Product p;
    p.sku = u"ITEM"_s;
    p.baseUnit = u"kg"_s;
    c.products.insert(p.sku, p);
    c.baseList.code = u"BASE"_s;
    c.baseList.currency = currency;
    c.baseList.isBase = true;
    c.baseList.entries = {PriceListEntry {
        u"ITEM"_s, QString(), {PriceTier {qty(u"0.001"_s, u"kg"_s), money(price, currency)}}}};
    c.taxRules = {TaxRule {u"standard"_s, u"R"_s, rate, inclusive, u"VAT"_s}};
    return c;
}

PricingRequest request(const QString &currency, const QList<QString> &quantities)
{
    PricingRequest r;
    r.taxRegion = u"R"_s;
    r.currency = currency;
    r.date = QDate(2024, 6, 15);
    for (const QString &q : quantities)
        r.lines.append({u"ITEM"_s, qty(q, u"kg"_s)});
    return r;
}

} // namespace

class tst_Tax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineTax_data();
    void lineTax();
    void taxStepExplains();
    void documentTotalIsExactSumOfLines_data();
    void documentTotalIsExactSumOfLines();
    void mixedTaxClassesInOneDocument();
    void missingTaxRuleIsAnError();
    void conflictingTaxRulesAreAnError();
    void negativeRateIsAnError();
};

void tst_Tax::lineTax_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<int>("rate");
    QTest::addColumn<bool>("inclusive");
    QTest::addColumn<QString>("net");
    QTest::addColumn<QString>("tax");
    QTest::addColumn<QString>("total");

    // Exclusive: net = round(unit x qty), tax = round(net x rate), total = net + tax.
    QTest::newRow("USD excl 18%: 3 x 10.00") << u"USD"_s << u"10.00"_s << u"3"_s << 1800 << false
                                             << u"30.00"_s << u"5.40"_s << u"35.40"_s;
    QTest::newRow("USD excl 20%: 1.5 kg x 0.99 = 1.485 -> 1.49, tax 0.298 -> 0.30")
        << u"USD"_s << u"0.99"_s << u"1.5"_s << 2000 << false << u"1.49"_s << u"0.30"_s
        << u"1.79"_s;
    QTest::newRow("USD excl 10%: tax exactly half a cent rounds up")
        << u"USD"_s << u"0.25"_s << u"1"_s << 1000 << false << u"0.25"_s << u"0.03"_s << u"0.28"_s;
    QTest::newRow("USD excl 5%: 0.0525 -> 0.05")
        << u"USD"_s << u"1.05"_s << u"1"_s << 500 << false << u"1.05"_s << u"0.05"_s << u"1.10"_s;
    QTest::newRow("USD excl 0%") << u"USD"_s << u"7.77"_s << u"2"_s << 0 << false << u"15.54"_s
                                 << u"0.00"_s << u"15.54"_s;
    QTest::newRow("USD excl 8.88%: 0.333 kg x 12.34 = 4.10922 -> 4.11, tax 0.3647 -> 0.36")
        << u"USD"_s << u"12.34"_s << u"0.333"_s << 888 << false << u"4.11"_s << u"0.36"_s
        << u"4.47"_s;

    // Inclusive: total = unit x qty, net = round(total / (1 + rate)), tax = total - net.
    QTest::newRow("USD incl 18%: 10.00 -> net 8.47 (8.4746), tax 1.53")
        << u"USD"_s << u"10.00"_s << u"1"_s << 1800 << true << u"8.47"_s << u"1.53"_s << u"10.00"_s;
    QTest::newRow("USD incl 20%: 100.00 -> net 83.33, tax 16.67")
        << u"USD"_s << u"100.00"_s << u"1"_s << 2000 << true << u"83.33"_s << u"16.67"_s
        << u"100.00"_s;
    QTest::newRow("USD incl 8%: 1.00 -> net 0.93 (0.9259), tax 0.07")
        << u"USD"_s << u"1.00"_s << u"1"_s << 800 << true << u"0.93"_s << u"0.07"_s << u"1.00"_s;
    QTest::newRow("USD incl 10%: 0.55 -> net 0.50 exactly")
        << u"USD"_s << u"0.55"_s << u"1"_s << 1000 << true << u"0.50"_s << u"0.05"_s << u"0.55"_s;
    QTest::newRow("USD incl 25%: 0.10 -> net 0.08 exactly, tax 0.02")
        << u"USD"_s << u"0.10"_s << u"1"_s << 2500 << true << u"0.08"_s << u"0.02"_s << u"0.10"_s;
    QTest::newRow("USD incl 10%: net exactly half a cent rounds up (0.11 x 0.5 kg)")
        // total 0.055 -> 0.06 (HalfUp); net 0.06/1.1 = 0.0545 -> 0.05, tax 0.01
        << u"USD"_s << u"0.11"_s << u"0.5"_s << 1000 << true << u"0.05"_s << u"0.01"_s << u"0.06"_s;

    // Zero minor digits.
    QTest::newRow("JPY excl 10%: 3 x 1000")
        << u"JPY"_s << u"1000"_s << u"3"_s << 1000 << false << u"3000"_s << u"300"_s << u"3300"_s;
    QTest::newRow("JPY excl 8%: 155 -> tax 12.4 -> 12")
        << u"JPY"_s << u"155"_s << u"1"_s << 800 << false << u"155"_s << u"12"_s << u"167"_s;
    QTest::newRow("JPY excl 10%: 15 -> tax 1.5 -> 2")
        << u"JPY"_s << u"15"_s << u"1"_s << 1000 << false << u"15"_s << u"2"_s << u"17"_s;
    QTest::newRow("JPY incl 10%: 1000 -> net 909, tax 91")
        << u"JPY"_s << u"1000"_s << u"1"_s << 1000 << true << u"909"_s << u"91"_s << u"1000"_s;
    QTest::newRow("JPY excl 10%: 0.5 kg x 99 = 49.5 -> 50")
        << u"JPY"_s << u"99"_s << u"0.5"_s << 1000 << false << u"50"_s << u"5"_s << u"55"_s;
    QTest::newRow("VND incl 10%: 25000 -> net 22727, tax 2273")
        << u"VND"_s << u"25000"_s << u"1"_s << 1000 << true << u"22727"_s << u"2273"_s
        << u"25000"_s;

    // Three minor digits.
    QTest::newRow("KWD excl 5%: 3 x 1.250 -> tax 0.1875 -> 0.188")
        << u"KWD"_s << u"1.250"_s << u"3"_s << 500 << false << u"3.750"_s << u"0.188"_s
        << u"3.938"_s;
    QTest::newRow("KWD excl 15%: 0.333 kg x 0.999 = 0.332667 -> 0.333")
        << u"KWD"_s << u"0.999"_s << u"0.333"_s << 1500 << false << u"0.333"_s << u"0.050"_s
        << u"0.383"_s;
    QTest::newRow("BHD incl 10%: 1.100 -> net 1.000")
        << u"BHD"_s << u"1.100"_s << u"1"_s << 1000 << true << u"1.000"_s << u"0.100"_s
        << u"1.100"_s;
    QTest::newRow("BHD incl 10%: 0.999 -> net 0.908 (0.90818), tax 0.091")
        << u"BHD"_s << u"0.999"_s << u"1"_s << 1000 << true << u"0.908"_s << u"0.091"_s
        << u"0.999"_s;
}

void tst_Tax::lineTax()
{
    QFETCH(QString, currency);
    QFETCH(QString, price);
    QFETCH(QString, quantity);
    QFETCH(int, rate);
    QFETCH(bool, inclusive);
    QFETCH(QString, net);
    QFETCH(QString, tax);
    QFETCH(QString, total);

    const auto doc = priceDocument(catalogWith(price, currency, rate, inclusive),
                                   request(currency, {quantity}));
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    QCOMPARE(doc->currency, currency);
    QCOMPARE(doc->lines.size(), 1);
    const PricedLine &line = doc->lines.first();
    QCOMPARE(line.unitPrice, money(price, currency)); // inclusive prices keep the tax inside
    QCOMPARE(line.net, money(net, currency));
    QCOMPARE(line.tax, money(tax, currency));
    QCOMPARE(line.total, money(total, currency));
    QCOMPARE(line.taxRateBasisPoints, rate);
    QCOMPARE(line.taxInclusive, inclusive);
    QCOMPARE(doc->net, line.net);
    QCOMPARE(doc->tax, line.tax);
    QCOMPARE(doc->total, line.total);
}

void tst_Tax::taxStepExplains()
{
    auto doc
        = priceDocument(catalogWith(u"10.00"_s, u"USD"_s, 1800, true), request(u"USD"_s, {u"1"_s}));
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    PriceStep step = doc->lines.first().steps.last();
    QCOMPARE(step.kind, PriceStep::Kind::Tax);
    QCOMPARE(step.reference, u"VAT"_s);
    QCOMPARE(step.description,
             u"VAT (18.00%, included in the price): 1.53 USD of 10.00 USD is tax"_s);

    doc = priceDocument(catalogWith(u"10.00"_s, u"USD"_s, 1800, false),
                        request(u"USD"_s, {u"1"_s}));
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    step = doc->lines.first().steps.last();
    QCOMPARE(step.kind, PriceStep::Kind::Tax);
    QCOMPARE(step.description, u"VAT (18.00%, added to the price): 1.80 USD on 10.00 USD"_s);
}

void tst_Tax::documentTotalIsExactSumOfLines_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("price");
    QTest::addColumn<int>("rate");
    QTest::addColumn<bool>("inclusive");
    QTest::addColumn<QStringList>("quantities");
    QTest::addColumn<QString>("expectedNet");
    QTest::addColumn<QString>("expectedTax");
    QTest::addColumn<QString>("expectedTotal");

    // Three lines of 0.10 incl. 18%: each line is net 0.08 + tax 0.02, so the document has tax
    // 0.06 even though 18% of 0.30 taken at once would round to 0.05.
    QTest::newRow("USD incl 18%, per-line rounding")
        << u"USD"_s << u"0.10"_s << 1800 << true << QStringList {u"1"_s, u"1"_s, u"1"_s}
        << u"0.24"_s << u"0.06"_s << u"0.30"_s;
    // 0.333 kg x 0.10 = 0.0333 -> 0.03 per line; tax 10% of 0.03 = 0.003 -> 0.00.
    QTest::newRow("USD excl 10%, fractional quantities")
        << u"USD"_s << u"0.10"_s << 1000 << false
        << QStringList {u"0.333"_s, u"0.333"_s, u"0.333"_s} << u"0.09"_s << u"0.00"_s << u"0.09"_s;
    QTest::newRow("JPY excl 8%") << u"JPY"_s << u"155"_s << 800 << false
                                 << QStringList {u"1"_s, u"1"_s, u"1"_s, u"1"_s} << u"620"_s
                                 << u"48"_s << u"668"_s;
    QTest::newRow("KWD incl 5%") << u"KWD"_s << u"0.105"_s << 500 << true
                                 << QStringList {u"1"_s, u"2"_s, u"3"_s} << u"0.600"_s << u"0.030"_s
                                 << u"0.630"_s;
}

void tst_Tax::documentTotalIsExactSumOfLines()
{
    QFETCH(QString, currency);
    QFETCH(QString, price);
    QFETCH(int, rate);
    QFETCH(bool, inclusive);
    QFETCH(QStringList, quantities);
    QFETCH(QString, expectedNet);
    QFETCH(QString, expectedTax);
    QFETCH(QString, expectedTotal);

    const auto doc = priceDocument(catalogWith(price, currency, rate, inclusive),
                                   request(currency, quantities));
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    QCOMPARE(doc->lines.size(), quantities.size());
    qint64 net = 0, tax = 0, total = 0;
    for (const PricedLine &line : doc->lines) {
        QCOMPARE(line.net.minorUnits() + line.tax.minorUnits(), line.total.minorUnits());
        net += line.net.minorUnits();
        tax += line.tax.minorUnits();
        total += line.total.minorUnits();
    }
    QCOMPARE(doc->net.minorUnits(), net);
    QCOMPARE(doc->tax.minorUnits(), tax);
    QCOMPARE(doc->total.minorUnits(), total);
    QCOMPARE(doc->net, money(expectedNet, currency));
    QCOMPARE(doc->tax, money(expectedTax, currency));
    QCOMPARE(doc->total, money(expectedTotal, currency));
}

void tst_Tax::mixedTaxClassesInOneDocument()
{
    // Food at 5% inclusive and a standard item at 20% exclusive in one document.
    PricingCatalog c = catalogWith(u"12.00"_s, u"GBP"_s, 2000, false);
    Product food;
    food.sku = u"BREAD"_s;
    food.taxClass = u"reduced"_s;
    c.products.insert(food.sku, food);
    c.baseList.entries.append(PriceListEntry {
        u"BREAD"_s, QString(), {PriceTier {qty(u"1"_s), money(u"2.10"_s, u"GBP"_s)}}});
    c.taxRules.append(TaxRule {u"reduced"_s, u"R"_s, 500, true, u"VAT 5%"_s});
    PricingRequest r = request(u"GBP"_s, {u"2"_s});
    r.lines.append({u"BREAD"_s, qty(u"3"_s)});
    const auto doc = priceDocument(c, r);
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    // ITEM: 24.00 + 4.80 = 28.80. BREAD: total 6.30, net 6.00, tax 0.30.
    QCOMPARE(doc->lines[0].total, money(u"28.80"_s, u"GBP"_s));
    QCOMPARE(doc->lines[1].net, money(u"6.00"_s, u"GBP"_s));
    QCOMPARE(doc->lines[1].tax, money(u"0.30"_s, u"GBP"_s));
    QVERIFY(doc->lines[1].taxInclusive);
    QCOMPARE(doc->net, money(u"30.00"_s, u"GBP"_s));
    QCOMPARE(doc->tax, money(u"5.10"_s, u"GBP"_s));
    QCOMPARE(doc->total, money(u"35.10"_s, u"GBP"_s));
}

void tst_Tax::missingTaxRuleIsAnError()
{
    PricingRequest r = request(u"USD"_s, {u"1"_s});
    r.taxRegion = u"ELSEWHERE"_s;
    const auto doc = priceDocument(catalogWith(u"1.00"_s, u"USD"_s, 1000, false), r);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::NotFound);
    QVERIFY2(doc.errorMessage().contains(u"SKU ITEM"_s), qPrintable(doc.errorMessage()));
    QVERIFY2(doc.errorMessage().contains(u"standard"_s), qPrintable(doc.errorMessage()));
    QVERIFY2(doc.errorMessage().contains(u"ELSEWHERE"_s), qPrintable(doc.errorMessage()));
}

void tst_Tax::conflictingTaxRulesAreAnError()
{
    PricingCatalog c = catalogWith(u"1.00"_s, u"USD"_s, 1000, false);
    c.taxRules.append(TaxRule {u"standard"_s, u"R"_s, 2000, false, u"VAT 20"_s});
    auto doc = priceDocument(c, request(u"USD"_s, {u"1"_s}));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Conflict);
    QVERIFY2(doc.errorMessage().contains(u"SKU ITEM"_s), qPrintable(doc.errorMessage()));

    // An identical duplicate is harmless.
    c.taxRules.last() = c.taxRules.first();
    doc = priceDocument(c, request(u"USD"_s, {u"1"_s}));
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    QCOMPARE(doc->tax, money(u"0.10"_s, u"USD"_s));
}

void tst_Tax::negativeRateIsAnError()
{
    const auto doc
        = priceDocument(catalogWith(u"1.00"_s, u"USD"_s, -100, false), request(u"USD"_s, {u"1"_s}));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(doc.errorMessage().contains(u"SKU ITEM"_s), qPrintable(doc.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_Tax)
#include "tst_tax.moc"
