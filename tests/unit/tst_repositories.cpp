#include "domain/ids.h"
#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/invoicerepository.h"
#include "store/localstore.h"
#include "store/opportunityrepository.h"
#include "store/outboxrepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

Money money(qint64 minor, const QString &currency = u"USD"_s)
{
    return Money::fromMinor(minor, currency).value();
}

Quantity qty(qint64 milli, const QString &unit = u"ea"_s)
{
    return Quantity::fromMilli(milli, unit).value();
}

const QDateTime At = QDateTime(QDate(2024, 3, 5), QTime(9, 30, 15, 250), Qt::UTC);

SalesDocument makeOrder(const QUuid &customerId)
{
    SalesDocument d;
    d.id = Uuid7::generate();
    d.kind = SalesDocument::Kind::Order;
    d.customerId = customerId;
    d.currency = u"USD"_s;
    d.date = QDate(2024, 3, 5);
    d.status = DocumentStatus::PendingSync;
    d.createdBy = u"rep1"_s;
    d.createdAt = At;
    DocumentLine l;
    l.lineNo = 1;
    l.sku = u"TEA-1"_s;
    l.quantity = qty(2500);
    l.warehouseCode = u"W1"_s;
    l.unitPrice = money(1000);
    l.lineNet = money(2500);
    l.lineTax = money(450);
    l.lineTotal = money(2950);
    d.lines.append(l);
    d.net = money(2500);
    d.tax = money(450);
    d.total = money(2950);
    return d;
}

OutboxMutation makeMutation(const SalesDocument &d)
{
    OutboxMutation m;
    m.mutationId = Uuid7::generate();
    m.entity = u"order"_s;
    m.entityId = idToString(d.id);
    m.op = u"create"_s;
    m.payload = QByteArray("{\"id\":\"") + idToString(d.id).toUtf8() + "\"}";
    m.createdAt = At;
    return m;
}

} // namespace

class tst_Repositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); }
    void customerRoundTrip();
    void productRoundTrip();
    void priceListsPromotionsTaxRoundTrip();
    void stockAndReservations();
    void documentRoundTrip();
    void orderAndOutboxInOneTransaction();
    void badDocumentWritesNothing_data();
    void badDocumentWritesNothing();
    void invoicePaymentRoundTrip();
    void ticketRoundTrip();
    void activityOpportunityRoundTrip();
    void notFoundForUnknownIds();
    void constraintViolationIsStorageError();
    void outboxStates();
    void bulkHistoryLoad();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    int m_n = 0;
};

