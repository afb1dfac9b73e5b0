#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

// One write the device made that HQ has not confirmed yet. seq orders the queue (strictly
// increasing, never reused); mutationId makes a re-send idempotent at HQ.
struct OutboxMutation
{
    enum class State { Pending, Sent, Applied, Rejected };
    qint64 seq = 0; // assigned by append
    QUuid mutationId;
    QString entity; // "order", "customer", "ticket", ...
    QString entityId; // idToString of the entity's id
    QString op; // "create", "update", "comment", ...
    QByteArray payload;
    QDateTime createdAt;
    State state = State::Pending;
    QString resultReason; // HQ's reason for a rejection or a change
};

QString outboxStateName(OutboxMutation::State state);

// The durable queue of mutations (the sync engine drains it). Append inside the same
// LocalStore::transaction as the rows the mutation describes; see DocumentRepository::
// saveWithOutbox. Appends are refused during a BulkLoad (synchronous=NORMAL is not durable).
class OutboxRepository
{
public:
    explicit OutboxRepository(LocalStore &store)
        : m_store(store)
    { }

    // Appends a pending mutation and returns its seq. createdAt defaults to now.
    Result<qint64> append(const OutboxMutation &mutation);
    Result<OutboxMutation> get(qint64 seq);
    Result<OutboxMutation> findByMutationId(const QUuid &mutationId);
    // Oldest first.
    Result<QList<OutboxMutation>> withState(OutboxMutation::State state, int limit = 1000);
    Result<void> setState(qint64 seq, OutboxMutation::State state, const QString &reason = {});
    // Discards a mutation (the rep gave up on a rejected one). NotFound if unknown.
    Result<void> remove(qint64 seq);
    Result<qint64> countWithState(OutboxMutation::State state);

private:
    Result<QList<OutboxMutation>> load(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

// Small key/value facts the sync engine keeps: device id, feed cursor, last sync time.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(LocalStore &store)
        : m_store(store)
    { }

    // Keys shared by the sync engine (which writes them) and the app and CLI (which show them).
    static inline const QString LastSyncAt = QStringLiteral("last_sync_at"); // ISO UTC time

    // An empty string when the key was never set.
    Result<QString> value(const QString &key);
    Result<void> setValue(const QString &key, const QString &value);

private:
    LocalStore &m_store;
};

} // namespace karvan
