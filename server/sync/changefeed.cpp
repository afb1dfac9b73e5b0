#include "sync/changefeed.h"

#include "auth/userdirectory.h"
#include "domain/wirerows.h"
#include "protocol/limits.h"
#include "storage/database.h"
#include "sync/feedrows.h"
#include "sync/hqclock.h"

#include <QCborArray>
#include <QCborValue>
#include <QCryptographicHash>
#include <QSqlQuery>

#include <QSet>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

thread_local int t_suspended = 0;

// The feed version of the current transaction, keyed on Database::transactionSerial() (unique
// in the process, renewed on begin and on any savepoint rollback).
struct VersionCache
{
    quint64 serial = 0;
    qint64 version = 0;
};
thread_local VersionCache t_version;

const QString Upsert = u"upsert"_s;
const QString Tombstone = u"tombstone"_s;

const QString UpsertSql = u"INSERT INTO sync_feed (scope, entity, entity_id, version, op, hlc) "
                          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, entity, entity_id) DO "
                          "UPDATE SET version = excluded.version, op = excluded.op, "
                          "hlc = excluded.hlc"_s;
const QString OnConflict = u" ON CONFLICT (scope, entity, entity_id) DO UPDATE SET version = "
                           "excluded.version, op = excluded.op, hlc = excluded.hlc"_s;

Error invalidArgument(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_s);
    return marks.join(u", "_s);
}

// Rows that belong to one customer: the entity, its table, the feed id and the customer
// column (expressions over alias t).
struct OwnedEntity
{
    QString entity;
    QString from;
    QString idExpr;
    QString where;
};

const QList<OwnedEntity> &ownedEntities()
{
    static const QList<OwnedEntity> list {
        {wire::entity::CustomerPrice,
         u"customer_prices t"_s,
         u"t.customer_id || '@' || t.sku"_s,
         {}},
        {wire::entity::Order, u"sales_orders t"_s, u"t.id"_s, {}},
        {wire::entity::Quote, u"sales_quotes t"_s, u"t.id"_s, {}},
        {wire::entity::Invoice, u"invoices t"_s, u"t.id"_s, u"t.kind = 'invoice'"_s},
        {wire::entity::Payment, u"payments t"_s, u"t.id"_s, {}},
        {wire::entity::Ticket, u"tickets t"_s, u"t.id"_s, {}},
        {wire::entity::Activity, u"activities t"_s, u"t.id"_s, {}},
    };
    return list;
}

// Catalog rows: entity, table, feed id expression.
const QList<std::array<QString, 3>> &catalogEntities()
{
    static const QList<std::array<QString, 3>> list {
        {wire::entity::Product, u"products"_s, u"id"_s},
        {wire::entity::PriceList, u"price_lists"_s, u"id"_s},
        {wire::entity::Promotion, u"promotions"_s, u"id"_s},
        {wire::entity::TaxRule, u"tax_rules"_s, u"tax_class || '@' || region"_s},
        {wire::entity::Warehouse, u"warehouses"_s, u"id"_s},
        {wire::entity::Stock, u"stock"_s, u"sku || '@' || warehouse_code"_s},
    };
    return list;
}

// ---- cursor ----------------------------------------------------------------------------------

constexpr qint64 CursorFormat = 1;

struct Position
{
    bool started = false; // false: from the beginning of the feed
    qint64 version = 0;
    QString scope;
    QString entity;
    QString entityId;
    qint64 recordsDone = 0;
    qint64 bytesDone = 0;
    qint64 recordsTotal = 0; // the estimate made when this sync began
    bool caughtUp = false; // the batch that made this cursor was the last: a new sync begins
};

QByteArray scopeHash(const std::optional<QStringList> &scopes)
{
    QByteArray text = "*";
    if (scopes) {
        QStringList sorted = *scopes;
        sorted.sort();
        sorted.removeDuplicates();
        text = sorted.join(QChar(0)).toUtf8();
        text.prepend('S');
    }
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256).left(8);
}

