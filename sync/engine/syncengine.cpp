#include "engine/syncengine.h"

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "engine/rowapplier.h"
#include "engine/snapshotbootstrap.h"
#include "engine/transport.h"
#include "protocol/codec.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/stockrepository.h"

#include <QCborArray>
#include <QCborValue>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace karvan::sync {

using namespace Qt::StringLiterals;

namespace {

const QByteArray SyncContentType = QByteArrayLiteral("application/vnd.karvan.sync");
const QString PushPath = u"/v1/sync/push"_s;
const QString PullPath = u"/v1/sync/pull"_s;

MutationResult::Status statusOf(const MutationResult &r)
{
    return r.status;
}

// A refused request: the revocation body (routeguard's JSON), a ProtocolError (binary or
// JSON form), any other JSON error, or just the status.
struct Refusal
{
    bool wipe = false;
    QString message;
};

Refusal readRefusal(int status, const QByteArray &body, const QByteArray &contentType)
{
    Refusal out;
    if (contentType.startsWith(SyncContentType) || body.startsWith("KRVN")) {
        if (auto e = decodeProtocolError(body))
            out.message = u"%1 (%2)"_s.arg(e->message, e->code);
    }
    if (out.message.isEmpty()) {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const QJsonObject error = json.value(u"error"_s).toObject();
        if (!error.isEmpty()) {
            out.wipe = error.value(u"wipe"_s).toBool();
            const QString code = error.value(u"code"_s).toString();
            out.message = error.value(u"message"_s).toString();
            if (!code.isEmpty())
                out.message += u" (%1)"_s.arg(code);
        } else if (auto e = protocolErrorFromJson(body)) {
            out.message = u"%1 (%2)"_s.arg(e->message, e->code);
        }
    }
    if (out.message.trimmed().isEmpty())
        out.message = u"HTTP %1"_s.arg(status);
    return out;
}

QString resultReason(const MutationResult &r)
{
    if (!r.reason.isEmpty())
        return r.reason;
    return r.reasonCode;
}

} // namespace

SyncEngine::SyncEngine(LocalStore &store, SyncTransport &transport, HlcClock &clock)
    : m_store(store)
    , m_transport(transport)
    , m_clock(clock)
{ }

void SyncEngine::setBatchSizes(int pushBatch, int pullBatch)
{
    const ProtocolLimits limits;
    m_pushBatch = std::clamp(pushBatch, 1, limits.maxMutationsPerPush);
    m_pullBatch = std::clamp(pullBatch, 1, limits.maxChangesPerBatch);
}

bool SyncEngine::proceed(const QString &point) const
{
    return !m_faultHook || m_faultHook(point);
}

Error SyncEngine::stoppedAt(const QString &point) const
{
    return makeError(ErrorCode::Storage, u"sync stopped at %1 (injected fault)"_s.arg(point));
}

void SyncEngine::mergeClock(const Hlc &remote)
{
    if (remote.isNull())
        return;
    // A timestamp too far ahead is refused by the clock; the rows still apply (HQ is the
    // authority on them), only our clock does not jump.
    (void)m_clock.update(remote);
}

void SyncEngine::report(SyncProgressReport::Phase phase)
{
    m_round.phase = phase;
    if (m_progress)
        m_progress(m_round);
}

Result<QString> SyncEngine::deviceId()
{
    auto id = SyncStateRepository(m_store).value(DeviceIdKey);
    if (!id)
        return id;
    if (QUuid::fromString(*id).isNull())
        return makeError(ErrorCode::NotFound,
                         u"this device has no device id yet; sign in to HQ first"_s);
    return id;
}

