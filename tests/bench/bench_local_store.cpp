// Device operations over a demo store, beside what SQLite itself does on this machine.
//
//   bench_local_store [--size large] [--dir DIR] [--json FILE] [--orders N] [--searches N]
//
// Prints a Markdown table: loading the demo company, customer search p50/p99, local order
// creation (pricing, credit and stock checks, the write and its outbox mutation, durable)
// p50/p99; and, measured in the same run, SQLite's raw bulk insert rate of customer-shaped
// rows and the commit latency of order-shaped transactions with synchronous=FULL (one raw
// transaction before each order, so both see the same disk). Beside each wall-clock figure,
// the thread's CPU time for the same call: on a shared machine the wall-clock tail is mostly
// waiting for a core or the disk, the CPU time is what the code costs.

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "percentiles.h"
#include "rawsqlite.h"
#include "services/orderservice.h"
#include "store/customerrepository.h"
#include "store/localstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <random>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

using bench::Percentiles;
using bench::percentiles;

[[noreturn]] void die(const QString &what)
{
    QTextStream(stderr) << "bench_local_store: " << what << Qt::endl;
    std::exit(2);
}

template<typename T> T need(Result<T> r, const char *what)
{
    if (!r)
        die(QString::fromLatin1(what) + u": "_s + r.errorMessage());
    return std::move(r).value();
}

// What a rep types: the first 2 to 5 letters of a word of a customer's name, sometimes
// followed by the start of the next word.
QStringList searchQueries(LocalStore &store, int count, std::mt19937_64 &rng)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT name FROM customers WHERE archived = 0"_s))
        die(u"cannot read customer names"_s);
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    if (names.isEmpty())
        die(u"no customers"_s);
    QStringList out;
    while (out.size() < count) {
        const QString &name = names.at(qsizetype(rng() % names.size()));
        const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
        const auto w = qsizetype(rng() % words.size());
        QString query = words.at(w).left(2 + int(rng() % 4));
        if (w + 1 < words.size() && rng() % 2)
            query += u' ' + words.at(w + 1).left(1 + int(rng() % 3));
        out.append(query);
    }
    return out;
}

struct Candidate
{
    QUuid customer;
    QString warehouse;
};

QList<OrderDraft> orderDrafts(LocalStore &store, int count, std::mt19937_64 &rng)
{
    // Customers with the warehouse of their territory, and SKUs stocked there.
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT c.id, 'WH-' || substr(c.territory, 4) FROM customers c "
                u"WHERE c.archived = 0"_s))
        die(u"cannot read customers"_s);
    QList<Candidate> customers;
    while (q.next())
        customers.append({QUuid::fromString(q.value(0).toString()), q.value(1).toString()});
    QHash<QString, QStringList> skusByWarehouse;
    QHash<QString, QString> baseUnit;
    if (!q.exec(u"SELECT s.warehouse_code, s.sku, p.base_unit FROM stock_levels s JOIN products p "
                u"ON p.sku = s.sku WHERE p.active = 1"_s))
        die(u"cannot read stock"_s);
    while (q.next()) {
        skusByWarehouse[q.value(0).toString()].append(q.value(1).toString());
        baseUnit.insert(q.value(1).toString(), q.value(2).toString());
    }

    QList<OrderDraft> drafts;
    while (drafts.size() < count) {
        const Candidate &c = customers.at(qsizetype(rng() % customers.size()));
        const QStringList &skus = skusByWarehouse.value(c.warehouse);
        if (skus.isEmpty())
            continue;
        OrderDraft d;
        d.customerId = c.customer;
        d.date = QDate(2026, 11, 22);
        d.warehouseCode = c.warehouse;
        d.createdBy = u"bench"_s;
        const int lines = 1 + int(rng() % 5);
        QSet<QString> used;
        for (int i = 0; i < lines; ++i) {
            const QString &sku = skus.at(qsizetype(rng() % skus.size()));
            if (used.contains(sku))
                continue;
            used.insert(sku);
            d.lines.append(
                {sku, Quantity::ofUnits(1 + qint64(rng() % 24), baseUnit.value(sku)).value()});
        }
        drafts.append(d);
    }
    return drafts;
}

// This thread's CPU time (user + system), nanoseconds.
qint64 threadCpuNs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

