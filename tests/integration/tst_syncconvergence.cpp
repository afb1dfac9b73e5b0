// End-to-end sync (issue 4, "Done when"): the real karvan-hq on SQLite and PostgreSQL and
// three karvan-cli profiles (rep.a1 and rep.a2 in NORTH, rep.b1 in SOUTH) as processes on
// 127.0.0.1. One world per backend is shared by the test functions, in order; each function
// works on its own customers or documents and checks what a rep or HQ would look at.

#include "syncworld.h"

#include "domain/ids.h"
#include "protocol/codec.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

struct Fleet
{
    std::unique_ptr<SyncWorld> world;
    std::unique_ptr<RepProfile> a1, a2, b1;
    QString error;
};

// Runs `sync` on several profiles at the same time; returns the failures.
QString syncConcurrently(const QList<const RepProfile *> &profiles)
{
    std::vector<std::unique_ptr<QProcess>> running;
    for (const RepProfile *p : profiles) {
        auto proc = std::make_unique<QProcess>();
        proc->start(cliBinary(), {u"--profile"_s, p->path(), u"sync"_s, u"--json"_s});
        running.push_back(std::move(proc));
    }
    QString failures;
    for (size_t i = 0; i < running.size(); ++i) {
        QProcess &p = *running[i];
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit
            || p.exitCode() != 0)
            failures += u"sync of "_s + profiles.at(int(i))->login() + u" failed: "_s
                + QString::fromUtf8(p.readAllStandardError()) + u"; "_s;
    }
    return failures;
}

QString syncEach(const QList<const RepProfile *> &profiles)
{
    for (const RepProfile *p : profiles) {
        const CliResult r = p->sync();
        if (r.exitCode != 0)
            return u"sync of "_s + p->login() + u": "_s + r.describe();
    }
    return {};
}

// The id of a document `order|quote create --json` printed.
QString createdDocument(const CliResult &r)
{
    return normId(r.json()[u"document"_s][u"id"_s].toString());
}

bool containsSubject(const QJsonArray &items, const QString &subject)
{
    for (const QJsonValue &v : items)
        if (v[u"subject"_s].toString() == subject)
            return true;
    return false;
}

// Fields of the unresolved conflicts of `entityId` in `conflicts --json`.
QStringList conflictFields(const RepProfile &p, const QString &entityId)
{
    QStringList fields;
    const CliResult r = p.cli({u"conflicts"_s, u"--json"_s});
    for (const QJsonValue &c : listOf(r.json(), u"conflicts"_s))
        if (normId(c[u"entity_id"_s].toString()) == entityId)
            fields.append(c[u"field"_s].toString());
    return fields;
}

int pendingOf(const RepProfile &p)
{
    return p.cli({u"status"_s, u"--json"_s}).json()[u"pending"_s].toInt(-1);
}

} // namespace

class tst_SyncConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offlineWorkFromSeveralRepsConverges_data() { addBackendColumns(); }
    void offlineWorkFromSeveralRepsConverges();
    void sameFieldOnTwoDevicesHasOneWinnerAndOneConflict_data() { addBackendColumns(); }
    void sameFieldOnTwoDevicesHasOneWinnerAndOneConflict();
    void orderOverCreditLimitIsHeldThenConfirmed_data() { addBackendColumns(); }
    void orderOverCreditLimitIsHeldThenConfirmed();
    void orderOverStockIsBackorderedNotShrunk_data() { addBackendColumns(); }
    void orderOverStockIsBackorderedNotShrunk();
    void customerCreatedOfflineGetsItsCodeAndKeepsItsOrder_data() { addBackendColumns(); }
    void customerCreatedOfflineGetsItsCodeAndKeepsItsOrder();
    void rejectedMutationDoesNotBlockTheOnesAfterIt_data() { addBackendColumns(); }
    void rejectedMutationDoesNotBlockTheOnesAfterIt();
    void deviceGetsOnlyItsScopeAndForgedMutationIsRefused_data() { addBackendColumns(); }
    void deviceGetsOnlyItsScopeAndForgedMutationIsRefused();
    void revokedDeviceIsToldToWipe_data() { addBackendColumns(); }
    void revokedDeviceIsToldToWipe();
    void cleanupTestCase() { m_fleets.clear(); }

