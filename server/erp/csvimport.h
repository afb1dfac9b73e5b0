#pragma once

#include "erp/erpcommon.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace karvan::hq {

class Database;

namespace erp {

// One record of a CSV file (RFC 4180): its fields, the line it starts on (1 = the header), and
// why it could not be read when it is broken (an unterminated or stray quote).
struct CsvRecord
{
    int line = 0;
    QStringList fields;
    QString error;
};

// Splits UTF-8 CSV text into records: comma separated, fields optionally in double quotes
// ("" is a quote inside), quoted fields may span lines, CRLF or LF line ends, a leading BOM is
// dropped, blank lines are skipped. A broken record is returned with its error and reading
// resumes on the next line.
QList<CsvRecord> parseCsv(const QString &text);

enum class ImportKind { Customers, Products, Prices, Stock };
QStringList importKindNames(); // customers, products, prices, stock
Result<ImportKind> importKindFromName(const QString &name);
// The columns of a kind: required first, then optional.
QStringList importRequiredColumns(ImportKind kind);
QStringList importOptionalColumns(ImportKind kind);

struct ImportProblem
{
    int line = 0;
    QString reason;
};

struct ImportReport
{
    int rows = 0; // data records in the file
    int imported = 0; // written (0 when the file was refused)
    QList<ImportProblem> refused; // sorted by line
    bool committed = false; // false: nothing was written

    // "line N: reason" per problem.
    QStringList problemLines() const;
    QString summary() const; // "3 rows imported, 1 refused"
};

// Imports customers, products, prices or stock from a CSV file through the ERP modules (so
// every row is validated and audited), in one transaction:
//  - customers: name, territory, tax_region, currency [code, payment_terms_days, credit_limit,
//    phone, email, notes, language]; a known code updates that customer;
//  - products: sku, name [base_unit, category, barcode, tax_class, active]; a known SKU
//    updates it;
//  - prices: price_list, sku, unit_price [min_quantity, unit, currency, list_name]; replaces
//    the tiers of the listed SKUs in that list (created, with currency and list_name, when new);
//  - stock: sku, warehouse, quantity, unit_cost [date]: opening stock (Dr inventory / Cr equity).
// A header problem (missing or unknown column) refuses the whole file. Without skipBad a file
// with any bad row imports nothing; with it the good rows are imported. Bad rows are reported
// with their line number and reason, never as an error: the Result fails only when the
// database does.
class CsvImport
{
public:
    explicit CsvImport(Database &db)
        : m_db(db)
    { }

    static constexpr int MaxRows = 100000;

    Result<ImportReport> run(const Actor &actor, ImportKind kind, const QByteArray &utf8,
                             bool skipBad);

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
