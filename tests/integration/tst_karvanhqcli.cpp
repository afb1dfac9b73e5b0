#include "auth/userdirectory.h"
#include "demo/demogenerator.h"
#include "erp/invariants.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testdatabase.h"

#include <QElapsedTimer>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace Qt::StringLiterals;

// Runs the real karvan-hq binary, as an operator or a script would.
class tst_KarvanHqCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndUsage();
    void initUserAddVerifyTamper_data() { test::addBackendColumns(); }
    void initUserAddVerifyTamper();
    void badInputChangesNothing_data() { test::addBackendColumns(); }
    void badInputChangesNothing();
    void commandsOnMissingDatabase();
    void reportFormats_data() { test::addBackendColumns(); }
    void reportFormats();
    void initDemoSmall_data() { test::addBackendColumns(); }
    void initDemoSmall();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000)
    {
        QProcess process;
        process.setProgram(QStringLiteral(KARVAN_HQ_BINARY));
        process.setArguments(args);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"PGPASSWORD"_s);
        process.setProcessEnvironment(env);
        process.start();
        if (!process.waitForStarted(10000))
            return {};
        process.write(stdinData);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        Run r;
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        r.out = QString::fromUtf8(process.readAllStandardOutput());
        r.err = QString::fromUtf8(process.readAllStandardError());
        return r;
    }

    // A refusal: non-zero exit, exactly one line on stderr containing reason, nothing on stdout.
    static void expectRefusal(const Run &r, const QString &reason)
    {
        QVERIFY2(r.exitCode > 0, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.endsWith(u'\n') && r.err.count(u'\n') == 1, qPrintable(r.err));
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    }

    static qint64 count(Database &db, const QString &table)
    {
        return db.scalar(u"SELECT COUNT(*) FROM "_s + table)->toLongLong();
    }
};

void tst_KarvanHqCli::helpAndUsage()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const QString &command : {u"init"_s, u"user add"_s, u"audit verify"_s})
        QVERIFY2(help.out.contains(command), qPrintable(help.out));

    const Run userHelp = run({u"user"_s, u"add"_s, u"--help"_s});
    QCOMPARE(userHelp.exitCode, 0);
    QVERIFY(userHelp.out.startsWith(u"Usage: karvan-hq user add"_s));
    QVERIFY(userHelp.out.contains(u"--territory"_s));
    QVERIFY(userHelp.out.contains(u"kiosk"_s));

    const Run auditHelp = run({u"audit"_s, u"verify"_s, u"--help"_s});
    QCOMPARE(auditHelp.exitCode, 0);
    QVERIFY(auditHelp.out.contains(u"--db"_s));

    const Run unknown = run({u"frobnicate"_s});
    QCOMPARE(unknown.exitCode, 2);
    expectRefusal(unknown, u"unknown command \"frobnicate\""_s);
    const Run unknownVerb = run({u"user"_s, u"delete"_s});
    QCOMPARE(unknownVerb.exitCode, 2);
    expectRefusal(unknownVerb, u"unknown command \"user delete\""_s);
    const Run unknownOption
        = run({u"init"_s, u"--db"_s, u"sqlite:x.db"_s, u"--sample"_s, u"small"_s});
    QCOMPARE(unknownOption.exitCode, 2);
    expectRefusal(unknownOption, u"sample"_s);
    const Run missingDb = run({u"audit"_s, u"verify"_s});
    QCOMPARE(missingDb.exitCode, 2);
    expectRefusal(missingDb, u"missing --db"_s);
    const Run none = run({});
    QCOMPARE(none.exitCode, 2);
}