QByteArray encodeCursor(const QByteArray &hash, const Position &p)
{
    QCborArray a {CursorFormat, hash,          p.version,   p.scope,        p.entity,
                  p.entityId,   p.recordsDone, p.bytesDone, p.recordsTotal, p.caughtUp};
    return a.toCborValue().toCbor();
}

// std::nullopt: the cursor belongs to another scope set (start again).
Result<std::optional<Position>> decodeCursor(const QByteArray &cursor, const QByteArray &hash)
{
    const Error bad = invalidArgument(u"cursor: not a cursor this server issued"_s);
    if (cursor.size() > 4096)
        return bad;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(cursor, &error);
    if (error.error != QCborError::NoError || !value.isArray())
        return bad;
    const QCborArray a = value.toArray();
    if (a.size() != 10 || !a.at(0).isInteger() || a.at(0).toInteger() != CursorFormat
        || !a.at(1).isByteArray() || !a.at(2).isInteger() || !a.at(3).isString()
        || !a.at(4).isString() || !a.at(5).isString() || !a.at(6).isInteger()
        || !a.at(7).isInteger() || !a.at(8).isInteger() || !a.at(9).isBool())
        return bad;
    Position p;
    p.started = true;
    p.version = a.at(2).toInteger();
    p.scope = a.at(3).toString();
    p.entity = a.at(4).toString();
    p.entityId = a.at(5).toString();
    p.recordsDone = a.at(6).toInteger();
    p.bytesDone = a.at(7).toInteger();
    p.recordsTotal = a.at(8).toInteger();
    p.caughtUp = a.at(9).toBool();
    if (p.version < 0 || p.recordsDone < 0 || p.bytesDone < 0 || p.recordsTotal < 0)
        return bad;
    // A cursor issued before any row was read has no position.
    const int empties
        = int(p.scope.isEmpty()) + int(p.entity.isEmpty()) + int(p.entityId.isEmpty());
    if (empties == 3 && p.version == 0)
        p.started = false;
    else if (empties != 0)
        return bad;
    if (a.at(1).toByteArray() != hash)
        return std::optional<Position>();
    return std::optional<Position>(p);
}

struct FeedRow
{
    QString scope;
    QString entity;
    QString entityId;
    qint64 version = 0;
    bool tombstone = false;
    QString hlc;
};

const QString FeedColumns = u"scope, entity, entity_id, version, op, hlc"_s;

} // namespace

QString territoryScope(const QString &territory)
{
    return u"territory:"_s + territory;
}

std::optional<QStringList> scopesFor(const UserRecord &user)
{
    if (user.role != Role::Rep && user.role != Role::Kiosk)
        return std::nullopt;
    QStringList scopes {CatalogScope};
    for (const QString &territory : user.territories)
        scopes.append(territoryScope(territory));
    return scopes;
}

FeedTouchesSuspended::FeedTouchesSuspended()
{
    ++t_suspended;
}

FeedTouchesSuspended::~FeedTouchesSuspended()
{
    --t_suspended;
}

bool FeedTouchesSuspended::active()
{
    return t_suspended > 0;
}

Result<qint64> ChangeFeed::transactionVersion()
{
    const quint64 serial = m_db.transactionSerial();
    if (serial == 0)
        return makeError(ErrorCode::Storage,
                         u"the change feed is written inside a transaction only"_s);
    if (t_version.serial == serial)
        return t_version.version;
    // The clock row stays locked until this transaction ends (see the header), so feed
    // writers commit in version order.
    QVariant version;
    if (m_db.backend() == Backend::Postgres) {
        auto v = m_db.scalar(
            u"UPDATE sync_feed_clock SET version = version + 1 WHERE id = 1 RETURNING version"_s);
        if (!v)
            return v.error();
        version = *v;
    } else {
        if (auto u = m_db.run(u"UPDATE sync_feed_clock SET version = version + 1 WHERE id = 1"_s);
            !u)
            return u.error();
        auto v = m_db.scalar(u"SELECT version FROM sync_feed_clock WHERE id = 1"_s);
        if (!v)
            return v.error();
        version = *v;
    }
    if (version.isNull())
        return makeError(ErrorCode::Storage, u"the change feed clock row is missing"_s);
    t_version = VersionCache {serial, version.toLongLong()};
    return t_version.version;
}