void tst_Repositories::init()
{
    QStandardPaths::setTestModeEnabled(true);
    auto store = LocalStore::open(m_dir.filePath(u"repo%1.db"_s.arg(++m_n)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
}

void tst_Repositories::customerRoundTrip()
{
    Customer c;
    c.id = Uuid7::generate();
    c.code = u"C-1001"_s;
    c.name = u"Nguyễn Văn An"_s;
    c.language = u"vi"_s;
    c.contacts = {Contact {u"An"_s, u"Owner"_s, u"+84 1"_s, u"an@example.com"_s},
                  Contact {u"Bình"_s, u"Purchasing"_s, {}, u"binh@example.com"_s}};
    Address billing {Address::Kind::Billing,
                     u"1 Lê Lợi"_s,
                     u"Q1"_s,
                     u"HCMC"_s,
                     u"VN-SG"_s,
                     u"700000"_s,
                     u"VN"_s};
    Address shipping = billing;
    shipping.kind = Address::Kind::Shipping;
    shipping.line1 = u"Kho 3"_s;
    c.addresses = {billing, shipping};
    c.phone = u"+84 28 1234"_s;
    c.email = u"shop@example.com"_s;
    c.notes = u"Prefers morning visits"_s;
    c.territory = u"VN-S"_s;
    c.priceListId = Uuid7::generate();
    c.paymentTermsDays = 45;
    c.creditLimit = Money::fromMinor(5000000, u"VND"_s).value();
    c.currency = u"VND"_s;
    c.taxRegion = u"VN"_s;
    c.updatedAt = At;
    CustomerRepository repo(*m_store);
    QVERIFY(repo.upsert(c).ok());
    auto got = repo.get(c.id);
    QVERIFY2(got.ok(), qPrintable(got.errorMessage()));
    QCOMPARE(got->id, c.id);
    QCOMPARE(got->code, c.code);
    QCOMPARE(got->name, c.name);
    QCOMPARE(got->language, c.language);
    QCOMPARE(got->contacts, c.contacts);
    QCOMPARE(got->addresses, c.addresses);
    QCOMPARE(got->phone, c.phone);
    QCOMPARE(got->email, c.email);
    QCOMPARE(got->notes, c.notes);
    QCOMPARE(got->territory, c.territory);
    QCOMPARE(got->priceListId, c.priceListId);
    QCOMPARE(got->paymentTermsDays, c.paymentTermsDays);
    QVERIFY(got->creditLimit.has_value());
    QCOMPARE(*got->creditLimit, *c.creditLimit);
    QCOMPARE(got->currency, c.currency);
    QCOMPARE(got->taxRegion, c.taxRegion);
    QCOMPARE(got->archived, false);
    QCOMPARE(got->updatedAt, c.updatedAt);

    // Update: fewer contacts, no credit limit, archived.
    c.contacts.removeLast();
    c.creditLimit.reset();
    c.archived = true;
    QVERIFY(repo.upsert(c).ok());
    got = repo.get(c.id);
    QCOMPARE(got->contacts, c.contacts);
    QVERIFY(!got->creditLimit.has_value());
    QVERIFY(got->archived);
    QCOMPARE(repo.count().value(), 1);
    QCOMPARE(repo.listByTerritory(u"VN-S"_s)->size(), 0);
    QCOMPARE(repo.listByTerritory(u"VN-S"_s, 10, 0, CustomerRepository::Archived::Include)->size(),
             1);

    Customer nameless = c;
    nameless.id = Uuid7::generate();
    nameless.name = u"  "_s;
    auto bad = repo.upsert(nameless);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(repo.count().value(), 1);
}

void tst_Repositories::productRoundTrip()
{
    Product p;
    p.id = Uuid7::generate();
    p.sku = u"WATER-6"_s;
    p.barcode = u"4006381333931"_s;
    p.name = u"Water 1.5 l"_s;
    p.category = u"Drinks"_s;
    p.baseUnit = u"bottle"_s;
    p.unitConversions = {UnitConversion {u"pack"_s, 6000}, UnitConversion {u"pallet"_s, 720000}};
    p.taxClass = u"reduced"_s;
    p.active = false;
    ProductRepository repo(*m_store);
    QVERIFY(repo.upsert(p).ok());
    auto got = repo.get(p.id);
    QVERIFY(got.ok());
    QCOMPARE(got->sku, p.sku);
    QCOMPARE(got->barcode, p.barcode);
    QCOMPARE(got->name, p.name);
    QCOMPARE(got->category, p.category);
    QCOMPARE(got->baseUnit, p.baseUnit);
    QCOMPARE(got->unitConversions.size(), 2);
    QCOMPARE(got->unitConversions.at(1).unit, u"pallet"_s);
    QCOMPARE(got->unitConversions.at(1).baseMilliPerUnit, 720000);
    QCOMPARE(got->taxClass, p.taxClass);
    QCOMPARE(got->active, false);
    auto skus = repo.findBySkus({u"WATER-6"_s, u"NOPE"_s});
    QVERIFY(skus.ok());
    QCOMPARE(skus->size(), 1);
    QVERIFY(repo.remove(p.id).ok());
    QCOMPARE(repo.get(p.id).error().code, ErrorCode::NotFound);
}

void tst_Repositories::priceListsPromotionsTaxRoundTrip()
{
    PriceListRepository repo(*m_store);
    PriceList list;
    list.id = Uuid7::generate();
    list.code = u"BASE"_s;
    list.name = u"List prices"_s;
    list.currency = u"USD"_s;
    list.isBase = true;
    list.entries
        = {PriceListEntry {u"TEA-1"_s,
                           u"ea"_s,
                           {PriceTier {qty(1000), money(500)}, PriceTier {qty(10000), money(450)}}},
           PriceListEntry {u"TEA-1"_s, u"box"_s, {PriceTier {qty(1000, u"box"_s), money(5000)}}},
           PriceListEntry {u"RICE"_s, u"kg"_s, {}}};
    QVERIFY(repo.upsert(list).ok());
    auto base = repo.baseList();
    QVERIFY2(base.ok(), qPrintable(base.errorMessage()));
    QCOMPARE(base->id, list.id);
    QCOMPARE(base->code, list.code);
    QCOMPARE(base->name, list.name);
    QCOMPARE(base->currency, list.currency);
    QVERIFY(base->isBase);
    QCOMPARE(base->entries.size(), 3);
    const PriceListEntry *tea = nullptr;
    for (const PriceListEntry &e : base->entries)
        if (e.sku == u"TEA-1"_s && e.unit == u"ea"_s)
            tea = &e;
    QVERIFY(tea);
    QCOMPARE(tea->tiers.size(), 2);
    QCOMPARE(tea->tiers.at(1).minQuantity, qty(10000));
    QCOMPARE(tea->tiers.at(1).unitPrice, money(450));
    auto some = repo.getForSkus(list.id, {u"RICE"_s});
    QCOMPARE(some->entries.size(), 1);
    QCOMPARE(repo.findByCode(u"BASE"_s)->id, list.id);

    PriceList wrongCurrency = list;
    wrongCurrency.id = Uuid7::generate();
    wrongCurrency.code = u"EUR-LIST"_s;
    wrongCurrency.currency = u"EUR"_s;
    QCOMPARE(repo.upsert(wrongCurrency).error().code, ErrorCode::CurrencyMismatch);

    const QUuid customer = Uuid7::generate();
    CustomerPrice cp {customer, u"TEA-1"_s, money(420), QDate(2024, 1, 1), QDate(2024, 12, 31)};
    CustomerPrice open {customer, u"RICE"_s, money(300), std::nullopt, std::nullopt};
    QVERIFY(repo.replaceCustomerPrices(customer, {cp, open}).ok());
    auto prices = repo.customerPrices(customer);
    QVERIFY(prices.ok());
    QCOMPARE(prices->size(), 2);
    QCOMPARE(prices->at(1).sku, u"TEA-1"_s);
    QCOMPARE(prices->at(1).unitPrice, cp.unitPrice);
    QCOMPARE(prices->at(1).validFrom, cp.validFrom);
    QCOMPARE(prices->at(1).validTo, cp.validTo);
    QVERIFY(!prices->at(0).validFrom.has_value());
    QCOMPARE(repo.customerPrices(customer, {u"RICE"_s})->size(), 1);

    Promotion promo;
    promo.id = Uuid7::generate();
    promo.code = u"SPRING"_s;
    promo.name = u"Spring sale"_s;
    promo.kind = Promotion::Kind::AmountOff;
    promo.amountOffPerUnit = money(50);
    promo.validFrom = QDate(2024, 3, 1);
    promo.validTo = QDate(2024, 3, 31);
    promo.skus = {u"TEA-1"_s, u"RICE"_s};
    promo.territories = {u"TR-IST"_s};
    promo.minQuantity = qty(5000);
    QVERIFY(repo.upsertPromotion(promo).ok());
    auto gotPromo = repo.promotion(promo.id);
    QVERIFY(gotPromo.ok());
    QCOMPARE(gotPromo->code, promo.code);
    QCOMPARE(gotPromo->name, promo.name);
    QCOMPARE(gotPromo->kind, promo.kind);
    QCOMPARE(gotPromo->amountOffPerUnit, promo.amountOffPerUnit);
    QCOMPARE(gotPromo->validFrom, promo.validFrom);
    QCOMPARE(gotPromo->validTo, promo.validTo);
    QCOMPARE(gotPromo->skus, promo.skus);
    QCOMPARE(gotPromo->territories, promo.territories);
    QCOMPARE(gotPromo->minQuantity, promo.minQuantity);
    QCOMPARE(repo.promotionsOn(QDate(2024, 3, 15))->size(), 1);
    QCOMPARE(repo.promotionsOn(QDate(2024, 4, 1))->size(), 0);

    TaxRule kdv {u"standard"_s, u"TR"_s, 2000, true, u"KDV 20%"_s};
    QVERIFY(repo.upsertTaxRule(kdv).ok());
    auto rule = repo.taxRule(u"standard"_s, u"TR"_s);
    QVERIFY(rule.ok());
    QCOMPARE(rule->rateBasisPoints, 2000);
    QCOMPARE(rule->inclusive, true);
    QCOMPARE(rule->name, kdv.name);
    QCOMPARE(repo.taxRule(u"standard"_s, u"VN"_s).error().code, ErrorCode::NotFound);
}

void tst_Repositories::stockAndReservations()
{
    StockRepository repo(*m_store);
    Warehouse w {Uuid7::generate(), u"W1"_s, u"Main"_s, u"TR"_s, {}};
    QVERIFY(repo.upsertWarehouse(w).ok());
    QCOMPARE(repo.warehouse(u"W1"_s)->name, u"Main"_s);
    StockLevel level {u"TEA-1"_s, u"W1"_s, qty(100000), qty(20000), At};
    QVERIFY(repo.upsertLevels({level}).ok());
    auto got = repo.level(u"TEA-1"_s, u"W1"_s);
    QVERIFY(got.ok());
    QCOMPARE(got->onHand, level.onHand);
    QCOMPARE(got->reserved, level.reserved);
    QCOMPARE(got->asOf, level.asOf);
    const QUuid order = Uuid7::generate();
    QVERIFY(repo.reserve(order, {LocalReservation {u"TEA-1"_s, u"W1"_s, qty(5000), order}}).ok());
    auto avail = repo.availability(u"TEA-1"_s);
    QVERIFY2(avail.ok(), qPrintable(avail.errorMessage()));
    const SkuAvailability *tea = avail->find(u"TEA-1"_s);
    QVERIFY(tea);
    QCOMPARE(tea->warehouses.size(), 1);
    QCOMPARE(tea->localReserved, qty(5000));
    QCOMPARE(tea->available, qty(75000));
    QCOMPARE(repo.reservationsForOrder(order)->size(), 1);
    QVERIFY(repo.release(order).ok());
    QCOMPARE(repo.availability(u"TEA-1"_s)->find(u"TEA-1"_s)->available, qty(80000));
    auto bad = repo.reserve(order, {LocalReservation {u"TEA-1"_s, u"W1"_s, qty(-1), order}});
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
}

void tst_Repositories::documentRoundTrip()
{
    DocumentRepository repo(*m_store);
    SalesDocument quote = makeOrder(Uuid7::generate());
    quote.kind = SalesDocument::Kind::Quote;
    quote.validUntil = QDate(2024, 4, 5);
    quote.number = u"Q-1"_s;
    quote.statusReason = u"awaiting customer"_s;
    QVERIFY(repo.save(quote).ok());
    SalesDocument order = makeOrder(quote.customerId);
    order.sourceQuoteId = quote.id;
    order.date = QDate(2024, 3, 6);
    DocumentLine unpriced;
    unpriced.lineNo = 2;
    unpriced.sku = u"RICE"_s;
    unpriced.quantity = qty(1000, u"kg"_s);
    order.lines.append(unpriced);
    QVERIFY(repo.save(order).ok());

    auto got = repo.get(quote.id);
    QVERIFY(got.ok());
    QCOMPARE(got->kind, quote.kind);
    QCOMPARE(got->number, quote.number);
    QCOMPARE(got->customerId, quote.customerId);
    QCOMPARE(got->currency, quote.currency);
    QCOMPARE(got->date, quote.date);
    QCOMPARE(got->validUntil, quote.validUntil);
    QCOMPARE(got->status, quote.status);
    QCOMPARE(got->statusReason, quote.statusReason);
    QCOMPARE(got->net, quote.net);
    QCOMPARE(got->tax, quote.tax);
    QCOMPARE(got->total, quote.total);
    QCOMPARE(got->createdBy, quote.createdBy);
    QCOMPARE(got->createdAt, quote.createdAt);
    QCOMPARE(got->lines.size(), 1);
    const DocumentLine &l = got->lines.first();
    QCOMPARE(l.lineNo, 1);
    QCOMPARE(l.sku, quote.lines.first().sku);
    QCOMPARE(l.quantity, quote.lines.first().quantity);
    QCOMPARE(l.warehouseCode, quote.lines.first().warehouseCode);
    QCOMPARE(l.unitPrice, quote.lines.first().unitPrice);
    QCOMPARE(l.lineNet, quote.lines.first().lineNet);
    QCOMPARE(l.lineTax, quote.lines.first().lineTax);
    QCOMPARE(l.lineTotal, quote.lines.first().lineTotal);

    auto gotOrder = repo.get(order.id);
    QCOMPARE(gotOrder->sourceQuoteId, quote.id);
    QCOMPARE(gotOrder->lines.size(), 2);
    QVERIFY(!gotOrder->lines.at(1).unitPrice.isValid());

    auto list = repo.listForCustomer(quote.customerId);
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->first().id, order.id); // newest first
    QCOMPARE(repo.listForCustomer(quote.customerId, SalesDocument::Kind::Quote)->size(), 1);

    QVERIFY(repo.setStatus(order.id, DocumentStatus::CreditHold, u"over limit"_s).ok());
    QCOMPARE(repo.get(order.id)->status, DocumentStatus::CreditHold);
    QCOMPARE(repo.get(order.id)->statusReason, u"over limit"_s);

    // Saving again replaces the lines.
    order.lines.removeLast();
    QVERIFY(repo.save(order).ok());
    QCOMPARE(repo.get(order.id)->lines.size(), 1);
}

void tst_Repositories::orderAndOutboxInOneTransaction()
{
    DocumentRepository docs(*m_store);
    OutboxRepository outbox(*m_store);
    const QUuid customer = Uuid7::generate();

    SalesDocument first = makeOrder(customer);
    OutboxMutation m1 = makeMutation(first);
    auto seq1 = docs.saveWithOutbox(first, m1);
    QVERIFY2(seq1.ok(), qPrintable(seq1.errorMessage()));
    SalesDocument second = makeOrder(customer);
    auto seq2 = docs.saveWithOutbox(second, makeMutation(second));
    QVERIFY(seq2.ok());
    QVERIFY(*seq2 > *seq1);
    auto stored = outbox.get(*seq1);
    QVERIFY(stored.ok());
    QCOMPARE(stored->mutationId, m1.mutationId);
    QCOMPARE(stored->entity, m1.entity);
    QCOMPARE(stored->entityId, m1.entityId);
    QCOMPARE(stored->op, m1.op);
    QCOMPARE(stored->payload, m1.payload);
    QCOMPARE(stored->createdAt, m1.createdAt);
    QCOMPARE(stored->state, OutboxMutation::State::Pending);

    // The outbox append fails after the order rows are written (a re-used mutation id):
    // neither the order nor a mutation may remain.
    SalesDocument third = makeOrder(customer);
    OutboxMutation dup = makeMutation(third);
    dup.mutationId = m1.mutationId;
    auto failed = docs.saveWithOutbox(third, dup);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Storage);
    QVERIFY2(failed.errorMessage().contains(u"UNIQUE"_s), qPrintable(failed.errorMessage()));
    QCOMPARE(docs.get(third.id).error().code, ErrorCode::NotFound);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Pending).value(), 2);
    QCOMPARE(m_store
                 ->scalar(u"SELECT count(*) FROM document_lines WHERE document_id = '%1'"_s.arg(
                     idToString(third.id)))
                 ->toInt(),
             0);

    // A failure inside a caller's transaction after both writes rolls both back too.
    SalesDocument fourth = makeOrder(customer);
    auto r = m_store->transaction([&]() -> Result<void> {
        auto s = docs.saveWithOutbox(fourth, makeMutation(fourth));
        if (!s)
            return s.error();
        return makeError(ErrorCode::Conflict, u"the app crashed here"_s);
    });
    QVERIFY(!r.ok());
    QCOMPARE(docs.get(fourth.id).error().code, ErrorCode::NotFound);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Pending).value(), 2);

    // seq keeps increasing and is never reused, even after a removal.
    QVERIFY(outbox.remove(*seq2).ok());
    SalesDocument fifth = makeOrder(customer);
    auto seq5 = docs.saveWithOutbox(fifth, makeMutation(fifth));
    QVERIFY(seq5.ok());
    QVERIFY(*seq5 > *seq2);
}

