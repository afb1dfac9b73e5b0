// App cold start to first frame (issue 6, device operations), beside the floor of the same Qt.
//
//   bench_cold_start --db STORE [--app karvan] [--floor bench_qml_floor] [--runs 10]
//                    [--warmup 1] [--json FILE]
//
// Each run starts a new process (fork + exec, QT_QPA_PLATFORM=offscreen unless set):
// `karvan --db STORE --measure-startup`, then the floor (`bench_qml_floor`: a QGuiApplication
// and one QML Window), alternately, so a busy machine slows both alike. The time is taken from
// just before fork in this process to the child's frameSwapped (CLOCK_MONOTONIC on both sides,
// see app/startupprobe.h), so it covers exec, dynamic linking, QApplication, the QML engine
// and the first frame. Also: the first frame after the app's first store answers arrived
// (ready: the Today page with its data), the child's CPU time and peak RSS (wait4).
// Warm page cache: this measures a new process, not a machine that has just booted.

#include "percentiles.h"
#include "store/localstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

using bench::Percentiles;
using bench::percentiles;

[[noreturn]] void die(const QString &what)
{
    QTextStream(stderr) << "bench_cold_start: " << what << Qt::endl;
    std::exit(2);
}

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct StartupRun
{
    double firstFrameMs = 0; // fork to the first frame
    double readyFrameMs = 0; // fork to the first frame after ready
    double execToMainMs = 0; // fork to main()
    double cpuMs = 0; // user + system of the child
    qint64 maxRssBytes = 0;
};

// Runs program once; its stdout must be one JSON line from startupprobe.h.
Result<StartupRun> runOnce(const QString &program, const QStringList &args,
                           const QString &stderrPath, int timeoutSeconds)
{
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Storage, u"pipe: "_s + QString::fromLocal8Bit(strerror(errno)));
    QList<QByteArray> argvBytes {QFile::encodeName(program)};
    for (const QString &a : args)
        argvBytes.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argvBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray errPath = QFile::encodeName(stderrPath);

    const qint64 t0 = monotonicNs();
    const pid_t pid = fork();
    if (pid < 0)
        return makeError(ErrorCode::Storage, u"fork: "_s + QString::fromLocal8Bit(strerror(errno)));
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        const int err = open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err >= 0)
            dup2(err, STDERR_FILENO);
        const int in = open("/dev/null", O_RDONLY);
        if (in >= 0)
            dup2(in, STDIN_FILENO);
        alarm(unsigned(timeoutSeconds)); // a hung child dies (SIGALRM) instead of the bench
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    QByteArray text;
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n > 0)
            text.append(buffer, n);
        else if (n == 0 || errno != EINTR)
            break;
    }
    close(out[0]);
    int status = 0;
    rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    const auto tail = [&] {
        QFile f(stderrPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(600)).trimmed()
                                           : QString();
    };
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return makeError(ErrorCode::Storage,
                         u"%1 failed (%2): %3"_s.arg(program,
                                                     WIFSIGNALED(status)
                                                         ? u"signal %1"_s.arg(WTERMSIG(status))
                                                         : u"exit %1"_s.arg(WEXITSTATUS(status)),
                                                     tail()));
    const QJsonObject json = QJsonDocument::fromJson(text.trimmed()).object();
    const qint64 firstFrame = json.value(u"first_frame_ns"_s).toInteger();
    const qint64 readyFrame = json.value(u"ready_frame_ns"_s).toInteger();
    const qint64 mainEntry = json.value(u"main_entry_ns"_s).toInteger();
    if (firstFrame <= t0 || readyFrame <= t0 || mainEntry <= t0)
        return makeError(
            ErrorCode::Storage,
            u"%1 printed no start-up times: %2"_s.arg(program, QString::fromUtf8(text.left(300))));
    StartupRun run;
    run.firstFrameMs = double(firstFrame - t0) / 1e6;
    run.readyFrameMs = double(readyFrame - t0) / 1e6;
    run.execToMainMs = double(mainEntry - t0) / 1e6;
    run.cpuMs = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    run.maxRssBytes = qint64(usage.ru_maxrss) * 1024;
    return run;
}

struct Series
{
    QList<double> firstFrame, readyFrame, execToMain, cpu;
    qint64 maxRss = 0;
    void add(const StartupRun &r)
    {
        firstFrame.append(r.firstFrameMs);
        readyFrame.append(r.readyFrameMs);
        execToMain.append(r.execToMainMs);
        cpu.append(r.cpuMs);
        maxRss = std::max(maxRss, r.maxRssBytes);
    }
    QJsonObject json() const
    {
        const Percentiles f = percentiles(firstFrame), r = percentiles(readyFrame),
                          e = percentiles(execToMain), c = percentiles(cpu);
        QJsonArray samples;
        for (double v : firstFrame)
            samples.append(v);
        return {{u"first_frame_p50_ms"_s, f.p50},  {u"first_frame_max_ms"_s, f.max},
                {u"ready_frame_p50_ms"_s, r.p50},  {u"ready_frame_max_ms"_s, r.max},
                {u"exec_to_main_p50_ms"_s, e.p50}, {u"cpu_p50_ms"_s, c.p50},
                {u"max_rss_bytes"_s, maxRss},      {u"first_frame_samples_ms"_s, samples}};
    }
};

