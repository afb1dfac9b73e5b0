// The device schema, as an ordered list of steps keyed on PRAGMA user_version.
//
// v1  master data and history: customers (+ contacts, addresses), products (+ unit
//     conversions), price lists (+ entries, tiers), customer prices, promotions, tax rules,
//     warehouses, stock levels, sales documents (+ lines), invoices, payments, tickets
//     (+ comments), activities, opportunities.
// v2  FTS5 search tables for customers and products, backfilled from existing rows.
// v3  the outbox, sync state and local stock reservations.
//
// Never edit a released step: add a new one. Each step runs in its own transaction.
//
// Conventions: ids TEXT (idToString), money minor units INTEGER + currency TEXT, quantities
// thousandths INTEGER + unit TEXT, dates and times ISO-8601 TEXT (times in UTC). Child rows
// (contacts, lines, comments) reference their parent with ON DELETE CASCADE. References
// between aggregates (a document's customer, an invoice's order) carry no foreign key: server
// rows arrive in feed order and leave with scope changes, and the device must accept them.
// Customers and products have an INTEGER PRIMARY KEY (seq) so their FTS rows share a stable
// rowid with them.

#include "store/localstore.h"
#include "store/searchindex.h"
#include "store/sqlvalue.h"

#include <QSqlQuery>
#include <QStringList>

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

Result<void> execAll(LocalStore &store, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto r = store.exec(sql); !r)
            return r;
    }
    return {};
}

