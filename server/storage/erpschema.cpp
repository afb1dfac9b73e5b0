#include "storage/erpschema.h"

#include "storage/database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

Result<void> execAll(Database &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r.error();
    }
    return {};
}

} // namespace

Result<void> createMasterData(Database &db)
{
    return execAll(
        db,
        {
            // Key/value company settings: company_currency, closed_through (YYYY-MM), ...
            u"CREATE TABLE erp_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"INSERT INTO erp_settings (key, value) VALUES ('company_currency', 'USD')"_s,
            u"INSERT INTO erp_settings (key, value) VALUES ('closed_through', '')"_s,
            // Document number sequences (SO, INV, PO, ...), incremented under a row lock.
            u"CREATE TABLE erp_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"_s,
            u"CREATE TABLE customers ("
            "  id TEXT PRIMARY KEY,"
            "  code TEXT NOT NULL UNIQUE,"
            "  name TEXT NOT NULL,"
            "  language TEXT NOT NULL DEFAULT '',"
            "  contacts TEXT NOT NULL DEFAULT '[]',"
            "  addresses TEXT NOT NULL DEFAULT '[]',"
            "  phone TEXT NOT NULL DEFAULT '',"
            "  email TEXT NOT NULL DEFAULT '',"
            "  notes TEXT NOT NULL DEFAULT '',"
            "  territory TEXT NOT NULL,"
            "  price_list_id TEXT,"
            "  payment_terms_days INTEGER NOT NULL,"
            "  credit_limit_minor BIGINT,"
            "  currency TEXT NOT NULL,"
            "  tax_region TEXT NOT NULL,"
            "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
            "  credit_hold INTEGER NOT NULL DEFAULT 0 CHECK (credit_hold IN (0, 1)),"
            "  updated_at TEXT NOT NULL)"_s,
            u"CREATE INDEX customers_by_territory ON customers (territory)"_s,
            u"CREATE TABLE products ("
            "  id TEXT PRIMARY KEY,"
            "  sku TEXT NOT NULL UNIQUE,"
            "  barcode TEXT NOT NULL DEFAULT '',"
            "  name TEXT NOT NULL,"
            "  category TEXT NOT NULL DEFAULT '',"
            "  base_unit TEXT NOT NULL,"
            "  unit_conversions TEXT NOT NULL DEFAULT '[]',"
            "  tax_class TEXT NOT NULL,"
            "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)))"_s,
            u"CREATE TABLE warehouses ("
            "  id TEXT PRIMARY KEY,"
            "  code TEXT NOT NULL UNIQUE,"
            "  name TEXT NOT NULL,"
            "  region TEXT NOT NULL DEFAULT '',"
            "  store TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE TABLE price_lists ("
            "  id TEXT PRIMARY KEY,"
            "  code TEXT NOT NULL UNIQUE,"
            "  name TEXT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  is_base INTEGER NOT NULL DEFAULT 0 CHECK (is_base IN (0, 1)))"_s,
            // One row per tier; min_unit empty: the unit of the price.
            u"CREATE TABLE price_list_tiers ("
            "  price_list_id TEXT NOT NULL REFERENCES price_lists(id) ON DELETE CASCADE,"
            "  sku TEXT NOT NULL,"
            "  unit TEXT NOT NULL,"
            "  min_milli BIGINT NOT NULL,"
            "  min_unit TEXT NOT NULL DEFAULT '',"
            "  unit_price_minor BIGINT NOT NULL,"
            "  PRIMARY KEY (price_list_id, sku, unit, min_milli))"_s,
            u"CREATE TABLE customer_prices ("
            "  id TEXT PRIMARY KEY,"
            "  customer_id TEXT NOT NULL REFERENCES customers(id),"
            "  sku TEXT NOT NULL,"
            "  unit_price_minor BIGINT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  valid_from TEXT,"
            "  valid_to TEXT)"_s,
            u"CREATE INDEX customer_prices_by_customer ON customer_prices (customer_id, sku)"_s,
            u"CREATE TABLE promotions ("
            "  id TEXT PRIMARY KEY,"
            "  code TEXT NOT NULL UNIQUE,"
            "  name TEXT NOT NULL,"
            "  kind TEXT NOT NULL CHECK (kind IN ('percent_off', 'amount_off')),"
            "  percent_bp INTEGER NOT NULL DEFAULT 0,"
            "  amount_off_minor BIGINT NOT NULL DEFAULT 0,"
            "  currency TEXT NOT NULL DEFAULT '',"
            "  valid_from TEXT NOT NULL,"
            "  valid_to TEXT NOT NULL,"
            "  skus TEXT NOT NULL DEFAULT '[]',"
            "  territories TEXT NOT NULL DEFAULT '[]',"
            "  min_milli BIGINT,"
            "  min_unit TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE TABLE tax_rules ("
            "  tax_class TEXT NOT NULL,"
            "  region TEXT NOT NULL,"
            "  rate_bp INTEGER NOT NULL,"
            "  inclusive INTEGER NOT NULL DEFAULT 0 CHECK (inclusive IN (0, 1)),"
            "  name TEXT NOT NULL,"
            "  PRIMARY KEY (tax_class, region))"_s,
            u"CREATE TABLE vendors ("
            "  id TEXT PRIMARY KEY,"
            "  code TEXT NOT NULL UNIQUE,"
            "  name TEXT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  payment_terms_days INTEGER NOT NULL,"
            "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)))"_s,
        });
}