QString fmt(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {u"db"_s, u"The device store the app opens (e.g. bench_local_store's)."_s, u"path"_s});
    parser.addOption(
        {u"app"_s, u"The karvan binary."_s, u"path"_s, QStringLiteral(KARVAN_APP_BINARY)});
    parser.addOption({u"floor"_s, u"The minimal QML window binary."_s, u"path"_s,
                      QStringLiteral(KARVAN_QML_FLOOR_BINARY)});
    parser.addOption({u"runs"_s, u"Measured runs of each."_s, u"n"_s, u"10"_s});
    parser.addOption({u"warmup"_s, u"Unmeasured runs of each first."_s, u"n"_s, u"1"_s});
    parser.addOption({u"json"_s, u"Also write the figures as JSON here."_s, u"file"_s});
    parser.addOption({u"timeout"_s, u"Seconds a start may take before it counts as failed."_s,
                      u"s"_s, u"120"_s});
    parser.process(app);
    const QString db = parser.value(u"db"_s);
    if (db.isEmpty() || !QFile::exists(db))
        die(u"--db must name an existing device store"_s);
    bool ok = false;
    const int runs = parser.value(u"runs"_s).toInt(&ok);
    if (!ok || runs <= 0)
        die(u"--runs must be a positive number"_s);
    const int warmup = parser.value(u"warmup"_s).toInt(&ok);
    if (!ok || warmup < 0)
        die(u"--warmup must be 0 or more"_s);
    const int timeout = parser.value(u"timeout"_s).toInt(&ok);
    if (!ok || timeout <= 0)
        die(u"--timeout must be a positive number of seconds"_s);
    for (const QString &binary : {parser.value(u"app"_s), parser.value(u"floor"_s)}) {
        if (!QFileInfo(binary).isExecutable())
            die(binary + u" is not an executable"_s);
    }

    qint64 customers = 0;
    {
        auto store = LocalStore::open(db);
        if (!store)
            die(u"cannot open "_s + db + u": "_s + store.errorMessage());
        auto n = (*store)->scalar(u"SELECT count(*) FROM customers"_s);
        if (!n)
            die(n.errorMessage());
        customers = n->toLongLong();
    }

    // The app's settings and QML cache in a folder of the bench's own (the same for every
    // run: an installed app has its caches after its first start, which the warm-up is).
    QTemporaryDir home;
    if (!home.isValid())
        die(u"no temporary folder"_s);
    for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(var, QFile::encodeName(home.path() + u'/' + QString::fromLatin1(var)));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");

    const QString errPath = home.filePath(u"stderr.txt"_s);
    const QStringList appArgs {u"--db"_s, db, u"--measure-startup"_s};
    Series karvanRuns, floorRuns;
    QTextStream err(stderr);
    for (int i = 0; i < warmup + runs; ++i) {
        auto a = runOnce(parser.value(u"app"_s), appArgs, errPath, timeout);
        if (!a)
            die(a.errorMessage());
        auto f = runOnce(parser.value(u"floor"_s), {}, errPath, timeout);
        if (!f)
            die(f.errorMessage());
        if (i < warmup)
            continue;
        karvanRuns.add(*a);
        floorRuns.add(*f);
        err << "run " << (i - warmup + 1) << ": karvan first frame " << fmt(a->firstFrameMs)
            << " ms (with data " << fmt(a->readyFrameMs) << " ms), floor " << fmt(f->firstFrameMs)
            << " ms" << Qt::endl;
    }

    const Percentiles af = percentiles(karvanRuns.firstFrame),
                      ar = percentiles(karvanRuns.readyFrame), ac = percentiles(karvanRuns.cpu),
                      ff = percentiles(floorRuns.firstFrame), fc = percentiles(floorRuns.cpu);
    QTextStream out(stdout);
    out << "## App cold start (" << runs << " runs each after " << warmup << " warm-up, "
        << "QT_QPA_PLATFORM=" << platform << ", store with " << customers << " customers)\n\n"
        << "| measure | p50 | max | CPU p50 | peak RSS |\n|---|---|---|---|---|\n"
        << "| karvan: exec to first frame | " << fmt(af.p50) << " ms | " << fmt(af.max) << " ms | "
        << fmt(ac.p50) << " ms | " << fmt(karvanRuns.maxRss / 1e6, 1) << " MB |\n"
        << "| karvan: exec to the first frame with the store's data (Today page) | " << fmt(ar.p50)
        << " ms | " << fmt(ar.max) << " ms | — | — |\n"
        << "| floor: minimal QML window (same Qt), exec to first frame | " << fmt(ff.p50)
        << " ms | " << fmt(ff.max) << " ms | " << fmt(fc.p50) << " ms | "
        << fmt(floorRuns.maxRss / 1e6, 1) << " MB |\n";

    if (parser.isSet(u"json"_s)) {
        const QJsonObject json {{u"runs"_s, runs},
                                {u"warmup"_s, warmup},
                                {u"platform"_s, platform},
                                {u"customers"_s, customers},
                                {u"karvan"_s, karvanRuns.json()},
                                {u"floor"_s, floorRuns.json()}};
        QFile file(parser.value(u"json"_s));
        if (!file.open(QIODevice::WriteOnly))
            die(u"cannot write "_s + file.fileName());
        file.write(QJsonDocument(json).toJson());
    }
    return 0;
}
