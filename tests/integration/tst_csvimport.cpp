#include "erp/csvimport.h"
#include "erpfixture.h"
#include "hqserverprocess.h"
#include "testdatabase.h"

#include <QFile>
#include <QTemporaryDir>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

// karvan-hq import customers|products|prices|stock FILE.csv --db URL [--skip-bad], on SQLite
// and PostgreSQL, plus the RFC 4180 reader on its own.
class tst_CsvImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRfc4180();
    void goodFilesImport_data() { addBackendColumns(); }
    void goodFilesImport();
    void badRowsImportNothing_data() { addBackendColumns(); }
    void badRowsImportNothing();
    void skipBadImportsTheGoodRows_data() { addBackendColumns(); }
    void skipBadImportsTheGoodRows();

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(content);
        return path;
    }

    // init + the fixture company (warehouses WH1/WH2, products TEA/RICE/OIL).
    static QString prepare(const QString &url)
    {
        const CliRun init = runHq({u"init"_s, u"--db"_s, url});
        if (init.exitCode != 0)
            return init.err;
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        ErpCompany co;
        return seedCompany(**db, co);
    }

    static CliRun import(const QString &kind, const QString &file, const QString &url,
                         bool skipBad = false)
    {
        QStringList args {u"import"_s, kind, file, u"--db"_s, url};
        if (skipBad)
            args.append(u"--skip-bad"_s);
        return runHq(args);
    }

    static QString state(const QString &url)
    {
        auto db = Database::open(url);
        if (!db)
            return db.errorMessage();
        return footprint(**db) + u" customers="_s
            + (*db)->scalar(u"SELECT COUNT(*) FROM customers"_s)->toString() + u" products="_s
            + (*db)->scalar(u"SELECT COUNT(*) FROM products"_s)->toString() + u" tiers="_s
            + (*db)->scalar(u"SELECT COUNT(*) FROM price_list_tiers"_s)->toString();
    }
};