void tst_Repositories::badDocumentWritesNothing_data()
{
    QTest::addColumn<int>("defect");
    QTest::newRow("zero quantity") << 0;
    QTest::newRow("negative quantity") << 1;
    QTest::newRow("no quantity") << 2;
    QTest::newRow("no sku") << 3;
    QTest::newRow("duplicate line") << 4;
    QTest::newRow("currency mismatch") << 5;
    QTest::newRow("no customer") << 6;
    QTest::newRow("unknown currency") << 7;
}

void tst_Repositories::badDocumentWritesNothing()
{
    QFETCH(int, defect);
    SalesDocument d = makeOrder(Uuid7::generate());
    DocumentLine &l = d.lines.first();
    switch (defect) {
    case 0:
        l.quantity = qty(0);
        break;
    case 1:
        l.quantity = qty(-1000);
        break;
    case 2:
        l.quantity = Quantity();
        break;
    case 3:
        l.sku.clear();
        break;
    case 4:
        d.lines.append(l);
        break;
    case 5:
        l.lineTotal = money(2950, u"EUR"_s);
        break;
    case 6:
        d.customerId = QUuid();
        break;
    case 7:
        d.currency = u"XXQ"_s;
        break;
    }
    DocumentRepository docs(*m_store);
    auto r = docs.saveWithOutbox(d, makeMutation(d));
    QVERIFY(!r.ok());
    QVERIFY(r.error().code == ErrorCode::InvalidArgument
            || r.error().code == ErrorCode::CurrencyMismatch);
    QVERIFY(!r.errorMessage().isEmpty());
    if (defect <= 1)
        QVERIFY2(r.errorMessage().contains(u"quantity must be positive"_s),
                 qPrintable(r.errorMessage()));
    QCOMPARE(m_store->scalar(u"SELECT count(*) FROM sales_documents"_s)->toInt(), 0);
    QCOMPARE(m_store->scalar(u"SELECT count(*) FROM document_lines"_s)->toInt(), 0);
    QCOMPARE(m_store->scalar(u"SELECT count(*) FROM outbox"_s)->toInt(), 0);
    QCOMPARE(docs.save(d).ok(), false);
}

