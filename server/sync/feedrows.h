#pragma once

#include "domain/result.h"

#include <QCborMap>
#include <QHash>
#include <QString>
#include <QStringList>

namespace karvan::hq {

class Database;

namespace sync {

// The change feed's materializer: the wire rows (core/domain/wirerows.h) of one entity for the
// given feed ids, read from the ERP tables as they stand, in a few batched queries (never one
// per row). Ids that no longer exist are missing from the result. Customer rows carry
// "field_hlc" and "credit_hold"; invoice rows the paid amount.
Result<QHash<QString, QCborMap>> loadFeedRows(Database &db, const QString &entity,
                                              const QStringList &ids);

} // namespace sync
} // namespace karvan::hq
