#include "storage/database.h"
#include "storage/databaseurl.h"
#include "storage/migrations.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace karvan;
using namespace karvan::hq;
using namespace Qt::StringLiterals;

class tst_HqStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls_data();
    void parsesUrls();
    void refusesBadUrls_data();
    void refusesBadUrls();
    void passwordFromEnvironment();

    void migratesFromEmpty_data() { test::addBackendColumns(); }
    void migratesFromEmpty();
    void migrationIsIdempotent_data() { test::addBackendColumns(); }
    void migrationIsIdempotent();
    void failingStepRollsBack_data() { test::addBackendColumns(); }
    void failingStepRollsBack();
    void refusesSchemaFromTheFuture_data() { test::addBackendColumns(); }
    void refusesSchemaFromTheFuture();
    void transactionCommitsOrRollsBack_data() { test::addBackendColumns(); }
    void transactionCommitsOrRollsBack();
    void nestedTransactionUsesSavepoint_data() { test::addBackendColumns(); }
    void nestedTransactionUsesSavepoint();
    void oneConnectionPerThread_data() { test::addBackendColumns(); }
    void oneConnectionPerThread();
    void sqlitePragmas();
    void badSqlIsAnErrorNotACrash_data() { test::addBackendColumns(); }
    void badSqlIsAnErrorNotACrash();
};

void tst_HqStorage::parsesUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("backend");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("display");

    const int sqlite = int(Backend::Sqlite);
    const int pg = int(Backend::Postgres);
    QTest::newRow("sqlite relative")
        << u"sqlite:data/hq.db"_s << sqlite << u"data/hq.db"_s << QString() << QString()
        << QString() << 5432 << QString() << u"sqlite:data/hq.db"_s;
    QTest::newRow("sqlite absolute")
        << u"sqlite:/var/lib/karvan/hq.db"_s << sqlite << u"/var/lib/karvan/hq.db"_s << QString()
        << QString() << QString() << 5432 << QString() << u"sqlite:/var/lib/karvan/hq.db"_s;
    QTest::newRow("sqlite triple slash")
        << u"sqlite:///tmp/hq.db"_s << sqlite << u"/tmp/hq.db"_s << QString() << QString()
        << QString() << 5432 << QString() << u"sqlite:/tmp/hq.db"_s;
    QTest::newRow("pg full") << u"postgresql://karvan@db.example.com:6543/erp"_s << pg << QString()
                             << u"karvan"_s << QString() << u"db.example.com"_s << 6543 << u"erp"_s
                             << u"postgresql://karvan@db.example.com:6543/erp"_s;
    QTest::newRow("pg password, default port")
        << u"postgres://karvan:s%40cret@10.0.0.5/erp"_s << pg << QString() << u"karvan"_s
        << u"s@cret"_s << u"10.0.0.5"_s << 5432 << u"erp"_s
        << u"postgresql://karvan@10.0.0.5:5432/erp"_s;
    QTest::newRow("pg ipv6") << u"postgresql://u@[::1]:5433/d"_s << pg << QString() << u"u"_s
                             << QString() << u"::1"_s << 5433 << u"d"_s
                             << u"postgresql://u@[::1]:5433/d"_s;
}

void tst_HqStorage::parsesUrls()
{
    QFETCH(QString, text);
    QFETCH(int, backend);
    qunsetenv("PGPASSWORD");
    auto url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    QCOMPARE(int(url->backend), backend);
    QTEST(url->path, "path");
    QTEST(url->user, "user");
    QTEST(url->password, "password");
    QTEST(url->host, "host");
    QTEST(url->port, "port");
    QTEST(url->database, "database");
    QTEST(url->toDisplayString(), "display");
    QVERIFY(!url->toDisplayString().contains(u"cret"_s));
    // toString() reconnects to the same place.
    auto again = DatabaseUrl::parse(url->toString());
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    QCOMPARE(again->password, url->password);
    QCOMPARE(again->database, url->database);
}