Result<void> createLedger(Database &db)
{
    QStringList statements {
        u"CREATE TABLE accounts ("
        "  code TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', "
        "'expense')))"_s,
        u"CREATE TABLE journal_entries ("
        "  id TEXT PRIMARY KEY,"
        "  entry_date TEXT NOT NULL,"
        "  currency TEXT NOT NULL,"
        "  memo TEXT NOT NULL,"
        "  source_type TEXT NOT NULL,"
        "  source_id TEXT NOT NULL,"
        "  posted_by TEXT NOT NULL,"
        "  posted_at TEXT NOT NULL)"_s,
        u"CREATE INDEX journal_entries_by_source ON journal_entries (source_type, source_id)"_s,
        u"CREATE INDEX journal_entries_by_date ON journal_entries (entry_date)"_s,
        // party_id: the customer (AR lines) or vendor (AP lines) a line belongs to.
        u"CREATE TABLE journal_lines ("
        "  entry_id TEXT NOT NULL REFERENCES journal_entries(id),"
        "  line_no INTEGER NOT NULL,"
        "  account_code TEXT NOT NULL REFERENCES accounts(code),"
        "  debit_minor BIGINT NOT NULL CHECK (debit_minor >= 0),"
        "  credit_minor BIGINT NOT NULL CHECK (credit_minor >= 0),"
        "  currency TEXT NOT NULL,"
        "  party_id TEXT,"
        "  PRIMARY KEY (entry_id, line_no))"_s,
        u"CREATE INDEX journal_lines_by_account ON journal_lines (account_code, currency)"_s,
    };
    const QList<std::pair<const char16_t *, std::pair<const char16_t *, const char16_t *>>> chart {
        {u"1000", {u"Cash and bank", u"asset"}},
        {u"1100", {u"Accounts receivable (control)", u"asset"}},
        {u"1200", {u"Inventory", u"asset"}},
        {u"1300", {u"Tax receivable (input tax)", u"asset"}},
        {u"2000", {u"Accounts payable (control)", u"liability"}},
        {u"2100", {u"Goods received not invoiced", u"liability"}},
        {u"2200", {u"Tax payable (output tax)", u"liability"}},
        {u"3000", {u"Owner's equity and opening balances", u"equity"}},
        {u"3100", {u"Retained earnings", u"equity"}},
        {u"4000", {u"Sales revenue", u"revenue"}},
        {u"4100", {u"Sales returns", u"revenue"}},
        {u"5000", {u"Cost of goods sold", u"expense"}},
        {u"5100", {u"Inventory adjustments", u"expense"}},
    };
    for (const auto &[code, rest] : chart) {
        statements.append(
            u"INSERT INTO accounts (code, name, type) VALUES ('%1', '%2', '%3')"_s.arg(
                QString::fromUtf16(code), QString::fromUtf16(rest.first).replace(u"'"_s, u"''"_s),
                QString::fromUtf16(rest.second)));
    }
    return execAll(db, statements);
}

Result<void> createInventory(Database &db)
{
    return execAll(
        db,
        {
            // value_minor: the stock's total value in the company currency; the moving-average
            // unit cost is value_minor / on_hand_milli, never stored rounded.
            u"CREATE TABLE stock ("
            "  sku TEXT NOT NULL,"
            "  warehouse_code TEXT NOT NULL,"
            "  on_hand_milli BIGINT NOT NULL DEFAULT 0,"
            "  reserved_milli BIGINT NOT NULL DEFAULT 0,"
            "  value_minor BIGINT NOT NULL DEFAULT 0,"
            "  reorder_point_milli BIGINT NOT NULL DEFAULT 0,"
            "  updated_at TEXT NOT NULL,"
            "  PRIMARY KEY (sku, warehouse_code))"_s,
            u"CREATE TABLE stock_moves ("
            "  id TEXT PRIMARY KEY,"
            "  move_date TEXT NOT NULL,"
            "  kind TEXT NOT NULL,"
            "  sku TEXT NOT NULL,"
            "  warehouse_code TEXT NOT NULL,"
            "  qty_milli BIGINT NOT NULL,"
            "  value_minor BIGINT NOT NULL,"
            "  source_type TEXT NOT NULL,"
            "  source_id TEXT NOT NULL,"
            "  journal_entry_id TEXT,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            u"CREATE INDEX stock_moves_by_sku ON stock_moves (sku, warehouse_code)"_s,
            u"CREATE INDEX stock_moves_by_source ON stock_moves (source_type, source_id)"_s,
        });
}

