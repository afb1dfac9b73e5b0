#include "servicefixture.h"

#include "store/invoicerepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"
#include "store/todayquery.h"

#include <QStandardPaths>
#include <QTest>

using namespace karvan;
using namespace karvan::testing;
using namespace Qt::StringLiterals;

namespace {

const QDate Today(2026, 3, 10);

Money usd(qint64 cents)
{
    return Money::fromMinor(cents, u"USD"_s).value();
}

Quantity ea(qint64 units)
{
    return Quantity::ofUnits(units, u"ea"_s).value();
}

} // namespace

// The Today page's alerts and the list rows' figures: SQL gathers, the core rules decide.
class tst_TodayQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void creditAlertsFollowDecideCredit();
    void overdueInvoicesOldestFirst();
    void lowStockUsesAtpAndThresholds();
    void openTicketCountsPerCustomer();

private:
    Customer addCustomer(const QString &name, std::optional<qint64> limitCents);
    void addInvoice(const Customer &c, qint64 totalCents, const QDate &due, qint64 paid = 0);

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
};

void tst_TodayQuery::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
}

Customer tst_TodayQuery::addCustomer(const QString &name, std::optional<qint64> limitCents)
{
    Customer c = makeCustomer(name);
    c.creditLimit = limitCents ? std::optional<Money>(usd(*limitCents)) : std::nullopt;
    CustomerRepository(*m_store).upsert(c).ok();
    return c;
}

void tst_TodayQuery::addInvoice(const Customer &c, qint64 totalCents, const QDate &due, qint64 paid)
{
    Invoice inv;
    inv.id = Uuid7::generate();
    inv.number = u"INV-%1"_s.arg(countRows(*m_store, u"invoices"_s) + 1);
    inv.customerId = c.id;
    inv.date = due.addDays(-30);
    inv.dueDate = due;
    inv.total = usd(totalCents);
    inv.paid = usd(paid);
    QVERIFY(InvoiceRepository(*m_store).upsert(inv).ok());
}

void tst_TodayQuery::creditAlertsFollowDecideCredit()
{
    const Customer over = addCustomer(u"Over"_s, 1000);
    const Customer near = addCustomer(u"Near"_s, 1000);
    const Customer fine = addCustomer(u"Fine"_s, 1000);
    const Customer atLimit = addCustomer(u"At limit"_s, 1000);
    const Customer noLimit = addCustomer(u"No limit"_s, std::nullopt);
    Customer archived = addCustomer(u"Archived"_s, 1000);
    archived.archived = true;
    QVERIFY(CustomerRepository(*m_store).upsert(archived).ok());
    addInvoice(over, 1001, Today.addDays(5));
    addInvoice(near, 950, Today.addDays(5));
    addInvoice(fine, 100, Today.addDays(5));
    addInvoice(atLimit, 1000, Today.addDays(5));
    addInvoice(noLimit, 99999, Today.addDays(5));
    addInvoice(archived, 5000, Today.addDays(5));

    auto alerts = TodayQuery(*m_store).creditAlerts(Today);
    QVERIFY2(alerts.ok(), qPrintable(alerts.errorMessage()));
    QStringList names;
    for (const CreditAlert &a : *alerts)
        names.append(a.customerName);
    // Over first (largest share of the limit); exactly at the limit only warns.
    QCOMPARE(names, (QStringList {u"Over"_s, u"At limit"_s, u"Near"_s}));
    QCOMPARE(alerts->at(0).decision.outcome, CreditOutcome::Hold);
    QCOMPARE(alerts->at(1).decision.outcome, CreditOutcome::Warn);
    QCOMPARE(alerts->at(2).decision.outcome, CreditOutcome::Warn);
    QCOMPARE(alerts->at(0).decision.exposure, usd(1001));

    // The same decision as the one-customer path the customer page uses.
    auto single = TodayQuery(*m_store).creditStatus(over, Today);
    QVERIFY(single.ok());
    QCOMPARE(single->outcome, alerts->at(0).decision.outcome);
    QCOMPARE(single->exposure, alerts->at(0).decision.exposure);
    QCOMPARE(TodayQuery(*m_store).creditAlerts(Today, 1)->size(), 1);
}