void tst_HqStorage::refusesBadUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("no scheme") << u"/tmp/hq.db"_s << u"no scheme"_s;
    QTest::newRow("mysql") << u"mysql://u@h/d"_s << u"unknown scheme \"mysql\""_s;
    QTest::newRow("sqlite empty") << u"sqlite:"_s << u"path is empty"_s;
    QTest::newRow("sqlite memory") << u"sqlite::memory:"_s << u"file path"_s;
    QTest::newRow("sqlite host") << u"sqlite://host/x.db"_s << u"no host"_s;
    QTest::newRow("pg no user") << u"postgresql://db:5432/erp"_s << u"user is missing"_s;
    QTest::newRow("pg no db") << u"postgresql://u@db:5432"_s << u"database name"_s;
    QTest::newRow("pg empty db") << u"postgresql://u@db:5432/"_s << u"database name"_s;
    QTest::newRow("pg bad port") << u"postgresql://u@db:http/erp"_s << u"port"_s;
    QTest::newRow("pg port range") << u"postgresql://u@db:70000/erp"_s << u"port"_s;
    QTest::newRow("pg empty port") << u"postgresql://u@db:/erp"_s << u"port is empty"_s;
    QTest::newRow("pg no host") << u"postgresql://u@:5432/erp"_s << u"host"_s;
    QTest::newRow("pg query") << u"postgresql://u@db/erp?sslmode=require"_s << u"query"_s;
    QTest::newRow("pg host junk") << u"postgresql://u@d b/erp"_s << u"host"_s;
    QTest::newRow("pg control") << u"postgresql://u%0a@db/erp"_s << u"control"_s;
}

void tst_HqStorage::refusesBadUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    auto url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(url.errorMessage().contains(reason), qPrintable(url.errorMessage()));
    QVERIFY(!url.errorMessage().contains(u'\n'));
}

void tst_HqStorage::passwordFromEnvironment()
{
    qputenv("PGPASSWORD", "fromenv");
    auto url = DatabaseUrl::parse(u"postgresql://u@h:1/d"_s);
    QVERIFY(url.ok());
    QCOMPARE(url->password, u"fromenv"_s);
    auto explicitPassword = DatabaseUrl::parse(u"postgresql://u:inurl@h:1/d"_s);
    QCOMPARE(explicitPassword->password, u"inurl"_s);
    // A password in the URL is never shown back in an error.
    auto bad = DatabaseUrl::parse(u"postgresql://u:hunter2@h:99999/d"_s);
    QVERIFY(!bad.ok());
    QVERIFY2(!bad.errorMessage().contains(u"hunter2"_s), qPrintable(bad.errorMessage()));
    qunsetenv("PGPASSWORD");
}

void tst_HqStorage::migratesFromEmpty()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = Database::open(testDb.url());
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    QCOMPARE(hqSchemaVersion(**db).value(), 0);
    auto reached = migrateHqSchema(**db);
    QVERIFY2(reached.ok(), qPrintable(reached.errorMessage()));
    QCOMPARE(*reached, latestHqSchemaVersion());
    QCOMPARE(hqSchemaVersion(**db).value(), latestHqSchemaVersion());
    for (const QString &table : {u"users"_s, u"user_territories"_s, u"audit_log"_s,
                                 u"audit_chain_head"_s, u"schema_version"_s}) {
        QVERIFY2((*db)->tableExists(table).value(), qPrintable(table));
    }
    QCOMPARE((*db)->scalar(u"SELECT COUNT(*) FROM schema_version"_s)->toInt(),
             latestHqSchemaVersion());
    QCOMPARE((*db)->scalar(u"SELECT hash FROM audit_chain_head"_s)->toString(), QString(64, u'0'));
    // The constraints hold on both backends.
    QVERIFY(!(*db)
                 ->exec(u"INSERT INTO users (id, login, role, password_hash, created_at) "
                        "VALUES ('a', NULL, 'rep', 'x', 'now')"_s)
                 .ok());
    QVERIFY(
        !(*db)
             ->exec(u"INSERT INTO user_territories (user_id, territory) VALUES ('nobody', 'T')"_s)
             .ok());
}

