// HQ's change feed on both backends: scopes, paging, re-delivery of changed rows, tombstones,
// territory moves, cursors, and no skipped commit when transactions overlap.
#include "auth/userdirectory.h"
#include "domain/wirerows.h"
#include "erpfixture.h"
#include "sync/changefeed.h"
#include "testdatabase.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::erp;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;
using karvan::sync::RowChange;
using ChangeFeed = karvan::hq::sync::ChangeFeed;

namespace {

using Key = std::pair<QString, QString>; // entity, id

std::optional<QStringList> scopesOf(Role role, const QStringList &territories)
{
    UserRecord user;
    user.role = role;
    user.territories = territories;
    return karvan::hq::sync::scopesFor(user);
}

struct Pulled
{
    QList<RowChange> changes;
    QByteArray cursor;
    int pages = 0;
    karvan::sync::SyncProgress firstProgress; // the estimate a progress bar starts from
    karvan::sync::SyncProgress lastProgress;
    QString error;
};

// Pages until has_more is false, as a device does.
Pulled pullAll(Database &db, const std::optional<QStringList> &scopes, QByteArray cursor,
               int maxChanges = 0)
{
    Pulled out;
    ChangeFeed feed(db);
    for (int guard = 0; guard < 10000; ++guard) {
        auto page = feed.read(scopes, cursor, maxChanges);
        if (!page) {
            out.error = page.errorMessage();
            return out;
        }
        ++out.pages;
        out.changes.append(page->changes);
        cursor = page->nextCursor;
        if (out.pages == 1)
            out.firstProgress = page->progress;
        out.lastProgress = page->progress;
        if (maxChanges > 0 && page->changes.size() > maxChanges) {
            out.error = u"a page is larger than asked"_s;
            return out;
        }
        if (!page->hasMore)
            break;
    }
    out.cursor = cursor;
    return out;
}

const RowChange *findChange(const QList<RowChange> &changes, const QString &entity,
                            const QString &id)
{
    const RowChange *found = nullptr;
    for (const RowChange &c : changes) {
        if (c.entity == entity && c.id == id)
            found = &c; // the last one wins, as on a device
    }
    return found;
}

QSet<Key> keysOf(const QList<RowChange> &changes)
{
    QSet<Key> out;
    for (const RowChange &c : changes)
        out.insert({c.entity, c.id});
    return out;
}

} // namespace

class tst_ChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopesSeparateTerritories_data() { addBackendColumns(); }
    void scopesSeparateTerritories();
    void pagingDeliversEveryRowOnce_data() { addBackendColumns(); }
    void pagingDeliversEveryRowOnce();
    void changedRowComesAgain_data() { addBackendColumns(); }
    void changedRowComesAgain();
    void archiveGivesTombstone_data() { addBackendColumns(); }
    void archiveGivesTombstone();
    void territoryMove_data() { addBackendColumns(); }
    void territoryMove();
    void cursors_data() { addBackendColumns(); }
    void cursors();
    void repCustomerWrites_data() { addBackendColumns(); }
    void repCustomerWrites();
    void rolledBackTransactionLeavesNoVersion_data() { addBackendColumns(); }
    void rolledBackTransactionLeavesNoVersion();
    void overlappingCommitsAreNotSkipped_data() { addBackendColumns(); }
    void overlappingCommitsAreNotSkipped();

private:
    std::unique_ptr<Database> open(const TestDatabase &testDb, ErpCompany &co)
    {
        auto db = Database::open(testDb.url());
        if (!db || !migrateHqSchema(**db))
            return nullptr;
        const QString seeded = seedCompany(**db, co);
        if (!seeded.isEmpty()) {
            qWarning("seed: %s", qPrintable(seeded));
            return nullptr;
        }
        return std::move(db).value();
    }
};

#define OPEN_COMPANY()                                                                             \
    KARVAN_TEST_DATABASE(testDb);                                                                  \
    ErpCompany co;                                                                                 \
    auto dbHolder = open(testDb, co);                                                              \
    QVERIFY(dbHolder);                                                                             \
    Database &db = *dbHolder

#define PULL(var, ...)                                                                             \
    Pulled var = pullAll(__VA_ARGS__);                                                             \
    QVERIFY2(var.error.isEmpty(), qPrintable(var.error))

