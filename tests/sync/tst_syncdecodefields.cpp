// Wrong types, missing fields and out-of-range values for the fields of every sync message:
// each is refused with a one-line error that starts with the field's path.
#include "hostileinput.h"

#include <QDateTime>
#include <QTest>

using namespace karvan;
using namespace karvan::sync;
using namespace karvan::sync::hostile;
using namespace Qt::StringLiterals;

class tst_SyncDecodeFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("path"); // dot-separated, array indices as numbers
        QTest::addColumn<QCborValue>("value"); // invalid: remove the field
        QTest::addColumn<QString>("error"); // the error line starts with this
        const auto push = int(MessageType::PushRequest);
        const auto pushResponse = int(MessageType::PushResponse);
        const auto pull = int(MessageType::PullRequest);
        const auto pullResponse = int(MessageType::PullResponse);
        const auto error = int(MessageType::ProtocolError);
        const QCborValue missing(QCborValue::Invalid);
        // QCborValue cannot hold these: a placeholder the test swaps for the raw bytes.
        const QCborValue maxU64(Placeholder::maxU64);
        const QCborValue minNeg(Placeholder::minNeg);
        QTest::newRow("device_id int") << push << u"device_id"_s << QCborValue(42)
                                       << u"device_id: expected a text string, got an integer"_s;
        QTest::newRow("device_id bad")
            << push << u"device_id"_s << QCborValue(u"x"_s) << u"device_id: expected a UUID"_s;
        QTest::newRow("device_id missing")
            << push << u"device_id"_s << missing << u"device_id: required field is missing"_s;
        QTest::newRow("mutations text")
            << push << u"mutations"_s << QCborValue(u"x"_s) << u"mutations: expected an array"_s;
        QTest::newRow("mutation int")
            << push << u"mutations.0"_s << QCborValue(7) << u"mutations[0]: expected a map"_s;
        QTest::newRow("seq text") << push << u"mutations.0.seq"_s << QCborValue(u"1"_s)
                                  << u"mutations[0].seq: expected an integer, got a text string"_s;
        QTest::newRow("seq negative") << push << u"mutations.0.seq"_s << QCborValue(-1)
                                      << u"mutations[0].seq: must not be negative"_s;
        QTest::newRow("seq zero") << push << u"mutations.0.seq"_s << QCborValue(0)
                                  << u"mutations[0].seq: 0 is smaller than the minimum 1"_s;
        QTest::newRow("seq float") << push << u"mutations.0.seq"_s << QCborValue(1.5)
                                   << u"mutations[0].seq: expected an integer, got a float"_s;
        QTest::newRow("seq 2^64-1") << push << u"mutations.0.seq"_s << maxU64
                                    << u"mutations[0].seq: 18446744073709551615 is larger"_s;
        QTest::newRow("seq out of order") << push << u"mutations.1.seq"_s << QCborValue(1)
                                          << u"mutations[1].seq: 1 is not greater than"_s;
        QTest::newRow("seq missing") << push << u"mutations.2.seq"_s << missing
                                     << u"mutations[2].seq: required field is missing"_s;
        QTest::newRow("mutation_id bytes")
            << push << u"mutations.0.mutation_id"_s << QCborValue(QByteArray(16, 'a'))
            << u"mutations[0].mutation_id: expected a text"_s;
        QTest::newRow("entity int") << push << u"mutations.0.entity"_s << QCborValue(1)
                                    << u"mutations[0].entity: expected a text string"_s;
        QTest::newRow("entity empty") << push << u"mutations.0.entity"_s << QCborValue(u""_s)
                                      << u"mutations[0].entity: must not be empty"_s;
        QTest::newRow("entity_id null")
            << push << u"mutations.0.entity_id"_s << QCborValue(nullptr)
            << u"mutations[0].entity_id: expected a text string, got null"_s;
        QTest::newRow("op bool") << push << u"mutations.0.op"_s << QCborValue(true)
                                 << u"mutations[0].op: expected a text string, got a boolean"_s;
        QTest::newRow("hlc int") << push << u"mutations.0.hlc"_s << QCborValue(12)
                                 << u"mutations[0].hlc: expected a text string"_s;
        QTest::newRow("hlc garbage") << push << u"mutations.0.hlc"_s << QCborValue(u"garbage"_s)
                                     << u"mutations[0].hlc: hlc: expected"_s;
        QTest::newRow("hlc missing") << push << u"mutations.0.hlc"_s << missing
                                     << u"mutations[0].hlc: required field is missing"_s;
        QTest::newRow("created_at negative")
            << push << u"mutations.0.created_at"_s << QCborValue(-5)
            << u"mutations[0].created_at: must not be negative"_s;
        QTest::newRow("args array") << push << u"mutations.0.args"_s << QCborValue(QCborArray {1})
                                    << u"mutations[0].args: expected a map, got an array"_s;
        QTest::newRow("args value -2^64") << push << u"mutations.0.args.balance"_s << minNeg
                                          << u"mutations[0].args.balance: integer outside"_s;
        QTest::newRow("args NaN") << push << u"mutations.0.args.rating"_s << QCborValue(qQNaN())
                                  << u"mutations[0].args.rating: NaN or infinite number"_s;
        QTest::newRow("args Inf") << push << u"mutations.1.args.rating"_s << QCborValue(qInf())
                                  << u"mutations[1].args.rating: NaN or infinite number"_s;
        QTest::newRow("args tag") << push << u"mutations.0.args.when"_s
                                  << QCborValue(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC))
                                  << u"mutations[0].args.when: tagged values are not supported"_s;
        QTest::newRow("args undefined")
            << push << u"mutations.0.args.x"_s << QCborValue(QCborValue::Undefined)
            << u"mutations[0].args.x: only null, true and false"_s;
        QTest::newRow("results map") << pushResponse << u"results"_s << QCborValue(QCborMap {})
                                     << u"results: expected an array, got a map"_s;
        QTest::newRow("status unknown")
            << pushResponse << u"results.0.status"_s << QCborValue(u"maybe"_s)
            << u"results[0].status: unknown status \"maybe\""_s;
        QTest::newRow("status int") << pushResponse << u"results.0.status"_s << QCborValue(3)
                                    << u"results[0].status: expected a text string"_s;
        QTest::newRow("rejected without reason")
            << pushResponse << u"results.2.reason"_s << QCborValue(u""_s)
            << u"results[2].reason: required when status is rejected"_s;
        QTest::newRow("row int") << pushResponse << u"results.1.row"_s << QCborValue(5)
                                 << u"results[1].row: expected a map, got an integer"_s;
        QTest::newRow("row without hlc") << pushResponse << u"results.1.row_hlc"_s << missing
                                         << u"results[1]: entity, entity_id, row_hlc and row"_s;
        QTest::newRow("replayed int") << pushResponse << u"results.0.replayed"_s << QCborValue(1)
                                      << u"results[0].replayed: expected a boolean"_s;
        QTest::newRow("server_hlc bad")
            << pushResponse << u"server_hlc"_s << QCborValue(u"zz"_s) << u"server_hlc: hlc:"_s;
        QTest::newRow("results missing")
            << pushResponse << u"results"_s << missing << u"results: required field is missing"_s;
        QTest::newRow("cursor text") << pull << u"cursor"_s << QCborValue(u"abc"_s)
                                     << u"cursor: expected a byte string, got a text string"_s;
        QTest::newRow("max_changes negative")
            << pull << u"max_changes"_s << QCborValue(-1) << u"max_changes: must not be negative"_s;
        QTest::newRow("max_changes 2^40") << pull << u"max_changes"_s << QCborValue(qint64(1) << 40)
                                          << u"max_changes: 1099511627776 is larger"_s;
        QTest::newRow("pull device_id missing")
            << pull << u"device_id"_s << missing << u"device_id: required field is missing"_s;
        QTest::newRow("op delete") << pullResponse << u"changes.0.op"_s << QCborValue(u"delete"_s)
                                   << u"changes[0].op: unknown op \"delete\""_s;
        QTest::newRow("change hlc missing") << pullResponse << u"changes.1.hlc"_s << missing
                                            << u"changes[1].hlc: required field is missing"_s;
        QTest::newRow("upsert without row") << pullResponse << u"changes.0.row"_s << missing
                                            << u"changes[0].row: required for an upsert"_s;
        QTest::newRow("row NaN") << pullResponse << u"changes.2.row.rating"_s << QCborValue(qQNaN())
                                 << u"changes[2].row.rating: NaN or infinite number"_s;
        QTest::newRow("row nested NaN")
            << pullResponse << u"changes.2.row.address.zip"_s << QCborValue(-qInf())
            << u"changes[2].row.address.zip: NaN or infinite"_s;
        QTest::newRow("next_cursor int") << pullResponse << u"next_cursor"_s << QCborValue(5)
                                         << u"next_cursor: expected a byte string"_s;
        QTest::newRow("has_more text") << pullResponse << u"has_more"_s << QCborValue(u"yes"_s)
                                       << u"has_more: expected a boolean, got a text string"_s;
        QTest::newRow("has_more missing")
            << pullResponse << u"has_more"_s << missing << u"has_more: required field is missing"_s;
        QTest::newRow("progress array")
            << pullResponse << u"progress"_s << QCborValue(QCborArray {})
            << u"progress: expected a map, got an array"_s;
        QTest::newRow("progress negative")
            << pullResponse << u"progress.records_done"_s << QCborValue(-1)
            << u"progress.records_done: must not be negative"_s;
        QTest::newRow("code int") << error << u"code"_s << QCborValue(1)
                                  << u"code: expected a text string"_s;
        QTest::newRow("message missing")
            << error << u"message"_s << missing << u"message: required field is missing"_s;
        QTest::newRow("supported_version 300") << error << u"supported_version"_s << QCborValue(300)
                                               << u"supported_version: 300 is larger"_s;
    }
    void fields()
    {
        QFETCH(int, type);
        QFETCH(QString, path);
        QFETCH(QCborValue, value);
        QFETCH(QString, error);
        const auto t = MessageType(type);
        const QCborValue dom = QCborValue::fromCbor(bodyOf(sampleWire(t)));
        QByteArray body = withValue(dom, path.split(u'.'), value).toCbor();
        body.replace(QCborValue(Placeholder::maxU64).toCbor(),
                     QByteArray::fromHex("1bffffffffffffffff"));
        body.replace(QCborValue(Placeholder::minNeg).toCbor(),
                     QByteArray::fromHex("3bffffffffffffffff"));
        ProtocolError failure;
        const QString actual = decodeAs(t, wrap(t, body), &failure);
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
        QCOMPARE(failure.code, u"malformed"_s);
        QVERIFY(!failure.field.isEmpty() && error.startsWith(failure.field));
    }
};

QTEST_GUILESS_MAIN(tst_SyncDecodeFields)
#include "tst_syncdecodefields.moc"
