#include "erp/hqdemoloader.h"

#include "auth/passwordhash.h"
#include "auth/userdirectory.h"
#include "domain/ids.h"
#include "erp/demohistorywriter.h"
#include "erp/fulfilment.h"
#include "erp/invariants.h"
#include "erp/inventory.h"
#include "erp/ledger.h"
#include "erp/masterdata.h"
#include "erp/receivables.h"
#include "erp/sales.h"
#include "storage/database.h"
#include "sync/changefeed.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

const QString LoaderLogin = u"demo-loader"_s;

Actor loaderAs(Role role)
{
    return Actor {LoaderLogin, role, {}};
}

Result<qint64> baseMilli(const Quantity &q, const Product &product)
{
    auto base = convertToBase(q, product.baseUnit, product.unitConversions);
    if (!base)
        return base.error();
    return base->milli();
}

Error step(const QString &what, const Error &error)
{
    return makeError(error.code, what + u": "_s + error.message);
}

// Pass 1: what the history's orders take from each SKU and warehouse (base milli).
class DemandSink : public DemoSink
{
public:
    QHash<QString, Product> products;
    QHash<QString, qint64> demand; // "SKU\nWH" ("SKU\n" when HQ chooses)

    Result<void> product(const Product &p) override
    {
        products.insert(p.sku, p);
        return {};
    }
    Result<void> salesDocument(const SalesDocument &d) override
    {
        if (d.kind != SalesDocument::Kind::Order || d.status == DocumentStatus::Cancelled)
            return {};
        for (const DocumentLine &line : d.lines) {
            auto m = baseMilli(line.quantity, products.value(line.sku));
            if (!m)
                return m.error();
            demand[line.sku + u'\n' + line.warehouseCode] += *m;
        }
        return {};
    }
};

// Pass 2: the load.
class LoaderSink : public DemoSink
{
public:
    LoaderSink(Database &db, const DemoOptions &options, const DemandSink &demand,
               const QString &passwordHash, bool directHistory)
        : m_db(db)
        , m_options(options)
        , m_demand(demand)
        , m_passwordHash(passwordHash)
        , m_master(db)
        , m_inventory(db)
        , m_ledger(db)
        , m_sales(db)
        , m_fulfilment(db)
        , m_receivables(db)
        , m_history(db, LoaderLogin, demand.products)
        , m_direct(directHistory)
    { }

    HqDemoLoadReport report;

