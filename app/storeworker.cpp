#include "storeworker.h"

#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/invoicerepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"

#include <QSqlQuery>

#include "domain/ids.h"

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

Error queryError(const QString &what)
{
    return makeError(ErrorCode::Storage, u"cannot read "_s + what);
}

// Runs a prepared SELECT with values bound in order; rows go to `row`.
template<typename RowFn>
Result<void> select(LocalStore &store, const QString &sql, const QVariantList &values, RowFn row)
{
    auto q = store.prepared(sql);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (!(*q)->exec())
        return queryError(sql.left(40));
    while ((*q)->next())
        row(**q);
    (*q)->finish();
    return {};
}

Result<CreditDecision> creditOf(LocalStore &store, const Customer &customer, const QDate &today,
                                CustomerBalances *balancesOut = nullptr)
{
    auto balances = ReceivablesQuery(store).balances(customer.id, customer.currency, today);
    if (!balances)
        return balances.error();
    if (balancesOut)
        *balancesOut = *balances;
    CreditInputs in;
    in.limit = customer.creditLimit;
    in.openReceivables = balances->openReceivables;
    in.unbilledOrders = balances->unbilledOrders;
    in.unsyncedOrders = balances->unsyncedOrders;
    in.overdue = balances->overdue;
    in.oldestOverdueDays = balances->oldestOverdueDays;
    in.orderAmount = Money::zero(customer.currency).value();
    return decideCredit(in);
}

} // namespace

StoreWorker::StoreWorker(QString path)
    : m_path(std::move(path))
{ }

StoreWorker::~StoreWorker() = default;

Result<void> StoreWorker::open()
{
    if (m_store)
        return {};
    auto store = LocalStore::open(m_path);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    return {};
}

void StoreWorker::close()
{
    m_store.reset();
}

Result<QList<CustomerSummary>> StoreWorker::searchCustomers(const QString &text, const QDate &today)
{
    auto found = CustomerRepository(*m_store).search(text, 50);
    if (!found)
        return found.error();
    QList<CustomerSummary> out;
    out.reserve(found->size());
    QVariantList ids;
    QHash<QString, int> index;
    for (const Customer &c : *found) {
        CustomerSummary s;
        s.customer = c;
        for (const Address &a : c.addresses) {
            if (!a.city.isEmpty()) {
                s.city = a.city;
                break;
            }
        }
        // The same credit rule as the order editor and HQ, so the flag never disagrees.
        if (auto credit = creditOf(*m_store, c, today))
            s.credit = credit->outcome;
        index.insert(idToString(c.id), int(out.size()));
        ids.append(idToString(c.id));
        out.append(s);
    }
    if (!ids.isEmpty()) {
        QString placeholders = u"?"_s;
        for (qsizetype i = 1; i < ids.size(); ++i)
            placeholders += u",?"_s;
        auto r = select(*m_store,
                        u"SELECT customer_id, count(*) FROM tickets WHERE status NOT IN "
                        u"('resolved', 'closed') AND customer_id IN ("_s
                            + placeholders + u") GROUP BY customer_id"_s,
                        ids, [&](const QSqlQuery &q) {
                            const int i = index.value(q.value(0).toString(), -1);
                            if (i >= 0)
                                out[i].openTickets = q.value(1).toInt();
                        });
        if (!r)
            return r.error();
    }
    return out;
}

Result<QList<ProductSummary>> StoreWorker::summarize(const QList<Product> &products)
{
    QStringList skus;
    for (const Product &p : products)
        skus.append(p.sku);
    QHash<QString, Money> prices;
    if (!skus.isEmpty()) {
        auto base = PriceListRepository(*m_store).baseListForSkus(skus);
        if (base) {
            for (const PriceListEntry &e : base->entries) {
                if (!e.tiers.isEmpty() && !prices.contains(e.sku))
                    prices.insert(e.sku, e.tiers.first().unitPrice);
            }
        }
    }
    StockRepository stock(*m_store);
    QList<ProductSummary> out;
    out.reserve(products.size());
    for (const Product &p : products) {
        ProductSummary s;
        s.product = p;
        s.listPrice = prices.value(p.sku);
        if (auto atp = stock.availability(p.sku)) {
            if (const SkuAvailability *a = atp->find(p.sku))
                s.stock = *a;
        }
        out.append(s);
    }
    return out;
}

Result<QList<ProductSummary>> StoreWorker::searchProducts(const QString &text)
{
    auto found = ProductRepository(*m_store).search(text, 50);
    if (!found)
        return found.error();
    return summarize(*found);
}

Result<QList<ProductSummary>> StoreWorker::productByBarcode(const QString &barcode)
{
    auto found = ProductRepository(*m_store).findByBarcode(barcode.trimmed());
    if (!found) {
        if (found.error().code == ErrorCode::NotFound)
            return QList<ProductSummary>();
        return found.error();
    }
    return summarize({*found});
}