void tst_Repositories::invoicePaymentRoundTrip()
{
    InvoiceRepository invoices(*m_store);
    PaymentRepository payments(*m_store);
    const QUuid customer = Uuid7::generate();
    Invoice inv {Uuid7::generate(),
                 u"INV-9"_s,
                 customer,
                 Uuid7::generate(),
                 QDate(2024, 1, 10),
                 QDate(2024, 2, 9),
                 money(125000, u"KWD"_s),
                 money(25000, u"KWD"_s)};
    QVERIFY(invoices.upsert(inv).ok());
    auto got = invoices.get(inv.id);
    QVERIFY(got.ok());
    QCOMPARE(got->number, inv.number);
    QCOMPARE(got->customerId, inv.customerId);
    QCOMPARE(got->orderId, inv.orderId);
    QCOMPARE(got->date, inv.date);
    QCOMPARE(got->dueDate, inv.dueDate);
    QCOMPARE(got->total, inv.total);
    QCOMPARE(got->paid, inv.paid);
    QCOMPARE(invoices.openForCustomer(customer)->size(), 1);
    Payment p {Uuid7::generate(),      customer,      QDate(2024, 1, 20),
               money(25000, u"KWD"_s), u"transfer"_s, inv.id};
    Payment onAccount {Uuid7::generate(),    customer,  QDate(2024, 1, 21),
                       money(100, u"KWD"_s), u"cash"_s, {}};
    QVERIFY(payments.insertMany({p, onAccount}).ok());
    auto gotPayment = payments.get(p.id);
    QVERIFY(gotPayment.ok());
    QCOMPARE(gotPayment->customerId, p.customerId);
    QCOMPARE(gotPayment->date, p.date);
    QCOMPARE(gotPayment->amount, p.amount);
    QCOMPARE(gotPayment->method, p.method);
    QCOMPARE(gotPayment->invoiceId, p.invoiceId);
    auto history = payments.listForCustomer(customer);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->first().id, onAccount.id);
    QVERIFY(history->first().invoiceId.isNull());
}

