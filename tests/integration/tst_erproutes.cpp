#include "auth/userdirectory.h"
#include "erpfixture.h"
#include "hqserverprocess.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QThread>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

// An id no row has: a well-formed UUIDv7.
const QString Unknown = u"01890000-0000-7000-8000-000000000000"_s;
const QString Sql = u"x'); DROP TABLE customers;--"_s;

// One logged-in user per role; rep covers NORTH only.
struct Tokens
{
    QHash<QString, QString> byRole;
    QString of(const QString &role) const { return byRole.value(role); }
};

const QStringList RoleNames {u"rep"_s,     u"manager"_s, u"warehouse"_s,
                             u"finance"_s, u"admin"_s,   u"kiosk"_s};

} // namespace

// The back office's HTTP API (erproutes*.cpp) against the real karvan-hq, on SQLite and
// PostgreSQL: who may call what, scope, bad input, whole flows and two instances at once.
class tst_ErpRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleMatrix_data() { addBackendColumns(); }
    void roleMatrix();
    void repSeesOwnTerritoriesOnly_data() { addBackendColumns(); }
    void repSeesOwnTerritoriesOnly();
    void badInputChangesNothing_data() { addBackendColumns(); }
    void badInputChangesNothing();
    void orderToCashAndPurchaseFlows_data() { addBackendColumns(); }
    void orderToCashAndPurchaseFlows();
    void twoInstancesTakeOrdersAndPaymentsAtOnce();

private:
    // init, the fixture company (erpfixture.h) and one user per role (password "secret-pw").
    static QString prepare(const QString &url, ErpCompany &co)
    {
        const CliRun init = runHq({u"init"_s, u"--db"_s, url});
        if (init.exitCode != 0)
            return u"init failed: "_s + init.err;
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        if (const QString e = seedCompany(**db, co); !e.isEmpty())
            return e;
        UserDirectory users(**db);
        for (const QString &role : RoleNames) {
            NewUser u;
            u.login = role + u".user"_s;
            u.role = roleFromName(role).value();
            if (role == u"rep"_s)
                u.territories = {u"NORTH"_s};
            if (auto r = users.add(u, u"secret-pw"_s, u"test"_s); !r)
                return r.errorMessage();
        }
        return {};
    }

    static bool login(HttpClient &client, Tokens *tokens)
    {
        for (const QString &role : RoleNames) {
            const HttpReply r = client.postJson(u"/v1/auth/login"_s,
                                                {{u"login"_s, QString(role + u".user"_s)},
                                                 {u"password"_s, u"secret-pw"_s},
                                                 {u"device_name"_s, u"test"_s}});
            if (r.status != 200)
                return false;
            tokens->byRole.insert(role, r.json.value(u"token"_s).toString());
        }
        return true;
    }

    static QString footprintOf(const QString &url)
    {
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        return footprint(**db) + u" customers="_s
            + (*db)->scalar(u"SELECT COUNT(*) FROM customers"_s)->toString() + u" products="_s
            + (*db)->scalar(u"SELECT COUNT(*) FROM products"_s)->toString();
    }

    static QString invariantsOf(const QString &url)
    {
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        auto r = erp::checkInvariants(**db);
        if (!r)
            return r.errorMessage();
        return r->ok ? QString() : r->firstViolation;
    }
};

