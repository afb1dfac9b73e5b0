#include "devicesession.h"

#include "formatter.h"
#include "ordereditor.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "rules/ticketworkflow.h"
#include "services/activityservice.h"
#include "services/customerservice.h"
#include "services/ticketservice.h"
#include "store/ticketrepository.h"

#include <QCborMap>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlEngine>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

DeviceSession *s_session = nullptr;

QString creditName(CreditOutcome outcome)
{
    return creditOutcomeName(outcome);
}

QString documentStatusText(DocumentStatus s)
{
    switch (s) {
    case DocumentStatus::Draft:
        return DeviceSession::tr("Draft");
    case DocumentStatus::PendingSync:
        return DeviceSession::tr("Waiting to sync");
    case DocumentStatus::Confirmed:
        return DeviceSession::tr("Confirmed");
    case DocumentStatus::CreditHold:
        return DeviceSession::tr("Credit hold");
    case DocumentStatus::Backordered:
        return DeviceSession::tr("Backordered");
    case DocumentStatus::PartiallyAllocated:
        return DeviceSession::tr("Partly allocated");
    case DocumentStatus::Rejected:
        return DeviceSession::tr("Rejected");
    case DocumentStatus::Cancelled:
        return DeviceSession::tr("Cancelled");
    case DocumentStatus::Delivered:
        return DeviceSession::tr("Delivered");
    case DocumentStatus::Invoiced:
        return DeviceSession::tr("Invoiced");
    case DocumentStatus::Converted:
        return DeviceSession::tr("Converted");
    case DocumentStatus::Expired:
        return DeviceSession::tr("Expired");
    }
    return QString();
}

QString activityKindText(Activity::Kind kind)
{
    switch (kind) {
    case Activity::Kind::Visit:
        return DeviceSession::tr("Visit");
    case Activity::Kind::Call:
        return DeviceSession::tr("Call");
    case Activity::Kind::Note:
        return DeviceSession::tr("Note");
    }
    return QString();
}

QString money(const Money &m)
{
    return m.isValid() ? Formatter::instance()->money(m.minorUnits(), m.currency()) : QString();
}

} // namespace

