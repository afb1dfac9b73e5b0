#pragma once

#include "erp/erpcommon.h"
#include "erp/ledger.h"

#include <QDate>

namespace karvan::hq {

class Database;

namespace erp {

struct ReturnLine
{
    int lineNo = 0; // the invoice line (= the order line)
    qint64 qtyMilli = 0; // thousandths of the base unit
};

// An invoice's journal entry: Dr AR (total, for the customer) / Cr revenue (net), Cr tax payable
// (tax); zero amounts leave their line out. Fulfilment::invoice and the demo loader's direct
// history post the same entry.
JournalDraft invoiceJournal(const QString &journalId, const QDate &date, const QString &currency,
                            const QString &invoiceNumber, const QString &orderNumber,
                            const QString &invoiceId, const QString &customerId, qint64 net,
                            qint64 tax);

// From an allocated order to cash in the books: delivery (stock out at moving-average cost,
// Dr COGS / Cr inventory), invoice (Dr AR / Cr revenue, Cr tax payable), and returns with a
// credit note (stock back at the original cost, Dr sales returns and tax payable / Cr AR).
class Fulfilment
{
public:
    explicit Fulfilment(Database &db)
        : m_db(db)
    { }

    // Delivers everything allocated to the order. Warehouse role. Returns the delivery id.
    Result<QString> deliver(const Actor &actor, const QString &orderId, const QDate &date);
    // Invoices everything delivered and not yet invoiced; the due date follows the customer's
    // payment terms. Finance role. Returns the invoice id.
    Result<QString> invoice(const Actor &actor, const QString &orderId, const QDate &date);
    // Takes goods of an invoice back into a warehouse (the line's own when empty) and issues a
    // credit note, applied to the invoice as far as it is open. Warehouse or finance role.
    // Returns the credit note id.
    Result<QString> returnGoods(const Actor &actor, const QString &invoiceId,
                                const QList<ReturnLine> &lines, const QDate &date,
                                const QString &warehouse = {});

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq
