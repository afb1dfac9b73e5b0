#pragma once

#include "domain/result.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

namespace karvan {

class LocalStore;

namespace cli {

// What every command gets: its own arguments, the profile's store, and where to write.
// Results go to `out` (one JSON document with --json), progress and warnings to `err`.
struct Context
{
    QStringList args; // the command's arguments, its name first (for QCommandLineParser)
    LocalStore &store;
    QTextStream &out;
    QTextStream &err;
};

// Exit codes: 0 done, 1 refused (bad input, unknown id, ...), 2 usage error.
enum ExitCode { Ok = 0, Refused = 1, Usage = 2 };

// Runs `karvan-cli [--profile DIR] COMMAND ...`; prints a one-line reason on failure.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

// The commands, one function each (clicustomers.cpp, cliorders.cpp).
Result<void> customers(Context &c);
Result<void> customerShow(Context &c);
Result<void> products(Context &c);
Result<void> documentCreate(Context &c, bool quote);
Result<void> status(Context &c);
Result<void> rejected(Context &c);

// A usage error (exit 2) as opposed to a refusal (exit 1).
Error usage(const QString &message);
bool isUsage(const Error &e);

} // namespace cli
} // namespace karvan