    Result<void> user(const DemoUser &u) override
    {
        auto role = roleFromName(u.role);
        if (!role)
            return step(u.login, role.error());
        auto added = UserDirectory(m_db).addWithPasswordHash({u.login, *role, u.territories},
                                                             m_passwordHash, LoaderLogin);
        if (!added)
            return step(u"user "_s + u.login, added.error());
        ++report.users;
        return {};
    }
    Result<void> warehouse(const Warehouse &w) override
    {
        if (auto r = m_master.saveWarehouse(m_admin, w); !r)
            return step(u"warehouse "_s + w.code, r.error());
        m_warehouses.append(w.code);
        return {};
    }
    Result<void> taxRule(const TaxRule &rule) override
    {
        if (auto r = m_master.saveTaxRule(m_admin, rule); !r)
            return step(u"tax rule"_s, r.error());
        return {};
    }
    Result<void> product(const Product &p) override
    {
        if (auto r = m_master.saveProduct(m_admin, p); !r)
            return step(u"product "_s + p.sku, r.error());
        ++report.products;
        return {};
    }
    Result<void> priceList(const PriceList &list) override
    {
        if (auto r = m_master.savePriceList(m_admin, list); !r)
            return step(u"price list "_s + list.code, r.error());
        if (list.isBase || m_unitCost.isEmpty()) {
            // Opening stock is valued at 60 % of the base list price per base unit.
            for (const PriceListEntry &e : list.entries) {
                if (e.tiers.isEmpty() || (m_unitCost.contains(e.sku) && !list.isBase))
                    continue;
                const Product product = m_demand.products.value(e.sku);
                qint64 perUnit = Quantity::Scale;
                for (const UnitConversion &c : product.unitConversions) {
                    if (!e.unit.isEmpty() && c.unit == e.unit)
                        perUnit = c.baseMilliPerUnit;
                }
                auto cost = mulDiv(e.tiers.constFirst().unitPrice.minorUnits(), 6 * Quantity::Scale,
                                   10 * perUnit);
                if (!cost)
                    return cost.error();
                m_unitCost.insert(e.sku, qMax<qint64>(1, *cost));
            }
        }
        return {};
    }
    Result<void> promotion(const Promotion &p) override
    {
        if (auto r = m_master.savePromotion(m_admin, p); !r)
            return step(u"promotion"_s, r.error());
        return {};
    }
    Result<void> customer(const Customer &c) override
    {
        // Archived customers still have history; they are archived after it (finished()).
        Customer active = c;
        active.archived = false;
        if (auto r = m_master.saveCustomer(m_admin, active); !r)
            return step(u"customer "_s + c.name, r.error());
        if (c.archived)
            m_archived.append(idToString(c.id));
        m_history.addCustomer(active);
        ++report.customers;
        return {};
    }
    Result<void> customerPrice(const CustomerPrice &price) override
    {
        if (auto r = m_master.saveCustomerPrice(m_admin, price); !r)
            return step(u"customer price "_s + price.sku, r.error());
        return {};
    }
    Result<void> stockLevel(const StockLevel &level) override
    {
        auto onHand = baseMilli(level.onHand, m_demand.products.value(level.sku));
        if (!onHand)
            return onHand.error();
        qint64 qty = *onHand + m_demand.demand.value(level.sku + u'\n' + level.warehouseCode)
            + m_demand.demand.value(level.sku + u'\n');
        m_stocked.insert(level.sku + u'\n' + level.warehouseCode);
        return opening(level.sku, level.warehouseCode, qty);
    }
    Result<void> salesDocument(const SalesDocument &d) override
    {
        if (auto r = openingForUnstockedDemand(); !r)
            return r;
        if (d.kind == SalesDocument::Kind::Quote) {
            ++report.skippedQuotes;
            return {};
        }
        // The closed history (delivered on its day) is written directly when it can be.
        auto direct = m_direct ? m_history.deliverOrder(d) : Result<QString>(QString());
        if (!direct)
            return step(u"order %1"_s.arg(idToString(d.id)), direct.error());
        if (!direct->isEmpty()) {
            ++report.ordersTaken;
            ++report.ordersWrittenDirectly;
            ++report.deliveries;
            m_delivered.insert(idToString(d.id), *direct);
            return {};
        }
        auto taken = m_sales.intake(m_manager, d);
        if (!taken)
            return step(u"order intake"_s, taken.error());
        ++report.ordersTaken;
        const QString orderId = taken->orderId;
        DocumentStatus hq = taken->status;
        const DocumentStatus want = d.status;
        const bool toDeliver
            = want == DocumentStatus::Delivered || want == DocumentStatus::Invoiced;
        if (want == DocumentStatus::Cancelled) {
            auto c = m_sales.cancel(m_manager, orderId, d.statusReason);
            if (!c)
                return step(u"cancel"_s, c.error());
            ++report.ordersCancelled;
            return {};
        }
        if (hq == DocumentStatus::CreditHold && toDeliver) {
            auto a = m_sales.approveCreditHold(m_finance, orderId, u"demo history"_s);
            if (!a)
                return step(u"credit approval"_s, a.error());
            ++report.holdsApproved;
            hq = a->status;
        }
        if (hq == DocumentStatus::CreditHold)
            ++report.ordersHeldAtHq;
        if (!toDeliver) {
            if (hq != want)
                ++report.statusDiffers;
            return {};
        }
        if (hq != DocumentStatus::Confirmed) {
            ++report.skippedUndeliverable;
            ++report.statusDiffers;
            return {};
        }
        auto delivered = m_fulfilment.deliver(m_warehouse, orderId, d.date);
        if (!delivered)
            return step(u"delivery"_s, delivered.error());
        ++report.deliveries;
        m_delivered.insert(idToString(d.id), orderId);
        return {};
    }
    Result<void> invoice(const Invoice &inv) override
    {
        const auto order = m_delivered.constFind(idToString(inv.orderId));
        if (order == m_delivered.constEnd()) {
            ++report.skippedInvoices;
            return {};
        }
        auto id = m_direct ? m_history.invoiceOrder(*order, inv.date) : Result<QString>(QString());
        if (id && id->isEmpty())
            id = m_fulfilment.invoice(m_finance, *order, inv.date);
        if (!id)
            return step(u"invoice"_s, id.error());
        ++report.invoices;
        m_invoices.insert(idToString(inv.id), *id);
        return {};
    }
    Result<void> payment(const Payment &p) override
    {
        QString invoiceId;
        if (!p.invoiceId.isNull()) {
            invoiceId = m_invoices.value(idToString(p.invoiceId));
            if (invoiceId.isEmpty()) {
                ++report.skippedPayments;
                return {};
            }
        }
        auto direct = m_direct ? m_history.recordPayment(p, invoiceId) : Result<bool>(false);
        if (!direct)
            return step(u"payment"_s, direct.error());
        if (*direct) {
            ++report.payments;
            return {};
        }
        auto id = m_receivables.recordPayment(m_finance, idToString(p.customerId), p.date, p.amount,
                                              p.method, invoiceId);
        if (!id)
            return step(u"payment"_s, id.error());
        ++report.payments;
        return {};
    }
    Result<void> ticket(const Ticket &) override
    {
        ++report.skippedTickets;
        return {};
    }
    Result<void> activity(const Activity &) override
    {
        ++report.skippedActivities;
        return {};
    }
    Result<void> opportunity(const Opportunity &) override
    {
        ++report.skippedOpportunities;
        return {};
    }
    Result<void> finished(const DemoSummary &summary) override
    {
        report.generated = summary;
        for (const QString &id : std::as_const(m_archived)) {
            if (auto r = m_master.setArchived(m_admin, id, true); !r)
                return step(u"archive customer"_s, r.error());
        }
        return {};
    }

private:
    Result<void> opening(const QString &sku, const QString &warehouse, qint64 qtyMilli)
    {
        if (qtyMilli <= 0)
            return {};
        auto r = m_inventory.openingStockInTransaction(m_admin, m_ledger, sku, warehouse, qtyMilli,
                                                       m_unitCost.value(sku, 100),
                                                       m_options.today.addYears(-1).addDays(-1));
        if (!r)
            return step(u"opening stock %1 at %2"_s.arg(sku, warehouse), r.error());
        ++report.stockPositions;
        return {};
    }
    // Demand in a warehouse the snapshot has no level for still needs opening stock.
    Result<void> openingForUnstockedDemand()
    {
        if (m_openingDone)
            return {};
        m_openingDone = true;
        for (auto it = m_demand.demand.cbegin(); it != m_demand.demand.cend(); ++it) {
            if (m_stocked.contains(it.key()))
                continue;
            const QString sku = it.key().section(u'\n', 0, 0);
            const QString wh = it.key().section(u'\n', 1);
            if (wh.isEmpty()) {
                for (const QString &w : std::as_const(m_warehouses)) {
                    if (!m_stocked.contains(sku + u'\n' + w)) {
                        if (auto r = opening(sku, w, it.value()); !r)
                            return r;
                    }
                }
            } else if (auto r = opening(sku, wh, it.value()); !r) {
                return r;
            }
        }
        return {};
    }

