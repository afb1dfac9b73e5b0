#include "services/orderservice.h"

#include "domain/ids.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/receivablesquery.h"
#include "store/stockrepository.h"

#include <QCborArray>
#include <QCborMap>
#include <QSet>

namespace karvan {

using namespace Qt::StringLiterals;

QStringList OrderCheck::warnings() const
{
    QStringList out;
    for (const CreditReason &reason : credit.reasons)
        out.append(reason.message);
    for (const PromiseCheck &s : stock) {
        if (s.outcome == PromiseCheck::Outcome::Full)
            continue;
        out.append(u"%1: %2 %3 requested, %4 available (stock as of %5)"_s.arg(
            s.sku, s.requested.toDecimalString(), s.requested.unit(),
            s.promisable.toDecimalString(),
            s.asOf.isValid() ? s.asOf.toString(Qt::ISODate) : u"unknown"_s));
    }
    return out;
}

Result<OrderCheck> OrderService::evaluate(const OrderDraft &draft)
{
    if (!draft.date.isValid())
        return makeError(ErrorCode::InvalidArgument, u"the document has no date"_s);
    if (draft.lines.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the document has no lines"_s);

    auto customer = CustomerRepository(m_store).get(draft.customerId);
    if (!customer)
        return customer.error();
    if (customer->archived)
        return makeError(ErrorCode::Conflict,
                         u"customer %1 (%2) is archived"_s.arg(customer->name, customer->code));

    QStringList skus;
    QSet<QString> seen;
    for (const auto &line : draft.lines) {
        if (!seen.contains(line.sku)) {
            seen.insert(line.sku);
            skus.append(line.sku);
        }
    }

    // Gather what pricing needs for these lines only (pricing itself does no I/O).
    PricingCatalog catalog;
    auto products = ProductRepository(m_store).findBySkus(skus);
    if (!products)
        return products.error();
    for (const Product &p : products.value())
        catalog.products.insert(p.sku, p);
    PriceListRepository prices(m_store);
    auto base = prices.baseListForSkus(skus);
    if (!base)
        return base.error();
    catalog.baseList = base.value();
    if (!customer->priceListId.isNull()) {
        auto own = prices.getForSkus(customer->priceListId, skus);
        if (own)
            catalog.customerList = own.value();
        else if (own.error().code != ErrorCode::NotFound)
            return own.error();
    }
    auto negotiated = prices.customerPrices(customer->id, skus);
    if (!negotiated)
        return negotiated.error();
    catalog.customerPrices = negotiated.value();
    auto promotions = prices.promotionsOn(draft.date);
    if (!promotions)
        return promotions.error();
    catalog.promotions = promotions.value();
    auto taxRules = prices.taxRules(customer->taxRegion);
    if (!taxRules)
        return taxRules.error();
    catalog.taxRules = taxRules.value();

    PricingRequest request;
    request.customerId = customer->id;
    request.territory = customer->territory;
    request.taxRegion = customer->taxRegion;
    request.currency = customer->currency;
    request.date = draft.date;
    request.lines = draft.lines;
    auto priced = priceDocument(catalog, request);
    if (!priced)
        return priced.error();

    OrderCheck check;
    check.priced = priced.value();

    auto balances
        = ReceivablesQuery(m_store).balances(customer->id, customer->currency, draft.date);
    if (!balances)
        return balances.error();
    const Money orderAmount = draft.kind == SalesDocument::Kind::Order
        ? check.priced.total
        : Money::zero(customer->currency).value(); // a quote commits no credit yet
    const CreditInputs credit = balances->creditInputs(customer->creditLimit, orderAmount);
    auto decision = decideCredit(credit);
    if (!decision)
        return decision.error();
    check.credit = decision.value();

    // Stock per SKU, in the product's base unit, summing lines of the same SKU.
    StockRepository stock(m_store);
    for (const auto &line : draft.lines) {
        const Product &product = catalog.products.value(line.sku);
        auto base = convertToBase(line.quantity, product.baseUnit, product.unitConversions);
        if (!base)
            return base.error();
        PromiseCheck answer;
        answer.sku = line.sku;
        answer.warehouseCode = draft.warehouseCode;
        answer.requested = base.value();
        answer.promisable = Quantity::fromMilli(0, product.baseUnit).value();
        answer.shortfall = base.value();
        auto atp = stock.availability(line.sku);
        if (!atp)
            return atp.error();
        if (auto promise = atp->check(line.sku, base.value(), draft.warehouseCode))
            answer = promise.value();
        else if (promise.error().code != ErrorCode::NotFound)
            return promise.error(); // no figures yet: the answer stays "none available"
        check.stock.append(answer);
    }
    return check;
}

Result<OrderCheck> OrderService::check(const OrderDraft &draft)
{
    return evaluate(draft);
}

Result<SalesDocument> OrderService::submit(const OrderDraft &draft)
{
    SalesDocument doc;
    auto result = m_store.transaction([&]() -> Result<void> {
        auto saved = write(draft, QUuid());
        if (!saved)
            return saved.error();
        doc = *saved;
        return {};
    });
    if (!result)
        return result.error();
    return doc;
}

Result<SalesDocument> OrderService::convertQuote(const QUuid &quoteId, const QDate &date,
                                                 const QString &createdBy)
{
    if (!date.isValid())
        return makeError(ErrorCode::InvalidArgument, u"the order has no date"_s);
    SalesDocument order;
    auto result = m_store.transaction([&]() -> Result<void> {
        DocumentRepository documents(m_store);
        auto quote = documents.get(quoteId);
        if (!quote) {
            if (quote.error().code == ErrorCode::NotFound)
                return makeError(ErrorCode::NotFound,
                                 u"no quote with id %1 on this device"_s.arg(idToString(quoteId)));
            return quote.error();
        }
        const QString name = quote->number.isEmpty()
            ? u"%1 (not yet numbered by HQ)"_s.arg(idToString(quoteId))
            : quote->number;
        if (quote->kind != SalesDocument::Kind::Quote)
            return makeError(ErrorCode::InvalidArgument,
                             u"%1 is an order, not a quote"_s.arg(name));
        switch (quote->status) {
        case DocumentStatus::Converted:
            return makeError(ErrorCode::Conflict,
                             u"quote %1 is already converted to an order"_s.arg(name));
        case DocumentStatus::Rejected:
        case DocumentStatus::Cancelled:
            return makeError(ErrorCode::Conflict,
                             u"quote %1 is %2 and cannot become an order"_s.arg(
                                 name, documentStatusName(quote->status)));
        default:
            break;
        }
        if (quote->status == DocumentStatus::Expired
            || (quote->validUntil.isValid() && quote->validUntil < date))
            return makeError(
                ErrorCode::Conflict,
                u"quote %1 expired on %2"_s.arg(name,
                                                quote->validUntil.isValid()
                                                    ? quote->validUntil.toString(Qt::ISODate)
                                                    : u"an unknown date"_s));
        if (quote->lines.isEmpty())
            return makeError(ErrorCode::InvalidArgument, u"quote %1 has no lines"_s.arg(name));

        OrderDraft draft;
        draft.kind = SalesDocument::Kind::Order;
        draft.customerId = quote->customerId;
        draft.date = date;
        draft.createdBy = createdBy;
        // One warehouse for the order: the quote's, when all its lines name the same one.
        draft.warehouseCode = quote->lines.first().warehouseCode;
        for (const DocumentLine &line : std::as_const(quote->lines)) {
            if (line.warehouseCode != draft.warehouseCode)
                draft.warehouseCode.clear();
            draft.lines.append({line.sku, line.quantity});
        }
        auto saved = write(draft, quoteId);
        if (!saved)
            return makeError(saved.error().code,
                             u"quote %1: %2"_s.arg(name, saved.error().message));
        order = *saved;
        return documents.setStatus(quoteId, DocumentStatus::Converted);
    });
    if (!result)
        return result.error();
    return order;
}

Result<SalesDocument> OrderService::write(const OrderDraft &draft, const QUuid &sourceQuoteId)
{
    SalesDocument doc;
    QList<LocalReservation> reservations;
    auto result = [&]() -> Result<void> {
        // Evaluated inside the write transaction, so the credit and stock figures cannot
        // change between the check and the save.
        auto check = evaluate(draft);
        if (!check)
            return check.error();
        const PricedDocument &priced = check->priced;

        doc.id = Uuid7::generate();
        doc.sourceQuoteId = sourceQuoteId;
        doc.kind = draft.kind;
        doc.customerId = draft.customerId;
        doc.currency = priced.currency;
        doc.date = draft.date;
        if (draft.kind == SalesDocument::Kind::Quote)
            doc.validUntil = draft.validUntil.isValid() ? draft.validUntil : draft.date.addDays(30);
        doc.status = DocumentStatus::PendingSync;
        doc.net = priced.net;
        doc.tax = priced.tax;
        doc.total = priced.total;
        doc.createdBy = draft.createdBy;
        doc.createdAt = QDateTime::currentDateTimeUtc();
        for (qsizetype i = 0; i < priced.lines.size(); ++i) {
            const PricedLine &p = priced.lines.at(i);
            DocumentLine line;
            line.lineNo = int(i + 1);
            line.sku = p.sku;
            line.quantity = p.quantity;
            line.warehouseCode = draft.warehouseCode;
            line.unitPrice = p.unitPrice;
            line.lineNet = p.net;
            line.lineTax = p.tax;
            line.lineTotal = p.total;
            doc.lines.append(line);
            if (draft.kind == SalesDocument::Kind::Order)
                reservations.append(
                    {p.sku, draft.warehouseCode, check->stock.at(i).requested, doc.id});
        }

        OutboxMutation mutation;
        mutation.mutationId = Uuid7::generate();
        mutation.entity = draft.kind == SalesDocument::Kind::Order ? u"order"_s : u"quote"_s;
        mutation.entityId = idToString(doc.id);
        mutation.op = u"create"_s;
        mutation.payload = encodeDocumentMutation(doc);
        auto seq = DocumentRepository(m_store).saveWithOutbox(doc, mutation);
        if (!seq)
            return seq.error();
        if (!reservations.isEmpty())
            return StockRepository(m_store).reserve(doc.id, reservations);
        return {};
    }();
    if (!result)
        return result.error();
    return doc;
}

QByteArray encodeDocumentMutation(const SalesDocument &document)
{
    QCborArray lines;
    for (const DocumentLine &l : document.lines) {
        lines.append(QCborMap {{u"no"_s, l.lineNo},
                               {u"sku"_s, l.sku},
                               {u"qty_milli"_s, l.quantity.milli()},
                               {u"unit"_s, l.quantity.unit()},
                               {u"warehouse"_s, l.warehouseCode},
                               {u"unit_price"_s, l.unitPrice.minorUnits()},
                               {u"net"_s, l.lineNet.minorUnits()},
                               {u"tax"_s, l.lineTax.minorUnits()},
                               {u"total"_s, l.lineTotal.minorUnits()}});
    }
    QCborMap map {
        {u"id"_s, idToString(document.id)},
        {u"kind"_s, document.kind == SalesDocument::Kind::Order ? u"order"_s : u"quote"_s},
        {u"customer"_s, idToString(document.customerId)},
        {u"date"_s, document.date.toString(Qt::ISODate)},
        {u"currency"_s, document.currency},
        {u"net"_s, document.net.minorUnits()},
        {u"tax"_s, document.tax.minorUnits()},
        {u"total"_s, document.total.minorUnits()},
        {u"created_by"_s, document.createdBy},
        {u"lines"_s, lines}};
    if (document.validUntil.isValid())
        map.insert(u"valid_until"_s, document.validUntil.toString(Qt::ISODate));
    if (!document.sourceQuoteId.isNull())
        map.insert(u"source_quote"_s, idToString(document.sourceQuoteId));
    return QCborValue(map).toCbor();
}

} // namespace karvan
