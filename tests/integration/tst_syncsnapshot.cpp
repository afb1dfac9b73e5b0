// The bootstrap snapshot end to end (issue 6): the real karvan-hq on SQLite and PostgreSQL,
// karvan-cli profiles and in-process SyncEngines as devices. A device bootstrapped from the
// snapshot must hold exactly what a device that pulled page by page holds, catch up what changed
// after the snapshot was built, resume an interrupted download, and HQ must refuse bad requests
// and other scopes' snapshots. One world per backend, shared by the test functions in order.
#include "syncworld.h"

#include "engine/snapshotbootstrap.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "erp/masterdata.h"
#include "hlc.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCborMap>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <map>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

#define KARVAN_CLI_OK(call)                                                                        \
    [&]() {                                                                                        \
        const CliResult r_ = (call);                                                               \
        if (r_.exitCode != 0)                                                                      \
            qWarning("%s", qPrintable(r_.describe()));                                             \
        return r_;                                                                                 \
    }()

// Every table of a device database, as sorted text rows; FTS tables with their rowid. sync_state
// (device id, sync times) is the device's own and left out; so are SQLite's and FTS5's internals.
QMap<QString, QStringList> dumpDevice(const QString &path, QString *error)
{
    QMap<QString, QStringList> out;
    const QString name = u"dump-"_s + QString::number(quintptr(&out)) + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = db.lastError().text();
            return out;
        }
        QSqlQuery tables(db);
        tables.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite_%' ORDER BY name"_s);
        QList<std::pair<QString, bool>> names;
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            const bool fts = tables.value(1).toString().contains(u"VIRTUAL TABLE"_s);
            names.append({table, fts});
        }
        QStringList shadow;
        for (const auto &[table, fts] : std::as_const(names)) {
            if (fts) {
                for (const QString &s :
                     {u"_data"_s, u"_idx"_s, u"_content"_s, u"_docsize"_s, u"_config"_s})
                    shadow.append(table + s);
            }
        }
        for (const auto &[table, fts] : std::as_const(names)) {
            if (table == u"sync_state"_s || shadow.contains(table))
                continue;
            // customers.seq / products.seq are local surrogates (their order of arrival), the
            // search rows' rowid; compared through the id they link to instead.
            QString sql = u"SELECT * FROM \"%1\""_s.arg(table);
            if (fts) {
                const QString parent
                    = table == u"customer_search"_s ? u"customers"_s : u"products"_s;
                const QString key = parent == u"customers"_s ? u"id"_s : u"sku"_s;
                sql = u"SELECT p.%1, s.* FROM \"%2\" s LEFT JOIN %3 p ON p.seq = s.rowid"_s.arg(
                    key, table, parent);
            } else if (table == u"customers"_s || table == u"products"_s) {
                QSqlQuery info(db);
                info.exec(u"PRAGMA table_info(%1)"_s.arg(table));
                QStringList columns;
                while (info.next()) {
                    if (info.value(1).toString() != u"seq"_s)
                        columns.append(info.value(1).toString());
                }
                sql = u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), table);
            }
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                *error = q.lastError().text();
                return out;
            }
            QStringList rows;
            while (q.next()) {
                QStringList cells;
                for (int i = 0; i < q.record().count(); ++i) {
                    const QVariant v = q.value(i);
                    cells.append(v.isNull() ? u"<null>"_s
                                     : v.typeId() == QMetaType::QByteArray
                                     ? QString::fromLatin1(v.toByteArray().toHex())
                                     : v.toString());
                }
                rows.append(cells.join(u'|'));
            }
            rows.sort();
            out.insert(table, rows);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// A transport that records the offsets of the snapshot GETs it passes on.