Result<void> createV1(LocalStore &store)
{
    return execAll(
        store,
        {
            uR"(CREATE TABLE customers (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            territory TEXT NOT NULL DEFAULT '',
            price_list_id TEXT,
            payment_terms_days INTEGER NOT NULL DEFAULT 30,
            credit_limit_minor INTEGER,
            credit_limit_currency TEXT,
            currency TEXT NOT NULL DEFAULT '',
            tax_region TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            updated_at TEXT,
            CHECK (name <> '')))"_s,
            u"CREATE INDEX customers_by_territory ON customers (territory, name)"_s,
            u"CREATE INDEX customers_by_name ON customers (name)"_s,
            u"CREATE INDEX customers_by_code ON customers (code) WHERE code <> ''"_s,
            uR"(CREATE TABLE customer_contacts (
            customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (customer_id, position)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE customer_addresses (
            customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('billing', 'shipping')),
            line1 TEXT NOT NULL DEFAULT '',
            line2 TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (customer_id, position)) WITHOUT ROWID)"_s,

            uR"(CREATE TABLE products (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            sku TEXT NOT NULL UNIQUE CHECK (sku <> ''),
            barcode TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            base_unit TEXT NOT NULL CHECK (base_unit <> ''),
            tax_class TEXT NOT NULL DEFAULT 'standard',
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))))"_s,
            u"CREATE INDEX products_by_barcode ON products (barcode) WHERE barcode <> ''"_s,
            u"CREATE INDEX products_by_category ON products (category, name)"_s,
            uR"(CREATE TABLE product_units (
            product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            unit TEXT NOT NULL CHECK (unit <> ''),
            base_milli_per_unit INTEGER NOT NULL CHECK (base_milli_per_unit > 0),
            PRIMARY KEY (product_id, position)) WITHOUT ROWID)"_s,

            uR"(CREATE TABLE price_lists (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            currency TEXT NOT NULL,
            is_base INTEGER NOT NULL DEFAULT 0 CHECK (is_base IN (0, 1))))"_s,
            uR"(CREATE TABLE price_list_entries (
            price_list_id TEXT NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
            sku TEXT NOT NULL,
            unit TEXT NOT NULL,
            PRIMARY KEY (price_list_id, sku, unit)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE price_tiers (
            price_list_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            unit TEXT NOT NULL,
            tier_no INTEGER NOT NULL,
            min_qty_milli INTEGER NOT NULL,
            min_qty_unit TEXT NOT NULL,
            unit_price_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            PRIMARY KEY (price_list_id, sku, unit, tier_no),
            FOREIGN KEY (price_list_id, sku, unit)
                REFERENCES price_list_entries (price_list_id, sku, unit) ON DELETE CASCADE)
            WITHOUT ROWID)"_s,
            uR"(CREATE TABLE customer_prices (
            customer_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            unit_price_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            valid_from TEXT,
            valid_to TEXT))"_s,
            u"CREATE INDEX customer_prices_by_customer ON customer_prices (customer_id, sku)"_s,
            uR"(CREATE TABLE promotions (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('percent_off', 'amount_off')),
            percent_bp INTEGER NOT NULL DEFAULT 0,
            amount_off_minor INTEGER,
            amount_off_currency TEXT,
            valid_from TEXT NOT NULL,
            valid_to TEXT NOT NULL,
            skus TEXT NOT NULL DEFAULT '[]',
            territories TEXT NOT NULL DEFAULT '[]',
            min_qty_milli INTEGER,
            min_qty_unit TEXT))"_s,
            u"CREATE INDEX promotions_by_validity ON promotions (valid_to, valid_from)"_s,
            uR"(CREATE TABLE tax_rules (
            tax_class TEXT NOT NULL,
            region TEXT NOT NULL,
            rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0),
            inclusive INTEGER NOT NULL DEFAULT 0 CHECK (inclusive IN (0, 1)),
            name TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (tax_class, region)) WITHOUT ROWID)"_s,

            uR"(CREATE TABLE warehouses (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            store TEXT NOT NULL DEFAULT ''))"_s,
            uR"(CREATE TABLE stock_levels (
            sku TEXT NOT NULL,
            warehouse_code TEXT NOT NULL,
            on_hand_milli INTEGER NOT NULL,
            on_hand_unit TEXT NOT NULL,
            reserved_milli INTEGER NOT NULL DEFAULT 0,
            reserved_unit TEXT NOT NULL,
            as_of TEXT,
            PRIMARY KEY (sku, warehouse_code)) WITHOUT ROWID)"_s,

            uR"(CREATE TABLE sales_documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('quote', 'order')),
            number TEXT NOT NULL DEFAULT '',
            customer_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            date TEXT NOT NULL,
            valid_until TEXT,
            status TEXT NOT NULL,
            status_reason TEXT NOT NULL DEFAULT '',
            net_minor INTEGER,
            tax_minor INTEGER,
            total_minor INTEGER,
            created_by TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            source_quote_id TEXT))"_s,
            u"CREATE INDEX sales_documents_by_customer ON sales_documents (customer_id, date)"_s,
            u"CREATE INDEX sales_documents_by_date ON sales_documents (date)"_s,
            uR"(CREATE TABLE document_lines (
            document_id TEXT NOT NULL REFERENCES sales_documents (id) ON DELETE CASCADE,
            line_no INTEGER NOT NULL CHECK (line_no > 0),
            sku TEXT NOT NULL CHECK (sku <> ''),
            qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
            qty_unit TEXT NOT NULL,
            warehouse_code TEXT NOT NULL DEFAULT '',
            unit_price_minor INTEGER,
            line_net_minor INTEGER,
            line_tax_minor INTEGER,
            line_total_minor INTEGER,
            PRIMARY KEY (document_id, line_no)) WITHOUT ROWID)"_s,
            u"CREATE INDEX document_lines_by_sku ON document_lines (sku)"_s,

            uR"(CREATE TABLE invoices (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL DEFAULT '',
            customer_id TEXT NOT NULL,
            order_id TEXT,
            date TEXT NOT NULL,
            due_date TEXT,
            currency TEXT NOT NULL,
            total_minor INTEGER NOT NULL,
            paid_minor INTEGER NOT NULL DEFAULT 0))"_s,
            u"CREATE INDEX invoices_by_customer ON invoices (customer_id, date)"_s,
            uR"(CREATE TABLE payments (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            date TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT '',
            invoice_id TEXT))"_s,
            u"CREATE INDEX payments_by_customer ON payments (customer_id, date)"_s,

            uR"(CREATE TABLE tickets (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL DEFAULT '',
            customer_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            priority TEXT NOT NULL,
            assignee TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            updated_at TEXT))"_s,
            u"CREATE INDEX tickets_by_customer ON tickets (customer_id, updated_at)"_s,
            u"CREATE INDEX tickets_by_status ON tickets (status)"_s,
            uR"(CREATE TABLE ticket_comments (
            id TEXT PRIMARY KEY,
            ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
            author TEXT NOT NULL DEFAULT '',
            at TEXT,
            body TEXT NOT NULL))"_s,
            u"CREATE INDEX ticket_comments_by_ticket ON ticket_comments (ticket_id, at)"_s,
            uR"(CREATE TABLE activities (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'note')),
            at TEXT,
            subject TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
            photo_path TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX activities_by_customer ON activities (customer_id, at)"_s,
            uR"(CREATE TABLE opportunities (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            title TEXT NOT NULL,
            stage TEXT NOT NULL,
            amount_minor INTEGER,
            currency TEXT,
            probability_percent INTEGER NOT NULL CHECK (probability_percent BETWEEN 0 AND 100),
            expected_close TEXT,
            owner TEXT NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX opportunities_by_customer ON opportunities (customer_id, expected_close)"_s,
        });
}

} // namespace

