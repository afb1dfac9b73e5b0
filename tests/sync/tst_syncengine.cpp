// The device's sync engine against a scripted HQ: a transport that decodes the engine's
// requests with the protocol codec and answers with messages built by the test. End-to-end
// runs against the real karvan-hq live in tests/integration.

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "protocol/codec.h"
#include "services/customerservice.h"
#include "services/hlcsource.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/fieldversionrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/stockrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace karvan;
using namespace karvan::sync;
using namespace Qt::StringLiterals;

namespace {

const QString DeviceId = u"0190a0b0-0000-7000-8000-00000000d001"_s;
const qint64 Start = 1'780'000'000'000; // 2026, wall clock of the test

QString hlcText(qint64 wallMs, const QString &node)
{
    return Hlc {wallMs, 0, node}.toString();
}

TransportReply okReply(const QByteArray &body)
{
    return TransportReply {200, body, QByteArrayLiteral("application/vnd.karvan.sync")};
}

// HQ as the test scripts it: push answers come from onPush (default: everything applied),
// pull answers from the pages keyed by the request's cursor.
class ScriptedHq : public SyncTransport
{
public:
    struct Page
    {
        QList<RowChange> changes;
        QByteArray next;
        bool hasMore = false;
        qint64 recordsTotal = 0;
    };

    Result<TransportReply> post(const QString &path, const QByteArray &body,
                                const QByteArray &) override
    {
        if (failNext) {
            failNext = false;
            if (path == u"/v1/sync/push"_s) {
                // HQ got and applied it; only its answer is lost.
                if (auto request = decodePushRequest(body)) {
                    pushes.append(*request);
                    for (const SyncMutation &m : request->mutations)
                        seen.insert(m.mutationId);
                }
            }
            return makeError(ErrorCode::Storage,
                             u"cannot reach 127.0.0.1:9: timed out after 30 s"_s);
        }
        if (refusal.httpStatus != 0)
            return refusal;
        if (path == u"/v1/sync/push"_s) {
            auto request = decodePushRequest(body);
            if (!request)
                return makeError(ErrorCode::InvalidArgument, request.errorMessage());
            pushes.append(*request);
            PushResponse response;
            response.serverHlc = Hlc {Start + 1000, 0, u"hq"_s};
            for (const SyncMutation &m : request->mutations) {
                MutationResult r;
                r.seq = m.seq;
                r.mutationId = m.mutationId;
                r.replayed = seen.contains(m.mutationId);
                seen.insert(m.mutationId);
                if (onPush)
                    onPush(m, r);
                response.results.append(r);
            }
            return okReply(encode(response));
        }
        auto request = decodePullRequest(body);
        if (!request)
            return makeError(ErrorCode::InvalidArgument, request.errorMessage());
        pullCursors.append(request->cursor);
        const Page page = pages.value(request->cursor);
        PullResponse response;
        response.changes = page.changes;
        response.nextCursor = page.next.isEmpty() ? request->cursor : page.next;
        response.hasMore = page.hasMore;
        response.progress.recordsTotal = page.recordsTotal;
        return okReply(encode(response));
    }

    std::function<void(const SyncMutation &, MutationResult &)> onPush;
    QHash<QByteArray, Page> pages;
    QList<PushRequest> pushes;
    QList<QByteArray> pullCursors;
    QSet<QUuid> seen;
    bool failNext = false;
    TransportReply refusal;
};

Customer hqCustomer(const QString &name, const QString &code)
{
    Customer c;
    c.id = Uuid7::generate();
    c.code = code;
    c.name = name;
    c.phone = u"+90 212 555 0101"_s;
    c.territory = u"TR-IST"_s;
    c.currency = u"TRY"_s;
    c.taxRegion = u"TR"_s;
    return c;
}

// A customer row as HQ's feed writes it: every rep-editable field stamped with hlc unless
// fieldHlc says otherwise.
RowChange customerChange(const Customer &c, const QString &hlc,
                         const QMap<QString, QString> &fieldHlc = {})
{
    QCborMap row = wire::customerRow(c);
    QCborMap stamps;
    for (const QString &f : {u"name"_s, u"phone"_s, u"email"_s, u"notes"_s, u"language"_s,
                             u"contacts"_s, u"addresses"_s})
        stamps.insert(f, fieldHlc.value(f, hlc));
    row.insert(u"field_hlc"_s, stamps);
    row.insert(u"credit_hold"_s, false);
    RowChange change;
    change.entity = wire::entity::Customer;
    change.id = idToString(c.id);
    change.hlc = Hlc::fromString(hlc).value();
    change.row = row;
    return change;
}

// The row as HQ sends it when some fields were never stamped (HQ's own values from a bulk
// load): field_hlc leaves them out.
RowChange withoutStamps(RowChange change, const QStringList &fields)
{
    QCborMap stamps = change.row.value(u"field_hlc"_s).toMap();
    for (const QString &f : fields)
        stamps.remove(f);
    change.row.insert(u"field_hlc"_s, stamps);
    return change;
}

RowChange tombstone(const Customer &c, const QString &hlc)
{
    RowChange change;
    change.entity = wire::entity::Customer;
    change.id = idToString(c.id);
    change.op = RowChange::Op::Tombstone;
    change.hlc = Hlc::fromString(hlc).value();
    return change;
}

} // namespace

