#pragma once

#include "auth/deviceregistry.h"
#include "domain/result.h"
#include "protocol/messages.h"

namespace karvan::hq {

class Database;

namespace sync {

// HQ's side of a push (docs/sync-protocol.md sections 5.1, 5.2, 5.6, 7, 8).
//
// A push runs in one transaction (a savepoint of sync::PushCommitter's batch when it comes
// over HTTP); each mutation is applied in a savepoint of its own
// together with its sync_mutations row (device_id, seq, mutation_id, status, reason_code,
// reason, result entity/id), so a mutation is applied exactly once whatever the network does: a
// re-sent one gets the recorded result back (replayed = true; its row is read as it stands now).
// One rejected mutation never stops the ones after it.
//
// Entity rules (ARCHITECTURE.md, conflict table):
//  - customer create/update: per-field last-writer-wins by HLC against customer_field_versions;
//    a field that loses is not written and the result is applied_with_changes naming it;
//    HQ-only fields are rejected (hq_only_field); an archived customer rejects updates
//    (archived); a customer outside the caller's territories is rejected (out_of_scope) and
//    the attempt is audited (sync.forged_mutation). A customer created offline gets its code.
//  - order create: erp::SalesOrders::intake (re-priced, credit-checked, allocated or
//    backordered); the result's status/reason tell confirmed, credit_hold, backordered,
//    repriced; quote create: stored with HQ's prices and validity.
//  - ticket create/comment/status, activity create: append-only / workflow-checked.
// Every change touches the change feed in the same transaction.
class MutationApplier
{
public:
    explicit MutationApplier(Database &db)
        : m_db(db)
    { }

    // One result per mutation, in order. An error only when the database fails (the device
    // retries the whole push; everything applied so far is recorded).
    Result<karvan::sync::PushResponse> apply(const Caller &caller,
                                             const karvan::sync::PushRequest &request);

private:
    Database &m_db;
};

} // namespace sync
} // namespace karvan::hq
