// karvan-cli: login, logout, sync, and the profile's device id and clock.

#include "clicommands.h"

#include "domain/ids.h"
#include "engine/devicesignin.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "hlc.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QUrl>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxPasswordBytes = 4096;

// Turns the terminal's echo off while the password is typed; restores it on every path.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

// One line from stdin; a prompt (on stderr) and no echo when stdin is a terminal.
Result<QString> readPassword()
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    QByteArray line;
    {
        std::optional<EchoOff> echoOff;
        if (terminal) {
            std::fputs("password: ", stderr);
            std::fflush(stderr);
            echoOff.emplace();
        }
        for (;;) {
            const int c = std::fgetc(stdin);
            if (c == EOF || c == '\n')
                break;
            if (line.size() >= MaxPasswordBytes)
                return makeError(ErrorCode::InvalidArgument,
                                 u"the password is longer than %1 bytes"_s.arg(MaxPasswordBytes));
            line.append(char(c));
        }
        if (terminal)
            std::fputs("\n", stderr);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);
    if (password.toUtf8() != line)
        return makeError(ErrorCode::InvalidArgument, u"the password is not valid UTF-8"_s);
    if (password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"no password on stdin (one line)"_s);
    return password;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + u" MB"_s;
}

struct Session
{
    QUrl server;
    QString token;
    QString caFile;
    QString login;
};

Result<Session> storedSession(LocalStore &store)
{
    SyncStateRepository state(store);
    Session s;
    for (auto [key, target] :
         {std::pair {&state::Token, &s.token}, std::pair {&state::CaFile, &s.caFile},
          std::pair {&state::Login, &s.login}}) {
        auto v = state.value(*key);
        if (!v)
            return v.error();
        *target = *v;
    }
    auto url = state.value(state::ServerUrl);
    if (!url)
        return url.error();
    s.server = QUrl(*url);
    if (s.token.isEmpty() || url->isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"not signed in: run karvan-cli login --server URL --login NAME first"_s);
    return s;
}

} // namespace

Result<QString> deviceId(LocalStore &store)
{
    SyncStateRepository state(store);
    auto node = state.value(state::DeviceId);
    if (!node)
        return node.error();
    if (sync::Hlc::isValidNodeId(*node))
        return *node;
    const QString id = idToString(Uuid7::generate());
    if (auto r = state.setValue(state::DeviceId, id); !r)
        return r.error();
    return id;
}

Result<std::unique_ptr<sync::HlcClock>> deviceClock(LocalStore &store)
{
    auto node = deviceId(store);
    if (!node)
        return node.error();
    auto clock = std::make_unique<sync::HlcClock>(*node);
    // Each command is a new process: resume after the last stamp this node wrote, even if the
    // wall clock stepped back meanwhile (as the app does, app/storeworker.cpp).
    auto last = store.scalar(
        u"SELECT max(hlc) FROM field_versions WHERE substr(hlc, 23) = '%1'"_s.arg(*node));
    if (last && !last->isNull()) {
        if (auto hlc = sync::Hlc::fromString(last->toString()))
            clock->restore(*hlc);
    }
    return clock;
}

Result<QString> author(LocalStore &store)
{
    auto login = SyncStateRepository(store).value(state::Login);
    if (!login)
        return login.error();
    if (!login->isEmpty())
        return *login;
    return qEnvironmentVariable("USER");
}

Result<void> login(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"server"_s, u"HQ's address, https://HOST[:PORT]."_s, u"url"_s});
    parser.addOption({u"login"_s, u"Your login."_s, u"name"_s});
    parser.addOption({u"ca-file"_s, u"PEM certificates to trust (a self-hosted HQ)."_s, u"pem"_s});
    parser.addOption({u"device-name"_s, u"How HQ lists this device."_s, u"name"_s});
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    if (!parser.isSet(u"server"_s) || !parser.isSet(u"login"_s))
        return usage(u"login --server URL --login NAME (password on stdin)"_s);
    auto server = sync::parseServerUrl(parser.value(u"server"_s));
    if (!server)
        return server.error();
    const QString loginName = parser.value(u"login"_s).trimmed();
    if (loginName.isEmpty())
        return usage(u"--login must not be empty"_s);
    auto caFile = sync::checkCaFile(parser.value(u"ca-file"_s));
    if (!caFile)
        return caFile.error();
    const QString deviceName = parser.isSet(u"device-name"_s)
        ? parser.value(u"device-name"_s)
        : QSysInfo::machineHostName() + u" (karvan-cli)"_s;

    // Another user's rows must not stay on the device; their unsynced work must not be lost
    // (checked before the password is asked for, and again when signing in).
    if (auto otherUser = sync::checkUserSwitch(c.store, loginName); !otherUser)
        return otherUser.error();
    auto password = readPassword();
    if (!password)
        return password.error();
    auto signedIn
        = sync::signInDevice(c.store, {*server, loginName, *password, *caFile, deviceName, 30000});
    if (!signedIn)
        return signedIn.error();
    const QJsonObject user = signedIn->user;

    if (parser.isSet(u"json"_s)) {
        writeJson(c.out, user);
        return {};
    }
    QStringList territories;
    for (const QJsonValue &t : user[u"territories"_s].toArray())
        territories.append(t.toString());
    c.out << "signed in to " << server->toString() << " as " << user[u"login"_s].toString() << " ("
          << user[u"role"_s].toString() << ")"
          << (territories.isEmpty() ? QString() : u", territories "_s + territories.join(u", "_s))
          << '\n';
    return {};
}