void tst_HqStorage::migrationIsIdempotent()
{
    KARVAN_TEST_DATABASE(testDb);
    {
        auto db = Database::open(testDb.url());
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QVERIFY(migrateHqSchema(**db).ok());
        QVERIFY((*db)
                    ->exec(u"INSERT INTO users (id, login, role, password_hash, created_at) "
                           "VALUES ('u1', 'kept', 'rep', 'x', '2024-01-01T00:00:00.000Z')"_s)
                    .ok());
    }
    // A second process (a second Database) re-running init changes nothing.
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    auto again = migrateHqSchema(**db);
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    QCOMPARE(*again, latestHqSchemaVersion());
    QCOMPARE((*db)->scalar(u"SELECT COUNT(*) FROM schema_version"_s)->toInt(),
             latestHqSchemaVersion());
    QCOMPARE((*db)->scalar(u"SELECT login FROM users"_s)->toString(), u"kept"_s);
}

void tst_HqStorage::failingStepRollsBack()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QList<SchemaStep> steps = hqSchemaSteps();
    steps.append({int(steps.size()) + 1, u"half-done step"_s, [](Database &d) -> Result<void> {
                      if (auto r = d.exec(u"CREATE TABLE half_done (x TEXT)"_s); !r)
                          return r.error();
                      return makeError(ErrorCode::Storage, u"injected failure"_s);
                  }});
    auto reached = migrateHqSchema(**db, steps);
    QVERIFY(!reached.ok());
    QVERIFY2(reached.errorMessage().contains(u"injected failure"_s),
             qPrintable(reached.errorMessage()));
    // The good steps stay, the failed one left nothing behind.
    QCOMPARE(hqSchemaVersion(**db).value(), latestHqSchemaVersion());
    QVERIFY(!(*db)->tableExists(u"half_done"_s).value());
}

void tst_HqStorage::refusesSchemaFromTheFuture()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QVERIFY(migrateHqSchema(**db).ok());
    QVERIFY((*db)
                ->exec(u"INSERT INTO schema_version (version, description, applied_at) "
                       "VALUES (?, 'from the future', 'x')"_s,
                       {latestHqSchemaVersion() + 1})
                .ok());
    auto reached = migrateHqSchema(**db);
    QVERIFY(!reached.ok());
    QVERIFY2(reached.errorMessage().contains(u"newer"_s), qPrintable(reached.errorMessage()));
}