class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void pushSendsOutboxInSeqOrderInBatches();
    void rejectedMutationLeavesLaterOnesApplied();
    void lostResponseResendsSameSeqAndMutationId();
    void orderResultStoresHqNumberAndReleasesReservations();
    void protocolRefusalKeepsOutboxForNextRound();
    void pullPagesStoreCursorPerBatch();
    void faultWhileApplyingRollsBackAndResumes();
    void tombstoneRemovesCustomer();
    void unreadableRowIsSkippedNotBlocking();
    void laterRemoteEditWinsWithConflictOlderLoses();
    void pendingEditRebasedOnlyWhenItsHlcWins();
    void progressIncreasesAndEndsAtTotals();
    void revokedDeviceIsWiped();
    void rejectedOrderBecomesRejectedWithHqReason();
    void unstampedFieldIsOlderThanAnyEdit();

private:
    // An order saved on the device as OrderService does (pending_sync, outbox entry,
    // reservation); its outbox seq.
    Result<qint64> savePendingOrder(const Customer &customer, SalesDocument &order);
    qint64 count(const QString &table);
    QString cursor();
    std::unique_ptr<SyncEngine> engine();
    Result<CustomerChange> createCustomer(const QString &name);

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    qint64 m_wallMs = Start;
    std::unique_ptr<HlcClock> m_clock;
    std::unique_ptr<ScriptedHq> m_hq;
};

void tst_SyncEngine::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    QVERIFY(SyncStateRepository(*m_store).setValue(SyncEngine::DeviceIdKey, DeviceId).ok());
    m_wallMs = Start;
    m_clock = std::make_unique<HlcClock>(DeviceId, [this] { return m_wallMs; });
    m_hq = std::make_unique<ScriptedHq>();
}

void tst_SyncEngine::cleanup()
{
    m_store.reset();
    m_hq.reset();
    m_clock.reset();
}

qint64 tst_SyncEngine::count(const QString &table)
{
    auto n = m_store->scalar(u"SELECT count(*) FROM "_s + table);
    return n ? n->toLongLong() : -1;
}

QString tst_SyncEngine::cursor()
{
    return SyncStateRepository(*m_store).value(SyncEngine::CursorKey).value();
}

std::unique_ptr<SyncEngine> tst_SyncEngine::engine()
{
    return std::make_unique<SyncEngine>(*m_store, *m_hq, *m_clock);
}

Result<CustomerChange> tst_SyncEngine::createCustomer(const QString &name)
{
    CustomerService service(*m_store, [this] { return m_clock->now().toString(); });
    NewCustomer draft;
    draft.fields = QCborMap {{u"name"_s, name}, {u"phone"_s, u"+98 21 5555 0000"_s}};
    draft.currency = u"IRR"_s;
    draft.territory = u"IR-THR"_s;
    return service.create(draft);
}

void tst_SyncEngine::pushSendsOutboxInSeqOrderInBatches()
{
    QList<CustomerChange> created;
    for (int i = 0; i < 5; ++i) {
        auto c = createCustomer(u"Customer %1"_s.arg(i));
        QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
        created.append(*c);
    }
    // HQ assigns an account code and returns the row.
    m_hq->onPush = [&](const SyncMutation &m, MutationResult &r) {
        for (const CustomerChange &c : created) {
            if (idToString(c.customer.id) != m.entityId)
                continue;
            Customer atHq = c.customer;
            atHq.code = u"C-%1"_s.arg(m.seq + 1000);
            r.entity = wire::entity::Customer;
            r.entityId = m.entityId;
            r.rowHlc = m.hlc;
            r.row = customerChange(atHq, m.hlc.toString()).row;
        }
    };
    auto e = engine();
    e->setBatchSizes(2, 100);
    auto report = e->push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->pushed, 5);
    QCOMPARE(report->applied, 5);
    QCOMPARE(m_hq->pushes.size(), 3); // 2 + 2 + 1
    qint64 last = 0;
    for (const PushRequest &p : std::as_const(m_hq->pushes)) {
        QCOMPARE(p.deviceId, QUuid::fromString(DeviceId));
        for (const SyncMutation &m : p.mutations) {
            QVERIFY(m.seq > last);
            last = m.seq;
            QCOMPARE(m.hlc.toString(), m.args.value(u"hlc"_s).toString()); // protocol 5.6
            QCOMPARE(m.entity, u"customer"_s);
        }
    }
    QCOMPARE(OutboxRepository(*m_store).countWithState(OutboxMutation::State::Applied).value(), 5);
    for (const CustomerChange &c : std::as_const(created)) {
        auto stored = CustomerRepository(*m_store).get(c.customer.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->code, u"C-%1"_s.arg(c.outboxSeq + 1000));
        QCOMPARE(stored->name, c.customer.name);
    }
    QCOMPARE(count(u"conflicts"_s), 0);
}

