// StoreWorker: sign-in, sign-out and sync rounds against karvan-hq, on the store thread. The
// sync_state keys and the login rules are karvan-cli's (cli/clisession.cpp), so a profile
// signed in by one is understood by the other.

#include "storeworker.h"

#include "domain/ids.h"
#include "engine/transport.h"
#include "store/outboxrepository.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QUrl>

#include <utility>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// https://host[:port], or http:// to this machine only (a token never crosses a network in
// clear text).
Result<QUrl> serverUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return makeError(ErrorCode::InvalidArgument,
                         StoreWorker::tr("The server must be an address like "
                                         "https://hq.example.com:8443"));
    if (!url.path().isEmpty() && url.path() != u"/"_s)
        return makeError(ErrorCode::InvalidArgument,
                         StoreWorker::tr("The server address must not have a path"));
    if (url.scheme() == u"http"_s && !isLoopback(url.host()))
        return makeError(ErrorCode::InvalidArgument,
                         StoreWorker::tr("A password is never sent over plain http to "
                                         "another machine: use https"));
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

// The one-line reason of an HQ error reply: {"error": {"code", "message"}}.
QString replyReason(const sync::TransportReply &reply)
{
    const QJsonObject error = QJsonDocument::fromJson(reply.body).object()[u"error"_s].toObject();
    const QString message = error[u"message"_s].toString().simplified();
    if (!message.isEmpty())
        return message;
    return u"HTTP %1"_s.arg(reply.httpStatus);
}

} // namespace

void StoreWorker::run(std::function<void()> job)
{
    if (m_syncing) {
        m_deferred.append(std::move(job));
        return;
    }
    job();
}

Result<qint64> StoreWorker::unsyncedCount()
{
    OutboxRepository outbox(*m_store);
    auto pending = outbox.countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();
    auto sent = outbox.countWithState(OutboxMutation::State::Sent);
    if (!sent)
        return sent.error();
    return *pending + *sent;
}

Result<AccountData> StoreWorker::account()
{
    if (!m_store)
        return AccountData {};
    SyncStateRepository state(*m_store);
    AccountData a;
    QString token;
    for (auto [key, target] :
         {std::pair {&ServerUrlKey, &a.server}, std::pair {&LoginKey, &a.login},
          std::pair {&RoleKey, &a.role}, std::pair {&TokenKey, &token}}) {
        auto v = state.value(*key);
        if (!v)
            return v.error();
        *target = *v;
    }
    a.signedIn = !token.isEmpty() && !a.server.isEmpty();
    return a;
}

Result<sync::HttpTransport *> StoreWorker::transport(const QString &server, const QString &token,
                                                     const QString &caFile)
{
    const QString key = server + u'\n' + token + u'\n' + caFile;
    if (!m_transport || key != m_transportKey) {
        m_transport.reset();
        auto created = sync::HttpTransport::create({QUrl(server), token, caFile});
        if (!created)
            return created.error();
        m_transport = std::move(created).value();
        m_transportKey = key;
    }
    return m_transport.get();
}

