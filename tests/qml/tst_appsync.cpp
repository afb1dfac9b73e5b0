// The app's settings and sync against the real karvan-hq serving HTTPS with a certificate of a
// private CA, with the small demo company: sign-in refused without the CA file (with the
// translated TLS sentence) and done with it; a customer search answered while a slowed-down
// initial pull runs on the sync thread; automatic sync at start, periodically, after a local
// change, and its back-off while HQ is down; each kind of sync failure mapped to its own
// sentence; and the kiosk PIN (set, change, wrong PIN, kiosk mode).

#include "appsettings.h"
#include "devicesession.h"
#include "formatter.h"

#include "../integration/hqserverprocess.h"
#include "demo/demogenerator.h"
#include "engine/devicesignin.h"
#include "engine/transport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using karvan::app::AppSettings;
using karvan::app::AutoSyncTimings;
using karvan::app::DeviceSession;
using karvan::hq::test::HqServerProcess;
using karvan::hq::test::runHq;
using karvan::sync::SyncFailure;

class tst_AppSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyFailureHasItsSentence();
    void errorsFromSyncAreClassified();
    void backoffDoublesUpToTheCap();
    void kioskPinSetChangeAndKioskMode();
    void caFileIsUsedForSignIn();
    void searchAnsweredDuringLongPull();
    void automaticSyncAtStartPeriodicallyAndAfterAChange();
    void automaticSyncBacksOffWhileHqIsDown();

private:
    bool openssl(const QStringList &args);
    bool startHq();
    std::unique_ptr<DeviceSession> newSession(const QString &name);
    bool signIn(DeviceSession &session, bool withCa);

    QTemporaryDir m_dir;
    QString m_caFile;
    QString m_db;
    QString m_login;
    QUrl m_url;
    std::unique_ptr<HqServerProcess> m_hq;
    std::unique_ptr<AppSettings> m_settings;
};

bool tst_AppSync::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("openssl: %s", p.readAllStandardError().constData());
        return false;
    }
    return true;
}

bool tst_AppSync::startHq()
{
    m_hq = std::make_unique<HqServerProcess>();
    QStringList args {u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s), u"--tls-key"_s,
                      m_dir.filePath(u"key.pem"_s)};
    if (m_url.isValid()) // back on the port the devices know
        args += QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_url.port())};
    if (!m_hq->start(m_db, args)) {
        qWarning("karvan-hq: %s", qPrintable(m_hq->error()));
        return false;
    }
    m_url = m_hq->url();
    return true;
}

