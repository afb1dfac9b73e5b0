// Decoders: stream over the body with CborInput, filling the structs field by field. Only
// rows and mutation args become QCborMaps; the message itself never exists as a DOM.
#include "protocol/cborinput.h"

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::sync::detail {

namespace {

constexpr qint64 MaxInt64 = std::numeric_limits<qint64>::max();

// Reads a map whose known keys are names[i]; calls onField(i, path) for each known key and
// skips (after checking) unknown ones: version-1 readers ignore fields they do not know.
// Duplicate keys and missing required keys (bit i of required) are refused.
template<size_t N, typename F>
bool readFields(CborInput &in, const FieldPath &path, const std::array<QStringView, N> &names,
                quint32 required, const ProtocolLimits &limits, F &&onField)
{
    static_assert(N <= 32);
    if (!in.enterMap(path, limits.maxMapEntries))
        return false;
    quint32 seen = 0;
    QSet<QString> unknown;
    QString key;
    qint64 entries = 0;
    while (in.hasNext()) {
        if (++entries > limits.maxMapEntries)
            return in.fail(ProtocolErrorCode::TooManyItems, path,
                           u"map exceeds the limit of %1 entries"_s.arg(limits.maxMapEntries),
                           limits.maxMapEntries);
        if (!in.readKey(path, &key))
            return false;
        const FieldPath child = path.child(key);
        if (!in.hasNext())
            return in.malformed(child, u"key without a value"_s);
        int index = -1;
        for (size_t i = 0; i < N; ++i) {
            if (names[i] == key) {
                index = int(i);
                break;
            }
        }
        if (index < 0) {
            if (unknown.contains(key))
                return in.malformed(child, u"duplicate key"_s);
            unknown.insert(key);
            if (!in.skipValue(child))
                return false;
            continue;
        }
        if (seen & (1u << index))
            return in.malformed(child, u"duplicate key"_s);
        seen |= 1u << index;
        if (!onField(index, child))
            return false;
    }
    if (!in.leave(path))
        return false;
    for (size_t i = 0; i < N; ++i) {
        if ((required & (1u << i)) && !(seen & (1u << i)))
            return in.malformed(path.child(names[i]), u"required field is missing"_s);
    }
    return true;
}

template<typename F>
bool readArray(CborInput &in, const FieldPath &path, qint64 maxItems, QStringView what,
               QStringView code, F &&onItem)
{
    if (!in.enterArray(path, maxItems, what, code))
        return false;
    qint64 i = 0;
    while (in.hasNext()) {
        if (i >= maxItems)
            return in.fail(code, path, u"more than %1 %2"_s.arg(maxItems).arg(what), maxItems);
        if (!onItem(path.at(i)))
            return false;
        ++i;
    }
    return in.leave(path);
}

bool readMutation(CborInput &in, const FieldPath &path, const ProtocolLimits &limits,
                  SyncMutation *m)
{
    static constexpr std::array<QStringView, 8> names {
        u"seq", u"mutation_id", u"entity", u"entity_id", u"op", u"hlc", u"created_at", u"args"};
    return readFields(in, path, names, 0b0111111, limits, [&](int i, const FieldPath &p) {
        switch (i) {
        case 0:
            return in.readInteger(p, &m->seq, 1, MaxInt64);
        case 1:
            return in.readUuid(p, &m->mutationId);
        case 2:
            return in.readText(p, &m->entity, false);
        case 3:
            return in.readText(p, &m->entityId, false);
        case 4:
            return in.readText(p, &m->op, false);
        case 5:
            return in.readHlc(p, &m->hlc);
        case 6:
            return in.readInteger(p, &m->createdAtMs, 0, Hlc::MaxWallMs);
        default:
            return in.readRow(p, &m->args);
        }
    });
}

bool readResult(CborInput &in, const FieldPath &path, const ProtocolLimits &limits,
                MutationResult *r)
{
    static constexpr std::array<QStringView, 10> names {
        u"seq",      u"mutation_id", u"status",    u"reason_code", u"reason",
        u"replayed", u"entity",      u"entity_id", u"row_hlc",     u"row"};
    quint32 present = 0;
    const bool ok = readFields(in, path, names, 0b111, limits, [&](int i, const FieldPath &p) {
        present |= 1u << i;
        switch (i) {
        case 0:
            return in.readInteger(p, &r->seq, 1, MaxInt64);
        case 1:
            return in.readUuid(p, &r->mutationId);
        case 2: {
            QString status;
            if (!in.readText(p, &status))
                return false;
            if (status == u"applied")
                r->status = MutationResult::Status::Applied;
            else if (status == u"applied_with_changes")
                r->status = MutationResult::Status::AppliedWithChanges;
            else if (status == u"rejected")
                r->status = MutationResult::Status::Rejected;
            else
                return in.malformed(p, u"unknown status \"%1\""_s.arg(status.left(64)));
            return true;
        }
        case 3:
            return in.readText(p, &r->reasonCode);
        case 4:
            return in.readText(p, &r->reason);
        case 5:
            return in.readBool(p, &r->replayed);
        case 6:
            return in.readText(p, &r->entity, false);
        case 7:
            return in.readText(p, &r->entityId, false);
        case 8:
            return in.readHlc(p, &r->rowHlc);
        default:
            return in.readRow(p, &r->row);
        }
    });
    if (!ok)
        return false;
    if (r->status != MutationResult::Status::Applied && r->reason.isEmpty())
        return in.malformed(path.child(u"reason"),
                            u"required when status is %1"_s.arg(statusName(r->status)));
    constexpr quint32 rowGroup = (1u << 6) | (1u << 7) | (1u << 8) | (1u << 9);
    if ((present & rowGroup) != 0 && (present & rowGroup) != rowGroup)
        return in.malformed(path, u"entity, entity_id, row_hlc and row come together"_s);
    return true;
}

bool readChange(CborInput &in, const FieldPath &path, const ProtocolLimits &limits, RowChange *c)
{
    static constexpr std::array<QStringView, 5> names {u"entity", u"id", u"op", u"hlc", u"row"};
    bool hasRow = false;
    const bool ok = readFields(in, path, names, 0b1111, limits, [&](int i, const FieldPath &p) {
        switch (i) {
        case 0:
            return in.readText(p, &c->entity, false);
        case 1:
            return in.readText(p, &c->id, false);
        case 2: {
            QString op;
            if (!in.readText(p, &op))
                return false;
            if (op == u"upsert")
                c->op = RowChange::Op::Upsert;
            else if (op == u"tombstone")
                c->op = RowChange::Op::Tombstone;
            else
                return in.malformed(p, u"unknown op \"%1\""_s.arg(op.left(64)));
            return true;
        }
        case 3:
            return in.readHlc(p, &c->hlc);
        default:
            hasRow = true;
            return in.readRow(p, &c->row);
        }
    });
    if (ok && c->op == RowChange::Op::Upsert && !hasRow)
        return in.malformed(path.child(u"row"), u"required for an upsert"_s);
    return ok;
}

bool readProgress(CborInput &in, const FieldPath &path, const ProtocolLimits &limits,
                  SyncProgress *p)
{
    static constexpr std::array<QStringView, 4> names {u"records_done", u"records_total",
                                                       u"bytes_done", u"bytes_total"};
    return readFields(in, path, names, 0, limits, [&](int i, const FieldPath &f) {
        qint64 *targets[] = {&p->recordsDone, &p->recordsTotal, &p->bytesDone, &p->bytesTotal};
        return in.readInteger(f, targets[i], 0, MaxInt64);
    });
}

template<typename T, typename F>
Result<T> run(const QByteArray &body, const ProtocolLimits &limits, bool jsonForm,
              ProtocolError *failure, F &&read)
{
    CborInput in(body, limits, jsonForm);
    T message;
    const FieldPath root;
    if (read(in, root, message) && in.atEndOfBody(root)) {
        if (failure)
            *failure = ProtocolError {};
        return message;
    }
    return toError(in.failure(), failure);
}

} // namespace

Error toError(const DecodeFailure &failure, ProtocolError *out)
{
    const QString line = failure.field + u": "_s + failure.detail;
    if (out)
        *out = ProtocolError {failure.code, line, failure.field, failure.limit, ProtocolVersion};
    return makeError(ErrorCode::InvalidArgument, line);
}

template<>
Result<PushRequest> decodeBody<PushRequest>(const QByteArray &body, const ProtocolLimits &limits,
                                            bool jsonForm, ProtocolError *failure)
{
    return run<PushRequest>(
        body, limits, jsonForm, failure,
        [&](CborInput &in, const FieldPath &root, PushRequest &msg) {
            static constexpr std::array<QStringView, 2> names {u"device_id", u"mutations"};
            return readFields(in, root, names, 0b11, limits, [&](int i, const FieldPath &p) {
                if (i == 0)
                    return in.readUuid(p, &msg.deviceId);
                return readArray(
                    in, p, limits.maxMutationsPerPush, u"mutations",
                    ProtocolErrorCode::TooManyItems, [&](const FieldPath &item) {
                        SyncMutation m;
                        if (!readMutation(in, item, limits, &m))
                            return false;
                        if (!msg.mutations.isEmpty() && m.seq <= msg.mutations.constLast().seq)
                            return in.malformed(item.child(u"seq"),
                                                u"%1 is not greater than the previous "
                                                u"seq %2 (push in seq order)"_s.arg(m.seq)
                                                    .arg(msg.mutations.constLast().seq));
                        msg.mutations.append(std::move(m));
                        return true;
                    });
            });
        });
}

template<>
Result<PushResponse> decodeBody<PushResponse>(const QByteArray &body, const ProtocolLimits &limits,
                                              bool jsonForm, ProtocolError *failure)
{
    return run<PushResponse>(
        body, limits, jsonForm, failure,
        [&](CborInput &in, const FieldPath &root, PushResponse &msg) {
            static constexpr std::array<QStringView, 2> names {u"results", u"server_hlc"};
            return readFields(in, root, names, 0b01, limits, [&](int i, const FieldPath &p) {
                if (i == 1)
                    return in.readHlc(p, &msg.serverHlc);
                return readArray(in, p, limits.maxMutationsPerPush, u"results",
                                 ProtocolErrorCode::TooManyItems, [&](const FieldPath &item) {
                                     MutationResult r;
                                     if (!readResult(in, item, limits, &r))
                                         return false;
                                     msg.results.append(std::move(r));
                                     return true;
                                 });
            });
        });
}

template<>
Result<PullRequest> decodeBody<PullRequest>(const QByteArray &body, const ProtocolLimits &limits,
                                            bool jsonForm, ProtocolError *failure)
{
    return run<PullRequest>(
        body, limits, jsonForm, failure,
        [&](CborInput &in, const FieldPath &root, PullRequest &msg) {
            static constexpr std::array<QStringView, 3> names {u"device_id", u"cursor",
                                                               u"max_changes"};
            return readFields(in, root, names, 0b001, limits, [&](int i, const FieldPath &p) {
                if (i == 0)
                    return in.readUuid(p, &msg.deviceId);
                if (i == 1)
                    return in.readBytes(p, &msg.cursor);
                qint64 max = 0;
                if (!in.readInteger(p, &max, 0, std::numeric_limits<int>::max()))
                    return false;
                msg.maxChanges = int(max);
                return true;
            });
        });
}

template<>
Result<PullResponse> decodeBody<PullResponse>(const QByteArray &body, const ProtocolLimits &limits,
                                              bool jsonForm, ProtocolError *failure)
{
    return run<PullResponse>(
        body, limits, jsonForm, failure,
        [&](CborInput &in, const FieldPath &root, PullResponse &msg) {
            static constexpr std::array<QStringView, 5> names {
                u"changes", u"next_cursor", u"has_more", u"progress", u"server_hlc"};
            return readFields(in, root, names, 0b00111, limits, [&](int i, const FieldPath &p) {
                switch (i) {
                case 0:
                    return readArray(in, p, limits.maxChangesPerBatch, u"changes",
                                     ProtocolErrorCode::TooManyItems, [&](const FieldPath &item) {
                                         RowChange c;
                                         if (!readChange(in, item, limits, &c))
                                             return false;
                                         msg.changes.append(std::move(c));
                                         return true;
                                     });
                case 1:
                    return in.readBytes(p, &msg.nextCursor);
                case 2:
                    return in.readBool(p, &msg.hasMore);
                case 3:
                    return readProgress(in, p, limits, &msg.progress);
                default:
                    return in.readHlc(p, &msg.serverHlc);
                }
            });
        });
}

template<>
Result<ProtocolError> decodeBody<ProtocolError>(const QByteArray &body,
                                                const ProtocolLimits &limits, bool jsonForm,
                                                ProtocolError *failure)
{
    return run<ProtocolError>(
        body, limits, jsonForm, failure,
        [&](CborInput &in, const FieldPath &root, ProtocolError &msg) {
            static constexpr std::array<QStringView, 5> names {u"code", u"message", u"field",
                                                               u"limit", u"supported_version"};
            return readFields(in, root, names, 0b00011, limits, [&](int i, const FieldPath &p) {
                switch (i) {
                case 0:
                    return in.readText(p, &msg.code, false);
                case 1:
                    return in.readText(p, &msg.message);
                case 2:
                    return in.readText(p, &msg.field);
                case 3:
                    return in.readInteger(p, &msg.limit, 0, MaxInt64);
                default: {
                    qint64 v = 0;
                    if (!in.readInteger(p, &v, 0, 255))
                        return false;
                    msg.supportedVersion = int(v);
                    return true;
                }
                }
            });
        });
}

} // namespace karvan::sync::detail