void tst_SyncEngine::rejectedMutationLeavesLaterOnesApplied()
{
    QList<qint64> seqs;
    for (int i = 0; i < 3; ++i) {
        auto c = createCustomer(u"Customer %1"_s.arg(i));
        QVERIFY(c.ok());
        seqs.append(c->outboxSeq);
    }
    m_hq->onPush = [&](const SyncMutation &m, MutationResult &r) {
        if (m.seq == seqs.at(1)) {
            r.status = MutationResult::Status::Rejected;
            r.reasonCode = u"out_of_scope"_s;
            r.reason = u"territory IR-THR is not yours"_s;
        }
    };
    auto report = engine()->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->applied, 2);
    QCOMPARE(report->rejected, 1);
    OutboxRepository outbox(*m_store);
    QCOMPARE(outbox.get(seqs.at(0))->state, OutboxMutation::State::Applied);
    QCOMPARE(outbox.get(seqs.at(1))->state, OutboxMutation::State::Rejected);
    QCOMPARE(outbox.get(seqs.at(1))->resultReason, u"territory IR-THR is not yours"_s);
    QCOMPARE(outbox.get(seqs.at(2))->state, OutboxMutation::State::Applied);
    QVERIFY(!SyncStateRepository(*m_store).value(SyncStateRepository::LastSyncAt)->isEmpty());
}

void tst_SyncEngine::lostResponseResendsSameSeqAndMutationId()
{
    auto a = createCustomer(u"Alborz Trading"_s);
    auto b = createCustomer(u"Caspian Foods"_s);
    QVERIFY(a.ok() && b.ok());
    m_hq->failNext = true; // the request reaches HQ, the answer is lost
    auto first = engine()->sync();
    QVERIFY(!first.ok());
    QVERIFY2(first.errorMessage().contains(u"timed out"_s), qPrintable(first.errorMessage()));
    OutboxRepository outbox(*m_store);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Sent).value(), 2);
    QVERIFY(SyncStateRepository(*m_store).value(SyncStateRepository::LastSyncAt)->isEmpty());

    auto second = engine()->sync();
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    QCOMPARE(m_hq->pushes.size(), 2);
    const PushRequest &lost = m_hq->pushes.at(0);
    const PushRequest &again = m_hq->pushes.at(1);
    QCOMPARE(again.mutations.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again.mutations.at(i).seq, lost.mutations.at(i).seq);
        QCOMPARE(again.mutations.at(i).mutationId, lost.mutations.at(i).mutationId);
        QCOMPARE(again.mutations.at(i).args, lost.mutations.at(i).args);
    }
    QCOMPARE(second->replayed, 2);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Applied).value(), 2);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Sent).value(), 0);
}

void tst_SyncEngine::orderResultStoresHqNumberAndReleasesReservations()
{
    const Customer customer = hqCustomer(u"Anatolia Market"_s, u"C-2001"_s);
    QVERIFY(CustomerRepository(*m_store).upsert(customer).ok());
    SalesDocument order;
    order.id = Uuid7::generate();
    order.kind = SalesDocument::Kind::Order;
    order.customerId = customer.id;
    order.currency = u"TRY"_s;
    order.date = QDate(2026, 3, 2);
    order.status = DocumentStatus::PendingSync;
    DocumentLine line;
    line.lineNo = 1;
    line.sku = u"TEA-500"_s;
    line.quantity = Quantity::fromMilli(3000, u"pcs"_s).value();
    line.warehouseCode = u"IST-1"_s;
    line.unitPrice = Money::fromMinor(1000, u"TRY"_s).value();
    line.lineNet = Money::fromMinor(3000, u"TRY"_s).value();
    line.lineTax = Money::fromMinor(0, u"TRY"_s).value();
    line.lineTotal = line.lineNet;
    order.lines = {line};
    order.net = line.lineNet;
    order.tax = line.lineTax;
    order.total = line.lineTotal;
    OutboxMutation m;
    m.mutationId = Uuid7::generate();
    m.entity = u"order"_s;
    m.entityId = idToString(order.id);
    m.op = u"create"_s;
    // Documents' args carry no "hlc" of their own: the engine stamps them from created_at.
    m.createdAt = QDateTime::fromMSecsSinceEpoch(Start - 5000, Qt::UTC);
    m.payload = QCborValue(QCborMap {{u"id"_s, idToString(order.id)}}).toCbor();
    auto seq = DocumentRepository(*m_store).saveWithOutbox(order, m);
    QVERIFY2(seq.ok(), qPrintable(seq.errorMessage()));
    LocalReservation reservation {u"TEA-500"_s, u"IST-1"_s, line.quantity, order.id};
    QVERIFY(StockRepository(*m_store).reserve(order.id, {reservation}).ok());

    m_hq->onPush = [&](const SyncMutation &sent, MutationResult &r) {
        SalesDocument atHq = order;
        atHq.number = u"SO-10042"_s;
        atHq.status = DocumentStatus::CreditHold;
        atHq.statusReason = u"over the credit limit by 30.00 TRY"_s;
        r.status = MutationResult::Status::AppliedWithChanges;
        r.reasonCode = u"credit_hold"_s;
        r.reason = atHq.statusReason;
        r.entity = u"order"_s;
        r.entityId = sent.entityId;
        r.rowHlc = Hlc {Start + 500, 0, u"hq"_s};
        r.row = wire::documentRow(atHq);
    };
    auto report = engine()->push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    auto stored = DocumentRepository(*m_store).get(order.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->number, u"SO-10042"_s);
    QCOMPARE(stored->status, DocumentStatus::CreditHold);
    QCOMPARE(stored->statusReason, u"over the credit limit by 30.00 TRY"_s);
    QVERIFY(StockRepository(*m_store).reservationsForOrder(order.id)->isEmpty());
    QCOMPARE(m_hq->pushes.size(), 1);
    const SyncMutation &sent = m_hq->pushes.first().mutations.first();
    QCOMPARE(sent.hlc, (Hlc {Start - 5000, 0, DeviceId}));
    QCOMPARE(sent.args.value(u"hlc"_s).toString(), sent.hlc.toString());
    QCOMPARE(sent.args.value(u"id"_s).toString(), idToString(order.id));
    auto entry = OutboxRepository(*m_store).get(*seq);
    QCOMPARE(entry->state, OutboxMutation::State::Applied);
    QCOMPARE(entry->resultReason, u"over the credit limit by 30.00 TRY"_s);
}

