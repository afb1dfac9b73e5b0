#include "storage/migrations.h"

#include "storage/alertschema.h"
#include "storage/attachmentschema.h"
#include "storage/database.h"
#include "storage/erpschema.h"
#include "storage/sqldialect.h"
#include "storage/syncschema.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

// pg_advisory_xact_lock key for schema changes ("KARVANSC" in ASCII, any constant would do).
constexpr qint64 SchemaLockKey = 0x4b415256414e5343;

Result<void> execAll(Database &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r.error();
    }
    return {};
}

// Version 1: users with roles and territories, and the hash-chained audit trail.
//
// Portable SQL: ids are TEXT (UUIDv7), timestamps TEXT in UTC ISO 8601 with milliseconds
// (sorts as it reads), flags INTEGER 0/1, counters BIGINT.
Result<void> createUsersAndAudit(Database &db)
{
    return execAll(
        db,
        {
            u"CREATE TABLE users ("
            "  id TEXT PRIMARY KEY,"
            "  login TEXT NOT NULL UNIQUE,"
            "  role TEXT NOT NULL,"
            "  password_hash TEXT NOT NULL,"
            "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
            "  created_at TEXT NOT NULL)"_s,
            u"CREATE TABLE user_territories ("
            "  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
            "  territory TEXT NOT NULL,"
            "  PRIMARY KEY (user_id, territory))"_s,
            u"CREATE INDEX user_territories_by_territory ON user_territories (territory)"_s,
            // seq is assigned by AuditLog::append from the chain head, not by the database, so a
            // deleted row leaves a gap that verify() detects.
            u"CREATE TABLE audit_log ("
            "  seq BIGINT PRIMARY KEY,"
            "  at TEXT NOT NULL,"
            "  actor TEXT NOT NULL,"
            "  action TEXT NOT NULL,"
            "  entity TEXT NOT NULL,"
            "  entity_id TEXT NOT NULL,"
            "  before TEXT,"
            "  after TEXT,"
            "  prev_hash TEXT NOT NULL,"
            "  hash TEXT NOT NULL)"_s,
            // One row: the last entry's seq and hash. Appenders lock it, which serializes them on
            // PostgreSQL, and verify() compares it with the last row, which catches a truncated
            // tail.
            u"CREATE TABLE audit_chain_head ("
            "  id INTEGER PRIMARY KEY CHECK (id = 1),"
            "  seq BIGINT NOT NULL,"
            "  hash TEXT NOT NULL)"_s,
            u"INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '%1')"_s.arg(
                QString(64, u'0')),
            // Enrolled devices (server/auth/deviceregistry.h): the bearer token is stored only
            // as its SHA-256, so a copy of the database does not let anyone sign in.
            u"CREATE TABLE devices ("
            "  id TEXT PRIMARY KEY,"
            "  user_id TEXT NOT NULL REFERENCES users(id),"
            "  name TEXT NOT NULL,"
            "  token_hash TEXT NOT NULL UNIQUE,"
            "  created_at TEXT NOT NULL,"
            "  last_seen_at TEXT NOT NULL,"
            "  revoked_at TEXT,"
            "  revoked_by TEXT)"_s,
            u"CREATE INDEX devices_by_user ON devices (user_id)"_s,
            // Failed logins in the throttling window (server/auth/loginthrottle.h); in the
            // database so that several HQ instances count the same failures.
            u"CREATE TABLE login_failures ("
            "  login TEXT NOT NULL,"
            "  at TEXT NOT NULL)"_s,
            u"CREATE INDEX login_failures_by_login ON login_failures (login, at)"_s,
        });
}

Result<void> ensureVersionTable(Database &db)
{
    return db.transaction([&db]() -> Result<void> {
        if (const QString lock = sqldialect::exclusiveTransactionLock(db.backend(), SchemaLockKey);
            !lock.isEmpty()) {
            if (auto r = db.exec(lock); !r)
                return r.error();
        }
        auto exists = db.tableExists(u"schema_version"_s);
        if (!exists)
            return exists.error();
        if (*exists)
            return {};
        return execAll(db,
                       {u"CREATE TABLE schema_version ("
                        "  version INTEGER PRIMARY KEY,"
                        "  description TEXT NOT NULL,"
                        "  applied_at TEXT NOT NULL)"_s});
    });
}

} // namespace

