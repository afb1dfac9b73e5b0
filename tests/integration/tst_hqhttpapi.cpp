#include "hqserverprocess.h"
#include "storage/database.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

// The real karvan-hq serving its HTTP API on 127.0.0.1, on SQLite and PostgreSQL.
class tst_HqHttpApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthAndMetrics_data() { addBackendColumns(); }
    void healthAndMetrics();
    void loginTokensAndRevocation_data() { addBackendColumns(); }
    void loginTokensAndRevocation();
    void throttlesAfterFiveFailures_data() { addBackendColumns(); }
    void throttlesAfterFiveFailures();
    void badRequestsChangeNothing_data() { addBackendColumns(); }
    void badRequestsChangeNothing();
    void servesTls_data() { addBackendColumns(); }
    void servesTls();
    void clientsLeavingMidRequest_data() { addBackendColumns(); }
    void clientsLeavingMidRequest();
    void refusesPublicAddressWithoutTls();
    void twoInstancesShareOneDatabase();

private:
    // init + users: rep.one (rep, T1), rep.two (rep, T2), boss (admin), mgr (manager).
    static bool prepare(const QString &url)
    {
        if (runHq({u"init"_s, u"--db"_s, url}).exitCode != 0)
            return false;
        const QList<QStringList> users {{u"rep.one"_s, u"rep"_s, u"T1"_s},
                                        {u"rep.two"_s, u"rep"_s, u"T2"_s},
                                        {u"boss"_s, u"admin"_s},
                                        {u"mgr"_s, u"manager"_s, u"T1"_s}};
        for (const QStringList &u : users) {
            QStringList args {u"user"_s,    u"add"_s, u"--db"_s,   url,
                              u"--login"_s, u.at(0),  u"--role"_s, u.at(1)};
            if (u.size() > 2)
                args += {u"--territory"_s, u.at(2)};
            if (runHq(args, "secret-pw\n").exitCode != 0)
                return false;
        }
        return true;
    }

    static QJsonObject loginBody(const QString &login, const QString &password,
                                 const QString &device = u"phone"_s)
    {
        return {{u"login"_s, login}, {u"password"_s, password}, {u"device_name"_s, device}};
    }

    static qint64 count(const QString &url, const QString &table)
    {
        auto db = Database::open(url);
        if (!db)
            return -1;
        auto n = (*db)->scalar(u"SELECT COUNT(*) FROM "_s + table);
        return n ? n->toLongLong() : -1;
    }
};

void tst_HqHttpApi::healthAndMetrics()
{
    KARVAN_TEST_DATABASE(testDb);
    QVERIFY(prepare(testDb.url()));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    QCOMPARE(hq.url().scheme(), u"http"_s);
    HttpClient client(hq.url());

    const HttpReply health = client.send("GET", u"/health"_s);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json, (QJsonObject {{u"status"_s, u"ok"_s}, {u"db"_s, u"ok"_s}}));

    const HttpReply metrics = client.send("GET", u"/metrics"_s);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.headers.value("content-type").startsWith("text/plain"));
    const QString text = QString::fromUtf8(metrics.body);
    QVERIFY2(
        text.contains(
            u"karvan_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"} 1"_s),
        qPrintable(text));
    QVERIFY(text.contains(u"karvan_http_request_duration_seconds_bucket{method=\"GET\","
                          "route=\"/health\",le=\"+Inf\"} 1"_s));
    QVERIFY(text.contains(u"karvan_db_pool_threads 4"_s));
    QVERIFY(text.contains(u"process_uptime_seconds "_s));

    QCOMPARE(hq.stop(), 0);
    // One JSON line per request.
    const QList<QByteArray> lines = hq.log().split('\n');
    int requests = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(u"path"_s)) {
            ++requests;
            QVERIFY(o.contains(u"status"_s) && o.contains(u"ms"_s) && o.contains(u"method"_s));
        }
    }
    QCOMPARE(requests, 2);
}

