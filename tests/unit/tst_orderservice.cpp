#include "domain/ids.h"
#include "services/orderservice.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 11, 22);

Money usd(qint64 cents)
{
    return Money::fromMinor(cents, u"USD"_s).value();
}

Quantity ea(qint64 units)
{
    return Quantity::ofUnits(units, u"ea"_s).value();
}

} // namespace

// The device's order intake end to end through the real store: pricing, credit and stock
// warnings before submitting, and the one durable transaction that saves the order, its
// local stock reservation and its outbox mutation.
class tst_OrderService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
        QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
        m_store = std::move(store).value();

        m_customer = Customer();
        m_customer.id = Uuid7::generate();
        m_customer.code = u"C-1001"_s;
        m_customer.name = u"Yıldız Gıda Ltd. Şti."_s;
        m_customer.territory = u"TR-IST"_s;
        m_customer.taxRegion = u"TR"_s;
        m_customer.currency = u"USD"_s;
        m_customer.creditLimit = usd(100000); // 1,000.00
        QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());

        Product tea;
        tea.id = Uuid7::generate();
        tea.sku = u"TEA-1"_s;
        tea.name = u"Çaykur Rize Turist 1 kg"_s;
        tea.unitConversions = {{u"box"_s, 12000}};
        QVERIFY(ProductRepository(*m_store).upsert(tea).ok());

        PriceList base;
        base.id = Uuid7::generate();
        base.code = u"BASE"_s;
        base.currency = u"USD"_s;
        base.isBase = true;
        base.entries = {{u"TEA-1"_s, u"ea"_s, {{ea(1), usd(1000)}, {ea(10), usd(900)}}}};
        QVERIFY(PriceListRepository(*m_store).upsert(base).ok());
        QVERIFY(PriceListRepository(*m_store)
                    .upsertTaxRule({u"standard"_s, u"TR"_s, 2000, false, u"KDV 20%"_s})
                    .ok());

        StockRepository stock(*m_store);
        QVERIFY(
            stock.upsertWarehouse({Uuid7::generate(), u"IST"_s, u"Istanbul"_s, u"TR"_s, {}}).ok());
        QVERIFY(stock
                    .upsertLevels({{u"TEA-1"_s, u"IST"_s, ea(30), ea(5),
                                    QDateTime(Today, QTime(6, 0), Qt::UTC)}})
                    .ok());
    }

    void cleanup() { m_store.reset(); }

    void checkShowsTotalsAndWritesNothing()
    {
        OrderService service(*m_store);
        auto check = service.check(draft({{u"TEA-1"_s, ea(10)}}));
        QVERIFY2(check.ok(), qPrintable(check.errorMessage()));
        // 10 x 9.00 (volume tier) = 90.00 + 20% = 108.00
        QCOMPARE(check->priced.net, usd(9000));
        QCOMPARE(check->priced.tax, usd(1800));
        QCOMPARE(check->priced.total, usd(10800));
        QVERIFY(!check->priced.lines.first().steps.isEmpty());
        QCOMPARE(check->credit.outcome, CreditOutcome::Ok);
        QCOMPARE(check->stock.size(), 1);
        QCOMPARE(check->stock.first().outcome, PromiseCheck::Outcome::Full);
        QVERIFY(check->warnings().isEmpty());
        QCOMPARE(OutboxRepository(*m_store).countWithState(OutboxMutation::State::Pending).value(),
                 0);
    }

    void submitSavesOrderReservationAndOutboxTogether()
    {
        OrderService service(*m_store);
        auto order = service.submit(draft({{u"TEA-1"_s, Quantity::ofUnits(1, u"box"_s).value()}}));
        QVERIFY2(order.ok(), qPrintable(order.errorMessage()));
        QCOMPARE(order->status, DocumentStatus::PendingSync);
        QVERIFY(Uuid7::isUuid7(order->id));

        auto saved = DocumentRepository(*m_store).get(order->id);
        QVERIFY(saved.ok());
        QCOMPARE(saved->total, usd(12960)); // 12 ea at the 10+ tier: 108.00 + 21.60 tax
        QCOMPARE(saved->lines.size(), 1);

        auto pending = OutboxRepository(*m_store).withState(OutboxMutation::State::Pending);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().entity, u"order"_s);
        QCOMPARE(pending->first().entityId, idToString(order->id));
        const QCborMap payload = QCborValue::fromCbor(pending->first().payload).toMap();
        QCOMPARE(payload.value(u"customer"_s).toString(), idToString(m_customer.id));
        QCOMPARE(payload.value(u"total"_s).toInteger(), 12960);

        // 30 on hand - 5 reserved at HQ - 12 promised by this order
        auto atp = StockRepository(*m_store).availability(u"TEA-1"_s);
        QVERIFY(atp.ok());
        QCOMPARE(atp->find(u"TEA-1"_s)->available, ea(13));
    }

    void laterOrdersSeeEarlierUnsyncedOnes()
    {
        OrderService service(*m_store);
        QVERIFY(service.submit(draft({{u"TEA-1"_s, ea(20)}})).ok());
        // Stock: 30 - 5 - 20 = 5 left; credit: 216.00 unsynced counted in the exposure.
        auto check = service.check(draft({{u"TEA-1"_s, ea(8)}}));
        QVERIFY(check.ok());
        QCOMPARE(check->stock.first().outcome, PromiseCheck::Outcome::Partial);
        QCOMPARE(check->stock.first().promisable, ea(5));
        QCOMPARE(check->credit.exposure, usd(21600));
        QVERIFY(!check->warnings().isEmpty());
        QVERIFY(check->warnings().join(u'\n').contains(u"TEA-1"));
    }

    void creditAtTheLimitAndOneCentOver()
    {
        // An order of 10 ea costs 108.00 with tax: a limit of exactly 108.00 is not a hold,
        // a limit one cent lower is.
        m_customer.creditLimit = usd(10800); // exactly one order of 10 ea
        QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
        OrderService service(*m_store);
        auto atLimit = service.check(draft({{u"TEA-1"_s, ea(10)}}));
        QVERIFY(atLimit.ok());
        QVERIFY(atLimit->credit.outcome != CreditOutcome::Hold);

        m_customer.creditLimit = usd(10799);
        QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
        auto over = service.check(draft({{u"TEA-1"_s, ea(10)}}));
        QVERIFY(over.ok());
        QCOMPARE(over->credit.outcome, CreditOutcome::Hold);
        // A hold is shown, and the order can still be saved for HQ to decide.
        auto saved = service.submit(draft({{u"TEA-1"_s, ea(10)}}));
        QVERIFY(saved.ok());
        QCOMPARE(saved->status, DocumentStatus::PendingSync);
    }

    void quoteReservesNothing()
    {
        OrderService service(*m_store);
        OrderDraft quote = draft({{u"TEA-1"_s, ea(10)}});
        quote.kind = SalesDocument::Kind::Quote;
        auto saved = service.submit(quote);
        QVERIFY(saved.ok());
        QCOMPARE(saved->validUntil, Today.addDays(30));
        QCOMPARE(StockRepository(*m_store).availability(u"TEA-1"_s)->find(u"TEA-1"_s)->available,
                 ea(25));
        auto pending = OutboxRepository(*m_store).withState(OutboxMutation::State::Pending);
        QCOMPARE(pending->first().entity, u"quote"_s);
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("unknown SKU") << 0 << int(ErrorCode::NotFound);
        QTest::newRow("negative quantity") << 1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("zero quantity") << 2 << int(ErrorCode::InvalidArgument);
        QTest::newRow("unknown customer") << 3 << int(ErrorCode::NotFound);
        QTest::newRow("archived customer") << 4 << int(ErrorCode::Conflict);
        QTest::newRow("no lines") << 5 << int(ErrorCode::InvalidArgument);
        QTest::newRow("no date") << 6 << int(ErrorCode::InvalidArgument);
        QTest::newRow("unknown unit") << 7 << int(ErrorCode::InvalidArgument);
    }
    void badInputWritesNothing()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        OrderDraft d = draft({{u"TEA-1"_s, ea(1)}});
        switch (kind) {
        case 0:
            d.lines.append({u"NOPE-404"_s, ea(1)});
            break;
        case 1:
            d.lines.append({u"TEA-1"_s, Quantity::fromMilli(-1000, u"ea"_s).value()});
            break;
        case 2:
            d.lines.append({u"TEA-1"_s, Quantity::fromMilli(0, u"ea"_s).value()});
            break;
        case 3:
            d.customerId = Uuid7::generate();
            break;
        case 4:
            m_customer.archived = true;
            QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
            break;
        case 5:
            d.lines.clear();
            break;
        case 6:
            d.date = QDate();
            break;
        case 7:
            d.lines.append({u"TEA-1"_s, Quantity::ofUnits(1, u"pallet"_s).value()});
            break;
        }
        auto saved = OrderService(*m_store).submit(d);
        QVERIFY(!saved.ok());
        QVERIFY2(int(saved.error().code) == expected, qPrintable(saved.errorMessage()));
        QVERIFY(!saved.errorMessage().isEmpty());
        QCOMPARE(OutboxRepository(*m_store).countWithState(OutboxMutation::State::Pending).value(),
                 0);
        QCOMPARE(m_store->scalar(u"SELECT count(*) FROM sales_documents"_s)->toInt(), 0);
        QCOMPARE(m_store->scalar(u"SELECT count(*) FROM local_reservations"_s)->toInt(), 0);
    }

private:
    OrderDraft draft(const QList<PricingRequest::Line> &lines) const
    {
        OrderDraft d;
        d.customerId = m_customer.id;
        d.date = Today;
        d.warehouseCode = u"IST"_s;
        d.lines = lines;
        d.createdBy = u"rep.tr1"_s;
        return d;
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    Customer m_customer;
};

QTEST_GUILESS_MAIN(tst_OrderService)
#include "tst_orderservice.moc"