namespace karvan::sync {

namespace {

template<typename T>
Result<T> decodeWire(QByteArrayView wire, MessageType type, const ProtocolLimits &limits,
                     ProtocolError *failure)
{
    QByteArray body;
    detail::DecodeFailure envelopeFailure;
    if (!detail::unwrapEnvelope(wire, type, limits, &body, &envelopeFailure))
        return detail::toError(envelopeFailure, failure);
    return detail::decodeBody<T>(body, limits, false, failure);
}

} // namespace

Result<PushRequest> decodePushRequest(QByteArrayView wire, const ProtocolLimits &limits,
                                      ProtocolError *failure)
{
    return decodeWire<PushRequest>(wire, MessageType::PushRequest, limits, failure);
}

Result<PushResponse> decodePushResponse(QByteArrayView wire, const ProtocolLimits &limits,
                                        ProtocolError *failure)
{
    return decodeWire<PushResponse>(wire, MessageType::PushResponse, limits, failure);
}

Result<PullRequest> decodePullRequest(QByteArrayView wire, const ProtocolLimits &limits,
                                      ProtocolError *failure)
{
    return decodeWire<PullRequest>(wire, MessageType::PullRequest, limits, failure);
}

Result<PullResponse> decodePullResponse(QByteArrayView wire, const ProtocolLimits &limits,
                                        ProtocolError *failure)
{
    return decodeWire<PullResponse>(wire, MessageType::PullResponse, limits, failure);
}

Result<ProtocolError> decodeProtocolError(QByteArrayView wire, const ProtocolLimits &limits,
                                          ProtocolError *failure)
{
    return decodeWire<ProtocolError>(wire, MessageType::ProtocolError, limits, failure);
}

} // namespace karvan::sync