void tst_SyncEngine::protocolRefusalKeepsOutboxForNextRound()
{
    QVERIFY(createCustomer(u"Zagros Supplies"_s).ok());
    ProtocolError error;
    error.code = u"body_too_large"_s;
    error.message = u"the message is over 16777280 bytes"_s;
    m_hq->refusal = TransportReply {413, encode(error), "application/vnd.karvan.sync"};
    auto report = engine()->sync();
    QVERIFY(!report.ok());
    QVERIFY2(report.errorMessage().contains(u"the message is over 16777280 bytes"_s),
             qPrintable(report.errorMessage()));
    OutboxRepository outbox(*m_store);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Sent).value(), 1);
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Applied).value(), 0);
    QCOMPARE(count(u"customers"_s), 1); // nothing wiped

    m_hq->refusal = {};
    auto next = engine()->sync();
    QVERIFY2(next.ok(), qPrintable(next.errorMessage()));
    QCOMPARE(outbox.countWithState(OutboxMutation::State::Applied).value(), 1);
}

void tst_SyncEngine::pullPagesStoreCursorPerBatch()
{
    const Customer a = hqCustomer(u"Aras Textile"_s, u"C-1"_s);
    const Customer b = hqCustomer(u"Bazaar Spices"_s, u"C-2"_s);
    const Customer c = hqCustomer(u"Ceyhan Oil"_s, u"C-3"_s);
    const QString h = hlcText(Start - 60000, u"hq"_s);
    m_hq->pages.insert({}, {{customerChange(a, h), customerChange(b, h)}, "page-1", true, 3});
    m_hq->pages.insert("page-1", {{customerChange(c, h)}, "page-2", false, 3});

    QStringList cursorsSeen;
    auto e = engine();
    e->setFaultHook([&](const QString &point) {
        if (point == u"pull.received"_s)
            cursorsSeen.append(cursor());
        return true;
    });
    auto report = e->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->pulled, 3);
    QCOMPARE(m_hq->pullCursors, (QList<QByteArray> {QByteArray(), "page-1"}));
    // The cursor stored when the second batch arrived is the first batch's.
    QCOMPARE(cursorsSeen,
             (QStringList {QString(), QString::fromLatin1(QByteArray("page-1").toBase64())}));
    QCOMPARE(cursor(), QString::fromLatin1(QByteArray("page-2").toBase64()));
    QCOMPARE(count(u"customers"_s), 3);
    QCOMPARE(CustomerRepository(*m_store).get(c.id)->name, u"Ceyhan Oil"_s);
    QCOMPARE(FieldVersionRepository(*m_store)
                 .versions(u"customer"_s, idToString(a.id))
                 ->value(u"phone"_s),
             h);

    // Incremental: the next round starts from the stored cursor.
    auto again = engine()->sync();
    QVERIFY(again.ok());
    QCOMPARE(m_hq->pullCursors.last(), QByteArray("page-2"));
}

void tst_SyncEngine::faultWhileApplyingRollsBackAndResumes()
{
    QList<Customer> all;
    for (int i = 0; i < 6; ++i)
        all.append(hqCustomer(u"Customer %1"_s.arg(i), u"C-%1"_s.arg(i)));
    const QString h = hlcText(Start - 60000, u"hq"_s);
    m_hq->pages.insert({}, {{customerChange(all[0], h), customerChange(all[1], h)}, "p1", true, 6});
    m_hq->pages.insert("p1",
                       {{customerChange(all[2], h), customerChange(all[3], h)}, "p2", true, 6});
    m_hq->pages.insert("p2",
                       {{customerChange(all[4], h), customerChange(all[5], h)}, "p3", false, 6});

    int applying = 0;
    auto e = engine();
    e->setFaultHook([&](const QString &point) {
        return point != u"pull.applying"_s || ++applying != 2; // the device dies in batch 2
    });
    auto failed = e->sync();
    QVERIFY(!failed.ok());
    QVERIFY2(failed.errorMessage().contains(u"pull.applying"_s), qPrintable(failed.errorMessage()));
    QCOMPARE(count(u"customers"_s), 2); // batch 2 rolled back
    QCOMPARE(cursor(), QString::fromLatin1(QByteArray("p1").toBase64()));

    auto resumed = engine()->sync();
    QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage()));
    QCOMPARE(m_hq->pullCursors,
             (QList<QByteArray> {QByteArray(), "p1", "p1", "p2"})); // resumed, not restarted
    QCOMPARE(count(u"customers"_s), 6);
    QCOMPARE(count(u"customer_search"_s), 6);
    QCOMPARE(resumed->pulled, 4);
}