Result<AccountData> StoreWorker::signIn(const SignInRequest &request)
{
    if (!m_store)
        return makeError(ErrorCode::Storage, tr("The device store is not open"));
    auto server = serverUrl(request.server);
    if (!server)
        return server.error();
    const QString login = request.login.trimmed();
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter your login"));
    if (request.password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter your password"));
    QString caFile = request.caFile.trimmed();
    if (!caFile.isEmpty()) {
        const QFileInfo info(caFile);
        if (!info.isFile() || !info.isReadable())
            return makeError(ErrorCode::InvalidArgument,
                             tr("The certificate file %1 cannot be read").arg(caFile));
        caFile = info.absoluteFilePath();
    }

    // Another user's rows must not stay on the device; their unsynced work must not be lost.
    SyncStateRepository state(*m_store);
    auto previous = state.value(LoginKey);
    if (!previous)
        return previous.error();
    const bool otherUser = !previous->isEmpty() && *previous != login;
    if (otherUser) {
        auto unsynced = unsyncedCount();
        if (!unsynced)
            return unsynced.error();
        if (*unsynced > 0)
            return makeError(ErrorCode::Conflict,
                             tr("This device holds %1 unsynced changes by %2: sign in as %2 "
                                "and sync first")
                                 .arg(*unsynced)
                                 .arg(*previous));
    }
    auto stored = state.value(NodeIdKey);
    if (!stored)
        return stored.error();
    // HQ enrolls a device id for one user only: another user signs in as a new device.
    const QString device
        = otherUser || !sync::Hlc::isValidNodeId(*stored) ? idToString(Uuid7::generate()) : *stored;

    auto t = transport(server->toString(), {}, caFile);
    if (!t)
        return t.error();
    const QString deviceName = request.deviceName.isEmpty()
        ? QSysInfo::machineHostName() + u" (karvan)"_s
        : request.deviceName;
    const QJsonObject body {{u"login"_s, login},
                            {u"password"_s, request.password},
                            {u"device_name"_s, deviceName},
                            {u"device_id"_s, device}};
    auto reply = (*t)->post(u"/v1/auth/login"_s, QJsonDocument(body).toJson(QJsonDocument::Compact),
                            QByteArrayLiteral("application/json"));
    if (!reply)
        return makeError(
            reply.error().code,
            tr("Cannot reach HQ at %1: %2").arg(server->toString(), reply.errorMessage()));
    if (reply->httpStatus == 401)
        return makeError(ErrorCode::InvalidArgument, tr("Wrong login or password"));
    if (reply->httpStatus != 200)
        return makeError(ErrorCode::Conflict,
                         tr("HQ refused the sign-in: %1").arg(replyReason(*reply)));
    const QJsonObject answer = QJsonDocument::fromJson(reply->body).object();
    const QString token = answer[u"token"_s].toString();
    const QJsonObject user = answer[u"user"_s].toObject();
    const QString issuedId = answer[u"device_id"_s].toString();
    if (token.isEmpty() || user.isEmpty())
        return makeError(ErrorCode::Storage, tr("HQ's answer to the sign-in has no token"));

    if (otherUser) {
        // A different rep on this device: start from an empty store (a new initial sync).
        if (auto r = sync::wipeLocalData(*m_store); !r)
            return r.error();
    }
    AccountData account;
    account.server = server->toString();
    account.login = user[u"login"_s].toString(login);
    account.role = user[u"role"_s].toString();
    account.signedIn = true;
    const QString finalId = sync::Hlc::isValidNodeId(issuedId) ? issuedId : device;
    auto saved = m_store->transaction([&]() -> Result<void> {
        const QString territories = QString::fromUtf8(
            QJsonDocument(user[u"territories"_s].toArray()).toJson(QJsonDocument::Compact));
        for (const auto &[key, value] :
             {std::pair {NodeIdKey, finalId}, std::pair {ServerUrlKey, account.server},
              std::pair {TokenKey, token}, std::pair {CaFileKey, caFile},
              std::pair {LoginKey, account.login}, std::pair {RoleKey, account.role},
              std::pair {TerritoriesKey, territories}}) {
            if (auto r = state.setValue(key, value); !r)
                return r;
        }
        return {};
    });
    if (!saved)
        return saved.error();
    // The clock's node id is the device id: a new one from HQ means a new clock.
    if (auto r = startClock(); !r)
        return r.error();
    return account;
}

Result<QString> StoreWorker::signOut(bool force)
{
    auto a = account();
    if (!a)
        return a.error();
    if (!a->signedIn)
        return makeError(ErrorCode::InvalidArgument, tr("Not signed in"));
    auto unsynced = unsyncedCount();
    if (!unsynced)
        return unsynced.error();
    if (*unsynced > 0 && !force)
        return makeError(
            ErrorCode::Conflict,
            tr("%1 changes are not synced yet. Sync before signing out.").arg(*unsynced));
    SyncStateRepository state(*m_store);
    auto token = state.value(TokenKey);
    auto caFile = state.value(CaFileKey);
    if (!token || !caFile)
        return makeError(ErrorCode::Storage, tr("Cannot read the session"));
    QString warning;
    auto t = transport(a->server, *token, *caFile);
    if (!t) {
        warning = t.errorMessage();
    } else {
        auto reply = (*t)->post(u"/v1/auth/logout"_s, QByteArrayLiteral("{}"),
                                QByteArrayLiteral("application/json"));
        if (!reply)
            warning = tr("Cannot reach HQ: %1").arg(reply.errorMessage());
        else if (reply->httpStatus != 200 && reply->httpStatus != 401) // 401: already revoked
            warning = tr("HQ refused the sign-out: %1").arg(replyReason(*reply));
    }
    if (!warning.isEmpty() && !force)
        return makeError(ErrorCode::Conflict, warning);
    // HQ revoked this device id and never enrolls it again: the next sign-in is a new device.
    auto forgotten = m_store->transaction([&]() -> Result<void> {
        if (auto r = state.setValue(TokenKey, QString()); !r)
            return r;
        return state.setValue(NodeIdKey, idToString(Uuid7::generate()));
    });
    if (!forgotten)
        return forgotten.error();
    m_transport.reset();
    m_transportKey.clear();
    if (auto r = startClock(); !r)
        return r.error();
    return warning;
}

Result<sync::SyncReport> StoreWorker::syncRound(const sync::SyncEngine::ProgressFn &progress)
{
    if (!m_store)
        return makeError(ErrorCode::Storage, tr("The device store is not open"));
    if (m_syncing)
        return makeError(ErrorCode::Conflict, tr("A sync is already running"));
    auto a = account();
    if (!a)
        return a.error();
    if (!a->signedIn)
        return makeError(ErrorCode::InvalidArgument, tr("Sign in to sync (Settings)"));
    SyncStateRepository state(*m_store);
    auto token = state.value(TokenKey);
    auto caFile = state.value(CaFileKey);
    if (!token || !caFile)
        return makeError(ErrorCode::Storage, tr("Cannot read the session"));
    auto t = transport(a->server, *token, *caFile);
    if (!t)
        return t.error();

    m_syncing = true;
    sync::SyncEngine engine(*m_store, **t, *m_clock);
    engine.setProgress(progress);
    Result<sync::SyncReport> report = engine.sync();
    m_syncing = false;
    // What was posted while the engine waited for HQ runs now, in order.
    const QList<std::function<void()>> deferred = std::exchange(m_deferred, {});
    for (const auto &job : deferred)
        run(job);
    return report;
}

} // namespace karvan::app