class RecordingTransport : public karvan::sync::SyncTransport
{
public:
    explicit RecordingTransport(karvan::sync::SyncTransport &inner)
        : m_inner(inner)
    { }
    Result<karvan::sync::TransportReply> post(const QString &path, const QByteArray &body,
                                              const QByteArray &contentType) override
    {
        return m_inner.post(path, body, contentType);
    }
    Result<karvan::sync::TransportReply> get(const QString &path, const QUrlQuery &query) override
    {
        offsets.append(query.queryItemValue(u"offset"_s).toLongLong());
        return m_inner.get(path, query);
    }
    bool supportsSnapshots() const override { return m_inner.supportsSnapshots(); }
    QList<qint64> offsets;

private:
    karvan::sync::SyncTransport &m_inner;
};

// A link that breaks down after `chunks` snapshot GETs: every later GET fails as a timeout does
// (the feed's POSTs still go through, as a slow link answers small requests in time).
class BreakingTransport : public karvan::sync::SyncTransport
{
public:
    BreakingTransport(karvan::sync::SyncTransport &inner, int chunks)
        : m_inner(inner)
        , m_chunks(chunks)
    { }
    Result<karvan::sync::TransportReply> post(const QString &path, const QByteArray &body,
                                              const QByteArray &contentType) override
    {
        return m_inner.post(path, body, contentType);
    }
    Result<karvan::sync::TransportReply> get(const QString &path, const QUrlQuery &query) override
    {
        if (gets++ >= m_chunks)
            return makeError(ErrorCode::Storage, u"the transfer timed out after 30 s"_s);
        return m_inner.get(path, query);
    }
    bool supportsSnapshots() const override { return true; }
    int gets = 0;

private:
    karvan::sync::SyncTransport &m_inner;
    int m_chunks;
};

// A device in this process: its own store, signed in over HTTP as login.
struct InProcessDevice
{
    QTemporaryDir dir;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<karvan::sync::HttpTransport> transport;
    std::unique_ptr<karvan::sync::HlcClock> clock;
    QString deviceId;

    // Signs in through the world's HQ; syncs with hq (the world's when empty).
    QString open(SyncWorld &world, const QString &login, const QUrl &hq = {})
    {
        const SyncWorld::Session session = world.httpLogin(login, u"in-process"_s);
        if (session.token.isEmpty())
            return u"login failed"_s;
        deviceId = session.deviceId;
        auto s = LocalStore::open(dir.filePath(u"device.sqlite"_s));
        if (!s)
            return s.errorMessage();
        store = std::move(s).value();
        if (auto r
            = SyncStateRepository(*store).setValue(karvan::sync::SyncEngine::DeviceIdKey, deviceId);
            !r)
            return r.errorMessage();
        auto t = karvan::sync::HttpTransport::create(
            {hq.isEmpty() ? world.url() : hq, session.token, {}, 30000});
        if (!t)
            return t.errorMessage();
        transport = std::move(t).value();
        clock = std::make_unique<karvan::sync::HlcClock>(deviceId);
        return {};
    }
    QStringList partFiles() const
    {
        return QDir(dir.path()).entryList({u"karvan-snapshot-*.part"_s}, QDir::Files);
    }
};

struct World
{
    std::unique_ptr<SyncWorld> world;
    QString error;
    std::unique_ptr<RepProfile> origin; // rep.a2: writes documents, tickets, activities
    std::unique_ptr<RepProfile> bySnapshot; // rep.a1, bootstrapped from the snapshot
    std::unique_ptr<RepProfile> byPages; // rep.a1, paged pulls only
    QString a1Token, a1Device, b1Token, b1Device;
    QString snapshotId; // rep.a1's scope
};

HttpReply describeAt(const QUrl &hq, const QString &token, const QString &device)
{
    HttpClient http(hq);
    return http.postJson(
        u"/v1/sync/snapshot"_s,
        {{u"device_id"_s, device}, {u"schema_version"_s, LocalStore::latestSchemaVersion()}},
        token);
}