void tst_ChangeFeed::scopesSeparateTerritories()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    auto north
        = KARVAN_OK(SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"TEA"_s, units(10)}})));
    QVERIFY(north.ok());
    auto south = KARVAN_OK(
        SalesOrders(db).intake(co.who.otherRep, order(co.south, d, {{u"RICE"_s, units(1)}})));
    QVERIFY(south.ok());

    PULL(rey, db, scopesOf(Role::Rep, {u"NORTH"_s}), {});
    PULL(sam, db, scopesOf(Role::Rep, {u"SOUTH"_s}), {});
    PULL(kiosk, db, scopesOf(Role::Kiosk, {}), {});

    // The rep of NORTH: its customers and orders, never SOUTH's.
    QVERIFY(findChange(rey.changes, u"customer"_s, co.cash));
    QVERIFY(findChange(rey.changes, u"order"_s, north->orderId));
    QVERIFY(!findChange(rey.changes, u"customer"_s, co.south));
    QVERIFY(!findChange(rey.changes, u"order"_s, south->orderId));
    QVERIFY(findChange(sam.changes, u"customer"_s, co.south));
    QVERIFY(findChange(sam.changes, u"order"_s, south->orderId));
    QVERIFY(!findChange(sam.changes, u"customer"_s, co.cash));
    QVERIFY(!findChange(sam.changes, u"order"_s, north->orderId));
    // A kiosk: the catalog only.
    for (const RowChange &c : std::as_const(kiosk.changes))
        QVERIFY2(c.entity != u"customer"_s && c.entity != u"order"_s, qPrintable(c.id));

    // The rows are HQ's current state.
    const RowChange *cash = findChange(rey.changes, u"customer"_s, co.cash);
    QCOMPARE(cash->op, RowChange::Op::Upsert);
    auto customer = wire::customerFromRow(cash->row);
    QVERIFY2(customer.ok(), qPrintable(customer.errorMessage()));
    QCOMPARE(customer->name, u"Cash & Carry"_s);
    QCOMPARE(customer->territory, u"NORTH"_s);
    QVERIFY(cash->row.value(u"field_hlc"_s).toMap().contains(u"name"_s));
    QCOMPARE(cash->row.value(u"credit_hold"_s).toBool(), false);

    const RowChange *orderRow = findChange(rey.changes, u"order"_s, north->orderId);
    auto doc = wire::documentFromRow(orderRow->row);
    QVERIFY2(doc.ok(), qPrintable(doc.errorMessage()));
    QCOMPARE(doc->status, DocumentStatus::Confirmed);
    QCOMPARE(doc->number, north->number);
    QCOMPARE(doc->lines.size(), 1);
    QCOMPARE(doc->total.minorUnits(), north->total);

    // Stock: the catalog, with the order's reservation.
    const RowChange *tea
        = findChange(sam.changes, u"stock"_s, wire::stockRowId(u"TEA"_s, u"WH1"_s));
    QVERIFY(tea);
    auto level = wire::stockFromRow(tea->row);
    QVERIFY2(level.ok(), qPrintable(level.errorMessage()));
    QCOMPARE(level->onHand.milli(), 100000);
    QCOMPARE(level->reserved.milli(), 10000);
    QVERIFY(findChange(kiosk.changes, u"stock"_s, wire::stockRowId(u"TEA"_s, u"WH1"_s)));
    QVERIFY(findChange(kiosk.changes, u"tax_rule"_s, wire::taxRuleRowId(u"standard"_s, u"N"_s)));
}

