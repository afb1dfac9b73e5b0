// Round trips of every sync message, in CBOR (compressed and not) and JSON.
#include "protocol/codec.h"
#include "samplemessages.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace karvan;
using namespace karvan::sync;
using namespace Qt::StringLiterals;

namespace {

ProtocolLimits withThreshold(qsizetype threshold)
{
    ProtocolLimits limits;
    limits.compressThreshold = threshold;
    return limits;
}

bool isCompressed(const QByteArray &wire)
{
    return wire.size() > 6 && (wire.at(6) & 0x01);
}

} // namespace

class tst_SyncCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<bool>("compress");
        QTest::newRow("plain") << false;
        QTest::newRow("zlib") << true;
    }
    void roundTrip()
    {
        QFETCH(bool, compress);
        const ProtocolLimits limits = withThreshold(compress ? 0 : (qsizetype(1) << 40));
        const auto check = [&](const QByteArray &wire) {
            QCOMPARE(isCompressed(wire), compress);
            QCOMPARE(wire.left(4), QByteArray("KRVN"));
            QCOMPARE(int(wire.at(4)), 1);
        };
        {
            const PushRequest in = samples::pushRequest();
            const QByteArray wire = encode(in, limits);
            check(wire);
            auto out = decodePushRequest(wire);
            QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
            QCOMPARE(out.value(), in);
            QCOMPARE(peekMessageType(wire).value(), MessageType::PushRequest);
        }
        {
            const PushResponse in = samples::pushResponse();
            const QByteArray wire = encode(in, limits);
            check(wire);
            auto out = decodePushResponse(wire);
            QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
            QCOMPARE(out.value(), in);
        }
        {
            const PullRequest in = samples::pullRequest();
            const QByteArray wire = encode(in, limits);
            check(wire);
            auto out = decodePullRequest(wire);
            QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
            QCOMPARE(out.value(), in);
        }
        {
            const PullResponse in = samples::pullResponse(50);
            const QByteArray wire = encode(in, limits);
            check(wire);
            auto out = decodePullResponse(wire);
            QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
            QCOMPARE(out.value(), in);
        }
        {
            const ProtocolError in = samples::protocolError();
            const QByteArray wire = encode(in, limits);
            check(wire);
            auto out = decodeProtocolError(wire);
            QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
            QCOMPARE(out.value(), in);
        }
    }

    void roundTripJson()
    {
        auto push = pushRequestFromJson(toJson(samples::pushRequest()));
        QVERIFY2(push.ok(), qPrintable(push.errorMessage()));
        QCOMPARE(push.value(), samples::pushRequest());
        auto pushResponse = pushResponseFromJson(toJson(samples::pushResponse()));
        QVERIFY2(pushResponse.ok(), qPrintable(pushResponse.errorMessage()));
        QCOMPARE(pushResponse.value(), samples::pushResponse());
        auto pull = pullRequestFromJson(toJson(samples::pullRequest()));
        QVERIFY2(pull.ok(), qPrintable(pull.errorMessage()));
        QCOMPARE(pull.value(), samples::pullRequest());
        auto pullResponse = pullResponseFromJson(toJson(samples::pullResponse(20)));
        QVERIFY2(pullResponse.ok(), qPrintable(pullResponse.errorMessage()));
        QCOMPARE(pullResponse.value(), samples::pullResponse(20));
        auto error = protocolErrorFromJson(toJson(samples::protocolError()));
        QVERIFY2(error.ok(), qPrintable(error.errorMessage()));
        QCOMPARE(error.value(), samples::protocolError());
    }

    void jsonIsReadable()
    {
        const QByteArray json = toJson(samples::pullRequest());
        QVERIFY2(json.startsWith(R"({"body":{"cursor":"AAH-_2N1cnNvcg","device_id":)"),
                 json.constData());
        QVERIFY(json.contains(R"("message":"pull_request","protocol_version":1})"));
    }

    void emptyMessagesRoundTrip()
    {
        PushRequest push;
        push.deviceId = QUuid::createUuid();
        QCOMPARE(decodePushRequest(encode(push)).value(), push);
        PushResponse response;
        QCOMPARE(decodePushResponse(encode(response)).value(), response);
        PullResponse pull;
        QCOMPARE(decodePullResponse(encode(pull)).value(), pull);
        QCOMPARE(pullResponseFromJson(toJson(pull)).value(), pull);
    }

    // A base price list prices the whole catalog in one row: the large demo company's has
    // 20,000 entries, which the first limit (10,000 items per array) refused, so a rep of that
    // company could not finish any initial sync (issue 6's benchmark found it).
    void catalogWidePriceListFits()
    {
        QCborArray entries;
        for (int i = 0; i < 20000; ++i) {
            const QCborMap tier {
                {u"min_qty"_s, 0}, {u"min_unit"_s, u""_s}, {u"unit_price"_s, 1000 + i}};
            entries.append(QCborMap {{u"sku"_s, u"SKU-%1"_s.arg(i, 5, 10, QLatin1Char('0'))},
                                     {u"unit"_s, u""_s},
                                     {u"tiers"_s, QCborArray {tier}}});
        }
        PullResponse pull;
        RowChange c;
        c.entity = u"price_list"_s;
        c.id = u"0190a1b2-0000-7000-8000-000000000001"_s;
        c.hlc = samples::hlc(1718000000000, 0, u"hq"_s);
        c.row = QCborMap {{u"code"_s, u"BASE"_s}, {u"entries"_s, entries}};
        pull.changes.append(c);
        const QByteArray wire = encode(pull);
        auto back = decodePullResponse(wire);
        QVERIFY2(back, qPrintable(back.errorMessage()));
        QCOMPARE(back->changes.size(), qsizetype(1));
        QCOMPARE(back->changes.at(0).row.value(u"entries"_s).toArray().size(), qsizetype(20000));
        QCOMPARE(back.value(), pull);
    }

    void compressionOnlyWhenItPays()
    {
        // Default threshold: a small message stays plain, a big batch is compressed.
        QVERIFY(!isCompressed(encode(samples::pullRequest())));
        const QByteArray big = encode(samples::pullResponse(2000));
        QVERIFY(isCompressed(big));
        const QByteArray plain
            = encode(samples::pullResponse(2000), withThreshold(qsizetype(1) << 40));
        QVERIFY2(big.size() * 4 < plain.size(),
                 qPrintable(u"%1 vs %2"_s.arg(big.size()).arg(plain.size())));
        QCOMPARE(decodePullResponse(big).value(), samples::pullResponse(2000));
    }

    void unknownFieldsAreIgnored()
    {
        // A newer peer adds fields at every level: a version-1 reader skips them.
        const QByteArray json = R"({"protocol_version":1,"message":"pull_request","extra":1,
            "body":{"device_id":"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd","future":{"a":[1,2]},
                    "cursor":"", "max_changes":10}})";
        auto r = pullRequestFromJson(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->maxChanges, 10);
    }

    void defaultsForOptionalFields()
    {
        const QByteArray json = R"({"protocol_version":1,"message":"pull_request",
            "body":{"device_id":"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"}})";
        auto r = pullRequestFromJson(json);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QVERIFY(r->cursor.isEmpty());
        QCOMPARE(r->maxChanges, 0);
    }

    // The fuzzer's seed corpus must stay valid messages of the current format.
    void corpusDecodes()
    {
        const QDir dir(QStringLiteral(KARVAN_SYNC_CORPUS_DIR));
        if (qEnvironmentVariableIsSet("KARVAN_WRITE_CORPUS")) {
            QDir().mkpath(dir.path());
            const QList<std::pair<const char *, QByteArray>> seeds {
                {"push_request.bin", encode(samples::pushRequest())},
                {"push_request_z.bin", encode(samples::pushRequest(40))},
                {"push_response.bin", encode(samples::pushResponse())},
                {"pull_request.bin", encode(samples::pullRequest())},
                {"pull_response.bin", encode(samples::pullResponse(3))},
                {"pull_response_z.bin", encode(samples::pullResponse(30))},
                {"protocol_error.bin", encode(samples::protocolError())},
            };
            QFile json(dir.filePath(u"push_request.json"_s));
            QVERIFY(json.open(QIODevice::WriteOnly));
            json.write(toJson(samples::pushRequest(2)));
            for (const auto &[name, bytes] : seeds) {
                QFile f(dir.filePath(QString::fromLatin1(name)));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(bytes);
            }
        }
        QFile json(dir.filePath(u"push_request.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(pushRequestFromJson(json.readAll()).ok());
        const QStringList files = dir.entryList({u"*.bin"_s}, QDir::Files);
        QVERIFY2(files.size() >= 7, qPrintable(dir.path()));
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray wire = f.readAll();
            auto type = peekMessageType(wire);
            QVERIFY2(type.ok(), qPrintable(name));
            bool ok = false;
            switch (type.value()) {
            case MessageType::PushRequest:
                ok = decodePushRequest(wire).ok();
                break;
            case MessageType::PushResponse:
                ok = decodePushResponse(wire).ok();
                break;
            case MessageType::PullRequest:
                ok = decodePullRequest(wire).ok();
                break;
            case MessageType::PullResponse:
                ok = decodePullResponse(wire).ok();
                break;
            case MessageType::ProtocolError:
                ok = decodeProtocolError(wire).ok();
                break;
            }
            QVERIFY2(ok, qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(tst_SyncCodec)
#include "tst_synccodec.moc"