void tst_Repositories::ticketRoundTrip()
{
    TicketRepository repo(*m_store);
    Ticket t;
    t.id = Uuid7::generate();
    t.number = u"T-5"_s;
    t.customerId = Uuid7::generate();
    t.subject = u"Fridge broken"_s;
    t.description = u"Compressor noise"_s;
    t.status = Ticket::Status::WaitingOnCustomer;
    t.priority = Ticket::Priority::Urgent;
    t.assignee = u"tech1"_s;
    t.createdAt = At;
    t.updatedAt = At.addSecs(60);
    t.comments = {TicketComment {Uuid7::generate(), u"rep1"_s, At, u"Seen on visit"_s}};
    QVERIFY(repo.upsert(t).ok());
    TicketComment later {Uuid7::generate(), u"hq"_s, At.addSecs(3600), u"Part ordered"_s};
    QVERIFY(repo.addComment(t.id, later).ok());
    QVERIFY(repo.addComment(t.id, later).ok()); // idempotent: a re-sent comment is not doubled
    auto got = repo.get(t.id);
    QVERIFY(got.ok());
    QCOMPARE(got->number, t.number);
    QCOMPARE(got->customerId, t.customerId);
    QCOMPARE(got->subject, t.subject);
    QCOMPARE(got->description, t.description);
    QCOMPARE(got->status, t.status);
    QCOMPARE(got->priority, t.priority);
    QCOMPARE(got->assignee, t.assignee);
    QCOMPARE(got->createdAt, t.createdAt);
    QCOMPARE(got->updatedAt, t.updatedAt);
    QCOMPARE(got->comments.size(), 2);
    QCOMPARE(got->comments.at(0).id, t.comments.at(0).id);
    QCOMPARE(got->comments.at(0).author, t.comments.at(0).author);
    QCOMPARE(got->comments.at(0).at, t.comments.at(0).at);
    QCOMPARE(got->comments.at(0).body, t.comments.at(0).body);
    QCOMPARE(got->comments.at(1).body, later.body);
    QCOMPARE(repo.listForCustomer(t.customerId)->size(), 1);
    QCOMPARE(repo.listOpen()->size(), 1);
    QCOMPARE(repo.addComment(Uuid7::generate(), later).error().code, ErrorCode::NotFound);
}

