#include "audit/auditlog.h"
#include "auth/passwordhash.h"
#include "auth/role.h"
#include "auth/userdirectory.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace Qt::StringLiterals;

// PBKDF2 at 600,000 iterations costs about 0.3 s per hash: each test hashes at most twice.
class tst_UserDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleNames();
    void passwordHashFormat();
    void refusesUnknownHashFormats_data();
    void refusesUnknownHashFormats();
    void passwordRules();
    void loginRules();

    void addStoresHashAndAudits_data() { test::addBackendColumns(); }
    void addStoresHashAndAudits();
    void saltDiffersForSamePassword_data() { test::addBackendColumns(); }
    void saltDiffersForSamePassword();
    void duplicateLoginWritesNothing_data() { test::addBackendColumns(); }
    void duplicateLoginWritesNothing();
    void badInputWritesNothing_data() { test::addBackendColumns(); }
    void badInputWritesNothing();

private:
    static std::unique_ptr<Database> openMigrated(const QString &url)
    {
        auto db = Database::open(url);
        if (!db)
            return nullptr;
        if (!migrateHqSchema(**db))
            return nullptr;
        return std::move(db).value();
    }
    static qint64 rows(Database &db, const QString &table)
    {
        return db.scalar(u"SELECT COUNT(*) FROM "_s + table)->toLongLong();
    }
};

void tst_UserDirectory::roleNames()
{
    const QStringList expected {u"rep"_s,     u"manager"_s, u"warehouse"_s,
                                u"finance"_s, u"admin"_s,   u"kiosk"_s};
    QStringList names;
    for (const Role role : allRoles()) {
        names.append(roleName(role));
        QCOMPARE(roleFromName(roleName(role)).value(), role);
    }
    QCOMPARE(names, expected);
    QCOMPARE(roleFromName(u"Manager"_s).value(), Role::Manager);
    auto unknown = roleFromName(u"boss"_s);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.errorMessage().contains(u"unknown role \"boss\""_s));
    QVERIFY(unknown.errorMessage().contains(u"kiosk"_s));
}

void tst_UserDirectory::passwordHashFormat()
{
    auto hash = PasswordHash::hash(u"correct horse"_s);
    QVERIFY2(hash.ok(), qPrintable(hash.errorMessage()));
    const QStringList fields = hash->split(u'$');
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields[0], u"pbkdf2-sha256"_s);
    QVERIFY(fields[1].toInt() >= 600000);
    auto parts = PasswordHash::parse(*hash);
    QVERIFY(parts.ok());
    QVERIFY(parts->iterations >= 600000);
    QCOMPARE(parts->salt.size(), 16);
    QCOMPARE(parts->key.size(), 32);
    QVERIFY(!hash->contains(u"correct horse"_s));

    QCOMPARE(PasswordHash::verify(u"correct horse"_s, *hash).value(), true);
    QCOMPARE(PasswordHash::verify(u"correct horsf"_s, *hash).value(), false);
}

void tst_UserDirectory::refusesUnknownHashFormats_data()
{
    QTest::addColumn<QString>("stored");
    const QString salt = QString::fromLatin1(QByteArray(16, 'a').toBase64());
    const QString key = QString::fromLatin1(QByteArray(32, 'k').toBase64());
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << u"secret"_s;
    QTest::newRow("bcrypt") << u"$2b$12$abcdefghijklmnopqrstuuAbCdEfGhIjKlMnOpQrStUvWxYz01234"_s;
    QTest::newRow("other digest") << u"pbkdf2-sha1$600000$%1$%2"_s.arg(salt, key);
    QTest::newRow("too few iterations") << u"pbkdf2-sha256$1000$%1$%2"_s.arg(salt, key);
    QTest::newRow("absurd iterations") << u"pbkdf2-sha256$999999999$%1$%2"_s.arg(salt, key);
    QTest::newRow("signed iterations") << u"pbkdf2-sha256$+600000$%1$%2"_s.arg(salt, key);
    QTest::newRow("bad base64") << u"pbkdf2-sha256$600000$!!!$%1"_s.arg(key);
    QTest::newRow("short key") << u"pbkdf2-sha256$600000$%1$AAAA"_s.arg(salt);
    QTest::newRow("extra field") << u"pbkdf2-sha256$600000$%1$%2$x"_s.arg(salt, key);
}

