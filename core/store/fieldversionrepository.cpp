#include "store/fieldversionrepository.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using sqlvalue::run;

Result<void> FieldVersionRepository::stamp(const QString &entity, const QString &entityId,
                                           const QStringList &fields, const QString &hlc)
{
    if (entity.isEmpty() || entityId.isEmpty() || hlc.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"a field version needs an entity, an id and an HLC"_s);
    auto q = m_store.prepared(u"INSERT OR REPLACE INTO field_versions (entity, entity_id, field, "
                              u"hlc) VALUES (?, ?, ?, ?)"_s);
    if (!q)
        return q.error();
    for (const QString &field : fields) {
        (*q)->bindValue(0, entity);
        (*q)->bindValue(1, entityId);
        (*q)->bindValue(2, field);
        (*q)->bindValue(3, hlc);
        if (auto r = run(**q, u"cannot stamp %1.%2"_s.arg(entity, field)); !r)
            return r;
    }
    return {};
}

Result<QMap<QString, QString>> FieldVersionRepository::versions(const QString &entity,
                                                                const QString &entityId)
{
    auto q = m_store.prepared(
        u"SELECT field, hlc FROM field_versions WHERE entity = ? AND entity_id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, entity);
    (*q)->bindValue(1, entityId);
    if (auto r = run(**q, u"cannot read field versions"_s); !r)
        return r.error();
    QMap<QString, QString> out;
    while ((*q)->next())
        out.insert((*q)->value(0).toString(), (*q)->value(1).toString());
    (*q)->finish();
    return out;
}

Result<QString> FieldVersionRepository::latest(const QString &entity, const QString &entityId)
{
    auto q = m_store.prepared(
        u"SELECT max(hlc) FROM field_versions WHERE entity = ? AND entity_id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, entity);
    (*q)->bindValue(1, entityId);
    if (auto r = run(**q, u"cannot read field versions"_s); !r)
        return r.error();
    QString out;
    if ((*q)->next())
        out = (*q)->value(0).toString();
    (*q)->finish();
    return out;
}

Result<void> FieldVersionRepository::remove(const QString &entity, const QString &entityId)
{
    auto q = m_store.prepared(u"DELETE FROM field_versions WHERE entity = ? AND entity_id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, entity);
    (*q)->bindValue(1, entityId);
    return run(**q, u"cannot forget field versions"_s);
}

} // namespace karvan