void tst_TodayQuery::overdueInvoicesOldestFirst()
{
    const Customer a = addCustomer(u"A"_s, 100000);
    addInvoice(a, 500, Today.addDays(-3));
    addInvoice(a, 700, Today.addDays(-20), 200);
    addInvoice(a, 900, Today.addDays(-40), 900); // paid
    addInvoice(a, 300, Today.addDays(2)); // not due yet
    auto overdue = TodayQuery(*m_store).overdueInvoices(Today);
    QVERIFY(overdue.ok());
    QCOMPARE(overdue->size(), 2);
    QCOMPARE(overdue->at(0).daysOverdue, 20);
    QCOMPARE(overdue->at(0).open, usd(500));
    QCOMPARE(overdue->at(0).customerName, u"A"_s);
    QCOMPARE(overdue->at(1).daysOverdue, 3);
}

void tst_TodayQuery::lowStockUsesAtpAndThresholds()
{
    for (const QString &sku : {u"TEA-1"_s, u"RICE-5"_s, u"OIL-2"_s}) {
        Product p;
        p.id = Uuid7::generate();
        p.sku = sku;
        p.name = sku + u" product"_s;
        QVERIFY(ProductRepository(*m_store).upsert(p).ok());
    }
    StockRepository stock(*m_store);
    const QDateTime asOf(Today.startOfDay(Qt::UTC));
    QVERIFY(stock
                .upsertLevels({{u"TEA-1"_s, u"IST"_s, ea(10), ea(2), asOf},
                               {u"TEA-1"_s, u"ANK"_s, ea(100), ea(0), asOf},
                               {u"RICE-5"_s, u"IST"_s, ea(4), ea(0), asOf},
                               {u"OIL-2"_s, u"IST"_s, ea(50), ea(0), asOf}})
                .ok());
    // An unsynced order takes TEA-1 in IST from 8 available down to 3.
    const QUuid order = Uuid7::generate();
    QVERIFY(stock.reserve(order, {{u"TEA-1"_s, u"IST"_s, ea(5), order}}).ok());

    LowStockThresholds thresholds; // default 5 units
    thresholds.bySkuWarehouse.insert({u"OIL-2"_s, u"IST"_s}, 60000);
    auto low = TodayQuery(*m_store).lowStock(thresholds);
    QVERIFY2(low.ok(), qPrintable(low.errorMessage()));
    QCOMPARE(low->size(), 3);
    QCOMPARE(low->at(0).sku, u"TEA-1"_s);
    QCOMPARE(low->at(0).warehouseCode, u"IST"_s);
    QCOMPARE(low->at(0).available, ea(3));
    QCOMPARE(low->at(1).sku, u"RICE-5"_s);
    QCOMPARE(low->at(2).sku, u"OIL-2"_s); // above the default, below its own threshold
    QCOMPARE(low->at(2).thresholdMilli, 60000);
    QCOMPARE(low->at(0).productName, u"TEA-1 product"_s);
    QCOMPARE(thresholds.thresholdMilli(u"X"_s, u"Y"_s), 5000);
}

void tst_TodayQuery::openTicketCountsPerCustomer()
{
    const Customer a = addCustomer(u"A"_s, std::nullopt);
    const Customer b = addCustomer(u"B"_s, std::nullopt);
    const Customer c = addCustomer(u"C"_s, std::nullopt);
    auto ticket = [&](const Customer &who, Ticket::Status status) {
        Ticket t;
        t.id = Uuid7::generate();
        t.customerId = who.id;
        t.subject = u"s"_s;
        t.status = status;
        QVERIFY(TicketRepository(*m_store).upsert(t).ok());
    };
    ticket(a, Ticket::Status::Open);
    ticket(a, Ticket::Status::InProgress);
    ticket(a, Ticket::Status::Closed);
    ticket(b, Ticket::Status::Resolved);
    ticket(c, Ticket::Status::WaitingOnCustomer);
    auto counts = TodayQuery(*m_store).openTicketCounts({a.id, b.id});
    QVERIFY(counts.ok());
    QCOMPARE(counts->value(a.id), 2);
    QVERIFY(!counts->contains(b.id));
    QVERIFY(!counts->contains(c.id)); // not asked for
    QVERIFY(TodayQuery(*m_store).openTicketCounts({})->isEmpty());
}

QTEST_GUILESS_MAIN(tst_TodayQuery)

#include "tst_todayquery.moc"
