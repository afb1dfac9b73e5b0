#include "storage/syncschema.h"

#include "storage/database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace karvan::hq {

Result<void> createSync(Database &db)
{
    const QString bytewise = db.backend() == Backend::Postgres ? u" COLLATE \"C\""_s : QString();
    const QStringList statements {
        // One row: the feed version of the last transaction that touched the feed (see
        // sync/changefeed.h for why its row lock orders commits).
        u"CREATE TABLE sync_feed_clock ("
        "  id INTEGER PRIMARY KEY CHECK (id = 1),"
        "  version BIGINT NOT NULL)"_s,
        u"INSERT INTO sync_feed_clock (id, version) VALUES (1, 0)"_s,
        // The latest change of each synced row in each scope.
        // The key columns compare bytewise on both backends (PostgreSQL: COLLATE "C"), so the
        // reader's cursor order is the same in SQL and in C++ whatever the database's locale.
        u"CREATE TABLE sync_feed ("
        "  scope TEXT%1 NOT NULL,"
        "  entity TEXT%1 NOT NULL,"
        "  entity_id TEXT%1 NOT NULL,"
        "  version BIGINT NOT NULL,"
        "  op TEXT NOT NULL CHECK (op IN ('upsert', 'tombstone')),"
        "  hlc TEXT NOT NULL DEFAULT '',"
        "  PRIMARY KEY (scope, entity, entity_id))"_s.arg(bytewise),
        // Readers of every scope page in (version, scope, entity, entity_id) order; a tombstone
        // is checked against the same row's upserts in other scopes (a territory move).
        u"CREATE INDEX sync_feed_by_version ON sync_feed (version, scope, entity, entity_id)"_s,
        u"CREATE INDEX sync_feed_by_entity ON sync_feed (entity_id)"_s,
        u"CREATE INDEX sync_feed_by_scope ON sync_feed (scope, version, entity, entity_id)"_s,
        // Every mutation a device pushed and HQ's verdict: the idempotency record.
        u"CREATE TABLE sync_mutations ("
        "  device_id TEXT NOT NULL,"
        "  seq BIGINT NOT NULL,"
        "  mutation_id TEXT NOT NULL UNIQUE,"
        "  entity TEXT NOT NULL,"
        "  entity_id TEXT NOT NULL,"
        "  op TEXT NOT NULL,"
        "  status TEXT NOT NULL,"
        "  reason_code TEXT NOT NULL DEFAULT '',"
        "  reason TEXT NOT NULL DEFAULT '',"
        "  result_entity TEXT NOT NULL DEFAULT '',"
        "  result_entity_id TEXT NOT NULL DEFAULT '',"
        "  applied_at TEXT NOT NULL,"
        "  PRIMARY KEY (device_id, seq))"_s,
        // The HLC of the write that last set each rep-editable field of a customer.
        u"CREATE TABLE customer_field_versions ("
        "  customer_id TEXT NOT NULL REFERENCES customers(id),"
        "  field TEXT NOT NULL,"
        "  hlc TEXT NOT NULL,"
        "  PRIMARY KEY (customer_id, field))"_s,
        u"CREATE TABLE sales_quotes ("
        "  id TEXT PRIMARY KEY,"
        "  doc_number TEXT NOT NULL UNIQUE,"
        "  customer_id TEXT NOT NULL REFERENCES customers(id),"
        "  currency TEXT NOT NULL,"
        "  quote_date TEXT NOT NULL,"
        "  valid_until TEXT NOT NULL,"
        "  status TEXT NOT NULL,"
        "  status_reason TEXT NOT NULL DEFAULT '',"
        "  net_minor BIGINT NOT NULL,"
        "  tax_minor BIGINT NOT NULL,"
        "  total_minor BIGINT NOT NULL,"
        "  converted_order_id TEXT,"
        "  rep_login TEXT NOT NULL,"
        "  created_at TEXT NOT NULL,"
        "  updated_at TEXT NOT NULL)"_s,
        u"CREATE INDEX sales_quotes_by_customer ON sales_quotes (customer_id)"_s,
        u"CREATE TABLE sales_quote_lines ("
        "  quote_id TEXT NOT NULL REFERENCES sales_quotes(id),"
        "  line_no INTEGER NOT NULL,"
        "  sku TEXT NOT NULL,"
        "  unit TEXT NOT NULL,"
        "  qty_milli BIGINT NOT NULL CHECK (qty_milli > 0),"
        "  warehouse_code TEXT NOT NULL DEFAULT '',"
        "  unit_price_minor BIGINT NOT NULL,"
        "  net_minor BIGINT NOT NULL,"
        "  tax_minor BIGINT NOT NULL,"
        "  total_minor BIGINT NOT NULL,"
        "  PRIMARY KEY (quote_id, line_no))"_s,
        u"CREATE TABLE tickets ("
        "  id TEXT PRIMARY KEY,"
        "  doc_number TEXT NOT NULL UNIQUE,"
        "  customer_id TEXT NOT NULL REFERENCES customers(id),"
        "  subject TEXT NOT NULL,"
        "  description TEXT NOT NULL DEFAULT '',"
        "  status TEXT NOT NULL,"
        "  priority TEXT NOT NULL,"
        "  assignee TEXT NOT NULL DEFAULT '',"
        "  status_hlc TEXT NOT NULL DEFAULT '',"
        "  created_by TEXT NOT NULL,"
        "  created_at TEXT NOT NULL,"
        "  updated_at TEXT NOT NULL)"_s,
        u"CREATE INDEX tickets_by_customer ON tickets (customer_id)"_s,
        u"CREATE TABLE ticket_comments ("
        "  id TEXT PRIMARY KEY,"
        "  ticket_id TEXT NOT NULL REFERENCES tickets(id),"
        "  author TEXT NOT NULL,"
        "  body TEXT NOT NULL,"
        "  at TEXT NOT NULL,"
        "  created_at TEXT NOT NULL)"_s,
        u"CREATE INDEX ticket_comments_by_ticket ON ticket_comments (ticket_id, at)"_s,
        u"CREATE TABLE activities ("
        "  id TEXT PRIMARY KEY,"
        "  customer_id TEXT NOT NULL REFERENCES customers(id),"
        "  kind TEXT NOT NULL,"
        "  at TEXT NOT NULL,"
        "  subject TEXT NOT NULL DEFAULT '',"
        "  notes TEXT NOT NULL DEFAULT '',"
        "  duration_minutes INTEGER NOT NULL DEFAULT 0,"
        "  photo_path TEXT NOT NULL DEFAULT '',"
        "  author TEXT NOT NULL,"
        "  created_at TEXT NOT NULL)"_s,
        u"CREATE INDEX activities_by_customer ON activities (customer_id, at)"_s,
    };
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r.error();
    }
    return {};
}

} // namespace karvan::hq
