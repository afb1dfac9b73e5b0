#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "rules/pricing.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

QDataStream &operator<<(QDataStream &s, const Money &m)
{
    return s << m.minorUnits() << m.currency();
}
QDataStream &operator<<(QDataStream &s, const Quantity &q)
{
    return s << q.milli() << q.unit();
}
template<typename T> QDataStream &operator<<(QDataStream &s, const std::optional<T> &o)
{
    s << o.has_value();
    if (o)
        s << *o;
    return s;
}

// Hashes every field of every record, in emission order.
class HashingSink : public DemoSink
{
public:
    QByteArray result() { return m_hash.result(); }
    qint64 records = 0;

    Result<void> territory(const DemoTerritory &t) override
    {
        return add([&](QDataStream &s) {
            s << t.code << t.name << t.language << t.taxRegion << t.country << t.warehouseCode;
        });
    }
    Result<void> user(const DemoUser &u) override
    {
        return add([&](QDataStream &s) {
            s << u.login << u.displayName << u.role << u.territories << u.store;
        });
    }
    Result<void> warehouse(const Warehouse &w) override
    {
        return add([&](QDataStream &s) { s << w.id << w.code << w.name << w.region << w.store; });
    }
    Result<void> taxRule(const TaxRule &r) override
    {
        return add([&](QDataStream &s) {
            s << r.taxClass << r.region << r.rateBasisPoints << r.inclusive << r.name;
        });
    }
    Result<void> product(const Product &p) override
    {
        return add([&](QDataStream &s) {
            s << p.id << p.sku << p.barcode << p.name << p.category << p.baseUnit << p.taxClass
              << p.active;
            for (const UnitConversion &c : p.unitConversions)
                s << c.unit << c.baseMilliPerUnit;
        });
    }
    Result<void> priceList(const PriceList &l) override
    {
        return add([&](QDataStream &s) {
            s << l.id << l.code << l.name << l.currency << l.isBase;
            for (const PriceListEntry &e : l.entries) {
                s << e.sku << e.unit;
                for (const PriceTier &t : e.tiers)
                    s << t.minQuantity << t.unitPrice;
            }
        });
    }
    Result<void> promotion(const Promotion &p) override
    {
        return add([&](QDataStream &s) {
            s << p.id << p.code << p.name << int(p.kind) << p.percentBasisPoints
              << p.amountOffPerUnit << p.validFrom << p.validTo << p.skus << p.territories
              << p.minQuantity;
        });
    }
    Result<void> customer(const Customer &c) override
    {
        return add([&](QDataStream &s) {
            s << c.id << c.code << c.name << c.language << c.phone << c.email << c.notes
              << c.territory << c.priceListId << c.paymentTermsDays << c.creditLimit << c.currency
              << c.taxRegion << c.archived << c.updatedAt;
            for (const Contact &k : c.contacts)
                s << k.name << k.role << k.phone << k.email;
            for (const Address &a : c.addresses)
                s << int(a.kind) << a.line1 << a.line2 << a.city << a.region << a.postalCode
                  << a.country;
        });
    }
    Result<void> customerPrice(const CustomerPrice &p) override
    {
        return add([&](QDataStream &s) {
            s << p.customerId << p.sku << p.unitPrice << p.validFrom << p.validTo;
        });
    }
    Result<void> stockLevel(const StockLevel &l) override
    {
        return add([&](QDataStream &s) {
            s << l.sku << l.warehouseCode << l.onHand << l.reserved << l.asOf;
        });
    }
    Result<void> salesDocument(const SalesDocument &d) override
    {
        return add([&](QDataStream &s) {
            s << d.id << int(d.kind) << d.number << d.customerId << d.currency << d.date
              << d.validUntil << int(d.status) << d.statusReason << d.net << d.tax << d.total
              << d.createdBy << d.createdAt << d.sourceQuoteId;
            for (const DocumentLine &l : d.lines)
                s << l.lineNo << l.sku << l.quantity << l.warehouseCode << l.unitPrice << l.lineNet
                  << l.lineTax << l.lineTotal;
        });
    }
    Result<void> invoice(const Invoice &i) override
    {
        return add([&](QDataStream &s) {
            s << i.id << i.number << i.customerId << i.orderId << i.date << i.dueDate << i.total
              << i.paid;
        });
    }
    Result<void> payment(const Payment &p) override
    {
        return add([&](QDataStream &s) {
            s << p.id << p.customerId << p.date << p.amount << p.method << p.invoiceId;
        });
    }
    Result<void> ticket(const Ticket &t) override
    {
        return add([&](QDataStream &s) {
            s << t.id << t.number << t.customerId << t.subject << t.description << int(t.status)
              << int(t.priority) << t.assignee << t.createdAt << t.updatedAt;
            for (const TicketComment &c : t.comments)
                s << c.id << c.author << c.at << c.body;
        });
    }
    Result<void> activity(const Activity &a) override
    {
        return add([&](QDataStream &s) {
            s << a.id << a.customerId << int(a.kind) << a.at << a.subject << a.notes
              << a.durationMinutes << a.photoPath << a.author;
        });
    }
    Result<void> opportunity(const Opportunity &o) override
    {
        return add([&](QDataStream &s) {
            s << o.id << o.customerId << o.title << int(o.stage) << o.amount << o.probabilityPercent
              << o.expectedClose << o.owner;
        });
    }

private:
    template<typename F> Result<void> add(F write)
    {
        QByteArray bytes;
        QDataStream stream(&bytes, QIODevice::WriteOnly);
        stream.setVersion(QDataStream::Qt_6_0);
        write(stream);
        m_hash.addData(bytes);
        ++records;
        return {};
    }
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
};

