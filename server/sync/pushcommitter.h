#pragma once

#include "auth/deviceregistry.h"
#include "domain/result.h"
#include "protocol/messages.h"

namespace karvan::hq {

class Database;

namespace sync {

// Group commit of device pushes (docs/sync-protocol.md section 7).
//
// One thread per database applies pushes, and the pushes that arrived while it was busy are
// applied together in one transaction, each in a savepoint of its own (MutationApplier::apply
// nested): one commit, one write of the pages they all touch (the feed clock, the tails of
// sync_feed, sync_mutations and the audit chain), one reset of the readers' page caches,
// instead of one per push. A push's response is returned only after the transaction that
// holds it has committed, so nothing is acknowledged that a crash could still undo.
//
// A push that fails on storage is rolled back to its savepoint and gets the error (the device
// sends it again); the others of its batch commit. A transient conflict (PostgreSQL deadlock or
// serialization failure) rolls back and retries the whole batch, as Database::transaction
// does for one push. A failed commit fails every push of its batch, and none is recorded.
//
// KARVAN_HQ_PUSH_GATHER_MS (default 0, at most 1000): how long the committer waits, once a push
// is queued, for others to join its batch. With 0 a batch is what queued while the previous
// one ran, which under load is already many pushes; tests use it to make batching certain.
class PushCommitter
{
public:
    // Applies the push in the next batch and blocks the calling thread until that batch has
    // committed (or failed). Safe from any number of threads.
    static Result<karvan::sync::PushResponse> apply(Database &db, const Caller &caller,
                                                    const karvan::sync::PushRequest &request);

    // Finishes the queued batches and stops db's committer thread; a later apply() starts a new
    // one. HqServer calls this after its request workers are done.
    static void stop(Database &db);

    // At most this many pushes, and (unless the first push alone is larger) mutations, per batch.
    static constexpr int MaxPushesPerBatch = 64;
    static constexpr int MaxMutationsPerBatch = 2000;

    // Since the process started, over every database: batches committed, and the pushes and
    // mutations they held (GET /metrics).
    struct Totals
    {
        quint64 commits = 0;
        quint64 pushes = 0;
        quint64 mutations = 0;
    };
    static Totals totals();
};

} // namespace sync
} // namespace karvan::hq