void tst_ChangeFeed::pagingDeliversEveryRowOnce()
{
    OPEN_COMPANY();
    const QDate d = co.day0.addDays(1);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(
            KARVAN_OK(SalesOrders(db).intake(co.who.rep, order(co.cash, d, {{u"OIL"_s, units(1)}})))
                .ok());
    }
    const auto all = std::optional<QStringList>();
    PULL(whole, db, all, {});
    QCOMPARE(whole.pages, 1);
    PULL(paged, db, all, {}, 3);
    QVERIFY(paged.pages > 3);
    // Every row exactly once, the same rows as in one batch.
    QCOMPARE(keysOf(paged.changes).size(), paged.changes.size());
    QCOMPARE(keysOf(paged.changes), keysOf(whole.changes));
    auto feedRows = db.scalar(u"SELECT COUNT(*) FROM sync_feed"_s);
    QVERIFY(feedRows.ok());
    QCOMPARE(paged.changes.size(), feedRows->toInt());
    QCOMPARE(paged.lastProgress.recordsDone, paged.changes.size());
    QCOMPARE(paged.lastProgress.recordsTotal, paged.changes.size());
    // The estimate made on the first page is exact when nothing changes meanwhile.
    QCOMPARE(paged.firstProgress.recordsTotal, paged.changes.size());

    // The same for a rep's two scopes.
    const auto rey = scopesOf(Role::Rep, {u"NORTH"_s});
    PULL(reyWhole, db, rey, {});
    PULL(reyPaged, db, rey, {}, 2);
    QCOMPARE(keysOf(reyPaged.changes).size(), reyPaged.changes.size());
    QCOMPARE(keysOf(reyPaged.changes), keysOf(reyWhole.changes));
    auto reyRows = db.scalar(
        u"SELECT COUNT(*) FROM sync_feed WHERE scope IN ('catalog', 'territory:NORTH')"_s);
    QCOMPARE(reyPaged.changes.size(), reyRows->toInt());
    QCOMPARE(reyPaged.firstProgress.recordsTotal, reyPaged.changes.size());

    // Caught up: nothing more, and the next sync's progress starts again.
    PULL(again, db, rey, reyPaged.cursor, 2);
    QCOMPARE(again.changes.size(), 0);
    QCOMPARE(again.lastProgress.recordsDone, 0);
}

void tst_ChangeFeed::changedRowComesAgain()
{
    OPEN_COMPANY();
    const auto rey = scopesOf(Role::Rep, {u"NORTH"_s});
    PULL(first, db, rey, {});
    QVERIFY(findChange(first.changes, u"customer"_s, co.cash));

    MasterData master(db);
    auto cash = master.findCustomer(co.cash);
    QVERIFY(cash.ok());
    Customer renamed = cash->customer;
    renamed.name = u"Cash and Carry Ltd"_s;
    renamed.phone = u"+90 212 555 0101"_s;
    QVERIFY(KARVAN_OK(master.saveCustomer(co.who.manager, renamed)).ok());

    PULL(next, db, rey, first.cursor);
    QCOMPARE(next.changes.size(), 1);
    const RowChange &c = next.changes.constFirst();
    QCOMPARE(c.entity, u"customer"_s);
    QCOMPARE(c.id, co.cash);
    auto customer = wire::customerFromRow(c.row);
    QVERIFY(customer.ok());
    QCOMPARE(customer->name, u"Cash and Carry Ltd"_s);
    QCOMPARE(customer->phone, u"+90 212 555 0101"_s);
    // The changed fields carry this write's HLC; the unchanged ones keep theirs.
    auto versions = master.customerFieldVersions(co.cash);
    QVERIFY(versions.ok());
    const QCborMap fieldHlc = c.row.value(u"field_hlc"_s).toMap();
    QCOMPARE(fieldHlc.value(u"name"_s).toString(), versions->value(u"name"_s));
    QVERIFY(versions->value(u"name"_s) > versions->value(u"email"_s));
    QCOMPARE(versions->value(u"name"_s), versions->value(u"phone"_s));

    // Not touched again: nothing.
    PULL(none, db, rey, next.cursor);
    QCOMPARE(none.changes.size(), 0);

    // Stock moves come again with the new figures.
    QVERIFY(KARVAN_OK(Inventory(db).adjust(co.who.warehouse, u"RICE"_s, u"WH1"_s, -2000,
                                           std::nullopt, co.day0.addDays(1), u"count"_s))
                .ok());
    PULL(stock, db, rey, none.cursor);
    QCOMPARE(stock.changes.size(), 1);
    QCOMPARE(stock.changes.constFirst().id, wire::stockRowId(u"RICE"_s, u"WH1"_s));
    QCOMPARE(wire::stockFromRow(stock.changes.constFirst().row)->onHand.milli(), 28000);
}

