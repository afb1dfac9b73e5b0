#include "erp/csvimport.h"

#include "domain/ids.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "erp/inventory.h"
#include "erp/masterdata.h"
#include "storage/database.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

// ---- RFC 4180 -------------------------------------------------------------------------------

QList<CsvRecord> parseCsv(const QString &input)
{
    QList<CsvRecord> records;
    const QString text = input.startsWith(QChar(0xFEFF)) ? input.mid(1) : input;
    const qsizetype n = text.size();
    qsizetype i = 0;
    int line = 1;
    while (i < n) {
        CsvRecord record;
        record.line = line;
        const qsizetype recordStart = i;
        // A blank line is no record.
        if (text.at(i) == u'\n' || (text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')) {
            i += text.at(i) == u'\r' ? 2 : 1;
            ++line;
            continue;
        }
        QString field;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i < n && text.at(i) == u'"') {
                // A quoted field: up to the closing quote; "" is a quote.
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar ch = text.at(i);
                    if (ch == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (ch == u'\n')
                        ++line;
                    field += ch;
                    ++i;
                }
                if (!closed) {
                    record.error = u"a quoted field is not closed (unterminated quote)"_s;
                    break;
                }
                if (i < n && text.at(i) != u',' && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    record.error = u"text after the closing quote of a field"_s;
                    break;
                }
            } else {
                while (i < n && text.at(i) != u',' && text.at(i) != u'\n'
                       && !(text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')) {
                    if (text.at(i) == u'"') {
                        record.error = u"a quote inside an unquoted field (quote the field and "
                                       "double the quote)"_s;
                        break;
                    }
                    field += text.at(i);
                    ++i;
                }
                if (!record.error.isEmpty())
                    break;
            }
            record.fields.append(field);
            field.clear();
            if (i >= n) {
                endOfRecord = true;
            } else if (text.at(i) == u',') {
                ++i;
            } else {
                i += text.at(i) == u'\r' ? 2 : 1;
                ++line;
                endOfRecord = true;
            }
        }
        if (!record.error.isEmpty()) {
            record.fields.clear();
            // Resume on the line after the one the broken record started on: an unterminated
            // quote must not swallow the rest of the file.
            i = recordStart;
            line = record.line;
            while (i < n && text.at(i) != u'\n')
                ++i;
            if (i < n) {
                ++i;
                ++line;
            }
        }
        records.append(record);
    }
    return records;
}

// ---- kinds ----------------------------------------------------------------------------------

QStringList importKindNames()
{
    return {u"customers"_s, u"products"_s, u"prices"_s, u"stock"_s};
}

Result<ImportKind> importKindFromName(const QString &name)
{
    const QStringList names = importKindNames();
    const qsizetype index = names.indexOf(name);
    if (index < 0) {
        return invalid(
            u"unknown import \"%1\" (known: %2)"_s.arg(name.left(64), names.join(u", "_s)));
    }
    return ImportKind(index);
}

QStringList importRequiredColumns(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Customers:
        return {u"name"_s, u"territory"_s, u"tax_region"_s, u"currency"_s};
    case ImportKind::Products:
        return {u"sku"_s, u"name"_s};
    case ImportKind::Prices:
        return {u"price_list"_s, u"sku"_s, u"unit_price"_s};
    case ImportKind::Stock:
        return {u"sku"_s, u"warehouse"_s, u"quantity"_s, u"unit_cost"_s};
    }
    return {};
}

QStringList importOptionalColumns(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Customers:
        return {u"code"_s,         u"payment_terms_days"_s,
                u"credit_limit"_s, u"phone"_s,
                u"email"_s,        u"notes"_s,
                u"language"_s};
    case ImportKind::Products:
        return {u"base_unit"_s, u"category"_s, u"barcode"_s, u"tax_class"_s, u"active"_s};
    case ImportKind::Prices:
        return {u"min_quantity"_s, u"unit"_s, u"currency"_s, u"list_name"_s};
    case ImportKind::Stock:
        return {u"date"_s};
    }
    return {};
}

QStringList ImportReport::problemLines() const
{
    QStringList out;
    for (const ImportProblem &p : refused)
        out.append(u"line %1: %2"_s.arg(p.line).arg(p.reason));
    return out;
}