void tst_SyncEngine::tombstoneRemovesCustomer()
{
    const Customer a = hqCustomer(u"Aras Textile"_s, u"C-1"_s);
    const Customer b = hqCustomer(u"Bazaar Spices"_s, u"C-2"_s);
    const QString h = hlcText(Start - 60000, u"hq"_s);
    m_hq->pages.insert({}, {{customerChange(a, h), customerChange(b, h)}, "p1", false, 2});
    m_hq->pages.insert("p1", {{tombstone(a, hlcText(Start - 1000, u"hq"_s))}, "p2", false, 1});
    QVERIFY(engine()->sync().ok());
    QCOMPARE(count(u"customers"_s), 2);
    auto report = engine()->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->tombstones, 1);
    QCOMPARE(CustomerRepository(*m_store).get(a.id).error().code, ErrorCode::NotFound);
    QVERIFY(CustomerRepository(*m_store).get(b.id).ok());
    QVERIFY(FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(a.id))->isEmpty());
    QCOMPARE(CustomerRepository(*m_store).search(u"Aras"_s)->size(), 0);
}

void tst_SyncEngine::unreadableRowIsSkippedNotBlocking()
{
    const Customer a = hqCustomer(u"Aras Textile"_s, u"C-1"_s);
    const Customer b = hqCustomer(u"Bazaar Spices"_s, u"C-2"_s);
    const QString h = hlcText(Start - 60000, u"hq"_s);
    RowChange broken = customerChange(a, h);
    broken.row.insert(u"payment_terms"_s, u"thirty"_s); // not a number
    m_hq->pages.insert({}, {{broken, customerChange(b, h)}, "p1", false, 2});
    auto report = engine()->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->unreadable, 1);
    QCOMPARE(CustomerRepository(*m_store).get(a.id).error().code, ErrorCode::NotFound);
    QVERIFY(CustomerRepository(*m_store).get(b.id).ok());
    QCOMPARE(cursor(), QString::fromLatin1(QByteArray("p1").toBase64()));
}

void tst_SyncEngine::laterRemoteEditWinsWithConflictOlderLoses()
{
    // The customer as HQ had it, then this device edits phone and email (pushed already).
    Customer base = hqCustomer(u"Persepolis Dairy"_s, u"C-7"_s);
    base.email = u"orders@persepolis.example"_s;
    m_hq->pages.insert({},
                       {{customerChange(base, hlcText(Start - 600000, u"hq"_s))}, "p1", false, 1});
    QVERIFY(engine()->sync().ok());
    m_wallMs = Start + 10000;
    CustomerService service(*m_store, [this] { return m_clock->now().toString(); });
    auto edit = service.edit(
        base.id,
        QCborMap {{u"phone"_s, u"+98 21 1111 1111"_s}, {u"email"_s, u"mine@persepolis.example"_s}});
    QVERIFY2(edit.ok(), qPrintable(edit.errorMessage()));
    const QString mine = edit->hlc;
    QVERIFY(engine()->push().ok());

    // Another rep wrote phone later than us, and email earlier than us.
    Customer theirs = base;
    theirs.phone = u"+98 21 2222 2222"_s;
    theirs.email = u"old@persepolis.example"_s;
    const QString later = hlcText(Start + 20000, u"rep-b"_s);
    const QString earlier = hlcText(Start + 5000, u"rep-b"_s);
    m_hq->pages.insert("p1",
                       {{customerChange(theirs, hlcText(Start - 600000, u"hq"_s),
                                        {{u"phone"_s, later}, {u"email"_s, earlier}})},
                        "p2",
                        false,
                        1});
    auto report = engine()->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->conflicts, 1);
    auto stored = CustomerRepository(*m_store).get(base.id);
    QCOMPARE(stored->phone, u"+98 21 2222 2222"_s); // theirs, later
    QCOMPARE(stored->email, u"mine@persepolis.example"_s); // mine, later than theirs
    auto versions = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(base.id));
    QCOMPARE(versions->value(u"phone"_s), later);
    QCOMPARE(versions->value(u"email"_s), mine);

    auto conflicts = ConflictRepository(*m_store).listUnresolved();
    QVERIFY(conflicts.ok());
    QCOMPARE(conflicts->size(), 1);
    const ConflictRecord &c = conflicts->first();
    QCOMPARE(c.entity, u"customer"_s);
    QCOMPARE(c.entityId, idToString(base.id));
    QCOMPARE(c.field, u"phone"_s);
    QCOMPARE(c.mine.toString(), u"+98 21 1111 1111"_s);
    QCOMPARE(c.theirs.toString(), u"+98 21 2222 2222"_s);
    QCOMPARE(c.winner, ConflictRecord::Side::Theirs);
    QCOMPARE(c.mineHlc, mine);
    QCOMPARE(c.theirsHlc, later);

    // The same row again changes nothing and records nothing new; the customer is not even
    // written again (counted by a trigger on this connection).
    QVERIFY(m_store->exec(u"CREATE TEMP TABLE customer_writes (n INTEGER)"_s).ok());
    QVERIFY(m_store
                ->exec(u"CREATE TEMP TRIGGER count_customer_updates AFTER UPDATE ON main.customers "
                       "BEGIN INSERT INTO customer_writes VALUES (1); END"_s)
                .ok());
    QVERIFY(m_store
                ->exec(u"CREATE TEMP TRIGGER count_customer_inserts AFTER INSERT ON main.customers "
                       "BEGIN INSERT INTO customer_writes VALUES (1); END"_s)
                .ok());
    m_hq->pages.insert("p2", m_hq->pages.value("p1"));
    m_hq->pages["p2"].next = "p3";
    QVERIFY(engine()->sync().ok());
    QCOMPARE(ConflictRepository(*m_store).countUnresolved().value(), 1);
    QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM customer_writes"_s)->toInt(), 0);
    stored = CustomerRepository(*m_store).get(base.id);
    QCOMPARE(stored->phone, u"+98 21 2222 2222"_s);
    QCOMPARE(stored->email, u"mine@persepolis.example"_s);

    // A row that differs is written.
    Customer renamed = theirs;
    renamed.name = u"Persepolis Dairy & Sons"_s;
    m_hq->pages.insert("p3",
                       {{customerChange(renamed, hlcText(Start - 600000, u"hq"_s),
                                        {{u"phone"_s, later},
                                         {u"email"_s, earlier},
                                         {u"name"_s, hlcText(Start + 30000, u"hq"_s)}})},
                        "p4",
                        false,
                        1});
    QVERIFY(engine()->sync().ok());
    QCOMPARE(CustomerRepository(*m_store).get(base.id)->name, u"Persepolis Dairy & Sons"_s);
    QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM customer_writes"_s)->toInt(), 1);
}