QList<SchemaStep> hqSchemaSteps()
{
    return {
        {1, u"users, roles, territories and the audit trail"_s, createUsersAndAudit},
        // The ERP (storage/erpschema.cpp).
        {2, u"master data: customers, products, warehouses, prices, tax rules, vendors"_s,
         createMasterData},
        {3, u"general ledger: chart of accounts, journal entries"_s, createLedger},
        {4, u"inventory: stock per SKU and warehouse, stock moves"_s, createInventory},
        {5, u"sales: orders, deliveries, invoices, credit notes, payments"_s, createSales},
        {6, u"purchasing: purchase orders, vendor bills, vendor payments"_s, createPurchasing},
        // Sync (storage/syncschema.cpp).
        {7,
         u"sync: change feed, pushed mutations, customer field versions, quotes, tickets, "
         "activities"_s,
         createSync},
        // Alerts (storage/alertschema.cpp).
        {8, u"alerts: low stock, credit holds, overdue invoices, routed to a department"_s,
         createAlerts},
        // Attachments (storage/attachmentschema.cpp).
        {9, u"attachments: signatures on orders and quotes, photos of visits"_s, createAttachments},
        // Found by the benchmarks: every credit check (each order intake, each pushed order)
        // summed a customer's payments with a scan of the whole payments table.
        {10, u"index: payments by customer"_s,
         [](Database &db) -> Result<void> {
             if (auto r = db.exec(u"CREATE INDEX payments_by_customer ON payments "
                                  "(customer_id, currency)"_s);
                 !r)
                 return r.error();
             return {};
         }},
    };
}

int latestHqSchemaVersion()
{
    return hqSchemaSteps().constLast().version;
}

Result<int> hqSchemaVersion(Database &db)
{
    auto exists = db.tableExists(u"schema_version"_s);
    if (!exists)
        return exists.error();
    if (!*exists)
        return 0;
    auto version = db.scalar(u"SELECT MAX(version) FROM schema_version"_s);
    if (!version)
        return version.error();
    return version->isNull() ? 0 : version->toInt();
}

Result<int> migrateHqSchema(Database &db)
{
    return migrateHqSchema(db, hqSchemaSteps());
}

Result<int> migrateHqSchema(Database &db, const QList<SchemaStep> &steps)
{
    if (db.inTransaction())
        return makeError(ErrorCode::InvalidArgument, u"migrate inside a transaction"_s);
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    auto current = hqSchemaVersion(db);
    if (!current)
        return current.error();
    if (*current > latest) {
        return makeError(ErrorCode::Conflict,
                         u"the database schema is at version %1, newer than this karvan-hq knows "
                         "(%2); upgrade karvan-hq"_s.arg(*current)
                             .arg(latest));
    }
    if (*current == latest)
        return latest;
    if (auto r = ensureVersionTable(db); !r)
        return r.error();

    for (const SchemaStep &step : steps) {
        if (step.version <= *current)
            continue;
        auto r = db.transaction([&]() -> Result<void> {
            if (const QString lock
                = sqldialect::exclusiveTransactionLock(db.backend(), SchemaLockKey);
                !lock.isEmpty()) {
                if (auto l = db.exec(lock); !l)
                    return l.error();
            }
            // Another migrator may have applied this step while we waited for the lock.
            auto now = hqSchemaVersion(db);
            if (!now)
                return now.error();
            if (*now >= step.version)
                return {};
            if (*now != step.version - 1) {
                return makeError(
                    ErrorCode::Conflict,
                    u"schema step %1 needs version %2, the database is at %3"_s.arg(step.version)
                        .arg(step.version - 1)
                        .arg(*now));
            }
            if (auto a = step.apply(db); !a)
                return a;
            auto recorded
                = db.exec(u"INSERT INTO schema_version (version, description, applied_at) "
                          "VALUES (?, ?, ?)"_s,
                          {step.version, step.description,
                           QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
            if (!recorded)
                return recorded.error();
            return {};
        });
        if (!r) {
            return makeError(r.error().code,
                             u"schema step %1 (%2) failed: %3"_s.arg(step.version)
                                 .arg(step.description, r.errorMessage()));
        }
    }
    return hqSchemaVersion(db);
}

} // namespace karvan::hq
