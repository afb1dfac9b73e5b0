#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace karvan::hq {

class Database;

// One schema step: brings the HQ schema from version - 1 to version. The same step runs on
// SQLite and PostgreSQL; apply() runs inside the transaction migrate() opens for it, and the
// step's row in schema_version is written in that same transaction.
struct SchemaStep
{
    int version = 0;
    QString description;
    std::function<Result<void>(Database &db)> apply;
};

// The steps that build the HQ schema, in order (see migrations.cpp).
QList<SchemaStep> hqSchemaSteps();
int latestHqSchemaVersion();

// The version recorded in schema_version (0 for an empty database). PostgreSQL has no
// PRAGMA user_version, so both backends keep one row per applied step in that table.
Result<int> hqSchemaVersion(Database &db);

// Brings the schema to the latest version, one transaction per step; running it again is a
// no-op. Concurrent migrators (two `karvan-hq init` on one PostgreSQL) serialize: each step
// re-reads the version under a lock and skips work another process already did. A database
// from a newer karvan-hq is refused untouched. Returns the version reached.
Result<int> migrateHqSchema(Database &db);
// The same with explicit steps (tests inject a failing step this way).
Result<int> migrateHqSchema(Database &db, const QList<SchemaStep> &steps);

} // namespace karvan::hq