Result<void> logout(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"force"_s, u"Sign out although changes are not synced yet."_s});
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    sync::DeviceSignOutOptions options;
    options.force = parser.isSet(u"force"_s);
    options.unsyncedMessage = [](qint64 unsynced, const QString &login) {
        return u"%1 changes are not synced yet: run karvan-cli sync first (or logout "
               "--force; they stay on this device until %2 signs in again and syncs)"_s
                   .arg(unsynced)
                   .arg(login);
    };
    options.forceHint = u" (logout --force forgets the token on this device anyway)"_s;
    auto out = sync::signOutDevice(c.store, options);
    if (!out)
        return out.error();
    const QString &warning = out->warning;
    if (!warning.isEmpty())
        c.err << "karvan-cli: warning: " << warning << Qt::endl;
    if (parser.isSet(u"json"_s)) {
        writeJson(c.out,
                  QJsonObject {{u"signed_out"_s, out->login},
                               {u"server"_s, out->server.toString()},
                               {u"revoked_at_hq"_s, warning.isEmpty()},
                               {u"unsynced"_s, out->unsynced}});
        return {};
    }
    c.out << "signed out " << out->login << " from " << out->server.toString() << '\n';
    return {};
}

Result<void> syncRound(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    parser.addOption(
        {u"no-snapshot"_s, u"A fresh device pulls page by page, not HQ's snapshot."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    auto session = storedSession(c.store);
    if (!session)
        return session.error();
    auto clock = deviceClock(c.store);
    if (!clock)
        return clock.error();
    auto transport
        = sync::HttpTransport::create({session->server, session->token, session->caFile});
    if (!transport)
        return transport.error();

    sync::SyncEngine engine(c.store, **transport, **clock);
    engine.setSnapshotEnabled(!parser.isSet(u"no-snapshot"_s));
    QTextStream &err = c.err;
    engine.setProgress([&err](const sync::SyncProgressReport &p) {
        using Phase = sync::SyncProgressReport::Phase;
        if (p.phase == Phase::Push) {
            err << "push " << p.mutationsDone << '/' << p.mutationsTotal << " mutations"
                << Qt::endl;
        } else if (p.phase == Phase::Pull) {
            err << "pull " << p.recordsDone;
            if (p.recordsTotal > 0)
                err << '/' << p.recordsTotal;
            err << " records, " << megabytes(p.bytesDone) << Qt::endl;
        } else if (p.phase == Phase::Rebase) {
            err << "rebase pending changes" << Qt::endl;
        }
    });
    auto report = engine.sync();
    if (!report)
        return makeError(report.error().code, u"sync failed: "_s + report.errorMessage());

    if (parser.isSet(u"json"_s)) {
        writeJson(c.out,
                  QJsonObject {{u"pushed"_s, report->pushed},
                               {u"applied"_s, report->applied},
                               {u"rejected"_s, report->rejected},
                               {u"replayed"_s, report->replayed},
                               {u"pulled"_s, report->pulled},
                               {u"unreadable"_s, report->unreadable},
                               {u"tombstones"_s, report->tombstones},
                               {u"conflicts"_s, report->conflicts},
                               {u"bytes_sent"_s, report->bytesSent},
                               {u"bytes_received"_s, report->bytesReceived},
                               {u"snapshot_records"_s, report->snapshotRecords},
                               {u"snapshot_bytes"_s, report->snapshotBytes},
                               {u"last_sync_at"_s, report->lastSyncAt}});
        return {};
    }
    c.out << "synced with " << session->server.toString() << ": pushed " << report->pushed
          << " (applied " << report->applied << ", rejected " << report->rejected << "), pulled "
          << report->pulled << " records (" << report->tombstones << " removed), "
          << report->conflicts << " new conflicts, sent " << megabytes(report->bytesSent)
          << ", received " << megabytes(report->bytesReceived) << '\n';
    if (report->rejected > 0)
        c.out << "  see karvan-cli rejected for HQ's reasons\n";
    if (report->conflicts > 0)
        c.out << "  see karvan-cli conflicts to review them\n";
    return {};
}

} // namespace karvan::cli
