#include "store/activityrepository.h"

#include "domain/names.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

Result<void> ActivityRepository::write(const Activity &a)
{
    if (a.id.isNull() || a.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"an activity needs an id and a customer"_s);
    if (a.durationMinutes < 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"activity %1 has a negative duration"_s.arg(idToString(a.id)));
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO activities (id, customer_id, kind, at,
            subject, notes, duration_minutes, photo_path, author)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(a.id));
    query.bindValue(1, idToString(a.customerId));
    query.bindValue(2, activityKindName(a.kind));
    query.bindValue(3, dateTime(a.at));
    query.bindValue(4, text(a.subject));
    query.bindValue(5, text(a.notes));
    query.bindValue(6, a.durationMinutes);
    query.bindValue(7, text(a.photoPath));
    query.bindValue(8, text(a.author));
    return run(query, u"cannot save activity "_s + idToString(a.id));
}

Result<void> ActivityRepository::upsert(const Activity &activity)
{
    return write(activity);
}

Result<void> ActivityRepository::insertMany(const QList<Activity> &activities)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Activity &a : activities) {
            if (auto r = write(a); !r)
                return r;
        }
        return {};
    });
}

Result<QList<Activity>> ActivityRepository::list(const QString &where, const QVariantList &values)
{
    auto q
        = m_store.prepared(u"SELECT id, customer_id, kind, at, subject, notes, duration_minutes, "
                           u"photo_path, author FROM activities WHERE "_s
                           + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read activities"_s); !r)
        return r.error();
    QList<Activity> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        Activity a;
        a.id = toId(row.value(0));
        a.customerId = toId(row.value(1));
        a.kind = parseActivityKind(row.value(2).toString()).value_or(Activity::Kind::Note);
        a.at = toDateTime(row.value(3));
        a.subject = row.value(4).toString();
        a.notes = row.value(5).toString();
        a.durationMinutes = row.value(6).toInt();
        a.photoPath = row.value(7).toString();
        a.author = row.value(8).toString();
        result.append(a);
    }
    (*q)->finish();
    return result;
}

Result<Activity> ActivityRepository::get(const QUuid &activityId)
{
    auto all = list(u"id = ?"_s, {idToString(activityId)});
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no activity with id %1"_s.arg(idToString(activityId)));
    return all->first();
}

Result<QList<Activity>> ActivityRepository::listForCustomer(const QUuid &customerId, int limit,
                                                            int offset)
{
    return list(u"customer_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?"_s,
                {idToString(customerId), std::max(limit, 1), std::max(offset, 0)});
}

} // namespace karvan
