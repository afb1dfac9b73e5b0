// HttpTransport against the real karvan-hq serving TLS with a certificate from a private CA:
// trusted with the CA file, refused without it, from the main thread and a worker thread; and
// its readable errors for a refused connection, a silent server and plain http off loopback.

#include "engine/transport.h"
#include "hqserverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace karvan;
using namespace karvan::sync;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

class tst_SyncTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void caFileReachesLogin();
    void caFileWorksFromWorkerThread();
    void withoutCaFileCertificateIsNotTrusted();
    void refusedConnectionIsNamed();
    void silentServerTimesOut();
    void plainHttpOffLoopbackIsRefused();

private:
    bool openssl(const QStringList &args);
    static QByteArray loginBody();

    QTemporaryDir m_dir;
    QString m_caFile;
    HqServerProcess m_hq;
};

bool tst_SyncTls::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().data());
        return false;
    }
    return true;
}

QByteArray tst_SyncTls::loginBody()
{
    return QJsonDocument(QJsonObject {{u"login"_s, u"nobody"_s},
                                      {u"password"_s, u"wrong-password"_s},
                                      {u"device_name"_s, u"tls test"_s}})
        .toJson(QJsonDocument::Compact);
}

void tst_SyncTls::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // A private CA, and a server certificate for 127.0.0.1 signed by it (EC keys: fast).
    const QStringList ec {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                          u"-nodes"_s};
    QVERIFY(openssl(QStringList {u"req"_s, u"-x509"_s} + ec
                    + QStringList {u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Karvan Test CA"_s,
                                   u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                   u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s,
                                   u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s}));
    QVERIFY(openssl(QStringList {u"req"_s} + ec
                    + QStringList {u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, u"key.pem"_s,
                                   u"-out"_s, u"server.csr"_s}));
    QFile ext(m_dir.filePath(u"server.ext"_s));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
              "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyAgreement\n");
    ext.close();
    QVERIFY(openssl({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                     u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"2"_s,
                     u"-extfile"_s, u"server.ext"_s, u"-out"_s, u"cert.pem"_s}));
    m_caFile = m_dir.filePath(u"ca.pem"_s);

    const QString db = u"sqlite:"_s + m_dir.filePath(u"hq.sqlite"_s);
    const CliRun init = runHq({u"init"_s, u"--db"_s, db});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY2(m_hq.start(db,
                        {u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s), u"--tls-key"_s,
                         m_dir.filePath(u"key.pem"_s)}),
             qPrintable(m_hq.error()));
    QCOMPARE(m_hq.url().scheme(), u"https"_s);
}

void tst_SyncTls::cleanupTestCase()
{
    m_hq.stop();
}

void tst_SyncTls::caFileReachesLogin()
{
    auto transport = HttpTransport::create({m_hq.url(), {}, m_caFile, 30000});
    QVERIFY2(transport.ok(), qPrintable(transport.errorMessage()));
    auto reply = (*transport)->post(u"/v1/auth/login"_s, loginBody(), "application/json");
    QVERIFY2(reply.ok(), qPrintable(reply.errorMessage()));
    QVERIFY2(reply->httpStatus == 401 || reply->httpStatus == 200,
             qPrintable(QString::number(reply->httpStatus)));
    const QJsonObject json = QJsonDocument::fromJson(reply->body).object();
    QVERIFY2(json.contains(u"error"_s) || json.contains(u"token"_s), reply->body.constData());
    QVERIFY(reply->contentType.startsWith("application/json"));
}

void tst_SyncTls::caFileWorksFromWorkerThread()
{
    auto transport = HttpTransport::create({m_hq.url(), {}, m_caFile, 30000});
    QVERIFY(transport.ok());
    HttpTransport *t = transport->get();
    int status = -1;
    QString error;
    // Twice on the worker, then once back on the main thread: the manager follows the thread.
    QThread *worker = QThread::create([&] {
        for (int i = 0; i < 2; ++i) {
            auto reply = t->post(u"/v1/auth/login"_s, loginBody(), "application/json");
            if (!reply) {
                error = reply.errorMessage();
                return;
            }
            status = reply->httpStatus;
        }
    });
    worker->start();
    QVERIFY(worker->wait(60000));
    delete worker;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(status == 401 || status == 200);
    auto again = t->post(u"/v1/auth/login"_s, loginBody(), "application/json");
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
}

void tst_SyncTls::withoutCaFileCertificateIsNotTrusted()
{
    auto transport = HttpTransport::create({m_hq.url(), {}, {}, 30000});
    QVERIFY(transport.ok());
    auto reply = (*transport)->post(u"/v1/auth/login"_s, loginBody(), "application/json");
    QVERIFY(!reply.ok());
    QVERIFY2(reply.errorMessage().startsWith(u"TLS: certificate is not trusted"_s),
             qPrintable(reply.errorMessage()));

    // A CA file that is not one is refused up front.
    QFile junk(m_dir.filePath(u"junk.pem"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate\n");
    junk.close();
    auto bad = HttpTransport::create({m_hq.url(), {}, junk.fileName(), 30000});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errorMessage().contains(u"no PEM certificate"_s), qPrintable(bad.errorMessage()));
}

void tst_SyncTls::refusedConnectionIsNamed()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    auto transport
        = HttpTransport::create({QUrl(u"http://127.0.0.1:%1"_s.arg(port)), {}, {}, 5000});
    QVERIFY(transport.ok());
    auto reply = (*transport)->post(u"/v1/sync/pull"_s, "x", "application/vnd.karvan.sync");
    QVERIFY(!reply.ok());
    QCOMPARE(reply.errorMessage(),
             u"cannot connect to 127.0.0.1:%1: connection refused"_s.arg(port));
}

void tst_SyncTls::silentServerTimesOut()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto transport = HttpTransport::create(
        {QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), {}, {}, 1000});
    QVERIFY(transport.ok());
    QElapsedTimer timer;
    timer.start();
    auto reply = (*transport)->post(u"/v1/sync/pull"_s, "x", "application/vnd.karvan.sync");
    QVERIFY(!reply.ok());
    QCOMPARE(reply.errorMessage(),
             u"cannot reach 127.0.0.1:%1: timed out after 1 s"_s.arg(silent.serverPort()));
    QVERIFY(timer.elapsed() < 10000);
}

void tst_SyncTls::plainHttpOffLoopbackIsRefused()
{
    auto transport = HttpTransport::create({QUrl(u"http://hq.example.com:8080"_s), {}, {}, 1000});
    QVERIFY(!transport.ok());
    QVERIFY2(transport.errorMessage().contains(u"use https"_s),
             qPrintable(transport.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_SyncTls)
#include "tst_synctls.moc"