void tst_ErpRoutes::roleMatrix()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    const QString setup = prepare(testDb.url(), co);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    Tokens tokens;
    QVERIFY(login(client, &tokens));

    // The spec of who may do what (least privilege; postings follow segregation of duties:
    // admin keeps master data, users and imports, not postings). Written here independently
    // of the server's code. Bodies are empty or refer to no row, so an allowed call is refused
    // as bad input and nothing changes.
    struct Case
    {
        QByteArray method;
        QString path;
        QStringList allowed;
    };
    const QStringList all = RoleNames;
    const QStringList customerReaders {u"rep"_s, u"manager"_s, u"finance"_s, u"admin"_s};
    const QStringList orderReaders {u"rep"_s, u"manager"_s, u"warehouse"_s, u"finance"_s,
                                    u"admin"_s};
    QList<Case> cases {
        {"GET", u"/v1/customers"_s, customerReaders},
        {"GET", u"/v1/customers/"_s + co.cash, customerReaders},
        {"POST", u"/v1/customers"_s, {u"manager"_s, u"admin"_s}},
        {"PATCH", u"/v1/customers/"_s + Unknown, {u"manager"_s, u"admin"_s}},
        {"POST", u"/v1/customers/%1/archive"_s.arg(Unknown), {u"manager"_s, u"admin"_s}},
        {"POST", u"/v1/customers/%1/credit-hold"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/customers/%1/credit-limit"_s.arg(Unknown), {u"finance"_s}},
        {"GET",
         u"/v1/alerts"_s,
         {u"rep"_s, u"manager"_s, u"warehouse"_s, u"finance"_s, u"admin"_s}},
        {"POST",
         u"/v1/alerts/%1/resolve"_s.arg(Unknown),
         {u"rep"_s, u"manager"_s, u"warehouse"_s, u"finance"_s, u"admin"_s}},
        {"GET", u"/v1/products"_s, all},
        {"GET", u"/v1/products/TEA"_s, all},
        {"GET",
         u"/v1/warehouses"_s,
         {u"rep"_s, u"manager"_s, u"warehouse"_s, u"finance"_s, u"admin"_s}},
        {"GET", u"/v1/price-lists"_s, customerReaders},
        {"GET", u"/v1/stock"_s, all},
        {"POST", u"/v1/stock/adjustments"_s, {u"warehouse"_s}},
        {"POST", u"/v1/stock/transfers"_s, {u"warehouse"_s}},
        {"POST", u"/v1/orders"_s, {u"rep"_s, u"manager"_s}},
        {"GET", u"/v1/orders"_s, orderReaders},
        {"GET", u"/v1/orders/"_s + Unknown, orderReaders},
        {"POST", u"/v1/orders/%1/approve"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/orders/%1/reject"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/orders/%1/allocate"_s.arg(Unknown), {u"manager"_s, u"warehouse"_s}},
        {"POST", u"/v1/orders/%1/cancel"_s.arg(Unknown), {u"rep"_s, u"manager"_s}},
        {"POST", u"/v1/orders/%1/deliver"_s.arg(Unknown), {u"warehouse"_s}},
        {"POST", u"/v1/orders/%1/invoice"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/payments"_s, {u"finance"_s}},
        {"POST", u"/v1/returns"_s, {u"warehouse"_s, u"finance"_s}},
        {"POST", u"/v1/purchase-orders"_s, {u"manager"_s, u"finance"_s}},
        {"POST", u"/v1/purchase-orders/%1/receive"_s.arg(Unknown), {u"warehouse"_s}},
        {"POST", u"/v1/purchase-orders/%1/bill"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/purchase-orders/%1/pay"_s.arg(Unknown), {u"finance"_s}},
        {"POST", u"/v1/periods/close"_s, {u"finance"_s}},
        {"POST", u"/v1/import/customers"_s, {u"admin"_s}},
    };
    for (const QString &report : {u"trial-balance"_s, u"profit-loss"_s, u"balance-sheet"_s,
                                  u"ar-aging"_s, u"ap-aging"_s, u"stock"_s, u"sales-by-rep"_s})
        cases.append({"GET", u"/v1/reports/"_s + report, {u"manager"_s, u"finance"_s, u"admin"_s}});

    const QString before = footprintOf(testDb.url());
    int allowedCalls = 0;
    for (const Case &c : cases) {
        for (const QString &role : RoleNames) {
            const QByteArray body = c.method == "GET" ? QByteArray() : QByteArray("{}");
            const HttpReply r = client.send(c.method, c.path, body, tokens.of(role));
            const QString what
                = u"%1 %2 as %3 -> %4 %5"_s.arg(QString::fromLatin1(c.method), c.path, role)
                      .arg(r.status)
                      .arg(QString::fromUtf8(r.body.left(200)));
            if (c.allowed.contains(role)) {
                ++allowedCalls;
                QVERIFY2(r.status != 401 && r.status != 403 && r.status != 500 && r.status != 0,
                         qPrintable(what));
                if (c.method == "GET" && !c.path.contains(Unknown))
                    QVERIFY2(r.status == 200, qPrintable(what));
            } else {
                QVERIFY2(r.status == 403 && r.errorCode() == u"forbidden"_s, qPrintable(what));
            }
        }
    }
    QVERIFY(allowedCalls > 60);
    // Without a token every route is 401.
    for (const Case &c : cases)
        QCOMPARE(client.send(c.method, c.path, "{}").status, 401);
    QCOMPARE(footprintOf(testDb.url()), before);
    QCOMPARE(hq.stop(), 0);
}

void tst_ErpRoutes::repSeesOwnTerritoriesOnly()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    const QString setup = prepare(testDb.url(), co);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    Tokens tokens;
    QVERIFY(login(client, &tokens));
    const QString rep = tokens.of(u"rep"_s);

    // A SOUTH order, taken by the manager.
    const HttpReply southOrder = client.postJson(
        u"/v1/orders"_s,
        {{u"customer_id"_s, co.south},
         {u"date"_s, u"2024-02-01"_s},
         {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"RICE"_s}, {u"quantity"_s, 1}}}}},
        tokens.of(u"manager"_s));
    QCOMPARE(southOrder.status, 201);
    const QString southOrderId = southOrder.json[u"order"_s][u"id"_s].toString();

    // The list holds NORTH customers only; the manager sees SOUTH too.
    const HttpReply list = client.send("GET", u"/v1/customers"_s, {}, rep);
    QCOMPARE(list.status, 200);
    QStringList territories;
    for (const QJsonValue &c : list.json[u"customers"_s].toArray())
        territories.append(c[u"territory"_s].toString());
    QVERIFY(!territories.isEmpty());
    QCOMPARE(territories.count(u"NORTH"_s), territories.size());
    const HttpReply all = client.send("GET", u"/v1/customers"_s, {}, tokens.of(u"manager"_s));
    QCOMPARE(all.json[u"customers"_s].toArray().size(), territories.size() + 1);

    for (const QString &path :
         QStringList {u"/v1/customers/"_s + co.south, u"/v1/customers?territory=SOUTH"_s,
                      u"/v1/orders/"_s + southOrderId}) {
        const HttpReply r = client.send("GET", path, {}, rep);
        QVERIFY2(r.status == 403 && r.errorCode() == u"out_of_scope"_s, qPrintable(path));
    }
    // Nor order for, or cancel an order of, a SOUTH customer.
    HttpReply r = client.postJson(
        u"/v1/orders"_s,
        {{u"customer_id"_s, co.south},
         {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"RICE"_s}, {u"quantity"_s, 1}}}}},
        rep);
    QCOMPARE(r.errorCode(), u"out_of_scope"_s);
    r = client.postJson(u"/v1/orders/%1/cancel"_s.arg(southOrderId), {{u"reason"_s, u"no"_s}}, rep);
    QCOMPARE(r.errorCode(), u"out_of_scope"_s);
    QCOMPARE(client.send("GET", u"/v1/orders/"_s + southOrderId, {}, tokens.of(u"manager"_s))
                 .json[u"order"_s][u"status"_s]
                 .toString(),
             southOrder.json[u"order"_s][u"status"_s].toString());
    // Its own: fine, and its order list has no SOUTH order.
    QCOMPARE(client.send("GET", u"/v1/customers/"_s + co.cash, {}, rep).status, 200);
    const HttpReply orders = client.send("GET", u"/v1/orders"_s, {}, rep);
    QCOMPARE(orders.status, 200);
    QVERIFY(!orders.body.contains(southOrderId.toLatin1()));
    QCOMPARE(hq.stop(), 0);
}

