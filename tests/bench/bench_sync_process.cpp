#include "bench_sync_process.h"

#include <QFile>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace karvan::bench {

using namespace Qt::StringLiterals;

namespace {

// The running children, readable from a signal handler: a fixed array of atomics.
constexpr int MaxChildren = 32;
std::atomic<pid_t> g_children[MaxChildren];

void remember(pid_t pid)
{
    for (auto &slot : g_children) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, pid))
            return;
    }
}

void forget(pid_t pid)
{
    for (auto &slot : g_children) {
        pid_t mine = pid;
        if (slot.compare_exchange_strong(mine, 0))
            return;
    }
}

void killAll()
{
    for (auto &slot : g_children) {
        const pid_t pid = slot.exchange(0);
        if (pid > 0) {
            ::kill(pid, SIGTERM);
            // Give it a moment to stop cleanly, then make sure.
            for (int i = 0; i < 200; ++i) {
                if (::waitpid(pid, nullptr, WNOHANG) != 0)
                    break;
                const timespec ms {0, 10'000'000};
                ::nanosleep(&ms, nullptr);
            }
            if (::waitpid(pid, nullptr, WNOHANG) == 0) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
        }
    }
}

extern "C" void onSignal(int sig)
{
    killAll();
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

QString tail(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    f.seek(std::max<qint64>(0, size - 4096));
    QStringList all = QString::fromUtf8(f.readAll()).trimmed().split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u" | "_s);
}

} // namespace

QString ChildRun::errorTail() const
{
    return tail(stderrPath, 5);
}

void installChildReaper()
{
    std::atexit(killAll);
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(sig, &action, nullptr);
}

qint64 monotonicNs()
{
    timespec t {};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

Result<pid_t> spawn(const QString &program, const QStringList &args, const QString &stdinPath,
                    const QString &stdoutPath, const QString &stderrPath)
{
    // Everything the child needs is prepared before fork: after it, only exec-safe calls.
    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray in = stdinPath.isEmpty() ? QByteArray("/dev/null") : stdinPath.toLocal8Bit();
    const QByteArray out = stdoutPath.toLocal8Bit();
    const QByteArray err = stderrPath.toLocal8Bit();
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0)
        return makeError(
            ErrorCode::Storage,
            u"cannot start %1: %2"_s.arg(program, QString::fromLocal8Bit(std::strerror(errno))));
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127); // the bench died before prctl took effect
        const int fin = ::open(in.constData(), O_RDONLY | O_CLOEXEC);
        const int fout = ::open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        const int ferr = ::open(err.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fin < 0 || fout < 0 || ferr < 0 || ::dup2(fin, 0) < 0 || ::dup2(fout, 1) < 0
            || ::dup2(ferr, 2) < 0)
            ::_exit(126);
        ::execvp(argv[0], argv.data());
        const char msg[] = "bench_sync: exec failed\n";
        (void)!::write(2, msg, sizeof msg - 1);
        ::_exit(127);
    }
    remember(pid);
    return pid;
}

ChildRun waitFor(pid_t pid, double timeoutSeconds, qint64 startedNs, const QString &stdoutPath,
                 const QString &stderrPath)
{
    ChildRun r;
    r.stdoutPath = stdoutPath;
    r.stderrPath = stderrPath;
    const qint64 deadline = startedNs + qint64(timeoutSeconds * 1e9);
    int status = 0;
    rusage usage {};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR) {
            forget(pid);
            return r;
        }
        if (monotonicNs() > deadline) {
            ::kill(pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            r.timedOut = true;
            break;
        }
        const timespec pause {0, 500'000}; // 0.5 ms: the wall time is this precise
        ::nanosleep(&pause, nullptr);
    }
    forget(pid);
    r.seconds = (monotonicNs() - startedNs) / 1e9;
    r.maxRssBytes = qint64(usage.ru_maxrss) * 1024;
    if (WIFEXITED(status) && !r.timedOut)
        r.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        r.signal = WTERMSIG(status);
    return r;
}

ChildRun run(const QString &program, const QStringList &args, const QString &stdinPath,
             const QString &stdoutPath, const QString &stderrPath, double timeoutSeconds)
{
    const qint64 started = monotonicNs();
    auto pid = spawn(program, args, stdinPath, stdoutPath, stderrPath);
    if (!pid) {
        ChildRun r;
        r.stdoutPath = stdoutPath;
        r.stderrPath = stderrPath;
        return r;
    }
    return waitFor(*pid, timeoutSeconds, started, stdoutPath, stderrPath);
}

int terminate(pid_t pid, double graceSeconds, int sig)
{
    ::kill(pid, sig);
    const qint64 deadline = monotonicNs() + qint64(graceSeconds * 1e9);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0) {
            forget(pid);
            return -1;
        }
        if (monotonicNs() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            forget(pid);
            return -1;
        }
        const timespec pause {0, 10'000'000};
        ::nanosleep(&pause, nullptr);
    }
    forget(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

qint64 procStatusBytes(pid_t pid, const char *field)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.startsWith(key))
            continue;
        // "VmHWM:	  123456 kB"
        const QList<QByteArray> parts = line.mid(key.size()).simplified().split(' ');
        bool ok = false;
        const qint64 kb = parts.value(0).toLongLong(&ok);
        return ok ? kb * 1024 : -1;
    }
    return -1;
}

} // namespace karvan::bench
