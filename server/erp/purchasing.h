#pragma once

#include "erp/erpcommon.h"

#include <QDate>

namespace karvan::hq {

class Database;

namespace erp {

struct PurchaseLine
{
    QString sku;
    qint64 qtyMilli = 0; // thousandths of the base unit
    qint64 unitCostMinor = 0; // per base unit, company currency
};

// Purchase to pay: purchase order, goods receipt (stock in at PO cost, Dr inventory / Cr GRNI),
// vendor bill (Dr GRNI + Dr tax receivable / Cr AP; billed at the received PO value, so GRNI
// clears exactly), and vendor payment (Dr AP / Cr cash). Purchases are in the company currency.
class Purchasing
{
public:
    explicit Purchasing(Database &db)
        : m_db(db)
    { }

    Result<QString> createOrder(const Actor &actor, const QString &vendorId,
                                const QString &warehouse, const QDate &date,
                                const QList<PurchaseLine> &lines);
    // Receives the given quantity of every line still open (qtyMilli <= 0: all that is open).
    Result<QString> receive(const Actor &actor, const QString &poId, const QDate &date,
                            qint64 qtyMilliPerLine = 0);
    // Bills what was received and not billed, plus the vendor's tax on it.
    Result<QString> bill(const Actor &actor, const QString &poId, const QDate &date,
                         qint64 taxMinor, const QString &vendorReference = {});
    // Pays a vendor; with a bill, up to its open amount is allocated to it.
    Result<QString> payVendor(const Actor &actor, const QString &vendorId, const QDate &date,
                              qint64 amountMinor, const QString &billId = {});
    Result<qint64> billOpenBalance(const QString &billId);

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
