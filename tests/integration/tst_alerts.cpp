// Alerts routed to the department affected (erp/alerts.h) and the finance-only credit limit
// (MasterData::setCreditLimit), on both backends: in-process through the ERP modules, then over
// HTTP through the real karvan-hq.
#include "auth/userdirectory.h"
#include "domain/wirerows.h"
#include "erp/alerts.h"
#include "erpfixture.h"
#include "hqserverprocess.h"
#include "sync/changefeed.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::erp;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

QList<Alert> alertsOf(Database &db, const QString &kind, const QString &entityId)
{
    QList<Alert> out;
    auto rows = db.exec(u"SELECT id FROM alerts WHERE kind = ? AND entity_id = ? "
                        "ORDER BY created_at, id"_s,
                        {kind, entityId});
    if (!rows)
        return out;
    QSqlQuery q = std::move(rows).value();
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    for (const QString &id : ids)
        out.append(Alerts(db).find(id).value());
    return out;
}

int openCount(Database &db, const QString &kind, const QString &entityId)
{
    int n = 0;
    for (const Alert &a : alertsOf(db, kind, entityId))
        n += a.isOpen() ? 1 : 0;
    return n;
}

// Ids of the open alerts actor sees.
QStringList seenBy(Database &db, const Actor &actor)
{
    QStringList ids;
    const QList<Alert> alerts = Alerts(db).visibleTo(actor, false).value();
    for (const Alert &a : alerts)
        ids.append(a.id);
    return ids;
}

// The credit limit (minor units) of the customer's row in the change feed as a device pulls
// it: NoLimit when the row has none, -2 when the row is missing or unreadable.
constexpr qint64 NoLimit = -1;
qint64 feedCreditLimit(Database &db, const QString &customerId)
{
    auto page = hq::sync::ChangeFeed(db).read(std::nullopt, {}, 5000);
    if (!page)
        return -2;
    for (const auto &c : page->changes) {
        if (c.entity == u"customer"_s && c.id == customerId) {
            auto customer = wire::customerFromRow(c.row);
            if (!customer)
                return -2;
            return customer->creditLimit ? customer->creditLimit->minorUnits() : NoLimit;
        }
    }
    return -2;
}

const QStringList RoleNames {u"rep"_s,     u"manager"_s, u"warehouse"_s,
                             u"finance"_s, u"admin"_s,   u"kiosk"_s};

} // namespace

class tst_Alerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lowStockToPurchasing_data() { addBackendColumns(); }
    void lowStockToPurchasing();
    void creditHoldToFinanceAndRep_data() { addBackendColumns(); }
    void creditHoldToFinanceAndRep();
    void overdueInvoiceToRep_data() { addBackendColumns(); }
    void overdueInvoiceToRep();
    void creditLimitByFinanceOnly_data() { addBackendColumns(); }
    void creditLimitByFinanceOnly();
    void httpRoutes_data() { addBackendColumns(); }
    void httpRoutes();

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
    Database &db = *dbHolder