void tst_KarvanHqCli::initUserAddVerifyTamper()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();

    const Run init = run({u"init"_s, u"--db"_s, url});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY2(init.out.startsWith(u"init: "_s)
                 && init.out.contains(u"to %1"_s.arg(latestHqSchemaVersion())),
             qPrintable(init.out));
    const Run initAgain = run({u"init"_s, u"--db"_s, url});
    QVERIFY2(initAgain.exitCode == 0, qPrintable(initAgain.err));
    QVERIFY2(initAgain.out.contains(u"already at schema version %1"_s.arg(latestHqSchemaVersion())),
             qPrintable(initAgain.out));

    const Run add
        = run({u"user"_s, u"add"_s, u"--db"_s, url, u"--login"_s, u"rep.one"_s, u"--role"_s,
               u"rep"_s, u"--territory"_s, u"north"_s, u"--territory"_s, u"EAST"_s},
              "pass-w0rd\n");
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    QVERIFY2(add.out.startsWith(u"user add: rep.one (rep, territories EAST, NORTH) id "_s),
             qPrintable(add.out));
    const Run admin = run(
        {u"user"_s, u"add"_s, u"--db"_s, url, u"--login"_s, u"boss"_s, u"--role"_s, u"admin"_s},
        "no-newline-at-end");
    QVERIFY2(admin.exitCode == 0, qPrintable(admin.err));

    const Run verify = run({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(verify.out, u"audit: 2 entries, chain intact\n"_s);

    auto db = Database::open(url);
    QVERIFY(db.ok());
    QCOMPARE(count(**db, u"users"_s), 2);
    QCOMPARE(count(**db, u"user_territories"_s), 2);
    QVERIFY((*db)
                ->scalar(u"SELECT actor FROM audit_log WHERE seq = 1"_s)
                ->toString()
                .startsWith(u"cli:"_s));

    // Tamper with the first entry's after field directly in SQL.
    QVERIFY((*db)
                ->exec(u"UPDATE audit_log SET after = REPLACE(after, 'rep', 'admin') "
                       "WHERE seq = 1"_s)
                .ok());
    const Run tampered = run({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QCOMPARE(tampered.exitCode, 1);
    QVERIFY2(tampered.out.startsWith(u"audit: chain broken at entry 1: "_s),
             qPrintable(tampered.out));
    QCOMPARE(tampered.out.count(u'\n'), 1);
}

void tst_KarvanHqCli::badInputChangesNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QCOMPARE(run({u"init"_s, u"--db"_s, url}).exitCode, 0);
    const Run first = run({u"user"_s, u"add"_s, u"--db"_s, url, u"--login"_s, u"taken"_s,
                           u"--role"_s, u"warehouse"_s},
                          "first-pass\n");
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));

    auto db = Database::open(url);
    QVERIFY(db.ok());
    const QString hashBefore
        = (*db)->scalar(u"SELECT password_hash FROM users WHERE login = 'taken'"_s)->toString();

    const QStringList base {u"user"_s, u"add"_s, u"--db"_s, url};
    expectRefusal(
        run(base + QStringList {u"--login"_s, u"new1"_s, u"--role"_s, u"boss"_s}, "good-pass\n"),
        u"unknown role \"boss\""_s);
    expectRefusal(run({u"user"_s, u"add"_s, u"--db"_s, u"mysql://u@h/d"_s, u"--login"_s, u"new2"_s,
                       u"--role"_s, u"rep"_s},
                      "good-pass\n"),
                  u"bad database URL"_s);
    expectRefusal(run(base + QStringList {u"--login"_s, u"new3"_s, u"--role"_s, u"rep"_s}, "\n"),
                  u"the password is empty"_s);
    expectRefusal(run(base + QStringList {u"--login"_s, u"new4"_s, u"--role"_s, u"rep"_s}, ""),
                  u"the password is empty"_s);
    expectRefusal(run(base + QStringList {u"--login"_s, u"new5"_s, u"--role"_s, u"rep"_s}, "abc\n"),
                  u"at least 4 characters"_s);
    expectRefusal(
        run(base + QStringList {u"--login"_s, u"TAKEN"_s, u"--role"_s, u"admin"_s}, "other-pass\n"),
        u"already exists"_s);
    expectRefusal(run(base + QStringList {u"--login"_s, u"bad login"_s, u"--role"_s, u"rep"_s},
                      "good-pass\n"),
                  u"login"_s);
    expectRefusal(run(base
                          + QStringList {u"--login"_s, u"new6"_s, u"--role"_s, u"rep"_s,
                                         u"--territory"_s, u"a b"_s},
                      "good-pass\n"),
                  u"territory"_s);

    QCOMPARE(count(**db, u"users"_s), 1);
    QCOMPARE(count(**db, u"user_territories"_s), 0);
    QCOMPARE(count(**db, u"audit_log"_s), 1);
    QCOMPARE((*db)->scalar(u"SELECT password_hash FROM users WHERE login = 'taken'"_s)->toString(),
             hashBefore);
    const Run verify = run({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QCOMPARE(verify.out, u"audit: 1 entries, chain intact\n"_s);
}

void tst_KarvanHqCli::commandsOnMissingDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.db"_s);
    expectRefusal(run({u"audit"_s, u"verify"_s, u"--db"_s, u"sqlite:"_s + path}),
                  u"no database at"_s);
    expectRefusal(run({u"user"_s, u"add"_s, u"--db"_s, u"sqlite:"_s + path, u"--login"_s, u"x1"_s,
                       u"--role"_s, u"rep"_s},
                      "good-pass\n"),
                  u"no database at"_s);
    // Refusing must not leave an empty database file behind.
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    // An existing file that is not an HQ database is refused, not migrated behind the back.
    QFile other(path);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    expectRefusal(run({u"audit"_s, u"verify"_s, u"--db"_s, u"sqlite:"_s + path}),
                  u"schema version 0"_s);
    // An unreachable PostgreSQL server is a one-line error too.
    expectRefusal(run({u"init"_s, u"--db"_s, u"postgresql://nobody@127.0.0.1:1/none"_s}),
                  u"cannot connect"_s);
}

void tst_KarvanHqCli::reportFormats()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();
    QCOMPARE(run({u"init"_s, u"--db"_s, url}).exitCode, 0);
    for (const QString &report : {u"trial-balance"_s, u"profit-loss"_s, u"balance-sheet"_s,
                                  u"ar-aging"_s, u"ap-aging"_s, u"stock"_s, u"sales-by-rep"_s}) {
        const Run text = run({u"report"_s, report, u"--db"_s, url, u"--as-of"_s, u"2024-03-31"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(u"2024-03-31"_s) || report == u"stock"_s, qPrintable(text.out));
        const Run json = run({u"report"_s, report, u"--db"_s, url, u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QVERIFY2(json.out.contains(u"\"report\": \"%1\""_s.arg(report)), qPrintable(json.out));
        const Run csv = run({u"report"_s, report, u"--db"_s, url, u"--csv"_s});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QVERIFY2(!csv.out.isEmpty() && !csv.out.contains(u"  "_s), qPrintable(csv.out));
    }
    const Run both = run({u"report"_s, u"stock"_s, u"--db"_s, url, u"--json"_s, u"--csv"_s});
    QCOMPARE(both.exitCode, 2);
    const Run badDate = run({u"report"_s, u"stock"_s, u"--db"_s, url, u"--as-of"_s, u"soon"_s});
    QCOMPARE(badDate.exitCode, 2);
    const Run unknown = run({u"report"_s, u"gossip"_s, u"--db"_s, url});
    QCOMPARE(unknown.exitCode, 2);
}

void tst_KarvanHqCli::initDemoSmall()
{
    KARVAN_TEST_DATABASE(testDb);
    const QString url = testDb.url();

    // A size that does not exist is a usage error that writes nothing, not even the schema.
    const Run huge = run({u"init"_s, u"--db"_s, url, u"--demo"_s, u"huge"_s});
    QCOMPARE(huge.exitCode, 2);
    expectRefusal(huge, u"--demo must be small, medium or large"_s);
    {
        auto db = Database::open(url);
        QVERIFY(db.ok());
        QCOMPARE(hqSchemaVersion(**db).value(), 0);
    }

    QElapsedTimer timer;
    timer.start();
    // PostgreSQL takes ~85 s here (one round trip per statement through QPSQL), SQLite ~7 s.
    const Run init = run({u"init"_s, u"--db"_s, url, u"--demo"_s, u"small"_s}, {}, 540000);
    qInfo("init --demo small: %lld ms", qint64(timer.elapsed()));
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY2(init.out.contains(u"rep.tr1"_s), qPrintable(init.out));
    QVERIFY2(init.out.contains(u"password for all: demo"_s), qPrintable(init.out));
    for (const DemoUser &user : DemoGenerator::users(DemoSize::Small))
        QVERIFY2(init.out.contains(user.login), qPrintable(user.login));

    auto db = Database::open(url);
    QVERIFY(db.ok());
    const DemoSizeSpec spec = DemoSizeSpec::forSize(DemoSize::Small);
    QCOMPARE(count(**db, u"customers"_s), qint64(spec.customers));
    QCOMPARE(count(**db, u"products"_s), qint64(spec.products));
    QCOMPARE(count(**db, u"users"_s), qint64(DemoGenerator::users(DemoSize::Small).size()));
    QVERIFY(count(**db, u"invoices"_s) > 0);
    auto invariants = erp::checkInvariants(**db);
    QVERIFY2(invariants.ok(), qPrintable(invariants.errorMessage()));
    QVERIFY2(invariants->ok, qPrintable(invariants->firstViolation));
    QVERIFY((*db)
                ->scalar(u"SELECT COUNT(*) FROM audit_log WHERE actor NOT LIKE '%demo-loader'"_s)
                ->toLongLong()
            == 0);

    const Run trial = run({u"report"_s, u"trial-balance"_s, u"--db"_s, url, u"--json"_s});
    QVERIFY2(trial.exitCode == 0, qPrintable(trial.err));
    QVERIFY2(trial.out.contains(u"\"report\": \"trial-balance\""_s), qPrintable(trial.out));

    const Run verify = run({u"audit"_s, u"verify"_s, u"--db"_s, url});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(verify.out.endsWith(u"chain intact\n"_s), qPrintable(verify.out));

    UserDirectory users(**db);
    QCOMPARE(users.checkPassword(u"rep.tr1"_s, u"demo"_s).value(), true);
    QCOMPARE(users.checkPassword(u"rep.tr1"_s, u"wrong"_s).value(), false);
    QCOMPARE(users.find(u"rep.tr1"_s)->role, Role::Rep);

    // A second load into the same database is refused.
    const Run again = run({u"init"_s, u"--db"_s, url, u"--demo"_s, u"small"_s});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"empty database"_s), qPrintable(again.err));
}

QTEST_GUILESS_MAIN(tst_KarvanHqCli)
#include "tst_karvanhqcli.moc"