void tst_AppSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"KarvanAppSyncTest"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    karvan::app::Formatter::instance()->setLanguage(u"en"_s);
    m_settings = std::make_unique<AppSettings>(false);

    // A private CA and a certificate for 127.0.0.1 signed by it (as tst_synctls).
    const QStringList ec {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                          u"-nodes"_s};
    QVERIFY(openssl(QStringList {u"req"_s, u"-x509"_s} + ec
                    + QStringList {u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Karvan App Test CA"_s,
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

    m_db = u"sqlite:"_s + m_dir.filePath(u"hq.sqlite"_s);
    const auto init = runHq({u"init"_s, u"--db"_s, m_db, u"--demo"_s, u"small"_s});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    const auto match
        = QRegularExpression(u"^\\s+(\\S+)\\s+rep\\s"_s, QRegularExpression::MultilineOption)
              .match(init.out);
    QVERIFY2(match.hasMatch(), qPrintable(init.out));
    m_login = match.captured(1);
    QVERIFY(startHq());
    QCOMPARE(m_url.scheme(), u"https"_s);
}

void tst_AppSync::cleanupTestCase()
{
    if (m_hq)
        m_hq->stop();
}

std::unique_ptr<DeviceSession> tst_AppSync::newSession(const QString &name)
{
    auto session = std::make_unique<DeviceSession>(m_dir.filePath(name + u".sqlite"_s), QString());
    session->setToday(karvan::DemoOptions().today);
    session->setSearchDebounceMs(0);
    return session;
}

bool tst_AppSync::signIn(DeviceSession &session, bool withCa)
{
    QSignalSpy done(&session, &DeviceSession::signInFinished);
    session.signIn(m_url.toString(), m_login, u"demo"_s, withCa ? m_caFile : QString());
    return done.wait(30000) && done.first().at(0).toBool();
}

void tst_AppSync::everyFailureHasItsSentence()
{
    QSet<QString> sentences;
    for (SyncFailure f : karvan::sync::allSyncFailures()) {
        const QString name = karvan::sync::syncFailureName(f);
        const QString sentence = DeviceSession::syncFailureText(f);
        if (f == SyncFailure::Other) {
            QVERIFY(sentence.isEmpty()); // the message itself is shown
            continue;
        }
        QVERIFY2(!sentence.isEmpty(), qPrintable(name));
        QVERIFY2(!sentences.contains(sentence), qPrintable(name));
        sentences.insert(sentence);
        QCOMPARE(
            DeviceSession(m_dir.filePath(u"unused.sqlite"_s), QString()).syncFailureSentence(name),
            sentence);
    }
}

void tst_AppSync::errorsFromSyncAreClassified()
{
    using namespace karvan::sync;
    // From the code that makes them.
    QCOMPARE(classifySyncError(parseServerUrl(u"http://hq.example.com"_s).error()),
             SyncFailure::PlainHttp);
    QCOMPARE(classifySyncError(parseServerUrl(u"ftp://hq.example.com"_s).error()),
             SyncFailure::InvalidServer);
    QCOMPARE(classifySyncError(checkCaFile(m_dir.filePath(u"missing.pem"_s)).error()),
             SyncFailure::CaFile);

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    auto refused = HttpTransport::create({QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort)), {}, {}});
    QVERIFY(refused.ok());
    auto r1 = (*refused)->post(u"/v1/auth/login"_s, "{}", "application/json");
    QVERIFY(!r1.ok());
    QCOMPARE(classifySyncError(r1.error()), SyncFailure::ConnectionRefused);

    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto slow = HttpTransport::create(
        {QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), {}, {}, 300});
    QVERIFY(slow.ok());
    auto r2 = (*slow)->post(u"/v1/auth/login"_s, "{}", "application/json");
    QVERIFY(!r2.ok());
    QCOMPARE(classifySyncError(r2.error()), SyncFailure::Timeout);

    auto untrusted = HttpTransport::create({m_url, {}, {}});
    QVERIFY(untrusted.ok());
    auto r3 = (*untrusted)->post(u"/v1/auth/login"_s, "{}", "application/json");
    QVERIFY(!r3.ok());
    QCOMPARE(classifySyncError(r3.error()), SyncFailure::TlsUntrusted);

    // The sync engine's and the sign-in's own wording.
    const QList<std::pair<QString, SyncFailure>> engine {
        {u"wrong login or password"_s, SyncFailure::WrongPassword},
        {u"this device was revoked at HQ; its local data was wiped"_s, SyncFailure::Revoked},
        {u"HQ refused the pull (HTTP 503): overloaded"_s, SyncFailure::ServerError},
        {u"HQ refused the login: database down (HTTP 500)"_s, SyncFailure::ServerError},
        {u"HQ refused the push (HTTP 401): token expired (unauthorized)"_s,
         SyncFailure::TokenRejected},
        {u"HQ refused the push (HTTP 413): too large (limit)"_s, SyncFailure::Refused},
        {u"HQ's pull answer could not be read: bad magic"_s, SyncFailure::Protocol},
        {u"HQ said there is more to pull but its cursor did not move"_s, SyncFailure::Protocol},
        {u"cannot reach HQ at https://x: cannot connect to x:443: host not found"_s,
         SyncFailure::HostNotFound},
        {u"the connection to 127.0.0.1:1 was closed before the answer arrived"_s,
         SyncFailure::Network},
        {u"TLS: certificate does not match the host name (x) (server x:443)"_s, SyncFailure::Tls},
        {u"not signed in"_s, SyncFailure::NotSignedIn},
        {u"this device holds 2 unsynced changes by rep.a: sign in as rep.a and sync first"_s,
         SyncFailure::Unsynced},
        {u"something else entirely"_s, SyncFailure::Other},
    };
    for (const auto &[message, expected] : engine)
        QCOMPARE(classifySyncError({karvan::ErrorCode::Storage, message}), expected);
}

void tst_AppSync::backoffDoublesUpToTheCap()
{
    const AutoSyncTimings t; // 30 s doubling to 15 min
    const QList<qint64> expected {30, 60, 120, 240, 480, 900, 900};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(karvan::app::autoSyncBackoffMs(i + 1, t), expected[i] * 1000);
}

