#pragma once

#include "domain/result.h"
#include "protocol/messages.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace karvan::hq {

class Database;
struct UserRecord;

namespace sync {

// The change feed devices pull (docs/sync-protocol.md 5.3/5.4 and 5.7).
//
// sync_feed keeps, per scope, the latest change of every synced row: (scope, entity,
// entity_id) -> (version, op, hlc). The row itself is not copied: a pull reads it from the ERP
// tables as it stands then (the latest state is all a device needs), through wire rows
// (core/domain/wirerows.h).
//
// version is the feed clock of the transaction that last touched the row. The first touch in a
// transaction increments the single row of sync_feed_clock and keeps its row lock (PostgreSQL:
// UPDATE ... RETURNING; SQLite: the transaction already holds the write lock) until commit, so
// transactions that touch the feed commit in version order and a reader that sees version v has
// every version below v: the feed never skips a commit, with any number of HQ processes on one
// PostgreSQL database.
//
// Scopes: "catalog" (products, price lists, customer-independent prices, promotions, tax rules,
// warehouses, stock) for every device; "territory:CODE" for a customer and everything of that
// customer (customer prices, orders, quotes, invoices, payments, tickets, activities).
inline const QString CatalogScope = QStringLiteral("catalog");
QString territoryScope(const QString &territory);
// The scopes a user's devices receive: catalog plus the user's territories for reps and
// kiosks (kiosks: catalog only unless they have territories); std::nullopt (everything) for
// manager, finance, warehouse and admin.
std::optional<QStringList> scopesFor(const UserRecord &user);

class ChangeFeed
{
public:
    explicit ChangeFeed(Database &db)
        : m_db(db)
    { }

    // ---- writers: inside the caller's transaction (an error outside one) ----
    // Marks a row changed (upsert) in scope at this transaction's version.
    Result<void> touch(const QString &entity, const QString &entityId, const QString &scope,
                       const QString &hlc = {});
    // The row left scope or was archived/deleted: devices of that scope delete it.
    Result<void> tombstone(const QString &entity, const QString &entityId, const QString &scope,
                           const QString &hlc = {});
    // A row that belongs to a customer: touched in the customer's territory scope.
    Result<void> touchForCustomer(const QString &entity, const QString &entityId,
                                  const QString &customerId);
    // The customer itself (its territory scope; a tombstone when it is archived). When its
    // territory changed, everything of the customer moves: tombstones in the old scope,
    // upserts in the new one.
    Result<void> touchCustomer(const QString &customerId, const QString &previousTerritory = {});

    // Fills sync_feed from the ERP tables for every existing row (one INSERT ... SELECT per
    // entity), in the caller's transaction. For bulk loads (init --demo, imports) that write
    // with touches suspended.
    Result<void> rebuild();

    // ---- reader ----
    struct Page
    {
        QList<karvan::sync::RowChange> changes;
        QByteArray nextCursor;
        bool hasMore = false;
        karvan::sync::SyncProgress progress;
    };
    // The next changes after cursor for these scopes (std::nullopt: all), oldest version
    // first, at most maxChanges (capped at ProtocolLimits' 5000). A cursor from another scope
    // set (the user's territories changed) starts again from the beginning. A malformed cursor
    // is an InvalidArgument.
    Result<Page> read(const std::optional<QStringList> &scopes, const QByteArray &cursor,
                      int maxChanges);
    // The feed clock as committed (sync_feed_clock): every version up to it is committed and
    // readable, and it grows with every commit that touches the feed. Pages read after it was
    // read hold at least what was committed then (see PullPageCache).
    Result<qint64> committedClock();

private:
    Result<qint64> transactionVersion();
    Database &m_db;
};

// While alive on this thread, ChangeFeed::touch/tombstone/touch* do nothing (bulk loads call
// ChangeFeed::rebuild() at the end instead).
class FeedTouchesSuspended
{
public:
    FeedTouchesSuspended();
    ~FeedTouchesSuspended();
    FeedTouchesSuspended(const FeedTouchesSuspended &) = delete;
    FeedTouchesSuspended &operator=(const FeedTouchesSuspended &) = delete;
    static bool active();
};

} // namespace sync
} // namespace karvan::hq
