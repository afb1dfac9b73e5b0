// StoreWorker: sign-in and sign-out against karvan-hq, on the store thread; SyncWorker: sync
// rounds on a thread and a store connection of their own. The sign-in rules and sync_state
// keys are sync/engine/devicesignin's, shared with karvan-cli, so a profile signed in by one
// is understood by the other.

#include "storeworker.h"

#include "engine/devicesignin.h"
#include "engine/transport.h"

#include <QSysInfo>
#include <QUrl>

namespace karvan::app {

using namespace Qt::StringLiterals;

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

Result<AccountData> StoreWorker::signIn(const SignInRequest &request)
{
    if (!m_store)
        return makeError(ErrorCode::Storage, tr("The device store is not open"));
    // The app's own checks first, in the user's language; the rest are devicesignin's, whose
    // errors the session maps to a translated sentence (DeviceSession::syncFailureText).
    if (request.server.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter the server's address"));
    const QString login = request.login.trimmed();
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter your login"));
    if (request.password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter your password"));
    auto server = sync::parseServerUrl(request.server);
    if (!server)
        return server.error();
    auto caFile = sync::checkCaFile(request.caFile);
    if (!caFile)
        return caFile.error();
    const QString deviceName = request.deviceName.isEmpty()
        ? QSysInfo::machineHostName() + u" (karvan)"_s
        : request.deviceName;
    auto signedIn = sync::signInDevice(
        *m_store, {*server, login, request.password, *caFile, deviceName, 30000});
    if (!signedIn)
        return signedIn.error();
    AccountData account;
    account.server = signedIn->server.toString();
    account.login = signedIn->login;
    account.role = signedIn->role;
    account.signedIn = true;
    // The clock's node id is the device id: a new one from HQ means a new clock.
    if (auto r = startClock(); !r)
        return r.error();
    return account;
}

Result<QString> StoreWorker::signOut(bool force)
{
    if (!m_store)
        return makeError(ErrorCode::Storage, tr("The device store is not open"));
    sync::DeviceSignOutOptions options;
    options.force = force;
    options.unsyncedMessage = [](qint64 unsynced, const QString &) {
        return tr("%1 changes are not synced yet. Sync before signing out.").arg(unsynced);
    };
    auto out = sync::signOutDevice(*m_store, options);
    if (!out)
        return out.error();
    if (auto r = startClock(); !r)
        return r.error();
    return out->warning;
}

SyncWorker::SyncWorker(QString path)
    : m_path(std::move(path))
{ }

SyncWorker::~SyncWorker() = default;

void SyncWorker::close()
{
    m_transport.reset();
    m_transportKey.clear();
    m_store.reset();
}

Result<sync::SyncReport> SyncWorker::syncRound(const std::shared_ptr<sync::HlcClock> &clock,
                                               const RoundOptions &options)
{
    if (!clock)
        return makeError(ErrorCode::Storage, StoreWorker::tr("The device store is not open"));
    if (!m_store) {
        // The store thread opened (and migrated) the file first; this is a second connection.
        LocalStore::Options storeOptions;
        storeOptions.migrate = false;
        auto store = LocalStore::open(m_path, storeOptions);
        if (!store)
            return store.error();
        m_store = std::move(store).value();
    }
    SyncStateRepository state(*m_store);
    QString server, token, caFile;
    for (auto [key, target] : {std::pair {&sync::sessionkey::ServerUrl, &server},
                               std::pair {&sync::sessionkey::Token, &token},
                               std::pair {&sync::sessionkey::CaFile, &caFile}}) {
        auto v = state.value(*key);
        if (!v)
            return v.error();
        *target = *v;
    }
    if (token.isEmpty() || server.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"not signed in"_s);
    const QString key = server + u'\n' + token + u'\n' + caFile;
    if (!m_transport || key != m_transportKey) {
        m_transport.reset();
        auto created = sync::HttpTransport::create({QUrl(server), token, caFile});
        if (!created)
            return created.error();
        m_transport = std::move(created).value();
        m_transportKey = key;
    }
    sync::SyncEngine engine(*m_store, *m_transport, *clock);
    engine.setProgress(options.progress);
    engine.setFaultHook(options.faultHook);
    engine.setSnapshotEnabled(options.snapshot);
    if (options.pushBatch > 0 || options.pullBatch > 0)
        engine.setBatchSizes(options.pushBatch > 0 ? options.pushBatch : 200,
                             options.pullBatch > 0 ? options.pullBatch : 2000);
    return engine.sync();
}

} // namespace karvan::app
