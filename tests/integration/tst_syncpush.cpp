#include "auth/userdirectory.h"
#include "domain/ids.h"
#include "erpfixture.h"
#include "hqserverprocess.h"
#include "protocol/codec.h"
#include "rules/pricing.h"
#include "services/orderservice.h"
#include "testdatabase.h"

#include <QCborArray>
#include <QCborValue>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;
using karvan::sync::Hlc;
using karvan::sync::MutationResult;
using karvan::sync::PushRequest;
using karvan::sync::PushResponse;
using karvan::sync::SyncMutation;

// HQ's side of a push against the real karvan-hq, on SQLite and PostgreSQL: a rep's device
// pushes encoded PushRequests and checks the per-mutation results and the database.
class tst_SyncPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushFlows_data() { addBackendColumns(); }
    void pushFlows();
    void badRequestsChangeNothing_data() { addBackendColumns(); }
    void badRequestsChangeNothing();
    void concurrentPushesShareCommits_data() { addBackendColumns(); }
    void concurrentPushesShareCommits();

private:
    struct Session
    {
        QString token;
        QUuid deviceId;
    };

    // The ERP company of erpfixture.h plus rep "rey" (NORTH) who can sign in.
    static QString prepare(const QString &url, ErpCompany &co)
    {
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        if (auto m = migrateHqSchema(**db); !m)
            return m.errorMessage();
        if (QString e = seedCompany(**db, co); !e.isEmpty())
            return e;
        auto user = UserDirectory(**db).add({u"rey"_s, Role::Rep, {u"NORTH"_s}}, u"secret-pw"_s,
                                            u"test"_s);
        return user ? QString() : user.errorMessage();
    }

    // The prepared company, HQ's database opened for the test's checks, and karvan-hq serving it.
    struct World
    {
        ErpCompany co;
        std::unique_ptr<Database> db;
        HqServerProcess hq;
        QString error;

        bool start(const QString &url, const QList<std::pair<QString, QString>> &env = {})
        {
            error = prepare(url, co);
            if (!error.isEmpty())
                return false;
            auto opened = Database::open(url);
            if (!opened) {
                error = opened.errorMessage();
                return false;
            }
            db = std::move(opened.value());
            if (!hq.start(url, {}, env)) {
                error = hq.error();
                return false;
            }
            return true;
        }
        std::tuple<ErpCompany &, Database &, HqServerProcess &> parts() { return {co, *db, hq}; }
    };

    static Session login(HttpClient &client, const QString &deviceName)
    {
        const HttpReply r = client.postJson(u"/v1/auth/login"_s,
                                            {{u"login"_s, u"rey"_s},
                                             {u"password"_s, u"secret-pw"_s},
                                             {u"device_name"_s, deviceName}});
        return {r.json.value(u"token"_s).toString(),
                QUuid::fromString(r.json.value(u"device_id"_s).toString())};
    }

    static qint64 count(Database &db, const QString &sql, const QVariantList &bindings = {})
    {
        auto n = db.scalar(sql, bindings);
        return n ? n->toLongLong() : -1;
    }

    static Hlc hlcAt(qint64 offsetMs, const QUuid &device)
    {
        return {QDateTime::currentMSecsSinceEpoch() + offsetMs, 0, idToString(device)};
    }

    // A mutation as the device's sync engine sends it (args.hlc == hlc).
    static SyncMutation mutation(qint64 seq, const QString &entity, const QString &entityId,
                                 const QString &op, const Hlc &hlc, QCborMap args)
    {
        args.insert(u"hlc"_s, hlc.toString());
        return {seq, Uuid7::generate(), entity, entityId, op, hlc, 0, args};
    }

    // An order or quote as the device would submit it, priced with HQ's own catalog (so the
    // device's prices are right unless a test says otherwise).
    static QCborMap documentArgs(Database &db, const QString &customerId,
                                 const QList<std::pair<QString, qint64>> &lines,
                                 SalesDocument::Kind kind = SalesDocument::Kind::Order)
    {
        QList<std::pair<QString, Quantity>> qty;
        for (const auto &[sku, n] : lines)
            qty.append({sku, units(n)});
        SalesDocument d = order(customerId, QDate::currentDate(), qty);
        d.kind = kind;
        d.createdBy = u"rey"_s;
        auto customer = erp::MasterData(db).findCustomer(customerId);
        if (customer) {
            QStringList skus;
            PricingRequest request {customer->customer.id,
                                    customer->customer.territory,
                                    customer->customer.taxRegion,
                                    u"USD"_s,
                                    d.date,
                                    {}};
            for (const DocumentLine &l : std::as_const(d.lines)) {
                skus.append(l.sku);
                request.lines.append({l.sku, l.quantity});
            }
            auto catalog
                = erp::MasterData(db).pricingCatalog(customer->customer, skus, u"USD"_s, d.date);
            auto priced = catalog ? priceDocument(*catalog, request)
                                  : Result<PricedDocument>(catalog.error());
            if (priced) {
                for (qsizetype i = 0; i < d.lines.size(); ++i) {
                    d.lines[i].unitPrice = priced->lines.at(i).unitPrice;
                    d.lines[i].lineNet = priced->lines.at(i).net;
                    d.lines[i].lineTax = priced->lines.at(i).tax;
                    d.lines[i].lineTotal = priced->lines.at(i).total;
                }
                d.net = priced->net;
                d.tax = priced->tax;
                d.total = priced->total;
            }
        }
        return QCborValue::fromCbor(encodeDocumentMutation(d)).toMap();
    }

    static PushResponse push(HttpClient &client, const Session &s, const PushRequest &request,
                             int *status = nullptr)
    {
        const HttpReply r = client.send("POST", u"/v1/sync/push"_s, karvan::sync::encode(request),
                                        s.token, "application/vnd.karvan.sync");
        if (status)
            *status = r.status;
        auto decoded = karvan::sync::decodePushResponse(r.body);
        if (!decoded) {
            qWarning("push answered %d: %s (%s)", r.status, r.body.left(300).constData(),
                     qPrintable(decoded.errorMessage()));
            return {};
        }
        return *decoded;
    }

    static QString describe(const MutationResult &r)
    {
        return u"%1 %2 %3: %4"_s.arg(r.seq).arg(karvan::sync::statusName(r.status), r.reasonCode,
                                                r.reason);
    }
};

