// karvan-cli login and logout against the real karvan-hq on 127.0.0.1: a wrong password stores
// nothing, the right one stores a token HQ accepts, logout revokes it at HQ.

#include "hqserverprocess.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

class tst_KarvanCliLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString db = u"sqlite:"_s + m_dir.filePath(u"hq.sqlite"_s);
        const CliRun init = runHq({u"init"_s, u"--db"_s, db});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const CliRun add = runHq({u"user"_s, u"add"_s, u"--db"_s, db, u"--login"_s, u"rep.one"_s,
                                  u"--role"_s, u"rep"_s, u"--territory"_s, u"TR-IST"_s},
                                 Password + "\n");
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY2(m_server.start(db), qPrintable(m_server.error()));
        m_profile = m_dir.filePath(u"profile"_s);
    }

    void wrongPasswordStoresNothing()
    {
        const CliResult r = cli(
            {u"login"_s, u"--server"_s, m_server.url().toString(), u"--login"_s, u"rep.one"_s},
            "not-the-password\n");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), u"karvan-cli: wrong login or password"_s);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(stored(u"token"_s), QString());
        QCOMPARE(stored(u"login"_s), QString());
        const QJsonObject status
            = QJsonDocument::fromJson(cli({u"status"_s, u"--json"_s}).out).object();
        QCOMPARE(status[u"signed_in"_s].toBool(), false);
        QVERIFY(status[u"login"_s].isNull());
    }

    void rightPasswordStoresAWorkingToken()
    {
        const CliResult r = cli({u"login"_s, u"--server"_s, m_server.url().toString(), u"--login"_s,
                                 u"rep.one"_s, u"--device-name"_s, u"test tablet"_s, u"--json"_s},
                                Password + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(Password) && !r.err.contains(QString::fromUtf8(Password)));
        const QJsonObject user = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(user[u"login"_s].toString(), u"rep.one"_s);
        QCOMPARE(user[u"role"_s].toString(), u"rep"_s);
        QCOMPARE(user[u"territories"_s].toArray(), QJsonArray {u"TR-IST"_s});

        const QString token = stored(u"token"_s);
        QVERIFY(!token.isEmpty());
        QCOMPARE(stored(u"login"_s), u"rep.one"_s);
        QCOMPARE(stored(u"role"_s), u"rep"_s);
        QCOMPARE(stored(u"server_url"_s), m_server.url().toString());
        const QString deviceId = stored(u"device_id"_s);
        QCOMPARE(deviceId.size(), 36);

        // HQ knows the token as this device's.
        HttpClient client(m_server.url());
        const HttpReply me = client.send("GET", u"/v1/me"_s, {}, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[u"user"_s][u"login"_s].toString(), u"rep.one"_s);
        QCOMPARE(me.json[u"device"_s][u"id"_s].toString(), deviceId);
        QCOMPARE(me.json[u"device"_s][u"name"_s].toString(), u"test tablet"_s);

        const QJsonObject status
            = QJsonDocument::fromJson(cli({u"status"_s, u"--json"_s}).out).object();
        QCOMPARE(status[u"login"_s].toString(), u"rep.one"_s);
        QCOMPARE(status[u"server"_s].toString(), m_server.url().toString());
        QCOMPARE(status[u"signed_in"_s].toBool(), true);

        // logout revokes the device at HQ and forgets the token here.
        const CliResult out = cli({u"logout"_s});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        QCOMPARE(stored(u"token"_s), QString());
        QCOMPARE(client.send("GET", u"/v1/me"_s, {}, token).status, 401);
        // ... and the next login enrolls a new device (HQ never re-enrolls a revoked one).
        const CliResult again = cli(
            {u"login"_s, u"--server"_s, m_server.url().toString(), u"--login"_s, u"rep.one"_s},
            Password);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(stored(u"device_id"_s) != deviceId);
        QCOMPARE(client.send("GET", u"/v1/me"_s, {}, stored(u"token"_s)).status, 200);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    struct CliResult
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    CliResult cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.start(QStringLiteral(KARVAN_CLI), QStringList {u"--profile"_s, m_profile} + args);
        if (!p.waitForStarted(10000))
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitCode(), p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString stored(const QString &key)
    {
        auto store = LocalStore::open(m_profile + u"/device.sqlite"_s);
        if (!store)
            return u"<cannot open the profile>"_s;
        auto value = SyncStateRepository(**store).value(key);
        return value ? *value : u"<cannot read>"_s;
    }

    static inline const QByteArray Password = "s3cret-field-pw";
    QTemporaryDir m_dir;
    HqServerProcess m_server;
    QString m_profile;
};

QTEST_GUILESS_MAIN(tst_KarvanCliLogin)
#include "tst_karvanclilogin.moc"