static Result<void> writeFeed(Database &db, qint64 version, const QString &scope,
                              const QString &entity, const QString &entityId, const QString &op,
                              const QString &hlc)
{
    auto r = db.run(
        UpsertSql,
        {scope, entity, entityId, version, op, hlc.isEmpty() ? hqClock().now().toString() : hlc});
    if (!r)
        return r.error();
    return {};
}

Result<void> ChangeFeed::touch(const QString &entity, const QString &entityId, const QString &scope,
                               const QString &hlc)
{
    if (FeedTouchesSuspended::active())
        return {};
    if (entity.isEmpty() || entityId.isEmpty() || scope.isEmpty())
        return invalidArgument(u"a feed touch needs an entity, an id and a scope"_s);
    auto version = transactionVersion();
    if (!version)
        return version.error();
    return writeFeed(m_db, *version, scope, entity, entityId, Upsert, hlc);
}

Result<void> ChangeFeed::tombstone(const QString &entity, const QString &entityId,
                                   const QString &scope, const QString &hlc)
{
    if (FeedTouchesSuspended::active())
        return {};
    if (entity.isEmpty() || entityId.isEmpty() || scope.isEmpty())
        return invalidArgument(u"a feed tombstone needs an entity, an id and a scope"_s);
    auto version = transactionVersion();
    if (!version)
        return version.error();
    return writeFeed(m_db, *version, scope, entity, entityId, Tombstone, hlc);
}

Result<void> ChangeFeed::touchForCustomer(const QString &entity, const QString &entityId,
                                          const QString &customerId)
{
    if (FeedTouchesSuspended::active())
        return {};
    if (entity.isEmpty() || entityId.isEmpty())
        return invalidArgument(u"a feed touch needs an entity and an id"_s);
    auto version = transactionVersion();
    if (!version)
        return version.error();
    // The customer's territory is read by the insert itself: no round trip.
    auto q = m_db.run(u"INSERT INTO sync_feed (scope, entity, entity_id, version, op, hlc) "
                      "SELECT 'territory:' || territory, CAST(? AS TEXT), CAST(? AS TEXT), "
                      "CAST(? AS BIGINT), 'upsert', CAST(? AS TEXT) FROM customers "
                      "WHERE id = ?"_s
                          + OnConflict,
                      {entity, entityId, *version, hqClock().now().toString(), customerId});
    if (!q)
        return q.error();
    if (q.value() == 0)
        return makeError(
            ErrorCode::NotFound,
            u"change feed: unknown customer %1 of %2 %3"_s.arg(customerId, entity, entityId));
    return {};
}

Result<void> ChangeFeed::touchCustomer(const QString &customerId, const QString &previousTerritory)
{
    if (FeedTouchesSuspended::active())
        return {};
    auto version = transactionVersion();
    if (!version)
        return version.error();
    auto row = m_db.exec(u"SELECT territory, archived FROM customers WHERE id = ?"_s, {customerId});
    if (!row)
        return row.error();
    if (!row.value().next())
        return makeError(ErrorCode::NotFound,
                         u"change feed: unknown customer %1"_s.arg(customerId));
    const QString territory = row.value().value(0).toString();
    const bool archived = row.value().value(1).toInt() != 0;
    const QString hlc = hqClock().now().toString();
    const QString scope = territoryScope(territory);
    if (auto w = writeFeed(m_db, *version, scope, wire::entity::Customer, customerId,
                           archived ? Tombstone : Upsert, hlc);
        !w)
        return w;
    if (previousTerritory.isEmpty() || previousTerritory == territory)
        return {};
    const QString oldScope = territoryScope(previousTerritory);
    if (auto w
        = writeFeed(m_db, *version, oldScope, wire::entity::Customer, customerId, Tombstone, hlc);
        !w)
        return w;
    // Everything of the customer leaves the old scope and appears in the new one.
    for (const OwnedEntity &e : ownedEntities()) {
        const QString where = u" WHERE t.customer_id = ?"_s
            + (e.where.isEmpty() ? QString() : u" AND "_s + e.where);
        for (const auto &[target, op] :
             {std::pair {oldScope, Tombstone}, std::pair {scope, Upsert}}) {
            auto q = m_db.exec(
                u"INSERT INTO sync_feed (scope, entity, entity_id, version, op, hlc) "
                "SELECT DISTINCT CAST(? AS TEXT), CAST(? AS TEXT), %1, CAST(? AS BIGINT), "
                "CAST(? AS TEXT), CAST(? AS TEXT) FROM %2"_s.arg(e.idExpr, e.from)
                    + where + OnConflict,
                {target, e.entity, *version, op, hlc, customerId});
            if (!q)
                return q.error();
        }
    }
    return {};
}

