#include "auth/userdirectory.h"
#include "domain/ids.h"
#include "erpfixture.h"
#include "hqserverprocess.h"
#include "protocol/codec.h"
#include "sync/pullpagecache.h"
#include "testdatabase.h"

#include <QCborMap>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;
using hq::sync::EncodedPullPage;
using hq::sync::PullPageCache;
using karvan::sync::Hlc;
using karvan::sync::PullRequest;
using karvan::sync::PullResponse;
using karvan::sync::RowChange;
using karvan::sync::SyncMutation;

// HQ's shared pull pages (server/sync/pullpagecache.h): the spliced wire form decodes to what
// the encoder would send, one build serves concurrent identical pulls, a page is reused only
// for requests that read an older or equal feed clock, memory stays within the budget; and
// against the real karvan-hq, a pull after a change never gets the page from before it.
class tst_PullPageCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireDecodesToTheResponse_data();
    void wireDecodesToTheResponse();
    void concurrentPullsShareOneBuild();
    void pageServesOnlyOlderOrEqualClocks();
    void olderPageWhileAnotherBuilds();
    void failedBuildsAreNotKept();
    void memoryStaysWithinBudget();
    void pullAfterAChangeSeesIt_data() { addBackendColumns(); }
    void pullAfterAChangeSeesIt();

private:
    static PullResponse sampleResponse(int changes)
    {
        PullResponse r;
        for (int i = 0; i < changes; ++i) {
            RowChange c;
            c.entity = u"customer"_s;
            c.id = u"c-%1"_s.arg(i);
            c.op = RowChange::Op::Upsert;
            c.hlc = Hlc {1700000000000 + i, quint32(i % 3), u"hq-0badcafe"_s};
            c.row = QCborMap {{u"id"_s, c.id},
                              {u"name"_s, u"Customer number %1"_s.arg(i)},
                              {u"credit_limit"_s, qint64(i) * 1000}};
            r.changes.append(c);
        }
        if (changes > 0) {
            RowChange t;
            t.entity = u"product"_s;
            t.id = u"gone"_s;
            t.op = RowChange::Op::Tombstone;
            t.hlc = Hlc {1700000000999, 0, u"hq-0badcafe"_s};
            r.changes.append(t);
        }
        r.nextCursor = QByteArray("cursor-bytes-") + QByteArray::number(changes);
        r.hasMore = changes > 100;
        r.progress
            = {qint64(changes), qint64(changes) * 2, qint64(changes) * 90, qint64(changes) * 180};
        return r;
    }

    static EncodedPullPage pageOf(qsizetype bytes)
    {
        EncodedPullPage p;
        p.body = QByteArray(bytes, 'x');
        p.bodySize = bytes;
        return p;
    }

    struct Session
    {
        QString token;
        QUuid deviceId;
    };
    static Session login(HttpClient &client, const QString &deviceName)
    {
        const HttpReply r = client.postJson(u"/v1/auth/login"_s,
                                            {{u"login"_s, u"rey"_s},
                                             {u"password"_s, u"secret-pw"_s},
                                             {u"device_name"_s, deviceName}});
        return {r.json.value(u"token"_s).toString(),
                QUuid::fromString(r.json.value(u"device_id"_s).toString())};
    }
    static std::optional<PullResponse> pull(HttpClient &client, const Session &s,
                                            const QByteArray &cursor)
    {
        const HttpReply r = client.send("POST", u"/v1/sync/pull"_s,
                                        karvan::sync::encode(PullRequest {s.deviceId, cursor, 0}),
                                        s.token, "application/vnd.karvan.sync");
        if (r.status != 200)
            return std::nullopt;
        auto decoded = karvan::sync::decodePullResponse(r.body);
        if (!decoded)
            return std::nullopt;
        return *decoded;
    }
    static QString notesOf(const PullResponse &r, const QString &customerId)
    {
        for (const RowChange &c : r.changes) {
            if (c.entity == u"customer"_s && c.id == customerId)
                return c.row.value(u"notes"_s).toString();
        }
        return u"<absent>"_s;
    }
};