// Asks hq for the snapshot until it answers 200 with an id other than notId, for up to 30 s;
// the id, or empty.
QString awaitSnapshot(const QUrl &hq, const QString &token, const QString &device,
                      const QString &notId = {})
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        const HttpReply r = describeAt(hq, token, device);
        const QString id = r.json[u"snapshot_id"_s].toString();
        if (r.status == 200 && !id.isEmpty() && id != notId)
            return id;
        if (r.status != 200 && r.errorCode() != u"building"_s) {
            qWarning("unexpected answer %d %s", r.status, r.body.constData());
            return {};
        }
        QThread::msleep(50);
    }
    return {};
}

QJsonObject describe(SyncWorld &w, const QString &token, const QString &device,
                     int *status = nullptr)
{
    HttpClient http(w.url());
    const HttpReply r = http.postJson(
        u"/v1/sync/snapshot"_s,
        {{u"device_id"_s, device}, {u"schema_version"_s, LocalStore::latestSchemaVersion()}},
        token);
    if (status)
        *status = r.status;
    return r.json;
}

} // namespace

class tst_SyncSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotDeviceEqualsPagedDevice_data() { addBackendColumns(); }
    void snapshotDeviceEqualsPagedDevice();
    void changeAfterSnapshotReachesDevice_data() { addBackendColumns(); }
    void changeAfterSnapshotReachesDevice();
    void interruptedDownloadResumes_data() { addBackendColumns(); }
    void interruptedDownloadResumes();
    void brokenDownloadFallsBackToPages_data() { addBackendColumns(); }
    void brokenDownloadFallsBackToPages();
    void nonFreshDeviceDoesNotUseSnapshot_data() { addBackendColumns(); }
    void nonFreshDeviceDoesNotUseSnapshot();
    void badRequestsAreRefused_data() { addBackendColumns(); }
    void badRequestsAreRefused();
    void otherScopeCannotFetchSnapshot_data() { addBackendColumns(); }
    void otherScopeCannotFetchSnapshot();
    void buildRunsInBackground_data() { addBackendColumns(); }
    void buildRunsInBackground();
    void cleanupTestCase() { m_worlds.clear(); }

private:
    World &world(const QString &backend)
    {
        World &w = m_worlds[backend];
        if (w.world || !w.error.isEmpty())
            return w;
        w.world = std::make_unique<SyncWorld>(backend);
        w.error = w.world->setUp({200, 300});
        if (!w.error.isEmpty())
            return w;
        // HQ-side history in NORTH: an order, a quote, a ticket, an activity, a customer edit.
        w.origin = std::make_unique<RepProfile>(u"rep.a2"_s);
        if (w.error = w.world->login(*w.origin); !w.error.isEmpty())
            return w;
        const SyncCompany &co = w.world->company();
        const QList<QStringList> work {
            // The catalog first, page by page.
            {u"sync"_s, u"--no-snapshot"_s, u"--json"_s},
            {u"order"_s, u"create"_s, u"--customer"_s, co.cash, u"--line"_s, u"TEA=2"_s,
             u"--line"_s, u"RICE=1"_s},
            {u"quote"_s, u"create"_s, u"--customer"_s, co.corner, u"--line"_s, u"OIL=1"_s},
            {u"ticket"_s, u"open"_s, u"--customer"_s, co.cash, u"--subject"_s, u"Fridge"_s},
            {u"activity"_s, u"log"_s, u"--customer"_s, co.corner, u"--kind"_s, u"visit"_s,
             u"--subject"_s, u"Weekly visit"_s},
            {u"customer"_s, u"edit"_s, co.tight, u"--set"_s, u"notes=Pays late"_s},
            {u"sync"_s, u"--json"_s},
        };
        for (const QStringList &args : work) {
            const CliResult r = w.origin->cli(args);
            if (r.exitCode != 0) {
                w.error = args.join(u' ') + u": "_s + r.describe();
                return w;
            }
        }
        // A sign-in starts the build of its scope's snapshot (rep.a2's above did): a restarted
        // HQ builds NORTH's after this work, so a snapshot device counts what a paged one does.
        w.world->hq().stop();
        if (!w.world->hq().start(w.world->dbUrl())) {
            w.error = w.world->hq().error();
            return w;
        }
        const SyncWorld::Session a1 = w.world->httpLogin(u"rep.a1"_s, u"http a1"_s);
        const SyncWorld::Session b1 = w.world->httpLogin(u"rep.b1"_s, u"http b1"_s);
        w.a1Token = a1.token;
        w.a1Device = a1.deviceId;
        w.b1Token = b1.token;
        w.b1Device = b1.deviceId;
        if (w.a1Token.isEmpty() || w.b1Token.isEmpty())
            w.error = u"HTTP login failed"_s;
        return w;
    }
    std::map<QString, World> m_worlds;
};

