#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/inventory.h"
#include "domain/result.h"
#include "domain/service.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace karvan {

// How much demo data `karvan-hq init --demo SIZE` loads.
enum class DemoSize { Small, Medium, Large };

// "small" | "medium" | "large" (case-insensitive); none for anything else.
std::optional<DemoSize> parseDemoSize(const QString &name);
QString demoSizeName(DemoSize size);

// The counts of one demo size, all in one table (DemoSizeSpec::forSize). Reference data and
// customers are emitted in exactly these numbers; history is spread over the year before the
// demo's "today" so that the totals come out exactly as well.
struct DemoSizeSpec
{
    DemoSize size = DemoSize::Small;
    int customers = 0;
    int products = 0;
    int repsPerTerritory = 0;
    int customersWithOwnPrices = 0; // customers with negotiated prices (CustomerPrice)
    int orderLines = 0; // lines of all sales orders in the history
    int quotes = 0;
    int tickets = 0;
    int activities = 0;
    int opportunities = 0;

    static DemoSizeSpec forSize(DemoSize size);
};

// A sales territory of the demo company; customers, reps and a warehouse belong to one.
struct DemoTerritory
{
    QString code; // "TR-IST"
    QString name; // "Türkiye (İstanbul)"
    QString language; // customers' language, BCP 47: "tr"
    QString taxRegion; // "TR"
    QString country; // ISO 3166-1 alpha-2
    QString warehouseCode;
};

// A login of the demo company. The password of every demo login is DemoGenerator::password().
struct DemoUser
{
    QString login; // "rep.tr1"
    QString displayName; // in the territory's own script
    QString role; // rep | manager | finance | warehouse | admin | kiosk
    QStringList territories;
    QString store; // kiosks: the store they sell from; empty otherwise
};

// What a run produced, for `init --demo` to print and tests to check. Amounts are minor units
// of DemoGenerator::currency().
struct DemoSummary
{
    qint64 territories = 0;
    qint64 users = 0;
    qint64 warehouses = 0;
    qint64 taxRules = 0;
    qint64 products = 0;
    qint64 priceLists = 0;
    qint64 priceListEntries = 0;
    qint64 promotions = 0;
    qint64 customers = 0;
    qint64 archivedCustomers = 0;
    qint64 customerPrices = 0;
    qint64 stockLevels = 0;
    qint64 quotes = 0;
    qint64 quoteLines = 0;
    qint64 orders = 0;
    qint64 orderLines = 0;
    qint64 invoices = 0;
    qint64 payments = 0;
    qint64 onAccountPayments = 0;
    qint64 tickets = 0;
    qint64 ticketComments = 0;
    qint64 activities = 0;
    qint64 opportunities = 0;

    qint64 orderTotalMinor = 0; // sum of the totals of all orders (any status)
    qint64 invoicedMinor = 0; // sum of invoice totals
    qint64 paidMinor = 0; // sum of all payments, including on account
    qint64 openReceivablesMinor = 0; // invoiced minus paid on invoices, as of the demo's today
    qint64 overdueInvoices = 0; // unpaid past their due date as of the demo's today
    qint64 overdueMinor = 0;
    // exposure (open receivables + confirmed orders not yet invoiced) >= 90 % of the limit
    qint64 customersNearCreditLimit = 0;
};

// Receives the demo data as it is generated, in dependency order: territories, users,
// warehouses, tax rules, products, price lists, promotions, customers, customer prices, stock
// levels, then the history (quotes, orders, invoices, payments, tickets, activities,
// opportunities) in date order. Every referenced record was emitted before the one that
// references it. Records are snapshots as of the demo's today (an order's status, an invoice's
// paid amount). Every call defaults to a no-op; the first error stops the generator.
class DemoSink
{
public:
    virtual ~DemoSink();

    virtual Result<void> territory(const DemoTerritory &territory);
    virtual Result<void> user(const DemoUser &user);
    virtual Result<void> warehouse(const Warehouse &warehouse);
    virtual Result<void> taxRule(const TaxRule &rule);
    virtual Result<void> product(const Product &product);
    virtual Result<void> priceList(const PriceList &list);
    virtual Result<void> promotion(const Promotion &promotion);
    virtual Result<void> customer(const Customer &customer);
    virtual Result<void> customerPrice(const CustomerPrice &price);
    virtual Result<void> stockLevel(const StockLevel &level);
    virtual Result<void> salesDocument(const SalesDocument &document); // quotes and orders
    virtual Result<void> invoice(const Invoice &invoice);
    virtual Result<void> payment(const Payment &payment);
    virtual Result<void> ticket(const Ticket &ticket);
    virtual Result<void> activity(const Activity &activity);
    virtual Result<void> opportunity(const Opportunity &opportunity);
    // After the last record.
    virtual Result<void> finished(const DemoSummary &summary);
};

struct DemoOptions
{
    DemoSize size = DemoSize::Small;
    quint64 seed = 20261122;
    QDate today = QDate(2026, 11, 22); // the demo's "today"; the history spans the year before
};

// Generates the demo company "Karvan Trading" (currency USD): territories in Türkiye, Iran,
// the UAE, Israel, Vietnam and the UK with customers written in their own languages and scripts,
// a catalog with price lists, negotiated prices, promotions and stock, and a year of sales
// history priced by priceDocument(), the company's one pricing rule. The same options give a
// byte-identical stream on every platform: no clock, no global random generator, no std::
// distributions.
class DemoGenerator
{
public:
    explicit DemoGenerator(const DemoOptions &options = {});

    Result<DemoSummary> generate(DemoSink &sink) const;

    const DemoOptions &options() const { return m_options; }

    static QString currency() { return QStringLiteral("USD"); }
    static QString companyName() { return QStringLiteral("Karvan Trading"); }
    static QString password() { return QStringLiteral("demo"); }
    static QList<DemoTerritory> territories();
    // The demo logins, for `init --demo` to create and print; reps grow with the size.
    static QList<DemoUser> users(DemoSize size = DemoSize::Small);

private:
    DemoOptions m_options;
};

} // namespace karvan