Result<void> ChangeFeed::rebuild()
{
    auto version = transactionVersion();
    if (!version)
        return version.error();
    const QString hlc = hqClock().now().toString();
    const QString insert = u"INSERT INTO sync_feed (scope, entity, entity_id, version, op, hlc) "_s;
    for (const auto &[entity, table, idExpr] : catalogEntities()) {
        auto q = m_db.exec(
            insert
                + u"SELECT DISTINCT CAST(? AS TEXT), CAST(? AS TEXT), %1, CAST(? AS BIGINT), "
                  "'upsert', CAST(? AS TEXT) FROM %2 WHERE 1 = 1"_s.arg(idExpr, table)
                + OnConflict,
            {CatalogScope, entity, *version, hlc});
        if (!q)
            return q.error();
    }
    auto customers = m_db.exec(
        insert
            + u"SELECT 'territory:' || territory, CAST(? AS TEXT), id, CAST(? AS BIGINT), "
              "CASE WHEN archived = 1 THEN 'tombstone' ELSE 'upsert' END, CAST(? AS TEXT) "
              "FROM customers WHERE 1 = 1"_s
            + OnConflict,
        {wire::entity::Customer, *version, hlc});
    if (!customers)
        return customers.error();
    for (const OwnedEntity &e : ownedEntities()) {
        auto q = m_db.exec(
            insert
                + u"SELECT DISTINCT 'territory:' || c.territory, CAST(? AS TEXT), %1, "
                  "CAST(? AS BIGINT), 'upsert', CAST(? AS TEXT) FROM %2 "
                  "JOIN customers c ON c.id = t.customer_id"_s.arg(e.idExpr, e.from)
                + (e.where.isEmpty() ? u" WHERE 1 = 1"_s : u" WHERE "_s + e.where) + OnConflict,
            {e.entity, *version, hlc});
        if (!q)
            return q.error();
    }
    return {};
}

Result<qint64> ChangeFeed::committedClock()
{
    auto v = m_db.scalar(u"SELECT version FROM sync_feed_clock WHERE id = 1"_s);
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(ErrorCode::Storage, u"the change feed clock row is missing"_s);
    return v->toLongLong();
}