void tst_HqHttpApi::loginTokensAndRevocation()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QVERIFY(prepare(url));
    HqServerProcess hq;
    QVERIFY2(hq.start(url), qPrintable(hq.error()));
    HttpClient client(hq.url());

    // Right password: a token, the device and the user.
    const HttpReply ok
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"Rep.One"_s, u"secret-pw"_s));
    QCOMPARE(ok.status, 200);
    const QString token = ok.json.value(u"token"_s).toString();
    const QString deviceId = ok.json.value(u"device_id"_s).toString();
    QCOMPARE(token.size(), 43);
    QCOMPARE(deviceId.size(), 36);
    const QJsonObject user = ok.json.value(u"user"_s).toObject();
    QCOMPARE(user.value(u"login"_s).toString(), u"rep.one"_s);
    QCOMPARE(user.value(u"role"_s).toString(), u"rep"_s);
    QCOMPARE(user.value(u"territories"_s).toArray(), QJsonArray {u"T1"_s});
    QVERIFY(user.contains(u"store"_s));

    // Wrong password and unknown login: the same answer.
    const HttpReply wrong
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.one"_s, u"nope"_s));
    const HttpReply unknown
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"nobody"_s, u"secret-pw"_s));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
    QCOMPARE(unknown.status, wrong.status);
    QCOMPARE(unknown.body, wrong.body);

    // The token works; no token or a forged one does not.
    const HttpReply me = client.send("GET", u"/v1/me"_s, {}, token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(u"device"_s).toObject().value(u"id"_s).toString(), deviceId);
    QCOMPARE(client.send("GET", u"/v1/me"_s).errorCode(), u"unauthenticated"_s);
    const HttpReply forged = client.send("GET", u"/v1/me"_s, {}, QString(43, u'A'));
    QCOMPARE(forged.status, 401);
    QCOMPARE(forged.errorCode(), u"invalid_token"_s);

    // Only the hash is stored; neither token nor password reach the audit trail or the log.
    {
        auto db = Database::open(url);
        QVERIFY(db.ok());
        auto stored = (*db)->scalar(u"SELECT token_hash FROM devices WHERE id = ?"_s, {deviceId});
        QVERIFY(stored.ok());
        QCOMPARE(stored->toString().size(), 64);
        QVERIFY(stored->toString() != token);
        auto audit = (*db)->exec(u"SELECT action, COALESCE(before, ''), COALESCE(after, '') "
                                 "FROM audit_log"_s);
        QVERIFY(audit.ok());
        QStringList actions;
        while (audit.value().next()) {
            actions.append(audit.value().value(0).toString());
            const QString text
                = audit.value().value(1).toString() + audit.value().value(2).toString();
            QVERIFY(!text.contains(token) && !text.contains(u"secret-pw"_s)
                    && !text.contains(u"nope"_s));
        }
        QVERIFY(actions.contains(u"auth.login"_s));
        QVERIFY(actions.contains(u"device.enroll"_s));
        QCOMPARE(actions.count(u"auth.login_failed"_s), 2);
    }

    // A rep cannot list or revoke devices.
    const HttpReply two
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.two"_s, u"secret-pw"_s));
    QCOMPARE(two.status, 200);
    const QString tokenTwo = two.json.value(u"token"_s).toString();
    const QString deviceTwo = two.json.value(u"device_id"_s).toString();
    const HttpReply repRevoke
        = client.send("POST", u"/v1/devices/%1/revoke"_s.arg(deviceTwo), {}, token);
    QCOMPARE(repRevoke.status, 403);
    QCOMPARE(repRevoke.errorCode(), u"forbidden"_s);
    QCOMPARE(client.send("GET", u"/v1/devices"_s, {}, token).status, 403);
    QCOMPARE(client.send("GET", u"/v1/me"_s, {}, tokenTwo).status, 200);

    // The admin lists and revokes; the revoked device is told to wipe.
    const HttpReply boss
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"boss"_s, u"secret-pw"_s, u"desk"_s));
    const QString adminToken = boss.json.value(u"token"_s).toString();
    const HttpReply devices = client.send("GET", u"/v1/devices"_s, {}, adminToken);
    QCOMPARE(devices.status, 200);
    QCOMPARE(devices.json.value(u"devices"_s).toArray().size(), 3);
    const HttpReply revoked
        = client.send("POST", u"/v1/devices/%1/revoke"_s.arg(deviceTwo), {}, adminToken);
    QCOMPARE(revoked.status, 200);
    QVERIFY(!revoked.json.value(u"device"_s).toObject().value(u"revoked_at"_s).isNull());
    const HttpReply wiped = client.send("GET", u"/v1/me"_s, {}, tokenTwo);
    QCOMPARE(wiped.status, 401);
    QCOMPARE(wiped.errorCode(), u"device_revoked"_s);
    QCOMPARE(wiped.json.value(u"error"_s).toObject().value(u"wipe"_s).toBool(), true);
    QCOMPARE(client.send("POST", u"/v1/devices/%1/revoke"_s.arg(deviceTwo), {}, adminToken).status,
             409);

    // Logout revokes the caller's own device.
    QCOMPARE(client.send("POST", u"/v1/auth/logout"_s, {}, token).status, 200);
    QCOMPARE(client.send("GET", u"/v1/me"_s, {}, token).errorCode(), u"device_revoked"_s);

    QCOMPARE(hq.stop(), 0);
    const QByteArray log = hq.log();
    QVERIFY(!log.contains(token.toLatin1()) && !log.contains("secret-pw"));
    QVERIFY(log.contains("\"user\":\"rep.one\""));
    const CliRun verify = runHq({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
}

void tst_HqHttpApi::throttlesAfterFiveFailures()
{
    KARVAN_TEST_DATABASE(testDb);
    QVERIFY(prepare(testDb.url()));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.one"_s, u"bad"_s)).status,
                 401);
    // Now even the right password waits.
    const HttpReply limited
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.one"_s, u"secret-pw"_s));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), u"too_many_attempts"_s);
    QVERIFY(limited.headers.value("retry-after").toInt() > 0);
    // Other logins are not affected.
    QCOMPARE(client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.two"_s, u"secret-pw"_s)).status,
             200);
    QCOMPARE(count(testDb.url(), u"login_failures"_s), 5);
    QCOMPARE(count(testDb.url(), u"devices"_s), 1);
}