void tst_ErpRoutes::badInputChangesNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    const QString setup = prepare(testDb.url(), co);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    Tokens tokens;
    QVERIFY(login(client, &tokens));
    const QString before = footprintOf(testDb.url());
    const QString trialBefore = QString::fromUtf8(
        client.send("GET", u"/v1/reports/trial-balance"_s, {}, tokens.of(u"finance"_s)).body);

    struct Route
    {
        QString role;
        QByteArray method;
        QString path;
        QJsonObject valid; // a well-formed body whose ids do not exist or whose values are bad
    };
    const QJsonArray lines {QJsonObject {{u"sku"_s, u"TEA"_s}, {u"quantity"_s, 1}}};
    const QList<Route> routes {
        {u"manager"_s,
         "POST",
         u"/v1/customers"_s,
         {{u"name"_s, u"N"_s},
          {u"territory"_s, u"NORTH"_s},
          {u"tax_region"_s, u"N"_s},
          {u"currency"_s, u"XXX"_s}}},
        {u"manager"_s, "PATCH", u"/v1/customers/"_s + Unknown, {{u"name"_s, u"N"_s}}},
        {u"manager"_s, "POST", u"/v1/customers/%1/archive"_s.arg(Unknown), {}},
        {u"finance"_s, "POST", u"/v1/customers/%1/credit-hold"_s.arg(Unknown), {{u"hold"_s, true}}},
        {u"warehouse"_s,
         "POST",
         u"/v1/stock/adjustments"_s,
         {{u"sku"_s, Sql}, {u"warehouse"_s, u"WH1"_s}, {u"quantity"_s, 1}, {u"reason"_s, u"x"_s}}},
        {u"warehouse"_s,
         "POST",
         u"/v1/stock/transfers"_s,
         {{u"sku"_s, u"TEA"_s}, {u"from"_s, u"WH1"_s}, {u"to"_s, Sql}, {u"quantity"_s, 1}}},
        {u"rep"_s, "POST", u"/v1/orders"_s, {{u"customer_id"_s, Unknown}, {u"lines"_s, lines}}},
        {u"finance"_s, "POST", u"/v1/orders/%1/approve"_s.arg(Unknown), {}},
        {u"finance"_s, "POST", u"/v1/orders/%1/reject"_s.arg(Unknown), {{u"reason"_s, u"r"_s}}},
        {u"warehouse"_s, "POST", u"/v1/orders/%1/allocate"_s.arg(Unknown), {}},
        {u"manager"_s, "POST", u"/v1/orders/%1/cancel"_s.arg(Unknown), {{u"reason"_s, u"r"_s}}},
        {u"warehouse"_s, "POST", u"/v1/orders/%1/deliver"_s.arg(Unknown), {}},
        {u"finance"_s, "POST", u"/v1/orders/%1/invoice"_s.arg(Unknown), {}},
        {u"finance"_s,
         "POST",
         u"/v1/payments"_s,
         {{u"customer_id"_s, Unknown}, {u"amount"_s, u"10.00"_s}, {u"method"_s, u"cash"_s}}},
        {u"finance"_s,
         "POST",
         u"/v1/returns"_s,
         {{u"invoice_id"_s, Unknown},
          {u"lines"_s, QJsonArray {QJsonObject {{u"line_no"_s, 1}, {u"quantity"_s, 1}}}}}},
        {u"finance"_s,
         "POST",
         u"/v1/purchase-orders"_s,
         {{u"vendor_id"_s, Unknown},
          {u"warehouse"_s, u"WH1"_s},
          {u"lines"_s,
           QJsonArray {
               QJsonObject {{u"sku"_s, u"TEA"_s}, {u"quantity"_s, 1}, {u"unit_cost"_s, u"1"_s}}}}}},
        {u"warehouse"_s, "POST", u"/v1/purchase-orders/%1/receive"_s.arg(Unknown), {}},
        {u"finance"_s, "POST", u"/v1/purchase-orders/%1/bill"_s.arg(Unknown), {}},
        {u"finance"_s,
         "POST",
         u"/v1/purchase-orders/%1/pay"_s.arg(Unknown),
         {{u"amount"_s, u"1.00"_s}}},
        {u"finance"_s, "POST", u"/v1/periods/close"_s, {{u"month"_s, Sql}}},
    };
    const QByteArray oversized = "{\"name\": \"" + QByteArray((1 << 20) + 1024, 'a') + "\"}";
    for (const Route &route : routes) {
        const QString token = tokens.of(route.role);
        const QString what = QString::fromLatin1(route.method) + u' ' + route.path;
        // The well-formed body: refused (unknown id or bad value) with a clear message.
        HttpReply r = client.send(route.method, route.path,
                                  QJsonDocument(route.valid).toJson(QJsonDocument::Compact), token);
        QVERIFY2(r.status >= 400 && r.status < 500,
                 qPrintable(what + u" valid: "_s + QString::fromUtf8(r.body)));
        QVERIFY2(!r.json[u"error"_s][u"message"_s].toString().isEmpty(), qPrintable(what));
        // Malformed JSON, a JSON array, wrong types, unknown fields, an oversized body.
        r = client.send(route.method, route.path, "{\"name\": ", token);
        QVERIFY2(r.status == 400 && r.errorCode() == u"malformed_json"_s, qPrintable(what));
        r = client.send(route.method, route.path, "[1, 2]", token);
        QVERIFY2(r.status == 400, qPrintable(what));
        QJsonObject wrong = route.valid;
        for (auto it = wrong.begin(); it != wrong.end(); ++it)
            *it = QJsonValue(QJsonArray {1});
        if (!wrong.isEmpty()) {
            r = client.send(route.method, route.path,
                            QJsonDocument(wrong).toJson(QJsonDocument::Compact), token);
            QVERIFY2(r.status == 400 && r.errorCode() == u"wrong_type"_s,
                     qPrintable(what + u" wrong types: "_s + QString::fromUtf8(r.body)));
        }
        r = client.send(route.method, route.path, "{\"no_such_field\": 1}", token);
        QVERIFY2(r.status == 400 || r.status == 404, qPrintable(what));
        r = client.send(route.method, route.path, oversized, token);
        QVERIFY2(r.status == 413, qPrintable(what + u" oversized: %1"_s.arg(r.status)));
    }
    // SQL metacharacters in ids, query strings and values reach no SQL as text.
    for (const QString &path : QStringList {
             u"/v1/customers/"_s + QString::fromLatin1(QUrl::toPercentEncoding(Sql)),
             u"/v1/customers?search="_s + QString::fromLatin1(QUrl::toPercentEncoding(Sql)),
             u"/v1/products/"_s + QString::fromLatin1(QUrl::toPercentEncoding(Sql)),
             u"/v1/stock?sku="_s + QString::fromLatin1(QUrl::toPercentEncoding(Sql))}) {
        const HttpReply r = client.send("GET", path, {}, tokens.of(u"manager"_s));
        QVERIFY2(r.status == 404 || r.status == 200, qPrintable(path));
        if (r.status == 200)
            QVERIFY2(!r.body.contains("DROP"), qPrintable(path));
    }
    HttpReply r = client.postJson(
        u"/v1/orders"_s,
        {{u"customer_id"_s, co.cash},
         {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, Sql}, {u"quantity"_s, 1}}}}},
        tokens.of(u"rep"_s));
    QVERIFY2(r.status == 404 || r.status == 422, r.body.constData());
    // Amounts that are not money: fractions beyond the currency, floats, negative.
    for (const QJsonValue &amount :
         {QJsonValue(u"1.005"_s), QJsonValue(1.5), QJsonValue(u"-3.00"_s), QJsonValue(u"1e3"_s)}) {
        r = client.postJson(
            u"/v1/payments"_s,
            {{u"customer_id"_s, co.cash}, {u"amount"_s, amount}, {u"method"_s, u"cash"_s}},
            tokens.of(u"finance"_s));
        QVERIFY2(r.status == 400 || r.status == 422, r.body.constData());
    }
    QCOMPARE(footprintOf(testDb.url()), before);
    QCOMPARE(
        QString::fromUtf8(
            client.send("GET", u"/v1/reports/trial-balance"_s, {}, tokens.of(u"finance"_s)).body),
        trialBefore);

    // A name full of SQL is just a name: stored verbatim, the table still there.
    r = client.postJson(u"/v1/customers"_s,
                        {{u"name"_s, Sql},
                         {u"territory"_s, u"NORTH"_s},
                         {u"tax_region"_s, u"N"_s},
                         {u"currency"_s, u"USD"_s}},
                        tokens.of(u"manager"_s));
    QCOMPARE(r.status, 201);
    const QString id = r.json[u"customer"_s][u"id"_s].toString();
    r = client.send("GET", u"/v1/customers/"_s + id, {}, tokens.of(u"rep"_s));
    QCOMPARE(r.json[u"customer"_s][u"name"_s].toString(), Sql);
    QCOMPARE(hq.stop(), 0);
}