#define KARVAN_WORLD(w)                                                                            \
    QFETCH(QString, backend);                                                                      \
    World &w = world(backend);                                                                     \
    if (!w.error.isEmpty())                                                                        \
        QFAIL(qPrintable(w.error));

void tst_SyncSnapshot::snapshotDeviceEqualsPagedDevice()
{
    KARVAN_WORLD(w);
    w.bySnapshot = std::make_unique<RepProfile>(u"rep.a1"_s);
    w.byPages = std::make_unique<RepProfile>(u"rep.a1"_s);
    QCOMPARE(w.world->login(*w.bySnapshot, u"snapshot device"_s), QString());
    QCOMPARE(w.world->login(*w.byPages, u"paged device"_s), QString());

    const CliResult snap = KARVAN_CLI_OK(w.bySnapshot->sync());
    QCOMPARE(snap.exitCode, 0);
    const CliResult paged
        = KARVAN_CLI_OK(w.byPages->cli({u"sync"_s, u"--no-snapshot"_s, u"--json"_s}));
    QCOMPARE(paged.exitCode, 0);
    const QJsonObject s = snap.json().toObject();
    const QJsonObject p = paged.json().toObject();
    // The snapshot device got its records from the snapshot, the other page by page; both
    // count the same records.
    QVERIFY2(s[u"snapshot_records"_s].toInteger() > 300, snap.out.constData());
    QVERIFY(s[u"snapshot_bytes"_s].toInteger() > 0);
    QCOMPARE(p[u"snapshot_records"_s].toInteger(), qint64(0));
    QCOMPARE(s[u"pulled"_s].toInteger(), p[u"pulled"_s].toInteger());

    QString error;
    const auto a = dumpDevice(QDir(w.bySnapshot->path()).filePath(u"device.sqlite"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto b = dumpDevice(QDir(w.byPages->path()).filePath(u"device.sqlite"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(a.keys(), b.keys());
    // What the world holds must be there, so an empty copy cannot pass.
    for (const QString &table :
         {u"customers"_s, u"customer_search"_s, u"products"_s, u"product_search"_s,
          u"price_lists"_s, u"price_list_entries"_s, u"tax_rules"_s, u"warehouses"_s,
          u"stock_levels"_s, u"sales_documents"_s, u"document_lines"_s, u"tickets"_s,
          u"activities"_s, u"field_versions"_s}) {
        QVERIFY2(!b.value(table).isEmpty(), qPrintable(table));
    }
    QCOMPARE(b.value(u"customers"_s).size(), qsizetype(300 + 4));
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        const QStringList &mine = a.value(it.key());
        if (mine == it.value())
            continue;
        QString first;
        for (qsizetype i = 0; i < std::max(mine.size(), it.value().size()); ++i) {
            if (mine.value(i) != it.value().value(i)) {
                first = u"snapshot: %1\npaged:    %2"_s.arg(mine.value(i), it.value().value(i));
                break;
            }
        }
        QFAIL(qPrintable(u"table %1 differs (%2 vs %3 rows)\n%4"_s.arg(it.key())
                             .arg(mine.size())
                             .arg(it.value().size())
                             .arg(first)));
    }
    // The snapshot device searches like the other (the FTS index came along).
    const QString found = w.bySnapshot->customerIdByName(u"Filler 0150"_s);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found, w.byPages->customerIdByName(u"Filler 0150"_s));
}

void tst_SyncSnapshot::changeAfterSnapshotReachesDevice()
{
    KARVAN_WORLD(w);
    int status = 0;
    const QJsonObject before = describe(*w.world, w.a1Token, w.a1Device, &status);
    QCOMPARE(status, 200);
    w.snapshotId = before[u"snapshot_id"_s].toString();
    QVERIFY(!w.snapshotId.isEmpty());

    // HQ renames a customer after the snapshot was built.
    const SyncCompany &co = w.world->company();
    erp::MasterData master(w.world->db());
    auto found = master.findCustomer(co.corner);
    QVERIFY2(found, qPrintable(found.errorMessage()));
    Customer renamed = found->customer;
    renamed.name = u"Corner Store Renamed"_s;
    auto saved = master.saveCustomer(w.world->admin(), renamed);
    QVERIFY2(saved, qPrintable(saved.errorMessage()));

    RepProfile late(u"rep.a1"_s);
    QCOMPARE(w.world->login(late, u"late device"_s), QString());
    const CliResult r = KARVAN_CLI_OK(late.sync());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = r.json().toObject();
    // Still the cached snapshot, built before the rename...
    QCOMPARE(describe(*w.world, w.a1Token, w.a1Device)[u"snapshot_id"_s].toString(), w.snapshotId);
    QVERIFY(report[u"snapshot_records"_s].toInteger() > 0);
    // ...and the catch-up pull brought the rename.
    QVERIFY(report[u"pulled"_s].toInteger() > report[u"snapshot_records"_s].toInteger());
    QCOMPARE(late.customers().value(normId(co.corner))[u"name"_s].toString(),
             u"Corner Store Renamed"_s);
    QCOMPARE(late.customers().size(), w.world->hqCustomers(u"NORTH"_s).size());
}

void tst_SyncSnapshot::interruptedDownloadResumes()
{
    KARVAN_WORLD(w);
    InProcessDevice device;
    QCOMPARE(device.open(*w.world, u"rep.a1"_s), QString());
    constexpr qint64 Chunk = 2048;
    qint64 total = 0;
    {
        RecordingTransport transport(*device.transport);
        karvan::sync::SyncEngine engine(*device.store, transport, *device.clock);
        engine.setSnapshotChunkBytes(Chunk);
        engine.setFaultHook([](const QString &point) { return point != u"snapshot.chunk"_s; });
        engine.setProgress([&total](const karvan::sync::SyncProgressReport &p) {
            total = std::max(total, p.bytesTotal);
        });
        auto r = engine.pull();
        QVERIFY(!r);
        QVERIFY2(r.errorMessage().contains(u"snapshot.chunk"_s), qPrintable(r.errorMessage()));
        QCOMPARE(transport.offsets, QList<qint64>({0}));
    }
    QVERIFY2(total > 4 * Chunk, "the snapshot must span several chunks for this test");
    QCOMPARE(device.partFiles().size(), qsizetype(1));
    QCOMPARE(QFileInfo(QDir(device.dir.path()).filePath(device.partFiles().constFirst())).size(),
             Chunk);
    QCOMPARE(device.store->scalar(u"SELECT COUNT(*) FROM customers"_s)->toInt(), 0);

    RecordingTransport transport(*device.transport);
    karvan::sync::SyncEngine engine(*device.store, transport, *device.clock);
    engine.setSnapshotChunkBytes(Chunk);
    auto r = engine.pull();
    QVERIFY2(r, qPrintable(r.errorMessage()));
    // It went on from the bytes it had, never from 0, and downloaded only the rest.
    QVERIFY(!transport.offsets.isEmpty());
    QCOMPARE(transport.offsets.constFirst(), Chunk);
    QVERIFY(!transport.offsets.contains(0));
    QCOMPARE(r->snapshotBytes, total - Chunk);
    QVERIFY(r->snapshotRecords > 300);
    QVERIFY(device.partFiles().isEmpty());
    QCOMPARE(QDir(device.dir.path()).entryList({u"karvan-snapshot-*"_s}).size(), qsizetype(0));
    QCOMPARE(device.store->scalar(u"SELECT COUNT(*) FROM customers"_s)->toLongLong(),
             qint64(w.world->hqCustomers(u"NORTH"_s).size()));
}

// A link too slow or broken for the snapshot's chunks must not keep a fresh device from
// syncing: the round pulls page by page, and the partial download is dropped once it can no
// longer be installed.
void tst_SyncSnapshot::brokenDownloadFallsBackToPages()
{
    KARVAN_WORLD(w);
    InProcessDevice device;
    QCOMPARE(device.open(*w.world, u"rep.a1"_s), QString());
    constexpr qint64 Chunk = 2048;
    BreakingTransport transport(*device.transport, 1);
    karvan::sync::SyncEngine engine(*device.store, transport, *device.clock);
    engine.setSnapshotChunkBytes(Chunk);
    auto r = engine.pull();
    QVERIFY2(r, qPrintable(r.errorMessage()));
    QCOMPARE(transport.gets, 2); // one chunk, then the broken one; no retry loop
    QCOMPARE(r->snapshotRecords, qint64(0));
    QCOMPARE(r->snapshotBytes, Chunk);
    QVERIFY(r->pulled > 300);
    QCOMPARE(device.store->scalar(u"SELECT COUNT(*) FROM customers"_s)->toLongLong(),
             qint64(w.world->hqCustomers(u"NORTH"_s).size()));
    // The next round finds the device synced: the leftover bytes go, nothing is downloaded.
    QCOMPARE(device.partFiles().size(), qsizetype(1));
    auto again = engine.pull();
    QVERIFY2(again, qPrintable(again.errorMessage()));
    QCOMPARE(transport.gets, 2);
    QCOMPARE(again->snapshotBytes, qint64(0));
    QCOMPARE(QDir(device.dir.path()).entryList({u"karvan-snapshot-*"_s}).size(), qsizetype(0));
}

void tst_SyncSnapshot::nonFreshDeviceDoesNotUseSnapshot()
{
    KARVAN_WORLD(w);
    if (!w.bySnapshot)
        QSKIP("needs snapshotDeviceEqualsPagedDevice's devices");
    // A device that has synced before pulls what changed.
    const CliResult again = KARVAN_CLI_OK(w.bySnapshot->sync());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json()[u"snapshot_records"_s].toInteger(), qint64(0));
    QCOMPARE(again.json()[u"snapshot_bytes"_s].toInteger(), qint64(0));

    // A device with nothing synced yet but a change waiting in its outbox: not fresh either.
    InProcessDevice device;
    QCOMPARE(device.open(*w.world, u"rep.a1"_s), QString());
    OutboxMutation m;
    m.mutationId = QUuid::createUuid();
    m.entity = u"activity"_s;
    m.entityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.op = u"create"_s;
    m.payload = QCborMap().toCborValue().toCbor();
    m.createdAt = QDateTime::currentDateTimeUtc();
    auto appended = OutboxRepository(*device.store).append(m);
    QVERIFY2(appended, qPrintable(appended.errorMessage()));
    auto fresh = karvan::sync::SnapshotBootstrap::isFresh(*device.store,
                                                          karvan::sync::SyncEngine::CursorKey);
    QVERIFY(fresh);
    QVERIFY(!*fresh);
    karvan::sync::SyncEngine engine(*device.store, *device.transport, *device.clock);
    auto r = engine.pull(); // pull only: the outbox entry stays pending
    QVERIFY2(r, qPrintable(r.errorMessage()));
    QCOMPARE(r->snapshotRecords, qint64(0));
    QCOMPARE(r->snapshotBytes, qint64(0));
    QVERIFY(r->pulled > 300);
}

void tst_SyncSnapshot::badRequestsAreRefused()
{
    KARVAN_WORLD(w);
    HttpClient http(w.world->url());
    const QString token = w.a1Token;
    const QJsonObject good {{u"device_id"_s, w.a1Device},
                            {u"schema_version"_s, LocalStore::latestSchemaVersion()}};
    // No token, bad JSON, missing or wrong fields, another device, another schema.
    QCOMPARE(http.postJson(u"/v1/sync/snapshot"_s, good).status, 401);
    QCOMPARE(http.send("POST", u"/v1/sync/snapshot"_s, "{not json", token).status, 400);
    QCOMPARE(http.postJson(u"/v1/sync/snapshot"_s, {{u"device_id"_s, w.a1Device}}, token).status,
             400);
    QCOMPARE(http.postJson(u"/v1/sync/snapshot"_s,
                           {{u"device_id"_s, u"nope"_s},
                            {u"schema_version"_s, LocalStore::latestSchemaVersion()}},
                           token)
                 .status,
             400);
    QCOMPARE(http.postJson(u"/v1/sync/snapshot"_s,
                           {{u"device_id"_s, w.b1Device},
                            {u"schema_version"_s, LocalStore::latestSchemaVersion()}},
                           token)
                 .status,
             403);
    const HttpReply otherSchema
        = http.postJson(u"/v1/sync/snapshot"_s,
                        {{u"device_id"_s, w.a1Device},
                         {u"schema_version"_s, LocalStore::latestSchemaVersion() + 1}},
                        token);
    QCOMPARE(otherSchema.status, 409);
    QCOMPARE(otherSchema.errorCode(), u"unavailable"_s);

    const QJsonObject meta = describe(*w.world, token, w.a1Device);
    const QString id = meta[u"snapshot_id"_s].toString();
    const qint64 size = meta[u"size"_s].toInteger();
    QVERIFY(!id.isEmpty());
    QVERIFY(size > 0);
    const QString path = u"/v1/sync/snapshot/"_s + id;
    QCOMPARE(http.send("GET", path + u"?offset=0&length=10"_s, {}, token).body.size(),
             qsizetype(10));
    QCOMPARE(http.send("GET", path + u"?offset=0&length=10"_s).status, 401);
    QCOMPARE(http.send("GET", path + u"?offset=-1"_s, {}, token).status, 400);
    QCOMPARE(http.send("GET", path + u"?offset=abc"_s, {}, token).status, 400);
    QCOMPARE(http.send("GET", path + u"?offset=99999999999999999999999"_s, {}, token).status, 400);
    QCOMPARE(http.send("GET", path + u"?length=0"_s, {}, token).status, 400);
    QCOMPARE(http.send("GET", path + u"?offset=%1"_s.arg(size + 1), {}, token).status, 416);
    QCOMPARE(http.send("GET", path + u"?offset=%1"_s.arg(size), {}, token).body.size(),
             qsizetype(0));
    QCOMPARE(http.send("GET", u"/v1/sync/snapshot/not-an-id"_s, {}, token).status, 400);
    const HttpReply gone = http.send(
        "GET", u"/v1/sync/snapshot/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), {},
        token);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.errorCode(), u"gone"_s);
    // HQ is still serving.
    QCOMPARE(describe(*w.world, token, w.a1Device)[u"snapshot_id"_s].toString(), id);
}

