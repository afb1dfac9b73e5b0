#include "store/opportunityrepository.h"

#include "domain/names.h"

#include "store/localstore.h"
#include "store/sqlvalue.h"

#include <array>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

Result<void> OpportunityRepository::write(const Opportunity &o)
{
    if (o.id.isNull() || o.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         u"an opportunity needs an id and a customer"_s);
    if (o.title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"opportunity %1 has no title"_s.arg(idToString(o.id)));
    if (o.probabilityPercent < 0 || o.probabilityPercent > 100)
        return makeError(ErrorCode::InvalidArgument,
                         u"opportunity %1: probability %2 is outside 0..100"_s.arg(
                             idToString(o.id), QString::number(o.probabilityPercent)));
    auto q = m_store.prepared(uR"(INSERT OR REPLACE INTO opportunities (id, customer_id, title,
            stage, amount_minor, currency, probability_percent, expected_close, owner)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(o.id));
    query.bindValue(1, idToString(o.customerId));
    query.bindValue(2, o.title);
    query.bindValue(3, opportunityStageName(o.stage));
    query.bindValue(4, minor(o.amount));
    query.bindValue(5,
                    o.amount.isValid() ? QVariant(o.amount.currency())
                                       : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(6, o.probabilityPercent);
    query.bindValue(7, date(o.expectedClose));
    query.bindValue(8, text(o.owner));
    return run(query, u"cannot save opportunity "_s + idToString(o.id));
}

Result<void> OpportunityRepository::upsert(const Opportunity &opportunity)
{
    return write(opportunity);
}

Result<void> OpportunityRepository::insertMany(const QList<Opportunity> &opportunities)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Opportunity &o : opportunities) {
            if (auto r = write(o); !r)
                return r;
        }
        return {};
    });
}

Result<QList<Opportunity>> OpportunityRepository::list(const QString &where,
                                                       const QVariantList &values)
{
    auto q = m_store.prepared(u"SELECT id, customer_id, title, stage, amount_minor, currency, "
                              u"probability_percent, expected_close, owner FROM opportunities "
                              u"WHERE "_s
                              + where);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (auto r = run(**q, u"cannot read opportunities"_s); !r)
        return r.error();
    QList<Opportunity> result;
    while ((*q)->next()) {
        const QSqlQuery &row = **q;
        Opportunity o;
        o.id = toId(row.value(0));
        o.customerId = toId(row.value(1));
        o.title = row.value(2).toString();
        o.stage = parseOpportunityStage(row.value(3).toString())
                      .value_or(Opportunity::Stage::Prospecting);
        auto amount = toMoney(row.value(4), row.value(5).toString());
        if (!amount)
            return amount.error();
        o.amount = *amount;
        o.probabilityPercent = row.value(6).toInt();
        o.expectedClose = toDate(row.value(7));
        o.owner = row.value(8).toString();
        result.append(o);
    }
    (*q)->finish();
    return result;
}

Result<Opportunity> OpportunityRepository::get(const QUuid &opportunityId)
{
    auto all = list(u"id = ?"_s, {idToString(opportunityId)});
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no opportunity with id %1"_s.arg(idToString(opportunityId)));
    return all->first();
}

Result<QList<Opportunity>> OpportunityRepository::listForCustomer(const QUuid &customerId)
{
    return list(u"customer_id = ? ORDER BY expected_close IS NULL, expected_close, title"_s,
                {idToString(customerId)});
}

} // namespace karvan