private:
    Fleet &fleet(const QString &backend)
    {
        Fleet &f = m_fleets[backend];
        if (f.world || !f.error.isEmpty())
            return f;
        f.world = std::make_unique<SyncWorld>(backend);
        f.error = f.world->setUp();
        if (!f.error.isEmpty())
            return f;
        f.a1 = std::make_unique<RepProfile>(u"rep.a1"_s);
        f.a2 = std::make_unique<RepProfile>(u"rep.a2"_s);
        f.b1 = std::make_unique<RepProfile>(u"rep.b1"_s);
        for (const RepProfile *p : {f.a1.get(), f.a2.get(), f.b1.get()}) {
            f.error = f.world->login(*p);
            if (!f.error.isEmpty())
                return f;
        }
        f.error = syncEach({f.a1.get(), f.a2.get(), f.b1.get()});
        return f;
    }

    std::map<QString, Fleet> m_fleets;
};

#define KARVAN_FLEET(f)                                                                            \
    QFETCH(QString, backend);                                                                      \
    Fleet &f = fleet(backend);                                                                     \
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));                                              \
    SyncWorld &w = *f.world;                                                                       \
    const SyncCompany &co = w.company();                                                           \
    Q_UNUSED(co)

#define KARVAN_CLI_OK(expr)                                                                        \
    [&] {                                                                                          \
        const CliResult r_ = (expr);                                                               \
        if (r_.exitCode != 0)                                                                      \
            qWarning("%s: %s", #expr, qPrintable(r_.describe()));                                  \
        return r_;                                                                                 \
    }()

void tst_SyncConvergence::offlineWorkFromSeveralRepsConverges()
{
    KARVAN_FLEET(f);
    const qint64 ordersBefore = w.count(u"sales_orders"_s);

    // Offline work on three devices.
    const QString o1 = createdDocument(
        KARVAN_CLI_OK(f.a1->cli({u"order"_s, u"create"_s, u"--customer"_s, co.cash, u"--line"_s,
                                 u"TEA=2"_s, u"--warehouse"_s, u"WH1"_s, u"--json"_s})));
    const QString q1 = createdDocument(
        KARVAN_CLI_OK(f.a1->cli({u"quote"_s, u"create"_s, u"--customer"_s, co.cash, u"--line"_s,
                                 u"RICE=1"_s, u"--json"_s})));
    QCOMPARE(KARVAN_CLI_OK(f.a1->cli({u"ticket"_s, u"open"_s, u"--customer"_s, co.cash,
                                      u"--subject"_s, u"Fridge is broken"_s}))
                 .exitCode,
             0);
    QCOMPARE(KARVAN_CLI_OK(f.a1->cli({u"activity"_s, u"log"_s, u"--customer"_s, co.cash,
                                      u"--kind"_s, u"visit"_s, u"--subject"_s, u"Weekly visit"_s,
                                      u"--minutes"_s, u"25"_s}))
                 .exitCode,
             0);
    QCOMPARE(KARVAN_CLI_OK(f.a1->cli({u"customer"_s, u"edit"_s, co.cash, u"--set"_s,
                                      u"notes=Prefers mornings"_s}))
                 .exitCode,
             0);
    const QString o2 = createdDocument(
        KARVAN_CLI_OK(f.a2->cli({u"order"_s, u"create"_s, u"--customer"_s, co.corner, u"--line"_s,
                                 u"TEA=1"_s, u"--json"_s})));
    QCOMPARE(
        KARVAN_CLI_OK(f.a2->cli({u"activity"_s, u"log"_s, u"--customer"_s, co.corner, u"--kind"_s,
                                 u"call"_s, u"--subject"_s, u"Called about prices"_s}))
            .exitCode,
        0);
    QCOMPARE(KARVAN_CLI_OK(f.a2->cli({u"customer"_s, u"edit"_s, co.corner, u"--set"_s,
                                      u"email=buyer@corner.example"_s}))
                 .exitCode,
             0);
    const QString o3 = createdDocument(
        KARVAN_CLI_OK(f.b1->cli({u"order"_s, u"create"_s, u"--customer"_s, co.south, u"--line"_s,
                                 u"RICE=2"_s, u"--json"_s})));
    QCOMPARE(KARVAN_CLI_OK(f.b1->cli({u"ticket"_s, u"open"_s, u"--customer"_s, co.south,
                                      u"--subject"_s, u"Late delivery"_s}))
                 .exitCode,
             0);
    QCOMPARE(KARVAN_CLI_OK(f.b1->cli({u"customer"_s, u"edit"_s, co.south, u"--set"_s,
                                      u"notes=Closed on Fridays"_s}))
                 .exitCode,
             0);
    for (const QString &id : {o1, q1, o2, o3})
        QVERIFY2(!QUuid::fromString(id).isNull(), "order/quote create --json printed no id");

    // a1 syncs twice in a row; a2 and b1 sync at the same time; then everyone again.
    QCOMPARE(f.a1->sync().exitCode, 0);
    QCOMPARE(f.a1->sync().exitCode, 0);
    const QString concurrent = syncConcurrently({f.a2.get(), f.b1.get()});
    QVERIFY2(concurrent.isEmpty(), qPrintable(concurrent));
    const QString round2 = syncEach({f.a1.get(), f.a2.get(), f.b1.get()});
    QVERIFY2(round2.isEmpty(), qPrintable(round2));

    // HQ's books: each order exactly once, and everything else arrived once.
    for (const QString &o : {o1, o2, o3})
        QCOMPARE(w.count(u"sales_orders"_s, u"id = ?"_s, {o}), 1);
    QCOMPARE(w.count(u"sales_orders"_s), ordersBefore + 3);
    QCOMPARE(w.count(u"sales_order_lines"_s, u"order_id = ?"_s, {o1}), 1);
    QCOMPARE(w.count(u"sales_quotes"_s, u"id = ?"_s, {q1}), 1);
    QCOMPARE(w.count(u"tickets"_s, u"subject = ?"_s, {u"Fridge is broken"_s}), 1);
    QCOMPARE(w.count(u"tickets"_s, u"subject = ?"_s, {u"Late delivery"_s}), 1);
    QCOMPARE(w.count(u"activities"_s, u"subject = ?"_s, {u"Weekly visit"_s}), 1);
    QCOMPARE(w.count(u"activities"_s, u"subject = ?"_s, {u"Called about prices"_s}), 1);
    QCOMPARE(w.customerField(co.cash, u"notes"_s), u"Prefers mornings"_s);
    QCOMPARE(w.customerField(co.corner, u"email"_s), u"buyer@corner.example"_s);
    QCOMPARE(w.customerField(co.south, u"notes"_s), u"Closed on Fridays"_s);
    KARVAN_SYNC_VERIFY_INVARIANTS(w.db());

    // Every replica equals HQ for its territory.
    for (const auto &[p, territory] :
         {std::pair {f.a1.get(), u"NORTH"_s}, std::pair {f.a2.get(), u"NORTH"_s},
          std::pair {f.b1.get(), u"SOUTH"_s}}) {
        QString error;
        const auto device = p->customers(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(device, w.hqCustomers(territory));
        QCOMPARE(pendingOf(*p), 0);
    }
    // The 360 views agree with HQ, on the rep who wrote and on the other rep of the territory.
    for (const RepProfile *p : {f.a1.get(), f.a2.get()}) {
        const QJsonObject cash = p->show(co.cash);
        QVERIFY2(containsSubject(cash[u"tickets"_s].toArray(), u"Fridge is broken"_s),
                 qPrintable(p->login()));
        QVERIFY2(containsSubject(cash[u"activities"_s].toArray(), u"Weekly visit"_s),
                 qPrintable(p->login()));
        for (const auto &[customer, order] : {std::pair {co.cash, o1}, std::pair {co.corner, o2}}) {
            const QJsonObject doc = p->document(customer, order);
            QVERIFY2(!doc.isEmpty(), qPrintable(p->login() + u" lacks order "_s + order));
            QCOMPARE(
                doc[u"status"_s].toString(),
                w.scalar(u"SELECT status FROM sales_orders WHERE id = ?"_s, {order}).toString());
            QCOMPARE(doc[u"total"_s][u"minor"_s].toInteger(),
                     w.scalar(u"SELECT total_minor FROM sales_orders WHERE id = ?"_s, {order})
                         .toLongLong());
        }
    }
    const QJsonObject south = f.b1->document(co.south, o3);
    QCOMPARE(south[u"status"_s].toString(),
             w.scalar(u"SELECT status FROM sales_orders WHERE id = ?"_s, {o3}).toString());
    QVERIFY(containsSubject(f.b1->show(co.south)[u"tickets"_s].toArray(), u"Late delivery"_s));
}

void tst_SyncConvergence::sameFieldOnTwoDevicesHasOneWinnerAndOneConflict()
{
    KARVAN_FLEET(f);
    // phone: a1 writes first (older), a2 later (newer, wins); a1, the loser, syncs first.
    // email: a2 writes first, a1 later (wins); a1, the winner, syncs first.
    auto edit = [](const RepProfile &p, const QString &id, const QString &set) {
        return p.cli({u"customer"_s, u"edit"_s, id, u"--set"_s, set}).exitCode;
    };
    QCOMPARE(edit(*f.a1, co.corner, u"phone=+1 555 0111"_s), 0);
    QCOMPARE(edit(*f.a2, co.corner, u"email=a2@corner.example"_s), 0);
    QTest::qWait(20); // distinct wall-clock milliseconds, so the later write is later by HLC
    QCOMPARE(edit(*f.a2, co.corner, u"phone=+1 555 0222"_s), 0);
    QCOMPARE(edit(*f.a1, co.corner, u"email=a1@corner.example"_s), 0);

    const QString synced = syncEach({f.a1.get(), f.a2.get(), f.a1.get(), f.a2.get()});
    QVERIFY2(synced.isEmpty(), qPrintable(synced));

    QCOMPARE(w.customerField(co.corner, u"phone"_s), u"+1 555 0222"_s);
    QCOMPARE(w.customerField(co.corner, u"email"_s), u"a1@corner.example"_s);
    for (const RepProfile *p : {f.a1.get(), f.a2.get()}) {
        const QJsonObject c = p->show(co.corner)[u"customer"_s].toObject();
        QCOMPARE(c[u"phone"_s].toString(), u"+1 555 0222"_s);
        QCOMPARE(c[u"email"_s].toString(), u"a1@corner.example"_s);
    }
    // The losing device of each field, and only it, holds a conflict record for review.
    QCOMPARE(conflictFields(*f.a1, co.corner), QStringList {u"phone"_s});
    QCOMPARE(conflictFields(*f.a2, co.corner), QStringList {u"email"_s});
    const CliResult list = f.a1->cli({u"conflicts"_s, u"--json"_s});
    for (const QJsonValue &c : listOf(list.json(), u"conflicts"_s)) {
        if (normId(c[u"entity_id"_s].toString()) != co.corner)
            continue;
        QCOMPARE(c[u"mine"_s].toString(), u"+1 555 0111"_s);
        QCOMPARE(c[u"theirs"_s].toString(), u"+1 555 0222"_s);
    }
}

void tst_SyncConvergence::orderOverCreditLimitIsHeldThenConfirmed()
{
    KARVAN_FLEET(f);
    // 10 x 19.99 + tax is far over Tight Ltd's limit of 100.00.
    const QString order = createdDocument(
        KARVAN_CLI_OK(f.a1->cli({u"order"_s, u"create"_s, u"--customer"_s, co.tight, u"--line"_s,
                                 u"RICE=10"_s, u"--json"_s})));
    QVERIFY(!QUuid::fromString(order).isNull());
    QCOMPARE(f.a1->sync().exitCode, 0);
    QCOMPARE(w.scalar(u"SELECT status FROM sales_orders WHERE id = ?"_s, {order}).toString(),
             u"credit_hold"_s);
    QJsonObject doc = f.a1->document(co.tight, order);
    QCOMPARE(doc[u"status"_s].toString(), u"credit_hold"_s);
    QVERIFY2(!doc[u"status_reason"_s].toString().isEmpty(), "a hold comes with its reason");

    auto approved = erp::SalesOrders(w.db()).approveCreditHold(w.finance(), order,
                                                               u"known customer, approved"_s);
    QVERIFY2(approved.ok(), qPrintable(approved.errorMessage()));
    QCOMPARE(documentStatusName(approved->status), u"confirmed"_s);

    QCOMPARE(f.a1->sync().exitCode, 0);
    QCOMPARE(f.a2->sync().exitCode, 0);
    QCOMPARE(f.a1->document(co.tight, order)[u"status"_s].toString(), u"confirmed"_s);
    QCOMPARE(f.a2->document(co.tight, order)[u"status"_s].toString(), u"confirmed"_s);
    QCOMPARE(w.count(u"sales_orders"_s, u"id = ?"_s, {order}), 1);
    KARVAN_SYNC_VERIFY_INVARIANTS(w.db());
}

void tst_SyncConvergence::orderOverStockIsBackorderedNotShrunk()
{
    KARVAN_FLEET(f);
    // OIL: 3 in stock, 5 ordered.
    const QString order = createdDocument(
        KARVAN_CLI_OK(f.a2->cli({u"order"_s, u"create"_s, u"--customer"_s, co.cash, u"--line"_s,
                                 u"OIL=5"_s, u"--json"_s})));
    QVERIFY(!QUuid::fromString(order).isNull());
    QCOMPARE(f.a2->sync().exitCode, 0);

    const QString hqStatus
        = w.scalar(u"SELECT status FROM sales_orders WHERE id = ?"_s, {order}).toString();
    QVERIFY2(hqStatus == u"backordered"_s || hqStatus == u"partially_allocated"_s,
             qPrintable(hqStatus));
    QCOMPARE(w.scalar(u"SELECT base_qty_milli FROM sales_order_lines WHERE order_id = ?"_s, {order})
                 .toLongLong(),
             5000);
    const QJsonObject doc = f.a2->document(co.cash, order);
    QCOMPARE(doc[u"status"_s].toString(), hqStatus);
    QVERIFY2(!doc[u"status_reason"_s].toString().isEmpty(), "a shortfall comes with its reason");
    const QJsonArray lines = doc[u"lines"_s].toArray();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first()[u"quantity"_s][u"value"_s].toString().toDouble(), 5.0);
}

void tst_SyncConvergence::customerCreatedOfflineGetsItsCodeAndKeepsItsOrder()
{
    KARVAN_FLEET(f);
    const CliResult added
        = KARVAN_CLI_OK(f.a1->cli({u"customer"_s, u"add"_s, u"--name"_s, u"Newcomer Bakery"_s,
                                   u"--set"_s, u"phone=+1 555 0199"_s, u"--json"_s}));
    QCOMPARE(added.exitCode, 0);
    QString id = normId(added.json()[u"customer"_s][u"id"_s].toString());
    if (QUuid::fromString(id).isNull())
        id = f.a1->customerIdByName(u"Newcomer Bakery"_s);
    QVERIFY(!QUuid::fromString(id).isNull());
    const auto before = f.a1->customers();
    QVERIFY(before.contains(id));
    QVERIFY(before.value(id)[u"code"_s].toString().isEmpty()); // HQ assigns it
    const QString order = createdDocument(KARVAN_CLI_OK(f.a1->cli(
        {u"order"_s, u"create"_s, u"--customer"_s, id, u"--line"_s, u"TEA=3"_s, u"--json"_s})));
    QVERIFY(!QUuid::fromString(order).isNull());

    QCOMPARE(f.a1->sync().exitCode, 0);
    QCOMPARE(f.a1->sync().exitCode, 0);
    QCOMPARE(f.a2->sync().exitCode, 0);

    const QString code = w.customerField(id, u"code"_s);
    QVERIFY2(!code.isEmpty(), "HQ has the customer with its account code");
    QCOMPARE(w.customerField(id, u"territory"_s), u"NORTH"_s);
    QCOMPARE(w.scalar(u"SELECT customer_id FROM sales_orders WHERE id = ?"_s, {order}).toString(),
             id);
    const QString status
        = w.scalar(u"SELECT status FROM sales_orders WHERE id = ?"_s, {order}).toString();
    QCOMPARE(status, u"confirmed"_s);
    for (const RepProfile *p : {f.a1.get(), f.a2.get()}) {
        QCOMPARE(p->customers().value(id)[u"code"_s].toString(), code);
        QCOMPARE(p->document(id, order)[u"status"_s].toString(), status);
    }
}

void tst_SyncConvergence::rejectedMutationDoesNotBlockTheOnesAfterIt()
{
    KARVAN_FLEET(f);
    QCOMPARE(KARVAN_CLI_OK(f.a1->cli({u"customer"_s, u"edit"_s, co.oldCo, u"--set"_s,
                                      u"notes=Still trading?"_s}))
                 .exitCode,
             0);
    QCOMPARE(KARVAN_CLI_OK(f.a1->cli({u"customer"_s, u"edit"_s, co.cash, u"--set"_s,
                                      u"email=orders@cash.example"_s}))
                 .exitCode,
             0);
    QCOMPARE(
        KARVAN_CLI_OK(f.a1->cli({u"activity"_s, u"log"_s, u"--customer"_s, co.cash, u"--kind"_s,
                                 u"note"_s, u"--subject"_s, u"After the rejected edit"_s}))
            .exitCode,
        0);
    // Meanwhile HQ archives Old Co.
    auto archived = erp::MasterData(w.db()).setArchived(w.admin(), co.oldCo, true);
    QVERIFY2(archived.ok(), qPrintable(archived.errorMessage()));

    const CliResult synced = f.a1->sync();
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.describe()));
    QCOMPARE(synced.json()[u"rejected"_s].toInt(), 1);

    const CliResult rejected = KARVAN_CLI_OK(f.a1->cli({u"rejected"_s, u"--json"_s}));
    bool listed = false;
    for (const QJsonValue &r : listOf(rejected.json(), u"rejected"_s)) {
        if (normId(r[u"entity_id"_s].toString()) != co.oldCo)
            continue;
        listed = true;
        QVERIFY2(r[u"reason"_s].toString().contains(u"archived"_s, Qt::CaseInsensitive),
                 qPrintable(r[u"reason"_s].toString()));
    }
    QVERIFY2(listed, rejected.out.constData());
    // The mutations after it went through.
    QCOMPARE(w.customerField(co.cash, u"email"_s), u"orders@cash.example"_s);
    QCOMPARE(w.count(u"activities"_s, u"subject = ?"_s, {u"After the rejected edit"_s}), 1);
    QCOMPARE(w.customerField(co.oldCo, u"notes"_s), QString());
    QCOMPARE(pendingOf(*f.a1), 0);
    // The archived customer left the device.
    const auto device = f.a1->customers();
    QVERIFY(!device.contains(co.oldCo));
    QCOMPARE(device, w.hqCustomers(u"NORTH"_s));
}