Result<void> createSales(Database &db)
{
    return execAll(
        db,
        {
            // intake_outcome/intake_reason: what intake answered, returned again to a re-sent
            // order; status/status_reason: where the order is now.
            u"CREATE TABLE sales_orders ("
            "  id TEXT PRIMARY KEY,"
            "  doc_number TEXT NOT NULL UNIQUE,"
            "  customer_id TEXT NOT NULL REFERENCES customers(id),"
            "  currency TEXT NOT NULL,"
            "  order_date TEXT NOT NULL,"
            "  status TEXT NOT NULL,"
            "  status_reason TEXT NOT NULL DEFAULT '',"
            "  intake_outcome TEXT NOT NULL,"
            "  intake_reason TEXT NOT NULL DEFAULT '',"
            "  credit_decision TEXT NOT NULL DEFAULT '{}',"
            "  net_minor BIGINT NOT NULL,"
            "  tax_minor BIGINT NOT NULL,"
            "  total_minor BIGINT NOT NULL,"
            "  rep_login TEXT NOT NULL,"
            "  created_at TEXT NOT NULL,"
            "  updated_at TEXT NOT NULL)"_s,
            u"CREATE INDEX sales_orders_by_customer ON sales_orders (customer_id, status)"_s,
            // Quantities in the product's base unit (thousandths). allocated = reserved and not
            // yet delivered. delivered_cost: COGS of what was delivered, for returns.
            u"CREATE TABLE sales_order_lines ("
            "  order_id TEXT NOT NULL REFERENCES sales_orders(id),"
            "  line_no INTEGER NOT NULL,"
            "  sku TEXT NOT NULL,"
            "  unit TEXT NOT NULL,"
            "  qty_milli BIGINT NOT NULL,"
            "  base_qty_milli BIGINT NOT NULL CHECK (base_qty_milli > 0),"
            "  warehouse_code TEXT NOT NULL,"
            "  unit_price_minor BIGINT NOT NULL,"
            "  net_minor BIGINT NOT NULL,"
            "  tax_minor BIGINT NOT NULL,"
            "  total_minor BIGINT NOT NULL,"
            "  allocated_milli BIGINT NOT NULL DEFAULT 0,"
            "  delivered_milli BIGINT NOT NULL DEFAULT 0,"
            "  delivered_cost_minor BIGINT NOT NULL DEFAULT 0,"
            "  invoiced_milli BIGINT NOT NULL DEFAULT 0,"
            "  invoiced_net_minor BIGINT NOT NULL DEFAULT 0,"
            "  invoiced_tax_minor BIGINT NOT NULL DEFAULT 0,"
            "  returned_milli BIGINT NOT NULL DEFAULT 0,"
            "  returned_cost_minor BIGINT NOT NULL DEFAULT 0,"
            "  PRIMARY KEY (order_id, line_no))"_s,
            u"CREATE TABLE deliveries ("
            "  id TEXT PRIMARY KEY,"
            "  order_id TEXT NOT NULL REFERENCES sales_orders(id),"
            "  delivery_date TEXT NOT NULL,"
            "  cost_minor BIGINT NOT NULL,"
            "  journal_entry_id TEXT,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            // Invoices and credit notes (kind); totals positive for both.
            u"CREATE TABLE invoices ("
            "  id TEXT PRIMARY KEY,"
            "  doc_number TEXT NOT NULL UNIQUE,"
            "  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),"
            "  customer_id TEXT NOT NULL REFERENCES customers(id),"
            "  order_id TEXT NOT NULL REFERENCES sales_orders(id),"
            "  original_invoice_id TEXT,"
            "  invoice_date TEXT NOT NULL,"
            "  due_date TEXT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  net_minor BIGINT NOT NULL,"
            "  tax_minor BIGINT NOT NULL,"
            "  total_minor BIGINT NOT NULL,"
            "  rep_login TEXT NOT NULL,"
            "  journal_entry_id TEXT NOT NULL,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            u"CREATE INDEX invoices_by_customer ON invoices (customer_id, kind)"_s,
            u"CREATE TABLE invoice_lines ("
            "  invoice_id TEXT NOT NULL REFERENCES invoices(id),"
            "  line_no INTEGER NOT NULL,"
            "  sku TEXT NOT NULL,"
            "  base_qty_milli BIGINT NOT NULL,"
            "  net_minor BIGINT NOT NULL,"
            "  tax_minor BIGINT NOT NULL,"
            "  returned_milli BIGINT NOT NULL DEFAULT 0,"
            "  returned_net_minor BIGINT NOT NULL DEFAULT 0,"
            "  returned_tax_minor BIGINT NOT NULL DEFAULT 0,"
            "  PRIMARY KEY (invoice_id, line_no))"_s,
            u"CREATE TABLE payments ("
            "  id TEXT PRIMARY KEY,"
            "  customer_id TEXT NOT NULL REFERENCES customers(id),"
            "  payment_date TEXT NOT NULL,"
            "  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),"
            "  currency TEXT NOT NULL,"
            "  method TEXT NOT NULL,"
            "  journal_entry_id TEXT NOT NULL,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            // A payment or a credit note settling (part of) an invoice.
            u"CREATE TABLE ar_allocations ("
            "  id TEXT PRIMARY KEY,"
            "  invoice_id TEXT NOT NULL REFERENCES invoices(id),"
            "  source_kind TEXT NOT NULL CHECK (source_kind IN ('payment', 'credit_note')),"
            "  source_id TEXT NOT NULL,"
            "  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),"
            "  allocated_at TEXT NOT NULL)"_s,
            u"CREATE INDEX ar_allocations_by_invoice ON ar_allocations (invoice_id)"_s,
            u"CREATE INDEX ar_allocations_by_source ON ar_allocations (source_id)"_s,
        });
}