bool validEan13(const QString &code)
{
    if (code.size() != 13)
        return false;
    int sum = 0;
    for (int i = 0; i < 13; ++i) {
        if (!code.at(i).isDigit())
            return false;
        const int digit = code.at(i).unicode() - u'0';
        sum += i == 12 ? 0 : digit * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10 == code.at(12).unicode() - u'0';
}

bool hasCharIn(const QString &text, char16_t from, char16_t to)
{
    for (QChar c : text) {
        if (c.unicode() >= from && c.unicode() <= to)
            return true;
    }
    return false;
}

bool hasLatinLetter(const QString &text)
{
    for (QChar c : text) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            return true;
    }
    return false;
}

// Keeps what a user would look at, and checks every record against what came before it.
class CheckingSink : public DemoSink
{
public:
    QStringList problems;
    QList<Customer> customers;
    QHash<QUuid, Customer> customerById;
    QHash<QString, Product> products;
    PriceList baseList;
    QHash<QUuid, PriceList> lists;
    QHash<QUuid, QList<CustomerPrice>> customerPrices;
    QList<Promotion> promotions;
    QList<TaxRule> taxRules;
    QHash<QUuid, SalesDocument> orders;
    QList<SalesDocument> quotes;
    QHash<QUuid, Invoice> invoices;
    QHash<QUuid, qint64> paidPerInvoice;
    QHash<QUuid, qint64> linkedPaymentsPerCustomer;
    QHash<QUuid, qint64> invoicedPerCustomer;
    QList<Payment> payments;
    QList<Ticket> tickets;
    QList<DemoUser> users;
    qint64 activities = 0, opportunities = 0, stockLevels = 0, warehouses = 0, orderLines = 0;
    DemoSummary finishedSummary;
    bool finishedCalled = false;