void tst_AppSync::kioskPinSetChangeAndKioskMode()
{
    AppSettings &s = *m_settings;
    QSettings().remove(u"kiosk"_s);
    QVERIFY(!s.kioskPinSet());
    QCOMPARE(s.startKioskMode(), u"Set a kiosk PIN first: it is needed to leave kiosk mode"_s);
    QVERIFY(!s.kioskMode());

    QCOMPARE(s.changeKioskPin({}, u"12"_s, u"12"_s), u"The PIN must be 4 to 8 digits"_s);
    QCOMPARE(s.changeKioskPin({}, u"123456789"_s, u"123456789"_s),
             u"The PIN must be 4 to 8 digits"_s);
    QCOMPARE(s.changeKioskPin({}, u"12ab"_s, u"12ab"_s), u"The PIN must be 4 to 8 digits"_s);
    QCOMPARE(s.changeKioskPin({}, u"1234"_s, u"1235"_s), u"The two PINs are not the same"_s);
    QVERIFY(!s.kioskPinSet());
    QCOMPARE(s.changeKioskPin({}, u"2468"_s, u"2468"_s), QString());
    QVERIFY(s.kioskPinSet());
    QVERIFY(s.checkKioskPin(u"2468"_s));
    QVERIFY(!s.checkKioskPin(u"0000"_s)); // the fresh device's default no longer opens it
    // Stored hashed, with a salt: the PIN is not in the settings.
    QVERIFY(!QSettings().value(u"kiosk/pinHash"_s).toString().contains(u"2468"_s));

    // Changing needs the current PIN; a wrong one changes nothing.
    QCOMPARE(s.changeKioskPin(u"1111"_s, u"13579"_s, u"13579"_s), u"The current PIN is wrong"_s);
    QVERIFY(s.checkKioskPin(u"2468"_s));
    // Persian digits are digits.
    QCOMPARE(s.changeKioskPin(u"2468"_s, u"۱۳۵۷۹"_s, u"13579"_s), QString());
    QVERIFY(!s.checkKioskPin(u"2468"_s));
    QVERIFY(s.checkKioskPin(u"13579"_s));

    QSignalSpy mode(&s, &AppSettings::kioskModeChanged);
    QCOMPARE(s.startKioskMode(), QString());
    QVERIFY(s.kioskMode());
    QVERIFY(!s.leaveKioskMode(u"2468"_s));
    QVERIFY(!s.leaveKioskMode(QString()));
    QVERIFY(s.kioskMode());
    QVERIFY(s.leaveKioskMode(u"13579"_s));
    QVERIFY(!s.kioskMode());
    QCOMPARE(mode.count(), 2);
}

void tst_AppSync::caFileIsUsedForSignIn()
{
    auto session = newSession(u"cafile"_s);
    session->start();
    QTRY_VERIFY(session->ready());

    QVERIFY(!signIn(*session, false));
    QCOMPARE(session->signInError(), DeviceSession::syncFailureText(SyncFailure::TlsUntrusted));
    QVERIFY2(session->signInErrorDetail().contains(u"not trusted"_s),
             qPrintable(session->signInErrorDetail()));
    QVERIFY(!session->signedIn());

    QVERIFY(signIn(*session, true));
    QVERIFY(session->signedIn());
    QCOMPARE(session->signInError(), QString());
    QSignalSpy synced(session.get(), &DeviceSession::syncFinished);
    QVERIFY(synced.wait(60000));
    QVERIFY2(synced.first().at(0).toBool(), qPrintable(session->syncErrorDetail()));
    QVERIFY(session->waitUntilIdle(10000));
    QVERIFY(session->storeSummaryBlocking().value(u"customers"_s).toInt() > 0);
}

void tst_AppSync::searchAnsweredDuringLongPull()
{
    auto session = newSession(u"slowpull"_s);
    // Each pulled batch of 20 changes waits 150 ms before it is applied: the initial sync
    // lasts many seconds, until `fast` is set.
    std::atomic<bool> fast {false};
    session->setSyncBatchSizes(50, 20);
    // Page by page: HQ's bootstrap snapshot would bring the whole scope in one step.
    session->setSyncSnapshotEnabled(false);
    session->setSyncFaultHook([&fast](const QString &point) {
        if (point == u"pull.applying"_s && !fast.load())
            QThread::msleep(150);
        return true;
    });
    session->start();
    QTRY_VERIFY(session->ready());
    QSignalSpy synced(session.get(), &DeviceSession::syncFinished);
    QVERIFY(signIn(*session, true));
    QTRY_VERIFY_WITH_TIMEOUT(session->syncing() && session->recordsDone() >= 40, 30000);

    // A search while the pull writes: answered at once, the round still running.
    QSignalSpy searched(session.get(), &DeviceSession::customersSearched);
    QElapsedTimer timer;
    timer.start();
    session->searchCustomers(QString());
    QVERIFY(searched.wait(5000));
    const qint64 answeredIn = timer.elapsed();
    QVERIFY2(session->syncing(), "the round ended before the search was answered");
    QVERIFY2(answeredIn < 2000, qPrintable(QString::number(answeredIn)));
    const int duringSync = session->customers()->rowCount();

    // Never two rounds at once: Sync now while one runs changes nothing.
    session->syncNow();
    QVERIFY(session->syncing());

    fast = true;
    QVERIFY(synced.wait(120000));
    QCOMPARE(synced.count(), 1);
    QVERIFY2(synced.first().at(0).toBool(), qPrintable(session->syncErrorDetail()));
    // The pages refresh when the round completes: the list holds what was pulled since.
    QTRY_VERIFY_WITH_TIMEOUT(session->customers()->rowCount() > duringSync, 10000);
}

