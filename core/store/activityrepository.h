#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <QList>
#include <QUuid>

namespace karvan {

class LocalStore;

// Visits, calls and notes: append-only, newest first in the customer's timeline.
class ActivityRepository
{
public:
    explicit ActivityRepository(LocalStore &store)
        : m_store(store)
    { }

    // Stores the activity; one already stored under its id is replaced (HQ's copy wins).
    Result<void> upsert(const Activity &activity);
    Result<void> insertMany(const QList<Activity> &activities);
    Result<Activity> get(const QUuid &id);
    Result<QList<Activity>> listForCustomer(const QUuid &customerId, int limit = 100,
                                            int offset = 0);

private:
    Result<void> write(const Activity &activity);
    Result<QList<Activity>> list(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

} // namespace karvan