void tst_HqHttpApi::badRequestsChangeNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QVERIFY(prepare(url));
    HqServerProcess hq;
    QVERIFY2(hq.start(url), qPrintable(hq.error()));
    HttpClient client(hq.url());
    const HttpReply boss
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"boss"_s, u"secret-pw"_s));
    QCOMPARE(boss.status, 200);
    const QString adminToken = boss.json.value(u"token"_s).toString();
    const QStringList tables {u"devices"_s, u"audit_log"_s, u"login_failures"_s, u"users"_s};
    QList<qint64> before;
    for (const QString &t : tables)
        before.append(count(url, t));

    struct Case
    {
        const char *name;
        QByteArray method;
        QString path;
        QByteArray body;
        QByteArray contentType;
        int status;
        QString code;
    };
    const QByteArray big = "{\"login\":\"" + QByteArray(2 << 20, 'a') + "\"}";
    const QList<Case> cases {
        {"malformed", "POST", u"/v1/auth/login"_s, "{\"login\": ", "application/json", 400,
         u"malformed_json"_s},
        {"not an object", "POST", u"/v1/auth/login"_s, "[1,2]", "application/json", 400,
         u"malformed_json"_s},
        {"wrong type", "POST", u"/v1/auth/login"_s,
         "{\"login\":5,\"password\":\"x\",\"device_name\":\"p\"}", "application/json", 400,
         u"wrong_type"_s},
        {"missing field", "POST", u"/v1/auth/login"_s, "{\"login\":\"boss\",\"device_name\":\"p\"}",
         "application/json", 400, u"missing_field"_s},
        {"content type", "POST", u"/v1/auth/login"_s, "login=boss", "text/plain", 415,
         u"unsupported_media_type"_s},
        {"oversized", "POST", u"/v1/auth/login"_s, big, "application/json", 413,
         u"payload_too_large"_s},
        {"sql in login", "POST", u"/v1/auth/login"_s,
         "{\"login\":\"x' OR '1'='1'; DROP TABLE users; --\",\"password\":\"p\","
         "\"device_name\":\"p\"}",
         "application/json", 422, u"invalid_value"_s},
        {"bad device id", "POST", u"/v1/auth/login"_s,
         "{\"login\":\"boss\",\"password\":\"secret-pw\",\"device_name\":\"p\",\"device_id\":\"'; "
         "--\"}",
         "application/json", 422, u"invalid_value"_s},
        {"unknown route", "GET", u"/v1/nothing/here"_s, {}, {}, 404, u"not_found"_s},
        {"wrong method", "GET", u"/v1/auth/login"_s, {}, {}, 405, u"method_not_allowed"_s},
    };
    for (const Case &c : cases) {
        const HttpReply r = client.send(c.method, c.path, c.body, {}, c.contentType);
        QVERIFY2(r.status == c.status,
                 qPrintable(u"%1: %2 %3"_s.arg(QLatin1String(c.name))
                                .arg(r.status)
                                .arg(QString::fromUtf8(r.body.left(300)))));
        QVERIFY2(r.errorCode() == c.code, c.name);
        QVERIFY2(!r.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty(),
                 c.name);
    }
    const HttpReply notAllowed = client.send("GET", u"/v1/auth/login"_s);
    QCOMPARE(notAllowed.headers.value("allow"), "POST");
    const HttpReply unknownDevice
        = client.send("POST", u"/v1/devices/x'%20OR%201=1/revoke"_s, {}, adminToken);
    QCOMPARE(unknownDevice.status, 404);

    // A body announced far above every limit is refused before it is read.
    QTcpSocket raw;
    raw.connectToHost(hq.url().host(), quint16(hq.url().port()));
    QVERIFY(raw.waitForConnected(5000));
    raw.write("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Content-Length: 1000000000\r\n\r\n{");
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && raw.waitForReadyRead(5000))
        answer += raw.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());

    for (qsizetype i = 0; i < tables.size(); ++i)
        QCOMPARE(count(url, tables.at(i)), before.at(i));
    QCOMPARE(client.send("GET", u"/health"_s).status, 200);
}

