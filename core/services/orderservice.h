#pragma once

#include "domain/documents.h"
#include "domain/result.h"
#include "rules/atp.h"
#include "rules/credit.h"
#include "rules/pricing.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

// What the rep has entered in the order or quote editor.
struct OrderDraft
{
    SalesDocument::Kind kind = SalesDocument::Kind::Order;
    QUuid customerId;
    QDate date; // the document date; decides promotions and customer prices
    QDate validUntil; // quotes; default: date + 30 days
    QString warehouseCode; // empty: HQ chooses
    QList<PricingRequest::Line> lines;
    QString createdBy;
};

// Everything the editor shows before the rep submits: the priced document with the "why
// this price" steps, the credit decision and a stock answer per line.
struct OrderCheck
{
    PricedDocument priced;
    CreditDecision credit;
    QList<PromiseCheck> stock; // one per line, in line order; Outcome None when no figures
    QStringList warnings() const; // one line each, for the rep; empty when all is well
};

// The device's order and quote intake: the same pricing, credit and ATP rules HQ applies,
// then the document and its outbox mutation written in one durable transaction.
class OrderService
{
public:
    explicit OrderService(LocalStore &store)
        : m_store(store)
    { }

    // Prices the draft and checks credit and stock, writing nothing.
    Result<OrderCheck> check(const OrderDraft &draft);

    // Saves the draft as a document pending sync: rows, local stock reservations (orders) and
    // the outbox mutation in ONE transaction that is durable before this returns. A credit
    // hold or a stock shortfall does not stop the save (HQ decides and answers with a status);
    // bad input (unknown or archived customer, unknown SKU, a quantity that is not positive)
    // is an error and writes nothing.
    Result<SalesDocument> submit(const OrderDraft &draft);

    // Turns a quote into an order dated `date`: the quote's lines re-checked and re-priced
    // like submit (prices may have changed since), the order (sourceQuoteId set) with its
    // outbox mutation and the quote marked Converted, all in ONE transaction. Refuses an
    // unknown id, a document that is not a quote, and a quote that is converted, rejected,
    // cancelled or past its validity on `date`; a refusal writes nothing.
    Result<SalesDocument> convertQuote(const QUuid &quoteId, const QDate &date,
                                       const QString &createdBy);

private:
    Result<OrderCheck> evaluate(const OrderDraft &draft);
    // The body of submit, inside the caller's transaction.
    Result<SalesDocument> write(const OrderDraft &draft, const QUuid &sourceQuoteId);

    LocalStore &m_store;
};

// The outbox payload of a submitted document (CBOR): what HQ needs to re-price and decide.
QByteArray encodeDocumentMutation(const SalesDocument &document);

} // namespace karvan