void tst_Repositories::activityOpportunityRoundTrip()
{
    ActivityRepository activities(*m_store);
    Activity a {Uuid7::generate(),
                Uuid7::generate(),
                Activity::Kind::Call,
                At,
                u"Follow-up"_s,
                u"Wants a quote"_s,
                15,
                u"photos/1.jpg"_s,
                u"rep1"_s};
    QVERIFY(activities.upsert(a).ok());
    auto got = activities.get(a.id);
    QVERIFY(got.ok());
    QCOMPARE(got->customerId, a.customerId);
    QCOMPARE(got->kind, a.kind);
    QCOMPARE(got->at, a.at);
    QCOMPARE(got->subject, a.subject);
    QCOMPARE(got->notes, a.notes);
    QCOMPARE(got->durationMinutes, a.durationMinutes);
    QCOMPARE(got->photoPath, a.photoPath);
    QCOMPARE(got->author, a.author);
    QCOMPARE(activities.listForCustomer(a.customerId)->size(), 1);

    OpportunityRepository opportunities(*m_store);
    Opportunity o {Uuid7::generate(),       a.customerId,
                   u"New store fit-out"_s,  Opportunity::Stage::Negotiation,
                   money(990000, u"JPY"_s), 60,
                   QDate(2024, 6, 30),      u"rep1"_s};
    QVERIFY(opportunities.upsert(o).ok());
    auto gotO = opportunities.get(o.id);
    QVERIFY(gotO.ok());
    QCOMPARE(gotO->customerId, o.customerId);
    QCOMPARE(gotO->title, o.title);
    QCOMPARE(gotO->stage, o.stage);
    QCOMPARE(gotO->amount, o.amount);
    QCOMPARE(gotO->probabilityPercent, o.probabilityPercent);
    QCOMPARE(gotO->expectedClose, o.expectedClose);
    QCOMPARE(gotO->owner, o.owner);
    QCOMPARE(opportunities.listForCustomer(o.customerId)->size(), 1);
    o.probabilityPercent = 120;
    QCOMPARE(opportunities.upsert(o).error().code, ErrorCode::InvalidArgument);
}