void tst_HqHttpApi::servesTls()
{
    KARVAN_TEST_DATABASE(testDb);
    QVERIFY(prepare(testDb.url()));
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                   u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);

    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url(), {u"--tls-cert"_s, cert, u"--tls-key"_s, key}),
             qPrintable(hq.error()));
    QCOMPARE(hq.url().scheme(), u"https"_s);

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(QSslCertificate::fromPath(cert));
    HttpClient client(hq.url());
    client.setSslConfiguration(trusting);
    QCOMPARE(client.send("GET", u"/health"_s).status, 200);
    const HttpReply login
        = client.postJson(u"/v1/auth/login"_s, loginBody(u"rep.one"_s, u"secret-pw"_s));
    QCOMPARE(login.status, 200);

    HttpClient untrusting(hq.url());
    const HttpReply refused = untrusting.send("GET", u"/health"_s);
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.networkError, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(hq.stop(), 0);
}

void tst_HqHttpApi::refusesPublicAddressWithoutTls()
{
    const CliRun r = runHq(
        {u"serve"_s, u"--db"_s, u"sqlite:/nonexistent/hq.db"_s, u"--listen"_s, u"0.0.0.0:0"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(u'\n'), 1);
    QVERIFY2(r.err.contains(u"without TLS"_s), qPrintable(r.err));
}

// A burst of clients, half of which hang up while their request is at a worker (a login: its
// key derivation takes a while): the server answers the others, logs the rest as 499 and keeps
// serving. (Under a burst of 1,000 devices, the event loop once crashed on Qt 6.4's QFuture
// continuation; responses now come back by request number.)
void tst_HqHttpApi::clientsLeavingMidRequest()
{
    KARVAN_TEST_DATABASE(testDb);
    QVERIFY(prepare(testDb.url()));
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    const QByteArray body = QJsonDocument(loginBody(u"rep.one"_s, u"secret-pw"_s)).toJson();
    const QByteArray request = "POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               "application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    constexpr int Clients = 40;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < Clients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(hq.url().host(), quint16(hq.url().port()));
        QVERIFY(socket->waitForConnected(5000));
        socket->write(request);
        QVERIFY(socket->waitForBytesWritten(5000));
        sockets.push_back(std::move(socket));
    }
    // Every other client hangs up at once (its request was sent whole).
    for (int i = 0; i < Clients; i += 2)
        sockets[size_t(i)]->disconnectFromHost();
    int answered = 0;
    for (int i = 1; i < Clients; i += 2) {
        QTcpSocket &socket = *sockets[size_t(i)];
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(30000))
            answer += socket.readAll();
        if (answer.startsWith("HTTP/1.1 200"))
            ++answered;
        else
            qWarning("%s", answer.left(200).constData());
    }
    QCOMPARE(answered, Clients / 2);
    // The hung-up ones are logged as 499 once their workers are done.
    QElapsedTimer t;
    t.start();
    qsizetype gone = 0;
    while (t.elapsed() < 30000) {
        gone = hq.log().count("\"status\":499");
        if (gone >= 1)
            break;
        QTest::qWait(100);
    }
    QVERIFY2(gone >= 1, hq.log().right(600).constData());
    HttpClient client(hq.url());
    QCOMPARE(client.send("GET", u"/health"_s).status, 200);
    QCOMPARE(hq.stop(), 0);
}