void tst_Alerts::lowStockToPurchasing()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    Inventory inv(db);
    const QString oil = u"OIL@WH1"_s;
    // OIL in WH1: 3 on hand. A reorder point of 2 leaves it above: no alert.
    QVERIFY(KARVAN_OK(inv.setReorderPoint(co.who.warehouse, u"OIL"_s, u"WH1"_s, 2000)).ok());
    QCOMPARE(alertsOf(db, Alerts::LowStock, oil).size(), 0);

    // An adjustment takes it to 2: at the reorder point, one alert to purchasing.
    QVERIFY(KARVAN_OK(inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, -1000, {}, d, u"broken"_s))
                .ok());
    auto raised = alertsOf(db, Alerts::LowStock, oil);
    QCOMPARE(raised.size(), 1);
    const Alert a = raised.constFirst();
    QVERIFY(a.isOpen());
    QCOMPARE(a.audience, u"purchasing"_s);
    QCOMPARE(a.recipient, QString());
    QCOMPARE(a.entity, u"stock"_s);
    QVERIFY2(a.message.contains(u"OIL"_s) && a.message.contains(u"WH1"_s), qPrintable(a.message));

    // Further moves while low (a sale reserving and delivering the rest) raise nothing more.
    auto taken
        = KARVAN_OK(SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"OIL"_s, units(1)}})));
    QVERIFY(taken.ok());
    QVERIFY(KARVAN_OK(Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d)).ok());
    QCOMPARE(alertsOf(db, Alerts::LowStock, oil).size(), 1);
    QCOMPARE(openCount(db, Alerts::LowStock, oil), 1);
    // Raising it by hand inside a transaction is a no-op too.
    QVERIFY(db.transaction([&]() -> Result<void> {
                  auto again = Alerts(db).raise(Alerts::LowStock, u"purchasing"_s, {}, u"stock"_s,
                                                oil, u"again"_s);
                  if (!again)
                      return again.error();
                  if (*again)
                      return makeError(ErrorCode::Conflict, u"raised twice"_s);
                  return {};
              }).ok());
    QCOMPARE(alertsOf(db, Alerts::LowStock, oil).size(), 1);
    // Outside a transaction it refuses.
    QVERIFY(!Alerts(db).raise(Alerts::LowStock, u"purchasing"_s, {}, u"stock"_s, oil, u"x"_s).ok());

    // Purchasing sees it (warehouse, finance, manager); a rep and a kiosk do not.
    for (const Actor &who : {co.who.warehouse, co.who.finance, co.who.manager, co.who.admin})
        QVERIFY2(seenBy(db, who).contains(a.id), qPrintable(who.login));
    for (const Actor &who : {co.who.rep, co.who.otherRep, co.who.kiosk})
        QVERIFY2(!seenBy(db, who).contains(a.id), qPrintable(who.login));

    // A receipt of stock above the point ends it.
    QVERIFY(
        KARVAN_OK(inv.adjust(co.who.warehouse, u"OIL"_s, u"WH1"_s, 5000, 300, d, u"found"_s)).ok());
    QCOMPARE(openCount(db, Alerts::LowStock, oil), 0);
    const Alert done = Alerts(db).find(a.id).value();
    QVERIFY(!done.isOpen());
    QVERIFY2(done.resolvedBy.startsWith(u"auto:"_s), qPrintable(done.resolvedBy));
    QVERIFY(!seenBy(db, co.who.warehouse).contains(a.id));

    // Low again later: a new alert. Raising the reorder point alone does it too.
    QVERIFY(KARVAN_OK(inv.setReorderPoint(co.who.warehouse, u"OIL"_s, u"WH1"_s, 9000)).ok());
    QCOMPARE(alertsOf(db, Alerts::LowStock, oil).size(), 2);
    QCOMPARE(openCount(db, Alerts::LowStock, oil), 1);
    // A reorder point of zero means "not watched": the open one is resolved.
    QVERIFY(KARVAN_OK(inv.setReorderPoint(co.who.warehouse, u"OIL"_s, u"WH1"_s, 0)).ok());
    QCOMPARE(openCount(db, Alerts::LowStock, oil), 0);
    // Other positions were never low.
    QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM alerts WHERE entity_id <> ?"_s, {oil})->toInt(), 0);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_Alerts::creditHoldToFinanceAndRep()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    SalesOrders sales(db);
    // Tight Ltd has a 100.00 limit: 10 x RICE (199.90 + VAT) goes on credit hold.
    const SalesDocument doc = order(co.tight, d, {{u"RICE"_s, units(10)}});
    auto held = KARVAN_OK(sales.intake(co.who.rep, doc));
    QVERIFY(held.ok());
    QCOMPARE(held->status, DocumentStatus::CreditHold);
    auto alerts = alertsOf(db, Alerts::CreditHold, held->orderId);
    QCOMPARE(alerts.size(), 1);
    const Alert a = alerts.constFirst();
    QCOMPARE(a.audience, u"finance"_s);
    QCOMPARE(a.recipient, co.who.rep.login);
    QCOMPARE(a.entity, u"sales_order"_s);
    QVERIFY2(a.message.contains(held->number) && a.message.contains(u"Tight Ltd"_s),
             qPrintable(a.message));

    // Finance and the rep who took it see it; the other rep and the warehouse do not.
    QVERIFY(seenBy(db, co.who.finance).contains(a.id));
    QVERIFY(seenBy(db, co.who.rep).contains(a.id));
    QVERIFY(!seenBy(db, co.who.otherRep).contains(a.id));
    QVERIFY(!seenBy(db, co.who.warehouse).contains(a.id));

    // The same order again (a device re-sending it): no second alert.
    auto replay = KARVAN_OK(sales.intake(co.who.rep, doc));
    QVERIFY(replay.ok() && replay->replayed);
    QCOMPARE(alertsOf(db, Alerts::CreditHold, held->orderId).size(), 1);

    // Approval ends it.
    QVERIFY(KARVAN_OK(sales.approveCreditHold(co.who.finance, held->orderId, u"ok"_s)).ok());
    QCOMPARE(openCount(db, Alerts::CreditHold, held->orderId), 0);
    QVERIFY(!seenBy(db, co.who.rep).contains(a.id));

    // A rejection ends it, and so does a cancellation.
    auto second
        = KARVAN_OK(sales.intake(co.who.manager, order(co.tight, d, {{u"RICE"_s, units(9)}})));
    QVERIFY(second.ok());
    QCOMPARE(second->status, DocumentStatus::CreditHold);
    QCOMPARE(openCount(db, Alerts::CreditHold, second->orderId), 1);
    QCOMPARE(alertsOf(db, Alerts::CreditHold, second->orderId).constFirst().recipient,
             co.who.manager.login);
    QVERIFY(KARVAN_OK(sales.rejectCreditHold(co.who.finance, second->orderId, u"no"_s)).ok());
    QCOMPARE(openCount(db, Alerts::CreditHold, second->orderId), 0);
    auto third = KARVAN_OK(sales.intake(co.who.rep, order(co.tight, d, {{u"RICE"_s, units(8)}})));
    QVERIFY(third.ok());
    QCOMPARE(openCount(db, Alerts::CreditHold, third->orderId), 1);
    QVERIFY(KARVAN_OK(sales.cancel(co.who.rep, third->orderId, u"customer changed mind"_s)).ok());
    QCOMPARE(openCount(db, Alerts::CreditHold, third->orderId), 0);
    // An order within its limit raises nothing.
    auto fine = KARVAN_OK(sales.intake(co.who.rep, order(co.cash, d, {{u"TEA"_s, units(1)}})));
    QVERIFY(fine.ok());
    QCOMPARE(alertsOf(db, Alerts::CreditHold, fine->orderId).size(), 0);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_Alerts::overdueInvoiceToRep()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    auto invoiced = [&](const Actor &rep, const QString &customer) -> QString {
        auto taken = SalesOrders(db).intake(rep, order(customer, d, {{u"TEA"_s, units(2)}}));
        if (!taken || !Fulfilment(db).deliver(co.who.warehouse, taken->orderId, d))
            return {};
        auto id = Fulfilment(db).invoice(co.who.finance, taken->orderId, d);
        return id ? *id : QString();
    };
    const QString north = invoiced(co.who.rep, co.cash);
    const QString south = invoiced(co.who.otherRep, co.south);
    QVERIFY(!north.isEmpty() && !south.isEmpty());
    const QDate due = QDate::fromString(
        db.scalar(u"SELECT due_date FROM invoices WHERE id = ?"_s, {north})->toString(),
        Qt::ISODate);
    QCOMPARE(due, d.addDays(30));

    // On the due date it is not overdue yet.
    auto scan = KARVAN_OK(Alerts(db).scanOverdue(due));
    QVERIFY(scan.ok());
    QCOMPARE(scan->raised, 0);
    QCOMPARE(alertsOf(db, Alerts::OverdueInvoice, north).size(), 0);
    // The day after: one alert per invoice, to its rep.
    scan = KARVAN_OK(Alerts(db).scanOverdue(due.addDays(1)));
    QVERIFY(scan.ok());
    QCOMPARE(scan->raised, 2);
    const Alert a = alertsOf(db, Alerts::OverdueInvoice, north).value(0);
    QCOMPARE(a.recipient, co.who.rep.login);
    QCOMPARE(a.audience, u"sales"_s);
    QCOMPARE(a.entity, u"invoice"_s);
    QCOMPARE(alertsOf(db, Alerts::OverdueInvoice, south).value(0).recipient, co.who.otherRep.login);
    // Idempotent: scanning again, later, raises nothing.
    QCOMPARE(Alerts(db).scanOverdue(due.addDays(10))->raised, 0);
    QCOMPARE(alertsOf(db, Alerts::OverdueInvoice, north).size(), 1);

    // Each rep sees only its own; finance and the warehouse are not the audience.
    const QStringList rey = seenBy(db, co.who.rep);
    QVERIFY(rey.contains(a.id));
    QCOMPARE(rey.size(), 1);
    QVERIFY(!seenBy(db, co.who.otherRep).contains(a.id));
    QCOMPARE(seenBy(db, co.who.otherRep).size(), 1);
    QVERIFY(!seenBy(db, co.who.finance).contains(a.id));
    QVERIFY(!seenBy(db, co.who.warehouse).contains(a.id));
    QVERIFY(seenBy(db, co.who.manager).contains(a.id));

    // A part payment leaves it open; paying the rest resolves it, in the payment's transaction.
    Receivables ar(db);
    const qint64 open = ar.openBalance(north).value();
    QVERIFY(KARVAN_OK(ar.recordPayment(co.who.finance, co.cash, due.addDays(2), usd(100), u"cash"_s,
                                       north))
                .ok());
    QCOMPARE(openCount(db, Alerts::OverdueInvoice, north), 1);
    QVERIFY(KARVAN_OK(ar.recordPayment(co.who.finance, co.cash, due.addDays(2), usd(open - 100),
                                       u"cash"_s, north))
                .ok());
    QCOMPARE(openCount(db, Alerts::OverdueInvoice, north), 0);
    QCOMPARE(Alerts(db).find(a.id)->resolvedBy, u"auto: invoice paid"_s);
    QVERIFY(seenBy(db, co.who.rep).isEmpty());
    // A paid invoice is never raised again; the unpaid one keeps its single alert.
    scan = KARVAN_OK(Alerts(db).scanOverdue(due.addDays(40)));
    QCOMPARE(scan->raised, 0);
    QCOMPARE(alertsOf(db, Alerts::OverdueInvoice, north).size(), 1);
    QCOMPARE(openCount(db, Alerts::OverdueInvoice, south), 1);
    QVERIFY(!Alerts(db).scanOverdue(QDate()).ok());

    // By hand: the other rep cannot resolve rey's (unknown to it), rey's own is resolved once.
    const Alert southAlert = alertsOf(db, Alerts::OverdueInvoice, south).value(0);
    auto foreign = Alerts(db).resolve(co.who.rep, southAlert.id);
    QVERIFY(!foreign.ok());
    QCOMPARE(foreign.error().code, ErrorCode::NotFound);
    auto mine = KARVAN_OK(Alerts(db).resolve(co.who.otherRep, southAlert.id));
    QVERIFY(mine.ok());
    QCOMPARE(mine->resolvedBy, co.who.otherRep.auditName());
    QCOMPARE(Alerts(db).resolve(co.who.otherRep, southAlert.id).error().code, ErrorCode::Conflict);
    QVERIFY(db.scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'alert.resolve' AND "
                      "entity_id = ?"_s,
                      {southAlert.id})
                ->toInt()
            == 1);
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_Alerts::creditLimitByFinanceOnly()
{
    OPEN_COMPANY();
    MasterData master(db);
    // Nobody but finance; each refusal says why and changes nothing.
    for (const Actor &who :
         {co.who.manager, co.who.admin, co.who.rep, co.who.warehouse, co.who.kiosk}) {
        auto r = master.setCreditLimit(who, co.tight, usd(50000));
        QVERIFY2(!r.ok() && isPermissionDenied(r.error()), qPrintable(who.login));
    }
    QCOMPARE(master.findCustomer(co.tight)->customer.creditLimit, usd(10000));
    // Wrong currency, negative, unknown customer.
    QVERIFY(
        !master.setCreditLimit(co.who.finance, co.tight, Money::fromMinor(100, u"EUR"_s).value())
             .ok());
    QVERIFY(!master.setCreditLimit(co.who.finance, co.tight, usd(-1)).ok());
    QCOMPARE(
        master.setCreditLimit(co.who.finance, u"01890000-0000-7000-8000-000000000000"_s, usd(1))
            .error()
            .code,
        ErrorCode::NotFound);

    // Finance raises it: stored, audited with before and after, in the customer's feed row.
    auto saved = KARVAN_OK(master.setCreditLimit(co.who.finance, co.tight, usd(123450)));
    QVERIFY(saved.ok());
    QCOMPARE(saved->customer.creditLimit, usd(123450));
    QCOMPARE(master.findCustomer(co.tight)->customer.creditLimit, usd(123450));
    auto auditRow = db.exec(u"SELECT actor, before, after FROM audit_log WHERE action = "
                            "'customer.credit_limit' AND entity_id = ?"_s,
                            {co.tight});
    QVERIFY(auditRow.ok());
    QSqlQuery entry = std::move(auditRow).value();
    QVERIFY(entry.next());
    QCOMPARE(entry.value(0).toString(), co.who.finance.auditName());
    QVERIFY2(entry.value(1).toString().contains(usd(10000).toString()),
             qPrintable(entry.value(1).toString()));
    QVERIFY2(entry.value(2).toString().contains(usd(123450).toString()),
             qPrintable(entry.value(2).toString()));
    QCOMPARE(feedCreditLimit(db, co.tight), qint64(123450));
    // The order that went on hold at 100.00 now passes.
    auto taken = KARVAN_OK(SalesOrders(db).intake(
        co.who.rep, order(co.tight, co.day0.addDays(1), {{u"RICE"_s, units(10)}})));
    QVERIFY(taken.ok());
    QCOMPARE(taken->status, DocumentStatus::Confirmed);
    // No limit at all.
    QVERIFY(KARVAN_OK(master.setCreditLimit(co.who.finance, co.tight, std::nullopt)).ok());
    QVERIFY(!master.findCustomer(co.tight)->customer.creditLimit);
    QCOMPARE(feedCreditLimit(db, co.tight), NoLimit);

    // saveCustomer keeps refusing a limit change by master data roles, pointing to the route.
    Customer c = master.findCustomer(co.cash)->customer;
    c.creditLimit = usd(999);
    auto refused = master.saveCustomer(co.who.manager, c);
    QVERIFY(!refused.ok());
    QVERIFY(isPermissionDenied(refused.error()));
    QVERIFY2(refused.errorMessage().contains(u"/credit-limit"_s),
             qPrintable(refused.errorMessage()));
    QVERIFY(!master.findCustomer(co.cash)->customer.creditLimit);
    // Other fields still save for the manager.
    c.creditLimit.reset();
    c.notes = u"pays on Fridays"_s;
    QVERIFY(KARVAN_OK(master.saveCustomer(co.who.manager, c)).ok());
    KARVAN_VERIFY_INVARIANTS(db);
}

