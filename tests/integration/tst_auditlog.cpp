#include "audit/auditlog.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testdatabase.h"

#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>

using namespace karvan;
using namespace karvan::hq;
using namespace Qt::StringLiterals;

class tst_AuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalFormIsUnambiguous();

    void cleanChainVerifies_data() { test::addBackendColumns(); }
    void cleanChainVerifies();
    void appendNeedsTransactionAndRollsBackWithIt_data() { test::addBackendColumns(); }
    void appendNeedsTransactionAndRollsBackWithIt();
    void detectsEditedField_data();
    void detectsEditedField();
    void detectsDeletedMiddleRow_data() { test::addBackendColumns(); }
    void detectsDeletedMiddleRow();
    void detectsDeletedTail_data() { test::addBackendColumns(); }
    void detectsDeletedTail();
    void detectsSwappedRows_data() { test::addBackendColumns(); }
    void detectsSwappedRows();
    void detectsRecomputedHash_data() { test::addBackendColumns(); }
    void detectsRecomputedHash();
    void detectsForgedExtraRow_data() { test::addBackendColumns(); }
    void detectsForgedExtraRow();
    void concurrentAppendersKeepOneChain_data() { test::addBackendColumns(); }
    void concurrentAppendersKeepOneChain();

private:
    // A migrated database holding entries 1..count.
    static std::unique_ptr<Database> withEntries(const QString &url, int count)
    {
        auto db = Database::open(url);
        if (!db || !migrateHqSchema(**db))
            return nullptr;
        for (int i = 1; i <= count; ++i) {
            auto r = (*db)->transaction([&]() -> Result<void> {
                auto e = AuditLog(**db).append(
                    u"user:admin"_s, u"test.change"_s, u"thing"_s, u"id-%1"_s.arg(i),
                    i == 1 ? QJsonObject() : QJsonObject {{u"n"_s, i - 1}},
                    QJsonObject {{u"n"_s, i}, {u"name"_s, u"نام %1"_s.arg(i)}});
                if (!e)
                    return e.error();
                return {};
            });
            if (!r)
                return nullptr;
        }
        return std::move(db).value();
    }

    static void expectBrokenAt(Database &db, qint64 seq)
    {
        auto result = AuditLog(db).verify();
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY2(!result->intact, "the chain should be broken");
        QVERIFY2(result->firstBadSeq == seq,
                 qPrintable(u"broken at %1, expected %2: %3"_s.arg(result->firstBadSeq)
                                .arg(seq)
                                .arg(result->reason)));
        QVERIFY2(result->reason.contains(QString::number(seq)), qPrintable(result->reason));
    }
};

void tst_AuditLog::canonicalFormIsUnambiguous()
{
    AuditEntry a;
    a.seq = 1;
    a.at = u"2024-01-01T00:00:00.000Z"_s;
    a.actor = u"x"_s;
    a.action = u"y"_s;
    a.entity = u"e"_s;
    a.entityId = u"1"_s;
    a.prevHash = AuditLog::genesisHash();
    AuditEntry b = a;
    b.actor = u"xy"_s;
    b.action = QString(); // "x" + "y" == "xy" + "": the length prefix tells them apart
    QVERIFY(AuditLog::canonicalForm(a) != AuditLog::canonicalForm(b));
    AuditEntry c = a;
    c.after = QString(); // an empty after differs from no after
    QVERIFY(AuditLog::canonicalForm(a) != AuditLog::canonicalForm(c));
    QCOMPARE(AuditLog::computeHash(a).size(), 64);
    QCOMPARE(AuditLog::computeHash(a), AuditLog::computeHash(a));
}

void tst_AuditLog::cleanChainVerifies()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 0);
    QVERIFY(db);
    auto empty = AuditLog(*db).verify();
    QVERIFY(empty.ok());
    QVERIFY(empty->intact);
    QCOMPARE(empty->entries, 0);

    db = withEntries(testDb.url(), 5); // five more on the same database
    QVERIFY(db);
    auto result = AuditLog(*db).verify();
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QVERIFY2(result->intact, qPrintable(result->reason));
    QCOMPARE(result->entries, 5);
    QCOMPARE(db->scalar(u"SELECT prev_hash FROM audit_log WHERE seq = 1"_s)->toString(),
             AuditLog::genesisHash());
    QCOMPARE(db->scalar(u"SELECT prev_hash FROM audit_log WHERE seq = 3"_s)->toString(),
             db->scalar(u"SELECT hash FROM audit_log WHERE seq = 2"_s)->toString());
    QCOMPARE(db->scalar(u"SELECT seq FROM audit_chain_head"_s)->toLongLong(), 5);
    QVERIFY(db->scalar(u"SELECT at FROM audit_log WHERE seq = 1"_s)->toString().endsWith(u'Z'));
}

void tst_AuditLog::appendNeedsTransactionAndRollsBackWithIt()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 1);
    QVERIFY(db);
    auto outside = AuditLog(*db).append(u"a"_s, u"b"_s, u"c"_s, u"d"_s, {}, {});
    QVERIFY(!outside.ok());
    QVERIFY(outside.errorMessage().contains(u"transaction"_s));

    auto rolledBack = db->transaction([&]() -> Result<void> {
        if (auto e = AuditLog(*db).append(u"a"_s, u"b"_s, u"c"_s, u"d"_s, {}, {}); !e)
            return e.error();
        return makeError(ErrorCode::Conflict, u"the change it records failed"_s);
    });
    QVERIFY(!rolledBack.ok());
    QCOMPARE(db->scalar(u"SELECT COUNT(*) FROM audit_log"_s)->toInt(), 1);
    QCOMPARE(db->scalar(u"SELECT seq FROM audit_chain_head"_s)->toInt(), 1);
    QVERIFY(AuditLog(*db).verify()->intact);
}

