#pragma once

#include "domain/result.h"
#include "engine/devicesignin.h"

#include <QStringList>
#include <QTextStream>
#include <QUuid>

#include <QJsonValue>

#include <memory>

namespace karvan {

class LocalStore;

namespace sync {
class HlcClock;
}

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
// clisession.cpp
Result<void> login(Context &c);
Result<void> logout(Context &c);
Result<void> syncRound(Context &c);
// cliwrites.cpp
Result<void> customerAdd(Context &c);
Result<void> customerEdit(Context &c);
Result<void> ticketOpen(Context &c);
Result<void> ticketComment(Context &c);
Result<void> ticketStatus(Context &c);
Result<void> activityLog(Context &c);
Result<void> conflicts(Context &c);
Result<void> conflictResolve(Context &c);
// cliquotes.cpp
Result<void> quoteConvert(Context &c);
Result<void> quotePdf(Context &c);

// What the profile's sync_state holds about this device and its signed-in session. device_id
// is also the HLC node id (the same key the app uses, app/storeworker.h NodeIdKey).
namespace state = karvan::sync::sessionkey;

// This device's id, created (a UUIDv7) and stored on first use.
Result<QString> deviceId(LocalStore &store);
// The device's hybrid logical clock, resumed after the last stamp this node wrote.
Result<std::unique_ptr<sync::HlcClock>> deviceClock(LocalStore &store);
// Who writes: the signed-in login, else $USER.
Result<QString> author(LocalStore &store);
// One JSON document on `out`.
void writeJson(QTextStream &out, const QJsonValue &value);
// An id given on the command line; what names it in the error ("customer", "ticket").
Result<QUuid> parseId(const QString &text, const QString &what);

// A usage error (exit 2) as opposed to a refusal (exit 1).
Error usage(const QString &message);
bool isUsage(const Error &e);

} // namespace cli
} // namespace karvan
