#include "store/conflictrepository.h"

#include "domain/ids.h"
#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

const QString Columns = u"id, entity, entity_id, field, base, mine, theirs, winner, mine_hlc, "
                        u"theirs_hlc, detected_at, resolved_at, resolution"_s;

ConflictRecord::Resolution parseResolution(const QVariant &v)
{
    const QString name = v.toString();
    if (name == u"keep_theirs"_s)
        return ConflictRecord::Resolution::KeepTheirs;
    if (name == u"reapply_mine"_s)
        return ConflictRecord::Resolution::ReapplyMine;
    return ConflictRecord::Resolution::Unresolved;
}

QVariant blob(const QCborValue &v)
{
    return QVariant(v.toCbor());
}

} // namespace

QString conflictResolutionName(ConflictRecord::Resolution resolution)
{
    switch (resolution) {
    case ConflictRecord::Resolution::KeepTheirs:
        return u"keep_theirs"_s;
    case ConflictRecord::Resolution::ReapplyMine:
        return u"reapply_mine"_s;
    case ConflictRecord::Resolution::Unresolved:
        break;
    }
    return QString();
}

Result<QUuid> ConflictRepository::record(const ConflictRecord &c)
{
    if (c.entity.isEmpty() || c.entityId.isEmpty() || c.field.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"a conflict needs an entity, an entity id and a field"_s);
    if (c.mineHlc.isEmpty() || c.theirsHlc.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a conflict needs both HLCs"_s);
    auto q = m_store.prepared(u"INSERT INTO conflicts ("_s + Columns
                              + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)"_s);
    if (!q)
        return q.error();
    const QUuid id = c.id.isNull() ? Uuid7::generate() : c.id;
    (*q)->bindValue(0, idToString(id));
    (*q)->bindValue(1, c.entity);
    (*q)->bindValue(2, c.entityId);
    (*q)->bindValue(3, c.field);
    (*q)->bindValue(4, c.base ? blob(*c.base) : QVariant(QMetaType(QMetaType::QByteArray)));
    (*q)->bindValue(5, blob(c.mine));
    (*q)->bindValue(6, blob(c.theirs));
    (*q)->bindValue(7, c.winner == ConflictRecord::Side::Mine ? u"mine"_s : u"theirs"_s);
    (*q)->bindValue(8, c.mineHlc);
    (*q)->bindValue(9, c.theirsHlc);
    (*q)->bindValue(
        10, dateTime(c.detectedAt.isValid() ? c.detectedAt : QDateTime::currentDateTimeUtc()));
    if (auto r = run(**q, u"cannot record a conflict on %1.%2"_s.arg(c.entity, c.field)); !r)
        return r.error();
    return id;
}

Result<QList<ConflictRecord>> ConflictRepository::load(const QString &where,
                                                       const QVariantList &values)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM conflicts WHERE "_s + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read conflicts"_s); !r)
        return r.error();
    QList<ConflictRecord> out;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        ConflictRecord c;
        c.id = toId(row.value(0));
        c.entity = row.value(1).toString();
        c.entityId = row.value(2).toString();
        c.field = row.value(3).toString();
        if (!row.value(4).isNull())
            c.base = QCborValue::fromCbor(row.value(4).toByteArray());
        c.mine = QCborValue::fromCbor(row.value(5).toByteArray());
        c.theirs = QCborValue::fromCbor(row.value(6).toByteArray());
        c.winner = row.value(7).toString() == u"mine"_s ? ConflictRecord::Side::Mine
                                                        : ConflictRecord::Side::Theirs;
        c.mineHlc = row.value(8).toString();
        c.theirsHlc = row.value(9).toString();
        c.detectedAt = toDateTime(row.value(10));
        c.resolvedAt = toDateTime(row.value(11));
        c.resolution = parseResolution(row.value(12));
        out.append(c);
    }
    (*q)->finish();
    return out;
}

Result<ConflictRecord> ConflictRepository::get(const QUuid &id)
{
    auto found = load(u"id = ?"_s, {idToString(id)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, u"no conflict with id %1"_s.arg(idToString(id)));
    return found->first();
}

Result<QList<ConflictRecord>> ConflictRepository::listUnresolved(int limit)
{
    return load(u"resolved_at IS NULL ORDER BY detected_at, id LIMIT ?"_s, {qMax(0, limit)});
}

Result<qint64> ConflictRepository::countUnresolved()
{
    auto v = m_store.scalar(u"SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

Result<void> ConflictRepository::markResolved(const QUuid &id,
                                              ConflictRecord::Resolution resolution,
                                              const QDateTime &at)
{
    if (resolution == ConflictRecord::Resolution::Unresolved)
        return makeError(ErrorCode::InvalidArgument, u"choose keep theirs or re-apply mine"_s);
    auto existing = get(id);
    if (!existing)
        return existing.error();
    if (existing->isResolved())
        return makeError(ErrorCode::Conflict,
                         u"the conflict on %1 is resolved already"_s.arg(existing->field));
    auto q
        = m_store.prepared(u"UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, dateTime(at.isValid() ? at : QDateTime::currentDateTimeUtc()));
    (*q)->bindValue(1, conflictResolutionName(resolution));
    (*q)->bindValue(2, idToString(id));
    return run(**q, u"cannot resolve the conflict"_s);
}

} // namespace karvan