void tst_Alerts::httpRoutes()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    // Schema by `init`, the company and users in-process, then events by the ERP modules as
    // the users the server knows.
    QCOMPARE(runHq({u"init"_s, u"--db"_s, testDb.url()}).exitCode, 0);
    QString heldOrder, lateInvoice, otherInvoice;
    {
        auto db = Database::open(testDb.url());
        QVERIFY(db.ok());
        QCOMPARE(seedCompany(**db, co), QString());
        UserDirectory users(**db);
        for (const QString &role : RoleNames + QStringList {u"rep2"_s}) {
            NewUser u;
            u.login = role + u".user"_s;
            u.role = roleFromName(role == u"rep2"_s ? u"rep"_s : role).value();
            if (role == u"rep"_s)
                u.territories = {u"NORTH"_s};
            if (role == u"rep2"_s)
                u.territories = {u"SOUTH"_s};
            QVERIFY(users.add(u, u"secret-pw"_s, u"test"_s).ok());
        }
        const Actor rep {u"rep.user"_s, Role::Rep, {u"NORTH"_s}};
        const Actor rep2 {u"rep2.user"_s, Role::Rep, {u"SOUTH"_s}};
        const QDate d(2024, 1, 3);
        auto held = SalesOrders(**db).intake(rep, order(co.tight, d, {{u"RICE"_s, units(10)}}));
        QVERIFY(held.ok() && held->status == DocumentStatus::CreditHold);
        heldOrder = held->orderId;
        for (const auto &[who, customer, out] : {std::tuple {rep, co.cash, &lateInvoice},
                                                 std::tuple {rep2, co.south, &otherInvoice}}) {
            auto taken = SalesOrders(**db).intake(who, order(customer, d, {{u"TEA"_s, units(1)}}));
            QVERIFY(taken.ok());
            QVERIFY(Fulfilment(**db).deliver(co.who.warehouse, taken->orderId, d).ok());
            auto id = Fulfilment(**db).invoice(co.who.finance, taken->orderId, d);
            QVERIFY(id.ok());
            *out = *id;
        }
    }
    // The CLI scan raises the two overdue invoices once; again, nothing.
    CliRun scanRun
        = runHq({u"alerts"_s, u"scan"_s, u"--db"_s, testDb.url(), u"--date"_s, u"2024-03-01"_s});
    QVERIFY2(scanRun.exitCode == 0 && scanRun.out.contains(u"2 overdue invoice alert(s) raised"_s),
             qPrintable(scanRun.out + scanRun.err));
    scanRun = runHq({u"alerts"_s, u"scan"_s, u"--db"_s, testDb.url()});
    QVERIFY2(scanRun.exitCode == 0 && scanRun.out.contains(u" 0 overdue"_s),
             qPrintable(scanRun.out + scanRun.err));
    QCOMPARE(
        runHq({u"alerts"_s, u"scan"_s, u"--db"_s, testDb.url(), u"--date"_s, u"soon"_s}).exitCode,
        2);

    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    QHash<QString, QString> token;
    for (const QString &role : RoleNames + QStringList {u"rep2"_s}) {
        const HttpReply r = client.postJson(u"/v1/auth/login"_s,
                                            {{u"login"_s, QString(role + u".user"_s)},
                                             {u"password"_s, u"secret-pw"_s},
                                             {u"device_name"_s, u"test"_s}});
        QCOMPARE(r.status, 200);
        token.insert(role, r.json.value(u"token"_s).toString());
    }
    auto alertsFor = [&](const QString &role, const QString &query = {}) {
        QHash<QString, QJsonObject> byEntity;
        const HttpReply r = client.send("GET", u"/v1/alerts"_s + query, {}, token.value(role));
        if (r.status != 200)
            qWarning("GET /v1/alerts as %s: %d %s", qPrintable(role), r.status, r.body.constData());
        for (const QJsonValue &v : r.json.value(u"alerts"_s).toArray())
            byEntity.insert(v[u"entity_id"_s].toString(), v.toObject());
        return byEntity;
    };

    // Finance: the credit hold, not the reps' overdue invoices.
    auto finance = alertsFor(u"finance"_s);
    QVERIFY(finance.contains(heldOrder));
    QCOMPARE(finance.value(heldOrder)[u"kind"_s].toString(), u"credit_hold"_s);
    QCOMPARE(finance.value(heldOrder)[u"recipient"_s].toString(), u"rep.user"_s);
    QVERIFY(!finance.contains(lateInvoice) && !finance.contains(otherInvoice));
    // The rep: its credit hold and its overdue invoice; never the other rep's.
    auto rep = alertsFor(u"rep"_s);
    QCOMPARE(rep.size(), 2);
    QVERIFY(rep.contains(heldOrder) && rep.contains(lateInvoice));
    QCOMPARE(rep.value(lateInvoice)[u"kind"_s].toString(), u"overdue_invoice"_s);
    auto rep2 = alertsFor(u"rep2"_s);
    QCOMPARE(rep2.size(), 1);
    QVERIFY(rep2.contains(otherInvoice));
    QCOMPARE(alertsFor(u"manager"_s).size(), 3);
    QCOMPARE(client.send("GET", u"/v1/alerts"_s, {}, token.value(u"kiosk"_s)).status, 403);
    QCOMPARE(client.send("GET", u"/v1/alerts"_s).status, 401);
    QCOMPARE(client.send("GET", u"/v1/alerts?status=maybe"_s, {}, token.value(u"rep"_s)).status,
             422);

    // Resolving: the other rep cannot (404, not even a hint); the rep can, once.
    const QString lateAlert = rep.value(lateInvoice)[u"id"_s].toString();
    HttpReply r
        = client.postJson(u"/v1/alerts/%1/resolve"_s.arg(lateAlert), {}, token.value(u"rep2"_s));
    QCOMPARE(r.status, 404);
    r = client.postJson(u"/v1/alerts/%1/resolve"_s.arg(lateAlert), {{u"x"_s, 1}},
                        token.value(u"rep"_s));
    QCOMPARE(r.status, 400);
    r = client.postJson(u"/v1/alerts/%1/resolve"_s.arg(lateAlert), {}, token.value(u"rep"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[u"alert"_s][u"open"_s].toBool(), false);
    QCOMPARE(r.json[u"alert"_s][u"resolved_by"_s].toString(), u"user:rep.user"_s);
    QCOMPARE(client.postJson(u"/v1/alerts/%1/resolve"_s.arg(lateAlert), {}, token.value(u"rep"_s))
                 .status,
             409);
    QCOMPARE(client.postJson(u"/v1/alerts/not-an-id/resolve"_s, {}, token.value(u"rep"_s)).status,
             404);
    // Resolved by hand: gone from the open list, in the full list, and the GET's own scan
    // does not raise it again.
    QVERIFY(!alertsFor(u"rep"_s).contains(lateInvoice));
    QVERIFY(alertsFor(u"rep"_s, u"?status=all"_s).contains(lateInvoice));

    // Approving the held order over HTTP ends its alert for finance and the rep.
    r = client.postJson(u"/v1/orders/%1/approve"_s.arg(heldOrder), {{u"note"_s, u"fine"_s}},
                        token.value(u"finance"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(!alertsFor(u"finance"_s).contains(heldOrder));
    QVERIFY(alertsFor(u"rep"_s).isEmpty());

    // The credit limit: finance only; bad input is refused and changes nothing.
    const QString limitPath = u"/v1/customers/%1/credit-limit"_s.arg(co.cash);
    for (const QString &role : {u"manager"_s, u"admin"_s, u"rep"_s, u"warehouse"_s, u"kiosk"_s}) {
        r = client.postJson(limitPath, {{u"credit_limit"_s, u"1234.50"_s}}, token.value(role));
        QVERIFY2(r.status == 403 && r.errorCode() == u"forbidden"_s, qPrintable(role));
    }
    QCOMPARE(client.postJson(limitPath, {{u"credit_limit"_s, u"abc"_s}}, token.value(u"finance"_s))
                 .status,
             422);
    QCOMPARE(client.postJson(limitPath, {{u"credit_limit"_s, u"-5"_s}}, token.value(u"finance"_s))
                 .status,
             422);
    QCOMPARE(client.postJson(limitPath, {}, token.value(u"finance"_s)).status, 400);
    QCOMPARE(client.postJson(limitPath, {{u"limit"_s, u"5"_s}}, token.value(u"finance"_s)).status,
             400);
    QCOMPARE(client
                 .postJson(u"/v1/customers/01890000-0000-7000-8000-000000000000/credit-limit"_s,
                           {{u"credit_limit"_s, u"5"_s}}, token.value(u"finance"_s))
                 .status,
             404);
    r = client.postJson(limitPath, {{u"credit_limit"_s, u"1234.50"_s}}, token.value(u"finance"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[u"customer"_s][u"credit_limit"_s][u"amount"_s].toString(), u"1234.50"_s);
    // PATCH by the manager cannot change it, and says where it is changed.
    r = client.send("PATCH", u"/v1/customers/"_s + co.cash, R"({"credit_limit": "1"})",
                    token.value(u"manager"_s));
    QCOMPARE(r.status, 403);
    QVERIFY2(QString::fromUtf8(r.body).contains(u"credit-limit"_s), r.body.constData());
    QCOMPARE(hq.stop(), 0);

    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QCOMPARE(feedCreditLimit(**db, co.cash), qint64(123450));
    QCOMPARE(MasterData(**db).findCustomer(co.cash)->customer.creditLimit, usd(123450));
    KARVAN_VERIFY_INVARIANTS(**db);
}

QTEST_GUILESS_MAIN(tst_Alerts)
#include "tst_alerts.moc"
