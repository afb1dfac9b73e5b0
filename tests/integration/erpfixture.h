#pragma once

// A small company for the ERP tests: two warehouses, three products, a base price list, tax
// rules, customers (one with a tight credit limit, one archived), a vendor, opening stock and
// one actor per role. All in USD; the company currency is USD.

#include "audit/auditlog.h"
#include "domain/ids.h"
#include "erp/fulfilment.h"
#include "erp/invariants.h"
#include "erp/inventory.h"
#include "erp/ledger.h"
#include "erp/masterdata.h"
#include "erp/purchasing.h"
#include "erp/receivables.h"
#include "erp/reports.h"
#include "erp/sales.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QTest>

namespace karvan::hq::test {

using namespace karvan::hq::erp;

struct ErpActors
{
    Actor admin {QStringLiteral("ada"), Role::Admin, {}};
    Actor manager {QStringLiteral("max"), Role::Manager, {}};
    Actor finance {QStringLiteral("fay"), Role::Finance, {}};
    Actor warehouse {QStringLiteral("wes"), Role::Warehouse, {}};
    Actor rep {QStringLiteral("rey"), Role::Rep, {QStringLiteral("NORTH")}};
    Actor otherRep {QStringLiteral("sam"), Role::Rep, {QStringLiteral("SOUTH")}};
    Actor kiosk {QStringLiteral("kim"), Role::Kiosk, {}};
};

struct ErpCompany
{
    ErpActors who;
    QString cash; // customer ids
    QString tight; // credit limit 100.00
    QString archived;
    QString south; // a customer in SOUTH
    QString vendor;
    QDate day0 {2024, 1, 2};
};

inline Money usd(qint64 minor)
{
    return Money::fromMinor(minor, QStringLiteral("USD")).value();
}

inline Quantity units(qint64 n, const QString &unit = QStringLiteral("ea"))
{
    return Quantity::ofUnits(n, unit).value();
}

// Seeds the company; returns an error message or empty.
inline QString seedCompany(Database &db, ErpCompany &co)
{
    MasterData master(db);
    const Actor &admin = co.who.admin;
    for (const auto &[code, name] :
         {std::pair {QStringLiteral("WH1"), QStringLiteral("Main")},
          std::pair {QStringLiteral("WH2"), QStringLiteral("North depot")}}) {
        Warehouse w;
        w.code = code;
        w.name = name;
        if (auto r = master.saveWarehouse(admin, w); !r)
            return r.errorMessage();
    }
    for (const QString &sku :
         {QStringLiteral("TEA"), QStringLiteral("RICE"), QStringLiteral("OIL")}) {
        Product p;
        p.sku = sku;
        p.name = sku.toLower();
        if (sku == QStringLiteral("TEA"))
            p.unitConversions = {UnitConversion {QStringLiteral("box"), 12000}};
        if (auto r = master.saveProduct(admin, p); !r)
            return r.errorMessage();
    }
    PriceList base;
    base.code = QStringLiteral("BASE-USD");
    base.name = QStringLiteral("List prices");
    base.currency = QStringLiteral("USD");
    base.isBase = true;
    base.entries = {
        {QStringLiteral("TEA"), QString(), {{units(1), usd(333)}, {units(100), usd(300)}}},
        {QStringLiteral("RICE"), QString(), {{units(1), usd(1999)}}},
        {QStringLiteral("OIL"), QString(), {{units(1), usd(715)}}},
    };
    if (auto r = master.savePriceList(admin, base); !r)
        return r.errorMessage();
    for (const QString &region : {QStringLiteral("N"), QStringLiteral("S")}) {
        TaxRule t {QStringLiteral("standard"), region, region == QStringLiteral("N") ? 1800 : 1000,
                   region == QStringLiteral("S"), QStringLiteral("VAT ") + region};
        if (auto r = master.saveTaxRule(admin, t); !r)
            return r.errorMessage();
    }
    auto customer = [&](const QString &name, const QString &territory, const QString &region,
                        std::optional<qint64> limit, QString *id) -> QString {
        Customer c;
        c.name = name;
        c.territory = territory;
        c.taxRegion = region;
        c.currency = QStringLiteral("USD");
        c.paymentTermsDays = 30;
        if (limit)
            c.creditLimit = usd(*limit);
        auto saved = master.saveCustomer(admin, c);
        if (!saved)
            return saved.errorMessage();
        *id = idToString(saved->customer.id);
        return {};
    };
    for (const QString &e : {customer(QStringLiteral("Cash & Carry"), QStringLiteral("NORTH"),
                                      QStringLiteral("N"), std::nullopt, &co.cash),
                             customer(QStringLiteral("Tight Ltd"), QStringLiteral("NORTH"),
                                      QStringLiteral("N"), 10000, &co.tight),
                             customer(QStringLiteral("Old Co"), QStringLiteral("NORTH"),
                                      QStringLiteral("N"), std::nullopt, &co.archived),
                             customer(QStringLiteral("South Shop"), QStringLiteral("SOUTH"),
                                      QStringLiteral("S"), std::nullopt, &co.south)}) {
        if (!e.isEmpty())
            return e;
    }
    if (auto r = master.setArchived(admin, co.archived, true); !r)
        return r.errorMessage();
    Vendor v;
    v.name = QStringLiteral("Growers Coop");
    v.currency = QStringLiteral("USD");
    auto vendor = master.saveVendor(admin, v);
    if (!vendor)
        return vendor.errorMessage();
    co.vendor = vendor->id;
    Inventory inventory(db);
    // Costs that do not divide evenly, so rounding is exercised.
    for (const auto &[sku, wh, qty, cost] :
         {std::tuple {QStringLiteral("TEA"), QStringLiteral("WH1"), 100, 101},
          std::tuple {QStringLiteral("TEA"), QStringLiteral("WH2"), 7, 133},
          std::tuple {QStringLiteral("RICE"), QStringLiteral("WH1"), 30, 1234},
          std::tuple {QStringLiteral("OIL"), QStringLiteral("WH1"), 3, 333}}) {
        if (auto r
            = inventory.openingStock(co.who.finance, sku, wh, qint64(qty) * 1000, cost, co.day0);
            !r)
            return r.errorMessage();
    }
    return {};
}

inline SalesDocument order(const QString &customerId, const QDate &date,
                           const QList<std::pair<QString, Quantity>> &lines,
                           const QString &currency = QStringLiteral("USD"))
{
    SalesDocument d;
    d.id = Uuid7::generate();
    d.customerId = QUuid::fromString(customerId);
    d.currency = currency;
    d.date = date;
    int n = 0;
    for (const auto &[sku, qty] : lines) {
        DocumentLine l;
        l.lineNo = ++n;
        l.sku = sku;
        l.quantity = qty;
        d.lines.append(l);
    }
    return d;
}

// Row counts of the tables a refused operation must not touch.
inline QString footprint(Database &db)
{
    QStringList parts;
    for (const char *table : {"journal_entries", "journal_lines", "audit_log", "sales_orders",
                              "sales_order_lines", "stock_moves", "invoices", "payments",
                              "ar_allocations", "purchase_orders", "vendor_bills", "deliveries"}) {
        const QString t = QString::fromLatin1(table);
        parts.append(t + u'=' + db.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + t)->toString());
    }
    parts.append(QStringLiteral("stock=")
                 + db.scalar(QStringLiteral("SELECT COALESCE(SUM(on_hand_milli * 7 + "
                                            "reserved_milli * 13 + value_minor), 0) FROM stock"))
                       ->toString());
    return parts.join(u' ');
}

} // namespace karvan::hq::test

// Fails the test with the first violated invariant.
#define KARVAN_VERIFY_INVARIANTS(db)                                                               \
    do {                                                                                           \
        auto inv_ = karvan::hq::erp::checkInvariants(db);                                          \
        QVERIFY2(inv_.ok(), qPrintable(inv_.errorMessage()));                                      \
        QVERIFY2(inv_->ok, qPrintable(inv_->firstViolation));                                      \
    } while (false)

#define KARVAN_OK(expr)                                                                            \
    [&] {                                                                                          \
        auto r_ = (expr);                                                                          \
        if (!r_.ok())                                                                              \
            qWarning("%s failed: %s", #expr, qPrintable(r_.errorMessage()));                       \
        return r_;                                                                                 \
    }()