DeviceSession::DeviceSession(const QString &path, QString userName, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_userName(std::move(userName))
    , m_worker(std::make_unique<StoreWorker>(path))
    , m_customers(new CustomerListModel(this))
    , m_products(new ProductListModel(this))
    , m_alerts(new AlertListModel(this))
    , m_visits(new VisitListModel(this))
    , m_outbox(new OutboxListModel(this))
    , m_tickets(new TicketListModel(this))
    , m_conflicts(new ConflictListModel(this))
    , m_order(new OrderEditor(this))
{
    s_session = this;
    m_thread.setObjectName(u"karvan-store"_s);
    m_worker->moveToThread(&m_thread);
    m_syncWorker = std::make_unique<SyncWorker>(path);
    m_syncThread.setObjectName(u"karvan-sync"_s);
    m_syncWorker->moveToThread(&m_syncThread);
    // The sync connection is closed on its own thread as that thread ends.
    connect(
        &m_syncThread, &QThread::finished, m_syncWorker.get(),
        [w = m_syncWorker.get()] { w->close(); }, Qt::DirectConnection);
    m_autoTimer.setSingleShot(true);
    connect(&m_autoTimer, &QTimer::timeout, this, &DeviceSession::autoSync);
    m_changeTimer.setSingleShot(true);
    connect(&m_changeTimer, &QTimer::timeout, this, &DeviceSession::autoSync);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(150);
    connect(&m_searchTimer, &QTimer::timeout, this, &DeviceSession::runCustomerSearch);
    connect(Formatter::instance(), &Formatter::languageChanged, this,
            &DeviceSession::refreshFormatted);
    connect(Formatter::instance(), &Formatter::calendarChanged, this,
            &DeviceSession::refreshFormatted);
}

DeviceSession::~DeviceSession()
{
    // A round waiting for HQ is abandoned when its thread quits (the nested event loop of the
    // transport ends, the open transaction rolls back); the connection closes after it.
    if (m_syncThread.isRunning()) {
        m_syncThread.quit();
        m_syncThread.wait();
    }
    if (m_thread.isRunning()) {
        // The store is closed on its own thread, then the thread ends.
        // A sync round waiting for HQ ends when the thread quits (its request is abandoned,
        // its open transaction rolled back); the store closes after it.
        QMetaObject::invokeMethod(
            m_worker.get(), [w = m_worker.get()] { w->run([w] { w->close(); }); },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    if (s_session == this)
        s_session = nullptr;
}

DeviceSession *DeviceSession::instance()
{
    return s_session;
}

DeviceSession *DeviceSession::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_session);
    QJSEngine::setObjectOwnership(s_session, QJSEngine::CppOwnership);
    return s_session;
}

QObject *DeviceSession::workerObject() const
{
    return m_worker.get();
}

void DeviceSession::start()
{
    m_thread.start();
    m_syncThread.start();
    watchNetwork();
    post<Result<void>>([](StoreWorker &w) { return w.open(); },
                       [this](Result<void> r) {
                           if (!r) {
                               reportError(r.error());
                               return;
                           }
                           m_ready = true;
                           Q_EMIT readyChanged();
                           refreshAccount();
                           notifyStoreChanged();
                       });
}

void DeviceSession::finishRequest()
{
    --m_inFlight;
    if (m_inFlight == 0)
        Q_EMIT busyChanged();
}

void DeviceSession::reportError(const Error &error)
{
    m_lastError = error.message;
    Q_EMIT failed(error.message);
}

bool DeviceSession::waitUntilIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    // Idle includes no sync round under way (it runs on a thread of its own).
    while ((busy() || m_syncing || !m_ready) && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCoreApplication::processEvents();
    return !busy() && !m_syncing;
}

void DeviceSession::postToStore(std::function<void(LocalStore &)> work)
{
    post<int>(
        [work = std::move(work)](StoreWorker &w) {
            if (w.store())
                work(*w.store());
            return 0;
        },
        {});
}

void DeviceSession::notifyStoreChanged()
{
    refreshSync();
    refreshConflicts();
    refreshToday();
    refreshTickets();
    runCustomerSearch();
    searchProducts(m_productQuery);
    if (!m_customerId.isNull())
        openCustomer(idToString(m_customerId));
    m_order->refreshSaved();
}

void DeviceSession::refreshFormatted()
{
    if (!m_ready)
        return;
    notifyStoreChanged();
    m_order->recheck();
}

QString DeviceSession::lastSync() const
{
    if (m_sync.lastSync.isEmpty())
        return tr("never");
    return Formatter::instance()->isoDate(m_sync.lastSync);
}

QString DeviceSession::todayText() const
{
    return Formatter::instance()->date(m_today);
}

// --- customers

void DeviceSession::searchCustomers(const QString &text)
{
    m_pendingCustomerQuery = text;
    const bool wasBusy = busy();
    m_searchTimer.start();
    if (!wasBusy)
        Q_EMIT busyChanged();
}

void DeviceSession::runCustomerSearch()
{
    const QString text = m_pendingCustomerQuery;
    const quint64 id = ++m_customerRequest;
    m_worker->latestCustomerSearch = id;
    const QDate today = m_today;
    post<std::optional<Result<QList<CustomerSummary>>>>(
        [text, id, today](StoreWorker &w) -> std::optional<Result<QList<CustomerSummary>>> {
            if (w.latestCustomerSearch.load() != id || !w.store())
                return std::nullopt; // a newer search is queued: skip this one
            return w.searchCustomers(text, today);
        },
        [this, text, id](std::optional<Result<QList<CustomerSummary>>> r) {
            if (id != m_customerRequest || !r)
                return; // stale
            if (!*r) {
                reportError(r->error());
                return;
            }
            QList<QVariantMap> rows;
            for (const CustomerSummary &s : r->value()) {
                rows.append({{u"customerId"_s, idToString(s.customer.id)},
                             {u"name"_s, s.customer.name},
                             {u"code"_s, s.customer.code},
                             {u"city"_s, s.city},
                             {u"phone"_s, s.customer.phone},
                             {u"credit"_s, creditName(s.credit)},
                             {u"openTickets"_s, s.openTickets}});
            }
            m_customers->setRows(std::move(rows));
            m_customerQuery = text;
            Q_EMIT customersSearched();
        });
}

void DeviceSession::openCustomer(const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull())
        return;
    if (uuid != m_customerId) {
        m_customerId = uuid;
        m_customer.clear();
        m_customerData.reset();
        Q_EMIT customerChanged();
    }
    const QDate today = m_today;
    post<Result<CustomerDetailData>>(
        [uuid, today](StoreWorker &w) { return w.customerDetail(uuid, today); },
        [this, uuid](Result<CustomerDetailData> r) {
            if (uuid != m_customerId)
                return;
            if (!r) {
                reportError(r.error());
                return;
            }
            m_customerData = r.value();
            m_customer = formatCustomer(*m_customerData);
            Q_EMIT customerChanged();
        });
}