void tst_ChangeFeed::archiveGivesTombstone()
{
    OPEN_COMPANY();
    const auto rey = scopesOf(Role::Rep, {u"NORTH"_s});
    PULL(first, db, rey, {});
    // Archived before the first sync: a tombstone, never its row.
    const RowChange *old = findChange(first.changes, u"customer"_s, co.archived);
    QVERIFY(old);
    QCOMPARE(old->op, RowChange::Op::Tombstone);
    QVERIFY(old->row.isEmpty());

    QVERIFY(KARVAN_OK(MasterData(db).setArchived(co.who.admin, co.tight, true)).ok());
    PULL(next, db, rey, first.cursor);
    QCOMPARE(next.changes.size(), 1);
    QCOMPARE(next.changes.constFirst().id, co.tight);
    QCOMPARE(next.changes.constFirst().op, RowChange::Op::Tombstone);

    QVERIFY(KARVAN_OK(MasterData(db).setArchived(co.who.admin, co.tight, false)).ok());
    PULL(back, db, rey, next.cursor);
    QCOMPARE(back.changes.size(), 1);
    QCOMPARE(back.changes.constFirst().op, RowChange::Op::Upsert);
}

void tst_ChangeFeed::territoryMove()
{
    OPEN_COMPANY();
    auto taken = KARVAN_OK(SalesOrders(db).intake(
        co.who.rep, order(co.cash, co.day0.addDays(1), {{u"TEA"_s, units(2)}})));
    QVERIFY(taken.ok());
    const auto northScopes = scopesOf(Role::Rep, {u"NORTH"_s});
    const auto southScopes = scopesOf(Role::Rep, {u"SOUTH"_s});
    const auto everything = std::optional<QStringList>();
    PULL(north0, db, northScopes, {});
    PULL(south0, db, southScopes, {});
    PULL(all0, db, everything, {});

    MasterData master(db);
    Customer moved = master.findCustomer(co.cash)->customer;
    moved.territory = u"SOUTH"_s;
    QVERIFY(KARVAN_OK(master.saveCustomer(co.who.manager, moved)).ok());

    PULL(north1, db, northScopes, north0.cursor);
    PULL(south1, db, southScopes, south0.cursor);
    PULL(all1, db, everything, all0.cursor);
    for (const auto &[entity, id] :
         {Key {u"customer"_s, co.cash}, Key {u"order"_s, taken->orderId}}) {
        const RowChange *gone = findChange(north1.changes, entity, id);
        QVERIFY2(gone, qPrintable(entity));
        QCOMPARE(gone->op, RowChange::Op::Tombstone);
        const RowChange *arrived = findChange(south1.changes, entity, id);
        QVERIFY2(arrived, qPrintable(entity));
        QCOMPARE(arrived->op, RowChange::Op::Upsert);
        // Whoever sees both territories keeps the row.
        const RowChange *both = findChange(all1.changes, entity, id);
        QVERIFY2(both, qPrintable(entity));
        QCOMPARE(both->op, RowChange::Op::Upsert);
    }
    QCOMPARE(
        wire::customerFromRow(findChange(south1.changes, u"customer"_s, co.cash)->row)->territory,
        u"SOUTH"_s);
    // And back: the manager still keeps it.
    moved.territory = u"NORTH"_s;
    QVERIFY(KARVAN_OK(master.saveCustomer(co.who.manager, moved)).ok());
    PULL(all2, db, everything, all1.cursor);
    QCOMPARE(findChange(all2.changes, u"customer"_s, co.cash)->op, RowChange::Op::Upsert);
    QCOMPARE(findChange(all2.changes, u"order"_s, taken->orderId)->op, RowChange::Op::Upsert);
}