namespace {

Result<void> createV2(LocalStore &store)
{
    // remove_diacritics 0: SearchText::fold already did it, for more scripts than unicode61
    // knows. prefix indexes make search-as-you-type prefix queries cheap. bm25 weights rank a
    // name match above a code, a phone or a contact.
    auto r = execAll(store,
                     {
                         uR"(CREATE VIRTUAL TABLE customer_search USING fts5(
            name, code, phone, city, contacts,
            tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'))"_s,
                         u"INSERT INTO customer_search (customer_search, rank) "
                         u"VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 2.0, 1.0)')"_s,
                         uR"(CREATE VIRTUAL TABLE product_search USING fts5(
            sku, barcode, name, category,
            tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'))"_s,
                         u"INSERT INTO product_search (product_search, rank) "
                         u"VALUES ('rank', 'bm25(5.0, 5.0, 10.0, 1.0)')"_s,
                     });
    if (!r)
        return r;
    if (auto b = searchindex::backfillCustomers(store); !b)
        return b;
    return searchindex::backfillProducts(store);
}

Result<void> createV3(LocalStore &store)
{
    return execAll(
        store,
        {
            uR"(CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            mutation_id TEXT NOT NULL UNIQUE,
            entity TEXT NOT NULL CHECK (entity <> ''),
            entity_id TEXT NOT NULL DEFAULT '',
            op TEXT NOT NULL CHECK (op <> ''),
            payload BLOB NOT NULL,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'applied', 'rejected')),
            result_reason TEXT NOT NULL DEFAULT '',
            updated_at TEXT))"_s,
            u"CREATE INDEX outbox_by_state ON outbox (state, seq)"_s,
            u"CREATE INDEX outbox_by_entity ON outbox (entity, entity_id)"_s,
            uR"(CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE local_reservations (
            order_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            warehouse_code TEXT NOT NULL,
            qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
            unit TEXT NOT NULL,
            PRIMARY KEY (order_id, sku, warehouse_code)) WITHOUT ROWID)"_s,
            u"CREATE INDEX local_reservations_by_sku ON local_reservations (sku, warehouse_code)"_s,
        });
}

Result<void> createV4(LocalStore &store)
{
    // field_versions: the HLC of the write that last set each field of an entity on this
    // device (a local edit, or a server row once sync applies it); per-field last-writer-wins
    // compares against it. hlc is the sortable text form (docs/sync-protocol.md section 6).
    // conflicts: base/mine/theirs are CBOR-encoded values (a field may be a list, e.g.
    // contacts); base NULL means no common ancestor was known. winner is the side whose value
    // the row now holds.
    return execAll(store,
                   {
                       uR"(CREATE TABLE field_versions (
            entity TEXT NOT NULL CHECK (entity <> ''),
            entity_id TEXT NOT NULL CHECK (entity_id <> ''),
            field TEXT NOT NULL CHECK (field <> ''),
            hlc TEXT NOT NULL CHECK (hlc <> ''),
            PRIMARY KEY (entity, entity_id, field)) WITHOUT ROWID)"_s,
                       uR"(CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL CHECK (entity <> ''),
            entity_id TEXT NOT NULL CHECK (entity_id <> ''),
            field TEXT NOT NULL CHECK (field <> ''),
            base BLOB,
            mine BLOB NOT NULL,
            theirs BLOB NOT NULL,
            winner TEXT NOT NULL CHECK (winner IN ('mine', 'theirs')),
            mine_hlc TEXT NOT NULL,
            theirs_hlc TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IN ('keep_theirs', 'reapply_mine')),
            CHECK ((resolved_at IS NULL) = (resolution IS NULL))))"_s,
                       u"CREATE INDEX conflicts_unresolved ON conflicts (detected_at) "
                       u"WHERE resolved_at IS NULL"_s,
                       u"CREATE INDEX conflicts_by_entity ON conflicts (entity, entity_id)"_s,
                   });
}

Result<void> createV5(LocalStore &store)
{
    // attachments: a customer's signature on an order or quote, a photo of a visit, as the rep
    // took it (AttachmentService; they travel to HQ as "attachment" create mutations). entity_id
    // is the document's or activity's id; no foreign key, like other cross-aggregate references.
    return execAll(store,
                   {
                       uR"(CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL CHECK (entity IN ('order', 'quote', 'activity')),
            entity_id TEXT NOT NULL CHECK (entity_id <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('signature', 'photo')),
            mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
            data BLOB NOT NULL,
            size INTEGER NOT NULL CHECK (size > 0),
            created_at TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT ''))"_s,
                       u"CREATE INDEX attachments_by_entity ON attachments (entity, entity_id)"_s,
                   });
}

} // namespace

QList<MigrationStep> schemaMigrations()
{
    return {
        {1, u"customers, catalog, stock and history tables"_s, createV1},
        {2, u"full-text search for customers and products"_s, createV2},
        {3, u"outbox, sync state and local reservations"_s, createV3},
        {4, u"per-field versions and conflict records"_s, createV4},
        {5, u"signatures and photos (attachments)"_s, createV5},
    };
}

} // namespace karvan