void tst_ErpRoutes::orderToCashAndPurchaseFlows()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    const QString setup = prepare(testDb.url(), co);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    Tokens tokens;
    QVERIFY(login(client, &tokens));
    const QString day = u"2024-02-05"_s;

    // Order (rep) -> deliver (warehouse) -> invoice (finance) -> part payment (finance).
    HttpReply r = client.postJson(
        u"/v1/orders"_s,
        {{u"customer_id"_s, co.cash},
         {u"date"_s, day},
         {u"lines"_s,
          QJsonArray {QJsonObject {{u"sku"_s, u"TEA"_s}, {u"quantity"_s, u"10"_s}},
                      QJsonObject {{u"sku"_s, u"RICE"_s}, {u"quantity"_s, 2}}}}},
        tokens.of(u"rep"_s));
    QCOMPARE(r.status, 201);
    const QJsonObject order = r.json[u"order"_s].toObject();
    QCOMPARE(order[u"status"_s].toString(), u"confirmed"_s);
    const QString orderId = order[u"id"_s].toString();
    // 10 x 3.33 + 2 x 19.99 = 73.28 net, 18 % VAT on top in region N.
    QCOMPARE(order[u"net"_s][u"minor"_s].toInteger(), 7328);
    QCOMPARE(order[u"total"_s][u"minor"_s].toInteger(), 7328 + 1319);
    QVERIFY(invariantsOf(testDb.url()).isEmpty());

    r = client.postJson(u"/v1/orders/%1/deliver"_s.arg(orderId), {{u"date"_s, day}},
                        tokens.of(u"warehouse"_s));
    QCOMPARE(r.status, 201);
    r = client.postJson(u"/v1/orders/%1/invoice"_s.arg(orderId), {{u"date"_s, day}},
                        tokens.of(u"finance"_s));
    QCOMPARE(r.status, 201);
    const QString invoiceId = r.json[u"invoice_id"_s].toString();
    r = client.postJson(u"/v1/payments"_s,
                        {{u"customer_id"_s, co.cash},
                         {u"amount"_s, u"50.00"_s},
                         {u"method"_s, u"transfer"_s},
                         {u"date"_s, day},
                         {u"invoice_id"_s, invoiceId}},
                        tokens.of(u"finance"_s));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json[u"invoice_open"_s][u"minor"_s].toInteger(), 7328 + 1319 - 5000);
    QVERIFY2(invariantsOf(testDb.url()).isEmpty(), qPrintable(invariantsOf(testDb.url())));

    // A return of 2 TEA from that invoice.
    r = client.postJson(
        u"/v1/returns"_s,
        {{u"invoice_id"_s, invoiceId},
         {u"date"_s, day},
         {u"lines"_s, QJsonArray {QJsonObject {{u"line_no"_s, 1}, {u"quantity"_s, 2}}}}},
        tokens.of(u"warehouse"_s));
    QCOMPARE(r.status, 201);
    QVERIFY2(invariantsOf(testDb.url()).isEmpty(), qPrintable(invariantsOf(testDb.url())));

    // Credit hold: Tight Ltd (limit 100.00) orders 10 RICE; finance approves.
    r = client.postJson(
        u"/v1/orders"_s,
        {{u"customer_id"_s, co.tight},
         {u"date"_s, day},
         {u"lines"_s, QJsonArray {QJsonObject {{u"sku"_s, u"RICE"_s}, {u"quantity"_s, 10}}}}},
        tokens.of(u"rep"_s));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json[u"order"_s][u"status"_s].toString(), u"credit_hold"_s);
    const QString held = r.json[u"order"_s][u"id"_s].toString();
    r = client.postJson(u"/v1/orders/%1/approve"_s.arg(held), {{u"note"_s, u"known customer"_s}},
                        tokens.of(u"finance"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[u"order"_s][u"status"_s].toString(), u"confirmed"_s);

    // Purchase to pay: PO (manager), receipt (warehouse), bill and payment (finance).
    r = client.postJson(
        u"/v1/purchase-orders"_s,
        {{u"vendor_id"_s, co.vendor},
         {u"warehouse"_s, u"WH1"_s},
         {u"date"_s, day},
         {u"lines"_s,
          QJsonArray {QJsonObject {
              {u"sku"_s, u"OIL"_s}, {u"quantity"_s, 20}, {u"unit_cost"_s, u"3.10"_s}}}}},
        tokens.of(u"manager"_s));
    QCOMPARE(r.status, 201);
    const QString po = r.json[u"purchase_order_id"_s].toString();
    QCOMPARE(client
                 .postJson(u"/v1/purchase-orders/%1/receive"_s.arg(po), {{u"date"_s, day}},
                           tokens.of(u"warehouse"_s))
                 .status,
             201);
    r = client.postJson(u"/v1/purchase-orders/%1/bill"_s.arg(po),
                        {{u"date"_s, day}, {u"tax"_s, u"6.20"_s}}, tokens.of(u"finance"_s));
    QCOMPARE(r.status, 201);
    const QString bill = r.json[u"bill_id"_s].toString();
    QCOMPARE(client
                 .postJson(u"/v1/purchase-orders/%1/pay"_s.arg(po),
                           {{u"date"_s, day}, {u"amount"_s, u"68.20"_s}, {u"bill_id"_s, bill}},
                           tokens.of(u"finance"_s))
                 .status,
             201);
    QVERIFY2(invariantsOf(testDb.url()).isEmpty(), qPrintable(invariantsOf(testDb.url())));

    // Stock: the warehouse adjusts and transfers; a kiosk reads stock without values.
    auto wh2Tea = [&] {
        const HttpReply s
            = client.send("GET", u"/v1/stock?sku=TEA&warehouse=WH2"_s, {}, tokens.of(u"kiosk"_s));
        return s.json[u"stock"_s].toArray();
    };
    const qint64 wh2Before = wh2Tea().at(0)[u"on_hand_milli"_s].toInteger();
    QCOMPARE(client
                 .postJson(u"/v1/stock/transfers"_s,
                           {{u"sku"_s, u"TEA"_s},
                            {u"from"_s, u"WH1"_s},
                            {u"to"_s, u"WH2"_s},
                            {u"quantity"_s, 5},
                            {u"date"_s, day}},
                           tokens.of(u"warehouse"_s))
                 .status,
             201);
    QCOMPARE(client
                 .postJson(u"/v1/stock/adjustments"_s,
                           {{u"sku"_s, u"RICE"_s},
                            {u"warehouse"_s, u"WH1"_s},
                            {u"quantity"_s, u"-1"_s},
                            {u"reason"_s, u"broken bag"_s},
                            {u"date"_s, day}},
                           tokens.of(u"warehouse"_s))
                 .status,
             201);
    const QJsonArray tea = wh2Tea();
    QCOMPARE(tea.size(), 1);
    QCOMPARE(tea.at(0)[u"on_hand_milli"_s].toInteger(), wh2Before + 5000);
    QVERIFY(!tea.at(0).toObject().contains(u"value_minor"_s));

    // Period close refuses a late posting in the closed month.
    r = client.postJson(u"/v1/periods/close"_s, {{u"month"_s, u"2024-02"_s}},
                        tokens.of(u"finance"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[u"closed_through"_s].toString(), u"2024-02"_s);
    const QString beforeLate = footprintOf(testDb.url());
    r = client.postJson(u"/v1/payments"_s,
                        {{u"customer_id"_s, co.cash},
                         {u"amount"_s, u"1.00"_s},
                         {u"method"_s, u"cash"_s},
                         {u"date"_s, u"2024-02-20"_s}},
                        tokens.of(u"finance"_s));
    QVERIFY2(r.status >= 400 && r.status < 500, r.body.constData());
    QCOMPARE(footprintOf(testDb.url()), beforeLate);

    // Reports: JSON and CSV; the trial balance balances.
    r = client.send("GET", u"/v1/reports/trial-balance?as_of=2024-12-31"_s, {},
                    tokens.of(u"finance"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[u"report"_s].toString(), u"trial-balance"_s);
    r = client.send("GET", u"/v1/reports/ar-aging?format=csv"_s, {}, tokens.of(u"manager"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/csv"));
    QVERIFY(r.body.contains(','));
    QVERIFY2(invariantsOf(testDb.url()).isEmpty(), qPrintable(invariantsOf(testDb.url())));
    QCOMPARE(hq.stop(), 0);
    QCOMPARE(runHq({u"audit"_s, u"verify"_s, u"--db"_s, testDb.url()}).exitCode, 0);
}

void tst_ErpRoutes::twoInstancesTakeOrdersAndPaymentsAtOnce()
{
    TestDatabase testDb(u"postgresql"_s);
    QVERIFY2(testDb.ok(), qPrintable(testDb.error()));
    ErpCompany co;
    const QString setup = prepare(testDb.url(), co);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    HqServerProcess a;
    HqServerProcess b;
    QVERIFY2(a.start(testDb.url()), qPrintable(a.error()));
    QVERIFY2(b.start(testDb.url()), qPrintable(b.error()));
    Tokens tokens;
    {
        HttpClient client(a.url());
        QVERIFY(login(client, &tokens));
    }
    // Each instance gets orders from the rep and payments from finance, from two threads at
    // once; orders compete for the same 30 RICE.
    constexpr int PerThread = 12;
    QAtomicInteger<int> created = 0;
    QAtomicInteger<int> paid = 0;
    QAtomicInteger<int> failures = 0;
    QList<QThread *> threads;
    for (const QUrl &url : {a.url(), b.url()}) {
        threads.append(QThread::create([&, url] {
            HttpClient client(url);
            for (int i = 0; i < PerThread; ++i) {
                const HttpReply r = client.postJson(
                    u"/v1/orders"_s,
                    {{u"customer_id"_s, co.cash},
                     {u"date"_s, u"2024-03-01"_s},
                     {u"lines"_s,
                      QJsonArray {QJsonObject {{u"sku"_s, u"RICE"_s}, {u"quantity"_s, 2}}}}},
                    tokens.of(u"rep"_s));
                if (r.status == 201)
                    created.fetchAndAddRelaxed(1);
                else if (failures.fetchAndAddRelaxed(1) == 0)
                    qWarning("order refused: %d %s", r.status, r.body.constData());
            }
        }));
        threads.append(QThread::create([&, url] {
            HttpClient client(url);
            for (int i = 0; i < PerThread; ++i) {
                const HttpReply r = client.postJson(u"/v1/payments"_s,
                                                    {{u"customer_id"_s, co.cash},
                                                     {u"amount"_s, u"1.25"_s},
                                                     {u"method"_s, u"cash"_s},
                                                     {u"date"_s, u"2024-03-01"_s}},
                                                    tokens.of(u"finance"_s));
                if (r.status == 201)
                    paid.fetchAndAddRelaxed(1);
                else if (failures.fetchAndAddRelaxed(1) == 0)
                    qWarning("payment refused: %d %s", r.status, r.body.constData());
            }
        }));
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(120000));
        delete t;
    }
    // Stopped first: their whole logs are read then.
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
    QByteArray errors;
    for (const QByteArray &line : a.log().split('\n') + b.log().split('\n')) {
        if (line.contains("\"status\":5") && errors.size() < 2000)
            errors += line + '\n';
    }
    QVERIFY2(failures.loadRelaxed() == 0, errors.constData());
    QCOMPARE(created.loadRelaxed(), 2 * PerThread);
    QCOMPARE(paid.loadRelaxed(), 2 * PerThread);
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QCOMPARE((*db)->scalar(u"SELECT COUNT(*) FROM sales_orders"_s)->toInt(), 2 * PerThread);
    QCOMPARE((*db)->scalar(u"SELECT COUNT(*) FROM payments"_s)->toInt(), 2 * PerThread);
    // 30 RICE on hand: never more than that reserved, whatever the interleaving.
    QCOMPARE((*db)->scalar(u"SELECT reserved_milli FROM stock WHERE sku = 'RICE'"_s)->toLongLong(),
             30000);
    KARVAN_VERIFY_INVARIANTS(**db);
}

QTEST_GUILESS_MAIN(tst_ErpRoutes)
#include "tst_erproutes.moc"