void tst_CsvImport::readsRfc4180()
{
    const QString text = u"\xFEFF"
                         "a,b,c\r\n"
                         "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
                         "\r\n"
                         "\"multi\nline\",,x\n"
                         "bad\"quote,1,2\n"
                         "\"unclosed,1,2\n"_s;
    const QList<erp::CsvRecord> r = erp::parseCsv(text);
    QCOMPARE(r.size(), 5);
    QCOMPARE(r.at(0).fields, (QStringList {u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(r.at(1).fields, (QStringList {u"1"_s, u"two, with comma"_s, u"say \"hi\""_s}));
    QCOMPARE(r.at(2).line, 4);
    QCOMPARE(r.at(2).fields, (QStringList {u"multi\nline"_s, QString(), u"x"_s}));
    QCOMPARE(r.at(3).line, 6);
    QVERIFY(r.at(3).error.contains(u"quote"_s));
    QCOMPARE(r.at(4).line, 7);
    QVERIFY(r.at(4).error.contains(u"unterminated"_s));
}

void tst_CsvImport::goodFilesImport()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QVERIFY2(prepare(url).isEmpty(), qPrintable(prepare(url)));

    const QString customers
        = writeFile(u"customers.csv"_s,
                    u"name,territory,tax_region,currency,credit_limit,phone,notes\n"
                    "فروشگاه رضایی,NORTH,N,USD,250.00,+98 21 5555,\"چای, برنج\"\n"
                    "\"Çay Evi \"\"Merkez\"\"\",NORTH,N,USD,,,\"two\nlines\"\n"
                    "مكتبة الأمل,SOUTH,S,USD,0,,\n"_s.toUtf8());
    CliRun r = import(u"customers"_s, customers, url);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(u"3 rows imported, 0 refused"_s), qPrintable(r.out));

    const QString products = writeFile(u"products.csv"_s,
                                       "sku,name,base_unit,category\n"
                                       "SAFFRON,Saffron 1g,ea,spice\n"
                                       "TEA,Black tea (renamed),ea,drinks\n");
    r = import(u"products"_s, products, url);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QString prices = writeFile(u"prices.csv"_s,
                                     "price_list,sku,unit_price,min_quantity\n"
                                     "BASE-USD,SAFFRON,12.50,1\n"
                                     "BASE-USD,SAFFRON,11.00,10\n"
                                     "WHOLESALE,RICE,15.00,1\n");
    r = import(u"prices"_s, prices, url);
    QVERIFY2(r.exitCode != 0 && r.err.contains(u"line 4: price list WHOLESALE does not exist"_s),
             qPrintable(r.err));
    const QString prices2 = writeFile(u"prices2.csv"_s,
                                      "price_list,sku,unit_price,min_quantity,currency\n"
                                      "BASE-USD,SAFFRON,12.50,1,\n"
                                      "BASE-USD,SAFFRON,11.00,10,USD\n"
                                      "WHOLESALE,RICE,15.00,1,USD\n");
    r = import(u"prices"_s, prices2, url);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QString stock = writeFile(u"stock.csv"_s,
                                    "sku,warehouse,quantity,unit_cost,date\n"
                                    "SAFFRON,WH1,40,7.25,2024-01-05\n"
                                    "SAFFRON,WH2,2.5,7.25,2024-01-05\n");
    r = import(u"stock"_s, stock, url);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

    auto db = Database::open(url);
    QVERIFY(db.ok());
    Database &d = **db;
    // Persian and Arabic names and the quoted fields survive byte for byte.
    QCOMPARE(
        d.scalar(u"SELECT notes FROM customers WHERE name = ?"_s, {u"فروشگاه رضایی"_s})->toString(),
        u"چای, برنج"_s);
    QCOMPARE(
        d.scalar(u"SELECT credit_limit_minor FROM customers WHERE name = ?"_s, {u"فروشگاه رضایی"_s})
            ->toLongLong(),
        25000);
    QCOMPARE(d.scalar(u"SELECT territory FROM customers WHERE name = ?"_s, {u"مكتبة الأمل"_s})
                 ->toString(),
             u"SOUTH"_s);
    QCOMPARE(d.scalar(u"SELECT notes FROM customers WHERE name = ?"_s, {u"Çay Evi \"Merkez\""_s})
                 ->toString(),
             u"two\nlines"_s);
    QCOMPARE(d.scalar(u"SELECT name FROM products WHERE sku = 'TEA'"_s)->toString(),
             u"Black tea (renamed)"_s);
    // The base list keeps its other SKUs and gains SAFFRON's two tiers.
    QCOMPARE(d.scalar(u"SELECT COUNT(*) FROM price_list_tiers t JOIN price_lists l ON l.id = "
                      "t.price_list_id WHERE l.code = 'BASE-USD'"_s)
                 ->toInt(),
             4 + 2);
    QCOMPARE(d.scalar(u"SELECT on_hand_milli FROM stock WHERE sku = 'SAFFRON' AND "
                      "warehouse_code = 'WH2'"_s)
                 ->toLongLong(),
             2500);
    // Audited, and the books agree.
    QVERIFY(d.scalar(u"SELECT COUNT(*) FROM audit_log WHERE actor LIKE 'user:cli:%'"_s)->toInt()
            >= 3 + 2 + 2 + 2);
    KARVAN_VERIFY_INVARIANTS(d);
    QCOMPARE(runHq({u"audit"_s, u"verify"_s, u"--db"_s, url}).exitCode, 0);
}

void tst_CsvImport::badRowsImportNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QVERIFY2(prepare(url).isEmpty(), qPrintable(prepare(url)));
    const QString before = state(url);

    const QString stock = writeFile(u"bad-stock.csv"_s,
                                    "sku,warehouse,quantity,unit_cost\n"
                                    "RICE,WH1,5,10.00\n"
                                    "NOPE,WH1,5,10.00\n"
                                    "RICE,WH1,-3,10.00\n"
                                    "RICE,\"WH1,5,10.00\n"
                                    "RICE,WH1,5\n"
                                    "OIL,WH2,1,abc\n"
                                    "OIL,WH9,1,1.00\n");
    CliRun r = import(u"stock"_s, stock, url);
    QCOMPARE(r.exitCode, 1);
    for (const QString &expected :
         {u"line 3: unknown SKU \"NOPE\""_s, u"line 4: quantity must not be negative"_s,
          u"line 5: a quoted field is not closed"_s, u"line 6: expected 4 fields, found 3"_s,
          u"line 7: unit_cost"_s, u"line 8: unknown warehouse \"WH9\""_s}) {
        QVERIFY2(r.err.contains(expected), qPrintable(expected + u" in: "_s + r.err));
    }
    QVERIFY(!r.err.contains(u"line 2:"_s));
    QVERIFY2(r.out.contains(u"nothing imported"_s), qPrintable(r.out));
    QCOMPARE(state(url), before);

    // A missing required column refuses the file at its header.
    const QString noColumn = writeFile(u"no-column.csv"_s,
                                       "name,territory,currency\n"
                                       "A,NORTH,USD\n");
    r = import(u"customers"_s, noColumn, url, true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"line 1: missing required column \"tax_region\""_s),
             qPrintable(r.err));
    // Not UTF-8.
    const QString latin1 = writeFile(u"latin1.csv"_s, "sku,name\nX1,caf\xe9\n");
    r = import(u"products"_s, latin1, url);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"line 2: the file is not valid UTF-8"_s), qPrintable(r.err));
    // Bad usage.
    QCOMPARE(import(u"vendors"_s, latin1, url).exitCode, 2);
    QCOMPARE(runHq({u"import"_s, u"stock"_s, u"--db"_s, url}).exitCode, 2);
    QCOMPARE(import(u"stock"_s, m_dir.filePath(u"missing.csv"_s), url).exitCode, 1);
    QCOMPARE(state(url), before);
}

void tst_CsvImport::skipBadImportsTheGoodRows()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QVERIFY2(prepare(url).isEmpty(), qPrintable(prepare(url)));
    const QString customers = writeFile(u"mixed.csv"_s,
                                        u"name,territory,tax_region,currency,payment_terms_days\n"
                                        "Good One,NORTH,N,USD,30\n"
                                        ",NORTH,N,USD,30\n"
                                        "Bad Currency,NORTH,N,ZZZ,30\n"
                                        "Bad Terms,NORTH,N,USD,-5\n"
                                        "Good Two,SOUTH,S,USD,\n"_s.toUtf8());
    auto db = Database::open(url);
    QVERIFY(db.ok());
    const int before = (*db)->scalar(u"SELECT COUNT(*) FROM customers"_s)->toInt();
    const CliRun r = import(u"customers"_s, customers, url, true);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"2 rows imported, 3 refused"_s), qPrintable(r.out));
    QVERIFY(r.err.contains(u"line 3: column \"name\" is empty"_s));
    QVERIFY(r.err.contains(u"line 4: unknown currency"_s));
    QVERIFY(r.err.contains(u"line 5: payment_terms_days"_s));
    QCOMPARE((*db)->scalar(u"SELECT COUNT(*) FROM customers"_s)->toInt(), before + 2);
    QCOMPARE((*db)
                 ->scalar(u"SELECT COUNT(*) FROM customers WHERE name IN ('Good One', "
                          "'Good Two')"_s)
                 ->toInt(),
             2);
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
