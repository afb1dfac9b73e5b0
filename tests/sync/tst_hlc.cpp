#include "hlc.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace karvan;
using namespace karvan::sync;
using namespace Qt::StringLiterals;

namespace {

// A wall clock the test moves by hand.
struct ManualClock
{
    qint64 ms = 1'718'000'000'000;
    HlcClock::WallClock source()
    {
        return [this] {
            return ms;
        };
    }
};

} // namespace

class tst_Hlc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void order_data()
    {
        QTest::addColumn<qint64>("wallA");
        QTest::addColumn<uint>("counterA");
        QTest::addColumn<QString>("nodeA");
        QTest::addColumn<qint64>("wallB");
        QTest::addColumn<uint>("counterB");
        QTest::addColumn<QString>("nodeB");
        QTest::addColumn<int>("expected"); // sign of a <=> b
        QTest::newRow("wall decides")
            << qint64(2) << 0u << u"a"_s << qint64(1) << 99u << u"z"_s << 1;
        QTest::newRow("counter decides")
            << qint64(5) << 1u << u"z"_s << qint64(5) << 2u << u"a"_s << -1;
        QTest::newRow("node breaks ties")
            << qint64(5) << 2u << u"dev-2"_s << qint64(5) << 2u << u"dev-1"_s << 1;
        QTest::newRow("equal") << qint64(5) << 2u << u"hq"_s << qint64(5) << 2u << u"hq"_s << 0;
        QTest::newRow("node prefix")
            << qint64(5) << 2u << u"dev"_s << qint64(5) << 2u << u"dev-1"_s << -1;
    }
    void order()
    {
        QFETCH(qint64, wallA);
        QFETCH(uint, counterA);
        QFETCH(QString, nodeA);
        QFETCH(qint64, wallB);
        QFETCH(uint, counterB);
        QFETCH(QString, nodeB);
        QFETCH(int, expected);
        const Hlc a {wallA, counterA, nodeA};
        const Hlc b {wallB, counterB, nodeB};
        const auto c = a <=> b;
        QCOMPARE(c < 0 ? -1 : (c > 0 ? 1 : 0), expected);
        QCOMPARE(a == b, expected == 0);
        // The string encoding sorts the same way.
        const int s = a.toString().compare(b.toString());
        QCOMPARE(s < 0 ? -1 : (s > 0 ? 1 : 0), expected);
    }

    void nowIsStrictlyMonotonic()
    {
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source());
        Hlc previous = clock.now();
        QCOMPARE(previous.wallMs, wall.ms);
        QCOMPARE(previous.counter, 0u);
        // Same millisecond: the counter moves.
        Hlc next = clock.now();
        QVERIFY(next > previous);
        QCOMPARE(next.wallMs, wall.ms);
        QCOMPARE(next.counter, 1u);
        // The wall clock steps back an hour (NTP correction, user changed the time).
        wall.ms -= 3'600'000;
        for (int i = 0; i < 1000; ++i) {
            previous = next;
            next = clock.now();
            QVERIFY(next > previous);
            QCOMPARE(next.wallMs, previous.wallMs);
        }
        // Physical time catches up: counter resets.
        wall.ms += 3'600'000 + 5;
        previous = next;
        next = clock.now();
        QVERIFY(next > previous);
        QCOMPARE(next.wallMs, wall.ms);
        QCOMPARE(next.counter, 0u);
        QCOMPARE(clock.last(), next);
    }

    void counterSaturationBorrowsAMillisecond()
    {
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source());
        clock.restore(Hlc {wall.ms, 0xffffffffu, u"dev-1"_s});
        const Hlc next = clock.now();
        QCOMPARE(next.wallMs, wall.ms + 1);
        QCOMPARE(next.counter, 0u);
        QVERIFY(next > (Hlc {wall.ms, 0xffffffffu, u"dev-1"_s}));
    }

    void update_data()
    {
        QTest::addColumn<qint64>("remoteOffset"); // remote wall - local wall
        QTest::addColumn<uint>("remoteCounter");
        QTest::addColumn<qint64>("expectedOffset");
        QTest::addColumn<uint>("expectedCounter");
        // Local state before update: wall = now, counter 3.
        QTest::newRow("remote ahead") << qint64(1000) << 7u << qint64(1000) << 8u;
        QTest::newRow("remote behind") << qint64(-1000) << 50u << qint64(0) << 4u;
        QTest::newRow("remote equal wall, higher counter") << qint64(0) << 9u << qint64(0) << 10u;
        QTest::newRow("remote equal wall, lower counter") << qint64(0) << 1u << qint64(0) << 4u;
        QTest::newRow("remote at the drift limit")
            << qint64(300'000) << 0u << qint64(300'000) << 1u;
    }
    void update()
    {
        QFETCH(qint64, remoteOffset);
        QFETCH(uint, remoteCounter);
        QFETCH(qint64, expectedOffset);
        QFETCH(uint, expectedCounter);
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source());
        clock.restore(Hlc {wall.ms, 3, u"dev-1"_s});
        const Hlc before = clock.last();
        const Hlc remote {wall.ms + remoteOffset, remoteCounter, u"hq"_s};
        auto received = clock.update(remote);
        QVERIFY2(received.ok(), qPrintable(received.errorMessage()));
        QCOMPARE(received->wallMs, wall.ms + expectedOffset);
        QCOMPARE(received->counter, expectedCounter);
        QCOMPARE(received->nodeId, u"dev-1"_s);
        QVERIFY(received.value() > before);
        QVERIFY(received->wallMs > remote.wallMs
                || (received->wallMs == remote.wallMs && received->counter > remote.counter));
        // Causality: the next local event is after the received one.
        QVERIFY(clock.now() > received.value());
    }

    void updateWhenPhysicalTimeIsAhead()
    {
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source());
        (void)clock.now();
        wall.ms += 10'000;
        auto received = clock.update(Hlc {wall.ms - 5000, 42, u"hq"_s});
        QVERIFY(received.ok());
        QCOMPARE(received->wallMs, wall.ms);
        QCOMPARE(received->counter, 0u);
    }

    void driftIsRefused()
    {
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source(), 60'000);
        QCOMPARE(clock.maxDriftMs(), 60'000);
        const Hlc before = clock.now();
        auto refused = clock.update(Hlc {wall.ms + 60'001, 0, u"bad-node"_s});
        QVERIFY(!refused.ok());
        QCOMPARE(
            refused.errorMessage(),
            u"hlc: remote clock of bad-node is 60001 ms ahead of the local clock (max 60000 ms)"_s);
        // The refused timestamp did not move the clock.
        QCOMPARE(clock.last(), before);
        QVERIFY(clock.update(Hlc {wall.ms + 60'000, 0, u"ok-node"_s}).ok());
        clock.setMaxDriftMs(0);
        QVERIFY(!clock.update(Hlc {wall.ms + 60'001, 0, u"ok-node"_s}).ok());
    }

    void malformedRemoteIsRefused()
    {
        ManualClock wall;
        HlcClock clock(u"dev-1"_s, wall.source());
        QVERIFY(!clock.update(Hlc {-1, 0, u"hq"_s}).ok());
        QVERIFY(!clock.update(Hlc {1, 0, QString()}).ok());
        QVERIFY(!clock.update(Hlc {1, 0, u"has space"_s}).ok());
    }

    void stringRoundTrip_data()
    {
        QTest::addColumn<qint64>("wall");
        QTest::addColumn<uint>("counter");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << 0u << u"a"_s << u"000000000000-00000000-a"_s;
        QTest::newRow("typical") << qint64(1'718'000'000'000) << 3u << u"hq"_s
                                 << u"019000c79c00-00000003-hq"_s;
        QTest::newRow("uuid node")
            << qint64(1) << 0xffffffffu << u"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"_s
            << u"000000000001-ffffffff-0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"_s;
        QTest::newRow("max") << Hlc::MaxWallMs << 0xffffffffu << QString(64, u'z')
                             << u"ffffffffffff-ffffffff-"_s + QString(64, u'z');
    }
    void stringRoundTrip()
    {
        QFETCH(qint64, wall);
        QFETCH(uint, counter);
        QFETCH(QString, node);
        QFETCH(QString, text);
        const Hlc hlc {wall, counter, node};
        QCOMPARE(hlc.toString(), text);
        auto parsed = Hlc::fromString(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.value(), hlc);
    }

    void badStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no node") << u"000000000000-00000000-"_s;
        QTest::newRow("upper hex") << u"00000000000A-00000000-a"_s;
        QTest::newRow("short wall") << u"00000000000-000000000-a"_s;
        QTest::newRow("sign") << u"-00000000001-00000000-a"_s;
        QTest::newRow("separator") << u"000000000000_00000000-a"_s;
        QTest::newRow("node space") << u"000000000000-00000000-a b"_s;
        QTest::newRow("node non-ascii") << u"000000000000-00000000-دستگاه"_s;
        QTest::newRow("node too long") << u"000000000000-00000000-"_s + QString(65, u'a');
    }
    void badStrings()
    {
        QFETCH(QString, text);
        auto parsed = Hlc::fromString(text);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.errorMessage().startsWith(u"hlc: "_s));
    }

    void stringSortOrderEqualsHlcOrder()
    {
        std::mt19937 random(7);
        const QStringList nodes {u"a"_s,     u"b"_s,  u"dev-1"_s, u"dev-10"_s,
                                 u"dev-2"_s, u"hq"_s, u"HQ"_s,    u"x.y:z"_s};
        QList<Hlc> stamps;
        for (int i = 0; i < 2000; ++i) {
            stamps.append(Hlc {qint64(random() % 50) * 0x10001, quint32(random() % 300),
                               nodes.at(int(random() % nodes.size()))});
        }
        QList<Hlc> byHlc = stamps;
        std::sort(byHlc.begin(), byHlc.end());
        QList<Hlc> byString = stamps;
        std::sort(byString.begin(), byString.end(), [](const Hlc &a, const Hlc &b) {
            return a.toString().toUtf8() < b.toString().toUtf8(); // byte order, as a database
        });
        QCOMPARE(byString, byHlc);
    }
};

QTEST_GUILESS_MAIN(tst_Hlc)
#include "tst_hlc.moc"