#define EXPECT_RESULT(result, expectedStatus, expectedCode)                                        \
    do {                                                                                           \
        QVERIFY2((result).status == (expectedStatus) && (result).reasonCode == (expectedCode),     \
                 qPrintable(describe(result)));                                                    \
    } while (false)

using S = MutationResult::Status;

void tst_SyncPush::pushFlows()
{
    KARVAN_TEST_DATABASE(testDb);
    World w;
    QVERIFY2(w.start(testDb.url()), qPrintable(w.error));
    auto [co, db, hq] = w.parts();
    HttpClient client(hq.url());
    const Session s = login(client, u"phone"_s);
    QVERIFY(!s.token.isEmpty());
    const QUuid dev = s.deviceId;

    // ---- 1. orders, credit, stock, an archived customer, HQ-only fields, scope ----
    const QUuid newCustomer = Uuid7::generate();
    const QString newId = idToString(newCustomer);
    QCborMap fields {{u"name"_s, u"Corner Shop"_s}, {u"phone"_s, u"+90 212 555 0101"_s}};
    const QCborMap plainOrder = documentArgs(db, co.cash, {{u"TEA"_s, 2}});
    const QCborMap overCredit = documentArgs(db, co.tight, {{u"RICE"_s, 10}});
    const QCborMap overStock = documentArgs(db, co.cash, {{u"OIL"_s, 5}});
    PushRequest first {dev, {}};
    auto add = [&](const QString &entity, const QString &id, const QString &op, QCborMap args,
                   qint64 offsetMs = 1000) {
        first.mutations.append(mutation(first.mutations.size() + 1, entity, id, op,
                                        hlcAt(offsetMs, dev), std::move(args)));
    };
    add(u"order"_s, plainOrder.value(u"id"_s).toString(), u"create"_s, plainOrder);
    add(u"customer"_s, co.archived, u"update"_s,
        {{u"id"_s, co.archived}, {u"fields"_s, QCborMap {{u"notes"_s, u"reopened?"_s}}}});
    add(u"customer"_s, co.cash, u"update"_s,
        {{u"id"_s, co.cash}, {u"fields"_s, QCborMap {{u"credit_limit"_s, 1000000}}}});
    add(u"customer"_s, co.south, u"update"_s,
        {{u"id"_s, co.south}, {u"fields"_s, QCborMap {{u"notes"_s, u"mine now"_s}}}});
    add(u"order"_s, overCredit.value(u"id"_s).toString(), u"create"_s, overCredit);
    add(u"order"_s, overStock.value(u"id"_s).toString(), u"create"_s, overStock);
    add(u"customer"_s, newId, u"create"_s,
        {{u"id"_s, newId},
         {u"fields"_s, fields},
         {u"territory"_s, u"NORTH"_s},
         {u"currency"_s, u"USD"_s},
         {u"tax_region"_s, u"N"_s},
         {u"created_by"_s, u"rey"_s}});
    const QCborMap newCustomerOrder = documentArgs(db, newId, {{u"RICE"_s, 1}});
    QVERIFY(newCustomerOrder.value(u"total"_s).toInteger() == 0); // unknown before the push
    add(u"order"_s, newCustomerOrder.value(u"id"_s).toString(), u"create"_s, newCustomerOrder);
    const QCborMap ghostOrder = documentArgs(db, idToString(Uuid7::generate()), {{u"TEA"_s, 1}});
    add(u"order"_s, ghostOrder.value(u"id"_s).toString(), u"create"_s, ghostOrder);

    int status = 0;
    const PushResponse r1 = push(client, s, first, &status);
    QCOMPARE(status, 200);
    QCOMPARE(r1.results.size(), first.mutations.size());
    QVERIFY(!r1.serverHlc.isNull());
    for (qsizetype i = 0; i < r1.results.size(); ++i) {
        QCOMPARE(r1.results.at(i).seq, first.mutations.at(i).seq);
        QCOMPARE(r1.results.at(i).mutationId, first.mutations.at(i).mutationId);
        QVERIFY(!r1.results.at(i).replayed);
    }
    EXPECT_RESULT(r1.results.at(0), S::Applied, u""_s);
    QCOMPARE(r1.results.at(0).entity, u"order"_s);
    QVERIFY(!r1.results.at(0).row.isEmpty());
    EXPECT_RESULT(r1.results.at(1), S::Rejected, u"archived"_s);
    QVERIFY(!r1.results.at(1).reason.isEmpty());
    EXPECT_RESULT(r1.results.at(2), S::Rejected, u"hq_only_field"_s);
    QVERIFY(r1.results.at(2).reason.contains(u"credit_limit"_s));
    EXPECT_RESULT(r1.results.at(3), S::Rejected, u"out_of_scope"_s);
    QVERIFY(r1.results.at(3).row.isEmpty()); // nothing of another territory leaks
    EXPECT_RESULT(r1.results.at(4), S::AppliedWithChanges, u"credit_hold"_s);
    EXPECT_RESULT(r1.results.at(5), S::AppliedWithChanges, u"backordered"_s);
    EXPECT_RESULT(r1.results.at(6), S::Applied, u""_s);
    QVERIFY2(r1.results.at(7).status != S::Rejected, qPrintable(describe(r1.results.at(7))));
    EXPECT_RESULT(r1.results.at(8), S::Rejected, u"not_found"_s);

    // The database agrees.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM customers WHERE id = ? AND notes = 'reopened?'"_s,
                   {co.archived}),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM customers WHERE id = ? AND notes = 'mine now'"_s,
                   {co.south}),
             0);
    QCOMPARE(count(db,
                   u"SELECT COUNT(*) FROM audit_log WHERE action = 'sync.forged_mutation' "
                   "AND entity_id = ?"_s,
                   {co.south}),
             1);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders WHERE id = ? AND status = ?"_s,
                   {overCredit.value(u"id"_s).toString(), u"credit_hold"_s}),
             1);
    // Over stock: the full quantity is kept, 3 of 5 allocated.
    QCOMPARE(count(db,
                   u"SELECT qty_milli + 0 * allocated_milli FROM sales_order_lines WHERE "
                   "order_id = ?"_s,
                   {overStock.value(u"id"_s).toString()}),
             5000);
    QCOMPARE(count(db, u"SELECT allocated_milli FROM sales_order_lines WHERE order_id = ?"_s,
                   {overStock.value(u"id"_s).toString()}),
             3000);
    auto code = db.scalar(u"SELECT code FROM customers WHERE id = ?"_s, {newId});
    QVERIFY(code && !code->toString().isEmpty());
    QCOMPARE(r1.results.at(6).row.value(u"code"_s).toString(), code->toString());
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders WHERE customer_id = ?"_s, {newId}), 1);
    const qint64 orders = count(db, u"SELECT COUNT(*) FROM sales_orders"_s);
    QCOMPARE(orders, 4);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sync_mutations"_s), 9);

    // ---- 2. the same push again: recorded results, nothing taken twice ----
    const PushResponse again = push(client, s, first, &status);
    QCOMPARE(status, 200);
    QCOMPARE(again.results.size(), r1.results.size());
    for (qsizetype i = 0; i < again.results.size(); ++i) {
        QVERIFY(again.results.at(i).replayed);
        QCOMPARE(again.results.at(i).status, r1.results.at(i).status);
        QCOMPARE(again.results.at(i).reasonCode, r1.results.at(i).reasonCode);
    }
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders"_s), orders);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'sync.forged_mutation'"_s),
             1);
    // The same mutation renumbered (lost counter): the recorded result.
    SyncMutation renumbered = first.mutations.at(0);
    renumbered.seq = 100;
    const PushResponse moved = push(client, s, {dev, {renumbered}});
    QCOMPARE(moved.results.size(), 1);
    QVERIFY(moved.results.at(0).replayed);
    QCOMPARE(moved.results.at(0).status, S::Applied);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders"_s), orders);
    // A used seq with another mutation: seq_reused, nothing applied.
    const QCborMap reusedOrder = documentArgs(db, co.cash, {{u"TEA"_s, 1}});
    const PushResponse reused
        = push(client, s,
               {dev,
                {mutation(1, u"order"_s, reusedOrder.value(u"id"_s).toString(), u"create"_s,
                          hlcAt(1000, dev), reusedOrder)}});
    QCOMPARE(reused.results.size(), 1);
    EXPECT_RESULT(reused.results.at(0), S::Rejected, u"seq_reused"_s);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders"_s), orders);

    // ---- 3. per-field last-writer-wins ----
    auto phoneEdit = [&](qint64 seq, qint64 offsetMs, const QString &phone) {
        return mutation(seq, u"customer"_s, co.cash, u"update"_s, hlcAt(offsetMs, dev),
                        {{u"id"_s, co.cash}, {u"fields"_s, QCborMap {{u"phone"_s, phone}}}});
    };
    const PushRequest edits {dev,
                             {phoneEdit(201, 20000, u"+90 1111"_s),
                              phoneEdit(202, 10000, u"+90 2222"_s),
                              phoneEdit(203, 30000, u"+90 3333"_s)}};
    const PushResponse lww = push(client, s, edits);
    QCOMPARE(lww.results.size(), 3);
    EXPECT_RESULT(lww.results.at(0), S::Applied, u""_s);
    EXPECT_RESULT(lww.results.at(1), S::AppliedWithChanges, u"superseded"_s);
    QVERIFY(lww.results.at(1).reason.startsWith(u"phone: "_s));
    QCOMPARE(lww.results.at(1).row.value(u"phone"_s).toString(), u"+90 1111"_s);
    EXPECT_RESULT(lww.results.at(2), S::Applied, u""_s);
    QCOMPARE(db.scalar(u"SELECT phone FROM customers WHERE id = ?"_s, {co.cash})->toString(),
             u"+90 3333"_s);
    QCOMPARE(lww.results.at(2).row.value(u"field_hlc"_s).toMap().value(u"phone"_s).toString(),
             edits.mutations.at(2).hlc.toString());

    // ---- 4. tickets and activities ----
    const QString ticketId = idToString(Uuid7::generate());
    const QString commentId = idToString(Uuid7::generate());
    const QString activityId = idToString(Uuid7::generate());
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QCborMap comment {{u"id"_s, commentId},
                            {u"ticket_id"_s, ticketId},
                            {u"body"_s, u"The fridge is still warm"_s},
                            {u"author"_s, u"rey"_s},
                            {u"at"_s, at}};
    const PushResponse service = push(
        client, s,
        {dev,
         {mutation(301, u"ticket"_s, ticketId, u"create"_s, hlcAt(40000, dev),
                   {{u"id"_s, ticketId},
                    {u"customer_id"_s, co.cash},
                    {u"subject"_s, u"Fridge broken"_s},
                    {u"description"_s, u"Since Monday"_s},
                    {u"priority"_s, u"high"_s},
                    {u"status"_s, u"open"_s},
                    {u"author"_s, u"rey"_s},
                    {u"created_at"_s, at}}),
          mutation(302, u"ticket"_s, ticketId, u"comment"_s, hlcAt(41000, dev), comment),
          mutation(303, u"ticket"_s, ticketId, u"comment"_s, hlcAt(42000, dev), comment),
          mutation(304, u"ticket"_s, ticketId, u"status"_s, hlcAt(43000, dev),
                   {{u"id"_s, ticketId},
                    {u"from"_s, u"open"_s},
                    {u"to"_s, u"in_progress"_s},
                    {u"reopen"_s, false},
                    {u"author"_s, u"rey"_s},
                    {u"at"_s, at}}),
          mutation(305, u"ticket"_s, ticketId, u"status"_s, hlcAt(44000, dev),
                   {{u"id"_s, ticketId},
                    {u"from"_s, u"in_progress"_s},
                    {u"to"_s, u"closed"_s},
                    {u"reopen"_s, false},
                    {u"author"_s, u"rey"_s},
                    {u"at"_s, at}}),
          mutation(306, u"activity"_s, activityId, u"create"_s, hlcAt(45000, dev),
                   {{u"id"_s, activityId},
                    {u"customer_id"_s, co.cash},
                    {u"kind"_s, u"visit"_s},
                    {u"subject"_s, u"Quarterly visit"_s},
                    {u"notes"_s, u"Wants a bigger fridge"_s},
                    {u"duration_minutes"_s, 30},
                    {u"at"_s, at},
                    {u"author"_s, u"rey"_s}}),
          mutation(307, u"ticket"_s, idToString(Uuid7::generate()), u"comment"_s, hlcAt(46000, dev),
                   {{u"id"_s, idToString(Uuid7::generate())},
                    {u"body"_s, u"on a ticket HQ never saw"_s}})}});
    QCOMPARE(service.results.size(), 7);
    EXPECT_RESULT(service.results.at(0), S::Applied, u""_s);
    QCOMPARE(service.results.at(0).row.value(u"number"_s).toString(), u"T-000001"_s);
    EXPECT_RESULT(service.results.at(1), S::Applied, u""_s);
    EXPECT_RESULT(service.results.at(2), S::Applied, u""_s);
    EXPECT_RESULT(service.results.at(3), S::Applied, u""_s);
    EXPECT_RESULT(service.results.at(4), S::Rejected, u"validation"_s);
    EXPECT_RESULT(service.results.at(5), S::Applied, u""_s);
    EXPECT_RESULT(service.results.at(6), S::Rejected, u"not_found"_s);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ?"_s, {ticketId}),
             1);
    QCOMPARE(db.scalar(u"SELECT status FROM tickets WHERE id = ?"_s, {ticketId})->toString(),
             u"in_progress"_s);
    QCOMPARE(count(db, u"SELECT duration_minutes FROM activities WHERE id = ?"_s, {activityId}),
             30);

    // ---- 5. a quote, re-priced at HQ ----
    QCborMap quote = documentArgs(db, co.cash, {{u"RICE"_s, 2}}, SalesDocument::Kind::Quote);
    QCborArray lines = quote.value(u"lines"_s).toArray();
    QCborMap line = lines.at(0).toMap();
    line.insert(u"unit_price"_s, 1);
    lines[0] = line;
    quote.insert(u"lines"_s, lines);
    const PushResponse quoted = push(client, s,
                                     {dev,
                                      {mutation(401, u"quote"_s, quote.value(u"id"_s).toString(),
                                                u"create"_s, hlcAt(50000, dev), quote)}});
    QCOMPARE(quoted.results.size(), 1);
    EXPECT_RESULT(quoted.results.at(0), S::AppliedWithChanges, u"repriced"_s);
    QCOMPARE(db.scalar(u"SELECT doc_number FROM sales_quotes WHERE id = ?"_s,
                       {quote.value(u"id"_s).toString()})
                 ->toString(),
             u"Q-000001"_s);
    QCOMPARE(count(db, u"SELECT unit_price_minor FROM sales_quote_lines WHERE quote_id = ?"_s,
                   {quote.value(u"id"_s).toString()}),
             1999);

    // ---- 6. an order converted from that quote converts it; an unknown source is ignored ----
    const QString quoteId = quote.value(u"id"_s).toString();
    QCborMap fromQuote = documentArgs(db, co.cash, {{u"RICE"_s, 2}});
    fromQuote.insert(u"source_quote"_s, quoteId);
    QCborMap fromUnknown = documentArgs(db, co.cash, {{u"RICE"_s, 1}});
    fromUnknown.insert(u"source_quote"_s, idToString(Uuid7::generate()));
    const QString convertedOrderId = fromQuote.value(u"id"_s).toString();
    const QString strayOrderId = fromUnknown.value(u"id"_s).toString();
    const PushResponse converted = push(
        client, s,
        {dev,
         {mutation(402, u"order"_s, convertedOrderId, u"create"_s, hlcAt(50001, dev), fromQuote),
          mutation(403, u"order"_s, strayOrderId, u"create"_s, hlcAt(50002, dev), fromUnknown)}});
    QCOMPARE(converted.results.size(), 2);
    QVERIFY(converted.results.at(0).status != S::Rejected);
    QVERIFY(converted.results.at(1).status != S::Rejected);
    QCOMPARE(db.scalar(u"SELECT status FROM sales_quotes WHERE id = ?"_s, {quoteId})->toString(),
             u"converted"_s);
    QCOMPARE(db.scalar(u"SELECT converted_order_id FROM sales_quotes WHERE id = ?"_s, {quoteId})
                 ->toString(),
             convertedOrderId);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders WHERE id = ?"_s, {strayOrderId}), 1);

    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(hq.stop(), 0);
}

