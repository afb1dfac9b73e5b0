// Whole ERP flows on both backends, with every invariant checked after each step.
#include "erpfixture.h"
#include "testdatabase.h"

#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::erp;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

class tst_ErpFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderToCash_data() { addBackendColumns(); }
    void orderToCash();
    void purchaseToPay_data() { addBackendColumns(); }
    void purchaseToPay();
    void backorderThenAllocate_data() { addBackendColumns(); }
    void backorderThenAllocate();
    void returnWithCreditNote_data() { addBackendColumns(); }
    void returnWithCreditNote();
    void creditHoldApproveAndReject_data() { addBackendColumns(); }
    void creditHoldApproveAndReject();
    void cancelReleasesReservations_data() { addBackendColumns(); }
    void cancelReleasesReservations();
    void periodCloseRefusesLatePosting_data() { addBackendColumns(); }
    void periodCloseRefusesLatePosting();
    void unbalancedEntryRefused_data() { addBackendColumns(); }
    void unbalancedEntryRefused();
    void idempotentIntake_data() { addBackendColumns(); }
    void idempotentIntake();
    void badInputRefused_data() { addBackendColumns(); }
    void badInputRefused();
    void rolesRefused_data() { addBackendColumns(); }
    void rolesRefused();
    void stockTransferAndAdjustment_data() { addBackendColumns(); }
    void stockTransferAndAdjustment();

private:
    std::unique_ptr<Database> open(const TestDatabase &testDb, ErpCompany &co)
    {
        auto db = Database::open(testDb.url());
        if (!db || !migrateHqSchema(**db))
            return nullptr;
        const QString seeded = seedCompany(**db, co);
        if (!seeded.isEmpty()) {
            qWarning("seed: %s", qPrintable(seeded));
            return nullptr;
        }
        return std::move(db).value();
    }
};

#define OPEN_COMPANY()                                                                             \
    KARVAN_TEST_DATABASE(testDb);                                                                  \
    ErpCompany co;                                                                                 \
    auto dbHolder = open(testDb, co);                                                              \
    QVERIFY(dbHolder);                                                                             \
    Database &db = *dbHolder;                                                                      \
    KARVAN_VERIFY_INVARIANTS(db)