Result<CustomerDetailData> StoreWorker::customerDetail(const QUuid &id, const QDate &today)
{
    CustomerDetailData d;
    auto customer = CustomerRepository(*m_store).get(id);
    if (!customer)
        return customer.error();
    d.customer = *customer;
    if (auto credit = creditOf(*m_store, d.customer, today, &d.balances))
        d.credit = *credit;
    auto tickets = TicketRepository(*m_store).listForCustomer(id, 50);
    if (!tickets)
        return tickets.error();
    d.tickets = *tickets;
    auto documents = DocumentRepository(*m_store).listForCustomer(id, 50);
    if (!documents)
        return documents.error();
    d.documents = *documents;
    auto invoices = InvoiceRepository(*m_store).listForCustomer(id, 50);
    if (!invoices)
        return invoices.error();
    d.invoices = *invoices;
    auto payments = PaymentRepository(*m_store).listForCustomer(id, 50);
    if (!payments)
        return payments.error();
    d.payments = *payments;
    auto activities = ActivityRepository(*m_store).listForCustomer(id, 50);
    if (!activities)
        return activities.error();
    d.activities = *activities;

    const QDate first = QDate(today.year(), today.month(), 1).addMonths(-11);
    QHash<QString, qint64> byMonth;
    auto r = select(*m_store,
                    u"SELECT substr(date, 1, 7), sum(total_minor) FROM sales_documents WHERE "
                    u"customer_id = ? AND kind = 'order' AND date >= ? AND status NOT IN "
                    u"('rejected', 'cancelled') GROUP BY 1"_s,
                    {idToString(id), first.toString(Qt::ISODate)}, [&](const QSqlQuery &q) {
                        byMonth.insert(q.value(0).toString(), q.value(1).toLongLong());
                    });
    if (!r)
        return r.error();
    for (int i = 0; i < 12; ++i) {
        const QDate month = first.addMonths(i);
        d.monthly.append({month, byMonth.value(month.toString(u"yyyy-MM"_s))});
    }
    return d;
}

Result<TodayData> StoreWorker::today(const QDate &today)
{
    TodayData d;
    auto r = select(*m_store,
                    u"SELECT a.id, a.customer_id, a.kind, a.at, a.subject, a.notes, c.name "
                    u"FROM activities a JOIN customers c ON c.id = a.customer_id "
                    u"WHERE a.kind = 'visit' ORDER BY a.at DESC LIMIT 6"_s,
                    {}, [&](const QSqlQuery &q) {
                        VisitRow v;
                        v.activity.id = QUuid::fromString(q.value(0).toString());
                        v.activity.customerId = QUuid::fromString(q.value(1).toString());
                        v.activity.kind = Activity::Kind::Visit;
                        v.activity.at
                            = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
                        v.activity.subject = q.value(4).toString();
                        v.activity.notes = q.value(5).toString();
                        v.customerName = q.value(6).toString();
                        d.visits.append(v);
                    });
    if (!r)
        return r.error();

    // Candidates by a cheap aggregate, then the real credit rule decides.
    QList<QUuid> candidates;
    r = select(*m_store,
               u"SELECT c.id FROM customers c JOIN invoices i ON i.customer_id = c.id "
               u"WHERE c.archived = 0 AND c.credit_limit_minor > 0 AND i.paid_minor < "
               u"i.total_minor GROUP BY c.id HAVING sum(i.total_minor - i.paid_minor) >= "
               u"0.9 * c.credit_limit_minor ORDER BY sum(i.total_minor - i.paid_minor) * 1.0 "
               u"/ c.credit_limit_minor DESC LIMIT 4"_s,
               {}, [&](const QSqlQuery &q) {
                   candidates.append(QUuid::fromString(q.value(0).toString()));
               });
    if (!r)
        return r.error();
    CustomerRepository customers(*m_store);
    for (const QUuid &id : candidates) {
        auto c = customers.get(id);
        if (!c)
            continue;
        auto credit = creditOf(*m_store, *c, today);
        if (!credit || credit->outcome == CreditOutcome::Ok)
            continue;
        Alert a;
        a.kind = credit->isHold() ? Alert::Kind::CreditHold : Alert::Kind::NearLimit;
        a.customerId = id;
        a.title = c->name;
        a.amount = credit->exposure;
        d.alerts.append(a);
    }

    r = select(*m_store,
               u"SELECT i.customer_id, c.name, i.number, i.due_date, i.currency, "
               u"i.total_minor - i.paid_minor FROM invoices i JOIN customers c ON c.id = "
               u"i.customer_id WHERE i.due_date < ? AND i.paid_minor < i.total_minor "
               u"ORDER BY i.due_date LIMIT 4"_s,
               {today.toString(Qt::ISODate)}, [&](const QSqlQuery &q) {
                   Alert a;
                   a.kind = Alert::Kind::OverdueInvoice;
                   a.customerId = QUuid::fromString(q.value(0).toString());
                   a.title = q.value(1).toString();
                   a.reference = q.value(2).toString();
                   a.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
                   a.amount
                       = Money::fromMinor(q.value(5).toLongLong(), q.value(4).toString()).value();
                   d.alerts.append(a);
               });
    if (!r)
        return r.error();

    r = select(*m_store,
               u"SELECT s.sku, p.name, s.on_hand_milli - s.reserved_milli AS free, "
               u"s.on_hand_unit, s.warehouse_code FROM stock_levels s JOIN products p ON "
               u"p.sku = s.sku WHERE p.active = 1 AND s.on_hand_milli - s.reserved_milli < "
               u"5000 ORDER BY free LIMIT 4"_s,
               {}, [&](const QSqlQuery &q) {
                   Alert a;
                   a.kind = Alert::Kind::LowStock;
                   a.reference = q.value(0).toString();
                   a.title = q.value(1).toString();
                   a.quantityMilli = q.value(2).toLongLong();
                   a.unit = q.value(3).toString();
                   d.alerts.append(a);
               });
    if (!r)
        return r.error();
    return d;
}