void tst_SyncConvergence::deviceGetsOnlyItsScopeAndForgedMutationIsRefused()
{
    KARVAN_FLEET(f);
    QCOMPARE(f.b1->sync().exitCode, 0);
    const auto north = w.hqCustomers(u"NORTH"_s);
    const auto device = f.b1->customers();
    QCOMPARE(device, w.hqCustomers(u"SOUTH"_s));
    for (const QJsonObject &c : device)
        QCOMPARE(c[u"territory"_s].toString(), u"SOUTH"_s);
    QVERIFY(f.b1->cli({u"customer"_s, u"show"_s, co.cash, u"--json"_s}).exitCode != 0);

    // A hand-crafted push with rep.b1's own token, editing a NORTH customer.
    const SyncWorld::Session b1 = w.httpLogin(u"rep.b1"_s, u"forger"_s);
    QVERIFY(!b1.token.isEmpty());
    const QString phoneBefore = w.customerField(co.cash, u"phone"_s);
    const qint64 auditBefore = w.count(u"audit_log"_s, u"action LIKE 'sync.forged%'"_s);
    const karvan::sync::Hlc hlc {QDateTime::currentMSecsSinceEpoch(), 0, b1.deviceId};
    karvan::sync::SyncMutation m;
    m.seq = 1;
    m.mutationId = Uuid7::generate();
    m.entity = u"customer"_s;
    m.entityId = co.cash;
    m.op = u"update"_s;
    m.hlc = hlc;
    m.createdAtMs = hlc.wallMs;
    QCborMap fields;
    fields.insert(u"phone"_s, u"+1 555 6666"_s);
    m.args.insert(u"id"_s, co.cash);
    m.args.insert(u"hlc"_s, hlc.toString());
    m.args.insert(u"fields"_s, fields);
    karvan::sync::PushRequest push;
    push.deviceId = QUuid::fromString(b1.deviceId);
    push.mutations = {m};
    HttpClient http(w.url());
    const HttpReply reply = http.send("POST", u"/v1/sync/push"_s, karvan::sync::encode(push),
                                      b1.token, "application/vnd.karvan.sync");
    QCOMPARE(reply.status, 200);
    auto response = karvan::sync::decodePushResponse(reply.body);
    QVERIFY2(response.ok(), qPrintable(response.errorMessage()));
    QCOMPARE(response->results.size(), 1);
    QCOMPARE(response->results.first().status, karvan::sync::MutationResult::Status::Rejected);
    QCOMPARE(response->results.first().reasonCode, u"out_of_scope"_s);
    QCOMPARE(w.customerField(co.cash, u"phone"_s), phoneBefore);
    QVERIFY2(w.count(u"audit_log"_s, u"action LIKE 'sync.forged%'"_s) > auditBefore,
             "the forged mutation is in the audit trail");

    // That device's own pull carries no NORTH customer either.
    karvan::sync::PullRequest pull;
    pull.deviceId = push.deviceId;
    int customersPulled = 0;
    for (int batch = 0; batch < 100; ++batch) {
        const HttpReply r = http.send("POST", u"/v1/sync/pull"_s, karvan::sync::encode(pull),
                                      b1.token, "application/vnd.karvan.sync");
        QCOMPARE(r.status, 200);
        auto page = karvan::sync::decodePullResponse(r.body);
        QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
        for (const karvan::sync::RowChange &c : page->changes) {
            QVERIFY2(!north.contains(normId(c.id)), qPrintable(c.entity + u' ' + c.id));
            customersPulled += c.entity == u"customer"_s;
        }
        pull.cursor = page->nextCursor;
        if (!page->hasMore)
            break;
    }
    QCOMPARE(customersPulled, w.hqCustomers(u"SOUTH"_s).size());
}