void tst_AuditLog::detectsEditedField_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("assignment");
    const QList<std::pair<const char *, QString>> edits {
        {"after", u"after = '{\"n\":999}'"_s},
        {"after to null", u"after = NULL"_s},
        {"before", u"before = '{}'"_s},
        {"actor", u"actor = 'user:mallory'"_s},
        {"at", u"at = '2020-01-01T00:00:00.000Z'"_s},
        {"entity_id", u"entity_id = 'id-x'"_s},
        {"hash", u"hash = '%1'"_s.arg(QString(64, u'f'))},
    };
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (const auto &[name, assignment] : edits)
            QTest::addRow("%s %s", qPrintable(backend), name) << backend << assignment;
    }
}

void tst_AuditLog::detectsEditedField()
{
    QFETCH(QString, assignment);
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 5);
    QVERIFY(db);
    QVERIFY(db->exec(u"UPDATE audit_log SET %1 WHERE seq = 3"_s.arg(assignment)).ok());
    expectBrokenAt(*db, 3);
}

void tst_AuditLog::detectsDeletedMiddleRow()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 5);
    QVERIFY(db);
    QVERIFY(db->exec(u"DELETE FROM audit_log WHERE seq = 3"_s).ok());
    expectBrokenAt(*db, 3);
    // Renumbering the rest to close the gap breaks the links instead.
    QVERIFY(db->exec(u"UPDATE audit_log SET seq = 3 WHERE seq = 4"_s).ok());
    QVERIFY(db->exec(u"UPDATE audit_log SET seq = 4 WHERE seq = 5"_s).ok());
    QVERIFY(db->exec(u"UPDATE audit_chain_head SET seq = 4"_s).ok());
    expectBrokenAt(*db, 3);
}

void tst_AuditLog::detectsDeletedTail()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 5);
    QVERIFY(db);
    QVERIFY(db->exec(u"DELETE FROM audit_log WHERE seq >= 4"_s).ok());
    expectBrokenAt(*db, 4);
}

void tst_AuditLog::detectsSwappedRows()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 5);
    QVERIFY(db);
    // Swap the whole content (everything but seq) of entries 2 and 4.
    const QString columns
        = u"at, actor, action, entity, entity_id, before, after, prev_hash, hash"_s;
    QVERIFY(
        db->exec(u"CREATE TABLE swap AS SELECT seq, %1 FROM audit_log WHERE seq IN (2, 4)"_s.arg(
                     columns))
            .ok());
    for (const QString &column : columns.split(u", "_s)) {
        QVERIFY(db->exec(u"UPDATE audit_log SET %1 = (SELECT s.%1 FROM swap s WHERE s.seq = "
                         "6 - audit_log.seq) WHERE seq IN (2, 4)"_s.arg(column))
                    .ok());
    }
    expectBrokenAt(*db, 2);
}

void tst_AuditLog::detectsRecomputedHash()
{
    // Someone rewrites entry 3 and gives it a correct hash: the link from entry 4 breaks.
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 5);
    QVERIFY(db);
    auto q = db->exec(u"SELECT seq, at, actor, action, entity, entity_id, before, after, prev_hash "
                      "FROM audit_log WHERE seq = 3"_s);
    QVERIFY(q.ok());
    QVERIFY(q.value().next());
    AuditEntry e;
    e.seq = 3;
    e.at = q.value().value(1).toString();
    e.actor = u"user:mallory"_s;
    e.action = q.value().value(3).toString();
    e.entity = q.value().value(4).toString();
    e.entityId = q.value().value(5).toString();
    e.before = q.value().value(6).toString();
    e.after = q.value().value(7).toString();
    e.prevHash = q.value().value(8).toString();
    QVERIFY(db->exec(u"UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3"_s,
                     {e.actor, AuditLog::computeHash(e)})
                .ok());
    expectBrokenAt(*db, 4);
}

void tst_AuditLog::detectsForgedExtraRow()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 2);
    QVERIFY(db);
    QVERIFY(db->exec(u"INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, "
                     "after, prev_hash, hash) SELECT 3, at, actor, action, entity, entity_id, "
                     "before, after, hash, hash FROM audit_log WHERE seq = 2"_s)
                .ok());
    expectBrokenAt(*db, 3);
}

void tst_AuditLog::concurrentAppendersKeepOneChain()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = withEntries(testDb.url(), 0);
    QVERIFY(db);
    constexpr int Threads = 4;
    constexpr int PerThread = 15;
    std::atomic<int> failures {0};
    std::atomic<bool> go {false};
    QString firstError;
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            // Each thread has its own connection (its own PostgreSQL session).
            if (!db->connection())
                ++failures;
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < PerThread; ++i) {
                auto r = db->transaction([&]() -> Result<void> {
                    auto e = AuditLog(*db).append(u"thread:%1"_s.arg(t), u"test.concurrent"_s,
                                                  u"thing"_s, u"%1-%2"_s.arg(t).arg(i), {},
                                                  QJsonObject {{u"i"_s, i}});
                    if (!e)
                        return e.error();
                    return {};
                });
                if (!r && failures.fetch_add(1) == 0)
                    firstError = r.errorMessage();
            }
            db->releaseThreadConnection();
        });
    }
    go = true;
    for (auto &thread : threads)
        thread.join();
    QVERIFY2(failures.load() == 0, qPrintable(firstError));
    auto result = AuditLog(*db).verify();
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QVERIFY2(result->intact, qPrintable(result->reason));
    QCOMPARE(result->entries, Threads * PerThread);
    QCOMPARE(db->scalar(u"SELECT COUNT(DISTINCT prev_hash) FROM audit_log"_s)->toInt(),
             Threads * PerThread);
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