QString ImportReport::summary() const
{
    if (!committed && !refused.isEmpty() && imported == 0) {
        return u"nothing imported: %1 of %2 rows refused (fix them, or use --skip-bad to import "
               "the others)"_s.arg(refused.size())
                   .arg(rows);
    }
    return u"%1 rows imported, %2 refused"_s.arg(imported).arg(refused.size());
}

namespace {

using Fields = QHash<QString, QString>;

Error rowError(const QString &message)
{
    return invalid(message);
}

Result<qint64> integerField(const Fields &f, const QString &column, qint64 min, qint64 max,
                            qint64 fallback)
{
    const QString text = f.value(column);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return rowError(u"%1 must be a whole number from %2 to %3"_s.arg(column).arg(min).arg(max));
    return value;
}

Result<Customer> customerRow(MasterData &master, Database &db, const Fields &f)
{
    Customer c;
    const QString code = f.value(u"code"_s);
    if (!code.isEmpty()) {
        auto existing = queryRow(db, u"SELECT id FROM customers WHERE code = ?"_s, {code});
        if (!existing)
            return existing.error();
        if (!existing->isEmpty()) {
            auto record = master.findCustomer(existing->at(0).toString());
            if (!record)
                return record.error();
            c = record->customer;
        }
        c.code = code;
    }
    c.name = f.value(u"name"_s);
    c.territory = f.value(u"territory"_s);
    c.taxRegion = f.value(u"tax_region"_s);
    c.currency = f.value(u"currency"_s).toUpper();
    if (!Currency::isKnown(c.currency))
        return rowError(u"unknown currency \"%1\""_s.arg(c.currency.left(16)));
    for (const auto &[column, target] :
         {std::pair {u"phone"_s, &c.phone}, std::pair {u"email"_s, &c.email},
          std::pair {u"notes"_s, &c.notes}, std::pair {u"language"_s, &c.language}}) {
        if (f.contains(column))
            *target = f.value(column);
    }
    auto terms = integerField(f, u"payment_terms_days"_s, 0, 3650, c.paymentTermsDays);
    if (!terms)
        return terms.error();
    c.paymentTermsDays = int(*terms);
    if (!f.value(u"credit_limit"_s).isEmpty()) {
        auto limit = Money::parse(f.value(u"credit_limit"_s), c.currency);
        if (!limit)
            return rowError(u"credit_limit: "_s + limit.errorMessage());
        if (limit->isNegative())
            return rowError(u"credit_limit must not be negative"_s);
        c.creditLimit = *limit;
    }
    return c;
}

Result<Product> productRow(MasterData &master, const Fields &f)
{
    Product p;
    auto existing = master.findProduct(f.value(u"sku"_s));
    if (existing)
        p = *existing;
    else if (existing.error().code != ErrorCode::NotFound)
        return existing.error();
    p.sku = f.value(u"sku"_s);
    p.name = f.value(u"name"_s);
    for (const auto &[column, target] :
         {std::pair {u"base_unit"_s, &p.baseUnit}, std::pair {u"category"_s, &p.category},
          std::pair {u"barcode"_s, &p.barcode}, std::pair {u"tax_class"_s, &p.taxClass}}) {
        if (!f.value(column).isEmpty())
            *target = f.value(column);
    }
    const QString active = f.value(u"active"_s).toLower();
    if (!active.isEmpty()) {
        if (active == u"1"_s || active == u"true"_s || active == u"yes"_s)
            p.active = true;
        else if (active == u"0"_s || active == u"false"_s || active == u"no"_s)
            p.active = false;
        else
            return rowError(u"active must be 1/0, true/false or yes/no"_s);
    }
    return p;
}

// A price row, validated; the list it goes to is saved once all rows are read.
struct PriceRow
{
    int line = 0;
    QString list;
    QString sku;
    QString unit;
    qint64 minMilli = 0;
    qint64 priceMinor = 0;
};

struct ListHead
{
    QString id;
    QString name;
    QString currency;
    bool isBase = false;
    bool exists = false;
};

Result<ListHead> listHead(Database &db, const QString &code)
{
    auto row = queryRow(db, u"SELECT id, name, currency, is_base FROM price_lists WHERE code = ?"_s,
                        {code});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return ListHead {};
    return ListHead {row->at(0).toString(), row->at(1).toString(), row->at(2).toString(),
                     row->at(3).toInt() != 0, true};
}

Result<PriceRow> priceRow(MasterData &master, Database &db, QHash<QString, ListHead> &heads,
                          const Fields &f)
{
    PriceRow r;
    r.list = f.value(u"price_list"_s);
    r.sku = f.value(u"sku"_s);
    if (!heads.contains(r.list)) {
        auto head = listHead(db, r.list);
        if (!head)
            return head.error();
        heads.insert(r.list, *head);
    }
    ListHead &head = heads[r.list];
    const QString currency = f.value(u"currency"_s).toUpper();
    if (!head.exists && head.currency.isEmpty()) {
        if (currency.isEmpty()) {
            return rowError(
                u"price list %1 does not exist: give its currency to create it"_s.arg(r.list));
        }
        head.currency = currency;
        head.name = f.value(u"list_name"_s).isEmpty() ? r.list : f.value(u"list_name"_s);
    }
    if (!currency.isEmpty() && currency != head.currency) {
        return rowError(
            u"price list %1 is in %2, not %3"_s.arg(r.list, head.currency, currency.left(16)));
    }
    if (!Currency::isKnown(head.currency))
        return rowError(u"unknown currency \"%1\""_s.arg(head.currency.left(16)));
    auto product = master.findProduct(r.sku);
    if (!product) {
        if (product.error().code == ErrorCode::NotFound)
            return rowError(u"unknown SKU \"%1\""_s.arg(r.sku.left(64)));
        return product.error();
    }
    r.unit = f.value(u"unit"_s).isEmpty() ? product->baseUnit : f.value(u"unit"_s);
    bool knownUnit = r.unit == product->baseUnit;
    for (const UnitConversion &u : product->unitConversions)
        knownUnit = knownUnit || u.unit == r.unit;
    if (!knownUnit)
        return rowError(u"SKU %1 is not sold in unit \"%2\""_s.arg(r.sku, r.unit.left(16)));
    const QString min = f.value(u"min_quantity"_s).isEmpty() ? u"1"_s : f.value(u"min_quantity"_s);
    auto minQty = Quantity::parse(min, r.unit);
    if (!minQty || !minQty->isPositive())
        return rowError(u"min_quantity must be a quantity above zero"_s);
    r.minMilli = minQty->milli();
    auto price = Money::parse(f.value(u"unit_price"_s), head.currency);
    if (!price)
        return rowError(u"unit_price: "_s + price.errorMessage());
    if (price->isNegative())
        return rowError(u"unit_price must not be negative"_s);
    r.priceMinor = price->minorUnits();
    return r;
}

// The list as stored, with the file's SKUs' tiers replaced by the file's.
Result<PriceList> mergedList(Database &db, const QString &code, const ListHead &head,
                             const QList<PriceRow> &rows)
{
    PriceList list;
    list.code = code;
    list.name = head.name;
    list.currency = head.currency;
    list.isBase = head.isBase;
    if (head.exists)
        list.id = QUuid::fromString(head.id);
    QSet<QString> replaced;
    for (const PriceRow &r : rows)
        replaced.insert(r.sku);
    QMap<QPair<QString, QString>, QList<PriceTier>> tiers;
    if (head.exists) {
        auto stored = queryRows(db,
                                u"SELECT sku, unit, min_milli, unit_price_minor, min_unit FROM "
                                "price_list_tiers WHERE price_list_id = ?"_s,
                                {head.id});
        if (!stored)
            return stored.error();
        for (const Row &t : *stored) {
            if (replaced.contains(t.at(0).toString()))
                continue;
            // The minimum's own unit; a unit-less one is read in the unit of the price, as
            // pricing reads it (pricingcatalog.cpp).
            QString minUnit = t.at(4).toString();
            if (minUnit.isEmpty())
                minUnit = t.at(1).toString().isEmpty() ? u"ea"_s : t.at(1).toString();
            auto qty = Quantity::fromMilli(t.at(2).toLongLong(), minUnit);
            auto price = Money::fromMinor(t.at(3).toLongLong(), head.currency);
            if (!qty || !price)
                return qty ? price.error() : qty.error();
            tiers[{t.at(0).toString(), t.at(1).toString()}].append(PriceTier {*qty, *price});
        }
    }
    for (const PriceRow &r : rows) {
        tiers[{r.sku, r.unit}].append(
            PriceTier {Quantity::fromMilli(r.minMilli, r.unit).value(),
                       Money::fromMinor(r.priceMinor, head.currency).value()});
    }
    for (auto it = tiers.begin(); it != tiers.end(); ++it) {
        QList<PriceTier> sorted = it.value();
        std::sort(sorted.begin(), sorted.end(), [](const PriceTier &a, const PriceTier &b) {
            return a.minQuantity.milli() < b.minQuantity.milli();
        });
        list.entries.append(PriceListEntry {it.key().first, it.key().second, sorted});
    }
    return list;
}

Result<void> stockRow(const Actor &actor, Database &db, const Fields &f)
{
    MasterData master(db);
    const QString sku = f.value(u"sku"_s);
    const QString warehouse = f.value(u"warehouse"_s);
    auto product = master.findProduct(sku);
    if (!product) {
        if (product.error().code == ErrorCode::NotFound)
            return rowError(u"unknown SKU \"%1\""_s.arg(sku.left(64)));
        return product.error();
    }
    auto known = master.warehouseExists(warehouse);
    if (!known)
        return known.error();
    if (!*known)
        return rowError(u"unknown warehouse \"%1\""_s.arg(warehouse.left(64)));
    const QString qtyText = f.value(u"quantity"_s);
    if (qtyText.startsWith(u'-'))
        return rowError(u"quantity must not be negative"_s);
    auto qty = Quantity::parse(qtyText, product->baseUnit);
    if (!qty)
        return rowError(u"quantity: "_s + qty.errorMessage());
    if (!qty->isPositive())
        return rowError(u"quantity must be above zero"_s);
    auto currency = companyCurrency(db);
    if (!currency)
        return currency.error();
    auto cost = Money::parse(f.value(u"unit_cost"_s), *currency);
    if (!cost)
        return rowError(u"unit_cost: "_s + cost.errorMessage());
    if (cost->isNegative())
        return rowError(u"unit_cost must not be negative"_s);
    QDate date = QDate::currentDate();
    if (!f.value(u"date"_s).isEmpty()) {
        date = QDate::fromString(f.value(u"date"_s), Qt::ISODate);
        if (!date.isValid())
            return rowError(u"date must be YYYY-MM-DD"_s);
    }
    auto moved
        = Inventory(db).openingStock(actor, sku, warehouse, qty->milli(), cost->minorUnits(), date);
    if (!moved)
        return moved.error();
    return {};
}

// The line of the first invalid UTF-8 sequence, or 0.
int invalidUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    for (const QByteArray &l : bytes.split('\n')) {
        // Invalid bytes (including a sequence cut off at the line's end) decode to U+FFFD,
        // which does not encode back to them.
        if (QString::fromUtf8(l).toUtf8() != l)
            return line;
        ++line;
    }
    return 0;
}

} // namespace

