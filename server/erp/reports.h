#pragma once

#include "domain/result.h"
#include "erp/reporttable.h"

#include <QDate>

namespace karvan::hq {

class Database;

namespace erp {

// The financial and operational reports, read-only. Callers check Operation::Reports.
class Reports
{
public:
    explicit Reports(Database &db)
        : m_db(db)
    { }

    static QStringList names(); // trial-balance, profit-loss, balance-sheet, ar-aging, ...
    // The report by name; asOf: the closing date (today when invalid).
    Result<ReportTable> byName(const QString &name, const QDate &asOf = {});

    Result<ReportTable> trialBalance(const QDate &asOf);
    Result<ReportTable> profitAndLoss(const QDate &from, const QDate &to);
    Result<ReportTable> balanceSheet(const QDate &asOf);
    // Open items by days past due: current, 1-30, 31-60, 61-90, 90+.
    Result<ReportTable> arAging(const QDate &asOf);
    Result<ReportTable> apAging(const QDate &asOf);
    Result<ReportTable> stock();
    // Net invoiced less credit notes per rep, with commissionBasisPoints of it as commission.
    Result<ReportTable> salesByRep(const QDate &from, const QDate &to,
                                   int commissionBasisPoints = 500);

private:
    Database &m_db;
};

// "1234.50" for 123450 minor units of USD.
QString formatMinor(qint64 minor, const QString &currency);

} // namespace erp
} // namespace karvan::hq