void tst_SyncEngine::pendingEditRebasedOnlyWhenItsHlcWins()
{
    Customer base = hqCustomer(u"Tabriz Carpets"_s, u"C-9"_s);
    base.notes = u"deliver mornings"_s;
    m_hq->pages.insert({},
                       {{customerChange(base, hlcText(Start - 600000, u"hq"_s))}, "p1", false, 1});
    QVERIFY(engine()->pull().ok());

    m_wallMs = Start + 10000;
    CustomerService service(*m_store, [this] { return m_clock->now().toString(); });
    auto edit = service.edit(base.id, QCborMap {{u"notes"_s, u"deliver after 14:00"_s}});
    QVERIFY(edit.ok());

    // HQ changed notes before our (still unpushed) edit: ours stays on top.
    Customer older = base;
    older.notes = u"HQ note from before"_s;
    older.name = u"Tabriz Carpets Co."_s;
    m_hq->pages.insert("p1",
                       {{customerChange(older, hlcText(Start + 1000, u"hq"_s))}, "p2", false, 1});
    auto first = engine()->pull();
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    auto stored = CustomerRepository(*m_store).get(base.id);
    QCOMPARE(stored->notes, u"deliver after 14:00"_s);
    QCOMPARE(stored->name, u"Tabriz Carpets Co."_s); // their other fields still arrive
    QCOMPARE(first->conflicts, 0);
    QCOMPARE(OutboxRepository(*m_store).countWithState(OutboxMutation::State::Pending).value(), 1);

    // HQ changed notes after our edit: theirs wins, ours is kept as a conflict.
    Customer newer = older;
    newer.notes = u"closed on Fridays"_s;
    m_hq->pages.insert("p2",
                       {{customerChange(newer, hlcText(Start + 30000, u"hq"_s))}, "p3", false, 1});
    auto second = engine()->pull();
    QVERIFY(second.ok());
    QCOMPARE(CustomerRepository(*m_store).get(base.id)->notes, u"closed on Fridays"_s);
    QCOMPARE(second->conflicts, 1);
}

void tst_SyncEngine::progressIncreasesAndEndsAtTotals()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(createCustomer(u"Customer %1"_s.arg(i)).ok());
    QList<Customer> all;
    for (int i = 0; i < 5; ++i)
        all.append(hqCustomer(u"HQ Customer %1"_s.arg(i), u"H-%1"_s.arg(i)));
    const QString h = hlcText(Start - 60000, u"hq"_s);
    m_hq->pages.insert({}, {{customerChange(all[0], h), customerChange(all[1], h)}, "p1", true, 5});
    m_hq->pages.insert("p1",
                       {{customerChange(all[2], h), customerChange(all[3], h)}, "p2", true, 5});
    m_hq->pages.insert("p2", {{customerChange(all[4], h)}, "p3", false, 5});

    QList<SyncProgressReport> seen;
    auto e = engine();
    e->setBatchSizes(2, 2);
    e->setProgress([&](const SyncProgressReport &p) { seen.append(p); });
    auto report = e->sync();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QVERIFY(seen.size() >= 2 + 3 + 1);
    for (int i = 1; i < seen.size(); ++i) {
        QVERIFY(seen[i].mutationsDone >= seen[i - 1].mutationsDone);
        QVERIFY(seen[i].recordsDone >= seen[i - 1].recordsDone);
        QVERIFY(seen[i].bytesDone >= seen[i - 1].bytesDone);
        QVERIFY(seen[i].recordsDone <= seen[i].recordsTotal || seen[i].recordsTotal == 0);
    }
    QCOMPARE(seen.first().phase, SyncProgressReport::Phase::Push);
    QCOMPARE(seen.first().mutationsTotal, 3);
    const SyncProgressReport &end = seen.last();
    QCOMPARE(end.phase, SyncProgressReport::Phase::Done);
    QCOMPARE(end.mutationsDone, 3);
    QCOMPARE(end.mutationsTotal, 3);
    QCOMPARE(end.recordsDone, 5);
    QCOMPARE(end.recordsTotal, 5);
    QCOMPARE(end.bytesDone, report->bytesSent + report->bytesReceived);
    QCOMPARE(end.bytesTotal, end.bytesDone);
}

