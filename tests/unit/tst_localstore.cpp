#include "domain/ids.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/fieldversionrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/productrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

std::unique_ptr<LocalStore> openAt(const QString &path, int version)
{
    auto store = LocalStore::open(path, LocalStore::Options {false, 5000});
    if (!store)
        return nullptr;
    if (auto r = (*store)->migrateTo(version); !r)
        return nullptr;
    return std::move(store).value();
}

const QUuid CustomerId = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8057"_s);
const QUuid ProductId = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8058"_s);
const QUuid OrderId = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8059"_s);

} // namespace

class tst_LocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void freshOpenReachesLatest();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
    void refusesDatabaseFromTheFuture();
    void failingStepRollsBack();
    void transactionCommitsOrRollsBack();
    void nestedTransactionUsesSavepoint();
    void retriesWhileAnotherConnectionWrites();
    void bulkLoadScope();
    void connectionsAreIndependent();
    void checkpointsOffTheWritersThread();
};

void tst_LocalStore::freshOpenReachesLatest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"fresh.db"_s);
    auto store = LocalStore::open(path);
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    QCOMPARE(LocalStore::latestSchemaVersion(), 5);
    QCOMPARE((*store)->schemaVersion().value(), LocalStore::latestSchemaVersion());
    QCOMPARE((*store)->scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
    QCOMPARE((*store)->scalar(u"PRAGMA foreign_keys"_s)->toInt(), 1);
    QCOMPARE((*store)->scalar(u"PRAGMA synchronous"_s)->toInt(), 2); // FULL
    QVERIFY((*store)->scalar(u"PRAGMA busy_timeout"_s)->toInt() > 0);
    // A new, empty database needs no backup.
    QVERIFY((*store)->lastBackupPath().isEmpty());
    QVERIFY(!QFile::exists(path + u".v0.bak"_s));
    for (const QString &table :
         {u"customers"_s, u"customer_search"_s, u"product_search"_s, u"outbox"_s, u"sync_state"_s,
          u"local_reservations"_s, u"field_versions"_s, u"conflicts"_s}) {
        auto n = (*store)->scalar(
            u"SELECT count(*) FROM sqlite_master WHERE name = '%1'"_s.arg(table));
        QVERIFY2(n.ok() && n->toInt() == 1, qPrintable(table));
    }
}

void tst_LocalStore::migratesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int k = 0; k < LocalStore::latestSchemaVersion(); ++k)
        QTest::newRow(qPrintable(u"v%1"_s.arg(k))) << k;
}