    Result<void> territory(const DemoTerritory &) override { return phase(0); }
    Result<void> user(const DemoUser &u) override
    {
        users.append(u);
        return phase(1);
    }
    Result<void> warehouse(const Warehouse &w) override
    {
        id(w.id, u"warehouse"_s);
        ++warehouses;
        return phase(2);
    }
    Result<void> taxRule(const TaxRule &r) override
    {
        taxRules.append(r);
        return phase(3);
    }
    Result<void> product(const Product &p) override
    {
        id(p.id, u"product"_s);
        if (products.contains(p.sku))
            problem(u"duplicate SKU "_s + p.sku);
        if (!p.barcode.isEmpty() && !validEan13(p.barcode))
            problem(u"bad EAN-13 %1 on %2"_s.arg(p.barcode, p.sku));
        products.insert(p.sku, p);
        return phase(4);
    }
    Result<void> priceList(const PriceList &l) override
    {
        id(l.id, u"price list"_s);
        for (const PriceListEntry &e : l.entries) {
            if (!products.contains(e.sku))
                problem(u"price list %1 prices unknown SKU %2"_s.arg(l.code, e.sku));
        }
        if (l.isBase)
            baseList = l;
        lists.insert(l.id, l);
        return phase(5);
    }
    Result<void> promotion(const Promotion &p) override
    {
        id(p.id, u"promotion"_s);
        for (const QString &sku : p.skus) {
            if (!products.contains(sku))
                problem(u"promotion %1 names unknown SKU %2"_s.arg(p.code, sku));
        }
        promotions.append(p);
        return phase(6);
    }
    Result<void> customer(const Customer &c) override
    {
        id(c.id, u"customer"_s);
        if (!c.priceListId.isNull() && !lists.contains(c.priceListId))
            problem(u"customer %1 has an unknown price list"_s.arg(c.code));
        customers.append(c);
        customerById.insert(c.id, c);
        return phase(7);
    }
    Result<void> customerPrice(const CustomerPrice &p) override
    {
        if (!customerById.contains(p.customerId) || !products.contains(p.sku))
            problem(u"customer price for an unknown customer or SKU "_s + p.sku);
        customerPrices[p.customerId].append(p);
        return phase(8);
    }
    Result<void> stockLevel(const StockLevel &l) override
    {
        if (!products.contains(l.sku))
            problem(u"stock of unknown SKU "_s + l.sku);
        ++stockLevels;
        return phase(9);
    }
    Result<void> salesDocument(const SalesDocument &d) override
    {
        id(d.id, u"document"_s);
        date(d.date);
        if (!customerById.contains(d.customerId))
            problem(u"document %1 for a customer not emitted before it"_s.arg(d.number));
        checkTotals(d);
        if (d.kind == SalesDocument::Kind::Order) {
            orderLines += d.lines.size();
            orders.insert(d.id, d);
            if (!d.sourceQuoteId.isNull()) {
                bool found = false;
                for (const SalesDocument &q : std::as_const(quotes))
                    found = found
                        || (q.id == d.sourceQuoteId && q.status == DocumentStatus::Converted);
                if (!found)
                    problem(
                        u"order %1 from a quote that was not emitted as converted"_s.arg(d.number));
            }
        } else {
            quotes.append(d);
        }
        return phase(10);
    }
    Result<void> invoice(const Invoice &i) override
    {
        id(i.id, u"invoice"_s);
        date(i.date);
        const auto order = orders.constFind(i.orderId);
        if (order == orders.cend()) {
            problem(u"invoice %1 of an order not emitted before it"_s.arg(i.number));
        } else {
            if (order->status != DocumentStatus::Invoiced)
                problem(u"invoice %1 of an order that is not invoiced"_s.arg(i.number));
            if (order->total != i.total || order->customerId != i.customerId)
                problem(u"invoice %1 does not match its order"_s.arg(i.number));
            if (i.date < order->date)
                problem(u"invoice %1 is dated before its order"_s.arg(i.number));
        }
        if (i.paid.minorUnits() < 0 || i.paid.minorUnits() > i.total.minorUnits())
            problem(u"invoice %1 paid outside 0..total"_s.arg(i.number));
        invoices.insert(i.id, i);
        invoicedPerCustomer[i.customerId] += i.total.minorUnits();
        return phase(10);
    }
    Result<void> payment(const Payment &p) override
    {
        id(p.id, u"payment"_s);
        date(p.date);
        if (!customerById.contains(p.customerId))
            problem(u"payment of an unknown customer"_s);
        if (p.amount.minorUnits() <= 0)
            problem(u"payment of a non-positive amount"_s);
        if (!p.invoiceId.isNull()) {
            const auto inv = invoices.constFind(p.invoiceId);
            if (inv == invoices.cend()) {
                problem(u"payment of an invoice not emitted before it"_s);
            } else {
                if (inv->customerId != p.customerId)
                    problem(u"payment of another customer's invoice"_s);
                if (p.date < inv->date)
                    problem(u"payment dated before its invoice"_s);
                paidPerInvoice[p.invoiceId] += p.amount.minorUnits();
            }
            linkedPaymentsPerCustomer[p.customerId] += p.amount.minorUnits();
        }
        payments.append(p);
        return phase(10);
    }
    Result<void> ticket(const Ticket &t) override
    {
        id(t.id, u"ticket"_s);
        date(t.createdAt.date());
        for (const TicketComment &c : t.comments)
            id(c.id, u"ticket comment"_s);
        if (!customerById.contains(t.customerId))
            problem(u"ticket for an unknown customer"_s);
        tickets.append(t);
        return phase(10);
    }
    Result<void> activity(const Activity &a) override
    {
        id(a.id, u"activity"_s);
        date(a.at.date());
        if (!customerById.contains(a.customerId))
            problem(u"activity for an unknown customer"_s);
        ++activities;
        return phase(10);
    }
    Result<void> opportunity(const Opportunity &o) override
    {
        id(o.id, u"opportunity"_s);
        if (!customerById.contains(o.customerId))
            problem(u"opportunity for an unknown customer"_s);
        ++opportunities;
        return phase(10);
    }
    Result<void> finished(const DemoSummary &summary) override
    {
        finishedSummary = summary;
        finishedCalled = true;
        return {};
    }

private:
    void problem(const QString &what)
    {
        if (problems.size() < 20)
            problems.append(what);
    }
    Result<void> phase(int p)
    {
        if (p < m_phase)
            problem(u"record of phase %1 after phase %2"_s.arg(p).arg(m_phase));
        m_phase = p;
        return {};
    }
    void id(const QUuid &id, const QString &what)
    {
        if (!Uuid7::isUuid7(id))
            problem(what + u" id is not a UUIDv7: "_s + idToString(id));
        if (m_ids.contains(id))
            problem(what + u" id is not unique: "_s + idToString(id));
        m_ids.insert(id);
    }
    void date(const QDate &d)
    {
        if (d < m_lastDate)
            problem(u"history out of date order: %1 after %2"_s.arg(
                d.toString(Qt::ISODate), m_lastDate.toString(Qt::ISODate)));
        m_lastDate = std::max(m_lastDate, d);
    }
    // The document's totals add up, and equal what the pricing rule says from the full catalog.
    void checkTotals(const SalesDocument &d)
    {
        qint64 net = 0, tax = 0, total = 0;
        for (const DocumentLine &l : d.lines) {
            net += l.lineNet.minorUnits();
            tax += l.lineTax.minorUnits();
            total += l.lineTotal.minorUnits();
            if (l.lineNet.minorUnits() + l.lineTax.minorUnits() != l.lineTotal.minorUnits())
                problem(u"%1 line %2: net + tax != total"_s.arg(d.number).arg(l.lineNo));
            if (!products.contains(l.sku))
                problem(u"%1 sells SKU %2 not emitted before it"_s.arg(d.number, l.sku));
        }
        if (net != d.net.minorUnits() || tax != d.tax.minorUnits() || total != d.total.minorUnits())
            problem(u"%1: totals are not the sum of the lines"_s.arg(d.number));

        const Customer c = customerById.value(d.customerId);
        PricingCatalog catalog;
        catalog.products = products;
        catalog.baseList = baseList;
        if (!c.priceListId.isNull())
            catalog.customerList = lists.value(c.priceListId);
        catalog.customerPrices = customerPrices.value(c.id);
        catalog.promotions = promotions;
        catalog.taxRules = taxRules;
        PricingRequest request;
        request.customerId = c.id;
        request.territory = c.territory;
        request.taxRegion = c.taxRegion;
        request.currency = d.currency;
        request.date = d.date;
        for (const DocumentLine &l : d.lines)
            request.lines.append({l.sku, l.quantity});
        const auto priced = priceDocument(catalog, request);
        if (!priced) {
            problem(u"%1: pricing fails: %2"_s.arg(d.number, priced.errorMessage()));
            return;
        }
        if (priced->total != d.total || priced->net != d.net || priced->tax != d.tax)
            problem(u"%1: total %2 but pricing says %3"_s.arg(d.number, d.total.toString(),
                                                              priced->total.toString()));
        for (qsizetype i = 0; i < d.lines.size() && i < priced->lines.size(); ++i) {
            const PricedLine &p = priced->lines.at(i);
            const DocumentLine &l = d.lines.at(i);
            if (p.unitPrice != l.unitPrice || p.net != l.lineNet || p.tax != l.lineTax
                || p.total != l.lineTotal)
                problem(u"%1 line %2 differs from pricing"_s.arg(d.number).arg(l.lineNo));
        }
    }