void tst_SyncEngine::revokedDeviceIsWiped()
{
    QVERIFY(createCustomer(u"Kish Electronics"_s).ok());
    QVERIFY(CustomerRepository(*m_store).upsert(hqCustomer(u"Qom Pistachio"_s, u"C-3"_s)).ok());
    QCOMPARE(count(u"customers"_s), 2);
    // What HQ's route guard answers for a revoked device.
    const QJsonObject body {{u"error"_s,
                             QJsonObject {{u"code"_s, u"device_revoked"_s},
                                          {u"message"_s,
                                           u"this device was revoked at "
                                           u"2026-03-02T09:30:00Z; its local data "
                                           u"must be wiped"_s},
                                          {u"wipe"_s, true}}}};
    m_hq->refusal = TransportReply {401, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                    "application/json"};
    auto report = engine()->sync();
    QVERIFY(!report.ok());
    QCOMPARE(report.errorMessage(), u"this device was revoked at HQ; its local data was wiped"_s);
    for (const QString &table : {u"customers"_s, u"customer_search"_s, u"outbox"_s,
                                 u"field_versions"_s, u"sync_state"_s, u"customer_contacts"_s})
        QCOMPARE(count(table), 0);
    QCOMPARE(m_store->schemaVersion().value(), LocalStore::latestSchemaVersion());
    // Search still works on the emptied schema.
    QVERIFY(CustomerRepository(*m_store).search(u"Qom"_s).ok());

    // A 401 without wipe (an expired token) wipes nothing.
    init();
    QVERIFY(createCustomer(u"Kish Electronics"_s).ok());
    m_hq->refusal = TransportReply {
        401,
        QJsonDocument(QJsonObject {{u"error"_s,
                                    QJsonObject {{u"code"_s, u"invalid_token"_s},
                                                 {u"message"_s,
                                                  u"the token is not valid; sign in "
                                                  u"again"_s}}}})
            .toJson(),
        "application/json"};
    auto expired = engine()->sync();
    QVERIFY(!expired.ok());
    QVERIFY2(expired.errorMessage().contains(u"sign in again"_s),
             qPrintable(expired.errorMessage()));
    QCOMPARE(count(u"customers"_s), 1);
}

Result<qint64> tst_SyncEngine::savePendingOrder(const Customer &customer, SalesDocument &order)
{
    order.id = Uuid7::generate();
    order.kind = SalesDocument::Kind::Order;
    order.customerId = customer.id;
    order.currency = customer.currency;
    order.date = QDate(2026, 3, 2);
    order.status = DocumentStatus::PendingSync;
    DocumentLine line;
    line.lineNo = 1;
    line.sku = u"TEA-500"_s;
    line.quantity = Quantity::fromMilli(2000, u"pcs"_s).value();
    line.warehouseCode = u"IST-1"_s;
    line.unitPrice = Money::fromMinor(1000, customer.currency).value();
    line.lineNet = Money::fromMinor(2000, customer.currency).value();
    line.lineTax = Money::fromMinor(0, customer.currency).value();
    line.lineTotal = line.lineNet;
    order.lines = {line};
    order.net = line.lineNet;
    order.tax = line.lineTax;
    order.total = line.lineTotal;
    OutboxMutation m;
    m.mutationId = Uuid7::generate();
    m.entity = u"order"_s;
    m.entityId = idToString(order.id);
    m.op = u"create"_s;
    m.createdAt = QDateTime::fromMSecsSinceEpoch(m_wallMs, Qt::UTC);
    m.payload = QCborValue(QCborMap {{u"id"_s, idToString(order.id)}}).toCbor();
    auto seq = DocumentRepository(*m_store).saveWithOutbox(order, m);
    if (!seq)
        return seq;
    LocalReservation reservation {line.sku, line.warehouseCode, line.quantity, order.id};
    if (auto r = StockRepository(*m_store).reserve(order.id, {reservation}); !r)
        return r.error();
    return seq;
}

void tst_SyncEngine::rejectedOrderBecomesRejectedWithHqReason()
{
    // One order for a customer HQ archived meanwhile (the result carries the customer's row,
    // not the order's), one HQ refuses without any row.
    const Customer customer = hqCustomer(u"Anatolia Market"_s, u"C-2001"_s);
    QVERIFY(CustomerRepository(*m_store).upsert(customer).ok());
    SalesDocument forArchived, refused;
    auto first = savePendingOrder(customer, forArchived);
    auto second = savePendingOrder(customer, refused);
    QVERIFY2(first.ok() && second.ok(), qPrintable(first.errorMessage() + second.errorMessage()));
    const QString archivedReason = u"customer C-2001 (Anatolia Market) is archived at HQ"_s;
    const QString refusedReason = u"no sales without a signed contract"_s;
    m_hq->onPush = [&](const SyncMutation &m, MutationResult &r) {
        r.status = MutationResult::Status::Rejected;
        if (m.seq == *first) {
            Customer archived = customer;
            archived.archived = true;
            r.reasonCode = u"archived"_s;
            r.reason = archivedReason;
            r.entity = wire::entity::Customer;
            r.entityId = idToString(customer.id);
            r.rowHlc = Hlc {Start + 500, 0, u"hq"_s};
            r.row = customerChange(archived, r.rowHlc.toString()).row;
        } else {
            r.reasonCode = u"validation"_s;
            r.reason = refusedReason;
        }
    };
    auto report = engine()->push();
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->rejected, 2);

    auto a = DocumentRepository(*m_store).get(forArchived.id);
    QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
    QCOMPARE(a->status, DocumentStatus::Rejected);
    QCOMPARE(a->statusReason, archivedReason);
    auto b = DocumentRepository(*m_store).get(refused.id);
    QVERIFY2(b.ok(), qPrintable(b.errorMessage()));
    QCOMPARE(b->status, DocumentStatus::Rejected);
    QCOMPARE(b->statusReason, refusedReason);
    QVERIFY(CustomerRepository(*m_store).get(customer.id)->archived); // HQ's row stored too
    QVERIFY(StockRepository(*m_store).reservationsForOrder(forArchived.id)->isEmpty());
    QVERIFY(StockRepository(*m_store).reservationsForOrder(refused.id)->isEmpty());
    OutboxRepository outbox(*m_store);
    QCOMPARE(outbox.get(*first)->state, OutboxMutation::State::Rejected);
    QCOMPARE(outbox.get(*first)->resultReason, archivedReason);
    QCOMPARE(outbox.get(*second)->state, OutboxMutation::State::Rejected);
}