Result<ChangeFeed::Page> ChangeFeed::read(const std::optional<QStringList> &scopes,
                                          const QByteArray &cursor, int maxChanges)
{
    const int cap = karvan::sync::ProtocolLimits {}.maxChangesPerBatch;
    const int limit = maxChanges <= 0 ? cap : std::min(maxChanges, cap);
    const QByteArray hash = scopeHash(scopes);
    Position pos;
    if (!cursor.isEmpty()) {
        auto decoded = decodeCursor(cursor, hash);
        if (!decoded)
            return decoded.error();
        if (*decoded)
            pos = **decoded;
    }
    const bool newSync = !pos.started || pos.caughtUp;
    if (newSync) {
        pos.recordsDone = 0;
        pos.bytesDone = 0;
        pos.recordsTotal = 0;
        pos.caughtUp = false;
    }

    QStringList scopeList;
    if (scopes) {
        scopeList = *scopes;
        scopeList.removeDuplicates();
        scopeList.removeAll(QString());
        // Byte order, as the database compares (sync_feed's columns are bytewise).
        std::sort(scopeList.begin(), scopeList.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    }

    // One page of feed rows after the position, in (version, scope, entity, entity_id) order.
    QString sql;
    QVariantList bindings;
    if (!scopes) {
        sql = u"SELECT %1 FROM sync_feed"_s.arg(FeedColumns);
        if (pos.started) {
            sql += u" WHERE (version, scope, entity, entity_id) > (?, ?, ?, ?)"_s;
            bindings = {pos.version, pos.scope, pos.entity, pos.entityId};
        }
        sql += u" ORDER BY version, scope, entity, entity_id LIMIT ?"_s;
        bindings.append(limit + 1);
    } else if (scopeList.isEmpty()) {
        sql.clear();
    } else {
        // One index range per scope (sync_feed_by_scope), merged.
        QStringList branches;
        const QByteArray posScope = pos.scope.toUtf8();
        for (qsizetype i = 0; i < scopeList.size(); ++i) {
            const QString &scope = scopeList.at(i);
            QString branch = u"SELECT %1 FROM sync_feed WHERE scope = ?"_s.arg(FeedColumns);
            bindings.append(scope);
            if (pos.started) {
                const QByteArray s = scope.toUtf8();
                if (s < posScope) {
                    branch += u" AND version > ?"_s;
                    bindings.append(pos.version);
                } else if (s == posScope) {
                    branch += u" AND (version, entity, entity_id) > (?, ?, ?)"_s;
                    bindings.append(pos.version);
                    bindings.append(pos.entity);
                    bindings.append(pos.entityId);
                } else {
                    branch += u" AND version >= ?"_s;
                    bindings.append(pos.version);
                }
            }
            branch += u" ORDER BY version, entity, entity_id LIMIT ?"_s;
            bindings.append(limit + 1);
            branches.append(u"SELECT * FROM (%1) AS b%2"_s.arg(branch).arg(i));
        }
        sql = branches.join(u" UNION ALL "_s)
            + u" ORDER BY version, scope, entity, entity_id LIMIT ?"_s;
        bindings.append(limit + 1);
    }

    QList<FeedRow> rows;
    if (!sql.isEmpty()) {
        auto q = m_db.exec(sql, bindings);
        if (!q)
            return q.error();
        while (q.value().next()) {
            rows.append(FeedRow {q.value().value(0).toString(), q.value().value(1).toString(),
                                 q.value().value(2).toString(), q.value().value(3).toLongLong(),
                                 q.value().value(4).toString() == Tombstone,
                                 q.value().value(5).toString()});
        }
    }
    Page page;
    page.hasMore = rows.size() > limit;
    if (page.hasMore)
        rows.resize(limit);

    // A tombstone of a row that is upserted in another of the reader's scopes (a customer that
    // moved between two territories the reader sees) is not the reader's delete.
    QSet<std::pair<QString, QString>> stillVisible;
    {
        QStringList tombstoned;
        for (const FeedRow &r : std::as_const(rows)) {
            if (r.tombstone)
                tombstoned.append(r.entityId);
        }
        tombstoned.removeDuplicates();
        for (qsizetype at = 0; at < tombstoned.size(); at += 500) {
            const QStringList chunk = tombstoned.mid(at, 500);
            QString check = u"SELECT entity, entity_id FROM sync_feed WHERE op = 'upsert' AND "
                            "entity_id IN (%1)"_s.arg(placeholders(chunk.size()));
            QVariantList b;
            for (const QString &id : chunk)
                b.append(id);
            if (scopes) {
                check += u" AND scope IN (%1)"_s.arg(placeholders(scopeList.size()));
                for (const QString &s : std::as_const(scopeList))
                    b.append(s);
            }
            auto q = m_db.exec(check, b);
            if (!q)
                return q.error();
            while (q.value().next())
                stillVisible.insert({q.value().value(0).toString(), q.value().value(1).toString()});
        }
    }

    // The rows themselves: one batch per entity.
    QHash<QString, QStringList> wanted;
    for (const FeedRow &r : std::as_const(rows)) {
        if (!r.tombstone)
            wanted[r.entity].append(r.entityId);
    }
    QHash<QString, QHash<QString, QCborMap>> loaded;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        QStringList ids = it.value();
        ids.removeDuplicates();
        auto found = loadFeedRows(m_db, it.key(), ids);
        if (!found)
            return found.error();
        loaded.insert(it.key(), *found);
    }

    qint64 pageBytes = 0;
    for (const FeedRow &r : std::as_const(rows)) {
        karvan::sync::RowChange change;
        change.entity = r.entity;
        change.id = r.entityId;
        auto hlc = karvan::sync::Hlc::fromString(r.hlc);
        change.hlc = hlc ? *hlc : hqClock().now();
        bool tombstone = r.tombstone;
        if (!tombstone) {
            const QHash<QString, QCborMap> &ofEntity = loaded[r.entity];
            auto found = ofEntity.constFind(r.entityId);
            if (found == ofEntity.cend())
                tombstone = true; // gone from the ERP since (or never synced): devices drop it
            else
                change.row = *found;
        } else if (stillVisible.contains({r.entity, r.entityId})) {
            continue;
        }
        change.op = tombstone ? karvan::sync::RowChange::Op::Tombstone
                              : karvan::sync::RowChange::Op::Upsert;
        pageBytes += change.row.isEmpty() ? 64 : 64 + change.row.toCborValue().toCbor().size();
        page.changes.append(change);
    }

    if (!rows.isEmpty()) {
        const FeedRow &last = rows.constLast();
        pos.started = true;
        pos.version = last.version;
        pos.scope = last.scope;
        pos.entity = last.entity;
        pos.entityId = last.entityId;
    }
    pos.recordsDone += page.changes.size();
    pos.bytesDone += pageBytes;
    if (newSync && page.hasMore) {
        // An estimate of the whole sync, once at its start: the rows after this page's last
        // one, with the same position predicate as the page query.
        QString count;
        QVariantList b;
        if (!scopes) {
            count = u"SELECT COUNT(*) FROM sync_feed "
                    "WHERE (version, scope, entity, entity_id) > (?, ?, ?, ?)"_s;
            b = {pos.version, pos.scope, pos.entity, pos.entityId};
        } else {
            QStringList parts;
            const QByteArray posScope = pos.scope.toUtf8();
            for (const QString &scope : std::as_const(scopeList)) {
                QString part = u"SELECT COUNT(*) AS n FROM sync_feed WHERE scope = ?"_s;
                b.append(scope);
                const QByteArray sb = scope.toUtf8();
                if (sb < posScope) {
                    part += u" AND version > ?"_s;
                    b.append(pos.version);
                } else if (sb == posScope) {
                    part += u" AND (version, entity, entity_id) > (?, ?, ?)"_s;
                    b.append(pos.version);
                    b.append(pos.entity);
                    b.append(pos.entityId);
                } else {
                    part += u" AND version >= ?"_s;
                    b.append(pos.version);
                }
                parts.append(part);
            }
            count = u"SELECT SUM(n) FROM (%1) AS counts"_s.arg(parts.join(u" UNION ALL "_s));
        }
        auto remaining = m_db.scalar(count, b);
        if (!remaining)
            return remaining.error();
        pos.recordsTotal = pos.recordsDone + remaining->toLongLong();
    }
    if (!page.hasMore)
        pos.recordsTotal = pos.recordsDone;
    else
        pos.recordsTotal = std::max(pos.recordsTotal, pos.recordsDone + 1);
    pos.caughtUp = !page.hasMore;

    page.progress.recordsDone = pos.recordsDone;
    page.progress.recordsTotal = pos.recordsTotal;
    page.progress.bytesDone = pos.bytesDone;
    page.progress.bytesTotal = pos.recordsDone > 0
        ? qint64(double(pos.bytesDone) / double(pos.recordsDone) * double(pos.recordsTotal))
        : 0;
    page.nextCursor = encodeCursor(hash, pos);
    return page;
}

} // namespace karvan::hq::sync
