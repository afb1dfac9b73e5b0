#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "erp/erpcommon.h"
#include "erp/inventory.h"
#include "erp/ledger.h"

#include <QHash>
#include <QString>

namespace karvan::hq {

class Database;

namespace erp {

// The demo loader's direct path for the closed part of the history: an order the history
// delivered (taken and delivered on its day), its invoice, and the payments of that invoice or
// on account. It writes what intake + delivery, invoicing and payment write — the same rows,
// ledger postings, stock moves, alerts and audit entries, through the same Ledger, Inventory
// and audit calls, in the caller's transaction — but takes the customer, the order and the
// invoice from memory instead of reading them back, uses the generator's prices (the
// generator prices with priceDocument() on the same catalog HQ loaded), and delivers straight
// from stock instead of reserving first (the position ends the same).
//
// What it cannot settle exactly as the business path would is declined (an empty id or false)
// and the loader runs the business path: a credit decision that holds, stock short in a
// warehouse, a line without a warehouse or price, an unknown customer or product.
class DemoHistoryWriter
{
public:
    DemoHistoryWriter(Database &db, const QString &login, const QHash<QString, Product> &products);

    void addCustomer(const Customer &customer);

    // Intake and delivery of an order the history delivered or invoiced: the HQ order id, or
    // empty when the business path must take it.
    Result<QString> deliverOrder(const SalesDocument &document);
    // The invoice of an order deliverOrder wrote (every line, on date): the invoice id, or empty
    // when the order is not one of its own.
    Result<QString> invoiceOrder(const QString &orderId, const QDate &date);
    // A payment of an invoice invoiceOrder wrote, or on account (invoiceId empty): false when the
    // business path must record it.
    Result<bool> recordPayment(const Payment &payment, const QString &invoiceId);

    qint64 ordersWritten() const { return m_ordersWritten; }

private:
    struct CustomerMemo
    {
        QString code;
        QString currency;
        int paymentTermsDays = 0;
        std::optional<Money> creditLimit;
    };
    struct LineMemo
    {
        int lineNo = 0;
        QString sku;
        qint64 baseMilli = 0;
        qint64 net = 0;
        qint64 tax = 0;
    };
    struct OrderMemo
    {
        QString customerId;
        QString number;
        QString currency;
        QList<LineMemo> lines;
    };
    struct InvoiceMemo
    {
        QString customerId;
        qint64 open = 0;
    };

    Database &m_db;
    Actor m_manager;
    Actor m_warehouse;
    Actor m_finance;
    const QHash<QString, Product> &m_products;
    Ledger m_ledger;
    Inventory m_inventory;
    QHash<QString, CustomerMemo> m_customers;
    QHash<QString, OrderMemo> m_orders; // delivered here, not yet invoiced
    QHash<QString, InvoiceMemo> m_invoices; // invoiced here, not yet paid in full
    qint64 m_ordersWritten = 0;
};

} // namespace erp
} // namespace karvan::hq
