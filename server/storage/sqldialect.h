#pragma once

#include "storage/databaseurl.h"

#include <QString>

namespace karvan::hq::sqldialect {

// The few places where SQLite and PostgreSQL need different SQL. Everything else in the HQ
// schema and queries is written once, in the portable subset both understand (TEXT ids and
// ISO timestamps, BIGINT minor units, '?' placeholders).

// Row lock for read-modify-write: PostgreSQL locks the selected rows until commit; SQLite has
// no row locks and needs none, because Database::transaction already holds the write lock.
inline QString forUpdate(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

// A transaction-scoped lock on a named resource (the schema during migration): a statement to
// run first inside the transaction, or empty when the backend's transaction already excludes
// other writers.
inline QString exclusiveTransactionLock(Backend backend, qint64 key)
{
    return backend == Backend::Postgres
        ? QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key)
        : QString();
}

// A 64-bit surrogate key the database assigns.
inline QString autoIncrementKey(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                        : QStringLiteral("INTEGER PRIMARY KEY");
}

} // namespace karvan::hq::sqldialect
