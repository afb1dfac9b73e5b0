#pragma once

#include "domain/customer.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/result.h"
#include "domain/service.h"
#include "rules/credit.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>

#include <utility>

namespace karvan {

class LocalStore;

struct TodayVisit
{
    Activity activity;
    QString customerName;
};

// A customer whose exposure is over or near the credit limit, as decideCredit sees it.
struct CreditAlert
{
    QUuid customerId;
    QString customerName;
    QString customerCode;
    CreditDecision decision; // outcome Hold (over the limit) or Warn (near it)
};

struct OverdueInvoiceAlert
{
    QUuid customerId;
    QString customerName;
    QString invoiceNumber;
    QDate dueDate;
    Money open; // total - paid
    int daysOverdue = 0;
};

struct LowStockAlert
{
    QString sku;
    QString productName;
    QString warehouseCode;
    Quantity available; // by the ATP rule: on hand - HQ reserved - local reservations
    qint64 thresholdMilli = 0;
    QDateTime asOf;
};

// Below what available quantity (thousandths of the SKU's stock unit) a SKU counts as low in
// a warehouse: the most specific entry wins (SKU and warehouse, then SKU, then the default).
struct LowStockThresholds
{
    qint64 defaultMilli = 5000;
    QHash<QString, qint64> bySku;
    QMap<std::pair<QString, QString>, qint64> bySkuWarehouse; // (sku, warehouse code)
    qint64 thresholdMilli(const QString &sku, const QString &warehouseCode) const;
};

// What the Today page and the list rows need, read from the local store. The decisions are
// the core rules' (decideCredit, AvailableToPromise): SQL only gathers their figures.
class TodayQuery
{
public:
    explicit TodayQuery(LocalStore &store)
        : m_store(store)
    { }

    // The latest visits, newest first, with the customer's name.
    Result<QList<TodayVisit>> recentVisits(int limit = 6);
    // Active customers with a credit limit whose exposure decideCredit puts over (Hold) or near
    // (Warn) the limit; most used share of the limit first. Exposure figures come from one
    // grouped query (documents in the customer's currency only).
    Result<QList<CreditAlert>> creditAlerts(const QDate &today, int limit = 20,
                                            const CreditPolicy &policy = {});
    // Unpaid invoices due before today, oldest due date first.
    Result<QList<OverdueInvoiceAlert>> overdueInvoices(const QDate &today, int limit = 20);
    // Warehouses of active products whose ATP available quantity is below the threshold,
    // lowest first.
    Result<QList<LowStockAlert>> lowStock(const LowStockThresholds &thresholds = {},
                                          int limit = 20);
    // Tickets neither resolved nor closed, per customer; customers without any are absent.
    Result<QHash<QUuid, int>> openTicketCounts(const QList<QUuid> &customerIds);
    // One customer's credit decision with no new order, from ReceivablesQuery's balances.
    Result<CreditDecision> creditStatus(const Customer &customer, const QDate &today,
                                        const CreditPolicy &policy = {});

private:
    LocalStore &m_store;
};

} // namespace karvan