void tst_Repositories::notFoundForUnknownIds()
{
    const QUuid unknown = Uuid7::generate();
    QCOMPARE(CustomerRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(ProductRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(PriceListRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(PriceListRepository(*m_store).baseList().error().code, ErrorCode::NotFound);
    QCOMPARE(PriceListRepository(*m_store).promotion(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(StockRepository(*m_store).level(u"X"_s, u"W"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(StockRepository(*m_store).warehouse(u"W"_s).error().code, ErrorCode::NotFound);
    auto doc = DocumentRepository(*m_store).get(unknown);
    QCOMPARE(doc.error().code, ErrorCode::NotFound);
    QVERIFY(doc.errorMessage().contains(idToString(unknown)));
    QCOMPARE(
        DocumentRepository(*m_store).setStatus(unknown, DocumentStatus::Confirmed).error().code,
        ErrorCode::NotFound);
    QCOMPARE(InvoiceRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(PaymentRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(TicketRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(ActivityRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(OpportunityRepository(*m_store).get(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(OutboxRepository(*m_store).get(999).error().code, ErrorCode::NotFound);
    QCOMPARE(OutboxRepository(*m_store).findByMutationId(unknown).error().code,
             ErrorCode::NotFound);
    QCOMPARE(OutboxRepository(*m_store).setState(999, OutboxMutation::State::Sent).error().code,
             ErrorCode::NotFound);
}

void tst_Repositories::constraintViolationIsStorageError()
{
    ProductRepository repo(*m_store);
    Product a;
    a.id = Uuid7::generate();
    a.sku = u"SAME"_s;
    a.name = u"A"_s;
    Product b = a;
    b.id = Uuid7::generate();
    b.name = u"B"_s;
    QVERIFY(repo.upsert(a).ok());
    auto r = repo.upsert(b);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Storage);
    QVERIFY2(r.errorMessage().contains(u"products.sku"_s), qPrintable(r.errorMessage()));
    QVERIFY(r.errorMessage().contains(u"SAME"_s));
    QCOMPARE(repo.count().value(), 1);
    QCOMPARE(repo.search(u"b"_s)->size(), 0); // its search row was rolled back too
}

void tst_Repositories::outboxStates()
{
    OutboxRepository outbox(*m_store);
    SalesDocument d = makeOrder(Uuid7::generate());
    OutboxMutation m = makeMutation(d);
    auto seq = outbox.append(m);
    QVERIFY(seq.ok());
    QCOMPARE(outbox.findByMutationId(m.mutationId)->seq, *seq);
    QVERIFY(outbox.setState(*seq, OutboxMutation::State::Sent).ok());
    QCOMPARE(outbox.withState(OutboxMutation::State::Pending)->size(), 0);
    QVERIFY(outbox.setState(*seq, OutboxMutation::State::Rejected, u"customer archived"_s).ok());
    auto rejected = outbox.withState(OutboxMutation::State::Rejected);
    QCOMPARE(rejected->size(), 1);
    QCOMPARE(rejected->first().resultReason, u"customer archived"_s);
    SyncStateRepository state(*m_store);
    QVERIFY(state.setValue(u"cursor"_s, u"42"_s).ok());
    QCOMPARE(state.value(u"cursor"_s).value(), u"42"_s);
}

void tst_Repositories::bulkHistoryLoad()
{
    // 100k lines here; the loader reuses one prepared statement per table in one transaction.
    const QUuid customer = Uuid7::generate();
    QList<SalesDocument> docs;
    for (int i = 0; i < 20000; ++i) {
        SalesDocument d = makeOrder(customer);
        d.status = DocumentStatus::Delivered;
        for (int n = 2; n <= 5; ++n) {
            DocumentLine l = d.lines.first();
            l.lineNo = n;
            d.lines.append(l);
        }
        docs.append(d);
    }
    QElapsedTimer t;
    t.start();
    {
        LocalStore::BulkLoad bulk(*m_store);
        auto r = DocumentRepository(*m_store).insertMany(docs);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    }
    qInfo("20000 documents, 100000 lines in %lld ms", t.elapsed());
    QVERIFY(t.elapsed() < 60000);
    QCOMPARE(m_store->scalar(u"SELECT count(*) FROM document_lines"_s)->toInt(), 100000);
    QElapsedTimer page;
    page.start();
    auto recent = DocumentRepository(*m_store).listForCustomer(customer, 20);
    QVERIFY(recent.ok());
    QCOMPARE(recent->size(), 20);
    QVERIFY(page.elapsed() < 1000);
}

QTEST_GUILESS_MAIN(tst_Repositories)
#include "tst_repositories.moc"
