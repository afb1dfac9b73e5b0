#pragma once

#include "demo/demogenerator.h"
#include "erp/erpcommon.h"

#include <QHash>
#include <QString>

namespace karvan::hq {

class Database;

namespace erp {

// What HqDemoLoader did with the generated demo history, for `init --demo` to print.
struct HqDemoLoadReport
{
    DemoSummary generated; // what the generator produced
    qint64 users = 0;
    qint64 customers = 0;
    qint64 products = 0;
    qint64 stockPositions = 0;
    qint64 ordersTaken = 0; // through SalesOrders::intake or DemoHistoryWriter
    qint64 ordersWrittenDirectly = 0; // of those, by DemoHistoryWriter (delivered on their day)
    qint64 ordersCancelled = 0; // cancelled after intake, as in the history
    qint64 ordersHeldAtHq = 0; // left on credit hold by HQ's own credit check
    qint64 holdsApproved = 0; // held by HQ, approved by finance because the history delivered them
    qint64 deliveries = 0;
    qint64 invoices = 0;
    qint64 payments = 0;
    qint64 statusDiffers = 0; // HQ's outcome differs from the generator's snapshot status
    qint64 skippedQuotes = 0; // the ERP has no quotes
    qint64 skippedUndeliverable = 0; // to deliver, but HQ could not allocate all of it
    qint64 skippedInvoices = 0; // of orders that were not delivered at HQ
    qint64 skippedPayments = 0; // of invoices that were skipped
    qint64 skippedTickets = 0; // no CRM module at HQ yet
    qint64 skippedActivities = 0;
    qint64 skippedOpportunities = 0;
};

// Loads the demo company into HQ's database through the ERP modules (master data, opening
// stock, order intake, delivery, invoicing, payments), so the ledger, receivables and stock
// agree with the generated history. Everything is written in one transaction under the actor
// "demo-loader" (with the role each step needs), and checkInvariants must hold before it
// commits: a failed load writes nothing.
//
// Opening stock: the generator's stock levels are snapshots as of the demo's today, after the
// history. The loader runs the generator twice: the first pass adds up what the history's
// orders take from each warehouse, and the opening stock (dated the day before the first
// document) is the snapshot plus that demand, so the history can be delivered.
//
// Orders the history delivered, their invoices and payments are written by DemoHistoryWriter
// (the same rows, postings, moves and audit entries, without the business path's read-backs);
// open orders, credit holds and anything it declines go through intake. With directHistory
// false every order goes through the business path (tests compare the two).
class HqDemoLoader
{
public:
    explicit HqDemoLoader(Database &db, bool directHistory = true)
        : m_db(db)
        , m_directHistory(directHistory)
    { }

    Result<HqDemoLoadReport> load(const DemoOptions &options);

private:
    Database &m_db;
    bool m_directHistory = true;
};

} // namespace erp
} // namespace karvan::hq
