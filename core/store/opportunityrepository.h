#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <QList>
#include <QUuid>

namespace karvan {

class LocalStore;

// The sales pipeline per customer.
class OpportunityRepository
{
public:
    explicit OpportunityRepository(LocalStore &store)
        : m_store(store)
    { }

    Result<void> upsert(const Opportunity &opportunity);
    Result<void> insertMany(const QList<Opportunity> &opportunities);
    Result<Opportunity> get(const QUuid &id);
    // Expected close first; undated last.
    Result<QList<Opportunity>> listForCustomer(const QUuid &customerId);

private:
    Result<void> write(const Opportunity &opportunity);
    Result<QList<Opportunity>> list(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

} // namespace karvan