void tst_LocalStore::migratesFromEveryOlderVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);

    Customer customer;
    customer.id = CustomerId;
    customer.code = u"C-77"_s;
    customer.name = u"Şişli Eczanesi"_s;
    customer.currency = u"TRY"_s;
    customer.territory = u"TR-IST"_s;
    customer.phone = u"+90 212 555 0101"_s;
    customer.contacts.append(Contact {u"Ayşe Yılmaz"_s, u"Owner"_s, {}, {}});
    Address address;
    address.city = u"İstanbul"_s;
    customer.addresses.append(address);

    SalesDocument order;
    order.id = OrderId;
    order.customerId = CustomerId;
    order.currency = u"TRY"_s;
    order.date = QDate(2024, 5, 1);
    order.status = DocumentStatus::Confirmed;
    DocumentLine line;
    line.lineNo = 1;
    line.sku = u"TEA-1"_s;
    line.quantity = Quantity::ofUnits(3, u"ea"_s).value();
    order.lines.append(line);

    {
        auto store = openAt(path, from);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion().value(), from);
        if (from == 1) {
            // Rows as a v1 app wrote them: no search rows existed yet.
            QVERIFY(store
                        ->exec(u"INSERT INTO customers (id, code, name, currency, territory, "
                               u"phone) VALUES ('%1', 'C-77', 'Şişli Eczanesi', 'TRY', 'TR-IST', "
                               u"'+90 212 555 0101')"_s.arg(idToString(CustomerId)))
                        .ok());
            QVERIFY(store
                        ->exec(u"INSERT INTO customer_contacts (customer_id, position, name, "
                               u"role) VALUES ('%1', 0, 'Ayşe Yılmaz', 'Owner')"_s.arg(
                                   idToString(CustomerId)))
                        .ok());
            QVERIFY(store
                        ->exec(u"INSERT INTO customer_addresses (customer_id, position, kind, "
                               u"city) VALUES ('%1', 0, 'billing', 'İstanbul')"_s.arg(
                                   idToString(CustomerId)))
                        .ok());
            QVERIFY(store
                        ->exec(u"INSERT INTO products (id, sku, name, base_unit) VALUES "
                               u"('%1', 'TEA-1', 'Çaykur Rize Çayı', 'ea')"_s.arg(
                                   idToString(ProductId)))
                        .ok());
        } else if (from >= 2) {
            QVERIFY(CustomerRepository(*store).upsert(customer).ok());
            Product tea;
            tea.id = ProductId;
            tea.sku = u"TEA-1"_s;
            tea.name = u"Çaykur Rize Çayı"_s;
            QVERIFY(ProductRepository(*store).upsert(tea).ok());
        }
        if (from >= 1)
            QVERIFY(DocumentRepository(*store).save(order).ok());
        if (from >= 3) {
            // A v3 device with unsynced work: its queue and sync state must survive v4.
            OutboxMutation pendingEdit;
            pendingEdit.mutationId = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8060"_s);
            pendingEdit.entity = u"customer"_s;
            pendingEdit.entityId = idToString(CustomerId);
            pendingEdit.op = u"update"_s;
            pendingEdit.payload = QByteArray("\xa0", 1);
            QVERIFY(OutboxRepository(*store).append(pendingEdit).ok());
            QVERIFY(SyncStateRepository(*store).setValue(u"cursor"_s, u"abc"_s).ok());
        }
    }
    const QByteArray before = fileHash(path);

    auto reopened = LocalStore::open(path);
    QVERIFY2(reopened.ok(), qPrintable(reopened.errorMessage()));
    LocalStore &store = **reopened;
    QCOMPARE(store.schemaVersion().value(), LocalStore::latestSchemaVersion());

    const QString backup = path + u".v%1.bak"_s.arg(from);
    if (from == 0) {
        QVERIFY(store.lastBackupPath().isEmpty()); // nothing to protect in an empty database
        QVERIFY(!QFile::exists(backup));
        return;
    }
    QCOMPARE(store.lastBackupPath(), backup);
    QVERIFY(QFile::exists(backup));
    {
        // The backup is the database as it was, at its old version.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"backupcheck"_s);
        db.setDatabaseName(backup);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), from);
        QVERIFY(q.exec(u"SELECT name FROM customers"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"Şişli Eczanesi"_s);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"backupcheck"_s);
    QVERIFY(!before.isEmpty());

    CustomerRepository customers(store);
    auto got = customers.get(CustomerId);
    QVERIFY2(got.ok(), qPrintable(got.errorMessage()));
    QCOMPARE(got->name, customer.name);
    QCOMPARE(got->contacts, customer.contacts);
    QCOMPARE(got->addresses, customer.addresses);
    QCOMPARE(got->territory, customer.territory);
    // Backfilled (v1) or carried over (v2) search rows find the old rows.
    for (const QString &q : {u"sisli"_s, u"istanbul"_s, u"ayse"_s, u"C-77"_s}) {
        auto found = customers.search(q);
        QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
        QCOMPARE(found->size(), 1);
    }
    auto tea = ProductRepository(store).search(u"caykur"_s);
    QVERIFY(tea.ok());
    QCOMPARE(tea->size(), 1);
    QCOMPARE(tea->first().sku, u"TEA-1"_s);
    auto doc = DocumentRepository(store).get(OrderId);
    QVERIFY(doc.ok());
    QCOMPARE(doc->lines.size(), 1);
    QCOMPARE(doc->lines.first().quantity, line.quantity);
    if (from >= 3) {
        auto kept = OutboxRepository(store).withState(OutboxMutation::State::Pending);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().entityId, idToString(CustomerId));
        QCOMPARE(SyncStateRepository(store).value(u"cursor"_s).value(), u"abc"_s);
    }
    // v4 tables work on the migrated database.
    FieldVersionRepository versions(store);
    QVERIFY(versions
                .stamp(u"customer"_s, idToString(CustomerId), {u"phone"_s},
                       u"0190a0b0c0d0-00000001-dev-1"_s)
                .ok());
    QCOMPARE(versions.latest(u"customer"_s, idToString(CustomerId)).value(),
             u"0190a0b0c0d0-00000001-dev-1"_s);
    ConflictRecord conflict;
    conflict.entity = u"customer"_s;
    conflict.entityId = idToString(CustomerId);
    conflict.field = u"phone"_s;
    conflict.mine = QCborValue(u"1"_s);
    conflict.theirs = QCborValue(u"2"_s);
    conflict.mineHlc = u"0190a0b0c0d0-00000001-dev-1"_s;
    conflict.theirsHlc = u"0190a0b0c0d0-00000002-hq"_s;
    QVERIFY(ConflictRepository(store).record(conflict).ok());
    QCOMPARE(ConflictRepository(store).countUnresolved().value(), 1);
    // v3 tables work on the migrated database.
    OutboxMutation m;
    m.mutationId = QUuid::createUuid();
    m.entity = u"order"_s;
    m.op = u"create"_s;
    QVERIFY(OutboxRepository(store).append(m).ok());
}