Result<ImportReport> CsvImport::run(const Actor &actor, ImportKind kind, const QByteArray &utf8,
                                    bool skipBad)
{
    ImportReport report;
    if (const int bad = invalidUtf8Line(utf8)) {
        report.refused.append({bad, u"the file is not valid UTF-8"_s});
        return report;
    }
    const QList<CsvRecord> records = parseCsv(QString::fromUtf8(utf8));
    if (records.isEmpty()) {
        report.refused.append({1, u"the file is empty: a header row is required"_s});
        return report;
    }
    // The header: every required column, no unknown or repeated one.
    const CsvRecord &head = records.constFirst();
    if (!head.error.isEmpty()) {
        report.refused.append({head.line, u"header: "_s + head.error});
        return report;
    }
    QStringList columns;
    for (const QString &c : head.fields)
        columns.append(c.trimmed().toLower());
    const QStringList required = importRequiredColumns(kind);
    const QStringList known = required + importOptionalColumns(kind);
    for (const QString &c : required) {
        if (!columns.contains(c))
            report.refused.append({head.line, u"missing required column \"%1\""_s.arg(c)});
    }
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!known.contains(columns.at(i))) {
            report.refused.append({head.line,
                                   u"unknown column \"%1\" (known: %2)"_s.arg(
                                       columns.at(i).left(64), known.join(u", "_s))});
        } else if (columns.indexOf(columns.at(i)) != i) {
            report.refused.append({head.line, u"column \"%1\" appears twice"_s.arg(columns.at(i))});
        }
    }
    report.rows = int(records.size() - 1);
    if (report.rows > MaxRows) {
        report.refused.append({head.line, u"more than %1 rows: split the file"_s.arg(MaxRows)});
    }
    if (!report.refused.isEmpty())
        return report;

    MasterData master(m_db);
    QHash<QString, ListHead> heads;
    QMap<QString, QList<PriceRow>> prices; // by list code, in file order
    bool refusedWhole = false;
    int imported = 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        for (qsizetype r = 1; r < records.size(); ++r) {
            const CsvRecord &record = records.at(r);
            if (!record.error.isEmpty()) {
                report.refused.append({record.line, record.error});
                continue;
            }
            if (record.fields.size() != columns.size()) {
                report.refused.append({record.line,
                                       u"expected %1 fields, found %2"_s.arg(columns.size())
                                           .arg(record.fields.size())});
                continue;
            }
            Fields f;
            for (qsizetype i = 0; i < columns.size(); ++i)
                f.insert(columns.at(i), record.fields.at(i).trimmed());
            QString empty;
            for (const QString &c : required) {
                if (f.value(c).isEmpty()) {
                    empty = c;
                    break;
                }
            }
            if (!empty.isEmpty()) {
                report.refused.append({record.line, u"column \"%1\" is empty"_s.arg(empty)});
                continue;
            }
            // Each row in a savepoint: a refused row leaves nothing behind.
            auto row = m_db.transaction([&]() -> Result<void> {
                switch (kind) {
                case ImportKind::Customers: {
                    auto c = customerRow(master, m_db, f);
                    if (!c)
                        return c.error();
                    auto saved = master.saveCustomer(actor, *c);
                    return saved ? Result<void>() : Result<void>(saved.error());
                }
                case ImportKind::Products: {
                    auto p = productRow(master, f);
                    if (!p)
                        return p.error();
                    auto saved = master.saveProduct(actor, *p);
                    return saved ? Result<void>() : Result<void>(saved.error());
                }
                case ImportKind::Prices: {
                    auto p = priceRow(master, m_db, heads, f);
                    if (!p)
                        return p.error();
                    PriceRow row = *p;
                    row.line = record.line;
                    prices[row.list].append(row);
                    return {};
                }
                case ImportKind::Stock:
                    return stockRow(actor, m_db, f);
                }
                return {};
            });
            if (!row) {
                if (row.error().code == ErrorCode::Storage)
                    return row.error();
                report.refused.append({record.line, row.errorMessage()});
                continue;
            }
            ++imported;
        }
        // Prices are saved per list, once every row of it was read.
        for (auto it = prices.begin(); it != prices.end(); ++it) {
            auto saved = m_db.transaction([&]() -> Result<void> {
                auto list = mergedList(m_db, it.key(), heads.value(it.key()), it.value());
                if (!list)
                    return list.error();
                auto s = master.savePriceList(actor, *list);
                return s ? Result<void>() : Result<void>(s.error());
            });
            if (!saved) {
                if (saved.error().code == ErrorCode::Storage)
                    return saved.error();
                for (const PriceRow &p : it.value())
                    report.refused.append({p.line, saved.errorMessage()});
                imported -= int(it.value().size());
            }
        }
        if (!report.refused.isEmpty() && !skipBad) {
            refusedWhole = true;
            return makeError(ErrorCode::Conflict, u"the file has bad rows"_s);
        }
        return {};
    });
    std::sort(report.refused.begin(), report.refused.end(),
              [](const ImportProblem &a, const ImportProblem &b) { return a.line < b.line; });
    if (!done) {
        if (!refusedWhole)
            return done.error();
        return report;
    }
    report.imported = imported;
    report.committed = true;
    return report;
}

} // namespace karvan::hq::erp