void tst_SyncConvergence::revokedDeviceIsToldToWipe()
{
    KARVAN_FLEET(f);
    RepProfile tablet(u"rep.a2"_s);
    const QString loggedIn = w.login(tablet, u"a2-tablet"_s);
    QVERIFY2(loggedIn.isEmpty(), qPrintable(loggedIn));
    QCOMPARE(tablet.sync().exitCode, 0);
    QVERIFY(!tablet.customers().isEmpty());
    QCOMPARE(KARVAN_CLI_OK(tablet.cli({u"order"_s, u"create"_s, u"--customer"_s, co.cash,
                                       u"--line"_s, u"TEA=1"_s}))
                 .exitCode,
             0);

    const SyncWorld::Session admin = w.httpLogin(u"admin"_s, u"admin-console"_s);
    QVERIFY(!admin.token.isEmpty());
    HttpClient http(w.url());
    QString deviceId;
    for (const QJsonValue &d :
         http.send("GET", u"/v1/devices"_s, {}, admin.token).json[u"devices"_s].toArray())
        if (d[u"user"_s].toString() == u"rep.a2"_s && d[u"name"_s].toString() == u"a2-tablet"_s)
            deviceId = d[u"id"_s].toString();
    QVERIFY2(!deviceId.isEmpty(), "the tablet is listed among the devices");
    QCOMPARE(http.send("POST", u"/v1/devices/%1/revoke"_s.arg(deviceId), {}, admin.token).status,
             200);

    const CliResult r = tablet.sync();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(
                 QRegularExpression(u"revoked|wipe"_s, QRegularExpression::CaseInsensitiveOption)),
             qPrintable(r.err));
    QVERIFY(tablet.customers().isEmpty());
    QCOMPARE(pendingOf(tablet), 0);
    // The rep's other device is not affected.
    QCOMPARE(f.a2->sync().exitCode, 0);
    QVERIFY(!f.a2->customers().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SyncConvergence)
#include "tst_syncconvergence.moc"