void tst_PullPageCache::wireDecodesToTheResponse_data()
{
    QTest::addColumn<int>("changes");
    QTest::addColumn<bool>("compressed");
    QTest::newRow("empty") << 0 << false;
    QTest::newRow("one") << 1 << false;
    QTest::newRow("hundreds") << 800 << true;
}

void tst_PullPageCache::wireDecodesToTheResponse()
{
    QFETCH(int, changes);
    QFETCH(bool, compressed);
    const PullResponse response = sampleResponse(changes);
    const auto page = hq::sync::encodePullPage(response);
    QVERIFY2(page, qPrintable(page.errorMessage()));
    QCOMPARE(page->hasMore, response.hasMore);
    for (const bool hasMore : {false, true})
        for (const Hlc &hlc : {Hlc {1800000000000, 0, u"hq-12345678"_s},
                               Hlc {1800000000001, 65535, u"hq-a-much-longer-node-name"_s}}) {
            const QByteArray wire = hq::sync::pullPageWire(*page, hasMore, hlc);
            QCOMPARE(bool(wire.at(6) & 0x01), compressed);
            auto decoded = karvan::sync::decodePullResponse(wire);
            QVERIFY2(decoded, qPrintable(decoded.errorMessage()));
            PullResponse expected = response;
            expected.serverHlc = hlc;
            expected.hasMore = hasMore;
            QCOMPARE(decoded->changes.size(), expected.changes.size());
            QVERIFY(*decoded == expected);
            // The same as the encoder's own message once decoded, and no larger than it by more
            // than the stored block's few bytes.
            const QByteArray reference = karvan::sync::encode(expected);
            QVERIFY2(wire.size() <= reference.size() + 64,
                     qPrintable(u"%1 vs %2 bytes"_s.arg(wire.size()).arg(reference.size())));
        }
}

void tst_PullPageCache::concurrentPullsShareOneBuild()
{
    PullPageCache cache;
    std::atomic<int> builds {0};
    const PullPageCache::Key key {u"Scatalog"_s, QByteArray("head"), 5000};
    QList<PullPageCache::Page> got(8);
    QList<bool> exact(8, false);
    QList<QThread *> threads;
    for (int i = 0; i < 8; ++i) {
        threads.append(QThread::create([&, i]() {
            auto page = cache.get(
                key, 7, []() -> Result<qint64> { return 7; },
                [&]() -> Result<EncodedPullPage> {
                    ++builds;
                    QThread::msleep(200); // the others arrive while this one builds
                    return pageOf(1000);
                });
            if (page) {
                got[i] = page->page;
                exact[i] = page->exact;
            }
        }));
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(10000));
        delete t;
    }
    QCOMPARE(builds.load(), 1);
    for (qsizetype i = 0; i < got.size(); ++i) {
        QVERIFY(got.at(i));
        QCOMPARE(got.at(i).get(), got.constFirst().get());
        QVERIFY(exact.at(i));
    }
    QCOMPARE(cache.stats().builds, 1);
}