void tst_SyncSnapshot::otherScopeCannotFetchSnapshot()
{
    KARVAN_WORLD(w);
    HttpClient http(w.world->url());
    const QString northId = describe(*w.world, w.a1Token, w.a1Device)[u"snapshot_id"_s].toString();
    const QJsonObject south = describe(*w.world, w.b1Token, w.b1Device);
    const QString southId = south[u"snapshot_id"_s].toString();
    QVERIFY(!northId.isEmpty());
    QVERIFY(!southId.isEmpty());
    QVERIFY(northId != southId);
    const HttpReply stolen
        = http.send("GET", u"/v1/sync/snapshot/"_s + northId + u"?offset=0"_s, {}, w.b1Token);
    QCOMPARE(stolen.status, 403);
    QCOMPARE(stolen.errorCode(), u"forbidden"_s);
    QVERIFY(!stolen.body.startsWith("x\x9c"));
    QCOMPARE(
        http.send("GET", u"/v1/sync/snapshot/"_s + southId + u"?offset=0&length=4"_s, {}, w.b1Token)
            .status,
        200);
    // A SOUTH device bootstrapped from its snapshot sees SOUTH's customers only.
    RepProfile b1(u"rep.b1"_s);
    QCOMPARE(w.world->login(b1), QString());
    const CliResult r = KARVAN_CLI_OK(b1.sync());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json()[u"snapshot_records"_s].toInteger() > 0);
    QCOMPARE(b1.customers(), w.world->hqCustomers(u"SOUTH"_s));
}