QVariantMap DeviceSession::formatCustomer(const CustomerDetailData &d) const
{
    Formatter *f = Formatter::instance();
    const Customer &c = d.customer;
    QVariantMap m;
    m.insert(u"id"_s, idToString(c.id));
    m.insert(u"name"_s, c.name);
    m.insert(u"code"_s, c.code);
    m.insert(u"phone"_s, c.phone);
    m.insert(u"email"_s, c.email);
    m.insert(u"notes"_s, c.notes);
    m.insert(u"territory"_s, c.territory);
    m.insert(u"paymentTerms"_s, tr("%1 days").arg(f->number(c.paymentTermsDays)));
    QStringList address;
    for (const Address &a : c.addresses) {
        if (a.kind == Address::Kind::Billing || address.isEmpty())
            address = QStringList {a.line1, a.city, a.country};
    }
    address.removeAll(QString());
    m.insert(u"address"_s, address.join(u", "_s));
    QVariantList contacts;
    for (const Contact &k : c.contacts)
        contacts.append(QVariantMap {{u"name"_s, k.name},
                                     {u"role"_s, k.role},
                                     {u"phone"_s, k.phone},
                                     {u"email"_s, k.email}});
    m.insert(u"contacts"_s, contacts);

    QVariantMap credit;
    if (d.credit) {
        const CreditDecision &cd = *d.credit;
        credit.insert(u"outcome"_s, creditOutcomeName(cd.outcome));
        credit.insert(u"limit"_s, cd.limit ? money(*cd.limit) : tr("No limit"));
        credit.insert(u"exposure"_s, money(cd.exposure));
        credit.insert(u"available"_s, cd.available ? money(*cd.available) : QString());
        credit.insert(u"overdue"_s, money(cd.overdue));
        credit.insert(u"overdueDays"_s, cd.oldestOverdueDays);
        credit.insert(u"hold"_s, cd.isHold());
        // Share of the limit used, for the gauge; 0 without a limit.
        double used = 0;
        if (cd.limit && cd.limit->minorUnits() > 0)
            used = double(cd.exposure.minorUnits()) / double(cd.limit->minorUnits());
        credit.insert(u"used"_s, used);
    }
    m.insert(u"credit"_s, credit);

    QVariantList tickets;
    for (const Ticket &t : d.tickets) {
        if (t.status == Ticket::Status::Closed || t.status == Ticket::Status::Resolved)
            continue;
        tickets.append(
            QVariantMap {{u"id"_s, idToString(t.id)},
                         {u"number"_s, t.number},
                         {u"subject"_s, t.subject},
                         {u"status"_s, statusLabel(TicketWorkflow::statusName(t.status))},
                         {u"updated"_s, f->dateTime(t.updatedAt)}});
    }
    m.insert(u"tickets"_s, tickets);

    // One history, newest first: quotes, orders, invoices and payments.
    struct Item
    {
        QDate date;
        QVariantMap row;
    };
    QList<Item> items;
    for (const SalesDocument &doc : d.documents) {
        items.append(
            {doc.date,
             {{u"kind"_s, doc.kind == SalesDocument::Kind::Quote ? tr("Quote") : tr("Order")},
              {u"documentId"_s,
               idToString(doc.id)}, // opens in the order page (quotes: convert, PDF)
              {u"number"_s, doc.number.isEmpty() ? tr("(pending)") : doc.number},
              {u"date"_s, f->date(doc.date)},
              {u"amount"_s, money(doc.total)},
              {u"status"_s, documentStatusText(doc.status)}}});
    }
    for (const Invoice &inv : d.invoices) {
        const bool open = inv.paid.minorUnits() < inv.total.minorUnits();
        items.append({inv.date,
                      {{u"kind"_s, tr("Invoice")},
                       {u"number"_s, inv.number},
                       {u"date"_s, f->date(inv.date)},
                       {u"amount"_s, money(inv.total)},
                       {u"status"_s,
                        !open                       ? tr("Paid")
                            : inv.dueDate < m_today ? tr("Overdue")
                                                    : tr("Open")}}});
    }
    for (const Payment &p : d.payments) {
        items.append({p.date,
                      {{u"kind"_s, tr("Payment")},
                       {u"number"_s, QString()},
                       {u"date"_s, f->date(p.date)},
                       {u"amount"_s, money(p.amount)},
                       {u"status"_s, QString()}}});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.date > b.date; });
    QVariantList history;
    for (const Item &i : std::as_const(items).mid(0, 40))
        history.append(i.row);
    m.insert(u"history"_s, history);

    QVariantList activities;
    for (const Activity &a : d.activities) {
        activities.append(QVariantMap {{u"kind"_s, activityKindText(a.kind)},
                                       {u"subject"_s, a.subject},
                                       {u"notes"_s, a.notes},
                                       {u"when"_s, f->dateTime(a.at)},
                                       {u"hasPhoto"_s, !a.photoPath.isEmpty()}});
    }
    m.insert(u"activities"_s, activities);

    QVariantList monthly;
    qint64 peak = 0;
    for (const MonthlyPurchase &p : d.monthly)
        peak = std::max(peak, p.totalMinor);
    for (const MonthlyPurchase &p : d.monthly) {
        monthly.append(
            QVariantMap {{u"label"_s, f->monthLabel(p.month)},
                         {u"amount"_s, f->money(p.totalMinor, c.currency)},
                         {u"fraction"_s, peak > 0 ? double(p.totalMinor) / double(peak) : 0.0}});
    }
    m.insert(u"monthly"_s, monthly);
    return m;
}