void tst_SyncPush::badRequestsChangeNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    World w;
    QVERIFY2(w.start(testDb.url()), qPrintable(w.error));
    auto [co, db, hq] = w.parts();
    HttpClient client(hq.url());
    const Session s = login(client, u"phone"_s);
    const Session other = login(client, u"tablet"_s);
    QVERIFY(!s.token.isEmpty() && !other.token.isEmpty() && s.deviceId != other.deviceId);

    const QCborMap args = documentArgs(db, co.cash, {{u"TEA"_s, 1}});
    const PushRequest good {s.deviceId,
                            {mutation(1, u"order"_s, args.value(u"id"_s).toString(), u"create"_s,
                                      hlcAt(1000, s.deviceId), args)}};
    const QByteArray wire = karvan::sync::encode(good);
    auto footprintNow = [&]() -> QString {
        return footprint(db) + u" sync_mutations="_s
            + QString::number(count(db, u"SELECT COUNT(*) FROM sync_mutations"_s));
    };
    const QString before = footprintNow();

    struct Case
    {
        const char *name;
        QByteArray body;
        QByteArray type;
        int status;
        QString code;
        QString token;
    };
    QByteArray oversized(16 * 1024 * 1024 + 1024, 'x');
    oversized.replace(0, 12, wire.left(12));
    const QList<Case> cases {
        {"garbage", "not a karvan message at all", "application/vnd.karvan.sync", 400,
         u"bad_envelope"_s, s.token},
        {"truncated", wire.left(wire.size() - 3), "application/vnd.karvan.sync", 400,
         u"bad_envelope"_s, s.token},
        {"oversized", oversized, "application/vnd.karvan.sync", 413, u"body_too_large"_s, s.token},
        {"wrong message", karvan::sync::encode(karvan::sync::PullRequest {s.deviceId, {}, 0}),
         "application/vnd.karvan.sync", 400, u"wrong_message"_s, s.token},
        {"bad json", "{\"protocol_version\": 1, \"message\": ", "application/json", 400,
         u"malformed"_s, s.token},
        {"another device", wire, "application/vnd.karvan.sync", 403, u"forbidden"_s, other.token},
    };
    for (const Case &c : cases) {
        const HttpReply r = client.send("POST", u"/v1/sync/push"_s, c.body, c.token, c.type);
        QVERIFY2(r.status == c.status, c.name);
        auto error = c.type == "application/json" ? karvan::sync::protocolErrorFromJson(r.body)
                                                  : karvan::sync::decodeProtocolError(r.body);
        QVERIFY2(error.ok(), c.name);
        QVERIFY2(error->code == c.code,
                 qPrintable(u"%1: %2"_s.arg(QLatin1StringView(c.name), error->code)));
        QVERIFY2(!error->message.isEmpty(), c.name);
        QCOMPARE(footprintNow(), before);
    }
    // Another content type: 415.
    const HttpReply text = client.send("POST", u"/v1/sync/push"_s, wire, s.token, "text/plain");
    QCOMPARE(text.status, 415);
    // No token: 401.
    QCOMPARE(
        client.send("POST", u"/v1/sync/push"_s, wire, {}, "application/vnd.karvan.sync").status,
        401);
    QCOMPARE(footprintNow(), before);

    // The JSON form works end to end, and the good request goes through once.
    const HttpReply json = client.send("POST", u"/v1/sync/push"_s, karvan::sync::toJson(good),
                                       s.token, "application/json");
    QCOMPARE(json.status, 200);
    QVERIFY(json.headers.value("content-type").startsWith("application/json"));
    auto decoded = karvan::sync::pushResponseFromJson(json.body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
    QCOMPARE(decoded->results.size(), 1);
    QCOMPARE(decoded->results.at(0).status, S::Applied);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders"_s), 1);
    QCOMPARE(hq.stop(), 0);
}

