#pragma once

// The HQ side of bench_concurrency: the databases it runs on (a copy of an SQLite file, or a
// throwaway PostgreSQL cluster the bench starts and always stops), the devices it provisions
// with `karvan-hq device issue`, the mutations they push, the `karvan-hq serve` process, and
// the check at HQ after a run.

#include "bench_concurrency_client.h"
#include "domain/result.h"

#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace karvan::bench {

// Runs `karvan-hq ARGS` to completion; stdout, or an error with its stderr.
Result<QString> runHqCommand(const QString &binary, const QStringList &args,
                             int timeoutMs = 600000);

// A PostgreSQL cluster of tests/integration/pg-cluster.sh (initdb/pg_ctl as the postgres user,
// a free loopback port). stop() is also run by the destructor and on SIGINT/SIGTERM.
class PgCluster
{
public:
    PgCluster(QString script, QString handleDir);
    ~PgCluster();
    Result<void> start();
    void stop();
    // postgresql://postgres@127.0.0.1:PORT/NAME
    QString urlFor(const QString &database) const;
    // CREATE DATABASE name [TEMPLATE template]; drops an existing one first.
    Result<void> createDatabase(const QString &name, const QString &templateName = {});
    Result<void> dropDatabase(const QString &name);

private:
    Result<void> adminExec(const QString &sql);
    QString m_script;
    QString m_handle;
    QString m_baseUrl; // what pg-cluster.sh printed
    bool m_running = false;
};

// Kills the server child and stops the cluster when the bench is interrupted.
void installInterruptCleanup(const QString &pgScript, const QString &pgHandle);
void setInterruptServerPid(qint64 pid);
// What an interrupt does, for an exit on an error path (std::exit runs no destructors): kills
// the karvan-hq serving and stops the PostgreSQL cluster.
void stopChildrenBeforeExit();

// `karvan-hq serve` on 127.0.0.1, any free port, its request log in a file.
class HqServe
{
public:
    explicit HqServe(QString binary)
        : m_binary(std::move(binary))
    { }
    ~HqServe() { stop(); }
    Result<void> start(const QString &dbUrl, int workers, const QString &logFile);
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    qint64 peakRssKb() const; // VmHWM of the running process
    double cpuSeconds() const; // user + system time so far
    // Its GET /metrics samples without labels and with one, by full name
    // ("karvan_sync_push_commits_total", "karvan_sync_pull_pages_total{answer=\"hit\"}").
    Result<QHash<QString, double>> metrics() const;
    // Adds the scheduler state of each of its worker threads now: "R" (on a CPU or waiting
    // for one), or "S"/"D" (asleep) with the kernel function it sleeps in: futex_* (a mutex or
    // a condition: an idle worker, a lock), hrtimer_nanosleep (SQLite's busy handler waiting
    // for the write lock), do_fsync-like (the disk).
    void sampleThreadStates(QMap<QString, int> &states) const;

private:
    QString m_binary;
    QProcess m_process;
    quint16 m_port = 0;
};

struct Rep
{
    QString login;
    QStringList territories; // sorted
};

// The active reps of the database and their territories.
Result<QList<Rep>> loadReps(const QString &dbUrl);

// N devices spread round-robin over reps, each issued by `karvan-hq device issue`.
Result<QList<BenchDevice>> provisionDevices(const QString &hqBinary, const QString &dbUrl,
                                            const QList<Rep> &reps, int count);

// What the pushers of a round send, for the check afterwards.
struct PushPlan
{
    int pushers = 0;
    int mutations = 0;
    int orders = 0;
    int customerEdits = 0;
    int activities = 0;
    int unpriceable = 0; // orders the catalog could not price, sent as customer edits instead
    QStringList orderIds;
};

// Gives about pushShare of the devices 1-5 valid mutations each: orders of 1-5 lines (priced
// with HQ's own catalog, as a device would), customer field edits and activities, for
// customers and products of the device's territories.
Result<PushPlan> planPushes(const QString &dbUrl, QList<BenchDevice> &devices, double pushShare,
                            QRandomGenerator &random);

struct HqCounts
{
    qint64 syncMutations = 0;
    qint64 salesOrders = 0;
};
Result<HqCounts> countAtHq(const QString &dbUrl);
// How many of ids are sales orders at HQ.
Result<qint64> countOrders(const QString &dbUrl, const QStringList &ids);

// Status classes in a serve request log: "5xx" -> n, "499" -> n, ...
QMap<QString, int> serverStatusCounts(const QString &logFile);

} // namespace karvan::bench