void tst_UserDirectory::refusesUnknownHashFormats()
{
    QFETCH(QString, stored);
    auto result = PasswordHash::verify(u"whatever"_s, stored);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
}

void tst_UserDirectory::passwordRules()
{
    QVERIFY(!PasswordHash::checkAcceptable(QString()).ok());
    auto shortOne = PasswordHash::checkAcceptable(u"abc"_s);
    QVERIFY(!shortOne.ok());
    QVERIFY(shortOne.errorMessage().contains(u"at least 4 characters"_s));
    QVERIFY(PasswordHash::checkAcceptable(u"abcd"_s).ok());
    QVERIFY(PasswordHash::checkAcceptable(u"رمز۱"_s).ok()); // four characters, more bytes
    QVERIFY(!PasswordHash::checkAcceptable(u"ab\ncd"_s).ok());
}

void tst_UserDirectory::loginRules()
{
    QCOMPARE(UserDirectory::normalizeLogin(u"  Alice.Smith "_s).value(), u"alice.smith"_s);
    QCOMPARE(UserDirectory::normalizeLogin(u"rep-7@north"_s).value(), u"rep-7@north"_s);
    QVERIFY(!UserDirectory::normalizeLogin(QString()).ok());
    QVERIFY(!UserDirectory::normalizeLogin(u"-dash"_s).ok());
    QVERIFY(!UserDirectory::normalizeLogin(u"a b"_s).ok());
    QVERIFY(!UserDirectory::normalizeLogin(u"a'; DROP TABLE users; --"_s).ok());
    QVERIFY(!UserDirectory::normalizeLogin(QString(65, u'a')).ok());
    QCOMPARE(UserDirectory::normalizeTerritory(u"north-1"_s).value(), u"NORTH-1"_s);
    QVERIFY(!UserDirectory::normalizeTerritory(u"no rth"_s).ok());
}

void tst_UserDirectory::addStoresHashAndAudits()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = openMigrated(testDb.url());
    QVERIFY(db);
    UserDirectory users(*db);
    auto added = users.add({u"Alice"_s, Role::Rep, {u"south"_s, u"north"_s, u"NORTH"_s}},
                           u"s3cret-pass"_s, u"test"_s);
    QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    QCOMPARE(added->login, u"alice"_s);
    QCOMPARE(added->territories, (QStringList {u"NORTH"_s, u"SOUTH"_s}));

    auto found = users.find(u"ALICE"_s);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QCOMPARE(found->id, added->id);
    QCOMPARE(found->role, Role::Rep);
    QVERIFY(found->active);
    QCOMPARE(found->territories, added->territories);
    QVERIFY(found->createdAt.endsWith(u'Z'));

    const QString stored = db->scalar(u"SELECT password_hash FROM users"_s)->toString();
    QVERIFY(stored.startsWith(u"pbkdf2-sha256$600000$"_s));
    QVERIFY(PasswordHash::parse(stored)->iterations >= 600000);
    QCOMPARE(users.checkPassword(u"alice"_s, u"s3cret-pass"_s).value(), true);
    QCOMPARE(users.checkPassword(u"alice"_s, u"wrong-pass"_s).value(), false);

    // One audit entry with login, role and territories, and never the hash.
    QCOMPARE(rows(*db, u"audit_log"_s), 1);
    auto entry
        = db->exec(u"SELECT actor, action, entity, entity_id, before, after FROM audit_log"_s);
    QVERIFY(entry.ok());
    QSqlQuery &q = entry.value();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"test"_s);
    QCOMPARE(q.value(1).toString(), u"user.add"_s);
    QCOMPARE(q.value(2).toString(), u"user"_s);
    QCOMPARE(q.value(3).toString(), added->id);
    QVERIFY(q.value(4).isNull());
    const QString after = q.value(5).toString();
    QVERIFY(!after.contains(u"pbkdf2"_s));
    QVERIFY(!after.contains(stored.section(u'$', 3)));
    const QJsonObject json = QJsonDocument::fromJson(after.toUtf8()).object();
    QCOMPARE(json.value(u"login"_s).toString(), u"alice"_s);
    QCOMPARE(json.value(u"role"_s).toString(), u"rep"_s);
    QCOMPARE(json.value(u"territories"_s).toVariant().toStringList(),
             (QStringList {u"NORTH"_s, u"SOUTH"_s}));
    QVERIFY(AuditLog(*db).verify()->intact);
}