void tst_PullPageCache::pageServesOnlyOlderOrEqualClocks()
{
    PullPageCache cache;
    int builds = 0;
    qint64 feedClock = 5;
    const auto readClock = [&]() -> Result<qint64> {
        return feedClock;
    };
    const auto build = [&]() -> Result<EncodedPullPage> {
        ++builds;
        return pageOf(100 + builds);
    };
    const PullPageCache::Key key {u"Sa"_s, QByteArray("c1"), 100};
    auto first = cache.get(key, 5, readClock, build);
    QVERIFY(first && first->exact);
    QCOMPARE(builds, 1);
    QVERIFY(cache.get(key, 5, readClock, build));
    QVERIFY(cache.get(key, 4, readClock, build)); // read before the page was built: newer is fine
    QCOMPARE(builds, 1);
    // Another cursor, scope set or batch size is another question.
    QVERIFY(cache.get({u"Sa"_s, QByteArray("c2"), 100}, 5, readClock, build));
    QVERIFY(cache.get({u"Sb"_s, QByteArray("c1"), 100}, 5, readClock, build));
    QVERIFY(cache.get({u"Sa"_s, QByteArray("c1"), 50}, 5, readClock, build));
    QCOMPARE(builds, 4);
    // Another database is another feed, even at a lower clock with the same cursor (a copy of
    // the same HQ file): its page was never served the first database's.
    auto otherDb = cache.get({u"Sa"_s, QByteArray("c1"), 100, 2}, 3, readClock, build);
    QVERIFY(otherDb && otherDb->exact);
    QCOMPARE(builds, 5);
    QVERIFY(otherDb->page.get() != first->page.get());
    // The feed moved on: a request that read the new clock gets a new page.
    feedClock = 6;
    auto second = cache.get(key, 6, readClock, build);
    QVERIFY(second && second->exact);
    QCOMPARE(builds, 6);
    QVERIFY(second->page.get() != first->page.get());
    QCOMPARE(second->page->bodySize, 106);
    auto again = cache.get(key, 6, readClock, build);
    QCOMPARE(again->page.get(), second->page.get());
    QCOMPARE(builds, 6);
}

void tst_PullPageCache::olderPageWhileAnotherBuilds()
{
    PullPageCache cache(64 << 20, 0);
    const PullPageCache::Key key {u"Sa"_s, QByteArray("head"), 100};
    const auto pageWith = [](qsizetype changes, qsizetype bytes) {
        EncodedPullPage p = pageOf(bytes);
        p.changes = changes;
        return p;
    };
    auto old = cache.get(
        key, 1, []() -> Result<qint64> { return 1; },
        [&]() -> Result<EncodedPullPage> { return pageWith(3, 100); });
    QVERIFY(old && old->exact);
    // The feed moved to 2; a slow build of the exact page runs in another thread.
    QThread *builder = QThread::create([&]() {
        (void)cache.get(
            key, 2, []() -> Result<qint64> { return 2; },
            [&]() -> Result<EncodedPullPage> {
                QThread::msleep(400);
                return pageWith(4, 200);
            });
    });
    builder->start();
    QThread::msleep(100);
    int builds = 0;
    const auto mustNotBuild = [&]() -> Result<EncodedPullPage> {
        ++builds;
        return pageWith(5, 300);
    };
    // Meanwhile a request that read clock 2 gets the older page, marked not exact (the route
    // answers it with has_more = true), without building or waiting.
    QElapsedTimer waited;
    waited.start();
    auto meanwhile = cache.get(
        key, 2, []() -> Result<qint64> { return 2; }, mustNotBuild);
    QVERIFY(meanwhile);
    QVERIFY(!meanwhile->exact);
    QCOMPARE(meanwhile->page.get(), old->page.get());
    QVERIFY(waited.elapsed() < 200);
    QVERIFY(builder->wait(10000));
    delete builder;
    // Then the exact page serves clock 2.
    auto after = cache.get(
        key, 2, []() -> Result<qint64> { return 2; }, mustNotBuild);
    QVERIFY(after && after->exact);
    QCOMPARE(after->page->changes, 4);
    QCOMPARE(builds, 0);
    QCOMPARE(cache.stats().older, 1);

    // Within the window after its build, a page with changes is served not exact without a
    // build; an empty one never is (has_more would send the device back to it); with no
    // window the exact page is built.
    for (const qint64 window : {qint64(60000), qint64(0)}) {
        PullPageCache windowed(64 << 20, window);
        int built = 0;
        for (const qsizetype changes : {qsizetype(3), qsizetype(0)}) {
            const PullPageCache::Key k {u"Sw"_s, QByteArray::number(changes), 100};
            (void)windowed.get(
                k, 1, []() -> Result<qint64> { return 1; },
                [&]() -> Result<EncodedPullPage> { return pageWith(changes, 100); });
            built = 0;
            auto later = windowed.get(
                k, 2, []() -> Result<qint64> { return 2; },
                [&]() -> Result<EncodedPullPage> {
                    ++built;
                    return pageWith(changes, 100);
                });
            QVERIFY(later);
            const bool older = window > 0 && changes > 0;
            QCOMPARE(later->exact, !older);
            QCOMPARE(built, older ? 0 : 1);
        }
    }
}