void DeviceSession::afterWrite(const Result<void> &result)
{
    if (!result) {
        reportError(result.error());
        return;
    }
    Q_EMIT saved();
    notifyStoreChanged();
}

void DeviceSession::saveCustomer(const QVariantMap &fields)
{
    if (m_customerId.isNull())
        return;
    const QUuid id = m_customerId;
    post<Result<void>>(
        [id, fields](StoreWorker &w) -> Result<void> {
            auto r
                = CustomerService(*w.store(), w.clock()).edit(id, QCborMap::fromVariantMap(fields));
            return r ? Result<void>() : Result<void>(r.error());
        },
        [this](Result<void> r) { afterWrite(r); });
}

void DeviceSession::createCustomer(const QVariantMap &fields)
{
    const QString author = m_userName;
    post<Result<QUuid>>(
        [fields, author](StoreWorker &w) -> Result<QUuid> {
            NewCustomer draft;
            draft.fields = QCborMap::fromVariantMap(fields);
            draft.currency = u"USD"_s; // the company currency until settings carry it
            draft.createdBy = author;
            auto r = CustomerService(*w.store(), w.clock()).create(draft);
            if (!r)
                return r.error();
            return r->customer.id;
        },
        [this](Result<QUuid> r) {
            if (!r) {
                reportError(r.error());
                return;
            }
            afterWrite({});
            Q_EMIT customerCreated(idToString(*r));
        });
}

// --- catalog

