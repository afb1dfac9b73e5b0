#pragma once

// Valid messages with every field set, shared by the codec tests and the fuzzer's corpus.
#include "protocol/codec.h"

#include <QCborArray>

namespace karvan::sync::samples {

using namespace Qt::StringLiterals;

inline Hlc hlc(qint64 wall, quint32 counter, const QString &node = u"dev-1"_s)
{
    return Hlc {wall, counter, node};
}

inline QCborMap customerRow(int i = 0)
{
    // Keys in QString order: the JSON form sorts object keys, so only sorted rows come back
    // from JSON in the same order (QCborMap equality is order-sensitive).
    return QCborMap {{u"address"_s, QCborMap {{u"city"_s, u"Tabriz"_s}, {u"zip"_s, 51368}}},
                     {u"archived"_s, false},
                     {u"balance"_s, qint64(-1234)},
                     {u"credit_limit"_s, qint64(5000000) + i},
                     {u"name"_s, u"Bazar-e Tehran %1 — بازار"_s.arg(i)},
                     {u"phone"_s, QCborValue(nullptr)},
                     {u"rating"_s, 4.5},
                     {u"tags"_s, QCborArray {u"vip"_s, u"north"_s}}};
}

inline SyncMutation mutation(qint64 seq)
{
    SyncMutation m;
    m.seq = seq;
    m.mutationId = QUuid::fromString(u"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"_s);
    m.mutationId.data4[7] = uchar(seq);
    m.entity = u"customer"_s;
    m.entityId = u"0190a1b2-0000-7000-8000-000000000001"_s;
    m.op = u"update"_s;
    m.hlc = hlc(1718000000000 + seq, quint32(seq));
    m.createdAtMs = 1718000000000 + seq;
    m.args = customerRow(int(seq));
    return m;
}

inline PushRequest pushRequest(int count = 3)
{
    PushRequest r;
    r.deviceId = QUuid::fromString(u"0190a1b2-aaaa-7bbb-8ccc-dddddddddddd"_s);
    for (int i = 1; i <= count; ++i)
        r.mutations.append(mutation(i));
    return r;
}

inline PushResponse pushResponse()
{
    PushResponse r;
    MutationResult applied;
    applied.seq = 1;
    applied.mutationId = mutation(1).mutationId;
    applied.status = MutationResult::Status::Applied;
    r.results.append(applied);

    MutationResult changed;
    changed.seq = 2;
    changed.mutationId = mutation(2).mutationId;
    changed.status = MutationResult::Status::AppliedWithChanges;
    changed.reasonCode = u"repriced"_s;
    changed.reason = u"price list changed: line 2 now 1,200.00"_s;
    changed.entity = u"order"_s;
    changed.entityId = u"0190a1b2-0000-7000-8000-000000000002"_s;
    changed.rowHlc = hlc(1718000000100, 0, u"hq"_s);
    changed.row = customerRow(2);
    changed.replayed = true;
    r.results.append(changed);

    MutationResult rejected;
    rejected.seq = 3;
    rejected.mutationId = mutation(3).mutationId;
    rejected.status = MutationResult::Status::Rejected;
    rejected.reasonCode = u"archived"_s;
    rejected.reason = u"customer C-1001 is archived"_s;
    rejected.entity = u"customer"_s;
    rejected.entityId = u"0190a1b2-0000-7000-8000-000000000001"_s;
    rejected.rowHlc = hlc(1718000000200, 3, u"hq"_s);
    rejected.row = QCborMap {{u"archived"_s, true}};
    r.results.append(rejected);
    r.serverHlc = hlc(1718000000300, 7, u"hq"_s);
    return r;
}

inline PullRequest pullRequest()
{
    PullRequest r;
    r.deviceId = pushRequest(0).deviceId;
    r.cursor = QByteArray("\x00\x01\xfe\xff"
                          "cursor",
                          10);
    r.maxChanges = 2000;
    return r;
}

inline PullResponse pullResponse(int count = 4)
{
    PullResponse r;
    for (int i = 0; i < count; ++i) {
        RowChange c;
        c.entity = u"customer"_s;
        c.id = u"0190a1b2-0000-7000-8000-%1"_s.arg(i, 12, 10, QLatin1Char('0'));
        c.op = i % 4 == 3 ? RowChange::Op::Tombstone : RowChange::Op::Upsert;
        c.hlc = hlc(1718000000000 + i, 0, u"hq"_s);
        if (c.op == RowChange::Op::Upsert)
            c.row = customerRow(i);
        r.changes.append(c);
    }
    r.nextCursor = QByteArray("next\x00\x01", 6);
    r.hasMore = true;
    r.progress = SyncProgress {count, 100000, qint64(count) * 200, 20000000};
    r.serverHlc = hlc(1718000009999, 1, u"hq"_s);
    return r;
}

inline ProtocolError protocolError()
{
    return ProtocolError {u"too_many_items"_s,
                          u"mutations: 501 mutations exceed the limit of 500"_s, u"mutations"_s,
                          500, 1};
}

} // namespace karvan::sync::samples
