// N devices syncing at once against one karvan-hq, on SQLite and on PostgreSQL.
//
//   bench_concurrency [--backend sqlite|postgresql|both] [--hq-db FILE] [--devices 100,1000]
//                     [--max-devices 16000] [--push-share 0.3] [--workers 8] [--json FILE]
//                     [--perf-devices N --perf-out FILE]
//
// For each N: a fresh copy of the HQ database, N devices issued with `karvan-hq device issue`
// (spread over the reps, so scopes differ), one `karvan-hq serve` on 127.0.0.1. Every device
// starts at the head cursor of its scope set (pulled once per scope set before the run,
// untimed); then all N start their round at the same instant, each on its own connection:
// about push-share of them push 1-5 mutations first (orders, customer edits, activities), then
// every device pulls until has_more is false, seeing the others' changes. After the listed
// N, N doubles while there are no errors and p99 stays under --p99-limit-ms. After each N the
// HQ database is checked: one sync_mutations row per pushed mutation, every accepted order
// exactly once, no 5xx in the server's log.

#include "bench_concurrency_client.h"
#include "bench_concurrency_hq.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

using namespace karvan;
using namespace karvan::bench;
using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QStringList backends;
    QString hqDb;
    QList<int> devices;
    int maxDevices = 16000;
    double pushShare = 0.3;
    int workers = 8;
    double p99LimitMs = 10000;
    int roundTimeoutS = 120;
    int fullDecodeEvery = 10;
    quint32 seed = 42;
    QString json;
    QString workDir;
    int perfDevices = 0;
    QString perfOut;
    QString hqBinary;
};

struct RunResult
{
    QString backend;
    int devices = 0;
    int served = 0;
    QMap<QString, int> errors;
    double p50Ms = 0, p99Ms = 0, maxMs = 0;
    double pushP99Ms = 0, pullP50Ms = 0, pullP99Ms = 0;
    double wallS = 0;
    qint64 requests = 0;
    int reconnects = 0;
    PushPlan plan;
    int pushAnswered = 0; // mutations whose push got a response
    int accepted = 0;
    QMap<QString, int> rejected;
    qint64 pulledChanges = 0;
    qint64 bytesIn = 0;
    qint64 serverPeakRssKb = 0;
    double serverCpuS = 0;
    // From the server's /metrics, over the round: transactions that committed pushes and the
    // pushes they held; pull answers and the pages built for them.
    qint64 pushCommits = 0, pushesCommitted = 0, pullAnswers = 0, pullPagesBuilt = 0;
    QMap<QString, int> serverStatuses;
    QMap<QString, int> serverThreadStates; // samples of the server's threads, by state
    double clientCpuS = 0;
    QString loadAverage; // /proc/loadavg before the run: others' work on a shared machine
    double provisionS = 0;
    QStringList checkProblems;
    bool checked = false;
};

