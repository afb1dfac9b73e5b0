#pragma once

#include <QStringList>

namespace karvan::hq {

// Exit codes of karvan-hq.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and refused or failed (bad value, duplicate, broken chain)
    ExitUsage = 2, // the command line could not be understood (unknown command or option)
};

// Runs karvan-hq with its command line (arguments[0] is the program). Results go to stdout,
// one-line errors to stderr; returns the exit code.
int runCommandLine(const QStringList &arguments);

} // namespace karvan::hq