Result<QByteArray> SyncEngine::exchange(const QString &path, const QByteArray &body,
                                        SyncReport &report)
{
    report.bytesSent += body.size();
    m_round.bytesDone += body.size();
    auto reply = m_transport.post(path, body, SyncContentType);
    if (!reply)
        return reply.error();
    report.bytesReceived += reply->body.size();
    m_round.bytesDone += reply->body.size();
    if (reply->httpStatus == 200)
        return reply->body;

    const Refusal refusal = readRefusal(reply->httpStatus, reply->body, reply->contentType);
    if (reply->httpStatus == 401 && refusal.wipe) {
        if (auto r = wipeLocalData(m_store); !r)
            return makeError(
                ErrorCode::Conflict,
                u"this device was revoked at HQ; wiping its local data failed: %1"_s.arg(
                    r.errorMessage()));
        return makeError(ErrorCode::Conflict,
                         u"this device was revoked at HQ; its local data was wiped"_s);
    }
    const QString what = path == PushPath ? u"the push"_s : u"the pull"_s;
    const ErrorCode code = reply->httpStatus >= 500 ? ErrorCode::Storage : ErrorCode::Conflict;
    return makeError(
        code,
        u"HQ refused %1 (HTTP %2): %3"_s.arg(what).arg(reply->httpStatus).arg(refusal.message));
}

Result<SyncReport> SyncEngine::push()
{
    m_round = {};
    SyncReport out;
    if (auto r = pushAll(out); !r)
        return r.error();
    return out;
}

Result<SyncReport> SyncEngine::pull()
{
    m_round = {};
    SyncReport out;
    if (auto r = pullAll(out); !r)
        return r.error();
    return out;
}

Result<SyncReport> SyncEngine::sync()
{
    m_round = {};
    SyncReport out;
    if (auto r = pushAll(out); !r)
        return r.error();
    if (auto r = pullAll(out); !r)
        return r.error();
    // Rebase ran with every pulled customer row (RowApplier); nothing is left to re-apply.
    report(SyncProgressReport::Phase::Rebase);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (auto r = SyncStateRepository(m_store).setValue(SyncStateRepository::LastSyncAt, now); !r)
        return r.error();
    out.lastSyncAt = now;
    m_round.mutationsTotal = m_round.mutationsDone;
    m_round.recordsTotal = m_round.recordsDone;
    m_round.bytesTotal = m_round.bytesDone;
    report(SyncProgressReport::Phase::Done);
    return out;
}

Result<int> SyncEngine::pushBatchFitting()
{
    // An entry's share of the request: its args (the payload, as encoded) plus the
    // SyncMutation's other fields (ids, entity, op, hlc), generously.
    constexpr qint64 PerMutationOverhead = 256;
    auto q = m_store.prepared(u"SELECT length(payload) FROM outbox WHERE state IN ('sent', "
                              "'pending') ORDER BY seq LIMIT ?"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, m_pushBatch);
    if (!query.exec())
        return makeError(ErrorCode::Storage,
                         u"cannot read the outbox: "_s + query.lastError().text());
    int count = 0;
    qint64 bytes = 0;
    while (query.next()) {
        const qint64 size = query.value(0).toLongLong() + PerMutationOverhead;
        if (count > 0 && bytes + size > m_pushBytes)
            break;
        bytes += size;
        ++count;
    }
    query.finish();
    return std::max(count, 1);
}

