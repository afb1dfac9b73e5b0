#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "store/localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class tst_KarvanCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A rep's device after an initial sync: the Istanbul territory of the demo company.
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        QVERIFY(store.ok());
        StoreDemoSink sink(**store, {u"TR-IST"_s});
        QVERIFY(DemoGenerator().generate(sink).ok());
    }

    void customersSearchAsJson()
    {
        const Run r = cli({u"customers"_s, u"--search"_s, u"ISTANBUL"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &c : list) {
            bool inIstanbul = false;
            for (const QJsonValue &a : c[u"addresses"_s].toArray())
                inIstanbul |= a[u"city"_s].toString() == u"İstanbul"_s;
            QVERIFY2(inIstanbul, qPrintable(c[u"name"_s].toString()));
            QCOMPARE(c[u"territory"_s].toString(), u"TR-IST"_s);
        }
        m_customerId = list.first()[u"id"_s].toString();
    }

    void customer360AsJson()
    {
        const Run r = cli({u"customer"_s, u"show"_s, m_customerId, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject view = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(view[u"customer"_s][u"id"_s].toString(), m_customerId);
        const QJsonObject credit = view[u"credit"_s].toObject();
        QVERIFY(
            QStringList({u"ok"_s, u"warn"_s, u"hold"_s}).contains(credit[u"status"_s].toString()));
        QVERIFY(credit[u"exposure"_s][u"currency"_s].toString() == u"USD"_s);
        QVERIFY(view[u"documents"_s].isArray());
        QVERIFY(view[u"invoices"_s].isArray());
        for (const QJsonValue &d : view[u"documents"_s].toArray())
            QCOMPARE(d[u"customer_id"_s].toString(), m_customerId);
    }

    void productsCarryStockAsOf()
    {
        const Run r = cli({u"products"_s, u"--limit"_s, u"5"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 5);
        bool anyStock = false;
        for (const QJsonValue &p : list) {
            for (const QJsonValue &w : p[u"stock"_s].toArray()) {
                anyStock = true;
                QVERIFY(!w[u"as_of"_s].toString().isEmpty());
                QVERIFY(!w[u"warehouse"_s].toString().isEmpty());
            }
        }
        QVERIFY(anyStock);
        m_sku = list.first()[u"sku"_s].toString();
    }

    void orderCreatedOfflineWaitsInTheOutbox()
    {
        const Run before = cli({u"status"_s, u"--json"_s});
        QCOMPARE(before.exitCode, 0);
        const int pendingBefore = QJsonDocument::fromJson(before.out)[u"pending"_s].toInt();

        const Run r = cli({u"order"_s, u"create"_s, u"--customer"_s, m_customerId, u"--line"_s,
                           m_sku + u"=3"_s, u"--warehouse"_s, u"WH-IST"_s, u"--date"_s,
                           u"2026-11-22"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QJsonObject doc = result[u"document"_s].toObject();
        QCOMPARE(doc[u"status"_s].toString(), u"pending_sync"_s);
        QCOMPARE(doc[u"lines"_s].toArray().size(), 1);
        QVERIFY(doc[u"total"_s][u"minor"_s].toInteger() > 0);
        QVERIFY(!result[u"check"_s][u"lines"_s][0][u"why"_s].toArray().isEmpty());

        const Run after = cli({u"status"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(after.out)[u"pending"_s].toInt(), pendingBefore + 1);
        QVERIFY(QJsonDocument::fromJson(after.out)[u"last_sync"_s].isNull());
    }

    void badInputGetsOneLineAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown command") << QStringList {u"frobnicate"_s} << 2;
        QTest::newRow("limit zero") << QStringList {u"customers"_s, u"--limit"_s, u"0"_s} << 2;
        QTest::newRow("unknown option") << QStringList {u"customers"_s, u"--colour"_s} << 2;
        QTest::newRow("bad customer id") << QStringList {u"customer"_s, u"show"_s, u"x"_s} << 1;
        QTest::newRow("unknown customer")
            << QStringList {u"customer"_s, u"show"_s, u"01a20000-0000-7000-8000-000000000000"_s}
            << 1;
        QTest::newRow("no customer")
            << QStringList {u"order"_s, u"create"_s, u"--line"_s, u"X=1"_s} << 2;
        QTest::newRow("no lines") << QStringList {u"order"_s, u"create"_s, u"--customer"_s, u"@"_s}
                                  << 2;
        QTest::newRow("unknown SKU") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                     u"@"_s,     u"--line"_s, u"NOPE-1=1"_s}
                                     << 1;
        QTest::newRow("negative quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                           u"@"_s,     u"--line"_s, u"@sku=-2"_s}
                                           << 1;
        QTest::newRow("zero quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                       u"@"_s,     u"--line"_s, u"@sku=0"_s}
                                       << 1;
        QTest::newRow("garbage quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                          u"@"_s,     u"--line"_s, u"@sku=lots"_s}
                                          << 1;
        QTest::newRow("unknown unit") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                      u"@"_s,     u"--line"_s, u"@sku=1:pallet"_s}
                                      << 1;
        QTest::newRow("bad date") << QStringList {u"order"_s,  u"create"_s,    u"--customer"_s,
                                                  u"@"_s,      u"--line"_s,    u"@sku=1"_s,
                                                  u"--date"_s, u"22/11/2026"_s}
                                  << 2;
    }
    void badInputGetsOneLineAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        for (QString &a : args)
            a.replace(u"@sku"_s, m_sku).replace(u"@"_s, m_customerId);
        const QByteArray statusBefore = cli({u"status"_s, u"--json"_s}).out;
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(u"karvan-cli: "_s), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(cli({u"status"_s, u"--json"_s}).out, statusBefore);
    }

private:
    Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(KARVAN_CLI), QStringList {u"--profile"_s, m_dir.path()} + args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
    QString m_customerId;
    QString m_sku;
};

QTEST_GUILESS_MAIN(tst_KarvanCli)
#include "tst_karvancli.moc"