void tst_SyncEngine::unstampedFieldIsOlderThanAnyEdit()
{
    // HQ's own values from a bulk load carry no field stamps; HQ's clock runs ahead of this
    // device's, so every row HQ touches now has an HLC later than the rep's edits.
    Customer base = hqCustomer(u"Konya Grain"_s, u"C-11"_s);
    base.notes = u"old note"_s;
    const QStringList bulkLoaded {u"name"_s, u"phone"_s, u"email"_s, u"notes"_s};
    m_hq->pages.insert(
        {},
        {{withoutStamps(customerChange(base, hlcText(Start - 600000, u"hq"_s)), bulkLoaded)},
         "p1",
         false,
         1});
    QVERIFY(engine()->pull().ok());
    auto versions = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(base.id));
    QVERIFY(!versions->contains(u"name"_s));
    QVERIFY(!versions->contains(u"notes"_s));

    // Two edits of the same customer go in one push; HQ's row after the first one still has
    // the old, unstamped notes, with a row HLC later than both edits.
    m_wallMs = Start + 10000;
    CustomerService service(*m_store, [this] { return m_clock->now().toString(); });
    auto phone = service.edit(base.id, QCborMap {{u"phone"_s, u"+90 332 555 0000"_s}});
    m_wallMs = Start + 11000;
    auto notes = service.edit(base.id, QCborMap {{u"notes"_s, u"call before delivery"_s}});
    QVERIFY(phone.ok() && notes.ok());
    const QString hqAhead = hlcText(Start + 600000, u"hq"_s);
    Customer atHq = base;
    m_hq->onPush = [&](const SyncMutation &m, MutationResult &r) {
        QStringList unstamped = bulkLoaded;
        QMap<QString, QString> stamps {{u"phone"_s, phone->hlc}};
        atHq.phone = u"+90 332 555 0000"_s;
        unstamped.removeAll(u"phone"_s);
        if (m.seq == notes->outboxSeq) {
            atHq.notes = u"call before delivery"_s;
            stamps.insert(u"notes"_s, notes->hlc);
            unstamped.removeAll(u"notes"_s);
        }
        r.entity = wire::entity::Customer;
        r.entityId = m.entityId;
        r.rowHlc = Hlc::fromString(hqAhead).value();
        r.row = withoutStamps(customerChange(atHq, hqAhead, stamps), unstamped).row;
    };
    auto pushed = engine()->push();
    QVERIFY2(pushed.ok(), qPrintable(pushed.errorMessage()));
    QCOMPARE(pushed->applied, 2);
    auto stored = CustomerRepository(*m_store).get(base.id);
    QCOMPARE(stored->notes, u"call before delivery"_s);
    QCOMPARE(stored->phone, u"+90 332 555 0000"_s);
    versions = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(base.id));
    QCOMPARE(versions->value(u"notes"_s), notes->hlc);
    QVERIFY(!versions->contains(u"name"_s)); // still unstamped, as at HQ
    QCOMPARE(count(u"conflicts"_s), 0);

    // Another rep renames the customer (earlier than HQ's row HLC above): the rename arrives.
    atHq.name = u"Konya Grain Cooperative"_s;
    const QString rename = hlcText(Start + 20000, u"rep-b"_s);
    m_hq->pages.insert("p1",
                       {{withoutStamps(customerChange(atHq, hlcText(Start + 600001, u"hq"_s),
                                                      {{u"phone"_s, phone->hlc},
                                                       {u"notes"_s, notes->hlc},
                                                       {u"name"_s, rename}}),
                                       {u"email"_s})},
                        "p2",
                        false,
                        1});
    auto pulled = engine()->pull();
    QVERIFY2(pulled.ok(), qPrintable(pulled.errorMessage()));
    stored = CustomerRepository(*m_store).get(base.id);
    QCOMPARE(stored->name, u"Konya Grain Cooperative"_s);
    QCOMPARE(stored->notes, u"call before delivery"_s);
    QCOMPARE(FieldVersionRepository(*m_store)
                 .versions(u"customer"_s, idToString(base.id))
                 ->value(u"name"_s),
             rename);
    QCOMPARE(pulled->conflicts, 0);
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