Result<void> SyncEngine::pushAll(SyncReport &syncReport)
{
    auto device = deviceId();
    if (!device)
        return device.error();
    OutboxRepository outbox(m_store);
    {
        auto pending = outbox.countWithState(OutboxMutation::State::Pending);
        auto sent = outbox.countWithState(OutboxMutation::State::Sent);
        if (!pending || !sent)
            return (!pending ? pending : sent).error();
        m_round.mutationsTotal = *pending + *sent;
    }

    while (true) {
        // How many of the next entries fit the byte budget (signatures and photos are large):
        // sizes first, so no more payloads are loaded than are sent.
        auto fitting = pushBatchFitting();
        if (!fitting)
            return fitting.error();
        // Sent entries (answer lost) go again, with the pending ones, strictly by seq.
        QList<OutboxMutation> batch;
        for (auto state : {OutboxMutation::State::Sent, OutboxMutation::State::Pending}) {
            auto list = outbox.withState(state, *fitting);
            if (!list)
                return list.error();
            batch += *list;
        }
        if (batch.isEmpty())
            break;
        std::sort(batch.begin(), batch.end(),
                  [](const OutboxMutation &a, const OutboxMutation &b) { return a.seq < b.seq; });
        if (batch.size() > *fitting)
            batch.resize(*fitting);

        PushRequest request;
        request.deviceId = QUuid::fromString(*device);
        QList<std::pair<qint64, QString>> unreadable;
        QHash<qint64, OutboxMutation> bySeq;
        for (const OutboxMutation &m : std::as_const(batch)) {
            QCborParserError parseError;
            const QCborValue payload = QCborValue::fromCbor(m.payload, &parseError);
            QCborMap args = payload.toMap();
            if (parseError.error != QCborError::NoError || !payload.isMap()) {
                unreadable.append(
                    {m.seq, u"the device could not read this change; it was not sent"_s});
                continue;
            }
            auto hlc = Hlc::fromString(args.value(u"hlc"_s).toString());
            if (!hlc) {
                // A writer that did not stamp its args (append-only documents): stamp it from
                // its creation time, the same on every re-send, and keep args.hlc == hlc.
                const qint64 at = m.createdAt.isValid() ? m.createdAt.toMSecsSinceEpoch()
                                                        : QDateTime::currentMSecsSinceEpoch();
                hlc = Hlc {std::clamp<qint64>(at, 1, Hlc::MaxWallMs), 0, m_clock.nodeId()};
                args.insert(u"hlc"_s, hlc->toString());
            }
            SyncMutation s;
            s.seq = m.seq;
            s.mutationId = m.mutationId;
            s.entity = m.entity;
            s.entityId = m.entityId;
            s.op = m.op;
            s.hlc = *hlc;
            s.createdAtMs = m.createdAt.isValid() ? m.createdAt.toMSecsSinceEpoch() : 0;
            s.args = args;
            request.mutations.append(s);
            bySeq.insert(m.seq, m);
        }

        // Marked sent before it leaves: after a crash the entry is known to be in flight and
        // goes again with the same seq and mutation id (HQ answers a replay).
        auto marked = m_store.transaction([&]() -> Result<void> {
            for (const auto &[seq, reason] : std::as_const(unreadable)) {
                if (auto r = outbox.setState(seq, OutboxMutation::State::Rejected, reason); !r)
                    return r;
            }
            for (const OutboxMutation &m : std::as_const(batch)) {
                if (m.state == OutboxMutation::State::Pending && bySeq.contains(m.seq)) {
                    if (auto r = outbox.setState(m.seq, OutboxMutation::State::Sent); !r)
                        return r;
                }
            }
            return {};
        });
        if (!marked)
            return marked;
        syncReport.rejected += unreadable.size();
        m_round.mutationsDone += unreadable.size();
        if (request.mutations.isEmpty())
            continue;

        auto answer = exchange(PushPath, encode(request), syncReport);
        if (!proceed(u"push.sent"_s))
            return stoppedAt(u"push.sent"_s);
        if (!answer)
            return answer.error();
        auto response = decodePushResponse(*answer);
        if (!response)
            return makeError(ErrorCode::Storage,
                             u"HQ's answer to the push could not be read: "_s
                                 + response.errorMessage());
        if (response->results.size() != request.mutations.size())
            return makeError(
                ErrorCode::Storage,
                u"HQ answered %1 results for %2 mutations"_s.arg(response->results.size())
                    .arg(request.mutations.size()));
        for (int i = 0; i < request.mutations.size(); ++i) {
            const MutationResult &r = response->results.at(i);
            const SyncMutation &m = request.mutations.at(i);
            if (r.seq != m.seq || r.mutationId != m.mutationId)
                return makeError(
                    ErrorCode::Storage,
                    u"HQ's result %1 is for seq %2, not for seq %3"_s.arg(i).arg(r.seq).arg(m.seq));
        }
        mergeClock(response->serverHlc);

        RowApplier applier(m_store, *device);
        SyncReport counted;
        auto stored = m_store.transaction([&]() -> Result<void> {
            // States first, so the rebase of result rows sees only what is still pending.
            for (const MutationResult &r : std::as_const(response->results)) {
                const bool rejected = statusOf(r) == MutationResult::Status::Rejected;
                const auto state
                    = rejected ? OutboxMutation::State::Rejected : OutboxMutation::State::Applied;
                if (auto s = outbox.setState(r.seq, state, resultReason(r)); !s)
                    return s;
                ++counted.pushed;
                ++(rejected ? counted.rejected : counted.applied);
                if (r.replayed)
                    ++counted.replayed;
            }
            for (const MutationResult &r : std::as_const(response->results)) {
                const OutboxMutation &m = bySeq.value(r.seq);
                const bool rejected = statusOf(r) == MutationResult::Status::Rejected;
                if (!r.entity.isEmpty()) {
                    mergeClock(r.rowHlc);
                    QStringList forced;
                    if (rejected && r.entity == wire::entity::Customer) {
                        const QCborMap args = QCborValue::fromCbor(m.payload).toMap();
                        const QCborMap fields = args.value(u"fields"_s).toMap();
                        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                            forced.append(it.key().toString());
                    }
                    if (auto a
                        = applier.applyResultRow(r.entity, r.entityId, r.rowHlc, r.row, forced);
                        !a)
                        return a;
                }
                if (m.entity == wire::entity::Order || m.entity == wire::entity::Quote) {
                    const QUuid id = QUuid::fromString(m.entityId);
                    if (id.isNull())
                        continue;
                    // Rejected: the rep must see it, with HQ's reason, whether the result
                    // carries no row or another entity's (the archived customer it was for).
                    const bool ownRow = r.entity == m.entity && r.entityId == m.entityId;
                    if (rejected && !ownRow) {
                        // Result rows are buffered: write them before the status.
                        if (auto f = applier.flush(); !f)
                            return f;
                        auto s = DocumentRepository(m_store).setStatus(id, DocumentStatus::Rejected,
                                                                       resultReason(r));
                        if (!s && s.error().code != ErrorCode::NotFound)
                            return s;
                    }
                    // HQ has seen the order: its own allocation replaces our reservation.
                    if (auto s = StockRepository(m_store).release(id); !s)
                        return s;
                }
            }
            if (auto f = applier.flush(); !f)
                return f;
            if (!proceed(u"push.storing"_s))
                return stoppedAt(u"push.storing"_s);
            return {};
        });
        if (!stored)
            return stored;
        syncReport.pushed += counted.pushed;
        syncReport.applied += counted.applied;
        syncReport.rejected += counted.rejected;
        syncReport.replayed += counted.replayed;
        syncReport.conflicts += applier.counts().conflicts;
        m_round.mutationsDone += counted.pushed;
        m_round.mutationsTotal = std::max(m_round.mutationsTotal, m_round.mutationsDone);
        report(SyncProgressReport::Phase::Push);
        if (!proceed(u"push.stored"_s))
            return stoppedAt(u"push.stored"_s);
    }
    return {};
}