void tst_ErpFlows::orderToCash()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    auto taken = KARVAN_OK(SalesOrders(db).intake(
        co.who.rep, order(co.cash, d, {{u"TEA"_s, units(10)}, {u"RICE"_s, units(2)}})));
    QVERIFY(taken.ok());
    QCOMPARE(taken->status, DocumentStatus::Confirmed);
    QVERIFY(taken->number.startsWith(u"SO-"_s));
    // TEA 10 x 3.33 = 33.30, RICE 2 x 19.99 = 39.98; VAT 18% exclusive: 5.99 + 7.20.
    QCOMPARE(taken->net, 7328);
    QCOMPARE(taken->tax, 599 + 720);
    QCOMPARE(taken->lines.at(0).warehouse, u"WH1"_s); // the warehouse that can promise most
    QCOMPARE(taken->lines.at(0).allocated, 10000);
    KARVAN_VERIFY_INVARIANTS(db);

    auto delivered = KARVAN_OK(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d));
    QVERIFY(delivered.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    auto tea = Inventory(db).positions({u"TEA"_s});
    QVERIFY(tea.ok());
    QCOMPARE(tea->at(0).onHand, 90000);
    QCOMPARE(tea->at(0).value, 10100 - 1010);
    QCOMPARE(tea->at(0).reserved, 0);
    QCOMPARE(SalesOrders(db).find(taken->orderId)->status, DocumentStatus::Delivered);

    auto invoiceId = KARVAN_OK(Fulfilment(db).invoice(co.who.finance, taken->orderId, d));
    QVERIFY(invoiceId.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(SalesOrders(db).find(taken->orderId)->status, DocumentStatus::Invoiced);
    Receivables ar(db);
    QCOMPARE(*ar.openBalance(*invoiceId), 7328 + 1319);
    QCOMPARE(db.scalar(u"SELECT due_date FROM invoices WHERE id = ?"_s, {*invoiceId})->toString(),
             u"2024-02-02"_s);
    // Nothing left to invoice.
    QVERIFY(!Fulfilment(db).invoice(co.who.finance, taken->orderId, d).ok());

    // Partial payment on the invoice, then one on account, allocated afterwards.
    QVERIFY(
        KARVAN_OK(ar.recordPayment(co.who.finance, co.cash, d, usd(1000), u"cash"_s, *invoiceId))
            .ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(*ar.openBalance(*invoiceId), 8647 - 1000);
    auto onAccount = KARVAN_OK(
        ar.recordPayment(co.who.finance, co.cash, d.addDays(3), usd(9000), u"transfer"_s));
    QVERIFY(onAccount.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(!ar.allocatePayment(co.who.finance, *onAccount, *invoiceId, 7648).ok()); // > open
    QVERIFY(KARVAN_OK(ar.allocatePayment(co.who.finance, *onAccount, *invoiceId, 7647)).ok());
    QCOMPARE(*ar.openBalance(*invoiceId), 0);
    QCOMPARE(*ar.unallocatedPayment(*onAccount), 9000 - 7647);
    KARVAN_VERIFY_INVARIANTS(db);

    // The reports agree with the ledger.
    Reports reports(db);
    auto tb = reports.trialBalance(d.addDays(10));
    QVERIFY(tb.ok());
    const QVariantList total = tb->rows.constLast();
    QCOMPARE(total.at(1).toString(), u"TOTAL"_s);
    QCOMPARE(total.at(3), total.at(4));
    auto aging = reports.arAging(d.addDays(10));
    QVERIFY(aging.ok());
    QCOMPARE(aging->rows.size(), 1);
    QCOMPARE(aging->rows.at(0).at(9).toString(), u"-13.53"_s); // a credit on account
    auto pl = reports.profitAndLoss(QDate(2024, 1, 1), d);
    QVERIFY(pl.ok());
    // 73.28 revenue - COGS (10 TEA at 1.01 + 2 RICE at 12.34 = 34.78)
    QCOMPARE(pl->rows.constLast().at(4).toString(), u"38.50"_s);
    for (const QString &name : Reports::names()) {
        auto t = reports.byName(name, d);
        QVERIFY2(t.ok(), qPrintable(t.errorMessage()));
        QVERIFY(t->toText().contains(t->columns.constFirst()));
        QVERIFY(t->toCsv().startsWith(t->columns.join(u','))); // header line
        QVERIFY(t->toJson().contains("\"rows\""));
    }
    auto sales = reports.salesByRep(QDate(2024, 1, 1), d);
    QCOMPARE(sales->rows.at(0).at(0).toString(), u"rey"_s);
    QCOMPARE(sales->rows.at(0).at(4).toString(), u"3.66"_s); // 5% of 73.28
}

void tst_ErpFlows::purchaseToPay()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(5);
    Purchasing purchasing(db);
    auto po = KARVAN_OK(purchasing.createOrder(co.who.manager, co.vendor, u"WH1"_s, d,
                                               {{u"TEA"_s, 50000, 107}, {u"OIL"_s, 7000, 501}}));
    QVERIFY(po.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(KARVAN_OK(purchasing.receive(co.who.warehouse, *po, d, 20000)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(KARVAN_OK(purchasing.receive(co.who.warehouse, *po, d.addDays(1))).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(!purchasing.receive(co.who.warehouse, *po, d.addDays(1)).ok()); // nothing open
    auto tea = Inventory(db).positions({u"TEA"_s});
    QCOMPARE(tea->at(0).onHand, 150000);
    QCOMPARE(tea->at(0).value, 10100 + 5350);
    // GRNI holds what was received and not billed.
    auto grni = Ledger(db).balances();
    qint64 grniBalance = 0;
    for (const AccountBalance &b : *grni)
        if (b.account == Accounts::Grni)
            grniBalance = b.balance();
    QCOMPARE(grniBalance, -(5350 + 3507));

    auto bill = KARVAN_OK(purchasing.bill(co.who.finance, *po, d.addDays(2), 886, u"G-77"_s));
    QVERIFY(bill.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(*purchasing.billOpenBalance(*bill), 5350 + 3507 + 886);
    QVERIFY(!purchasing.bill(co.who.finance, *po, d.addDays(2), 0).ok()); // nothing to bill
    QVERIFY(
        KARVAN_OK(purchasing.payVendor(co.who.finance, co.vendor, d.addDays(3), 5000, *bill)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(
        KARVAN_OK(purchasing.payVendor(co.who.finance, co.vendor, d.addDays(4), 5000, *bill)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(*purchasing.billOpenBalance(*bill), 0);
    auto aging = Reports(db).apAging(d.addDays(4));
    QVERIFY(aging.ok());
    QCOMPARE(aging->rows.size(), 1);
    QCOMPARE(aging->rows.at(0).at(9).toString(), u"-2.57"_s); // overpaid: a credit
    const auto finalBalances = Ledger(db).balances();
    QVERIFY(finalBalances.ok());
    for (const AccountBalance &b : *finalBalances)
        QVERIFY2(b.account != Accounts::Grni || b.balance() == 0, "GRNI clears on billing");
}

void tst_ErpFlows::backorderThenAllocate()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    // 150 TEA: WH1 has 100, WH2 7; the line is never shrunk.
    auto taken = KARVAN_OK(
        SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"TEA"_s, units(150)}})));
    QVERIFY(taken.ok());
    QVERIFY2(taken->status == DocumentStatus::PartiallyAllocated,
             qPrintable(taken->reason + documentStatusName(taken->status)));
    QCOMPARE(taken->lines.at(0).quantity, 150000);
    QCOMPARE(taken->lines.at(0).allocated, 100000);
    QVERIFY2(taken->reason.contains(u"backordered"_s), qPrintable(taken->reason));
    KARVAN_VERIFY_INVARIANTS(db);
    // Another order for OIL beyond all stock: backordered.
    auto none
        = KARVAN_OK(SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"OIL"_s, units(5)}})));
    QVERIFY2(none->status == DocumentStatus::PartiallyAllocated,
             qPrintable(none->reason + documentStatusName(none->status))); // 3 of 5
    auto rice = KARVAN_OK(SalesOrders(db).intake(
        co.who.rep, order(co.cash, d, {{u"RICE"_s, units(30)}, {u"RICE"_s, units(1)}})));
    QCOMPARE(rice->status, DocumentStatus::PartiallyAllocated);
    auto backordered
        = KARVAN_OK(SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"OIL"_s, units(1)}})));
    QCOMPARE(backordered->status, DocumentStatus::Backordered);
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(!SalesOrders(db).allocate(co.who.rep, backordered->orderId).ok()); // role

    // Deliver the allocated part, receive stock, allocate the rest.
    QVERIFY(KARVAN_OK(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    Purchasing purchasing(db);
    auto po = purchasing.createOrder(co.who.finance, co.vendor, u"WH1"_s, d,
                                     {{u"TEA"_s, 60000, 99}, {u"OIL"_s, 10000, 400}});
    QVERIFY(po.ok());
    QVERIFY(purchasing.receive(co.who.warehouse, *po, d).ok());
    auto again = KARVAN_OK(SalesOrders(db).allocate(co.who.warehouse, taken->orderId));
    QCOMPARE(again->status, DocumentStatus::Confirmed);
    QCOMPARE(again->lines.at(0).allocated, 50000);
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(KARVAN_OK(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d)).ok());
    QCOMPARE(SalesOrders(db).find(taken->orderId)->status, DocumentStatus::Delivered);
    auto invoice = KARVAN_OK(Fulfilment(db).invoice(co.who.finance, taken->orderId, d));
    QVERIFY(invoice.ok());
    // 150 x 3.00 (volume tier from 100) = 450.00 + 18% = 81.00.
    QCOMPARE(
        db.scalar(u"SELECT total_minor FROM invoices WHERE id = ?"_s, {*invoice})->toLongLong(),
        53100);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::returnWithCreditNote()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(2);
    auto taken = SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"TEA"_s, units(3)}}));
    QVERIFY(taken.ok());
    QVERIFY(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d).ok());
    auto invoice = Fulfilment(db).invoice(co.who.finance, taken->orderId, d);
    QVERIFY(invoice.ok());
    const qint64 costOut = 303; // 3 x 1.01
    // Average cost changes after the sale; the return still comes back at 1.01.
    QVERIFY(
        Inventory(db).adjust(co.who.warehouse, u"TEA"_s, u"WH1"_s, 10000, 250, d, u"found"_s).ok());
    auto before = Inventory(db).positions({u"TEA"_s});
    auto credit = KARVAN_OK(
        Fulfilment(db).returnGoods(co.who.warehouse, *invoice, {{1, 1000}}, d.addDays(1)));
    QVERIFY(credit.ok());
    KARVAN_VERIFY_INVARIANTS(db);
    auto after = Inventory(db).positions({u"TEA"_s});
    QCOMPARE(after->at(0).onHand, before->at(0).onHand + 1000);
    QCOMPARE(after->at(0).value, before->at(0).value + costOut / 3);
    // 9.99 + 1.80 tax on the invoice; a third back is 3.33 + 0.60.
    QCOMPARE(db.scalar(u"SELECT total_minor FROM invoices WHERE id = ?"_s, {*credit})->toLongLong(),
             393);
    QCOMPARE(*Receivables(db).openBalance(*invoice), 1179 - 393);
    // The last two units take the remainder, so the line returns exactly what it sold.
    QVERIFY(!Fulfilment(db).returnGoods(co.who.finance, *invoice, {{1, 2001}}, d).ok());
    QVERIFY(KARVAN_OK(Fulfilment(db).returnGoods(co.who.finance, *invoice, {{1, 2000}}, d)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(*Receivables(db).openBalance(*invoice), 0);
    QCOMPARE(db.scalar(u"SELECT returned_cost_minor FROM sales_order_lines WHERE order_id = ?"_s,
                       {taken->orderId})
                 ->toLongLong(),
             costOut);
    auto pl = Reports(db).profitAndLoss(QDate(2024, 1, 1), d.addDays(1));
    QVERIFY(pl.ok());
    QVERIFY(!Fulfilment(db).returnGoods(co.who.rep, *invoice, {{1, 1}}, d).ok()); // role
}

void tst_ErpFlows::creditHoldApproveAndReject()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    SalesOrders sales(db);
    // 5 x 19.99 = 99.95 + 18% = 117.94 > the 100.00 limit.
    auto held = KARVAN_OK(sales.intake(co.who.rep, order(co.tight, d, {{u"RICE"_s, units(5)}})));
    QVERIFY(held.ok());
    QCOMPARE(held->status, DocumentStatus::CreditHold);
    QVERIFY2(held->reason.contains(u"credit hold"_s), qPrintable(held->reason));
    QCOMPARE(held->lines.at(0).allocated, 0);
    KARVAN_VERIFY_INVARIANTS(db);
    const QString fp = footprint(db);
    QVERIFY(isPermissionDenied(sales.approveCreditHold(co.who.rep, held->orderId, {}).error()));
    QVERIFY(isPermissionDenied(sales.approveCreditHold(co.who.manager, held->orderId, {}).error()));
    QCOMPARE(footprint(db), fp);
    auto approved = KARVAN_OK(sales.approveCreditHold(co.who.finance, held->orderId, u"ok"_s));
    QVERIFY(approved.ok());
    QCOMPARE(approved->status, DocumentStatus::Confirmed);
    QCOMPARE(approved->lines.at(0).allocated, 5000);
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(!sales.approveCreditHold(co.who.finance, held->orderId, {}).ok()); // not held now

    // The exposure now includes the approved order, so even a small order is held.
    auto second = KARVAN_OK(sales.intake(co.who.rep, order(co.tight, d, {{u"OIL"_s, units(1)}})));
    QCOMPARE(second->status, DocumentStatus::CreditHold);
    QVERIFY(!sales.rejectCreditHold(co.who.finance, second->orderId, {}).ok()); // needs a reason
    auto rejected
        = KARVAN_OK(sales.rejectCreditHold(co.who.finance, second->orderId, u"over limit"_s));
    QCOMPARE(rejected->status, DocumentStatus::Rejected);
    QVERIFY(rejected->reason.contains(u"over limit"_s));
    KARVAN_VERIFY_INVARIANTS(db);
    // A manual hold holds even a cash customer.
    QVERIFY(MasterData(db).setCreditHold(co.who.finance, co.cash, true).ok());
    QVERIFY(!MasterData(db).setCreditHold(co.who.manager, co.cash, false).ok());
    auto manual = sales.intake(co.who.rep, order(co.cash, d, {{u"OIL"_s, units(1)}}));
    QCOMPARE(manual->status, DocumentStatus::CreditHold);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::cancelReleasesReservations()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    SalesOrders sales(db);
    auto taken = sales.intake(co.who.rep, order(co.cash, d, {{u"RICE"_s, units(4)}}));
    QVERIFY(taken.ok());
    QCOMPARE(Inventory(db).positions({u"RICE"_s})->at(0).reserved, 4000);
    QVERIFY(isPermissionDenied(sales.cancel(co.who.otherRep, taken->orderId, u"x"_s).error()));
    auto cancelled
        = KARVAN_OK(sales.cancel(co.who.rep, taken->orderId, u"customer changed mind"_s));
    QCOMPARE(cancelled->status, DocumentStatus::Cancelled);
    QCOMPARE(Inventory(db).positions({u"RICE"_s})->at(0).reserved, 0);
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(!sales.cancel(co.who.rep, taken->orderId, u"again"_s).ok());
    // A delivered order cannot be cancelled.
    auto delivered = sales.intake(co.who.rep, order(co.cash, d, {{u"RICE"_s, units(1)}}));
    QVERIFY(Fulfilment(db).deliver(co.who.warehouse, delivered->orderId, d).ok());
    QVERIFY(!sales.cancel(co.who.manager, delivered->orderId, u"late"_s).ok());
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::periodCloseRefusesLatePosting()
{
    OPEN_COMPANY();
    SalesOrders sales(db);
    auto taken
        = sales.intake(co.who.rep, order(co.cash, QDate(2024, 1, 20), {{u"TEA"_s, units(2)}}));
    QVERIFY(taken.ok());
    Ledger ledger(db);
    QVERIFY(isPermissionDenied(ledger.closePeriod(co.who.manager, u"2024-01"_s).error()));
    QVERIFY(!ledger.closePeriod(co.who.finance, u"2024-13"_s).ok());
    QVERIFY(KARVAN_OK(ledger.closePeriod(co.who.finance, u"2024-01"_s)).ok());
    QCOMPARE(*ledger.closedThrough(), u"2024-01"_s);
    const QString fp = footprint(db);
    auto late = Fulfilment(db).deliver(co.who.warehouse, taken->orderId, QDate(2024, 1, 31));
    QVERIFY(!late.ok());
    QVERIFY2(late.errorMessage().contains(u"closed"_s), qPrintable(late.errorMessage()));
    auto earlier = Fulfilment(db).deliver(co.who.warehouse, taken->orderId, QDate(2023, 12, 31));
    QVERIFY(!earlier.ok());
    QVERIFY(!ledger
                 .postManual(co.who.finance,
                             {{},
                              QDate(2024, 1, 5),
                              u"USD"_s,
                              u"late"_s,
                              {},
                              {},
                              {{Accounts::Cash, 100, 0, {}}, {Accounts::Equity, 0, 100, {}}}})
                 .ok());
    QCOMPARE(footprint(db), fp);
    QVERIFY(!ledger.closePeriod(co.who.finance, u"2023-12"_s).ok()); // already closed
    QVERIFY(KARVAN_OK(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, QDate(2024, 2, 1)))
                .ok());
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::unbalancedEntryRefused()
{
    OPEN_COMPANY();
    Ledger ledger(db);
    const QString fp = footprint(db);
    auto unbalanced
        = ledger.postManual(co.who.finance,
                            {{},
                             co.day0,
                             u"USD"_s,
                             u"owner loan"_s,
                             {},
                             {},
                             {{Accounts::Cash, 10000, 0, {}}, {Accounts::Equity, 0, 9999, {}}}});
    QVERIFY(!unbalanced.ok());
    QVERIFY2(unbalanced.errorMessage().contains(u"not balanced"_s),
             qPrintable(unbalanced.errorMessage()));
    QVERIFY(!ledger
                 .postManual(
                     co.who.finance,
                     {{}, co.day0, u"USD"_s, u"one line"_s, {}, {}, {{Accounts::Cash, 1, 0, {}}}})
                 .ok());
    QVERIFY(
        !ledger
             .postManual(co.who.finance,
                         {{},
                          co.day0,
                          u"USD"_s,
                          u"control"_s,
                          {},
                          {},
                          {{Accounts::Receivables, 5, 0, co.cash}, {Accounts::Equity, 0, 5, {}}}})
             .ok());
    QVERIFY(!ledger
                 .postManual(co.who.finance,
                             {{},
                              co.day0,
                              u"USD"_s,
                              u"bad account"_s,
                              {},
                              {},
                              {{u"9999"_s, 5, 0, {}}, {Accounts::Equity, 0, 5, {}}}})
                 .ok());
    QVERIFY(!ledger
                 .postManual(co.who.finance,
                             {{},
                              co.day0,
                              u"XXX"_s,
                              u"currency"_s,
                              {},
                              {},
                              {{Accounts::Cash, 5, 0, {}}, {Accounts::Equity, 0, 5, {}}}})
                 .ok());
    QVERIFY(!ledger
                 .postManual(co.who.admin,
                             {{},
                              co.day0,
                              u"USD"_s,
                              u"role"_s,
                              {},
                              {},
                              {{Accounts::Cash, 5, 0, {}}, {Accounts::Equity, 0, 5, {}}}})
                 .ok());
    QCOMPARE(footprint(db), fp);
    QVERIFY(KARVAN_OK(ledger.postManual(
                          co.who.finance,
                          {{},
                           co.day0,
                           u"USD"_s,
                           u"owner loan"_s,
                           {},
                           {},
                           {{Accounts::Cash, 10000, 0, {}}, {Accounts::Equity, 0, 10000, {}}}}))
                .ok());
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::idempotentIntake()
{
    OPEN_COMPANY();
    const SalesDocument doc = order(co.tight, co.day0, {{u"RICE"_s, units(6)}});
    auto first = SalesOrders(db).intake(co.who.rep, doc);
    QVERIFY(first.ok());
    QCOMPARE(first->status, DocumentStatus::CreditHold);
    QVERIFY(!first->replayed);
    const QString fp = footprint(db);
    auto again = SalesOrders(db).intake(co.who.rep, doc);
    QVERIFY(again.ok());
    QVERIFY(again->replayed);
    QCOMPARE(again->orderId, first->orderId);
    QCOMPARE(again->number, first->number);
    QCOMPARE(again->status, first->status);
    QCOMPARE(again->reason, first->reason);
    QCOMPARE(footprint(db), fp);
    // After approval a re-send still answers what intake answered, and writes nothing.
    QVERIFY(SalesOrders(db).approveCreditHold(co.who.finance, first->orderId, {}).ok());
    const QString fp2 = footprint(db);
    auto third = SalesOrders(db).intake(co.who.rep, doc);
    QCOMPARE(third->status, DocumentStatus::CreditHold);
    QCOMPARE(footprint(db), fp2);
    QVERIFY(isPermissionDenied(SalesOrders(db).intake(co.who.otherRep, doc).error()));
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::badInputRefused()
{
    OPEN_COMPANY();
    SalesOrders sales(db);
    const QDate d = co.day0;
    const QString fp = footprint(db);
    struct Case
    {
        const char *name;
        SalesDocument doc;
        QString expect;
    };
    SalesDocument negative = order(co.cash, d, {{u"TEA"_s, units(1)}});
    negative.lines[0].quantity = Quantity::fromMilli(-1000, u"ea"_s).value();
    SalesDocument zero = order(co.cash, d, {{u"TEA"_s, units(1)}});
    zero.lines[0].quantity = Quantity::fromMilli(0, u"ea"_s).value();
    SalesDocument unknownCustomer = order(co.cash, d, {{u"TEA"_s, units(1)}});
    unknownCustomer.customerId = Uuid7::generate();
    SalesDocument noLines = order(co.cash, d, {});
    SalesDocument badUnit = order(co.cash, d, {{u"TEA"_s, units(1, u"crate"_s)}});
    SalesDocument badWarehouse = order(co.cash, d, {{u"TEA"_s, units(1)}});
    badWarehouse.lines[0].warehouseCode = u"NOPE"_s;
    const QList<Case> cases {
        {"unknown SKU", order(co.cash, d, {{u"TEA"_s, units(1)}, {u"CAVIAR"_s, units(1)}}),
         u"unknown SKU"_s},
        {"negative quantity", negative, u"greater than zero"_s},
        {"zero quantity", zero, u"greater than zero"_s},
        {"unknown customer", unknownCustomer, u"unknown customer"_s},
        {"archived customer", order(co.archived, d, {{u"TEA"_s, units(1)}}), u"archived"_s},
        {"mixed currency", order(co.cash, d, {{u"TEA"_s, units(1)}}, u"EUR"_s), u"EUR"_s},
        {"no lines", noLines, u"no lines"_s},
        {"unknown unit", badUnit, u"crate"_s},
        {"unknown warehouse", badWarehouse, u"NOPE"_s},
    };
    for (const Case &c : cases) {
        auto r = sales.intake(co.who.rep, c.doc);
        QVERIFY2(!r.ok(), c.name);
        QVERIFY2(r.errorMessage().contains(c.expect),
                 qPrintable(QString::fromLatin1(c.name) + u": "_s + r.errorMessage()));
        QCOMPARE(footprint(db), fp);
    }
    // Payments: wrong currency, zero, unknown customer.
    Receivables ar(db);
    QVERIFY(!ar.recordPayment(co.who.finance, co.cash, d, Money::fromMinor(5, u"EUR"_s).value(),
                              u"cash"_s)
                 .ok());
    QVERIFY(!ar.recordPayment(co.who.finance, co.cash, d, usd(0), u"cash"_s).ok());
    QVERIFY(!ar.recordPayment(co.who.finance, idToString(Uuid7::generate()), d, usd(5), u"cash"_s)
                 .ok());
    QVERIFY(!ar.recordPayment(co.who.finance, co.cash, d, usd(5), u"cash"_s, u"nope"_s).ok());
    // Stock: more than available, unknown SKU, unknown warehouse.
    Inventory inv(db);
    QVERIFY(!inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, -4000, {}, d, u"lost"_s).ok());
    QVERIFY(!inv.adjust(co.who.warehouse, u"CAVIAR"_s, u"WH1"_s, 1000, 5, d, u"x"_s).ok());
    QVERIFY(!inv.transfer(co.who.warehouse, u"TEA"_s, u"WH1"_s, u"NOPE"_s, 1000, d).ok());
    QVERIFY(!inv.transfer(co.who.warehouse, u"TEA"_s, u"WH2"_s, u"WH1"_s, 8000, d).ok());
    QVERIFY(!inv.adjust(co.who.warehouse, u"RICE"_s, u"WH2"_s, 1000, {}, d, u"no cost"_s).ok());
    QCOMPARE(footprint(db), fp);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::rolesRefused()
{
    OPEN_COMPANY();
    const QDate d = co.day0;
    const QString fp = footprint(db);
    SalesOrders sales(db);
    auto expectDenied = [](const Error &e) {
        return isPermissionDenied(e);
    };
    QVERIFY(expectDenied(
        sales.intake(co.who.otherRep, order(co.cash, d, {{u"TEA"_s, units(1)}})).error()));
    QVERIFY(expectDenied(
        sales.intake(co.who.kiosk, order(co.cash, d, {{u"TEA"_s, units(1)}})).error()));
    QVERIFY(expectDenied(
        sales.intake(co.who.finance, order(co.cash, d, {{u"TEA"_s, units(1)}})).error()));
    QVERIFY(expectDenied(
        Receivables(db).recordPayment(co.who.admin, co.cash, d, usd(5), u"cash"_s).error()));
    QVERIFY(expectDenied(
        Receivables(db).recordPayment(co.who.rep, co.cash, d, usd(5), u"cash"_s).error()));
    QVERIFY(expectDenied(
        Inventory(db).transfer(co.who.rep, u"TEA"_s, u"WH1"_s, u"WH2"_s, 1000, d).error()));
    QVERIFY(expectDenied(
        Inventory(db).adjust(co.who.finance, u"TEA"_s, u"WH1"_s, 1000, 5, d, u"x"_s).error()));
    QVERIFY(expectDenied(Purchasing(db)
                             .createOrder(co.who.rep, co.vendor, u"WH1"_s, d, {{u"TEA"_s, 1000, 5}})
                             .error()));
    QVERIFY(expectDenied(Purchasing(db).payVendor(co.who.warehouse, co.vendor, d, 5).error()));
    Customer c;
    c.name = u"Sneaky"_s;
    // A rep creates customers in its own territories only (MasterData::saveCustomer).
    c.territory = u"SOUTH"_s;
    c.taxRegion = u"S"_s;
    c.currency = u"USD"_s;
    QVERIFY(expectDenied(MasterData(db).saveCustomer(co.who.rep, c).error()));
    // A manager edits master data but cannot raise a credit limit.
    auto tight = MasterData(db).findCustomer(co.tight);
    Customer raised = tight->customer;
    raised.creditLimit = usd(1000000);
    QVERIFY(expectDenied(MasterData(db).saveCustomer(co.who.manager, raised).error()));
    QCOMPARE(footprint(db), fp);
    raised.creditLimit = tight->customer.creditLimit;
    raised.notes = u"prefers mornings"_s;
    QVERIFY(MasterData(db).saveCustomer(co.who.manager, raised).ok());
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_ErpFlows::stockTransferAndAdjustment()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    Inventory inv(db);
    // 3 of 7 TEA at 1.33 from WH2 to WH1: 3.99 moves, WH1's average blends.
    QVERIFY(KARVAN_OK(inv.transfer(co.who.warehouse, u"TEA"_s, u"WH2"_s, u"WH1"_s, 3000, d)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
    auto tea = inv.positions({u"TEA"_s});
    QCOMPARE(tea->at(0).value, 10100 + 399);
    QCOMPARE(tea->at(1).value, 931 - 399);
    // Out by thirds: 1 of 3 OIL at 3.33 each (value 999) costs 333 each, the last takes 333.
    QVERIFY(KARVAN_OK(inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, -1000, {}, d, u"broken"_s))
                .ok());
    QVERIFY(inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, 1000, 100, d, u"found"_s).ok());
    // 3 units worth 7.66: issuing 1 costs 2.55 (rounded), then 2.55, and the last 2.56.
    for (int i = 0; i < 3; ++i)
        QVERIFY(inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, -1000, {}, d, u"count"_s).ok());
    auto oil = inv.positions({u"OIL"_s});
    QCOMPARE(oil->at(0).onHand, 0);
    QCOMPARE(oil->at(0).value, 0);
    KARVAN_VERIFY_INVARIANTS(db);
    QVERIFY(inv.setReorderPoint(co.who.warehouse, u"RICE"_s, u"WH1"_s, 40000).ok());
    auto low = inv.belowReorderPoint();
    QVERIFY(low.ok());
    QCOMPARE(low->size(), 1);
    QCOMPARE(low->at(0).sku, u"RICE"_s);
    auto stock = Reports(db).stock();
    QVERIFY(stock.ok());
    QVERIFY(stock->toCsv().contains(u"RICE,WH1,ea,30,0,30,370.20,12.34,40,yes"_s));
}

QTEST_GUILESS_MAIN(tst_ErpFlows)
#include "tst_erpflows.moc"
