// Sync benchmark (issue 6): Karvan's initial and incremental sync, each beside its same-run
// reference.
//
//   bench_sync --hq-db sqlite:///PATH [--work-dir DIR] [--json FILE] [--ndjson FILE]
//              [--login rep.tr1] [--second-login rep.tr2] [--password demo]
//              [--rounds 20] [--warmup 2] [--mutations 1000] [--in-place] [--perf-dir DIR]
//
// The HQ database must hold a demo company (karvan-hq init --demo SIZE). bench_sync copies it
// into the work folder (a SQLite file; --in-place uses it as is, as for PostgreSQL), makes a
// throwaway CA and server certificate with openssl, starts karvan-hq serve with TLS on
// 127.0.0.1 at a free port, and then measures:
//  1. the initial sync of the rep's whole scope, three times on fresh profiles: karvan-cli
//     login, then karvan-cli sync --json as a child process, page by page (--no-snapshot: the
//     figure before the bootstrap snapshot), right after the first sign-in of the scope, whose
//     snapshot HQ then starts building ("cold": the device waits up to 25 s for the build, else
//     pulls page by page), and from the cached snapshot ("warm"): wall time, rows, bytes, peak RSS
//     of the client (wait4) and of the server (VmHWM before and after, and the peak of RssAnon
//     sampled during the sync: VmHWM counts the database pages HQ maps, RssAnon only its own
//     memory); the JSON's initial_sync is the cold run (the first device of a scope pays the
//     build);
//  2. the reference: every row the synced device holds, inserted by SQLite's C API into a
//     fresh database with the same schema (one transaction, one prepared INSERT per table,
//     the device's bulk-load pragmas); the ratio of the two rates on the same rows;
//  3. the NDJSON of the records the device received, for the PouchDB peer (scripts/bench.sh);
//  4. incremental rounds: the device writes N mutations while a second device of the same
//     territory pushes N; the measured device's sync round p50/p99, its push and pull parts.
// Prints a Markdown table on stdout; progress on stderr; exits non-zero on any failed step.

#include "bench_sync_export.h"
#include "bench_sync_incremental.h"
#include "bench_sync_process.h"
#include "bench_sync_raw.h"
#include "engine/syncengine.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace karvan;
using namespace karvan::bench;
using namespace Qt::StringLiterals;

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

[[noreturn]] void die(const QString &what)
{
    err() << "bench_sync: " << what << Qt::endl;
    std::exit(2); // the child reaper stops karvan-hq
}

template<typename T> T need(Result<T> r, const QString &what)
{
    if (!r)
        die(what + u": "_s + r.errorMessage());
    if constexpr (!std::is_void_v<T>)
        return std::move(r).value();
}

void needRun(const ChildRun &r, const QString &what)
{
    if (r.ok())
        return;
    QString why = r.timedOut ? u"timed out"_s
        : r.signal           ? u"killed by signal %1"_s.arg(r.signal)
                             : u"exit code %1"_s.arg(r.exitCode);
    die(u"%1 failed (%2): %3"_s.arg(what, why, r.errorTail()));
}