void tst_HqStorage::transactionCommitsOrRollsBack()
{
    KARVAN_TEST_DATABASE(testDb);
    auto opened = Database::open(testDb.url());
    QVERIFY(opened.ok());
    Database &db = **opened;
    QVERIFY(db.exec(u"CREATE TABLE t (k TEXT PRIMARY KEY, v BIGINT NOT NULL)"_s).ok());

    QVERIFY(db.transaction([&]() -> Result<void> {
                  if (auto r = db.exec(u"INSERT INTO t VALUES ('a', 1)"_s); !r)
                      return r.error();
                  return {};
              }).ok());
    auto failed = db.transaction([&]() -> Result<void> {
        if (auto r = db.exec(u"INSERT INTO t VALUES ('b', 2)"_s); !r)
            return r.error();
        // A constraint violation mid-transaction (on PostgreSQL it aborts the transaction).
        if (auto r = db.exec(u"INSERT INTO t VALUES ('a', 3)"_s); !r)
            return r.error();
        return {};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Storage);
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM t"_s)->toInt(), 1);
    // The connection is usable again after the rollback.
    QVERIFY(
        db.transaction([&]() -> Result<void> {
              if (auto r = db.exec(u"INSERT INTO t VALUES (?, ?)"_s, {u"c"_s, qint64(1) << 40}); !r)
                  return r.error();
              return {};
          }).ok());
    QCOMPARE(db.scalar(u"SELECT v FROM t WHERE k = 'c'"_s)->toLongLong(), qint64(1) << 40);
}

void tst_HqStorage::nestedTransactionUsesSavepoint()
{
    KARVAN_TEST_DATABASE(testDb);
    auto opened = Database::open(testDb.url());
    QVERIFY(opened.ok());
    Database &db = **opened;
    QVERIFY(db.exec(u"CREATE TABLE t (k TEXT PRIMARY KEY)"_s).ok());
    auto outer = db.transaction([&]() -> Result<void> {
        if (auto r = db.exec(u"INSERT INTO t VALUES ('outer')"_s); !r)
            return r.error();
        auto inner = db.transaction([&]() -> Result<void> {
            if (auto r = db.exec(u"INSERT INTO t VALUES ('inner')"_s); !r)
                return r.error();
            return makeError(ErrorCode::Conflict, u"inner refuses"_s);
        });
        if (inner.ok())
            return makeError(ErrorCode::Storage, u"inner should have failed"_s);
        return {};
    });
    QVERIFY2(outer.ok(), qPrintable(outer.errorMessage()));
    QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM t"_s)->toInt(), 1);
    QCOMPARE(db.scalar(u"SELECT k FROM t"_s)->toString(), u"outer"_s);
}

void tst_HqStorage::oneConnectionPerThread()
{
    KARVAN_TEST_DATABASE(testDb);
    auto opened = Database::open(testDb.url());
    QVERIFY(opened.ok());
    Database &db = **opened;
    QVERIFY(db.exec(u"CREATE TABLE t (k TEXT PRIMARY KEY)"_s).ok());
    const QString mainName = db.connection()->connectionName();
    std::atomic<int> failures {0};
    QString workerName;
    std::thread worker([&] {
        {
            auto c = db.connection();
            if (!c) {
                ++failures;
                return;
            }
            workerName = c->connectionName();
        }
        auto r = db.transaction([&]() -> Result<void> {
            if (auto q = db.exec(u"INSERT INTO t VALUES ('from worker')"_s); !q)
                return q.error();
            return {};
        });
        if (!r)
            ++failures;
        db.releaseThreadConnection();
    });
    worker.join();
    QCOMPARE(failures.load(), 0);
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM t"_s)->toInt(), 1);
}

void tst_HqStorage::sqlitePragmas()
{
    test::TestDatabase testDb(u"sqlite"_s);
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QCOMPARE((*db)->scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
    QCOMPARE((*db)->scalar(u"PRAGMA foreign_keys"_s)->toInt(), 1);
    QCOMPARE((*db)->scalar(u"PRAGMA synchronous"_s)->toInt(), 2); // FULL
    QVERIFY((*db)->scalar(u"PRAGMA busy_timeout"_s)->toInt() >= 1000);
    // A directory that does not exist is a clear error, not a crash.
    auto missing = Database::open(u"sqlite:/nonexistent-dir/hq.db"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.errorMessage().contains(u"does not exist"_s),
             qPrintable(missing.errorMessage()));
}

void tst_HqStorage::badSqlIsAnErrorNotACrash()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    auto r = (*db)->exec(u"SELEC nonsense"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Storage);
    auto bound = (*db)->scalar(u"SELECT CAST(? AS BIGINT) + CAST(? AS BIGINT)"_s, {1, 2});
    QVERIFY2(bound.ok(), qPrintable(bound.errorMessage()));
    QCOMPARE(bound->toLongLong(), 3);
    // Wrong types and missing bindings are errors too.
    QVERIFY(!(*db)->exec(u"SELECT CAST(? AS BIGINT)"_s, {u"not a number"_s}).ok()
            || backend == u"sqlite"_s); // SQLite casts leniently
    QVERIFY(!(*db)->exec(u"SELECT * FROM no_such_table WHERE x = ?"_s, {1}).ok());
}

QTEST_GUILESS_MAIN(tst_HqStorage)
#include "tst_hqstorage.moc"