// Pushes that arrive together are committed together (sync::PushCommitter), and each still gets
// exactly its own results: ten devices push at once, one of them the same push twice (a retry
// that overtook the original), one with a mutation HQ refuses.
void tst_SyncPush::concurrentPushesShareCommits()
{
    KARVAN_TEST_DATABASE(testDb);
    World w;
    // The committer waits up to 400 ms for a batch to fill, so the pushes sent at once below
    // share commits whatever the machine's speed.
    QVERIFY2(w.start(testDb.url(), {{u"KARVAN_HQ_PUSH_GATHER_MS"_s, u"400"_s}}),
             qPrintable(w.error));
    auto [co, db, hq] = w.parts();
    HttpClient client(hq.url());
    const auto metric = [&](const QByteArray &name) -> qint64 {
        const HttpReply r = client.send("GET", u"/metrics"_s);
        for (const QByteArray &line : r.body.split('\n')) {
            if (line.startsWith(QByteArray(name + ' ')))
                return line.mid(name.size() + 1).toLongLong();
        }
        return -1;
    };
    QCOMPARE(metric("karvan_sync_pushes_committed_total"), 0);

    constexpr int Devices = 10;
    QList<Session> sessions;
    QList<PushRequest> pushes;
    QStringList orderIds;
    for (int d = 0; d < Devices; ++d) {
        sessions.append(login(client, u"phone-%1"_s.arg(d)));
        QVERIFY(!sessions.last().token.isEmpty());
        const QUuid dev = sessions.last().deviceId;
        const QCborMap order = documentArgs(db, co.cash, {{u"TEA"_s, 1}});
        orderIds.append(order.value(u"id"_s).toString());
        PushRequest p {
            dev,
            {mutation(1, u"order"_s, orderIds.last(), u"create"_s, hlcAt(1000, dev), order),
             mutation(2, u"customer"_s, co.cash, u"update"_s, hlcAt(1000 + d, dev),
                      {{u"id"_s, co.cash},
                       {u"fields"_s, QCborMap {{u"notes"_s, u"device %1"_s.arg(d)}}}})}};
        if (d == 3) { // refused (unknown customer); the rest of its push and batch go on
            const QCborMap ghost = documentArgs(db, idToString(Uuid7::generate()), {{u"TEA"_s, 1}});
            p.mutations.append(mutation(3, u"order"_s, ghost.value(u"id"_s).toString(), u"create"_s,
                                        hlcAt(1000, dev), ghost));
        }
        pushes.append(p);
    }
    // Device 0's push twice: a retry that arrives before the original was answered.
    QList<std::pair<int, QByteArray>> wires; // device, body
    for (int d = 0; d < Devices; ++d)
        wires.append({d, karvan::sync::encode(pushes.at(d))});
    wires.append({0, karvan::sync::encode(pushes.at(0))});

    // All at once, each on a connection of its own.
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    QList<QNetworkReply *> replies;
    for (const auto &[d, body] : std::as_const(wires)) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        QUrl url = hq.url();
        url.setPath(u"/v1/sync/push"_s);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/vnd.karvan.sync"));
        request.setRawHeader("Authorization", "Bearer " + sessions.at(d).token.toLatin1());
        request.setTransferTimeout(30000);
        replies.append(nams.back()->post(request, body));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                         [](QNetworkReply *r) { return r->isFinished(); }),
                             30000);
    QList<PushResponse> responses;
    for (QNetworkReply *r : std::as_const(replies)) {
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        auto decoded = karvan::sync::decodePushResponse(r->readAll());
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        responses.append(*decoded);
    }

    int replayedOrders = 0;
    for (qsizetype i = 0; i < wires.size(); ++i) {
        const int d = wires.at(i).first;
        const PushResponse &r = responses.at(i);
        QCOMPARE(r.results.size(), pushes.at(d).mutations.size());
        for (qsizetype m = 0; m < r.results.size(); ++m) {
            QCOMPARE(r.results.at(m).mutationId, pushes.at(d).mutations.at(m).mutationId);
            QCOMPARE(r.results.at(m).seq, pushes.at(d).mutations.at(m).seq);
        }
        QVERIFY2(r.results.at(0).status != S::Rejected, qPrintable(describe(r.results.at(0))));
        QCOMPARE(r.results.at(0).entityId, orderIds.at(d));
        QVERIFY(!r.results.at(0).row.isEmpty());
        QVERIFY2(r.results.at(1).status != S::Rejected, qPrintable(describe(r.results.at(1))));
        if (d == 3)
            EXPECT_RESULT(r.results.at(2), S::Rejected, u"not_found"_s);
        replayedOrders += r.results.at(0).replayed ? 1 : 0;
        if (d != 0)
            QVERIFY(!r.results.at(0).replayed);
    }
    QCOMPARE(replayedOrders, 1); // one of device 0's two copies was applied, the other replayed

    // Every order once, every mutation recorded once; the refused one left nothing.
    for (const QString &id : std::as_const(orderIds))
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders WHERE id = ?"_s, {id}), 1);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sales_orders"_s), Devices);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM sync_mutations"_s), 2 * Devices + 1);
    // The customer ends with the latest note by HLC (device 9's), whatever the commit order.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM customers WHERE id = ? AND notes = 'device 9'"_s,
                   {co.cash}),
             1);

    // Eleven pushes, fewer commits.
    QCOMPARE(metric("karvan_sync_pushes_committed_total"), wires.size());
    QCOMPARE(metric("karvan_sync_mutations_committed_total"), 2 * Devices + 1 + 2); // + the retry
    const qint64 commits = metric("karvan_sync_push_commits_total");
    QVERIFY2(commits >= 1 && commits < wires.size(), qPrintable(QString::number(commits)));

    KARVAN_VERIFY_INVARIANTS(db);
    QCOMPARE(hq.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_SyncPush)
#include "tst_syncpush.moc"