    int m_phase = 0;
    QDate m_lastDate;
    QSet<QUuid> m_ids;
};

class FailingSink : public DemoSink
{
public:
    int customersSeen = 0;
    int recordsAfterFailure = 0;
    Result<void> customer(const Customer &) override
    {
        if (++customersSeen == 10)
            return makeError(ErrorCode::Storage, u"disk full"_s);
        return {};
    }
    Result<void> customerPrice(const CustomerPrice &) override { return after(); }
    Result<void> stockLevel(const StockLevel &) override { return after(); }
    Result<void> salesDocument(const SalesDocument &) override { return after(); }

private:
    Result<void> after()
    {
        ++recordsAfterFailure;
        return {};
    }
};

QByteArray hashOf(const DemoOptions &options, qint64 *records = nullptr)
{
    HashingSink sink;
    const auto summary = DemoGenerator(options).generate(sink);
    if (!summary)
        qWarning() << summary.errorMessage();
    if (records)
        *records = sink.records;
    return summary ? sink.result() : QByteArray();
}

} // namespace

class tst_DemoGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parsesSizes();
    void demoUsers();
    void sameSeedSameStream();
    void smallCountsMatchSpec();
    void mediumCountsMatchSpec();
    void referentialIntegrity();
    void pricesAgreeWithPricingRule();
    void barcodesAndIds();
    void languagesInTheirScripts();
    void phonesInTerritoryFormats();
    void paymentsNeverExceedWhatIsOwed();
    void someInvoicesOverdue();
    void someCustomersNearCreditLimit();
    void historyHasEveryStory();
    void sinkErrorStopsGeneration();
    void largeTiming();

private:
    std::unique_ptr<CheckingSink> m_small;
    DemoSummary m_summary;
    qint64 m_smallMillis = 0;
};

void tst_DemoGenerator::initTestCase()
{
    m_small = std::make_unique<CheckingSink>();
    QElapsedTimer timer;
    timer.start();
    const auto summary = DemoGenerator().generate(*m_small);
    QVERIFY2(summary.ok(), qPrintable(summary.errorMessage()));
    m_summary = summary.value();
    qInfo("small demo set with checks: %lld ms", qint64(timer.elapsed()));
    qInfo("customers %lld (archived %lld), products %lld, quotes %lld, orders %lld (%lld lines), "
          "invoices %lld (%lld overdue), payments %lld (%lld on account), near credit limit %lld, "
          "order total %lld.%02lld USD",
          m_summary.customers, m_summary.archivedCustomers, m_summary.products, m_summary.quotes,
          m_summary.orders, m_summary.orderLines, m_summary.invoices, m_summary.overdueInvoices,
          m_summary.payments, m_summary.onAccountPayments, m_summary.customersNearCreditLimit,
          m_summary.orderTotalMinor / 100, m_summary.orderTotalMinor % 100);
}

