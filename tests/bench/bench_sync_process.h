#pragma once

// Child processes for bench_sync: karvan-hq serve, karvan-cli and openssl, started with
// fork + exec so that the bench knows their pids (for /proc/PID/status) and gets their
// rusage (peak RSS) from wait4. Every child dies with the bench: it gets SIGTERM when the
// bench exits (PR_SET_PDEATHSIG, so even a kill -9 of the bench takes them along), and
// std::exit, SIGINT and SIGTERM kill the children that are still running.

#include "domain/result.h"

#include <QString>
#include <QStringList>

#include <csignal>
#include <sys/types.h>

namespace karvan::bench {

struct ChildRun
{
    int exitCode = -1; // -1: killed by a signal or timed out
    int signal = 0;
    bool timedOut = false;
    double seconds = 0; // wall time from fork to exit
    qint64 maxRssBytes = 0; // ru_maxrss of the child
    QString stdoutPath;
    QString stderrPath;
    bool ok() const { return exitCode == 0; }
    // The last lines of the child's stderr, for an error message.
    QString errorTail() const;
};

// Installs the exit and signal handlers that kill the children. Call once, early in main.
void installChildReaper();

// Starts program with args; stdin from stdinPath (empty: /dev/null), stdout and stderr into
// the given files (created or truncated). The pid, or an error when the fork or exec failed.
Result<pid_t> spawn(const QString &program, const QStringList &args, const QString &stdinPath,
                    const QString &stdoutPath, const QString &stderrPath);

// Waits for pid to exit (at most timeoutSeconds; then SIGKILL) and returns what it did.
// startedNs is the CLOCK_MONOTONIC time spawn() was called, for the wall time.
ChildRun waitFor(pid_t pid, double timeoutSeconds, qint64 startedNs, const QString &stdoutPath,
                 const QString &stderrPath);

// spawn + waitFor.
ChildRun run(const QString &program, const QStringList &args, const QString &stdinPath,
             const QString &stdoutPath, const QString &stderrPath, double timeoutSeconds);

// Sends sig (SIGTERM; perf wants SIGINT), then SIGKILL after graceSeconds; returns the exit
// code (-1 when signalled).
int terminate(pid_t pid, double graceSeconds, int sig = SIGTERM);

qint64 monotonicNs();

// A field of /proc/PID/status in bytes ("VmHWM", "VmRSS"); -1 when unreadable.
qint64 procStatusBytes(pid_t pid, const char *field);

} // namespace karvan::bench