void tst_HqHttpApi::twoInstancesShareOneDatabase()
{
    TestDatabase testDb(u"postgresql"_s);
    QVERIFY2(testDb.ok(), qPrintable(testDb.error()));
    QVERIFY(prepare(testDb.url()));
    HqServerProcess a;
    HqServerProcess b;
    QVERIFY2(a.start(testDb.url()), qPrintable(a.error()));
    QVERIFY2(b.start(testDb.url()), qPrintable(b.error()));
    QVERIFY(a.url() != b.url());
    HttpClient ca(a.url());
    HttpClient cb(b.url());

    const HttpReply la = ca.postJson(u"/v1/auth/login"_s, loginBody(u"rep.one"_s, u"secret-pw"_s));
    const HttpReply lb = cb.postJson(u"/v1/auth/login"_s, loginBody(u"rep.two"_s, u"secret-pw"_s));
    QCOMPARE(la.status, 200);
    QCOMPARE(lb.status, 200);
    const QString tokenA = la.json.value(u"token"_s).toString();
    QCOMPARE(cb.send("GET", u"/v1/me"_s, {}, tokenA).status, 200);
    QCOMPARE(ca.send("GET", u"/v1/me"_s, {}, lb.json.value(u"token"_s).toString()).status, 200);

    // Revoked on one, refused on the other; failures counted across both.
    QCOMPARE(cb.send("POST", u"/v1/auth/logout"_s, {}, tokenA).status, 200);
    QCOMPARE(ca.send("GET", u"/v1/me"_s, {}, tokenA).errorCode(), u"device_revoked"_s);
    for (int i = 0; i < 5; ++i) {
        HttpClient &c = i % 2 ? ca : cb;
        QCOMPARE(c.postJson(u"/v1/auth/login"_s, loginBody(u"mgr"_s, u"bad"_s)).status, 401);
    }
    QCOMPARE(ca.postJson(u"/v1/auth/login"_s, loginBody(u"mgr"_s, u"secret-pw"_s)).status, 429);
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
    QCOMPARE(runHq({u"audit"_s, u"verify"_s, u"--db"_s, testDb.url()}).exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_HqHttpApi)
#include "tst_hqhttpapi.moc"