Result<void> SyncEngine::bootstrapFromSnapshot(const QString &device, SyncReport &syncReport)
{
    auto fresh = SnapshotBootstrap::isFresh(m_store, CursorKey);
    if (!fresh)
        return fresh.error();
    if (!*fresh) {
        // A download left by an earlier round can no longer be installed.
        SnapshotBootstrap::discardDownloads(m_store);
        return {};
    }
    SnapshotBootstrap bootstrap(m_store, m_transport, device);
    bootstrap.setChunkBytes(m_snapshotChunk);
    const qint64 bytesBefore = m_round.bytesDone;
    bootstrap.setProgress([this, bytesBefore](qint64 done, qint64 total) {
        m_round.bytesDone = bytesBefore + done;
        m_round.bytesTotal = std::max(m_round.bytesTotal, bytesBefore + total);
        report(SyncProgressReport::Phase::Pull);
    });
    if (m_faultHook)
        bootstrap.setFaultHook(m_faultHook);
    auto outcome = bootstrap.run(CursorKey);
    // Downloaded bytes count whether or not the attempt finished.
    if (!outcome)
        return outcome.error();
    m_round.bytesDone = bytesBefore + outcome->bytes;
    syncReport.bytesReceived += outcome->bytes;
    syncReport.snapshotBytes += outcome->bytes;
    if (outcome->outcome != SnapshotBootstrap::Outcome::Installed) {
        qInfo("sync: no bootstrap snapshot (%s); pulling page by page",
              qPrintable(outcome->reason));
        return {};
    }
    mergeClock(outcome->newestHlc);
    syncReport.pulled += outcome->records;
    syncReport.snapshotRecords += outcome->records;
    m_round.recordsDone += outcome->records;
    m_round.recordsTotal = std::max(m_round.recordsTotal, m_round.recordsDone);
    report(SyncProgressReport::Phase::Pull);
    return {};
}

