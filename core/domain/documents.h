#pragma once

#include "domain/money.h"
#include "domain/quantity.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan {

// A quote or an order line as the rep entered it; prices come from the pricing rules.
struct DocumentLine
{
    int lineNo = 0;
    QString sku;
    Quantity quantity;
    QString warehouseCode; // empty: HQ chooses
    // Filled by pricing:
    Money unitPrice; // net of promotion, before tax (exclusive) or including tax (inclusive)
    Money lineNet; // before tax
    Money lineTax;
    Money lineTotal; // net + tax
};

enum class DocumentStatus {
    Draft,
    PendingSync, // saved on the device, not yet seen by HQ
    Confirmed,
    CreditHold,
    Backordered,
    PartiallyAllocated,
    Rejected,
    Cancelled,
    Delivered,
    Invoiced,
    Converted, // a quote turned into an order
    Expired, // a quote past its validity
};

QString documentStatusName(DocumentStatus status);
bool parseDocumentStatus(const QString &name, DocumentStatus *out);

struct SalesDocument
{
    enum class Kind { Quote, Order };
    QUuid id;
    Kind kind = Kind::Order;
    QString number; // HQ's number; empty while pending
    QUuid customerId;
    QString currency;
    QDate date;
    QDate validUntil; // quotes
    DocumentStatus status = DocumentStatus::Draft;
    QString statusReason; // HQ's reason for hold/reject/changes
    QList<DocumentLine> lines;
    Money net;
    Money tax;
    Money total;
    QString createdBy;
    QDateTime createdAt;
    QUuid sourceQuoteId; // an order converted from a quote
};

struct Invoice
{
    QUuid id;
    QString number;
    QUuid customerId;
    QUuid orderId;
    QDate date;
    QDate dueDate;
    Money total;
    Money paid;
};

struct Payment
{
    QUuid id;
    QUuid customerId;
    QDate date;
    Money amount;
    QString method; // cash, transfer, card, cheque
    QUuid invoiceId; // null: on account
};

} // namespace karvan
