#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "store/customerrepository.h"
#include "store/localstore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

// The demo company written into a device store, and the karvan-demo tool the README's demo
// command runs.
class tst_StoreDemoSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everythingGeneratedIsStored()
    {
        auto store = LocalStore::open(m_dir.filePath(u"all.sqlite"_s));
        QVERIFY(store.ok());
        Result<DemoSummary> summary = makeError(ErrorCode::Storage, u"not run"_s);
        {
            StoreDemoSink sink(**store);
            summary = DemoGenerator().generate(sink);
        }
        QVERIFY2(summary.ok(), qPrintable(summary.errorMessage()));
        auto count = [&](const QString &sql) {
            auto v = (*store)->scalar(sql);
            return v.ok() ? v->toLongLong() : -1;
        };
        QCOMPARE(count(u"SELECT count(*) FROM customers"_s), summary->customers);
        QCOMPARE(count(u"SELECT count(*) FROM products"_s), summary->products);
        QCOMPARE(count(u"SELECT count(*) FROM sales_documents WHERE kind = 'order'"_s),
                 summary->orders);
        QCOMPARE(count(u"SELECT count(*) FROM sales_documents WHERE kind = 'quote'"_s),
                 summary->quotes);
        QCOMPARE(count(u"SELECT count(*) FROM document_lines"_s),
                 summary->orderLines + summary->quoteLines);
        QCOMPARE(count(u"SELECT count(*) FROM invoices"_s), summary->invoices);
        QCOMPARE(count(u"SELECT count(*) FROM payments"_s), summary->payments);
        QCOMPARE(count(u"SELECT count(*) FROM tickets"_s), summary->tickets);
        QCOMPARE(count(u"SELECT count(*) FROM activities"_s), summary->activities);
        QCOMPARE(count(u"SELECT count(*) FROM stock_levels"_s), summary->stockLevels);
        QCOMPARE(count(u"SELECT coalesce(sum(total_minor), 0) FROM invoices"_s),
                 summary->invoicedMinor);
        // A bulk load leaves nothing for HQ: the outbox holds only what the rep writes.
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 0);
        // Searchable right away.
        auto found = CustomerRepository(**store).search(u"istanbul"_s);
        QVERIFY(found.ok());
        QVERIFY(!found->isEmpty());
    }

    void territoryFilterKeepsARepsScope()
    {
        auto store = LocalStore::open(m_dir.filePath(u"tr.sqlite"_s));
        QVERIFY(store.ok());
        {
            StoreDemoSink sink(**store, {u"TR-IST"_s});
            QVERIFY(DemoGenerator().generate(sink).ok());
        }
        auto count = [&](const QString &sql) {
            auto v = (*store)->scalar(sql);
            return v.ok() ? v->toLongLong() : -1;
        };
        QVERIFY(count(u"SELECT count(*) FROM customers"_s) > 0);
        QCOMPARE(count(u"SELECT count(*) FROM customers WHERE territory <> 'TR-IST'"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM sales_documents d WHERE NOT EXISTS (SELECT 1 FROM "
                       u"customers c WHERE c.id = d.customer_id)"_s),
                 0);
        QCOMPARE(count(u"SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM "
                       u"customers c WHERE c.id = i.customer_id)"_s),
                 0);
        // The catalog is everyone's.
        QCOMPARE(count(u"SELECT count(*) FROM products"_s),
                 DemoSizeSpec::forSize(DemoSize::Small).products);
    }

    void demoToolGeneratesAndTours()
    {
        const QString db = u"sqlite:"_s + m_dir.filePath(u"tool.sqlite"_s);
        QProcess generate;
        generate.start(QStringLiteral(KARVAN_DEMO_TOOL), {u"generate"_s, u"--db"_s, db});
        QVERIFY(generate.waitForFinished(120000));
        QCOMPARE(generate.exitCode(), 0);
        const QString listing = QString::fromUtf8(generate.readAllStandardOutput());
        QVERIFY(listing.contains(u"rep.tr1"_s));
        QVERIFY(listing.contains(u"password \"demo\""_s));

        QProcess tour;
        tour.start(QStringLiteral(KARVAN_DEMO_TOOL), {u"tour"_s, u"--db"_s, db});
        QVERIFY(tour.waitForFinished(120000));
        const QString text = QString::fromUtf8(tour.readAllStandardOutput());
        QVERIFY2(tour.exitCode() == 0,
                 qPrintable(text + QString::fromUtf8(tour.readAllStandardError())));
        QVERIFY(!text.contains(u"NOT FOUND"_s));
        QVERIFY(text.contains(u"saved offline"_s));
    }

    void demoToolRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList {u"bake"_s};
        QTest::newRow("no db") << QStringList {u"generate"_s};
        QTest::newRow("not sqlite") << QStringList {u"generate"_s, u"--db"_s, u"mysql://x"_s};
        QTest::newRow("unknown size")
            << QStringList {u"generate"_s, u"--db"_s, u"sqlite:/tmp/x"_s, u"--size"_s, u"huge"_s};
        QTest::newRow("bad seed") << QStringList {u"generate"_s, u"--db"_s, u"sqlite:/tmp/x"_s,
                                                  u"--seed"_s, u"-1x"_s};
        QTest::newRow("unknown territory") << QStringList {
            u"generate"_s, u"--db"_s, u"sqlite:/tmp/x"_s, u"--territory"_s, u"XX-YYY"_s};
        QTest::newRow("tour of nothing")
            << QStringList {u"tour"_s, u"--db"_s, u"sqlite:/nonexistent/karvan.sqlite"_s};
    }
    void demoToolRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(QStringLiteral(KARVAN_DEMO_TOOL), args);
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        if (!args.isEmpty())
            QVERIFY2(err.startsWith(u"karvan-demo: "_s) && !err.contains(u'\n'), qPrintable(err));
        QVERIFY(!QFile::exists(u"/tmp/x"_s));
    }

    void demoToolRefusesToOverwrite()
    {
        const QString path = m_dir.filePath(u"tool.sqlite"_s); // written above
        QVERIFY(QFile::exists(path));
        QProcess p;
        p.start(QStringLiteral(KARVAN_DEMO_TOOL), {u"generate"_s, u"--db"_s, u"sqlite:"_s + path});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(u"exists"_s));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_StoreDemoSink)
#include "tst_storedemosink.moc"