void tst_PullPageCache::failedBuildsAreNotKept()
{
    PullPageCache cache;
    int builds = 0;
    bool fail = true;
    const auto readClock = []() -> Result<qint64> {
        return 1;
    };
    const auto build = [&]() -> Result<EncodedPullPage> {
        ++builds;
        if (fail)
            return makeError(ErrorCode::InvalidArgument, u"cursor: not a cursor"_s);
        return pageOf(10);
    };
    const PullPageCache::Key key {u"*"_s, QByteArray("bad"), 10};
    auto r = cache.get(key, 1, readClock, build);
    QVERIFY(!r);
    QVERIFY(r.error().code == ErrorCode::InvalidArgument);
    QCOMPARE(cache.stats().entries, 0);
    fail = false;
    QVERIFY(cache.get(key, 1, readClock, build));
    QCOMPARE(builds, 2);
    // A failing clock read is an error too, and builds nothing.
    auto noClock = cache.get(
        {u"*"_s, QByteArray("x"), 10}, 1,
        []() -> Result<qint64> { return makeError(ErrorCode::Storage, u"db down"_s); }, build);
    QVERIFY(!noClock);
    QCOMPARE(builds, 2);
}

void tst_PullPageCache::memoryStaysWithinBudget()
{
    PullPageCache cache(10000);
    const auto readClock = []() -> Result<qint64> {
        return 1;
    };
    int builds = 0;
    const auto build = [&]() -> Result<EncodedPullPage> {
        ++builds;
        return pageOf(3000);
    };
    for (int i = 0; i < 6; ++i)
        QVERIFY(cache.get({u"S"_s, QByteArray::number(i), 10}, 1, readClock, build));
    const auto s = cache.stats();
    QVERIFY2(s.bytes <= 10000, qPrintable(QString::number(s.bytes)));
    QVERIFY(s.evictions >= 3);
    QCOMPARE(s.entries, 3);
    // The most recent stay; the oldest was dropped and is built again.
    QVERIFY(cache.get({u"S"_s, QByteArray::number(5), 10}, 1, readClock, build));
    QCOMPARE(builds, 6);
    QVERIFY(cache.get({u"S"_s, QByteArray::number(0), 10}, 1, readClock, build));
    QCOMPARE(builds, 7);
    // A page larger than the whole budget is answered but not kept.
    PullPageCache tiny(100);
    QVERIFY(tiny.get({u"S"_s, QByteArray("big"), 10}, 1, readClock, build));
    QCOMPARE(tiny.stats().bytes, 0);
}