// A build never holds a request. Given no time to wait for one (KARVAN_HQ_SNAPSHOT_WAIT=0), HQ
// answers 503 "building" at once and the fresh device syncs page by page in the same round; the
// build goes on in the background and the next fresh device of the scope gets the snapshot. A
// stale snapshot (max age 0) is served at once while the next is built. A karvan-hq of its own
// on the world's database, signed in to through the world's HQ (a sign-in starts its scope's
// build), so no snapshot exists in it at first.
void tst_SyncSnapshot::buildRunsInBackground()
{
    KARVAN_WORLD(w);
    HqServerProcess hq;
    QVERIFY2(hq.start(w.world->dbUrl(), {},
                      {{u"KARVAN_HQ_SNAPSHOT_WAIT"_s, u"0"_s},
                       {u"KARVAN_HQ_SNAPSHOT_MAX_AGE"_s, u"0"_s}}),
             qPrintable(hq.error()));
    const HttpReply first = describeAt(hq.url(), w.b1Token, w.b1Device);
    QCOMPARE(first.status, 503);
    QCOMPARE(first.errorCode(), u"building"_s);
    QCOMPARE(first.headers.value("retry-after"), QByteArray("30"));

    // The device's own request is the first for its scope here: page by page.
    const qint64 north = w.world->hqCustomers(u"NORTH"_s).size();
    {
        InProcessDevice device;
        QCOMPARE(device.open(*w.world, u"rep.a1"_s, hq.url()), QString());
        karvan::sync::SyncEngine engine(*device.store, *device.transport, *device.clock);
        auto r = engine.pull();
        QVERIFY2(r, qPrintable(r.errorMessage()));
        QCOMPARE(r->snapshotRecords, qint64(0));
        QVERIFY(r->pulled > 300);
        QCOMPARE(device.store->scalar(u"SELECT COUNT(*) FROM customers"_s)->toLongLong(), north);
    }

    const QString built = awaitSnapshot(hq.url(), w.a1Token, w.a1Device);
    QVERIFY2(!built.isEmpty(), "the background build never finished");
    // Stale at once, yet served at once (with no wait allowed, a 200 is a snapshot already
    // there: this one, or its successor if that build was quicker than this request)...
    const HttpReply stale = describeAt(hq.url(), w.a1Token, w.a1Device);
    QCOMPARE(stale.status, 200);
    QVERIFY(!stale.json[u"snapshot_id"_s].toString().isEmpty());
    // ...while its successor is built.
    const QString rebuilt = awaitSnapshot(hq.url(), w.a1Token, w.a1Device, built);
    QVERIFY2(!rebuilt.isEmpty(), "the stale snapshot was never rebuilt");

    InProcessDevice second;
    QCOMPARE(second.open(*w.world, u"rep.a1"_s, hq.url()), QString());
    karvan::sync::SyncEngine engine(*second.store, *second.transport, *second.clock);
    auto r = engine.pull();
    QVERIFY2(r, qPrintable(r.errorMessage()));
    QVERIFY(r->snapshotRecords > 300);
    QCOMPARE(second.store->scalar(u"SELECT COUNT(*) FROM customers"_s)->toLongLong(), north);
    // Stopping with a build under way (every request above started one) is a clean stop.
    QCOMPARE(hq.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_SyncSnapshot)
#include "tst_syncsnapshot.moc"
