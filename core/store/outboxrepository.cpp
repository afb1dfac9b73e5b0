#include "store/outboxrepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

const QString Columns = u"seq, mutation_id, entity, entity_id, op, payload, created_at, state, "
                        u"result_reason"_s;

OutboxMutation::State parseState(const QString &name)
{
    if (name == u"sent"_s)
        return OutboxMutation::State::Sent;
    if (name == u"applied"_s)
        return OutboxMutation::State::Applied;
    if (name == u"rejected"_s)
        return OutboxMutation::State::Rejected;
    return OutboxMutation::State::Pending;
}

} // namespace

QString outboxStateName(OutboxMutation::State state)
{
    switch (state) {
    case OutboxMutation::State::Pending:
        return u"pending"_s;
    case OutboxMutation::State::Sent:
        return u"sent"_s;
    case OutboxMutation::State::Applied:
        return u"applied"_s;
    case OutboxMutation::State::Rejected:
        return u"rejected"_s;
    }
    return u"pending"_s;
}

Result<qint64> OutboxRepository::append(const OutboxMutation &m)
{
    if (m_store.inBulkLoad())
        return makeError(ErrorCode::Conflict,
                         u"the outbox does not take mutations during a bulk load (not durable)"_s);
    if (m.mutationId.isNull() || m.entity.isEmpty() || m.op.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"an outbox mutation needs a mutation id, an entity and an op"_s);
    auto q = m_store.prepared(u"INSERT INTO outbox (mutation_id, entity, entity_id, op, payload, "
                              u"created_at, state, updated_at) "
                              u"VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING seq"_s);
    if (!q)
        return q.error();
    const QDateTime created = m.createdAt.isValid() ? m.createdAt : QDateTime::currentDateTimeUtc();
    (*q)->bindValue(0, idToString(m.mutationId));
    (*q)->bindValue(1, m.entity);
    (*q)->bindValue(2, text(m.entityId));
    (*q)->bindValue(3, m.op);
    (*q)->bindValue(4, m.payload.isNull() ? QByteArray("") : m.payload);
    (*q)->bindValue(5, dateTime(created));
    (*q)->bindValue(6, dateTime(created));
    const QString what = u"cannot append mutation %1 to the outbox"_s.arg(idToString(m.mutationId));
    if (auto r = run(**q, what); !r)
        return r.error();
    if (!(*q)->next())
        return storageError(what, (*q)->lastError());
    const qint64 seq = (*q)->value(0).toLongLong();
    (*q)->finish();
    return seq;
}

Result<QList<OutboxMutation>> OutboxRepository::load(const QString &where,
                                                     const QVariantList &values)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM outbox WHERE "_s + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read the outbox"_s); !r)
        return r.error();
    QList<OutboxMutation> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        OutboxMutation m;
        m.seq = row.value(0).toLongLong();
        m.mutationId = toId(row.value(1));
        m.entity = row.value(2).toString();
        m.entityId = row.value(3).toString();
        m.op = row.value(4).toString();
        m.payload = row.value(5).toByteArray();
        m.createdAt = toDateTime(row.value(6));
        m.state = parseState(row.value(7).toString());
        m.resultReason = row.value(8).toString();
        result.append(m);
    }
    (*q)->finish();
    return result;
}

Result<OutboxMutation> OutboxRepository::get(qint64 seq)
{
    auto list = load(u"seq = ?"_s, {seq});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::NotFound, u"no outbox mutation with seq %1"_s.arg(seq));
    return list->first();
}

Result<OutboxMutation> OutboxRepository::findByMutationId(const QUuid &mutationId)
{
    auto list = load(u"mutation_id = ?"_s, {idToString(mutationId)});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no outbox mutation %1"_s.arg(idToString(mutationId)));
    return list->first();
}

Result<QList<OutboxMutation>> OutboxRepository::withState(OutboxMutation::State state, int limit)
{
    return load(u"state = ? ORDER BY seq LIMIT ?"_s, {outboxStateName(state), std::max(limit, 1)});
}

Result<void> OutboxRepository::setState(qint64 seq, OutboxMutation::State state,
                                        const QString &reason)
{
    auto q = m_store.prepared(
        u"UPDATE outbox SET state = ?, result_reason = ?, updated_at = ? WHERE seq = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, outboxStateName(state));
    (*q)->bindValue(1, text(reason));
    (*q)->bindValue(2, dateTime(QDateTime::currentDateTimeUtc()));
    (*q)->bindValue(3, seq);
    if (auto r = run(**q, u"cannot update outbox mutation"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, u"no outbox mutation with seq %1"_s.arg(seq));
    return {};
}

Result<void> OutboxRepository::remove(qint64 seq)
{
    auto q = m_store.prepared(u"DELETE FROM outbox WHERE seq = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, seq);
    if (auto r = run(**q, u"cannot remove outbox mutation"_s); !r)
        return r;
    if ((*q)->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, u"no outbox mutation with seq %1"_s.arg(seq));
    return {};
}

Result<qint64> OutboxRepository::countWithState(OutboxMutation::State state)
{
    auto q = m_store.prepared(u"SELECT count(*) FROM outbox WHERE state = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, outboxStateName(state));
    if (auto r = run(**q, u"cannot count the outbox"_s); !r)
        return r.error();
    const qint64 n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Result<QString> SyncStateRepository::value(const QString &key)
{
    auto q = m_store.prepared(u"SELECT value FROM sync_state WHERE key = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, key);
    if (auto r = run(**q, u"cannot read sync state"_s); !r)
        return r.error();
    const QString v = (*q)->next() ? (*q)->value(0).toString() : QString();
    (*q)->finish();
    return v;
}

Result<void> SyncStateRepository::setValue(const QString &key, const QString &value)
{
    auto q = m_store.prepared(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, key);
    (*q)->bindValue(1, text(value));
    return run(**q, u"cannot save sync state "_s + key);
}

} // namespace karvan
