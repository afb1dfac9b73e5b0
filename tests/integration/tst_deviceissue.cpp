#include "domain/ids.h"
#include "hqserverprocess.h"
#include "protocol/codec.h"
#include "storage/database.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

// `karvan-hq device issue`: devices provisioned by an operator without a password login. The
// tokens it prints work for sync like a login's, each only for its own device; a wrong login
// or count issues nothing; every device is in the audit trail.
class tst_DeviceIssue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issuedTokensSync_data() { addBackendColumns(); }
    void issuedTokensSync();

private:
    static qint64 count(const QString &url, const QString &sql)
    {
        auto db = Database::open(url);
        if (!db)
            return -1;
        auto n = (*db)->scalar(sql);
        return n ? n->toLongLong() : -1;
    }

    static HttpReply pull(HttpClient &client, const QString &token, const QUuid &deviceId)
    {
        karvan::sync::PullRequest request;
        request.deviceId = deviceId;
        return client.send("POST", u"/v1/sync/pull"_s, karvan::sync::encode(request), token,
                           "application/vnd.karvan.sync");
    }
};

void tst_DeviceIssue::issuedTokensSync()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QCOMPARE(runHq({u"init"_s, u"--db"_s, url}).exitCode, 0);
    const CliRun added = runHq({u"user"_s, u"add"_s, u"--db"_s, url, u"--login"_s, u"rey"_s,
                                u"--role"_s, u"rep"_s, u"--territory"_s, u"TR-IST"_s},
                               "a-long-password\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QString devicesSql = u"SELECT COUNT(*) FROM devices"_s;
    const QString auditSql
        = u"SELECT COUNT(*) FROM audit_log WHERE action = 'device.enroll' AND actor LIKE 'cli:%'"_s;

    // Refused: nothing issued, nothing printed on stdout.
    const CliRun nobody = runHq(
        {u"device"_s, u"issue"_s, u"--db"_s, url, u"--login"_s, u"nobody"_s, u"--count"_s, u"2"_s});
    QCOMPARE(nobody.exitCode, 1);
    QVERIFY2(nobody.err.contains(u"no user with login \"nobody\""_s), qPrintable(nobody.err));
    QVERIFY(nobody.out.isEmpty());
    for (const QString &badCount : {u"0"_s, u"-3"_s, u"many"_s, u"100001"_s}) {
        const CliRun bad = runHq({u"device"_s, u"issue"_s, u"--db"_s, url, u"--login"_s, u"rey"_s,
                                  u"--count"_s, badCount});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--count"_s), qPrintable(bad.err));
    }
    QCOMPARE(count(url, devicesSql), 0);

    // Three devices, one JSON line each.
    const CliRun issued = runHq({u"device"_s, u"issue"_s, u"--db"_s, url, u"--login"_s, u"REY"_s,
                                 u"--count"_s, u"3"_s, u"--name"_s, u"van tablet"_s});
    QVERIFY2(issued.exitCode == 0, qPrintable(issued.err));
    const QStringList lines = issued.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QList<std::pair<QString, QUuid>> devices;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
        const QUuid id = QUuid::fromString(o.value(u"device_id"_s).toString());
        QVERIFY2(Uuid7::isUuid7(id), qPrintable(lines.at(i)));
        QCOMPARE(o.value(u"token"_s).toString().size(), 43);
        QCOMPARE(o.value(u"login"_s).toString(), u"rey"_s);
        QCOMPARE(o.value(u"name"_s).toString(), u"van tablet-%1"_s.arg(i + 1));
        devices.append({o.value(u"token"_s).toString(), id});
    }
    QVERIFY(devices.at(0).first != devices.at(1).first);
    QVERIFY(devices.at(0).second != devices.at(2).second);
    QCOMPARE(count(url, devicesSql), 3);
    QCOMPARE(count(url, auditSql), 3);
    // The token itself is never stored or audited.
    QCOMPARE(
        count(url,
              u"SELECT COUNT(*) FROM audit_log WHERE after LIKE '%%1%'"_s.arg(devices.at(0).first)),
        0);
    const CliRun verified = runHq({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));

    // Each token syncs as its own device, and only as that one.
    HqServerProcess hq;
    QVERIFY2(hq.start(url), qPrintable(hq.error()));
    HttpClient client(hq.url());
    for (const auto &[token, id] : std::as_const(devices)) {
        const HttpReply r = pull(client, token, id);
        QVERIFY2(r.status == 200, r.body.left(300).constData());
        auto response = karvan::sync::decodePullResponse(r.body);
        QVERIFY2(response, qPrintable(response.errorMessage()));
        QVERIFY(!response->nextCursor.isEmpty());
    }
    QCOMPARE(pull(client, devices.at(0).first, devices.at(1).second).status, 403);
    QCOMPARE(pull(client, u"x"_s.repeated(43), devices.at(0).second).status, 401);
}

QTEST_GUILESS_MAIN(tst_DeviceIssue)
#include "tst_deviceissue.moc"