Result<void> SyncEngine::pullAll(SyncReport &syncReport)
{
    auto device = deviceId();
    if (!device)
        return device.error();
    if (m_snapshot && m_transport.supportsSnapshots()) {
        if (auto r = bootstrapFromSnapshot(*device, syncReport); !r)
            return r;
    }
    SyncStateRepository state(m_store);
    auto stored = state.value(CursorKey);
    if (!stored)
        return stored.error();
    QByteArray cursor = QByteArray::fromBase64(stored->toLatin1());
    // The first sync loads everything: synchronous=NORMAL is safe there because the cursor
    // commits with the rows it covers, so a batch a power cut loses is simply pulled again.
    const bool initial = cursor.isEmpty();
    const qint64 bytesBefore = m_round.bytesDone;

    while (true) {
        PullRequest request;
        request.deviceId = QUuid::fromString(*device);
        request.cursor = cursor;
        request.maxChanges = m_pullBatch;
        auto answer = exchange(PullPath, encode(request), syncReport);
        if (!answer)
            return answer.error();
        if (!proceed(u"pull.received"_s))
            return stoppedAt(u"pull.received"_s);
        auto response = decodePullResponse(*answer);
        if (!response)
            return makeError(ErrorCode::Storage,
                             u"HQ's pull answer could not be read: "_s + response.errorMessage());
        mergeClock(response->serverHlc);
        Hlc newest;
        for (const RowChange &c : std::as_const(response->changes))
            newest = std::max(newest, c.hlc);
        mergeClock(newest);

        RowApplier applier(m_store, *device);
        Result<void> applied;
        {
            std::optional<LocalStore::BulkLoad> bulk;
            if (initial)
                bulk.emplace(m_store);
            applied = m_store.transaction([&]() -> Result<void> {
                // A storage failure aborts the batch, which is pulled again next round.
                if (auto r = applier.applyPage(response->changes, &syncReport.unreadable,
                                               [](const Error &e) {
                                                   qWarning("sync: skipped a row HQ sent: %s",
                                                            qPrintable(e.message));
                                               });
                    !r)
                    return r;
                if (!proceed(u"pull.applying"_s))
                    return stoppedAt(u"pull.applying"_s);
                if (response->nextCursor.isEmpty())
                    return {};
                return state.setValue(CursorKey,
                                      QString::fromLatin1(response->nextCursor.toBase64()));
            });
        }
        if (!applied)
            return applied;
        const RowApplier::Counts &counts = applier.counts();
        syncReport.pulled += counts.upserts + counts.tombstones;
        syncReport.tombstones += counts.tombstones;
        syncReport.conflicts += counts.conflicts;
        m_round.recordsDone += response->changes.size();
        m_round.recordsTotal = std::max(m_round.recordsDone, response->progress.recordsTotal);
        m_round.bytesTotal = response->progress.bytesTotal > 0
            ? std::max(m_round.bytesDone, bytesBefore + response->progress.bytesTotal)
            : 0;
        report(SyncProgressReport::Phase::Pull);
        if (!proceed(u"pull.applied"_s))
            return stoppedAt(u"pull.applied"_s);
        if (!response->hasMore)
            break;
        if (response->nextCursor.isEmpty() || response->nextCursor == cursor)
            return makeError(ErrorCode::Storage,
                             u"HQ said there is more to pull but its cursor did not move"_s);
        cursor = response->nextCursor;
    }
    return {};
}

} // namespace karvan::sync
