#include "engine/devicesignin.h"

#include "domain/ids.h"
#include "engine/snapshotbootstrap.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "hlc.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace karvan::sync {

using namespace Qt::StringLiterals;

namespace {

// The one-line reason of an HQ error reply: {"error": {"code", "message"}}.
QString replyReason(const TransportReply &reply)
{
    const QJsonObject error = QJsonDocument::fromJson(reply.body).object()[u"error"_s].toObject();
    const QString message = error[u"message"_s].toString().simplified();
    if (!message.isEmpty())
        return message;
    return u"HQ answered HTTP %1"_s.arg(reply.httpStatus);
}

// " (HTTP 503)" for a server failure, so it is told apart from a refusal.
QString serverFailureSuffix(int status)
{
    return status >= 500 ? u" (HTTP %1)"_s.arg(status) : QString();
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QUrl> parseServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return makeError(
            ErrorCode::InvalidArgument,
            u"--server must be a URL like https://hq.example.com:8443, not \"%1\""_s.arg(text));
    if (!url.path().isEmpty() && url.path() != u"/"_s)
        return makeError(
            ErrorCode::InvalidArgument,
            u"--server takes the server's address without a path (\"%1\")"_s.arg(url.path()));
    if (url.scheme() == u"http"_s && !isLoopbackHost(url.host()))
        return makeError(
            ErrorCode::InvalidArgument,
            u"refusing to send a password over plain http to %1: use https"_s.arg(url.host()));
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

Result<QString> checkCaFile(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return QString();
    const QFileInfo info(trimmed);
    if (!info.isFile() || !info.isReadable())
        return makeError(ErrorCode::InvalidArgument,
                         u"--ca-file %1 is not a readable file"_s.arg(trimmed));
    return info.absoluteFilePath();
}

Result<qint64> unsyncedCount(LocalStore &store)
{
    OutboxRepository outbox(store);
    auto pending = outbox.countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();
    auto sent = outbox.countWithState(OutboxMutation::State::Sent);
    if (!sent)
        return sent.error();
    return *pending + *sent;
}

Result<bool> checkUserSwitch(LocalStore &store, const QString &login)
{
    auto previous = SyncStateRepository(store).value(sessionkey::Login);
    if (!previous)
        return previous.error();
    const bool otherUser = !previous->isEmpty() && *previous != login;
    if (!otherUser)
        return false;
    auto unsynced = unsyncedCount(store);
    if (!unsynced)
        return unsynced.error();
    if (*unsynced > 0)
        return makeError(ErrorCode::Conflict,
                         u"this device holds %1 unsynced changes by %2: sign in as %2 and "
                         "sync first"_s.arg(*unsynced)
                             .arg(*previous));
    return true;
}

Result<DeviceSignedIn> signInDevice(LocalStore &store, const DeviceSignInRequest &request)
{
    const QString login = request.login.trimmed();
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"--login must not be empty"_s);
    if (request.password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"no password given"_s);
    auto otherUser = checkUserSwitch(store, login);
    if (!otherUser)
        return otherUser.error();

    SyncStateRepository state(store);
    auto stored = state.value(sessionkey::DeviceId);
    if (!stored)
        return stored.error();
    // HQ enrolls a device id for one user only: another user signs in as a new device.
    const QString device
        = *otherUser || !Hlc::isValidNodeId(*stored) ? idToString(Uuid7::generate()) : *stored;
    auto transport = HttpTransport::create({request.server, {}, request.caFile, request.timeoutMs});
    if (!transport)
        return transport.error();
    const QJsonObject body {{u"login"_s, login},
                            {u"password"_s, request.password},
                            {u"device_name"_s, request.deviceName},
                            {u"device_id"_s, device}};
    auto reply = (*transport)
                     ->post(u"/v1/auth/login"_s, QJsonDocument(body).toJson(QJsonDocument::Compact),
                            QByteArrayLiteral("application/json"));
    if (!reply)
        return makeError(
            reply.error().code,
            u"cannot reach HQ at %1: %2"_s.arg(request.server.toString(), reply.errorMessage()));
    if (reply->httpStatus == 401)
        return makeError(ErrorCode::InvalidArgument, u"wrong login or password"_s);
    if (reply->httpStatus != 200)
        return makeError(ErrorCode::Conflict,
                         u"HQ refused the login: "_s + replyReason(*reply)
                             + serverFailureSuffix(reply->httpStatus));
    const QJsonObject answer = QJsonDocument::fromJson(reply->body).object();
    const QString token = answer[u"token"_s].toString();
    const QJsonObject user = answer[u"user"_s].toObject();
    const QString issuedId = answer[u"device_id"_s].toString();
    if (token.isEmpty() || user.isEmpty())
        return makeError(ErrorCode::Storage, u"HQ's login answer has no token or user"_s);

    if (*otherUser) {
        // A different rep on this device: start from an empty store (a new initial sync).
        if (auto r = wipeLocalData(store); !r)
            return r.error();
    }
    // A snapshot download of an earlier session (another server, user or scope) is never
    // installed under this one.
    SnapshotBootstrap::discardDownloads(store);
    DeviceSignedIn out;
    out.server = request.server;
    out.user = user;
    out.login = user[u"login"_s].toString(login);
    out.role = user[u"role"_s].toString();
    for (const QJsonValue &t : user[u"territories"_s].toArray())
        out.territories.append(t.toString());
    out.deviceId = Hlc::isValidNodeId(issuedId) ? issuedId : device;
    auto saved = store.transaction([&]() -> Result<void> {
        const QString territories = QString::fromUtf8(
            QJsonDocument(user[u"territories"_s].toArray()).toJson(QJsonDocument::Compact));
        for (const auto &[key, value] :
             {std::pair {sessionkey::DeviceId, out.deviceId},
              std::pair {sessionkey::ServerUrl, out.server.toString()},
              std::pair {sessionkey::Token, token}, std::pair {sessionkey::CaFile, request.caFile},
              std::pair {sessionkey::Login, out.login}, std::pair {sessionkey::Role, out.role},
              std::pair {sessionkey::Territories, territories}}) {
            if (auto r = state.setValue(key, value); !r)
                return r;
        }
        return {};
    });
    if (!saved)
        return saved.error();
    return out;
}

Result<DeviceSignedOut> signOutDevice(LocalStore &store, const DeviceSignOutOptions &options)
{
    SyncStateRepository state(store);
    QString token, caFile, login, server;
    for (auto [key, target] :
         {std::pair {&sessionkey::Token, &token}, std::pair {&sessionkey::CaFile, &caFile},
          std::pair {&sessionkey::Login, &login}, std::pair {&sessionkey::ServerUrl, &server}}) {
        auto v = state.value(*key);
        if (!v)
            return v.error();
        *target = *v;
    }
    if (token.isEmpty() || server.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"not signed in"_s);
    DeviceSignedOut out;
    out.login = login;
    out.server = QUrl(server);
    auto unsynced = unsyncedCount(store);
    if (!unsynced)
        return unsynced.error();
    out.unsynced = *unsynced;
    if (*unsynced > 0 && !options.force)
        return makeError(ErrorCode::Conflict,
                         options.unsyncedMessage
                             ? options.unsyncedMessage(*unsynced, login)
                             : u"%1 changes are not synced yet"_s.arg(*unsynced));

    auto transport = HttpTransport::create({out.server, token, caFile, options.timeoutMs});
    if (!transport) {
        out.warning = transport.errorMessage();
    } else {
        auto reply = (*transport)
                         ->post(u"/v1/auth/logout"_s, QByteArrayLiteral("{}"),
                                QByteArrayLiteral("application/json"));
        if (!reply)
            out.warning = u"cannot reach HQ: "_s + reply.errorMessage();
        else if (reply->httpStatus != 200 && reply->httpStatus != 401) // 401: already revoked
            out.warning = u"HQ refused the logout: "_s + replyReason(*reply)
                + serverFailureSuffix(reply->httpStatus);
    }
    if (!out.warning.isEmpty() && !options.force)
        return makeError(ErrorCode::Conflict, out.warning + options.forceHint);

    // HQ revoked this device id and never enrolls it again: the next sign-in is a new device.
    auto forgotten = store.transaction([&]() -> Result<void> {
        if (auto r = state.setValue(sessionkey::Token, QString()); !r)
            return r;
        return state.setValue(sessionkey::DeviceId, idToString(Uuid7::generate()));
    });
    if (!forgotten)
        return forgotten.error();
    return out;
}

SyncFailure classifySyncError(const Error &error)
{
    const QString m = error.message;
    auto has = [&m](QStringView part) {
        return m.contains(part, Qt::CaseInsensitive);
    };
    // Order matters: the most specific wording first (a transport error is wrapped in
    // "cannot reach HQ at ...: ").
    if (has(u"revoked at HQ"))
        return SyncFailure::Revoked;
    if (has(u"wrong login or password"))
        return SyncFailure::WrongPassword;
    if (has(u"unsynced changes") || has(u"not synced yet"))
        return SyncFailure::Unsynced;
    if (has(u"already running"))
        return SyncFailure::Busy;
    if (has(u"plain http"))
        return SyncFailure::PlainHttp;
    if (has(u"TLS:")) // before the CA file: an untrusted certificate suggests passing one
        return has(u"not trusted") ? SyncFailure::TlsUntrusted : SyncFailure::Tls;
    if (has(u"CA file") || has(u"--ca-file"))
        return SyncFailure::CaFile;
    if (has(u"timed out"))
        return SyncFailure::Timeout;
    if (has(u"connection refused"))
        return SyncFailure::ConnectionRefused;
    if (has(u"host not found"))
        return SyncFailure::HostNotFound;
    if (has(u"closed before the answer") || has(u"cannot reach"))
        return SyncFailure::Network;
    if (has(u"must be a URL like") || has(u"without a path") || has(u"is not valid (e.g.")
        || has(u"must start with https"))
        return SyncFailure::InvalidServer;
    if (has(u"not signed in") || has(u"no device id yet"))
        return SyncFailure::NotSignedIn;
    if (has(u"(HTTP 5") || has(u"HQ answered HTTP 5"))
        return SyncFailure::ServerError;
    if (has(u"(HTTP 401)"))
        return SyncFailure::TokenRejected;
    if (has(u"could not be read") || has(u"results for") || has(u"is for seq")
        || has(u"cursor did not move") || has(u"no token or user"))
        return SyncFailure::Protocol;
    if (has(u"HQ refused"))
        return SyncFailure::Refused;
    return SyncFailure::Other;
}

QString syncFailureName(SyncFailure failure)
{
    switch (failure) {
    case SyncFailure::Other:
        return u"other"_s;
    case SyncFailure::InvalidServer:
        return u"invalid_server"_s;
    case SyncFailure::PlainHttp:
        return u"plain_http"_s;
    case SyncFailure::CaFile:
        return u"ca_file"_s;
    case SyncFailure::ConnectionRefused:
        return u"connection_refused"_s;
    case SyncFailure::HostNotFound:
        return u"host_not_found"_s;
    case SyncFailure::Timeout:
        return u"timeout"_s;
    case SyncFailure::Network:
        return u"network"_s;
    case SyncFailure::TlsUntrusted:
        return u"tls_untrusted"_s;
    case SyncFailure::Tls:
        return u"tls"_s;
    case SyncFailure::WrongPassword:
        return u"wrong_password"_s;
    case SyncFailure::NotSignedIn:
        return u"not_signed_in"_s;
    case SyncFailure::TokenRejected:
        return u"token_rejected"_s;
    case SyncFailure::Revoked:
        return u"revoked"_s;
    case SyncFailure::ServerError:
        return u"server_error"_s;
    case SyncFailure::Refused:
        return u"refused"_s;
    case SyncFailure::Protocol:
        return u"protocol"_s;
    case SyncFailure::Unsynced:
        return u"unsynced"_s;
    case SyncFailure::Busy:
        return u"busy"_s;
    }
    return u"other"_s;
}

QList<SyncFailure> allSyncFailures()
{
    return {SyncFailure::Other,         SyncFailure::InvalidServer,     SyncFailure::PlainHttp,
            SyncFailure::CaFile,        SyncFailure::ConnectionRefused, SyncFailure::HostNotFound,
            SyncFailure::Timeout,       SyncFailure::Network,           SyncFailure::TlsUntrusted,
            SyncFailure::Tls,           SyncFailure::WrongPassword,     SyncFailure::NotSignedIn,
            SyncFailure::TokenRejected, SyncFailure::Revoked,           SyncFailure::ServerError,
            SyncFailure::Refused,       SyncFailure::Protocol,          SyncFailure::Unsynced,
            SyncFailure::Busy};
}

} // namespace karvan::sync
