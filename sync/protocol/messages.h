#pragma once

#include "hlc.h"
#include "protocol/limits.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan::sync {

// The wire types of protocol version 1. Field names on the wire are in the comments
// (snake_case, identical in CBOR and JSON); docs/sync-protocol.md is the reference.

// One outbox entry sent to HQ. (device_id, seq) orders and deduplicates; mutation_id makes
// a re-send idempotent even if the device lost its seq counter.
struct SyncMutation
{
    qint64 seq = 0; // "seq": uint, > 0, strictly increasing per device
    QUuid mutationId; // "mutation_id": UUID text, 36 lowercase characters
    QString entity; // "entity": "order", "customer", ...
    QString entityId; // "entity_id"
    QString op; // "op": "create", "update", "comment", ...
    Hlc hlc; // "hlc": when the device made the change
    qint64 createdAtMs = 0; // "created_at": Unix ms, wall clock of the device, for humans
    QCborMap args; // "args": the operation's arguments (e.g. encodeDocumentMutation)
    bool operator==(const SyncMutation &) const = default;
};

struct PushRequest
{
    QUuid deviceId; // "device_id"
    QList<SyncMutation> mutations; // "mutations": in seq order
    bool operator==(const PushRequest &) const = default;
};

// HQ's verdict on one mutation; a re-sent mutation gets the recorded verdict back.
struct MutationResult
{
    enum class Status { Applied, AppliedWithChanges, Rejected };
    qint64 seq = 0; // "seq"
    QUuid mutationId; // "mutation_id"
    Status status = Status::Applied; // "status": "applied" | "applied_with_changes" | "rejected"
    QString reasonCode; // "reason_code": machine-readable, e.g. "archived", "out_of_scope"
    QString reason; // "reason": one line for the rep; required unless applied
    QString entity; // "entity": of the server's resulting row (empty: none)
    QString entityId; // "entity_id"
    Hlc rowHlc; // "row_hlc"
    QCborMap row; // "row": the server's row after applying (or as it stands when rejected)
    bool replayed = false; // "replayed": the recorded result of an earlier delivery
    bool operator==(const MutationResult &) const = default;
};

struct PushResponse
{
    QList<MutationResult> results; // "results": one per mutation, in request order
    Hlc serverHlc; // "server_hlc": for HlcClock::update; optional (null: not sent)
    bool operator==(const PushResponse &) const = default;
};

struct PullRequest
{
    QUuid deviceId; // "device_id"
    QByteArray cursor; // "cursor": opaque, from the previous next_cursor; empty: from scratch
    int maxChanges = 0; // "max_changes": 0 = server default; capped by the server's limit
    bool operator==(const PullRequest &) const = default;
};

struct RowChange
{
    enum class Op { Upsert, Tombstone };
    QString entity; // "entity"
    QString id; // "id"
    Op op = Op::Upsert; // "op": "upsert" | "tombstone"
    Hlc hlc; // "hlc"
    QCborMap row; // "row": the whole row for an upsert; empty for a tombstone
    bool operator==(const RowChange &) const = default;
};

struct SyncProgress
{
    qint64 recordsDone = 0; // "records_done"
    qint64 recordsTotal = 0; // "records_total": estimate, may grow; 0 = unknown
    qint64 bytesDone = 0; // "bytes_done"
    qint64 bytesTotal = 0; // "bytes_total": estimate; 0 = unknown
    bool operator==(const SyncProgress &) const = default;
};

struct PullResponse
{
    QList<RowChange> changes; // "changes"
    QByteArray nextCursor; // "next_cursor": resume from here (store it after applying)
    bool hasMore = false; // "has_more": pull again at once with next_cursor
    SyncProgress progress; // "progress"
    Hlc serverHlc; // "server_hlc": optional (null: not sent)
    bool operator==(const PullResponse &) const = default;
};

// The body of every refused request (HTTP 4xx/5xx), and what decoders report.
struct ProtocolError
{
    QString code; // "code": see ProtocolErrorCode
    QString message; // "message": one line
    QString field; // "field": path of the offending field, e.g. "mutations[3].seq"
    qint64 limit = 0; // "limit": the limit that was exceeded, 0 if none
    int supportedVersion = ProtocolVersion; // "supported_version"
    bool operator==(const ProtocolError &) const = default;
};

namespace ProtocolErrorCode {
inline constexpr QStringView BadEnvelope = u"bad_envelope"; // magic, flags, length
inline constexpr QStringView UnsupportedVersion = u"unsupported_version";
inline constexpr QStringView WrongMessage = u"wrong_message"; // a valid message of another type
inline constexpr QStringView BodyTooLarge = u"body_too_large";
inline constexpr QStringView TooManyItems = u"too_many_items"; // mutations, changes, array entries
inline constexpr QStringView StringTooLong = u"string_too_long";
inline constexpr QStringView TooDeep = u"too_deep";
inline constexpr QStringView Malformed = u"malformed"; // bad CBOR/JSON, wrong type, missing field
inline constexpr QStringView Unauthorized = u"unauthorized";
inline constexpr QStringView Internal = u"internal";
} // namespace ProtocolErrorCode

QString statusName(MutationResult::Status status);
QString opName(RowChange::Op op);

} // namespace karvan::sync