Result<SyncCounts> StoreWorker::syncCounts()
{
    OutboxRepository outbox(*m_store);
    SyncCounts s;
    auto pending = outbox.countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();
    auto sent = outbox.countWithState(OutboxMutation::State::Sent);
    if (!sent)
        return sent.error();
    auto rejected = outbox.countWithState(OutboxMutation::State::Rejected);
    if (!rejected)
        return rejected.error();
    s.pending = *pending + *sent;
    s.rejected = *rejected;
    auto last = SyncStateRepository(*m_store).value(SyncStateRepository::LastSyncAt);
    if (last)
        s.lastSync = *last;
    return s;
}

Result<QList<OutboxMutation>> StoreWorker::outbox()
{
    OutboxRepository outbox(*m_store);
    QList<OutboxMutation> out;
    for (auto state : {OutboxMutation::State::Rejected, OutboxMutation::State::Pending,
                       OutboxMutation::State::Sent}) {
        auto items = outbox.withState(state, 200);
        if (!items)
            return items.error();
        out.append(*items);
    }
    return out;
}

Result<QList<TicketRow>> StoreWorker::openTickets()
{
    auto tickets = TicketRepository(*m_store).listOpen(200);
    if (!tickets)
        return tickets.error();
    QList<TicketRow> out;
    CustomerRepository customers(*m_store);
    QHash<QUuid, QString> names;
    for (const Ticket &t : *tickets) {
        if (!names.contains(t.customerId)) {
            auto c = customers.get(t.customerId);
            names.insert(t.customerId, c ? c->name : QString());
        }
        out.append({t, names.value(t.customerId)});
    }
    return out;
}

Result<OrderCheckData> StoreWorker::checkOrder(const OrderDraft &draft)
{
    OrderCheckData d;
    auto check = OrderService(*m_store).check(draft);
    if (!check)
        return check.error();
    d.check = *check;
    QStringList skus;
    for (const auto &l : draft.lines)
        skus.append(l.sku);
    auto products = ProductRepository(*m_store).findBySkus(skus);
    if (products) {
        for (const Product &p : *products)
            d.productNames.insert(p.sku, p.name);
    }
    return d;
}

Result<SalesDocument> StoreWorker::submitOrder(const OrderDraft &draft)
{
    return OrderService(*m_store).submit(draft);
}

Result<QUuid> StoreWorker::sampleCustomer()
{
    QUuid id;
    auto r = select(*m_store,
                    u"SELECT d.customer_id FROM sales_documents d JOIN customers c ON c.id = "
                    u"d.customer_id WHERE c.archived = 0 AND c.credit_limit_minor > 0 GROUP BY "
                    u"d.customer_id ORDER BY count(*) DESC, d.customer_id LIMIT 1"_s,
                    {}, [&](const QSqlQuery &q) { id = QUuid::fromString(q.value(0).toString()); });
    if (!r)
        return r.error();
    if (id.isNull())
        return makeError(ErrorCode::NotFound, u"no customer with history"_s);
    return id;
}

Result<QList<PricingRequest::Line>> StoreWorker::sampleLines(int count)
{
    QList<PricingRequest::Line> lines;
    auto r = select(*m_store,
                    u"SELECT s.sku, p.base_unit FROM stock_levels s JOIN products p ON p.sku = "
                    u"s.sku WHERE p.active = 1 GROUP BY s.sku HAVING sum(s.on_hand_milli - "
                    u"s.reserved_milli) > 50000 ORDER BY s.sku LIMIT ?"_s,
                    {count}, [&](const QSqlQuery &q) {
                        lines.append({q.value(0).toString(),
                                      Quantity::ofUnits(2, q.value(1).toString()).value()});
                    });
    if (!r)
        return r.error();
    return lines;
}

} // namespace karvan::app