void tst_PullPageCache::pullAfterAChangeSeesIt()
{
    KARVAN_TEST_DATABASE(testDb);
    ErpCompany co;
    {
        auto db = Database::open(testDb.url());
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QVERIFY(migrateHqSchema(**db));
        const QString seeded = seedCompany(**db, co);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
        QVERIFY(UserDirectory(**db).add({u"rey"_s, Role::Rep, {u"NORTH"_s}}, u"secret-pw"_s,
                                        u"test"_s));
    }
    HqServerProcess hq;
    QVERIFY2(hq.start(testDb.url()), qPrintable(hq.error()));
    HttpClient client(hq.url());
    const Session phone = login(client, u"phone"_s);
    const Session tablet = login(client, u"tablet"_s);
    QVERIFY(!phone.token.isEmpty() && !tablet.token.isEmpty());

    // Two devices of one rep ask the same question: the same answer, each with the server's
    // clock of its own response (never older than the previous one).
    auto a = pull(client, phone, {});
    auto b = pull(client, tablet, {});
    QVERIFY(a && b);
    QVERIFY(!a->changes.isEmpty());
    QVERIFY(b->changes == a->changes);
    QCOMPARE(b->nextCursor, a->nextCursor);
    QVERIFY(!a->serverHlc.isNull() && !b->serverHlc.isNull());
    QVERIFY(a->serverHlc < b->serverHlc);
    const QString before = notesOf(*a, co.cash);
    QVERIFY(before != u"<absent>"_s);

    // The tablet edits a customer; the phone asks the same question again and must see it.
    const Hlc hlc {QDateTime::currentMSecsSinceEpoch() + 1000, 0, idToString(tablet.deviceId)};
    QCborMap args {{u"id"_s, co.cash},
                   {u"fields"_s, QCborMap {{u"notes"_s, u"call before noon"_s}}},
                   {u"hlc"_s, hlc.toString()}};
    const karvan::sync::PushRequest push {
        tablet.deviceId,
        {SyncMutation {1, Uuid7::generate(), u"customer"_s, co.cash, u"update"_s, hlc, 0, args}}};
    const HttpReply pushed = client.send("POST", u"/v1/sync/push"_s, karvan::sync::encode(push),
                                         tablet.token, "application/vnd.karvan.sync");
    QCOMPARE(pushed.status, 200);
    auto pushResult = karvan::sync::decodePushResponse(pushed.body);
    QVERIFY(pushResult && pushResult->results.size() == 1);
    QVERIFY(pushResult->results.first().status == karvan::sync::MutationResult::Status::Applied);

    // Pulling until has_more is false, as a device does: the page from before the change may
    // come first (shared, with has_more true), but the round ends with the change applied and
    // on a page with has_more false.
    QByteArray cursor;
    QString notes = u"<absent>"_s;
    Hlc lastHlc = b->serverHlc;
    int requests = 0;
    for (bool more = true; more; ++requests) {
        QVERIFY(requests < 10);
        auto page = pull(client, phone, cursor);
        QVERIFY(page);
        QVERIFY(lastHlc < page->serverHlc);
        lastHlc = page->serverHlc;
        if (const QString n = notesOf(*page, co.cash); n != u"<absent>"_s)
            notes = n;
        cursor = page->nextCursor;
        more = page->hasMore;
    }
    QCOMPARE(notes, u"call before noon"_s);
    auto incremental = pull(client, phone, a->nextCursor);
    QVERIFY(incremental);
    QCOMPARE(notesOf(*incremental, co.cash), u"call before noon"_s);
    // Nothing changed since: the same page again (from the cache), with a newer clock.
    auto again = pull(client, tablet, a->nextCursor);
    QVERIFY(again);
    QVERIFY(again->changes == incremental->changes);
    QVERIFY(incremental->serverHlc < again->serverHlc);

    // GET /metrics accounts for every pull answer once: the tablet's two repeated questions
    // came from kept pages, and at least the first question was built.
    const HttpReply metrics = client.send("GET", u"/metrics"_s);
    QCOMPARE(metrics.status, 200);
    const QByteArray prefix = "karvan_sync_pull_pages_total{answer=\"";
    QHash<QByteArray, qint64> answers;
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.startsWith(prefix)) {
            const qsizetype close = line.indexOf('"', prefix.size());
            answers.insert(line.mid(prefix.size(), close - prefix.size()),
                           line.mid(line.lastIndexOf(' ') + 1).toLongLong());
        }
    }
    QCOMPARE(answers.keys().size(), 4);
    QCOMPARE(answers.value("hit") + answers.value("shared") + answers.value("older")
                 + answers.value("built"),
             qint64(4 + requests));
    QVERIFY(answers.value("hit") >= 2);
    QVERIFY(answers.value("built") >= 1);
}

QTEST_GUILESS_MAIN(tst_PullPageCache)
#include "tst_pullpagecache.moc"
