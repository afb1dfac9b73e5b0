#include "demo/storedemosink.h"

#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/invoicerepository.h"
#include "store/localstore.h"
#include "store/opportunityrepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"

namespace karvan {

namespace {
// Large enough to amortise each transaction's commit, small enough to keep memory flat.
constexpr qsizetype kBatchRecords = 20000;
} // namespace

struct StoreDemoSink::Batches
{
    LocalStore::BulkLoad bulk;
    QList<Product> products;
    QList<Customer> customers;
    QList<CustomerPrice> customerPrices;
    QList<StockLevel> stockLevels;
    QList<SalesDocument> documents;
    QList<Invoice> invoices;
    QList<Payment> payments;
    QList<Ticket> tickets;
    QList<Activity> activities;
    QList<Opportunity> opportunities;
    qsizetype pending = 0;

    explicit Batches(LocalStore &store)
        : bulk(store)
    { }
};

StoreDemoSink::StoreDemoSink(LocalStore &store, QStringList territories)
    : m_store(store)
    , m_territories(std::move(territories))
    , m_batches(std::make_unique<Batches>(store))
{ }

StoreDemoSink::~StoreDemoSink() = default;

bool StoreDemoSink::inScope(const QUuid &customerId) const
{
    return m_territories.isEmpty() || m_customersInScope.contains(customerId);
}

Result<void> StoreDemoSink::flushIfFull()
{
    ++m_batches->pending;
    return m_batches->pending >= kBatchRecords ? flush() : Result<void>();
}

template<typename T, typename Write>
static Result<void> drain(QList<T> &batch, Write write, qint64 &written)
{
    if (batch.isEmpty())
        return {};
    if (auto r = write(batch); !r)
        return r;
    written += batch.size();
    batch.clear();
    return {};
}

Result<void> StoreDemoSink::flush()
{
    Batches &b = *m_batches;
    // Parents before children, as the generator emitted them.
    Result<void> r = m_store.transaction([&]() -> Result<void> {
        Result<void> step = drain(
            b.products, [&](auto &l) { return ProductRepository(m_store).insertMany(l); },
            m_written);
        if (step)
            step = drain(
                b.customers, [&](auto &l) { return CustomerRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.customerPrices,
                [&](auto &l) { return PriceListRepository(m_store).insertCustomerPrices(l); },
                m_written);
        if (step)
            step = drain(
                b.stockLevels, [&](auto &l) { return StockRepository(m_store).upsertLevels(l); },
                m_written);
        if (step)
            step = drain(
                b.documents, [&](auto &l) { return DocumentRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.invoices, [&](auto &l) { return InvoiceRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.payments, [&](auto &l) { return PaymentRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.tickets, [&](auto &l) { return TicketRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.activities, [&](auto &l) { return ActivityRepository(m_store).insertMany(l); },
                m_written);
        if (step)
            step = drain(
                b.opportunities,
                [&](auto &l) { return OpportunityRepository(m_store).insertMany(l); }, m_written);
        return step;
    });
    b.pending = 0;
    if (r && m_progress && m_written - m_reported >= kBatchRecords) {
        m_reported = m_written;
        m_progress(m_written);
    }
    return r;
}

Result<void> StoreDemoSink::warehouse(const Warehouse &warehouse)
{
    ++m_written;
    return StockRepository(m_store).upsertWarehouse(warehouse);
}

Result<void> StoreDemoSink::taxRule(const TaxRule &rule)
{
    ++m_written;
    return PriceListRepository(m_store).upsertTaxRule(rule);
}

Result<void> StoreDemoSink::product(const Product &product)
{
    m_batches->products.append(product);
    return flushIfFull();
}

Result<void> StoreDemoSink::priceList(const PriceList &list)
{
    // Products are referenced by SKU only, but keep the emitted order anyway.
    if (auto r = flush(); !r)
        return r;
    ++m_written;
    return PriceListRepository(m_store).upsert(list);
}

Result<void> StoreDemoSink::promotion(const Promotion &promotion)
{
    ++m_written;
    return PriceListRepository(m_store).upsertPromotion(promotion);
}

Result<void> StoreDemoSink::customer(const Customer &customer)
{
    if (!m_territories.isEmpty()) {
        if (!m_territories.contains(customer.territory))
            return {};
        m_customersInScope.insert(customer.id);
    }
    m_batches->customers.append(customer);
    return flushIfFull();
}

Result<void> StoreDemoSink::customerPrice(const CustomerPrice &price)
{
    if (!inScope(price.customerId))
        return {};
    m_batches->customerPrices.append(price);
    return flushIfFull();
}

Result<void> StoreDemoSink::stockLevel(const StockLevel &level)
{
    m_batches->stockLevels.append(level);
    return flushIfFull();
}

Result<void> StoreDemoSink::salesDocument(const SalesDocument &document)
{
    if (!inScope(document.customerId))
        return {};
    m_batches->documents.append(document);
    return flushIfFull();
}

Result<void> StoreDemoSink::invoice(const Invoice &invoice)
{
    if (!inScope(invoice.customerId))
        return {};
    m_batches->invoices.append(invoice);
    return flushIfFull();
}

Result<void> StoreDemoSink::payment(const Payment &payment)
{
    if (!inScope(payment.customerId))
        return {};
    m_batches->payments.append(payment);
    return flushIfFull();
}

Result<void> StoreDemoSink::ticket(const Ticket &ticket)
{
    if (!inScope(ticket.customerId))
        return {};
    m_batches->tickets.append(ticket);
    return flushIfFull();
}

Result<void> StoreDemoSink::activity(const Activity &activity)
{
    if (!inScope(activity.customerId))
        return {};
    m_batches->activities.append(activity);
    return flushIfFull();
}

Result<void> StoreDemoSink::opportunity(const Opportunity &opportunity)
{
    if (!inScope(opportunity.customerId))
        return {};
    m_batches->opportunities.append(opportunity);
    return flushIfFull();
}

Result<void> StoreDemoSink::finished(const DemoSummary &)
{
    return flush();
}

} // namespace karvan
