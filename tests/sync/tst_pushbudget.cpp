// The sync engine cuts a push by size as well as by count (docs/sync-protocol.md 5.6): large
// attachments go in several requests, each inside the byte budget, in outbox order; one
// mutation larger than the budget still goes, alone.

#include "domain/ids.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "protocol/codec.h"
#include "services/hlcsource.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace karvan::sync;
using namespace Qt::StringLiterals;

namespace {

const QString DeviceId = u"0190a0b0-0000-7000-8000-00000000d002"_s;

// Applies everything; records each push request's body size and seqs.
class RecordingHq : public SyncTransport
{
public:
    Result<TransportReply> post(const QString &path, const QByteArray &body,
                                const QByteArray &) override
    {
        if (path != u"/v1/sync/push"_s) {
            PullResponse response;
            response.nextCursor = QByteArrayLiteral("c");
            return TransportReply {200, encode(response),
                                   QByteArrayLiteral("application/vnd.karvan.sync")};
        }
        auto request = decodePushRequest(body);
        if (!request)
            return makeError(ErrorCode::InvalidArgument, request.errorMessage());
        bodySizes.append(body.size());
        QList<qint64> seqs;
        PushResponse response;
        for (const SyncMutation &m : request->mutations) {
            seqs.append(m.seq);
            MutationResult r;
            r.seq = m.seq;
            r.mutationId = m.mutationId;
            response.results.append(r);
        }
        batches.append(seqs);
        return TransportReply {200, encode(response),
                               QByteArrayLiteral("application/vnd.karvan.sync")};
    }

    QList<qsizetype> bodySizes;
    QList<QList<qint64>> batches;
};

} // namespace

class tst_PushBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void largeMutationsAreSplitByBytes();
    void smallMutationsStillBatchByCount();
    void oneMutationOverTheBudgetGoesAlone();

private:
    // An attachment-like outbox entry carrying `bytes` incompressible bytes.
    qint64 append(qsizetype bytes);
    QList<qint64> allSeqs(const RecordingHq &hq) const;

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<HlcClock> m_clock;
};

void tst_PushBudget::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    QVERIFY(SyncStateRepository(*m_store).setValue(SyncEngine::DeviceIdKey, DeviceId).ok());
    m_clock = std::make_unique<HlcClock>(DeviceId);
}

qint64 tst_PushBudget::append(qsizetype bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes; ++i)
        data[i] = char((i * 2654435761u) >> 13);
    const QString id = idToString(Uuid7::generate());
    const QCborMap args {
        {u"id"_s, id}, {u"hlc"_s, m_clock->now().toString()}, {u"data"_s, QCborValue(data)}};
    qint64 seq = -1;
    auto r = m_store->transaction([&]() -> Result<void> {
        auto s = appendMutation(*m_store, u"attachment"_s, id, u"create"_s, args);
        if (!s)
            return s.error();
        seq = *s;
        return {};
    });
    return r ? seq : -1;
}

QList<qint64> tst_PushBudget::allSeqs(const RecordingHq &hq) const
{
    QList<qint64> all;
    for (const auto &b : hq.batches)
        all += b;
    return all;
}

void tst_PushBudget::largeMutationsAreSplitByBytes()
{
    constexpr qint64 Budget = 1024 * 1024;
    QList<qint64> seqs;
    for (int i = 0; i < 10; ++i)
        seqs.append(append(300 * 1024)); // ~3 fit in 1 MiB
    RecordingHq hq;
    SyncEngine engine(*m_store, hq, *m_clock);
    engine.setPushByteBudget(Budget);
    auto report = engine.push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->applied, qint64(10));
    QCOMPARE(allSeqs(hq), seqs); // every entry once, in outbox order
    QCOMPARE(hq.batches.size(), 4); // 3 + 3 + 3 + 1
    for (qsizetype size : std::as_const(hq.bodySizes))
        QVERIFY2(size <= Budget, qPrintable(QString::number(size)));
    auto pending = OutboxRepository(*m_store).countWithState(OutboxMutation::State::Pending);
    QCOMPARE(pending.value(), qint64(0));
}

void tst_PushBudget::smallMutationsStillBatchByCount()
{
    for (int i = 0; i < 30; ++i)
        QVERIFY(append(100) > 0);
    RecordingHq hq;
    SyncEngine engine(*m_store, hq, *m_clock);
    engine.setBatchSizes(12, 100);
    auto report = engine.push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->applied, qint64(30));
    QCOMPARE(hq.batches.size(), 3); // 12 + 12 + 6: the byte budget does not bite
    QCOMPARE(hq.batches.at(0).size(), 12);
    QCOMPARE(hq.batches.at(2).size(), 6);
}

void tst_PushBudget::oneMutationOverTheBudgetGoesAlone()
{
    const qint64 first = append(64 * 1024);
    const qint64 big = append(512 * 1024);
    const qint64 last = append(64 * 1024);
    RecordingHq hq;
    SyncEngine engine(*m_store, hq, *m_clock);
    engine.setPushByteBudget(100 * 1024);
    auto report = engine.push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->applied, qint64(3));
    QCOMPARE(hq.batches, (QList<QList<qint64>> {{first}, {big}, {last}}));
}

QTEST_GUILESS_MAIN(tst_PushBudget)
#include "tst_pushbudget.moc"