void tst_AppSync::automaticSyncAtStartPeriodicallyAndAfterAChange()
{
    const QString name = u"auto"_s;
    {
        auto first = newSession(name);
        first->start();
        QTRY_VERIFY(first->ready());
        QVERIFY(signIn(*first, true));
        QSignalSpy synced(first.get(), &DeviceSession::syncFinished);
        QVERIFY(synced.wait(60000));
        QVERIFY(first->waitUntilIdle(10000));
    }

    // The app starts again, signed in: it syncs at once, then every interval.
    auto session = newSession(name);
    AutoSyncTimings timings;
    timings.intervalMs = 1500;
    timings.changeDelayMs = 300;
    session->setAutoSyncTimings(timings);
    QSignalSpy synced(session.get(), &DeviceSession::syncFinished);
    session->start();
    QTRY_COMPARE_WITH_TIMEOUT(session->autoSyncRounds(), 1, 5000);
    QVERIFY(synced.wait(30000));
    QVERIFY(synced.last().at(0).toBool());
    QVERIFY(session->autoSyncText().startsWith(u"Next automatic sync at "_s));
    const QDateTime next = session->nextAutoSync();
    const qint64 inMs = QDateTime::currentDateTime().msecsTo(next);
    QVERIFY2(inMs > 500 && inMs <= 1500, qPrintable(QString::number(inMs)));
    QTRY_COMPARE_WITH_TIMEOUT(session->autoSyncRounds(), 2, 5000);
    QVERIFY(synced.wait(30000));

    // A long interval: now only a saved change brings the next round, shortly after.
    timings.intervalMs = 60000;
    session->setAutoSyncTimings(timings);
    QTRY_VERIFY(!session->syncing());
    const int rounds = session->autoSyncRounds();
    session->createCustomer({{u"name"_s, u"Auto Sync Test Customer"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(session->pendingCount() > 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(session->autoSyncRounds(), rounds + 1, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(!session->syncing() && session->pendingCount() == 0, 30000);
    QCOMPARE(session->syncError(), QString());

    // Off: no timer, and the page says so.
    timings.intervalMs = 0;
    session->setAutoSyncTimings(timings);
    QCOMPARE(session->autoSyncText(), u"Automatic sync off"_s);
    QVERIFY(!session->nextAutoSync().isValid());
}

void tst_AppSync::automaticSyncBacksOffWhileHqIsDown()
{
    auto session = newSession(u"backoff"_s);
    session->start();
    QTRY_VERIFY(session->ready());
    QVERIFY(signIn(*session, true));
    QSignalSpy synced(session.get(), &DeviceSession::syncFinished);
    QVERIFY(synced.wait(60000));
    QVERIFY(session->waitUntilIdle(10000));

    AutoSyncTimings timings;
    timings.intervalMs = 60000;
    timings.backoffFirstMs = 300;
    timings.backoffMaxMs = 1200;
    session->setAutoSyncTimings(timings);

    QVERIFY(m_hq->stop() == 0);
    session->syncNow();
    // Each failure waits twice as long as the one before, up to the cap.
    QList<qint64> waits;
    for (int failures = 1; failures <= 4; ++failures) {
        QTRY_COMPARE_WITH_TIMEOUT(session->autoSyncFailures(), failures, 10000);
        QTRY_VERIFY(!session->syncing());
        waits.append(QDateTime::currentDateTime().msecsTo(session->nextAutoSync()));
        QCOMPARE(session->syncErrorCode(), u"connection_refused"_s);
        QCOMPARE(session->syncError(),
                 DeviceSession::syncFailureText(SyncFailure::ConnectionRefused));
    }
    const QList<qint64> expected {300, 600, 1200, 1200};
    for (int i = 0; i < waits.size(); ++i)
        QVERIFY2(waits[i] <= expected[i] && waits[i] > expected[i] - 250,
                 qPrintable(u"wait %1: %2 ms"_s.arg(i).arg(waits[i])));

    // HQ is back: the next back-off attempt succeeds and the periodic interval returns.
    QVERIFY(startHq());
    QTRY_COMPARE_WITH_TIMEOUT(session->autoSyncFailures(), 0, 10000);
    QTRY_VERIFY(!session->syncing());
    QCOMPARE(session->syncError(), QString());
    QVERIFY(QDateTime::currentDateTime().msecsTo(session->nextAutoSync()) > 30000);
}

QTEST_MAIN(tst_AppSync)

#include "tst_appsync.moc"