void tst_ChangeFeed::cursors()
{
    OPEN_COMPANY();
    ChangeFeed feed(db);
    const auto northScopes = scopesOf(Role::Rep, {u"NORTH"_s});
    for (const QByteArray &bad : {QByteArray("garbage"), QByteArray::fromHex("a0"),
                                  QByteArray::fromHex("8a01"), QByteArray::fromHex("83016161")}) {
        auto page = feed.read(northScopes, bad, 10);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, ErrorCode::InvalidArgument);
    }
    PULL(north, db, northScopes, {});
    // The user's territories changed: the old cursor starts the new scope set from scratch.
    const auto both = scopesOf(Role::Rep, {u"NORTH"_s, u"SOUTH"_s});
    PULL(fresh, db, both, north.cursor);
    PULL(scratch, db, both, {});
    QCOMPARE(keysOf(fresh.changes), keysOf(scratch.changes));
    QVERIFY(findChange(fresh.changes, u"customer"_s, co.south));
    QVERIFY(findChange(fresh.changes, u"product"_s,
                       idToString(MasterData(db).findProduct(u"TEA"_s)->id)));
}

void tst_ChangeFeed::repCustomerWrites()
{
    OPEN_COMPANY();
    MasterData master(db);
    const auto rey = scopesOf(Role::Rep, {u"NORTH"_s});
    PULL(first, db, rey, {});

    // A customer created offline keeps the device's id; the device's HLCs are kept per field.
    Customer created;
    created.id = Uuid7::generate();
    created.name = u"Corner Shop"_s;
    created.territory = u"NORTH"_s;
    created.taxRegion = u"N"_s;
    created.currency = u"USD"_s;
    const QString hlc = u"0190f0a0b0c0-00000001-dev1"_s;
    auto saved = KARVAN_OK(master.saveCustomer(co.who.rep, created, {{u"name"_s, hlc}}));
    QVERIFY(saved.ok());
    QCOMPARE(saved->customer.id, created.id);
    QVERIFY(!saved->customer.code.isEmpty());
    QCOMPARE(master.customerFieldVersions(idToString(created.id))->value(u"name"_s), hlc);
    PULL(next, db, rey, first.cursor);
    QVERIFY(findChange(next.changes, u"customer"_s, idToString(created.id)));

    // A rep changes neither HQ-only fields nor customers of other territories.
    Customer limit = saved->customer;
    limit.creditLimit = usd(100);
    QVERIFY(!master.saveCustomer(co.who.rep, limit).ok());
    Customer south = master.findCustomer(co.south)->customer;
    south.notes = u"mine now"_s;
    QVERIFY(!master.saveCustomer(co.who.rep, south).ok());
    Customer elsewhere = saved->customer;
    elsewhere.territory = u"SOUTH"_s;
    QVERIFY(!master.saveCustomer(co.who.rep, elsewhere).ok());
    Customer badHlc = saved->customer;
    badHlc.notes = u"x"_s;
    QVERIFY(!master.saveCustomer(co.who.rep, badHlc, {{u"notes"_s, u"yesterday"_s}}).ok());
    QVERIFY(!master.saveCustomer(co.who.rep, badHlc, {{u"territory"_s, hlc}}).ok());
    QCOMPARE(master.findCustomer(co.south)->customer.notes, QString());
    PULL(none, db, rey, next.cursor);
    QCOMPARE(none.changes.size(), 0);

    // What a rep may change, it may.
    Customer edit = saved->customer;
    edit.email = u"shop@example.com"_s;
    QVERIFY(KARVAN_OK(master.saveCustomer(co.who.rep, edit)).ok());
    auto versions = master.customerFieldVersions(idToString(created.id));
    QCOMPARE(versions->value(u"name"_s), hlc);
    QVERIFY(versions->value(u"email"_s).startsWith(u"0"_s));
    QVERIFY(versions->value(u"email"_s).contains(u"-hq-"_s));
}