void DeviceSession::setProducts(const QList<ProductSummary> &products)
{
    Formatter *f = Formatter::instance();
    QList<QVariantMap> rows;
    for (const ProductSummary &s : products) {
        QVariantList warehouses;
        QString available;
        QString asOf;
        bool inStock = false;
        if (s.stock) {
            for (const WarehouseAvailability &w : s.stock->warehouses)
                warehouses.append(QVariantMap {
                    {u"code"_s, w.warehouseCode},
                    {u"available"_s, f->quantity(w.available.milli(), w.available.unit())}});
            available = f->quantity(s.stock->promisable.milli(), s.stock->promisable.unit());
            asOf = f->dateTime(s.stock->asOf);
            inStock = s.stock->promisable.isPositive();
        }
        rows.append({{u"sku"_s, s.product.sku},
                     {u"name"_s, s.product.name},
                     {u"category"_s, s.product.category},
                     {u"barcode"_s, s.product.barcode},
                     {u"unit"_s, s.product.baseUnit},
                     {u"price"_s, money(s.listPrice)},
                     {u"available"_s, available},
                     {u"inStock"_s, inStock},
                     {u"asOf"_s, asOf},
                     {u"warehouses"_s, warehouses}});
    }
    m_products->setRows(std::move(rows));
    Q_EMIT productsSearched();
}

void DeviceSession::searchProducts(const QString &text)
{
    m_productQuery = text;
    const quint64 id = ++m_productRequest;
    m_worker->latestProductSearch = id;
    post<std::optional<Result<QList<ProductSummary>>>>(
        [text, id](StoreWorker &w) -> std::optional<Result<QList<ProductSummary>>> {
            if (w.latestProductSearch.load() != id || !w.store())
                return std::nullopt;
            return w.searchProducts(text);
        },
        [this, id](std::optional<Result<QList<ProductSummary>>> r) {
            if (id != m_productRequest || !r)
                return;
            if (!*r)
                return reportError(r->error());
            setProducts(r->value());
        });
}

void DeviceSession::lookupBarcode(const QString &barcode)
{
    const quint64 id = ++m_productRequest;
    m_worker->latestProductSearch = id;
    post<Result<QList<ProductSummary>>>(
        [barcode](StoreWorker &w) { return w.productByBarcode(barcode); },
        [this, id, barcode](Result<QList<ProductSummary>> r) {
            if (id != m_productRequest)
                return;
            if (!r)
                return reportError(r.error());
            if (r->isEmpty()) {
                Q_EMIT barcodeNotFound(barcode);
                return;
            }
            setProducts(r.value());
        });
}

// --- today, sync, tickets

void DeviceSession::refreshToday()
{
    const QDate today = m_today;
    post<Result<TodayData>>(
        [today](StoreWorker &w) {
            return w.store() ? w.today(today) : Result<TodayData>(TodayData {});
        },
        [this](Result<TodayData> r) {
            if (!r)
                return reportError(r.error());
            Formatter *f = Formatter::instance();
            QList<QVariantMap> visits;
            for (const VisitRow &v : r->visits)
                visits.append({{u"customerId"_s, idToString(v.activity.customerId)},
                               {u"customerName"_s, v.customerName},
                               {u"subject"_s, v.activity.subject},
                               {u"when"_s, f->dateTime(v.activity.at)}});
            m_visits->setRows(std::move(visits));
            QList<QVariantMap> alerts;
            for (const Alert &a : r->alerts) {
                QString kind;
                QString detail;
                switch (a.kind) {
                case Alert::Kind::CreditHold:
                    kind = u"credit_hold"_s;
                    detail = tr("Over credit limit: exposure %1").arg(money(a.amount));
                    break;
                case Alert::Kind::NearLimit:
                    kind = u"near_limit"_s;
                    detail = tr("Near credit limit: exposure %1").arg(money(a.amount));
                    break;
                case Alert::Kind::OverdueInvoice:
                    kind = u"overdue"_s;
                    detail = tr("Invoice %1 overdue since %2: %3")
                                 .arg(a.reference, f->date(a.date), money(a.amount));
                    break;
                case Alert::Kind::LowStock:
                    kind = u"low_stock"_s;
                    detail
                        = tr("Low stock: %1 available").arg(f->quantity(a.quantityMilli, a.unit));
                    break;
                }
                alerts.append({{u"kind"_s, kind},
                               {u"title"_s, a.title},
                               {u"detail"_s, detail},
                               {u"customerId"_s,
                                a.customerId.isNull() ? QString() : idToString(a.customerId)}});
            }
            m_alerts->setRows(std::move(alerts));
        });
}

