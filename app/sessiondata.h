#pragma once

// Plain results the store worker hands back to the UI thread: core types plus what the
// screens need beside them. No QObject, no formatting: the UI thread formats them in the
// user's language (Formatter) when they arrive.

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/service.h"
#include "rules/atp.h"
#include "rules/credit.h"
#include "services/orderservice.h"
#include "store/conflictrepository.h"
#include "store/outboxrepository.h"
#include "store/receivablesquery.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace karvan::app {

struct CustomerSummary
{
    Customer customer;
    QString city;
    CreditOutcome credit = CreditOutcome::Ok;
    int openTickets = 0;
};

struct ProductSummary
{
    Product product;
    Money listPrice; // the base list's first tier; invalid when the product has none
    std::optional<SkuAvailability> stock;
};

struct MonthlyPurchase
{
    QDate month; // first day of the month
    qint64 totalMinor = 0;
};

struct CustomerDetailData
{
    Customer customer;
    CustomerBalances balances;
    std::optional<CreditDecision> credit;
    QList<Ticket> tickets;
    QList<SalesDocument> documents;
    QList<Invoice> invoices;
    QList<Payment> payments;
    QList<Activity> activities;
    QList<MonthlyPurchase> monthly; // the last 12 months, oldest first
};

struct Alert
{
    enum class Kind { CreditHold, NearLimit, OverdueInvoice, LowStock };
    Kind kind = Kind::CreditHold;
    QUuid customerId;
    QString title; // customer name or product name
    QString reference; // invoice number or SKU
    Money amount;
    QDate date; // due date
    qint64 quantityMilli = 0;
    QString unit;
};

struct VisitRow
{
    Activity activity;
    QString customerName;
};

struct TodayData
{
    QList<VisitRow> visits;
    QList<Alert> alerts;
};

struct SyncCounts
{
    qint64 pending = 0;
    qint64 rejected = 0;
    qint64 conflicts = 0; // unresolved
    QString lastSync; // ISO-8601, empty: never
};

struct SignInRequest
{
    QString server; // https://host[:port], or http:// to this machine
    QString login;
    QString password;
    QString caFile; // PEM certificates to trust (a self-hosted HQ); empty: the system's
    QString deviceName; // how HQ lists this device
};

struct AccountData
{
    QString server;
    QString login;
    QString role;
    bool signedIn = false; // a token is stored
};

struct TicketRow
{
    Ticket ticket;
    QString customerName;
};

struct ConflictRow
{
    ConflictRecord conflict;
    QString entityName; // the customer's name, when known
};

struct OrderCheckData
{
    OrderCheck check;
    QHash<QString, QString> productNames; // by SKU
};

} // namespace karvan::app
