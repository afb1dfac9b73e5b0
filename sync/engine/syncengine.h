#pragma once

#include "domain/result.h"
#include "engine/transport.h"
#include "hlc.h"
#include "protocol/messages.h"

#include <QString>

#include <algorithm>
#include <functional>

namespace karvan {
class LocalStore;
}

namespace karvan::sync {

// What a progress bar shows; reported after every batch pushed or applied.
struct SyncProgressReport
{
    enum class Phase { Push, Pull, Rebase, Done };
    Phase phase = Phase::Push;
    qint64 mutationsDone = 0; // pushed in this round
    qint64 mutationsTotal = 0;
    qint64 recordsDone = 0; // pulled changes applied in this round
    qint64 recordsTotal = 0; // HQ's estimate; 0 = unknown
    qint64 bytesDone = 0; // bytes sent and received in this round
    qint64 bytesTotal = 0; // HQ's estimate for the pull; 0 = unknown
};

struct SyncReport
{
    qint64 pushed = 0; // mutations HQ answered this round
    qint64 applied = 0; // applied or applied_with_changes
    qint64 rejected = 0;
    qint64 replayed = 0; // answers HQ had recorded before (a retried push)
    qint64 pulled = 0; // row changes applied
    qint64 tombstones = 0;
    qint64 conflicts = 0; // new conflict records
    qint64 unreadable = 0; // pulled rows this device could not read: skipped, not blocking
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    qint64 snapshotRecords = 0; // of pulled: records installed from a bootstrap snapshot
    qint64 snapshotBytes = 0; // of bytesReceived: snapshot bytes downloaded
    QString lastSyncAt; // ISO UTC, as stored in sync_state
};

// The device's side of sync (docs/sync-protocol.md): push the outbox in seq order, then pull
// the scoped change feed until has_more is false, then rebase still-pending mutations.
//
// Durability: the results of a push batch are stored in one local transaction; each pulled
// batch is applied in one transaction together with its next_cursor, so a kill at any point
// loses nothing and repeats nothing (pushes are idempotent at HQ, the cursor only moves with
// the rows it covers).
//
// Applying results: applied/applied_with_changes mark the outbox entry applied (its reason
// kept), rejected marks it rejected with HQ's reason (listed by `karvan-cli rejected`); a
// result's row replaces the local row (an order's HQ number and status, a customer's code).
// Pulled rows replace local rows; customer fields go through per-field last-writer-wins
// against field_versions, and a field this device wrote that loses to a later write elsewhere
// becomes a conflict record (base unknown, mine, theirs). Rows of entities with pending
// mutations are rebased: the pending values that still win are put back on top.
//
// Revocation: a 401 with error.wipe = true (device revoked, user disabled) wipes every local
// table (outbox included) and returns an error saying so.
class SyncEngine
{
public:
    // The store's sync_state holds device_id (also the HLC node id) and the cursor.
    SyncEngine(LocalStore &store, SyncTransport &transport, HlcClock &clock);

    using ProgressFn = std::function<void(const SyncProgressReport &)>;
    void setProgress(ProgressFn progress) { m_progress = std::move(progress); }
    // Mutations per push request (at most ProtocolLimits::maxMutations) and changes per pull.
    void setBatchSizes(int pushBatch, int pullBatch);
    // Encoded mutation bytes per push request (default 8 MiB, well inside HQ's 16 MiB body
    // limit): a batch is cut before the mutation that would pass it; a single mutation is always
    // sent (an attachment is at most 2 MiB).
    void setPushByteBudget(qint64 bytes) { m_pushBytes = std::max<qint64>(bytes, 1); }

    // A fresh device (empty cursor, no server rows, nothing pending) starts from HQ's bootstrap
    // snapshot of its scope (docs/sync-protocol.md 12) and pulls only what changed since; off, or
    // when HQ has none, it pulls page by page. chunkBytes: the most bytes per snapshot GET.
    void setSnapshotEnabled(bool enabled) { m_snapshot = enabled; }
    void setSnapshotChunkBytes(qint64 bytes) { m_snapshotChunk = std::max<qint64>(bytes, 1); }

    // Test hook for fault injection: called at named points ("push.sent", "push.stored",
    // "pull.received", "pull.applying", "snapshot.chunk", ...); returning false aborts the round
    // there with an error, rolling back the open local transaction, as if the device died at that
    // point.
    using FaultHook = std::function<bool(const QString &point)>;
    void setFaultHook(FaultHook hook) { m_faultHook = std::move(hook); }

    // One whole round: push, pull, rebase; writes last_sync_at when it completes.
    Result<SyncReport> sync();
    Result<SyncReport> push();
    Result<SyncReport> pull();

    // sync_state keys the engine owns (device_id is written at sign-in, see app/storeworker).
    static inline const QString DeviceIdKey = QStringLiteral("device_id");
    static inline const QString CursorKey = QStringLiteral("feed_cursor"); // base64

private:
    Result<QString> deviceId();
    Result<void> pushAll(SyncReport &report);
    // How many of the next outbox entries to send: at most the batch size and the byte budget.
    Result<int> pushBatchFitting();
    Result<void> pullAll(SyncReport &report);
    // Installs the bootstrap snapshot when the device is fresh and HQ has one.
    Result<void> bootstrapFromSnapshot(const QString &deviceId, SyncReport &report);
    // Sends one request and checks the HTTP status; a refusal becomes an Error (and a revoked
    // device is wiped here).
    Result<QByteArray> exchange(const QString &path, const QByteArray &body, SyncReport &report);
    // False when the fault hook asks to stop at point.
    bool proceed(const QString &point) const;
    Error stoppedAt(const QString &point) const;
    void mergeClock(const Hlc &remote);
    void report(SyncProgressReport::Phase phase);

    LocalStore &m_store;
    SyncTransport &m_transport;
    HlcClock &m_clock;
    ProgressFn m_progress;
    FaultHook m_faultHook;
    int m_pushBatch = 200;
    qint64 m_pushBytes = 8 * 1024 * 1024;
    int m_pullBatch = 2000;
    bool m_snapshot = true;
    // 1 MiB per GET: within the transfer timeout down to ~300 kbit/s (a slower link falls
    // back to paged pulls).
    qint64 m_snapshotChunk = 1024 * 1024;
    SyncProgressReport m_round; // progress of the round under way
};

// Deletes every row of every table of the device's store (the schema stays), in one
// transaction, then checkpoints and vacuums so the data is gone from the file too.
Result<void> wipeLocalData(LocalStore &store);

} // namespace karvan::sync