void DeviceSession::refreshSync()
{
    post<Result<SyncCounts>>([](StoreWorker &w) { return w.syncCounts(); },
                             [this](Result<SyncCounts> r) {
                                 if (!r)
                                     return reportError(r.error());
                                 const bool grew = m_lastPending >= 0 && r->pending > m_lastPending;
                                 m_lastPending = r->pending;
                                 m_sync = r.value();
                                 Q_EMIT syncCountsChanged();
                                 if (grew)
                                     localChangeSaved();
                             });
    post<Result<QList<OutboxMutation>>>([](StoreWorker &w) { return w.outbox(); },
                                        [this](Result<QList<OutboxMutation>> r) {
                                            if (!r)
                                                return reportError(r.error());
                                            Formatter *f = Formatter::instance();
                                            QList<QVariantMap> rows;
                                            for (const OutboxMutation &m : r.value())
                                                rows.append(
                                                    {{u"seq"_s, m.seq},
                                                     {u"entity"_s, m.entity},
                                                     {u"op"_s, m.op},
                                                     {u"state"_s, outboxStateName(m.state)},
                                                     {u"reason"_s, m.resultReason},
                                                     {u"created"_s, f->dateTime(m.createdAt)}});
                                            m_outbox->setRows(std::move(rows));
                                        });
}

QString DeviceSession::documentStatusLabel(DocumentStatus status)
{
    return documentStatusText(status);
}

QString DeviceSession::statusLabel(const QString &workflowName) const
{
    auto status = TicketWorkflow::parseStatus(workflowName);
    if (!status)
        return workflowName;
    switch (*status) {
    case Ticket::Status::Open:
        return tr("Open");
    case Ticket::Status::InProgress:
        return tr("In progress");
    case Ticket::Status::WaitingOnCustomer:
        return tr("Waiting on customer");
    case Ticket::Status::Resolved:
        return tr("Resolved");
    case Ticket::Status::Closed:
        return tr("Closed");
    }
    return workflowName;
}

void DeviceSession::refreshTickets()
{
    post<Result<QList<TicketRow>>>(
        [](StoreWorker &w) { return w.openTickets(); },
        [this](Result<QList<TicketRow>> r) {
            if (!r)
                return reportError(r.error());
            Formatter *f = Formatter::instance();
            QList<QVariantMap> rows;
            for (const TicketRow &t : r.value()) {
                QStringList next;
                for (Ticket::Status s : TicketWorkflow::nextStatuses(t.ticket.status))
                    next.append(TicketWorkflow::statusName(s));
                QVariantList comments;
                for (const TicketComment &c : t.ticket.comments)
                    comments.append(QVariantMap {{u"author"_s, c.author},
                                                 {u"when"_s, f->dateTime(c.at)},
                                                 {u"body"_s, c.body}});
                rows.append({{u"ticketId"_s, idToString(t.ticket.id)},
                             {u"number"_s, t.ticket.number},
                             {u"subject"_s, t.ticket.subject},
                             {u"customerName"_s, t.customerName},
                             {u"status"_s, TicketWorkflow::statusName(t.ticket.status)},
                             {u"priority"_s, TicketRepository::priorityName(t.ticket.priority)},
                             {u"updated"_s, f->dateTime(t.ticket.updatedAt)},
                             {u"nextStatuses"_s, next},
                             {u"comments"_s, comments}});
            }
            m_tickets->setRows(std::move(rows));
        });
}