void tst_LocalStore::refusesDatabaseFromTheFuture()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.db"_s);
    const int future = LocalStore::latestSchemaVersion() + 5;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE hologram (x)"_s));
        QVERIFY(q.exec(u"INSERT INTO hologram VALUES (42)"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(future)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"future"_s);
    const QByteArray before = fileHash(path);

    auto store = LocalStore::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, ErrorCode::Conflict);
    QVERIFY2(store.errorMessage().contains(u"newer"_s), qPrintable(store.errorMessage()));
    QVERIFY(store.errorMessage().contains(QString::number(future)));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s) || QFile(path + u"-wal"_s).size() == 0);
    QDir d(dir.path());
    QCOMPARE(d.entryList(QStringList {u"*.bak"_s}), QStringList());
}

void tst_LocalStore::failingStepRollsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"fail.db"_s);
    const int latest = LocalStore::latestSchemaVersion();
    {
        // A broken v2 on a v1 database: its table must not survive, the version stays 1.
        auto store = openAt(path, 1);
        QVERIFY(store);
        QList<MigrationStep> steps = schemaMigrations();
        steps[1].apply = [](LocalStore &s) -> Result<void> {
            if (auto r = s.exec(u"CREATE TABLE half_done (x)"_s); !r)
                return r;
            return makeError(ErrorCode::Storage, u"simulated failure"_s);
        };
        auto r = store->migrate(steps, latest);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(u"simulated failure"_s), qPrintable(r.errorMessage()));
        QVERIFY(r.errorMessage().contains(u"version 1"_s));
        QCOMPARE(store->schemaVersion().value(), 1);
        QCOMPARE(store->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"_s)
                     ->toInt(),
                 0);
    }
    // The real steps still take it all the way.
    auto store = LocalStore::open(path);
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    QCOMPARE((*store)->schemaVersion().value(), latest);

    // And a failing step after the latest one leaves the latest version in place.
    QList<MigrationStep> steps = schemaMigrations();
    steps.append(MigrationStep {latest + 1, u"broken"_s, [](LocalStore &s) -> Result<void> {
                                    (void)s.exec(u"DROP TABLE customers"_s);
                                    return s.exec(u"THIS IS NOT SQL"_s);
                                }});
    QVERIFY(!(*store)->migrate(steps, latest + 1).ok());
    QCOMPARE((*store)->schemaVersion().value(), latest);
    QVERIFY(CustomerRepository(**store).count().ok());
}

void tst_LocalStore::transactionCommitsOrRollsBack()
{
    QTemporaryDir dir;
    auto opened = LocalStore::open(dir.filePath(u"tx.db"_s));
    QVERIFY(opened.ok());
    LocalStore &store = **opened;
    SyncStateRepository state(store);
    QVERIFY(store.transaction([&] { return state.setValue(u"a"_s, u"1"_s); }).ok());
    auto failed = store.transaction([&]() -> Result<void> {
        if (auto r = state.setValue(u"b"_s, u"2"_s); !r)
            return r;
        return makeError(ErrorCode::Conflict, u"changed my mind"_s);
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.errorMessage(), u"changed my mind"_s);
    QCOMPARE(state.value(u"a"_s).value(), u"1"_s);
    QCOMPARE(state.value(u"b"_s).value(), QString());
    QVERIFY(!store.inTransaction());
}

void tst_LocalStore::nestedTransactionUsesSavepoint()
{
    QTemporaryDir dir;
    auto opened = LocalStore::open(dir.filePath(u"nested.db"_s));
    QVERIFY(opened.ok());
    LocalStore &store = **opened;
    SyncStateRepository state(store);
    auto r = store.transaction([&]() -> Result<void> {
        (void)state.setValue(u"outer"_s, u"1"_s);
        auto inner = store.transaction([&]() -> Result<void> {
            (void)state.setValue(u"inner"_s, u"1"_s);
            return makeError(ErrorCode::Conflict, u"inner fails"_s);
        });
        if (inner.ok())
            return makeError(ErrorCode::Storage, u"inner should have failed"_s);
        return {}; // the outer work goes on without the inner part
    });
    QVERIFY(r.ok());
    QCOMPARE(state.value(u"outer"_s).value(), u"1"_s);
    QCOMPARE(state.value(u"inner"_s).value(), QString());
}

void tst_LocalStore::retriesWhileAnotherConnectionWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"busy.db"_s);
    QVERIFY(LocalStore::open(path).ok());
    std::atomic<bool> locked = false;
    std::atomic<bool> otherOk = false;
    std::thread other([&] {
        auto store = LocalStore::open(path);
        if (!store)
            return;
        auto r = (*store)->transaction([&]() -> Result<void> {
            auto w = SyncStateRepository(**store).setValue(u"other"_s, u"1"_s);
            locked = true;
            QThread::msleep(400); // hold the write lock longer than our busy_timeout
            return w;
        });
        otherOk = r.ok();
    });
    while (!locked)
        QThread::msleep(5);
    auto opened = LocalStore::open(path, LocalStore::Options {true, 20});
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    SyncStateRepository state(**opened);
    auto r = (*opened)->transaction([&] { return state.setValue(u"mine"_s, u"1"_s); });
    other.join();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QVERIFY(otherOk);
    QCOMPARE(state.value(u"other"_s).value(), u"1"_s);
    QCOMPARE(state.value(u"mine"_s).value(), u"1"_s);
}