void tst_UserDirectory::saltDiffersForSamePassword()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = openMigrated(testDb.url());
    QVERIFY(db);
    UserDirectory users(*db);
    QVERIFY(users.add({u"ann"_s, Role::Finance, {}}, u"same-password"_s, u"test"_s).ok());
    QVERIFY(users.add({u"ben"_s, Role::Kiosk, {}}, u"same-password"_s, u"test"_s).ok());
    auto q = db->exec(u"SELECT password_hash FROM users ORDER BY login"_s);
    QVERIFY(q.ok());
    QStringList hashes;
    while (q.value().next())
        hashes.append(q.value().value(0).toString());
    QCOMPARE(hashes.size(), 2);
    QVERIFY(hashes[0] != hashes[1]);
    QVERIFY(PasswordHash::parse(hashes[0])->salt != PasswordHash::parse(hashes[1])->salt);
    QVERIFY(PasswordHash::parse(hashes[0])->key != PasswordHash::parse(hashes[1])->key);
}

void tst_UserDirectory::duplicateLoginWritesNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = openMigrated(testDb.url());
    QVERIFY(db);
    UserDirectory users(*db);
    QVERIFY(users.add({u"carol"_s, Role::Manager, {u"T1"_s}}, u"first-pass"_s, u"test"_s).ok());
    const QString hashBefore = db->scalar(u"SELECT password_hash FROM users"_s)->toString();

    auto again = users.add({u"Carol"_s, Role::Admin, {u"T2"_s}}, u"other-pass"_s, u"test"_s);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.errorMessage().contains(u"already exists"_s), qPrintable(again.errorMessage()));
    QCOMPARE(rows(*db, u"users"_s), 1);
    QCOMPARE(rows(*db, u"user_territories"_s), 1);
    QCOMPARE(rows(*db, u"audit_log"_s), 1);
    QCOMPARE(db->scalar(u"SELECT password_hash FROM users"_s)->toString(), hashBefore);
    QCOMPARE(db->scalar(u"SELECT role FROM users"_s)->toString(), u"manager"_s);
}

void tst_UserDirectory::badInputWritesNothing()
{
    KARVAN_TEST_DATABASE(testDb);
    auto db = openMigrated(testDb.url());
    QVERIFY(db);
    UserDirectory users(*db);
    QVERIFY(!users.add({u"dave"_s, Role::Rep, {}}, QString(), u"test"_s).ok());
    QVERIFY(!users.add({u"dave"_s, Role::Rep, {}}, u"abc"_s, u"test"_s).ok());
    QVERIFY(!users.add({u"da ve"_s, Role::Rep, {}}, u"long-enough"_s, u"test"_s).ok());
    QVERIFY(!users.add({u"dave"_s, Role::Rep, {u"bad code"_s}}, u"long-enough"_s, u"t"_s).ok());
    QCOMPARE(rows(*db, u"users"_s), 0);
    QCOMPARE(rows(*db, u"audit_log"_s), 0);
    QCOMPARE(users.find(u"dave"_s).error().code, ErrorCode::NotFound);
    // An unknown login is refused without revealing that it is unknown.
    QCOMPARE(users.checkPassword(u"nobody"_s, u"whatever"_s).value(), false);
}

QTEST_GUILESS_MAIN(tst_UserDirectory)
#include "tst_userdirectory.moc"