void DeviceSession::openTicket(const QString &customerId, const QString &subject,
                               const QString &description)
{
    const QUuid id = QUuid::fromString(customerId);
    const QString author = m_userName;
    post<Result<QUuid>>(
        [id, subject, description, author](StoreWorker &w) -> Result<QUuid> {
            auto r = TicketService(*w.store(), w.clock(), author)
                         .open({id, subject, description, Ticket::Priority::Normal});
            if (!r)
                return r.error();
            return r->id;
        },
        [this](Result<QUuid> r) { afterWrite(r ? Result<void>() : Result<void>(r.error())); });
}

void DeviceSession::commentTicket(const QString &ticketId, const QString &body)
{
    const QUuid id = QUuid::fromString(ticketId);
    const QString author = m_userName;
    post<Result<void>>(
        [id, body, author](StoreWorker &w) -> Result<void> {
            auto r = TicketService(*w.store(), w.clock(), author).comment(id, body);
            return r ? Result<void>() : Result<void>(r.error());
        },
        [this](Result<void> r) { afterWrite(r); });
}

void DeviceSession::changeTicketStatus(const QString &ticketId, const QString &status)
{
    const QUuid id = QUuid::fromString(ticketId);
    auto to = TicketWorkflow::parseStatus(status);
    if (!to)
        return reportError(to.error());
    const QString author = m_userName;
    post<Result<void>>(
        [id, to = *to, author](StoreWorker &w) -> Result<void> {
            TicketService tickets(*w.store(), w.clock(), author);
            auto r = tickets.changeStatus(id, to);
            return r ? Result<void>() : Result<void>(r.error());
        },
        [this](Result<void> r) { afterWrite(r); });
}

void DeviceSession::reopenTicket(const QString &ticketId)
{
    const QUuid id = QUuid::fromString(ticketId);
    const QString author = m_userName;
    post<Result<void>>(
        [id, author](StoreWorker &w) -> Result<void> {
            auto r = TicketService(*w.store(), w.clock(), author).reopen(id);
            return r ? Result<void>() : Result<void>(r.error());
        },
        [this](Result<void> r) { afterWrite(r); });
}

void DeviceSession::logActivity(const QString &customerId, const QString &kind,
                                const QString &subject, const QString &notes, int minutes)
{
    const QUuid id = QUuid::fromString(customerId);
    const Activity::Kind k = kind == u"call"_s ? Activity::Kind::Call
        : kind == u"note"_s                    ? Activity::Kind::Note
                                               : Activity::Kind::Visit;
    const QString author = m_userName;
    post<Result<QUuid>>(
        [id, k, subject, notes, minutes, author](StoreWorker &w) -> Result<QUuid> {
            NewActivity draft;
            draft.customerId = id;
            draft.kind = k;
            draft.subject = subject;
            draft.notes = notes;
            draft.durationMinutes = minutes;
            auto r = ActivityService(*w.store(), w.clock(), author).log(draft);
            if (!r)
                return r.error();
            return r->id;
        },
        [this](Result<QUuid> r) { afterWrite(r ? Result<void>() : Result<void>(r.error())); });
}

void DeviceSession::discardRejected(int seq)
{
    post<Result<void>>(
        [seq](StoreWorker &w) -> Result<void> {
            auto m = OutboxRepository(*w.store()).get(seq);
            if (!m)
                return m.error();
            if (m->state != OutboxMutation::State::Rejected)
                return makeError(ErrorCode::Conflict, u"only a rejected change can be discarded"_s);
            return OutboxRepository(*w.store()).remove(seq);
        },
        [this](Result<void> r) { afterWrite(r); });
}

// --- tools

Result<QUuid> DeviceSession::sampleCustomerBlocking()
{
    Result<QUuid> out = makeError(ErrorCode::NotFound, u"not run"_s);
    QMetaObject::invokeMethod(
        m_worker.get(), [&] { out = m_worker->sampleCustomer(); }, Qt::BlockingQueuedConnection);
    return out;
}

QList<PricingRequest::Line> DeviceSession::sampleLinesBlocking(int count)
{
    QList<PricingRequest::Line> out;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [&] {
            if (auto r = m_worker->sampleLines(count))
                out = *r;
        },
        Qt::BlockingQueuedConnection);
    return out;
}

} // namespace karvan::app