void tst_LocalStore::bulkLoadScope()
{
    QTemporaryDir dir;
    auto opened = LocalStore::open(dir.filePath(u"bulk.db"_s));
    QVERIFY(opened.ok());
    LocalStore &store = **opened;
    OutboxMutation m;
    m.mutationId = QUuid::createUuid();
    m.entity = u"order"_s;
    m.op = u"create"_s;
    {
        LocalStore::BulkLoad bulk(store);
        QCOMPARE(store.scalar(u"PRAGMA synchronous"_s)->toInt(), 1); // NORMAL
        auto refused = OutboxRepository(store).append(m);
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorMessage().contains(u"bulk load"_s));
    }
    QCOMPARE(store.scalar(u"PRAGMA synchronous"_s)->toInt(), 2); // FULL again
    QVERIFY(OutboxRepository(store).append(m).ok());
}

void tst_LocalStore::connectionsAreIndependent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"two.db"_s);
    auto a = LocalStore::open(path);
    auto b = LocalStore::open(path);
    QVERIFY(a.ok() && b.ok());
    QVERIFY((*a)->connectionName() != (*b)->connectionName());
    const QString name = (*a)->connectionName();
    QVERIFY(SyncStateRepository(**a).setValue(u"k"_s, u"v"_s).ok());
    QCOMPARE(SyncStateRepository(**b).value(u"k"_s).value(), u"v"_s);
    a = makeError(ErrorCode::NotFound, u"closed"_s); // destroys the first store
    QVERIFY(!QSqlDatabase::contains(name));
    QCOMPARE(SyncStateRepository(**b).value(u"k"_s).value(), u"v"_s);
}

// A commit must not run the WAL checkpoint itself (it set the order creation p99, issue 6):
// the writer's automatic checkpoint is only a far bound, and a thread of the store copies the
// WAL into the database file while the writer goes on.
void tst_LocalStore::checkpointsOffTheWritersThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"wal.db"_s);
    {
        auto opened = LocalStore::open(path);
        QVERIFY(opened.ok());
        LocalStore &store = **opened;
        QCOMPARE(store.scalar(u"PRAGMA wal_autocheckpoint"_s)->toInt(), 10000);
        QVERIFY(store.exec(u"CREATE TABLE t (x BLOB)"_s).ok());
        const qint64 before = QFileInfo(path).size();
        // 600 commits of 6 KiB each: ~1,800 WAL pages, above SQLite's default bound of 1,000
        // and far below the writer's 10,000; the store's thread checkpoints after 256 and 512.
        const QByteArray blob(6 * 1024, 'k');
        for (int i = 0; i < 600; ++i) {
            auto r = store.transaction([&]() -> Result<void> {
                auto q = store.prepared(u"INSERT INTO t (x) VALUES (?)"_s);
                if (!q)
                    return q.error();
                (*q)->bindValue(0, blob);
                if (!(*q)->exec())
                    return makeError(ErrorCode::Storage, (*q)->lastError().text());
                return {};
            });
            QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        }
        // Copied into the database file while the store stays open and idle.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 3 * 1024 * 1024, 10000);
        QCOMPARE(store.scalar(u"SELECT count(*) FROM t"_s)->toInt(), 600);
    }
    // Closing the store is still the last close: the WAL is checkpointed and removed.
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    auto reopened = LocalStore::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->scalar(u"SELECT count(*) FROM t"_s)->toInt(), 600);
}

QTEST_GUILESS_MAIN(tst_LocalStore)
#include "tst_localstore.moc"