void tst_ChangeFeed::rolledBackTransactionLeavesNoVersion()
{
    OPEN_COMPANY();
    ChangeFeed feed(db);
    const auto versionOf = [&](const QString &id) {
        return db.scalar(u"SELECT version FROM sync_feed WHERE entity_id = ?"_s, {id})
            ->toLongLong();
    };
    // A failed transaction, then a failed savepoint inside a committed one.
    QVERIFY(!db.transaction([&]() -> Result<void> {
                   if (auto t = feed.touch(u"product"_s, u"x1"_s, u"catalog"_s); !t)
                       return t;
                   return makeError(ErrorCode::Conflict, u"no"_s);
               }).ok());
    QVERIFY(db.transaction([&]() -> Result<void> {
                  (void)db.transaction([&]() -> Result<void> {
                      if (auto t = feed.touch(u"product"_s, u"x2"_s, u"catalog"_s); !t)
                          return t;
                      return makeError(ErrorCode::Conflict, u"no"_s);
                  });
                  return feed.touch(u"product"_s, u"x3"_s, u"catalog"_s);
              }).ok());
    QVERIFY(db.transaction([&]() -> Result<void> {
                  if (auto t = feed.touch(u"product"_s, u"x4"_s, u"catalog"_s); !t)
                      return t;
                  return feed.touch(u"product"_s, u"x5"_s, u"catalog"_s);
              }).ok());
    QCOMPARE(
        db.scalar(u"SELECT COUNT(*) FROM sync_feed WHERE entity_id IN ('x1', 'x2')"_s)->toInt(), 0);
    const qint64 clock = db.scalar(u"SELECT version FROM sync_feed_clock"_s)->toLongLong();
    QVERIFY(versionOf(u"x3"_s) < versionOf(u"x4"_s));
    QCOMPARE(versionOf(u"x4"_s), versionOf(u"x5"_s)); // one version per transaction
    QCOMPARE(versionOf(u"x4"_s), clock);
    // Outside a transaction a touch is refused.
    QVERIFY(!feed.touch(u"product"_s, u"x6"_s, u"catalog"_s).ok());
}

void tst_ChangeFeed::overlappingCommitsAreNotSkipped()
{
    OPEN_COMPANY();
    const auto everything = std::optional<QStringList>();
    PULL(start, db, everything, {});
    QByteArray cursor = start.cursor;
    QList<RowChange> seen;

    std::atomic<bool> firstTouched {false};
    std::atomic<bool> secondCommitted {false};
    QString firstError, secondError;
    // T1 touches the feed first and holds its transaction open; T2 touches and commits.
    std::thread first([&] {
        auto r = db.transaction([&]() -> Result<void> {
            Customer c = MasterData(db).findCustomer(co.cash)->customer;
            c.notes = u"slow writer"_s;
            if (auto s = MasterData(db).saveCustomer(co.who.manager, c); !s)
                return s.error();
            firstTouched = true;
            QThread::msleep(1500);
            return {};
        });
        if (!r)
            firstError = r.errorMessage();
        db.releaseThreadConnection();
    });
    while (!firstTouched)
        QThread::msleep(5);
    std::thread second([&] {
        Customer c = MasterData(db).findCustomer(co.south)->customer;
        c.notes = u"fast writer"_s;
        if (auto s = MasterData(db).saveCustomer(co.who.manager, c); !s)
            secondError = s.errorMessage();
        secondCommitted = true;
        db.releaseThreadConnection();
    });
    // Read while T1 is open: pages may only hold what is committed, and never let the cursor
    // pass T1's version.
    QThread::msleep(300);
    {
        PULL(during, db, everything, cursor);
        seen.append(during.changes);
        cursor = during.cursor;
    }
    first.join();
    second.join();
    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    PULL(after, db, everything, cursor);
    seen.append(after.changes);

    const RowChange *slow = findChange(seen, u"customer"_s, co.cash);
    const RowChange *fast = findChange(seen, u"customer"_s, co.south);
    QVERIFY2(slow, "the reader skipped the transaction that committed last");
    QVERIFY(fast);
    QCOMPARE(wire::customerFromRow(slow->row)->notes, u"slow writer"_s);
    QCOMPARE(wire::customerFromRow(fast->row)->notes, u"fast writer"_s);
    // The union of the pages is the feed as it stands.
    auto changedSince = db.scalar(u"SELECT COUNT(*) FROM sync_feed WHERE version > ?"_s,
                                  {db.scalar(u"SELECT MIN(version) FROM sync_feed WHERE "
                                             "entity_id IN (?, ?) AND entity = 'customer'"_s,
                                             {co.cash, co.south})
                                       ->toLongLong()
                                   - 1});
    QCOMPARE(keysOf(seen).size(), changedSince->toInt());
}

QTEST_GUILESS_MAIN(tst_ChangeFeed)
#include "tst_changefeed.moc"