QString fmt(double v, int decimals = 0)
{
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

QString mb(qint64 bytes)
{
    return fmt(bytes / 1e6, 1) + u" MB"_s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        die(u"cannot write "_s + path);
}

// sqlite:PATH or sqlite:///ABSOLUTE/PATH -> PATH; empty for any other URL.
QString sqlitePath(const QString &url)
{
    if (!url.startsWith(u"sqlite:"_s, Qt::CaseInsensitive))
        return {};
    QString path = url.mid(7);
    if (path.startsWith(u"///"_s))
        path = path.mid(2);
    return path;
}

// A CA and a server certificate for 127.0.0.1 signed by it (EC P-256: fast), as
// tests/integration/tst_synctls.cpp makes them.
void makeTls(const QString &dir)
{
    QDir().mkpath(dir);
    auto openssl = [&](const QStringList &args) {
        const ChildRun r
            = run(u"openssl"_s, args, {}, dir + u"/openssl.out"_s, dir + u"/openssl.err"_s, 60);
        needRun(r, u"openssl "_s + args.first());
    };
    const QStringList ec {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                          u"-nodes"_s};
    openssl(QStringList {u"req"_s, u"-x509"_s} + ec
            + QStringList {u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Karvan Bench CA"_s, u"-addext"_s,
                           u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                           u"keyUsage=critical,keyCertSign,cRLSign"_s, u"-keyout"_s,
                           dir + u"/ca.key"_s, u"-out"_s, dir + u"/ca.pem"_s});
    openssl(QStringList {u"req"_s} + ec
            + QStringList {u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, dir + u"/key.pem"_s,
                           u"-out"_s, dir + u"/server.csr"_s});
    writeFile(dir + u"/server.ext"_s,
              "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
              "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyAgreement\n");
    openssl({u"x509"_s, u"-req"_s, u"-in"_s, dir + u"/server.csr"_s, u"-CA"_s, dir + u"/ca.pem"_s,
             u"-CAkey"_s, dir + u"/ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"2"_s,
             u"-extfile"_s, dir + u"/server.ext"_s, u"-out"_s, dir + u"/cert.pem"_s});
}

// One initial sync by karvan-cli on a fresh profile, and what it cost both sides.
struct InitialRun
{
    QString name; // "paged", "cold", "warm"
    QString profile;
    ChildRun run;
    QJsonObject json; // karvan-cli sync --json
    qint64 pulled = 0;
    qint64 deviceRows = 0;
    qint64 serverHwmBefore = 0, serverRssBefore = 0, serverHwmAfter = 0, serverRssAfter = 0;
    qint64 serverAnonPeak = 0; // RssAnon, sampled every 10 ms during the sync

    double rowsPerSecond() const { return deviceRows / run.seconds; }
    double recordsPerSecond() const { return pulled / run.seconds; }
    QString label() const
    {
        if (name == u"cold"_s)
            return u"first device of the scope, right after its sign-in (cold)"_s;
        if (name == u"warm"_s)
            return u"cached snapshot (warm)"_s;
        return u"paged pulls, snapshot off (before)"_s;
    }
    QJsonObject toJson() const
    {
        return QJsonObject {
            {u"records"_s, pulled},
            {u"table_rows"_s, deviceRows},
            {u"unreadable"_s, json[u"unreadable"_s].toInteger()},
            {u"snapshot_records"_s, json[u"snapshot_records"_s].toInteger()},
            {u"snapshot_bytes"_s, json[u"snapshot_bytes"_s].toInteger()},
            {u"seconds"_s, run.seconds},
            {u"rows_per_s"_s, rowsPerSecond()},
            {u"records_per_s"_s, recordsPerSecond()},
            {u"bytes_received"_s, json[u"bytes_received"_s].toInteger()},
            {u"bytes_sent"_s, json[u"bytes_sent"_s].toInteger()},
            {u"client_max_rss_bytes"_s, run.maxRssBytes},
            {u"server_hwm_before_bytes"_s, serverHwmBefore},
            {u"server_rss_before_bytes"_s, serverRssBefore},
            {u"server_hwm_after_bytes"_s, serverHwmAfter},
            {u"server_rss_after_bytes"_s, serverRssAfter},
            {u"server_hwm_growth_bytes"_s, serverHwmAfter - serverHwmBefore},
            {u"server_rss_anon_peak_bytes"_s, serverAnonPeak},
        };
    }
};

struct Hq
{
    pid_t pid = 0;
    QUrl url;
};

Hq startHq(const QString &binary, const QString &dbUrl, const QString &tls, const QString &dir)
{
    const QString out = dir + u"/hq.out"_s;
    const QString log = dir + u"/hq.err"_s;
    // An earlier run's address must not be read before the child truncates the file.
    QFile::remove(out);
    Hq hq;
    hq.pid
        = need(spawn(binary,
                     {u"serve"_s, u"--db"_s, dbUrl, u"--listen"_s, u"127.0.0.1:0"_s,
                      u"--tls-cert"_s, tls + u"/cert.pem"_s, u"--tls-key"_s, tls + u"/key.pem"_s},
                     {}, out, log),
               u"karvan-hq serve"_s);
    // It prints "listening on https://127.0.0.1:PORT" once it accepts connections.
    const qint64 deadline = monotonicNs() + qint64(180e9);
    while (monotonicNs() < deadline) {
        const QString text = QString::fromUtf8(readFile(out));
        const qsizetype at = text.indexOf(u"listening on "_s);
        if (at >= 0 && text.indexOf(u'\n', at) > at) {
            hq.url = QUrl(text.mid(at + 13, text.indexOf(u'\n', at) - at - 13).trimmed());
            if (hq.url.scheme() != u"https"_s || hq.url.port() <= 0)
                die(u"karvan-hq serve printed an unexpected address: "_s + hq.url.toString());
            return hq;
        }
        if (::kill(hq.pid, 0) != 0 || ::waitpid(hq.pid, nullptr, WNOHANG) == hq.pid)
            die(u"karvan-hq serve exited: "_s + QString::fromUtf8(readFile(log)).trimmed());
        QThread::msleep(50);
    }
    die(u"karvan-hq serve did not say where it listens within 180 s"_s);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    installChildReaper();
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Karvan's sync benchmark (issue 6)."_s);
    parser.addHelpOption();
    parser.addOption(
        {u"hq-db"_s, u"HQ's database holding a demo company (karvan-hq init --demo)."_s, u"url"_s});
    parser.addOption({u"work-dir"_s, u"Working folder (emptied of earlier runs' files)."_s,
                      u"dir"_s, QDir::tempPath() + u"/karvan-bench-sync"_s});
    parser.addOption({u"json"_s, u"Also write the figures as JSON here."_s, u"file"_s});
    parser.addOption(
        {u"ndjson"_s, u"Where to write the received records for the peer."_s, u"file"_s});
    parser.addOption({u"login"_s, u"The measured rep."_s, u"name"_s, u"rep.tr1"_s});
    parser.addOption(
        {u"second-login"_s, u"The other rep of the same territory."_s, u"name"_s, u"rep.tr2"_s});
    parser.addOption({u"password"_s, u"Both reps' password."_s, u"text"_s, u"demo"_s});
    parser.addOption({u"rounds"_s, u"Measured incremental rounds (0: none)."_s, u"n"_s, u"20"_s});
    parser.addOption({u"warmup"_s, u"Incremental warm-up rounds."_s, u"n"_s, u"2"_s});
    parser.addOption({u"mutations"_s, u"Mutations per device per round."_s, u"n"_s, u"1000"_s});
    parser.addOption({u"in-place"_s,
                      u"Serve the HQ database itself, not a copy (its data grows "
                      u"with every run)."_s});
    parser.addOption(
        {u"perf-dir"_s,
         u"Profile with perf record --call-graph dwarf into this folder: karvan-hq and "
         u"karvan-cli during the initial sync, karvan-hq and this process (the "
         u"device) during the incremental rounds. The figures are then slower."_s,
         u"dir"_s});
    parser.addOption(
        {u"hq-binary"_s, u"karvan-hq to run."_s, u"path"_s, QStringLiteral(KARVAN_HQ_BINARY)});
    parser.addOption(
        {u"cli-binary"_s, u"karvan-cli to run."_s, u"path"_s, QStringLiteral(KARVAN_CLI_BINARY)});
    parser.process(app);

    auto positive = [&](const QString &name, int min) {
        bool ok = false;
        const int v = parser.value(name).toInt(&ok);
        if (!ok || v < min)
            die(u"--%1 must be a whole number >= %2"_s.arg(name).arg(min));
        return v;
    };
    const int rounds = positive(u"rounds"_s, 0);
    const int warmup = positive(u"warmup"_s, 0);
    const int mutations = positive(u"mutations"_s, 1);
    if (!parser.isSet(u"hq-db"_s))
        die(u"--hq-db URL is required (a database made by karvan-hq init --demo SIZE)"_s);
    const QString hqBinary = parser.value(u"hq-binary"_s);
    const QString cliBinary = parser.value(u"cli-binary"_s);
    for (const QString &b : {hqBinary, cliBinary}) {
        if (!QFileInfo(b).isExecutable())
            die(b + u" is not an executable"_s);
    }
    const QString work = QDir(parser.value(u"work-dir"_s)).absolutePath();
    if (!QDir().mkpath(work))
        die(u"cannot create "_s + work);
    const QString ndjson
        = parser.isSet(u"ndjson"_s) ? parser.value(u"ndjson"_s) : work + u"/scope.ndjson"_s;
    const QString login = parser.value(u"login"_s);
    const QString perfDir = parser.value(u"perf-dir"_s);

    // 0. HQ: a copy of the demo database, TLS, serve.
    QString dbUrl = parser.value(u"hq-db"_s);
    const QString source = sqlitePath(dbUrl);
    if (!source.isEmpty() && !QFileInfo::exists(source))
        die(u"no HQ database at "_s + source + u" (make one with karvan-hq init --demo SIZE)"_s);
    if (!source.isEmpty() && !parser.isSet(u"in-place"_s)) {
        err() << "copying the HQ database..." << Qt::endl;
        const QString copy = work + u"/hq.sqlite"_s;
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            QFile::remove(copy + suffix);
            if (suffix != u"-shm"_s && QFileInfo::exists(source + suffix)
                && !QFile::copy(source + suffix, copy + suffix))
                die(u"cannot copy "_s + source + suffix + u" to "_s + work);
        }
        dbUrl = u"sqlite:"_s + copy;
    }
    const QString tls = work + u"/tls"_s;
    makeTls(tls);
    err() << "starting karvan-hq..." << Qt::endl;
    const Hq hq = startHq(hqBinary, dbUrl, tls, work);
    err() << "karvan-hq listens on " << hq.url.toString() << Qt::endl;

    // 1. Initial syncs with karvan-cli on fresh profiles of the same rep: right after the
    //    scope's first sign-in ("cold": that device pays the build its sign-in started), then
    //    page by page (the snapshot off: the figure before the bootstrap snapshot), then from
    //    the cached snapshot ("warm": every later device).
    const QString passwordFile = work + u"/password.txt"_s;
    writeFile(passwordFile, parser.value(u"password"_s).toUtf8() + '\n');
    pid_t serverPerf = 0;
    if (!perfDir.isEmpty()) {
        QDir().mkpath(perfDir);
        serverPerf
            = need(spawn(u"perf"_s,
                         {u"record"_s, u"--call-graph"_s, u"dwarf,16384"_s, u"-F"_s, u"499"_s,
                          u"-p"_s, QString::number(hq.pid), u"-o"_s, perfDir + u"/hq.perf.data"_s},
                         {}, perfDir + u"/hq.perf.out"_s, perfDir + u"/hq.perf.err"_s),
                   u"perf record"_s);
        QThread::msleep(1000); // perf attaches
    }
    const QStringList notReceived {u"sync_state"_s}; // the sign-in and the cursor
    auto initialSync = [&](const QString &name, const QStringList &syncArgs) {
        InitialRun r;
        r.name = name;
        r.profile = work + u"/device-"_s + name;
        QDir(r.profile).removeRecursively();
        QDir().mkpath(r.profile);
        const ChildRun signIn
            = run(cliBinary,
                  {u"--profile"_s, r.profile, u"login"_s, u"--server"_s, hq.url.toString(),
                   u"--login"_s, login, u"--ca-file"_s, tls + u"/ca.pem"_s, u"--json"_s},
                  passwordFile, work + u"/login-"_s + name + u".out"_s,
                  work + u"/login-"_s + name + u".err"_s, 120);
        needRun(signIn, u"karvan-cli login as "_s + login);
        r.serverHwmBefore = procStatusBytes(hq.pid, "VmHWM");
        r.serverRssBefore = procStatusBytes(hq.pid, "VmRSS");
        QStringList cliCommand
            = QStringList {u"--profile"_s, r.profile, u"sync"_s, u"--json"_s} + syncArgs;
        QString cliProgram = cliBinary;
        if (!perfDir.isEmpty()) {
            cliCommand = QStringList {u"record"_s,
                                      u"--call-graph"_s,
                                      u"dwarf,16384"_s,
                                      u"-F"_s,
                                      u"499"_s,
                                      u"-o"_s,
                                      perfDir + u"/cli-"_s + name + u".perf.data"_s,
                                      u"--"_s,
                                      cliBinary}
                + cliCommand;
            cliProgram = u"perf"_s;
        }
        err() << "initial sync of " << login << "'s scope (" << name << ")..." << Qt::endl;
        // HQ's anonymous memory (its heap: what the sync costs it, unlike VmHWM, which also
        // counts the database pages it maps), sampled while the sync runs.
        std::atomic<bool> stop {false};
        std::atomic<qint64> anonPeak {procStatusBytes(hq.pid, "RssAnon")};
        std::thread sampler([&] {
            while (!stop.load()) {
                const qint64 v = procStatusBytes(hq.pid, "RssAnon");
                if (v > anonPeak.load())
                    anonPeak.store(v);
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
        const qint64 started = monotonicNs();
        const auto pid = spawn(cliProgram, cliCommand, {}, work + u"/sync-"_s + name + u".out"_s,
                               work + u"/sync-"_s + name + u".err"_s);
        if (pid)
            r.run = waitFor(*pid, 3600, started, work + u"/sync-"_s + name + u".out"_s,
                            work + u"/sync-"_s + name + u".err"_s);
        stop.store(true);
        sampler.join();
        if (!pid)
            die(u"karvan-cli sync: "_s + pid.errorMessage());
        needRun(r.run, u"karvan-cli sync ("_s + name + u")"_s);
        r.serverAnonPeak = anonPeak.load();
        r.serverHwmAfter = procStatusBytes(hq.pid, "VmHWM");
        r.serverRssAfter = procStatusBytes(hq.pid, "VmRSS");
        r.json = QJsonDocument::fromJson(readFile(r.run.stdoutPath)).object();
        if (r.json.isEmpty())
            die(u"karvan-cli sync --json printed no JSON: "_s
                + QString::fromUtf8(readFile(r.run.stdoutPath)).left(300));
        r.pulled = r.json[u"pulled"_s].toInteger();
        if (r.pulled <= 0)
            die(u"the initial sync pulled no records: is the HQ database a demo company?"_s);
        r.deviceRows
            = need(countDeviceRows(r.profile + u"/device.sqlite"_s, notReceived), u"count rows"_s);
        err() << "  " << r.pulled << " records (" << r.json[u"snapshot_records"_s].toInteger()
              << " from the snapshot), " << r.deviceRows << " rows in " << fmt(r.run.seconds, 2)
              << " s" << Qt::endl;
        return r;
    };
    const InitialRun cold = initialSync(u"cold"_s, {});
    // The build the cold device's sign-in started ends (it may have answered "building" and
    // pulled page by page meanwhile) before the paged run, which it would slow down otherwise.
    {
        const QString hqLog = work + u"/hq.err"_s;
        const qint64 waitStarted = monotonicNs();
        while (!readFile(hqLog).contains(" records, ")) {
            if (readFile(hqLog).contains("not built"))
                die(u"HQ could not build the snapshot: "_s
                    + QString::fromUtf8(readFile(hqLog)).right(400));
            if (monotonicNs() - waitStarted > qint64(900) * 1000000000)
                die(u"HQ built no snapshot in 15 minutes"_s);
            QThread::msleep(200);
        }
    }
    const InitialRun paged = initialSync(u"paged"_s, {u"--no-snapshot"_s});
    const InitialRun warm = initialSync(u"warm"_s, {});
    if (serverPerf > 0)
        terminate(serverPerf, 120, SIGINT); // perf writes its data on SIGINT
    if (cold.json[u"snapshot_records"_s].toInteger() <= 0
        || warm.json[u"snapshot_records"_s].toInteger() <= 0)
        err() << "NOTE: a snapshot run did not use the snapshot (see sync-cold.err, hq.err)"
              << Qt::endl;
    for (const InitialRun *r : {&cold, &warm}) {
        if (r->deviceRows != paged.deviceRows)
            die(u"the %1 device holds %2 rows (%3 records), the paged one %4 (%5)"_s.arg(r->name)
                    .arg(r->deviceRows)
                    .arg(r->pulled)
                    .arg(paged.deviceRows)
                    .arg(paged.pulled));
    }
    const qint64 pulled = cold.pulled;
    const qint64 unreadable = cold.json[u"unreadable"_s].toInteger();

    // 2. The reference: the same rows into a fresh database, SQLite's C API alone.
    const QString devicePath = paged.profile + u"/device.sqlite"_s;
    err() << "raw SQLite insert of the device's rows..." << Qt::endl;
    const qint64 deviceRows = paged.deviceRows;
    const RawReplayFigure raw
        = need(replayDeviceRows(devicePath, work + u"/raw-replay.sqlite"_s, notReceived),
               u"raw SQLite insert"_s);
    if (raw.rows != deviceRows)
        die(u"the raw insert wrote %1 rows, the device holds %2"_s.arg(raw.rows).arg(deviceRows));
    const double rawRatio = cold.rowsPerSecond() / raw.rowsPerSecond();

    // 3. The records for the peer.
    QString token, caFile, deviceId;
    {
        auto store = need(LocalStore::open(devicePath), u"open the device store"_s);
        SyncStateRepository state(*store);
        token = need(state.value(u"token"_s), u"read the token"_s);
        caFile = need(state.value(u"ca_file"_s), u"read the CA file"_s);
        deviceId = need(state.value(sync::SyncEngine::DeviceIdKey), u"read the device id"_s);
    }
    err() << "exporting the received records as NDJSON..." << Qt::endl;
    const ScopeExport exported
        = need(exportScopeAsNdjson(hq.url, token, caFile, deviceId, ndjson), u"export"_s);
    if (exported.documents + exported.tombstones != pulled)
        die(u"the export holds %1 records, the initial sync pulled %2"_s
                .arg(exported.documents + exported.tombstones)
                .arg(pulled));

    // 4. Incremental rounds.
    IncrementalFigures inc;
    if (rounds > 0) {
        err() << "incremental rounds (" << warmup << " warm-up + " << rounds << ", " << mutations
              << " mutations per device)..." << Qt::endl;
        IncrementalOptions o;
        o.devicePath = devicePath;
        o.workDir = work;
        o.secondLogin = parser.value(u"second-login"_s);
        o.password = parser.value(u"password"_s);
        o.rounds = rounds;
        o.warmupRounds = warmup;
        o.mutations = mutations;
        o.hqPid = hq.pid;
        // Profiled: HQ applying the pushes and serving the pulls, and this process (the device).
        QList<pid_t> perfs;
        if (!perfDir.isEmpty()) {
            for (const auto &[pid, name] : {std::pair {hq.pid, u"incremental-hq"_s},
                                            std::pair {::getpid(), u"incremental-device"_s}}) {
                perfs.append(need(spawn(u"perf"_s,
                                        {u"record"_s, u"--call-graph"_s, u"dwarf,16384"_s, u"-F"_s,
                                         u"199"_s, u"-p"_s, QString::number(pid), u"-o"_s,
                                         perfDir + u'/' + name + u".perf.data"_s},
                                        {}, perfDir + u'/' + name + u".perf.out"_s,
                                        perfDir + u'/' + name + u".perf.err"_s),
                                  u"perf record"_s));
            }
            QThread::msleep(1000);
        }
        inc = need(runIncrementalRounds(o), u"incremental sync"_s);
        for (pid_t perf : std::as_const(perfs))
            terminate(perf, 120, SIGINT);
    }
    const qint64 serverHwmEnd = procStatusBytes(hq.pid, "VmHWM");
    if (const int code = terminate(hq.pid, 30); code != 0)
        die(u"karvan-hq serve did not stop cleanly (exit %1): %2"_s.arg(code).arg(
            QString::fromUtf8(readFile(work + u"/hq.err"_s)).right(400)));

    // The figures.
    QTextStream out(stdout);
    out << "## Sync benchmark (" << login << "'s scope, HTTPS on 127.0.0.1)\n\n"
        << "| measure | Karvan | reference (same run) | ratio | target |\n"
        << "|---|---|---|---|---|\n";
    for (const InitialRun *r : {&cold, &warm, &paged}) {
        out << "| initial sync, " << r->label() << " (" << r->pulled << " records, "
            << r->deviceRows << " table rows) | " << fmt(r->run.seconds, 2) << " s: **"
            << fmt(r->rowsPerSecond()) << " rows/s** (" << fmt(r->recordsPerSecond())
            << " records/s) | raw SQLite insert of the same " << raw.rows
            << " rows: " << fmt(raw.seconds, 2) << " s, **" << fmt(raw.rowsPerSecond())
            << " rows/s** | " << fmt(r->rowsPerSecond() / raw.rowsPerSecond() * 100, 1)
            << "% | >= 50% |\n"
            << "| · bytes received / sent | " << mb(r->json[u"bytes_received"_s].toInteger())
            << " / " << mb(r->json[u"bytes_sent"_s].toInteger()) << " (snapshot "
            << mb(r->json[u"snapshot_bytes"_s].toInteger()) << ") | — | — | — |\n"
            << "| · peak RSS client / server | " << mb(r->run.maxRssBytes) << " / "
            << mb(r->serverHwmAfter) << " (server RssAnon peak " << mb(r->serverAnonPeak)
            << "; VmHWM grew " << mb(r->serverHwmAfter - r->serverHwmBefore) << ") | — | — | — |\n";
    }
    if (rounds > 0) {
        out << "| incremental round p50 / p99 (" << inc.measuredRounds << " rounds: push "
            << inc.pushedPerRound << " mutations up, " << inc.pulledMin << "-" << inc.pulledMax
            << " changes down; the other device pushed " << inc.secondDevicePushedMin << "-"
            << inc.secondDevicePushedMax << ") | **" << fmt(inc.roundMs.p50) << " ms** / "
            << fmt(inc.roundMs.p99) << " ms | — | — | p50 <= 300 ms |\n"
            << "| · push part p50 / p99 | " << fmt(inc.pushMs.p50) << " ms / "
            << fmt(inc.pushMs.p99) << " ms | — | — | — |\n"
            << "| · pull part p50 / p99 | " << fmt(inc.pullMs.p50) << " ms / "
            << fmt(inc.pullMs.p99) << " ms | — | — | — |\n"
            << "| · CPU p50: HQ push part / HQ pull part / device round | "
            << fmt(inc.hqPushCpuMs.p50) << " ms / " << fmt(inc.hqPullCpuMs.p50) << " ms / "
            << fmt(inc.deviceCpuMs.p50) << " ms | — | — | — |\n"
            << "| local mutation p50 / p99 (" << inc.localMutationMs.count << " writes) | "
            << fmt(inc.localMutationMs.p50, 2) << " ms / " << fmt(inc.localMutationMs.p99, 2)
            << " ms | — | — | — |\n";
    }
    out << "\nInitial sync: " << unreadable << " unreadable rows; the PouchDB peer replicates the "
        << exported.documents << " records in " << ndjson << " (" << mb(exported.bytes)
        << " of NDJSON).";
    if (rounds > 0)
        out << " Incremental: " << inc.mix << "; " << inc.rejected << " rejected, " << inc.conflicts
            << " conflicts; " << mb(inc.bytesSentPerRound) << " sent, "
            << mb(inc.bytesReceivedPerRound) << " received per round."
            << (inc.ownEchoChanges >= 0
                    ? u" Changes down: the measured device's own push comes back as %1 changes "
                      u"(its rows and the stock HQ allocated; calibration round); each mutation "
                      u"of the other device adds %2, so it writes %3-%4 mutations per round for "
                      u"about %5 changes down."_s.arg(inc.ownEchoChanges)
                          .arg(inc.otherChangesPerMutation, 0, 'f', 2)
                          .arg(inc.secondDevicePushedMin)
                          .arg(inc.secondDevicePushedMax)
                          .arg(mutations)
                    : QString())
            << (inc.pulledMin < inc.secondDevicePushedMin
                    ? u" NOTE: fewer changes pulled than mutations pushed by the other device "
                      u"(a small scope: repeated edits of one customer reach the device once)."_s
                    : QString());
    if (!perfDir.isEmpty())
        out << " PROFILED under perf: the initial sync figures are slower than without.";
    out << '\n';
    out.flush();

    if (parser.isSet(u"json"_s)) {
        QJsonArray tables;
        for (const auto &[name, rows] : raw.tables)
            tables.append(QJsonObject {{u"table"_s, name}, {u"rows"_s, rows}});
        QJsonObject json {
            {u"login"_s, login},
            {u"server"_s, hq.url.toString()},
            {u"profiled"_s, !perfDir.isEmpty()},
            {u"initial_sync"_s, cold.toJson()},
            {u"initial_sync_warm"_s, warm.toJson()},
            {u"initial_sync_paged"_s, paged.toJson()},
            {u"raw_sqlite"_s,
             QJsonObject {{u"rows"_s, raw.rows},
                          {u"seconds"_s, raw.seconds},
                          {u"rows_per_s"_s, raw.rowsPerSecond()},
                          {u"tables"_s, tables}}},
            {u"initial_sync_vs_raw_sqlite"_s, rawRatio},
            {u"initial_sync_warm_vs_raw_sqlite"_s, warm.rowsPerSecond() / raw.rowsPerSecond()},
            {u"initial_sync_paged_vs_raw_sqlite"_s, paged.rowsPerSecond() / raw.rowsPerSecond()},
            {u"peer_input"_s,
             QJsonObject {{u"ndjson"_s, QFileInfo(ndjson).absoluteFilePath()},
                          {u"documents"_s, exported.documents},
                          {u"bytes"_s, exported.bytes}}},
            {u"server_hwm_end_bytes"_s, serverHwmEnd},
        };
        if (rounds > 0) {
            auto p = [](const Percentiles &x) {
                return QJsonObject {{u"p50_ms"_s, x.p50},
                                    {u"p99_ms"_s, x.p99},
                                    {u"max_ms"_s, x.max},
                                    {u"count"_s, x.count}};
            };
            json.insert(
                u"incremental"_s,
                QJsonObject {{u"rounds"_s, inc.measuredRounds},
                             {u"warmup_rounds"_s, warmup},
                             {u"mutations_per_device"_s, mutations},
                             {u"round"_s, p(inc.roundMs)},
                             {u"push"_s, p(inc.pushMs)},
                             {u"pull"_s, p(inc.pullMs)},
                             {u"local_mutation"_s, p(inc.localMutationMs)},
                             {u"pushed_per_round"_s, inc.pushedPerRound},
                             {u"pulled_min"_s, inc.pulledMin},
                             {u"pulled_max"_s, inc.pulledMax},
                             {u"second_device_pushed_min"_s, inc.secondDevicePushedMin},
                             {u"second_device_pushed_max"_s, inc.secondDevicePushedMax},
                             {u"own_push_changes_down"_s, inc.ownEchoChanges},
                             {u"changes_down_per_other_mutation"_s, inc.otherChangesPerMutation},
                             {u"hq_push_cpu"_s, p(inc.hqPushCpuMs)},
                             {u"hq_pull_cpu"_s, p(inc.hqPullCpuMs)},
                             {u"device_cpu"_s, p(inc.deviceCpuMs)},
                             {u"rejected"_s, inc.rejected},
                             {u"conflicts"_s, inc.conflicts},
                             {u"bytes_sent_per_round"_s, inc.bytesSentPerRound},
                             {u"bytes_received_per_round"_s, inc.bytesReceivedPerRound},
                             {u"mix"_s, inc.mix}});
        }
        writeFile(parser.value(u"json"_s), QJsonDocument(json).toJson());
    }
    return 0;
}