void say(const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

[[noreturn]] void die(const QString &what)
{
    say(u"bench_concurrency: "_s + what);
    stopChildrenBeforeExit(); // the serving karvan-hq and the PostgreSQL cluster must not outlive
                              // us
    std::exit(1);
}

double percentileMs(QList<qint64> ns, double q)
{
    if (ns.isEmpty())
        return 0;
    std::sort(ns.begin(), ns.end());
    const auto rank = qsizetype(std::ceil(q * double(ns.size()))) - 1;
    return double(ns.at(std::clamp<qsizetype>(rank, 0, ns.size() - 1))) / 1e6;
}

double processCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

QString threadStatesText(const QMap<QString, int> &states)
{
    int total = 0;
    for (int n : states)
        total += n;
    if (total == 0)
        return u"-"_s;
    QStringList parts;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        parts.append(u"%1 %2%"_s.arg(it.key()).arg(qRound(100.0 * it.value() / total)));
    return parts.join(u" "_s);
}

rlim_t raiseOpenFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

QString mapText(const QMap<QString, int> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? u"0"_s : parts.join(u", "_s);
}

QJsonObject mapJson(const QMap<QString, int> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject threadStatesJson(const QMap<QString, int> &states)
{
    QJsonObject o;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// Pulls each scope set once from the beginning (one device per set, untimed) and starts
// every device at the head cursor of its set.
Result<void> startAtHead(QList<BenchDevice> &devices, quint16 port)
{
    QHash<QString, qsizetype> firstOfScope;
    QList<BenchDevice> heads;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (firstOfScope.contains(devices.at(i).scopeKey))
            continue;
        firstOfScope.insert(devices.at(i).scopeKey, heads.size());
        BenchDevice head = devices.at(i);
        head.mutations.clear();
        head.cursor.clear();
        heads.append(head);
    }
    LoadOptions options;
    options.port = port;
    options.concurrency = 4;
    options.roundTimeoutMs = 600000;
    SyncLoad load(options);
    const QList<RoundOutcome> outcomes = load.run(heads);
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        if (!outcomes.at(i).finished)
            return makeError(ErrorCode::Storage,
                             u"the initial pull of scope %1 failed: %2"_s.arg(
                                 heads.at(i).scopeKey, outcomes.at(i).error));
    }
    for (BenchDevice &d : devices)
        d.cursor = heads.at(firstOfScope.value(d.scopeKey)).cursor;
    return {};
}

class Bench
{
public:
    explicit Bench(Options options)
        : m_options(std::move(options))
    { }

    // One N on a database at dbUrl (a fresh copy); fills result.
    RunResult runOnce(const QString &backend, const QString &dbUrl, int n, QRandomGenerator &random)
    {
        RunResult r;
        r.backend = backend;
        r.devices = n;
        auto reps = loadReps(dbUrl);
        if (!reps)
            die(reps.errorMessage());
        QElapsedTimer t;
        t.start();
        auto provisioned = provisionDevices(m_options.hqBinary, dbUrl, *reps, n);
        if (!provisioned)
            die(u"provisioning: "_s + provisioned.errorMessage());
        QList<BenchDevice> devices = *provisioned;
        r.provisionS = double(t.elapsed()) / 1000.0;
        auto plan = planPushes(dbUrl, devices, m_options.pushShare, random);
        if (!plan)
            die(u"planning the pushes: "_s + plan.errorMessage());
        r.plan = *plan;
        r.loadAverage = loadAverage();
        auto before = countAtHq(dbUrl);
        if (!before)
            die(before.errorMessage());

        const QString log
            = QDir(m_options.workDir).filePath(u"serve-%1-%2.log"_s.arg(backend).arg(n));
        HqServe server(m_options.hqBinary);
        if (auto started = server.start(dbUrl, m_options.workers, log); !started)
            die(started.errorMessage());
        if (auto head = startAtHead(devices, server.port()); !head)
            die(head.errorMessage());

        QProcess perf;
        const bool profile = n == m_options.perfDevices && !m_options.perfOut.isEmpty();
        if (profile) {
            const QString out = m_options.backends.size() > 1 ? m_options.perfOut + u"."_s + backend
                                                              : m_options.perfOut;
            // KARVAN_BENCH_PERF_CALL_GRAPH=dwarf unwinds through the libraries built without
            // frame pointers (Qt, SQLite), at 1 kHz; the default is perf's -g.
            const QString graph = qEnvironmentVariable("KARVAN_BENCH_PERF_CALL_GRAPH");
            const QStringList how = graph.isEmpty()
                ? QStringList {u"-g"_s}
                : QStringList {u"--call-graph"_s, graph, u"-F"_s, u"1000"_s};
            perf.start(u"perf"_s,
                       QStringList {u"record"_s} + how
                           + QStringList {u"-o"_s, out, u"-p"_s, QString::number(server.pid())});
            perf.waitForStarted();
            QThread::msleep(500);
            say(u"perf record -g -p %1 -o %2"_s.arg(server.pid()).arg(out));
        }

        LoadOptions options;
        options.port = server.port();
        options.roundTimeoutMs = qint64(m_options.roundTimeoutS) * 1000;
        options.fullDecodeEvery = m_options.fullDecodeEvery;
        SyncLoad load(options);
        // Where the server's threads are while the devices wait: on a CPU (or queued for
        // one), or asleep (no work, a lock, the disk).
        QTimer sampler;
        sampler.setInterval(100);
        QObject::connect(&sampler, &QTimer::timeout, &sampler,
                         [&]() { server.sampleThreadStates(r.serverThreadStates); });
        sampler.start();
        const auto metricsBefore = server.metrics();
        const double clientCpuBefore = processCpuSeconds();
        const QList<RoundOutcome> outcomes = load.run(devices);
        r.clientCpuS = processCpuSeconds() - clientCpuBefore;
        sampler.stop();
        r.wallS = double(load.wallNs()) / 1e9;
        if (profile) {
            perf.terminate(); // SIGTERM: perf writes its file and exits
            perf.waitForFinished(60000);
        }
        r.serverPeakRssKb = server.peakRssKb();
        r.serverCpuS = server.cpuSeconds();
        if (const auto after = server.metrics(); after && metricsBefore) {
            const auto delta = [&](const QString &name) {
                return qint64(after->value(name) - metricsBefore->value(name));
            };
            r.pushCommits = delta(u"karvan_sync_push_commits_total"_s);
            r.pushesCommitted = delta(u"karvan_sync_pushes_committed_total"_s);
            r.pullPagesBuilt = delta(u"karvan_sync_pull_pages_total{answer=\"built\"}"_s);
            for (const char *answer : {"hit", "shared", "older", "built"}) {
                r.pullAnswers += delta(u"karvan_sync_pull_pages_total{answer=\"%1\"}"_s.arg(
                    QLatin1StringView(answer)));
            }
        }
        server.stop();

        QList<qint64> rounds, pushes, pulls;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const RoundOutcome &o = outcomes.at(i);
            r.requests += o.requests;
            r.reconnects += o.reconnects;
            r.pulledChanges += o.pulledChanges;
            r.bytesIn += o.bytesIn;
            r.pushAnswered += o.pushed;
            r.accepted += o.applied + o.appliedWithChanges;
            for (auto it = o.rejected.cbegin(); it != o.rejected.cend(); ++it)
                r.rejected[it.key()] += it.value();
            pushes += o.pushNs;
            pulls += o.pullNs;
            if (o.finished) {
                ++r.served;
                rounds.append(o.latencyNs);
            } else {
                ++r.errors[o.error];
            }
        }
        r.p50Ms = percentileMs(rounds, 0.50);
        r.p99Ms = percentileMs(rounds, 0.99);
        r.maxMs = percentileMs(rounds, 1.0);
        r.pushP99Ms = percentileMs(pushes, 0.99);
        r.pullP50Ms = percentileMs(pulls, 0.50);
        r.pullP99Ms = percentileMs(pulls, 0.99);
        r.serverStatuses = serverStatusCounts(log);
        check(r, dbUrl, *before);
        return r;
    }

    // What HQ holds after the run: every answered mutation recorded once, every accepted order
    // there exactly once (ids are primary keys), no 5xx.
    void check(RunResult &r, const QString &dbUrl, const HqCounts &before)
    {
        auto after = countAtHq(dbUrl);
        if (!after) {
            r.checkProblems.append(after.errorMessage());
            return;
        }
        const qint64 recorded = after->syncMutations - before.syncMutations;
        const bool pushesAllAnswered = r.pushAnswered == r.plan.mutations;
        if (pushesAllAnswered ? recorded != r.pushAnswered
                              : recorded < r.pushAnswered || recorded > r.plan.mutations) {
            r.checkProblems.append(
                u"sync_mutations grew by %1, %2 mutations answered of %3 sent"_s.arg(recorded)
                    .arg(r.pushAnswered)
                    .arg(r.plan.mutations));
        }
        auto orders = countOrders(dbUrl, r.plan.orderIds);
        if (!orders) {
            r.checkProblems.append(orders.errorMessage());
            return;
        }
        const qint64 newOrders = after->salesOrders - before.salesOrders;
        if (newOrders != *orders)
            r.checkProblems.append(
                u"sales_orders grew by %1 but %2 pushed orders are there"_s.arg(newOrders).arg(
                    *orders));
        if (pushesAllAnswered && r.rejected.isEmpty() && *orders != r.plan.orders)
            r.checkProblems.append(
                u"%1 orders pushed and accepted, %2 at HQ"_s.arg(r.plan.orders).arg(*orders));
        if (r.serverStatuses.value(u"5xx"_s) > 0)
            r.checkProblems.append(
                u"%1 responses 5xx in the server log"_s.arg(r.serverStatuses.value(u"5xx"_s)));
        r.checked = true;
    }

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

QString markdown(const QList<RunResult> &results, const Options &o, const QString &dataNote,
                 rlim_t fdLimit)
{
    QString md;
    md += u"## Concurrent devices against one karvan-hq\n\n"_s;
    md += u"Data: %1. Plain HTTP on loopback (127.0.0.1): no TLS. Client: one process, one "
          "event loop, one TCP connection per device, on the same %2-core machine as the "
          "server; one pull answer in %6 is decoded row by row, the others are checked, "
          "inflated and walked without building rows. Server: `karvan-hq serve --workers %3`. "
          "About %4% of the devices push 1-5 "
          "mutations (orders of 1-5 lines 50%, customer edits 25%, activities 25%), then every "
          "device pulls until has_more is false, starting at the head cursor of its scope. "
          "Latency: a device's whole round (connect, push, pulls). Open files limit: %5.\n\n"_s
              .arg(dataNote)
              .arg(QThread::idealThreadCount())
              .arg(o.workers)
              .arg(qRound(o.pushShare * 100))
              .arg(qulonglong(fdLimit))
              .arg(o.fullDecodeEvery);
    md += u"| backend | devices | served | errors | round p50 ms | round p99 ms | max ms | push "
          "p99 ms | pull p99 ms | requests/s | mutations pushed | rejected | changes pulled | "
          "pushes / commits | pull pages built / answers | server peak RSS MB | server CPU s | "
          "client CPU s | server threads | load avg | HQ check |\n"_s;
    md += u"|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|\n"_s;
    for (const RunResult &r : results) {
        md += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 | %13 | %14 | %15 "
              "| %16 | %17 | %18 | %19 | %20 | %21 |\n"_s.arg(r.backend)
                  .arg(r.devices)
                  .arg(r.served)
                  .arg(mapText(r.errors))
                  .arg(r.p50Ms, 0, 'f', 0)
                  .arg(r.p99Ms, 0, 'f', 0)
                  .arg(r.maxMs, 0, 'f', 0)
                  .arg(r.pushP99Ms, 0, 'f', 0)
                  .arg(r.pullP99Ms, 0, 'f', 0)
                  .arg(r.wallS > 0 ? double(r.requests) / r.wallS : 0, 0, 'f', 0)
                  .arg(r.plan.mutations)
                  .arg(mapText(r.rejected))
                  .arg(r.pulledChanges)
                  .arg(u"%1 / %2"_s.arg(r.pushesCommitted).arg(r.pushCommits))
                  .arg(u"%1 / %2"_s.arg(r.pullPagesBuilt).arg(r.pullAnswers))
                  .arg(double(r.serverPeakRssKb) / 1024.0, 0, 'f', 0)
                  .arg(r.serverCpuS, 0, 'f', 1)
                  .arg(r.clientCpuS, 0, 'f', 1)
                  .arg(threadStatesText(r.serverThreadStates))
                  .arg(r.loadAverage)
                  .arg(!r.checked ? u"not checked: "_s + r.checkProblems.join(u"; "_s)
                           : r.checkProblems.isEmpty() ? u"ok"_s
                                                       : r.checkProblems.join(u"; "_s));
    }
    return md;
}

QJsonObject resultJson(const RunResult &r)
{
    return QJsonObject {
        {u"backend"_s, r.backend},
        {u"devices"_s, r.devices},
        {u"served"_s, r.served},
        {u"errors"_s, mapJson(r.errors)},
        {u"round_p50_ms"_s, r.p50Ms},
        {u"round_p99_ms"_s, r.p99Ms},
        {u"round_max_ms"_s, r.maxMs},
        {u"push_p99_ms"_s, r.pushP99Ms},
        {u"pull_p50_ms"_s, r.pullP50Ms},
        {u"pull_p99_ms"_s, r.pullP99Ms},
        {u"wall_s"_s, r.wallS},
        {u"requests"_s, r.requests},
        {u"requests_per_s"_s, r.wallS > 0 ? double(r.requests) / r.wallS : 0.0},
        {u"reconnects"_s, r.reconnects},
        {u"pushers"_s, r.plan.pushers},
        {u"mutations_pushed"_s, r.plan.mutations},
        {u"orders_pushed"_s, r.plan.orders},
        {u"customer_edits_pushed"_s, r.plan.customerEdits},
        {u"activities_pushed"_s, r.plan.activities},
        {u"mutations_answered"_s, r.pushAnswered},
        {u"mutations_accepted"_s, r.accepted},
        {u"rejected"_s, mapJson(r.rejected)},
        {u"changes_pulled"_s, r.pulledChanges},
        {u"bytes_received"_s, r.bytesIn},
        {u"server_peak_rss_kb"_s, r.serverPeakRssKb},
        {u"server_cpu_s"_s, r.serverCpuS},
        {u"push_commits"_s, r.pushCommits},
        {u"pushes_committed"_s, r.pushesCommitted},
        {u"pull_answers"_s, r.pullAnswers},
        {u"pull_pages_built"_s, r.pullPagesBuilt},
        {u"server_statuses"_s, mapJson(r.serverStatuses)},
        {u"server_thread_states"_s, threadStatesJson(r.serverThreadStates)},
        {u"client_cpu_s"_s, r.clientCpuS},
        {u"load_average_before"_s, r.loadAverage},
        {u"provision_s"_s, r.provisionS},
        {u"hq_check_ok"_s, r.checked && r.checkProblems.isEmpty()},
        {u"hq_check_problems"_s, QJsonArray::fromStringList(r.checkProblems)},
    };
}

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"N devices syncing at once against one karvan-hq."_s);
    p.addHelpOption();
    p.addOptions({
        {u"backend"_s, u"sqlite, postgresql or both (default both)."_s, u"NAME"_s, u"both"_s},
        {u"hq-db"_s,
         u"SQLite HQ database to copy for each run (default: karvan-hq init --demo small)."_s,
         u"FILE"_s},
        {u"devices"_s, u"The device counts to run first (default 100,1000)."_s, u"LIST"_s,
         u"100,1000"_s},
        {u"max-devices"_s,
         u"Double N after the list up to this while clean (default 16000; 0: "
         "no escalation)."_s,
         u"N"_s, u"16000"_s},
        {u"push-share"_s, u"Share of devices that push before pulling (default 0.3)."_s, u"X"_s,
         u"0.3"_s},
        {u"workers"_s, u"karvan-hq serve --workers (default 8)."_s, u"N"_s, u"8"_s},
        {u"p99-limit-ms"_s, u"Stop escalating when round p99 exceeds this (default 10000)."_s,
         u"MS"_s, u"10000"_s},
        {u"round-timeout-s"_s, u"A round not done by then is an error (default 120)."_s, u"S"_s,
         u"120"_s},
        {u"seed"_s, u"Random seed of the push mix (default 42)."_s, u"N"_s, u"42"_s},
        {u"full-decode-every"_s,
         u"Decode one pull answer in N row by row, as a device would; the others are checked "
         "and walked without building rows (the client shares the server's CPU; default 10, "
         "1: all)."_s,
         u"N"_s, u"10"_s},
        {u"json"_s, u"Also write the figures as JSON to FILE."_s, u"FILE"_s},
        {u"work-dir"_s, u"Where databases and server logs go (default: a temporary directory)."_s,
         u"DIR"_s},
        {u"perf-devices"_s, u"Profile the server (perf record -g) during the run with N devices."_s,
         u"N"_s},
        {u"perf-out"_s, u"perf.data path for --perf-devices (.BACKEND appended with both)."_s,
         u"FILE"_s},
        {u"hq-binary"_s, u"The karvan-hq to run."_s, u"FILE"_s, QStringLiteral(KARVAN_HQ_BINARY)},
    });
    p.process(app);
    Options o;
    const QString backend = p.value(u"backend"_s);
    if (backend == u"both"_s)
        o.backends = {u"sqlite"_s, u"postgresql"_s};
    else if (backend == u"sqlite"_s || backend == u"postgresql"_s)
        o.backends = {backend};
    else
        die(u"--backend must be sqlite, postgresql or both"_s);
    o.hqDb = p.value(u"hq-db"_s);
    for (const QString &part : p.value(u"devices"_s).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 100000)
            die(u"--devices: \"%1\" is not a device count (1-100000)"_s.arg(part));
        o.devices.append(n);
    }
    if (o.devices.isEmpty())
        die(u"--devices is empty"_s);
    bool ok = false;
    o.maxDevices = p.value(u"max-devices"_s).toInt(&ok);
    if (!ok || o.maxDevices < 0)
        die(u"--max-devices must be a count"_s);
    o.pushShare = p.value(u"push-share"_s).toDouble(&ok);
    if (!ok || o.pushShare < 0 || o.pushShare > 1)
        die(u"--push-share must be 0 to 1"_s);
    o.workers = p.value(u"workers"_s).toInt(&ok);
    if (!ok || o.workers < 1 || o.workers > 256)
        die(u"--workers must be 1 to 256"_s);
    o.p99LimitMs = p.value(u"p99-limit-ms"_s).toDouble(&ok);
    if (!ok || o.p99LimitMs <= 0)
        die(u"--p99-limit-ms must be positive"_s);
    o.roundTimeoutS = p.value(u"round-timeout-s"_s).toInt(&ok);
    if (!ok || o.roundTimeoutS < 1)
        die(u"--round-timeout-s must be positive"_s);
    o.fullDecodeEvery = p.value(u"full-decode-every"_s).toInt(&ok);
    if (!ok || o.fullDecodeEvery < 1)
        die(u"--full-decode-every must be a positive count"_s);
    o.seed = p.value(u"seed"_s).toUInt(&ok);
    if (!ok)
        die(u"--seed must be a number"_s);
    o.json = p.value(u"json"_s);
    o.workDir = p.value(u"work-dir"_s);
    if (p.isSet(u"perf-devices"_s)) {
        o.perfDevices = p.value(u"perf-devices"_s).toInt(&ok);
        if (!ok || o.perfDevices < 1 || !p.isSet(u"perf-out"_s))
            die(u"--perf-devices takes a count and needs --perf-out"_s);
        o.perfOut = QFileInfo(p.value(u"perf-out"_s)).absoluteFilePath();
    }
    o.hqBinary = p.value(u"hq-binary"_s);
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options = parseOptions(app);
    const rlim_t fdLimit = raiseOpenFileLimit();

    QTemporaryDir tempDir(QDir::temp().filePath(u"karvan-bench-concurrency-XXXXXX"_s));
    if (options.workDir.isEmpty())
        options.workDir = tempDir.path();
    QDir().mkpath(options.workDir);
    const QString pgScript = QStringLiteral(KARVAN_PG_CLUSTER_SCRIPT);
    const QString pgHandle = QDir(options.workDir).filePath(u"pg"_s);
    installInterruptCleanup(pgScript, pgHandle);

    // The SQLite source: the given file or the small demo company made now.
    QString source = options.hqDb;
    QString dataNote;
    if (source.isEmpty()) {
        source = QDir(options.workDir).filePath(u"demo-small.sqlite"_s);
        QFile::remove(source);
        say(u"karvan-hq init --demo small ..."_s);
        auto made
            = runHqCommand(options.hqBinary,
                           {u"init"_s, u"--db"_s, u"sqlite:"_s + source, u"--demo"_s, u"small"_s});
        if (!made)
            die(made.errorMessage());
        dataNote = u"the small demo company (`karvan-hq init --demo small`), a fresh copy for "
                   "every N"_s;
    } else {
        if (!QFileInfo::exists(source))
            die(u"--hq-db %1 does not exist"_s.arg(source));
        dataNote = u"a fresh copy of %1 for every N"_s.arg(QFileInfo(source).fileName());
    }
    if (auto reps = loadReps(u"sqlite:"_s + source); reps) {
        QSet<QString> scopes;
        for (const Rep &rep : std::as_const(*reps))
            scopes.insert(rep.territories.join(u','));
        dataNote += u" (%1 reps, %2 scope sets)"_s.arg(reps->size()).arg(scopes.size());
    }

    Bench bench(options);
    QList<RunResult> results;
    QRandomGenerator random(options.seed);
    for (const QString &backend : std::as_const(options.backends)) {
        std::unique_ptr<PgCluster> pg;
        if (backend == u"postgresql"_s) {
            pg = std::make_unique<PgCluster>(pgScript, pgHandle);
            say(u"starting a throwaway PostgreSQL cluster ..."_s);
            if (auto started = pg->start(); !started)
                die(started.errorMessage());
            if (auto created = pg->createDatabase(u"karvan_bench_base"_s); !created)
                die(created.errorMessage());
            // The same company: the SQLite source has no export, so PostgreSQL gets the small
            // demo with the same generator (deterministic) unless --hq-db was given.
            say(u"karvan-hq init --demo small on PostgreSQL ..."_s);
            auto made = runHqCommand(options.hqBinary,
                                     {u"init"_s, u"--db"_s, pg->urlFor(u"karvan_bench_base"_s),
                                      u"--demo"_s, u"small"_s});
            if (!made)
                die(made.errorMessage());
        }
        QList<int> plan = options.devices;
        for (int i = 0; i < plan.size(); ++i) {
            const int n = plan.at(i);
            if (rlim_t(n) + 256 > fdLimit) {
                say(u"%1 devices: over the open files limit %2, stopping"_s.arg(n).arg(
                    qulonglong(fdLimit)));
                break;
            }
            QString url;
            if (pg) {
                const QString name = u"karvan_bench_%1"_s.arg(n);
                if (auto created = pg->createDatabase(name, u"karvan_bench_base"_s); !created)
                    die(created.errorMessage());
                url = pg->urlFor(name);
            } else {
                const QString copy = QDir(options.workDir).filePath(u"hq-%1.sqlite"_s.arg(n));
                for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                    QFile::remove(copy + suffix);
                if (!QFile::copy(source, copy))
                    die(u"cannot copy %1 to %2"_s.arg(source, copy));
                if (QFileInfo::exists(source + u"-wal"_s))
                    QFile::copy(source + u"-wal"_s, copy + u"-wal"_s);
                url = u"sqlite:"_s + copy;
            }
            say(u"%1: %2 devices ..."_s.arg(backend).arg(n));
            RunResult r = bench.runOnce(backend, url, n, random);
            results.append(r);
            say(u"%1: %2 devices: served %3, errors %4, round p50 %5 ms p99 %6 ms, check %7"_s
                    .arg(backend)
                    .arg(n)
                    .arg(r.served)
                    .arg(mapText(r.errors))
                    .arg(r.p50Ms, 0, 'f', 0)
                    .arg(r.p99Ms, 0, 'f', 0)
                    .arg(r.checkProblems.isEmpty() ? u"ok"_s : r.checkProblems.join(u"; "_s)));
            if (pg)
                (void)pg->dropDatabase(u"karvan_bench_%1"_s.arg(n));
            else
                QFile::remove(url.mid(7));
            const bool clean = r.errors.isEmpty() && r.p99Ms <= options.p99LimitMs;
            if (i == plan.size() - 1 && clean && n * 2 <= options.maxDevices)
                plan.append(n * 2);
        }
        if (pg)
            pg->stop();
    }

    const QString md = markdown(results, options, dataNote, fdLimit);
    std::fputs(md.toUtf8().constData(), stdout);
    std::fflush(stdout);
    if (!options.json.isEmpty()) {
        QJsonArray runs;
        for (const RunResult &r : std::as_const(results))
            runs.append(resultJson(r));
        const QJsonObject doc {
            {u"benchmark"_s, u"concurrency"_s},       {u"data"_s, dataNote},
            {u"transport"_s, u"http-loopback"_s},     {u"workers"_s, options.workers},
            {u"push_share"_s, options.pushShare},     {u"cores"_s, QThread::idealThreadCount()},
            {u"open_files_limit"_s, qint64(fdLimit)}, {u"runs"_s, runs}};
        QFile f(options.json);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            die(u"cannot write %1"_s.arg(options.json));
        f.write(QJsonDocument(doc).toJson());
    }
    return 0;
}
