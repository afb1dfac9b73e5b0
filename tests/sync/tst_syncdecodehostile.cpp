// Malformed, truncated, oversized and hostile input to every sync decoder (wrong field
// types are in tst_syncdecodefields.cpp): each is refused
// with a one-line error naming the field, nothing crashes, memory stays bounded.
#include "hostileinput.h"

#include <QCborStreamWriter>
#include <QTest>

using namespace karvan;
using namespace karvan::sync;
using namespace Qt::StringLiterals;

using namespace karvan::sync::hostile;

class tst_SyncDecodeHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void truncatedAtEveryOffset_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("compressed");
        for (MessageType t : AllTypes) {
            QTest::addRow("%s", qPrintable(messageTypeName(t))) << int(t) << false;
            QTest::addRow("%s-zlib", qPrintable(messageTypeName(t))) << int(t) << true;
        }
    }
    void truncatedAtEveryOffset()
    {
        QFETCH(int, type);
        QFETCH(bool, compressed);
        const auto t = MessageType(type);
        ProtocolLimits limits = plain();
        if (compressed)
            limits.compressThreshold = 0;
        const QByteArray wire = sampleWire(t, limits);
        QVERIFY(decodeAs(t, wire).isEmpty());
        for (qsizetype n = 0; n < wire.size(); ++n)
            QVERIFY2(!decodeAs(t, wire.left(n)).isEmpty(), qPrintable(QString::number(n)));
        // Truncated bodies in an envelope whose length agrees: the CBOR reader sees them.
        const QByteArray body = bodyOf(sampleWire(t));
        for (qsizetype n = 0; n < body.size(); ++n) {
            ProtocolError failure;
            const QString error = decodeAs(t, wrap(t, body.left(n)), &failure);
            QVERIFY2(!error.isEmpty(), qPrintable(QString::number(n)));
            QVERIFY2(!error.contains(u'\n'), qPrintable(error));
            QVERIFY(!failure.code.isEmpty());
        }
    }

    void flippedBytesNeverCrash()
    {
        for (MessageType t : AllTypes) {
            for (const QByteArray &wire : {sampleWire(t), wrap(t, bodyOf(sampleWire(t)))}) {
                for (qsizetype i = 0; i < wire.size(); ++i) {
                    for (quint8 mask : {quint8(0xff), quint8(0x01), quint8(0x80), quint8(0x20)}) {
                        QByteArray bad = wire;
                        bad[i] = char(bad[i] ^ mask);
                        (void)decodeAs(t, bad); // may decode (a flipped letter); must not crash
                    }
                }
            }
        }
    }

    void envelope_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("contains");
        const QByteArray good = sampleWire(MessageType::PullRequest);
        const QByteArray body = bodyOf(good);
        QTest::newRow("empty") << QByteArray() << u"bad_envelope"_s << u"truncated"_s;
        QTest::newRow("magic") << QByteArray("HTTP" + good.mid(4)) << u"bad_envelope"_s
                               << u"magic"_s;
        QTest::newRow("version 2") << wrap(MessageType::PullRequest, body, 0, 2)
                                   << u"unsupported_version"_s << u"version 2 is not supported"_s;
        QTest::newRow("version 0") << wrap(MessageType::PullRequest, body, 0, 0)
                                   << u"unsupported_version"_s << u"version 0"_s;
        QTest::newRow("other message") << wrap(MessageType::PushRequest, body) << u"wrong_message"_s
                                       << u"expected a pull_request"_s;
        QTest::newRow("unknown flags") << wrap(MessageType::PullRequest, body, 0x82)
                                       << u"bad_envelope"_s << u"unknown flags 0x82"_s;
        QTest::newRow("trailing bytes")
            << QByteArray(good + "x") << u"bad_envelope"_s << u"padded"_s;
        QByteArray lengthTooBig = good;
        lengthTooBig[8] = '\x7f';
        QTest::newRow("length field") << lengthTooBig << u"bad_envelope"_s << u"body length"_s;
        QTest::newRow("trailing CBOR") << wrap(MessageType::PullRequest, body + '\x00')
                                       << u"malformed"_s << u"1 unexpected bytes"_s;
        QTest::newRow("body not a map") << wrap(MessageType::PullRequest, QByteArray("\x81\x01"))
                                        << u"malformed"_s << u"body: expected a map"_s;
        QTest::newRow("empty body")
            << wrap(MessageType::PullRequest, {}) << u"malformed"_s << u"body:"_s;
        QTest::newRow("not cbor") << wrap(MessageType::PullRequest, QByteArray("\xff\xff\xff"))
                                  << u"malformed"_s << u"body:"_s;
    }
    void envelope()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, code);
        QFETCH(QString, contains);
        ProtocolError failure;
        const QString error = decodeAs(MessageType::PullRequest, wire, &failure);
        QVERIFY2(error.contains(contains), qPrintable(error));
        QCOMPARE(failure.code, code);
        QCOMPARE(failure.message, error);
    }

    void compressionBombs_data()
    {
        QTest::addColumn<QByteArray>("compressed"); // after the envelope header
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("contains");
        const QByteArray body = bodyOf(sampleWire(MessageType::PullRequest));
        const QByteArray good = qCompress(body);
        QByteArray claims4G = good;
        qToBigEndian(quint32(0xffffffffu), claims4G.data());
        QTest::newRow("prefix claims 4 GB") << claims4G << u"body_too_large"_s << u"4294967295"_s;
        QByteArray overLimit = good;
        qToBigEndian(quint32(16 * 1024 * 1024 + 1), overLimit.data());
        QTest::newRow("prefix over the limit") << overLimit << u"body_too_large"_s << u"16777217"_s;
        // 64 MB of zeros compress to about 64 KB; the prefix lies and says 1000 bytes.
        QByteArray bomb = qCompress(QByteArray(64 * 1024 * 1024, '\0'), 9);
        qToBigEndian(quint32(1000), bomb.data());
        QTest::newRow("bomb with a small prefix")
            << bomb << u"bad_envelope"_s << u"beyond its announced 1000 bytes"_s;
        QByteArray ratio = good.left(24);
        qToBigEndian(quint32(16 * 1024 * 1024), ratio.data());
        QTest::newRow("impossible ratio") << ratio << u"bad_envelope"_s << u"cannot inflate"_s;
        QByteArray shorter = good;
        qToBigEndian(quint32(body.size() + 10), shorter.data());
        QTest::newRow("inflates short") << shorter << u"bad_envelope"_s << u"not the announced"_s;
        QTest::newRow("not zlib") << QByteArray("\x00\x00\x00\x10garbage-garbage", 19)
                                  << u"bad_envelope"_s << u"not a valid zlib stream"_s;
        QTest::newRow("prefix only") << QByteArray("\x00\x00", 2) << u"bad_envelope"_s
                                     << u"shorter than its 4-byte length prefix"_s;
        QByteArray trailing = good + "junk";
        QTest::newRow("junk after stream")
            << trailing << u"bad_envelope"_s << u"not the announced"_s;
    }
    void compressionBombs()
    {
        QFETCH(QByteArray, compressed);
        QFETCH(QString, code);
        QFETCH(QString, contains);
        ProtocolError failure;
        const QString error = decodeAs(MessageType::PullRequest,
                                       wrap(MessageType::PullRequest, compressed, 0x01), &failure);
        QVERIFY2(error.startsWith(u"envelope: "_s) && error.contains(contains), qPrintable(error));
        QCOMPARE(failure.code, code);
    }

    void oversizedMessageRefusedBeforeReading()
    {
        ProtocolLimits limits;
        limits.maxWireBytes = 100;
        ProtocolError failure;
        const QString error = decodeAs(MessageType::PullResponse,
                                       sampleWire(MessageType::PullResponse), &failure, limits);
        QVERIFY2(error.contains(u"exceeds the limit of 100"_s), qPrintable(error));
        QCOMPARE(failure.code, u"body_too_large"_s);
        QCOMPARE(failure.limit, 100);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("row"); // raw CBOR of changes[0].row
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("depth 10000 arrays")
            << QByteArray("\xa1\x61x" + nested(10000, true)) << u"too_deep"_s
            << u"changes[0].row.x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting deeper"_s;
        QTest::newRow("depth 10000 maps")
            << nested(10000, false) << u"too_deep"_s
            << u"changes[0].row.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k: nesting"_s;
        QTest::newRow("depth 17") << QByteArray("\xa1\x61x" + nested(16, true)) << u"too_deep"_s
                                  << u"changes[0].row.x"_s;
        QTest::newRow("array claims 2^32 items")
            << QByteArray::fromHex("a161789b0000000100000000") << u"too_many_items"_s
            << u"changes[0].row.x: 4294967296 items exceed"_s;
        QTest::newRow("array claims 2^64-1 items")
            << QByteArray::fromHex("a161789bffffffffffffffff") << u"too_many_items"_s
            << u"changes[0].row.x: 18446744073709551615 items"_s;
        QTest::newRow("array claims 9000 items")
            << QByteArray::fromHex("a16178992328") << u"malformed"_s
            << u"changes[0].row.x: array claims 9000 items"_s;
        QTest::newRow("map claims 2^32 entries")
            << QByteArray::fromHex("bb0000000100000000") << u"too_many_items"_s
            << u"changes[0].row: map of 4294967296 entries"_s;
        QTest::newRow("string claims 4 GB")
            << QByteArray::fromHex("a161787affffffff") << u"string_too_long"_s
            << u"changes[0].row.x: string of 4294967295+ bytes"_s;
        QTest::newRow("string claims 100 bytes")
            << QByteArray::fromHex("a1617878646162") << u"malformed"_s
            << u"changes[0].row.x: string claims 100 bytes"_s;
        QTest::newRow("bytes claim 2 MiB + 1")
            << QByteArray::fromHex("a161785a00200001") << u"string_too_long"_s
            << u"changes[0].row.x: string of 2097153+"_s;
        QByteArray longString = QByteArray::fromHex("a16178") + QByteArray::fromHex("7a00010001")
            + QByteArray(65537, 'a');
        QTest::newRow("string 64 KiB + 1")
            << longString << u"string_too_long"_s << u"changes[0].row.x: string of 65537+ bytes"_s;
        QByteArray chunked = QByteArray::fromHex("a161787f");
        for (int i = 0; i < 17; ++i)
            chunked += QByteArray::fromHex("79f000") + QByteArray(0xf000, 'b');
        chunked += '\xff';
        QTest::newRow("chunked string over the limit")
            << chunked << u"string_too_long"_s << u"changes[0].row.x: string of"_s;
        QByteArray manyItems = QByteArray::fromHex("a161789f");
        manyItems += QByteArray(ProtocolLimits {}.maxContainerItems + 1, '\x01') + '\xff';
        QTest::newRow("indefinite array of the limit + 1 items")
            << manyItems << u"too_many_items"_s << u"changes[0].row.x: array exceeds"_s;
        QTest::newRow("duplicate key") << QByteArray::fromHex("a2617801617802") << u"malformed"_s
                                       << u"changes[0].row: duplicate key \"x\""_s;
        QTest::newRow("integer key") << QByteArray::fromHex("a10101") << u"malformed"_s
                                     << u"changes[0].row: map keys must be text strings"_s;
        QTest::newRow("invalid UTF-8") << QByteArray::fromHex("a1617862c328") << u"malformed"_s
                                       << u"changes[0].row.x: invalid CBOR"_s;
        QTest::newRow("negative -2^64") << QByteArray::fromHex("a161783bffffffffffffffff")
                                        << u"malformed"_s << u"changes[0].row.x: integer outside"_s;
        QTest::newRow("half-float NaN")
            << QByteArray::fromHex("a16178f97e00") << u"malformed"_s << u"changes[0].row.x: NaN"_s;
        QTest::newRow("reserved simple") << QByteArray::fromHex("a16178f820") << u"malformed"_s
                                         << u"changes[0].row.x: only null"_s;
        QTest::newRow("break in a map")
            << QByteArray::fromHex("a1ff") << u"malformed"_s << u"changes[0].row"_s;
    }
    void limits()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, code);
        QFETCH(QString, error);
        ProtocolError failure;
        const QString actual
            = decodeAs(MessageType::PullResponse,
                       wrap(MessageType::PullResponse, pullResponseWithRawRow(row)), &failure);
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
        QCOMPARE(failure.code, code);
    }

    void wellFormedRawRowDecodes()
    {
        // The splice helper itself works: a sane row decodes.
        auto r = decodePullResponse(wrap(MessageType::PullResponse,
                                         pullResponseWithRawRow(QByteArray::fromHex("a1617801"))));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->changes.at(0).row.value(u"x"_s).toInteger(), 1);
    }

    void tooManyMutationsAndChanges()
    {
        ProtocolError failure;
        const QString push
            = decodePushRequest(encode(samples::pushRequest(501)), {}, &failure).errorMessage();
        QVERIFY2(push.startsWith(u"mutations: 501 mutations exceed the limit of 500"_s),
                 qPrintable(push));
        QCOMPARE(failure.code, u"too_many_items"_s);
        QCOMPARE(failure.limit, 500);
        QVERIFY(decodePushRequest(encode(samples::pushRequest(500))).ok());
        ProtocolLimits small;
        small.maxChangesPerBatch = 10;
        const QString pull
            = decodePullResponse(encode(samples::pullResponse(11)), small).errorMessage();
        QVERIFY2(pull.startsWith(u"changes: 11 changes exceed the limit of 10"_s),
                 qPrintable(pull));
    }

    void duplicateMessageKeys()
    {
        QByteArray body;
        QCborStreamWriter w(&body);
        w.startMap(2);
        w.append(u"device_id"_s);
        w.append(u"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"_s);
        w.append(u"device_id"_s);
        w.append(u"0190a1b2-aaaa-7bbb-8ccc-ddddddddddde"_s);
        w.endMap();
        const QString error
            = decodeAs(MessageType::PullRequest, wrap(MessageType::PullRequest, body));
        QCOMPARE(error, u"device_id: duplicate key"_s);
        // Duplicate unknown keys too.
        body.clear();
        QCborStreamWriter w2(&body);
        w2.startMap(3);
        w2.append(u"device_id"_s);
        w2.append(u"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"_s);
        w2.append(u"zz"_s);
        w2.append(1);
        w2.append(u"zz"_s);
        w2.append(2);
        w2.endMap();
        QCOMPARE(decodeAs(MessageType::PullRequest, wrap(MessageType::PullRequest, body)),
                 u"zz: duplicate key"_s);
    }

    void deepNestingInUnknownField()
    {
        QByteArray body = QByteArray::fromHex("a1")
            + "\x66"
              "future"
            + nested(10000, true);
        ProtocolError failure;
        const QString error
            = decodeAs(MessageType::PullRequest, wrap(MessageType::PullRequest, body), &failure);
        QVERIFY2(error.startsWith(u"future"_s) && error.contains(u"nesting deeper"_s),
                 qPrintable(error));
        QCOMPARE(failure.code, u"too_deep"_s);
    }

    void json_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        const QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
        QTest::newRow("not json") << QByteArray("{") << u"malformed"_s << u"json: invalid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"malformed"_s
                               << u"json: expected a JSON object"_s;
        QTest::newRow("deep") << deep << u"too_deep"_s << u"json: invalid JSON"_s;
        QTest::newRow("version 2")
            << QByteArray(R"({"protocol_version":2,"message":"pull_request","body":{}})")
            << u"unsupported_version"_s << u"json: protocol version 2 is not supported"_s;
        QTest::newRow("no version") << QByteArray(R"({"message":"pull_request","body":{}})")
                                    << u"malformed"_s << u"json: protocol_version is missing"_s;
        QTest::newRow("wrong message")
            << QByteArray(R"({"protocol_version":1,"message":"push_request","body":{}})")
            << u"wrong_message"_s << u"json: expected a pull_request message"_s;
        QTest::newRow("body deep")
            << QByteArray(R"({"protocol_version":1,"message":"pull_request","body":{"x":)"
                          + QByteArray(500, '[') + QByteArray(500, ']') + "}}")
            << u"too_deep"_s << u"body: nesting deeper"_s;
        QTest::newRow("cursor not base64")
            << QByteArray(R"({"protocol_version":1,"message":"pull_request","body":)"
                          R"({"device_id":"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd","cursor":"*!"}})")
            << u"malformed"_s << u"cursor: expected base64url text"_s;
        QTest::newRow("max_changes fraction")
            << QByteArray(
                   R"({"protocol_version":1,"message":"pull_request","body":)"
                   R"({"device_id":"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd","max_changes":1.5}})")
            << u"malformed"_s << u"max_changes: expected an integer, got a float"_s;
    }
    void json()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, error);
        ProtocolError failure;
        const QString actual = pullRequestFromJson(json, {}, &failure).errorMessage();
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
        QCOMPARE(failure.code, code);
    }

    void jsonTooLarge()
    {
        ProtocolLimits limits;
        limits.maxJsonBytes = 10;
        ProtocolError failure;
        const QString error
            = pullRequestFromJson(toJson(samples::pullRequest()), limits, &failure).errorMessage();
        QVERIFY2(error.contains(u"exceed the limit of 10"_s), qPrintable(error));
        QCOMPARE(failure.code, u"body_too_large"_s);
    }

    void wrongDecoderForEveryType()
    {
        for (MessageType written : AllTypes) {
            for (MessageType read : AllTypes) {
                const QString error = decodeAs(read, sampleWire(written));
                QCOMPARE(error.isEmpty(), written == read);
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_SyncDecodeHostile)
#include "tst_syncdecodehostile.moc"