QString fmt(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"size"_s, u"Demo size: small, medium or large."_s, u"size"_s, u"large"_s});
    parser.addOption({u"dir"_s, u"Working folder for the databases."_s, u"dir"_s,
                      QDir::tempPath() + u"/karvan-bench"_s});
    parser.addOption({u"json"_s, u"Also write the figures as JSON here."_s, u"file"_s});
    parser.addOption({u"orders"_s, u"Orders to create."_s, u"n"_s, u"2000"_s});
    parser.addOption({u"searches"_s, u"Searches to run."_s, u"n"_s, u"2000"_s});
    parser.addOption({u"reuse"_s,
                      u"Reuse the store a previous run loaded in --dir (for "
                      u"profiling; its load figure is then not measured)."_s});
    parser.process(app);
    const auto size = parseDemoSize(parser.value(u"size"_s));
    if (!size)
        die(u"unknown size "_s + parser.value(u"size"_s));
    const int orderCount = parser.value(u"orders"_s).toInt();
    const int searchCount = parser.value(u"searches"_s).toInt();
    if (orderCount <= 0 || searchCount <= 0)
        die(u"--orders and --searches must be positive"_s);
    const QString dir = parser.value(u"dir"_s);
    QDir().mkpath(dir);
    QTextStream err(stderr);
    std::mt19937_64 rng(20261122);

    // 1. The demo company into a fresh device store.
    const QString path = dir + u"/device.sqlite"_s;
    const bool reuse = parser.isSet(u"reuse"_s) && QFile::exists(path);
    if (!reuse) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }
    auto store = need(LocalStore::open(path), "open");
    QElapsedTimer timer;
    qint64 records = 0;
    double loadSeconds = 0;
    if (!reuse) {
        err << "loading the " << demoSizeName(*size) << " demo company..." << Qt::endl;
        timer.start();
        StoreDemoSink sink(*store);
        DemoOptions options;
        options.size = *size;
        need(DemoGenerator(options).generate(sink), "generate");
        records = sink.recordsWritten();
        loadSeconds = timer.nsecsElapsed() / 1e9;
    }
    auto count = [&](const QString &sql) {
        return need(store->scalar(sql), "count").toLongLong();
    };
    const qint64 customerCount = count(u"SELECT count(*) FROM customers"_s);
    const qint64 productCount = count(u"SELECT count(*) FROM products"_s);
    const qint64 documentLines = count(u"SELECT count(*) FROM document_lines"_s);

    // 2. The reference: SQLite on its own, same machine, same run.
    err << "measuring raw SQLite..." << Qt::endl;
    const qint64 rawRows = std::max<qint64>(customerCount, 100000);
    const auto raw = rawsqlite::bulkInsertCustomers(dir + u"/raw-bulk.sqlite"_s, rawRows);
    rawsqlite::OrderShapedWriter rawOrders(dir + u"/raw-orders.sqlite"_s, 3);

    // 3. Customer search as the rep types.
    err << "searching..." << Qt::endl;
    CustomerRepository customers(*store);
    const QStringList queries = searchQueries(*store, searchCount, rng);
    QList<double> searchMicros, searchCpuMicros;
    qint64 hits = 0;
    for (const QString &q : queries) {
        const qint64 cpu0 = threadCpuNs();
        timer.start();
        auto found = need(customers.search(q, 50), "search");
        searchMicros.append(timer.nsecsElapsed() / 1e3);
        searchCpuMicros.append((threadCpuNs() - cpu0) / 1e3);
        hits += found.isEmpty() ? 0 : 1;
    }
    const Percentiles search = percentiles(searchMicros);
    const Percentiles searchCpu = percentiles(searchCpuMicros);

    // 4. Local order creation: price, check credit and stock, write with the outbox, durable.
    err << "creating orders..." << Qt::endl;
    const QList<OrderDraft> drafts = orderDrafts(*store, orderCount, rng);
    OrderService orders(*store);
    QList<double> checkMicros, checkCpuMicros, orderMicros, orderCpuMicros, rawMicros;
    for (const OrderDraft &d : drafts) {
        rawMicros.append(rawOrders.commitNext());
        // What the editor asks on every change (nothing written), then the save.
        qint64 cpu0 = threadCpuNs();
        timer.start();
        need(orders.check(d), "check");
        checkMicros.append(timer.nsecsElapsed() / 1e3);
        checkCpuMicros.append((threadCpuNs() - cpu0) / 1e3);
        cpu0 = threadCpuNs();
        timer.start();
        need(orders.submit(d), "order");
        orderMicros.append(timer.nsecsElapsed() / 1e3);
        orderCpuMicros.append((threadCpuNs() - cpu0) / 1e3);
    }
    const Percentiles check = percentiles(checkMicros);
    const Percentiles checkCpu = percentiles(checkCpuMicros);
    const Percentiles order = percentiles(orderMicros);
    const Percentiles orderCpu = percentiles(orderCpuMicros);
    const Percentiles rawTx = percentiles(rawMicros);

    QTextStream out(stdout);
    out << "## Local store benchmark (" << demoSizeName(*size) << " demo set: " << customerCount
        << " customers, " << productCount << " products, " << documentLines
        << " document lines)\n\n"
        << "| measure | Karvan | reference (raw SQLite, same run) |\n"
        << "|---|---|---|\n"
        << "| load demo company | "
        << (reuse ? u"(store reused, not measured)"_s
                  : u"%1 records in %2 s (%3 records/s, incl. generation, pricing, FTS "
                    u"indexing)"_s.arg(records)
                        .arg(fmt(loadSeconds, 1), fmt(records / loadSeconds, 0)))
        << " | bulk insert of " << raw.rows << " customer rows: " << fmt(raw.rowsPerSecond(), 0)
        << " rows/s |\n"
        << "| customer search p50 / p99 (" << search.count << " queries, " << hits
        << " with hits) | " << fmt(search.p50 / 1000) << " ms / " << fmt(search.p99 / 1000)
        << " ms (CPU " << fmt(searchCpu.p50 / 1000) << " / " << fmt(searchCpu.p99 / 1000)
        << " ms) | — |\n"
        << "| order check p50 / p99 (pricing, credit, stock; nothing written) | "
        << fmt(check.p50 / 1000) << " ms / " << fmt(check.p99 / 1000) << " ms (CPU "
        << fmt(checkCpu.p50 / 1000) << " / " << fmt(checkCpu.p99 / 1000) << " ms) | — |\n"
        << "| order creation p50 / p99 (" << order.count
        << " orders: pricing, credit, stock, write + outbox, synchronous=FULL) | "
        << fmt(order.p50 / 1000) << " ms / " << fmt(order.p99 / 1000) << " ms (CPU "
        << fmt(orderCpu.p50 / 1000) << " / " << fmt(orderCpu.p99 / 1000)
        << " ms) | order-shaped transaction commit (1 + 3 lines + outbox, FULL), one before each "
           "order: "
        << fmt(rawTx.p50 / 1000) << " ms / " << fmt(rawTx.p99 / 1000) << " ms |\n";

    if (parser.isSet(u"json"_s)) {
        const QJsonObject json {
            {u"size"_s, demoSizeName(*size)},
            {u"customers"_s, customerCount},
            {u"products"_s, productCount},
            {u"document_lines"_s, documentLines},
            {u"load_records"_s, records},
            {u"load_seconds"_s, loadSeconds},
            {u"raw_bulk_insert_rows_per_s"_s, raw.rowsPerSecond()},
            {u"search_p50_ms"_s, search.p50 / 1000},
            {u"search_p99_ms"_s, search.p99 / 1000},
            {u"search_cpu_p50_ms"_s, searchCpu.p50 / 1000},
            {u"search_cpu_p99_ms"_s, searchCpu.p99 / 1000},
            {u"order_check_p50_ms"_s, check.p50 / 1000},
            {u"order_check_p99_ms"_s, check.p99 / 1000},
            {u"order_create_cpu_p50_ms"_s, orderCpu.p50 / 1000},
            {u"order_create_cpu_p99_ms"_s, orderCpu.p99 / 1000},
            {u"order_create_p50_ms"_s, order.p50 / 1000},
            {u"order_create_p99_ms"_s, order.p99 / 1000},
            {u"raw_order_tx_p50_ms"_s, rawTx.p50 / 1000},
            {u"raw_order_tx_p99_ms"_s, rawTx.p99 / 1000},
        };
        QFile file(parser.value(u"json"_s));
        if (!file.open(QIODevice::WriteOnly))
            die(u"cannot write "_s + file.fileName());
        file.write(QJsonDocument(json).toJson());
    }
    return 0;
}
