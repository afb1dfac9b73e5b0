#include "storeworker.h"

#include "store/activityrepository.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/invoicerepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"
#include "store/todayquery.h"

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
    return startClock();
}

Result<void> StoreWorker::startClock()
{
    // The HLC node id is this device's id, kept in sync_state (the sync engine's enrollment
    // will replace it with the id HQ issues). After a restart the clock resumes after the
    // last stamp this node wrote, even if the wall clock stepped back meanwhile.
    SyncStateRepository state(*m_store);
    auto node = state.value(NodeIdKey);
    if (!node)
        return node.error();
    QString nodeId = *node;
    if (!sync::Hlc::isValidNodeId(nodeId)) {
        nodeId = idToString(Uuid7::generate());
        if (auto r = state.setValue(NodeIdKey, nodeId); !r)
            return r;
    }
    m_clock = std::make_shared<sync::HlcClock>(nodeId);
    auto last = m_store->scalar(
        u"SELECT max(hlc) FROM field_versions WHERE substr(hlc, 23) = '%1'"_s.arg(nodeId));
    if (last && !last->isNull()) {
        if (auto hlc = sync::Hlc::fromString(last->toString()))
            m_clock->restore(*hlc);
    }
    return {};
}

HlcSource StoreWorker::clock()
{
    return [clock = m_clock.get()] {
        return clock->now().toString();
    };
}

void StoreWorker::close()
{
    m_store.reset();
    m_clock.reset();
}

Result<QList<CustomerSummary>> StoreWorker::searchCustomers(const QString &text, const QDate &today)
{
    auto found = CustomerRepository(*m_store).search(text, 50);
    if (!found)
        return found.error();
    TodayQuery query(*m_store);
    QList<CustomerSummary> out;
    out.reserve(found->size());
    QList<QUuid> ids;
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
        if (auto credit = query.creditStatus(c, today))
            s.credit = credit->outcome;
        ids.append(c.id);
        out.append(s);
    }
    auto counts = query.openTicketCounts(ids);
    if (!counts)
        return counts.error();
    for (CustomerSummary &s : out)
        s.openTickets = counts->value(s.customer.id);
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
    if (auto balances = ReceivablesQuery(*m_store).balances(id, d.customer.currency, today))
        d.balances = *balances;
    if (auto credit = TodayQuery(*m_store).creditStatus(d.customer, today))
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
    TodayQuery query(*m_store);
    auto visits = query.recentVisits(6);
    if (!visits)
        return visits.error();
    for (const TodayVisit &v : *visits)
        d.visits.append({v.activity, v.customerName});

    auto credit = query.creditAlerts(today, 4);
    if (!credit)
        return credit.error();
    for (const CreditAlert &c : *credit) {
        Alert a;
        a.kind = c.decision.isHold() ? Alert::Kind::CreditHold : Alert::Kind::NearLimit;
        a.customerId = c.customerId;
        a.title = c.customerName;
        a.amount = c.decision.exposure;
        d.alerts.append(a);
    }
    auto overdue = query.overdueInvoices(today, 4);
    if (!overdue)
        return overdue.error();
    for (const OverdueInvoiceAlert &o : *overdue) {
        Alert a;
        a.kind = Alert::Kind::OverdueInvoice;
        a.customerId = o.customerId;
        a.title = o.customerName;
        a.reference = o.invoiceNumber;
        a.date = o.dueDate;
        a.amount = o.open;
        d.alerts.append(a);
    }
    auto low = query.lowStock({}, 4);
    if (!low)
        return low.error();
    for (const LowStockAlert &l : *low) {
        Alert a;
        a.kind = Alert::Kind::LowStock;
        a.reference = l.sku;
        a.title = l.productName;
        a.quantityMilli = l.available.milli();
        a.unit = l.available.unit();
        d.alerts.append(a);
    }
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
    auto conflicts = ConflictRepository(*m_store).countUnresolved();
    if (!conflicts)
        return conflicts.error();
    s.conflicts = *conflicts;
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

Result<QList<ConflictRow>> StoreWorker::conflicts()
{
    auto list = ConflictRepository(*m_store).listUnresolved(200);
    if (!list)
        return list.error();
    QList<ConflictRow> out;
    CustomerRepository customers(*m_store);
    for (const ConflictRecord &c : *list) {
        ConflictRow row {c, QString()};
        if (c.entity == u"customer"_s) {
            if (auto customer = customers.get(QUuid::fromString(c.entityId)))
                row.entityName = customer->name;
        }
        out.append(row);
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