void tst_DemoGenerator::parsesSizes()
{
    QVERIFY(parseDemoSize(u"small"_s) == DemoSize::Small);
    QVERIFY(parseDemoSize(u"Medium"_s) == DemoSize::Medium);
    QVERIFY(parseDemoSize(u"LARGE"_s) == DemoSize::Large);
    QVERIFY(!parseDemoSize(u"huge"_s).has_value());
    QVERIFY(!parseDemoSize(QString()).has_value());
    for (DemoSize s : {DemoSize::Small, DemoSize::Medium, DemoSize::Large})
        QVERIFY(parseDemoSize(demoSizeName(s)) == s);
    const DemoSizeSpec large = DemoSizeSpec::forSize(DemoSize::Large);
    QCOMPARE(qint64(large.customers), qint64(100'000));
    QCOMPARE(qint64(large.products), qint64(20'000));
    QCOMPARE(qint64(large.orderLines), qint64(1'000'000));
}

void tst_DemoGenerator::demoUsers()
{
    const QList<DemoUser> users = DemoGenerator::users(DemoSize::Small);
    QSet<QString> logins, roles;
    QSet<QString> territories;
    for (const DemoTerritory &t : DemoGenerator::territories())
        territories.insert(t.code);
    for (const DemoUser &u : users) {
        QVERIFY2(!logins.contains(u.login), qPrintable(u.login));
        logins.insert(u.login);
        roles.insert(u.role);
        QVERIFY(!u.displayName.isEmpty());
        for (const QString &t : u.territories)
            QVERIFY2(territories.contains(t), qPrintable(t));
    }
    QCOMPARE(roles,
             (QSet<QString> {u"rep"_s, u"manager"_s, u"finance"_s, u"warehouse"_s, u"admin"_s,
                             u"kiosk"_s}));
    for (const char16_t *login : {u"rep.tr1", u"rep.fa1", u"rep.ar1", u"rep.he1", u"rep.vi1",
                                  u"rep.en1", u"rep.tr2", u"admin", u"kiosk.ist1"})
        QVERIFY2(logins.contains(QString::fromUtf16(login)), qPrintable(QString::fromUtf16(login)));
    QCOMPARE(DemoGenerator::password(), u"demo"_s);
    QCOMPARE(qint64(m_small->users.size()), qint64(users.size()));
    QVERIFY(DemoGenerator::users(DemoSize::Large).size() > users.size());
}

void tst_DemoGenerator::sameSeedSameStream()
{
    DemoOptions options;
    qint64 records1 = 0, records2 = 0;
    const QByteArray first = hashOf(options, &records1);
    const QByteArray second = hashOf(options, &records2);
    QVERIFY(!first.isEmpty());
    QCOMPARE(qint64(records1), qint64(records2));
    QCOMPARE(first.toHex(), second.toHex());

    DemoOptions otherSeed = options;
    otherSeed.seed = options.seed + 1;
    QVERIFY(hashOf(otherSeed) != first);

    DemoOptions otherDay = options;
    otherDay.today = options.today.addDays(-1);
    QVERIFY(hashOf(otherDay) != first);
}

void tst_DemoGenerator::smallCountsMatchSpec()
{
    const DemoSizeSpec spec = DemoSizeSpec::forSize(DemoSize::Small);
    QCOMPARE(qint64(m_summary.customers), qint64(spec.customers));
    QCOMPARE(qint64(m_small->customers.size()), qint64(spec.customers));
    QCOMPARE(qint64(m_summary.products), qint64(spec.products));
    QCOMPARE(qint64(m_small->products.size()), qint64(spec.products));
    QCOMPARE(qint64(m_summary.orderLines), qint64(spec.orderLines));
    QCOMPARE(qint64(m_small->orderLines), qint64(spec.orderLines));
    QCOMPARE(qint64(m_summary.quotes), qint64(spec.quotes));
    QCOMPARE(qint64(m_small->quotes.size()), qint64(spec.quotes));
    QCOMPARE(qint64(m_summary.tickets), qint64(spec.tickets));
    QCOMPARE(qint64(m_small->tickets.size()), qint64(spec.tickets));
    QCOMPARE(qint64(m_summary.activities), qint64(spec.activities));
    QCOMPARE(qint64(m_small->activities), qint64(spec.activities));
    QCOMPARE(qint64(m_summary.opportunities), qint64(spec.opportunities));
    QCOMPARE(qint64(m_small->opportunities), qint64(spec.opportunities));
    QCOMPARE(qint64(m_summary.orders), qint64(m_small->orders.size()));
    QCOMPARE(qint64(m_summary.invoices), qint64(m_small->invoices.size()));
    QCOMPARE(qint64(m_summary.payments), qint64(m_small->payments.size()));
    QCOMPARE(qint64(m_summary.warehouses), qint64(m_small->warehouses));
    QCOMPARE(qint64(m_summary.stockLevels), qint64(m_small->stockLevels));
    QCOMPARE(qint64(m_summary.priceLists), qint64(m_small->lists.size()));
    QCOMPARE(qint64(m_summary.promotions), qint64(m_small->promotions.size()));
    QVERIFY(m_small->finishedCalled);
    QCOMPARE(qint64(m_small->finishedSummary.orderTotalMinor), qint64(m_summary.orderTotalMinor));

    qint64 orderTotal = 0;
    for (const SalesDocument &o : std::as_const(m_small->orders))
        orderTotal += o.total.minorUnits();
    QCOMPARE(qint64(m_summary.orderTotalMinor), qint64(orderTotal));
    // About five lines per order, as a distributor's order history looks.
    QVERIFY(m_summary.orders > spec.orderLines / 12 && m_summary.orders < spec.orderLines / 2);
}

void tst_DemoGenerator::mediumCountsMatchSpec()
{
    DemoSink noOp;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(DemoGenerator().generate(noOp).ok());
    qInfo("small demo set into a no-op sink: %lld ms", qint64(timer.elapsed()));

    DemoOptions options;
    options.size = DemoSize::Medium;
    timer.restart();
    const auto summary = DemoGenerator(options).generate(noOp);
    qInfo("medium demo set into a no-op sink: %lld ms", qint64(timer.elapsed()));
    QVERIFY2(summary.ok(), qPrintable(summary.errorMessage()));
    const DemoSizeSpec spec = DemoSizeSpec::forSize(DemoSize::Medium);
    QCOMPARE(qint64(summary->customers), qint64(spec.customers));
    QCOMPARE(qint64(summary->products), qint64(spec.products));
    QCOMPARE(qint64(summary->orderLines), qint64(spec.orderLines));
    QCOMPARE(qint64(summary->quotes), qint64(spec.quotes));
    QCOMPARE(qint64(summary->tickets), qint64(spec.tickets));
    QCOMPARE(qint64(summary->activities), qint64(spec.activities));
    QCOMPARE(qint64(summary->opportunities), qint64(spec.opportunities));
    QVERIFY(summary->customerPrices > 0);
    QVERIFY(summary->overdueInvoices > 0);
    QVERIFY(summary->customersNearCreditLimit > 0);
}

void tst_DemoGenerator::referentialIntegrity()
{
    QVERIFY2(m_small->problems.isEmpty(), qPrintable(m_small->problems.join(u'\n')));
    QVERIFY(!m_small->baseList.entries.isEmpty());
    QCOMPARE(qint64(m_small->lists.size()), qint64(4)); // base, wholesale, horeca, key account
    QVERIFY(!m_small->customerPrices.isEmpty());
}

void tst_DemoGenerator::pricesAgreeWithPricingRule()
{
    // Checked record by record by CheckingSink::checkTotals against priceDocument() with the
    // whole catalog; here the documents that exercise each pricing step must exist.
    QVERIFY2(m_small->problems.isEmpty(), qPrintable(m_small->problems.join(u'\n')));
    int withTax = 0, withCaseUnit = 0, withKg = 0;
    for (const SalesDocument &o : std::as_const(m_small->orders)) {
        withTax += o.tax.minorUnits() > 0 ? 1 : 0;
        for (const DocumentLine &l : o.lines) {
            withCaseUnit += l.quantity.unit() == u"case" || l.quantity.unit() == u"box" ? 1 : 0;
            withKg += l.quantity.unit() == u"kg" ? 1 : 0;
        }
    }
    QVERIFY(withTax > 0);
    QVERIFY(withCaseUnit > 0);
    QVERIFY(withKg > 0);

    // The sink cannot tell which step applied; pricing the orders again says it.
    int promoted = 0, negotiated = 0, tiered = 0;
    for (const SalesDocument &o : std::as_const(m_small->orders)) {
        const Customer c = m_small->customerById.value(o.customerId);
        PricingCatalog catalog;
        catalog.products = m_small->products;
        catalog.baseList = m_small->baseList;
        if (!c.priceListId.isNull())
            catalog.customerList = m_small->lists.value(c.priceListId);
        catalog.customerPrices = m_small->customerPrices.value(c.id);
        catalog.promotions = m_small->promotions;
        catalog.taxRules = m_small->taxRules;
        PricingRequest request {c.id, c.territory, c.taxRegion, o.currency, o.date, {}};
        for (const DocumentLine &l : o.lines)
            request.lines.append({l.sku, l.quantity});
        const auto priced = priceDocument(catalog, request);
        QVERIFY2(priced.ok(), qPrintable(priced.errorMessage()));
        for (const PricedLine &l : priced->lines) {
            for (const PriceStep &s : l.steps) {
                promoted += s.kind == PriceStep::Kind::Promotion ? 1 : 0;
                negotiated += s.kind == PriceStep::Kind::CustomerPrice ? 1 : 0;
                tiered += s.kind == PriceStep::Kind::VolumeTier ? 1 : 0;
            }
        }
    }
    QVERIFY(promoted > 0);
    QVERIFY(negotiated > 0);
    QVERIFY(tiered > 0);
}

void tst_DemoGenerator::barcodesAndIds()
{
    int withBarcode = 0, kgItems = 0, packed = 0;
    for (const Product &p : std::as_const(m_small->products)) {
        QVERIFY2(p.sku.contains(QRegularExpression(u"^[A-Z]{3}-\\d{5}$"_s)), qPrintable(p.sku));
        if (!p.barcode.isEmpty()) {
            ++withBarcode;
            QVERIFY2(validEan13(p.barcode), qPrintable(p.barcode));
        }
        kgItems += p.baseUnit == u"kg" ? 1 : 0;
        packed += p.unitConversions.isEmpty() ? 0 : 1;
        QVERIFY(QSet<QString>({u"standard"_s, u"reduced"_s, u"zero"_s}).contains(p.taxClass));
    }
    QVERIFY(withBarcode > m_small->products.size() / 2);
    QVERIFY(kgItems > 0);
    QVERIFY(packed > 0);
    // UUIDv7 and uniqueness of every id are checked as records arrive.
    QVERIFY2(m_small->problems.isEmpty(), qPrintable(m_small->problems.join(u'\n')));
    for (const Customer &c : std::as_const(m_small->customers))
        QVERIFY(Uuid7::isUuid7(c.id));
}

void tst_DemoGenerator::languagesInTheirScripts()
{
    QHash<QString, QList<Customer>> byLanguage;
    for (const Customer &c : std::as_const(m_small->customers))
        byLanguage[c.language].append(c);
    QCOMPARE(QSet<QString>(byLanguage.keyBegin(), byLanguage.keyEnd()),
             (QSet<QString> {u"fa"_s, u"ar"_s, u"he"_s, u"tr"_s, u"vi"_s, u"en"_s}));

    bool persianYeh = false, persianKaf = false, arabicYeh = false, arabicKaf = false;
    QString turkish;
    int names = 0;
    QSet<QString> distinct;
    for (const Customer &c : std::as_const(m_small->customers)) {
        ++names;
        distinct.insert(c.name);
        const QString text = c.name + c.addresses.first().line1 + c.addresses.first().city;
        const QString latinCheck = c.name + c.addresses.first().city;
        QVERIFY2(c.name.normalized(QString::NormalizationForm_C) == c.name, qPrintable(c.name));
        if (c.language == u"fa" || c.language == u"ar") {
            QVERIFY2(hasCharIn(c.name, 0x0600, 0x06FF), qPrintable(c.name));
            QVERIFY2(!hasLatinLetter(latinCheck), qPrintable(latinCheck));
        }
        if (c.language == u"fa") {
            // Persian letters, never their Arabic look-alikes.
            QVERIFY2(!text.contains(QChar(0x064A)) && !text.contains(QChar(0x0643)),
                     qPrintable(text));
            persianYeh = persianYeh || c.name.contains(QChar(0x06CC));
            persianKaf = persianKaf || c.name.contains(QChar(0x06A9));
        } else if (c.language == u"ar") {
            QVERIFY2(!text.contains(QChar(0x06CC)) && !text.contains(QChar(0x06A9)),
                     qPrintable(text));
            arabicYeh = arabicYeh || c.name.contains(QChar(0x064A));
            arabicKaf = arabicKaf || c.name.contains(QChar(0x0643));
        } else if (c.language == u"he") {
            QVERIFY2(hasCharIn(c.name, 0x05D0, 0x05EA), qPrintable(c.name));
            QVERIFY2(!hasLatinLetter(latinCheck), qPrintable(latinCheck));
        } else if (c.language == u"vi") {
            // Vietnamese letters with tone marks (Latin Extended Additional) or ă â đ ê ô ơ ư.
            static const QString letters = u"ăâđêôơưĂÂĐÊÔƠƯàáảãèéẻẽìíỉĩòóỏõùúủũỳýỷỹ"_s;
            bool vietnamese = hasCharIn(c.name, 0x1EA0, 0x1EF9);
            for (QChar ch : c.name)
                vietnamese = vietnamese || letters.contains(ch);
            QVERIFY2(vietnamese, qPrintable(c.name));
        } else if (c.language == u"tr") {
            turkish += text;
        } else if (c.language == u"en") {
            QVERIFY2(hasLatinLetter(c.name), qPrintable(c.name));
        }
    }
    QVERIFY(persianYeh && persianKaf);
    QVERIFY(arabicYeh && arabicKaf);
    for (const char16_t ch : {u'İ', u'ı', u'ş', u'ğ'})
        QVERIFY2(turkish.contains(QChar(ch)), qPrintable(QString(QChar(ch))));
    QVERIFY(turkish.contains(u"İstanbul"_s));
    QCOMPARE(qint64(distinct.size()),
             qint64(names)); // chains and namesakes become numbered branches
}

void tst_DemoGenerator::phonesInTerritoryFormats()
{
    static const QHash<QString, QString> prefixes
        = {{u"TR-IST"_s, u"+90 "_s},  {u"IR-THR"_s, u"+98 "_s}, {u"AE-DXB"_s, u"+971 "_s},
           {u"IL-TLV"_s, u"+972 "_s}, {u"VN-SGN"_s, u"+84 "_s}, {u"GB-LON"_s, u"+44 "_s}};
    for (const Customer &c : std::as_const(m_small->customers)) {
        const QString prefix = prefixes.value(c.territory);
        QVERIFY2(!prefix.isEmpty(), qPrintable(c.territory));
        QVERIFY2(c.phone.startsWith(prefix), qPrintable(c.phone));
        QVERIFY(!c.contacts.isEmpty());
        for (const Contact &k : c.contacts) {
            QVERIFY2(k.phone.startsWith(prefix), qPrintable(k.phone));
            QVERIFY2(k.email.contains(QRegularExpression(u"^[a-z]+\\.[a-z]+@example\\.[a-z.]+$"_s)),
                     qPrintable(k.email));
        }
        QCOMPARE(c.addresses.first().region, c.taxRegion);
        QCOMPARE(c.currency, u"USD"_s);
    }
}

void tst_DemoGenerator::paymentsNeverExceedWhatIsOwed()
{
    for (auto it = m_small->invoices.cbegin(); it != m_small->invoices.cend(); ++it) {
        const qint64 paid = m_small->paidPerInvoice.value(it.key());
        QCOMPARE(qint64(paid),
                 qint64(it->paid.minorUnits())); // the invoice's paid amount is its payments
        QVERIFY(paid <= it->total.minorUnits());
    }
    for (auto it = m_small->linkedPaymentsPerCustomer.cbegin();
         it != m_small->linkedPaymentsPerCustomer.cend(); ++it)
        QVERIFY(it.value() <= m_small->invoicedPerCustomer.value(it.key()));
    qint64 paid = 0;
    int onAccount = 0;
    for (const Payment &p : std::as_const(m_small->payments)) {
        paid += p.amount.minorUnits();
        onAccount += p.invoiceId.isNull() ? 1 : 0;
    }
    QCOMPARE(qint64(paid), qint64(m_summary.paidMinor));
    QCOMPARE(qint64(onAccount), qint64(m_summary.onAccountPayments));
}

void tst_DemoGenerator::someInvoicesOverdue()
{
    const QDate today = DemoOptions().today;
    int overdue = 0;
    for (const Invoice &i : std::as_const(m_small->invoices)) {
        QVERIFY(i.date <= today);
        QVERIFY(i.dueDate >= i.date);
        overdue += i.dueDate < today && i.paid.minorUnits() < i.total.minorUnits() ? 1 : 0;
    }
    QVERIFY(overdue > 0);
    QCOMPARE(qint64(overdue), qint64(m_summary.overdueInvoices));
    QVERIFY(overdue < m_small->invoices.size() / 3); // most customers pay
}

void tst_DemoGenerator::someCustomersNearCreditLimit()
{
    // Exposure as the credit rule sees it: open invoices plus confirmed orders not yet invoiced.
    QHash<QUuid, qint64> exposure;
    for (const Invoice &i : std::as_const(m_small->invoices))
        exposure[i.customerId] += i.total.minorUnits() - i.paid.minorUnits();
    for (const SalesDocument &o : std::as_const(m_small->orders)) {
        switch (o.status) {
        case DocumentStatus::Confirmed:
        case DocumentStatus::Backordered:
        case DocumentStatus::PartiallyAllocated:
        case DocumentStatus::Delivered:
            exposure[o.customerId] += o.total.minorUnits();
            break;
        default:
            break;
        }
    }
    int near = 0, withLimit = 0, withoutLimit = 0;
    for (const Customer &c : std::as_const(m_small->customers)) {
        if (!c.creditLimit) {
            ++withoutLimit;
            continue;
        }
        ++withLimit;
        near += exposure.value(c.id) * 10 >= c.creditLimit->minorUnits() * 9 ? 1 : 0;
    }
    QVERIFY(withLimit > 0 && withoutLimit > 0);
    QVERIFY2(near >= 3, qPrintable(QString::number(near)));
    QCOMPARE(qint64(near), qint64(m_summary.customersNearCreditLimit));
}

void tst_DemoGenerator::historyHasEveryStory()
{
    const QDate today = DemoOptions().today;
    QSet<int> orderStatuses, quoteStatuses;
    for (const SalesDocument &o : std::as_const(m_small->orders)) {
        orderStatuses.insert(int(o.status));
        QVERIFY(o.date >= today.addDays(-364) && o.date <= today);
        QVERIFY(o.createdBy.startsWith(u"rep."));
    }
    for (const SalesDocument &q : std::as_const(m_small->quotes))
        quoteStatuses.insert(int(q.status));
    for (DocumentStatus s :
         {DocumentStatus::Invoiced, DocumentStatus::Delivered, DocumentStatus::Confirmed,
          DocumentStatus::CreditHold, DocumentStatus::Backordered, DocumentStatus::Cancelled})
        QVERIFY2(orderStatuses.contains(int(s)), qPrintable(documentStatusName(s)));
    for (DocumentStatus s :
         {DocumentStatus::Converted, DocumentStatus::Expired, DocumentStatus::Confirmed})
        QVERIFY2(quoteStatuses.contains(int(s)), qPrintable(documentStatusName(s)));

    int invoiced = 0;
    for (const SalesDocument &o : std::as_const(m_small->orders))
        invoiced += o.status == DocumentStatus::Invoiced ? 1 : 0;
    QVERIFY(invoiced > m_small->orders.size() / 2); // mostly invoiced
    QCOMPARE(qint64(invoiced), qint64(m_small->invoices.size()));

    int openWithComments = 0;
    for (const Ticket &t : std::as_const(m_small->tickets)) {
        if (t.status != Ticket::Status::Closed && t.status != Ticket::Status::Resolved
            && !t.comments.isEmpty())
            ++openWithComments;
        for (const TicketComment &c : t.comments)
            QVERIFY(c.at >= t.createdAt);
    }
    QVERIFY(openWithComments > 0);

    int past = 0, current = 0, future = 0;
    for (const Promotion &p : std::as_const(m_small->promotions)) {
        past += p.validTo < today ? 1 : 0;
        current += p.validFrom <= today && p.validTo >= today ? 1 : 0;
        future += p.validFrom > today ? 1 : 0;
    }
    QVERIFY(past > 0 && current > 0 && future > 0);
    QVERIFY(m_summary.archivedCustomers > 0);
}

void tst_DemoGenerator::sinkErrorStopsGeneration()
{
    FailingSink sink;
    const auto summary = DemoGenerator().generate(sink);
    QVERIFY(!summary.ok());
    QVERIFY(summary.error().code == ErrorCode::Storage);
    QCOMPARE(summary.errorMessage(), u"disk full"_s);
    QCOMPARE(qint64(sink.customersSeen), qint64(10));
    QCOMPARE(qint64(sink.recordsAfterFailure), qint64(0));
}

void tst_DemoGenerator::largeTiming()
{
    if (qEnvironmentVariableIsEmpty("KARVAN_DEMO_LARGE"))
        QSKIP("set KARVAN_DEMO_LARGE=1 to time the large set (about a minute)");
    DemoOptions options;
    options.size = DemoSize::Large;
    DemoSink noOp;
    QElapsedTimer timer;
    timer.start();
    const auto summary = DemoGenerator(options).generate(noOp);
    qInfo("large demo set into a no-op sink: %lld ms", qint64(timer.elapsed()));
    QVERIFY2(summary.ok(), qPrintable(summary.errorMessage()));
    QCOMPARE(qint64(summary->orderLines),
             qint64(DemoSizeSpec::forSize(DemoSize::Large).orderLines));
    QCOMPARE(qint64(summary->customers), qint64(DemoSizeSpec::forSize(DemoSize::Large).customers));
}

QTEST_GUILESS_MAIN(tst_DemoGenerator)
#include "tst_demogenerator.moc"