Result<void> createPurchasing(Database &db)
{
    return execAll(
        db,
        {
            u"CREATE TABLE purchase_orders ("
            "  id TEXT PRIMARY KEY,"
            "  doc_number TEXT NOT NULL UNIQUE,"
            "  vendor_id TEXT NOT NULL REFERENCES vendors(id),"
            "  warehouse_code TEXT NOT NULL,"
            "  order_date TEXT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  status TEXT NOT NULL,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            // received_value: GRNI credited so far for the line; billed_value: GRNI cleared.
            u"CREATE TABLE purchase_order_lines ("
            "  po_id TEXT NOT NULL REFERENCES purchase_orders(id),"
            "  line_no INTEGER NOT NULL,"
            "  sku TEXT NOT NULL,"
            "  qty_milli BIGINT NOT NULL CHECK (qty_milli > 0),"
            "  unit_cost_minor BIGINT NOT NULL CHECK (unit_cost_minor >= 0),"
            "  received_milli BIGINT NOT NULL DEFAULT 0,"
            "  received_value_minor BIGINT NOT NULL DEFAULT 0,"
            "  billed_milli BIGINT NOT NULL DEFAULT 0,"
            "  billed_value_minor BIGINT NOT NULL DEFAULT 0,"
            "  PRIMARY KEY (po_id, line_no))"_s,
            u"CREATE TABLE vendor_bills ("
            "  id TEXT PRIMARY KEY,"
            "  doc_number TEXT NOT NULL UNIQUE,"
            "  vendor_reference TEXT NOT NULL DEFAULT '',"
            "  vendor_id TEXT NOT NULL REFERENCES vendors(id),"
            "  po_id TEXT NOT NULL REFERENCES purchase_orders(id),"
            "  bill_date TEXT NOT NULL,"
            "  due_date TEXT NOT NULL,"
            "  currency TEXT NOT NULL,"
            "  net_minor BIGINT NOT NULL,"
            "  tax_minor BIGINT NOT NULL,"
            "  total_minor BIGINT NOT NULL,"
            "  journal_entry_id TEXT NOT NULL,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            u"CREATE TABLE vendor_payments ("
            "  id TEXT PRIMARY KEY,"
            "  vendor_id TEXT NOT NULL REFERENCES vendors(id),"
            "  payment_date TEXT NOT NULL,"
            "  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),"
            "  currency TEXT NOT NULL,"
            "  journal_entry_id TEXT NOT NULL,"
            "  created_by TEXT NOT NULL,"
            "  created_at TEXT NOT NULL)"_s,
            u"CREATE TABLE ap_allocations ("
            "  id TEXT PRIMARY KEY,"
            "  bill_id TEXT NOT NULL REFERENCES vendor_bills(id),"
            "  payment_id TEXT NOT NULL REFERENCES vendor_payments(id),"
            "  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),"
            "  allocated_at TEXT NOT NULL)"_s,
        });
}

} // namespace karvan::hq
