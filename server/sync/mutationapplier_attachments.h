#pragma once

// HQ's side of the "attachment" create mutation (docs/sync-protocol.md 5.6): a signature on an
// order or quote, a photo of a visit. Used by MutationApplier inside the mutation's savepoint.

#include "auth/deviceregistry.h"
#include "domain/result.h"
#include "protocol/messages.h"

#include <QString>

namespace karvan::hq {
class Database;
}

namespace karvan::hq::sync {

struct AttachmentVerdict
{
    bool rejected = false;
    QString reasonCode; // validation | not_found | out_of_scope (when rejected)
    QString reason;
    QString territory; // out_of_scope: the territory the caller does not cover
};

// The largest attachment HQ takes (AttachmentService::MaxBytes on the device).
inline constexpr qint64 MaxAttachmentBytes = 2 * 1024 * 1024;

// Validates and stores one attachment: args.id equal to entity_id, entity order|quote|activity
// with its kind (signature|photo), mime image/png|image/jpeg matching the data's magic bytes,
// 1..MaxAttachmentBytes bytes whose SHA-256 is args.sha256; the document or activity must be
// known at HQ (not_found otherwise) and in the caller's scope (out_of_scope otherwise). The row
// is written once (an id already stored with the same bytes is accepted as it is) with an audit
// entry "attachment.create". Only storage failures are errors.
Result<AttachmentVerdict> applyAttachmentCreate(Database &db, const Caller &caller,
                                                const karvan::sync::SyncMutation &mutation);

} // namespace karvan::hq::sync