    Database &m_db;
    DemoOptions m_options;
    const DemandSink &m_demand;
    QString m_passwordHash;
    MasterData m_master;
    Inventory m_inventory;
    Ledger m_ledger;
    SalesOrders m_sales;
    Fulfilment m_fulfilment;
    Receivables m_receivables;
    DemoHistoryWriter m_history;
    bool m_direct = true;
    Actor m_admin = loaderAs(Role::Admin);
    Actor m_manager = loaderAs(Role::Manager);
    Actor m_finance = loaderAs(Role::Finance);
    Actor m_warehouse = loaderAs(Role::Warehouse);
    QStringList m_warehouses;
    QStringList m_archived;
    QHash<QString, qint64> m_unitCost;
    QSet<QString> m_stocked;
    bool m_openingDone = false;
    QHash<QString, QString> m_delivered; // generator order id -> HQ order id
    QHash<QString, QString> m_invoices; // generator invoice id -> HQ invoice id
};

} // namespace

Result<HqDemoLoadReport> HqDemoLoader::load(const DemoOptions &options)
{
    const DemoGenerator generator(options);
    DemandSink demand;
    if (auto r = generator.generate(demand); !r)
        return r.error();

    // One hash for every demo login: see UserDirectory::addWithPasswordHash.
    auto hash = PasswordHash::hash(DemoGenerator::password());
    if (!hash)
        return hash.error();

    // The load is one transaction: with SQLite's usual 64 MiB page cache the dirty pages of a
    // large load spill into the WAL, which then grows to several times the database and every
    // page read walks its index (superlinear). A cache that holds the load's pages (allocated
    // only as used) keeps them in memory until the commit writes each page once.
    const bool sqlite = m_db.backend() == Backend::Sqlite;
    if (sqlite) {
        if (auto r = m_db.exec(u"PRAGMA cache_size=-4194304"_s); !r) // 4 GiB at most
            return r.error();
    }
    struct RestoreCache
    {
        Database &db;
        bool sqlite;
        ~RestoreCache()
        {
            if (sqlite)
                (void)db.exec(u"PRAGMA cache_size=-65536"_s);
        }
    } restore {m_db, sqlite};
    LoaderSink sink(m_db, options, demand, *hash, m_directHistory);
    auto work = [&]() -> Result<void> {
        {
            // One INSERT ... SELECT per entity at the end instead of a touch per row.
            const sync::FeedTouchesSuspended bulk;
            if (auto r = generator.generate(sink); !r)
                return r.error();
        }
        if (auto f = sync::ChangeFeed(m_db).rebuild(); !f)
            return f;
        auto check = checkInvariants(m_db);
        if (!check)
            return check.error();
        if (!check->ok)
            return makeError(ErrorCode::Conflict,
                             u"invariant violated after the demo load: "_s + check->firstViolation);
        return {};
    };
    auto loaded = m_db.transaction(work);
    if (!loaded)
        return loaded.error();
    return sink.report;
}

} // namespace karvan::hq::erp
