#pragma once

// Signing a device in to karvan-hq and out again, for karvan-cli and the app alike: the
// server address rules, the user-switch guard, POST /v1/auth/login and what is kept in
// sync_state, and the sign-out guard while changes wait in the outbox. Also the one place
// that tells which kind of failure a sync or sign-in error is, so a UI can say it in the
// user's language.

#include "domain/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace karvan {
class LocalStore;
}

namespace karvan::sync {

// The sync_state keys of a signed-in device (karvan-cli and the app share a profile format).
namespace sessionkey {
inline const QString DeviceId = QStringLiteral("device_id");
inline const QString ServerUrl = QStringLiteral("server_url");
inline const QString Token = QStringLiteral("token");
inline const QString CaFile = QStringLiteral("ca_file");
inline const QString Login = QStringLiteral("login");
inline const QString Role = QStringLiteral("role");
inline const QString Territories = QStringLiteral("territories"); // a JSON array
} // namespace sessionkey

bool isLoopbackHost(const QString &host);

// https://host[:port], or http:// to this machine only (a password or token never crosses a
// network in clear text). The path, query and fragment are dropped.
Result<QUrl> parseServerUrl(const QString &text);
// A readable PEM file to trust: its absolute path; empty stays empty.
Result<QString> checkCaFile(const QString &path);

// Changes not yet answered by HQ (pending or sent).
Result<qint64> unsyncedCount(LocalStore &store);

// Whether login is another user than the one last signed in on this device; refused while
// that user's changes are unsynced (they would be wiped with the other user's rows).
Result<bool> checkUserSwitch(LocalStore &store, const QString &login);

struct DeviceSignInRequest
{
    QUrl server; // from parseServerUrl
    QString login;
    QString password;
    QString caFile; // from checkCaFile; empty: the system's CAs
    QString deviceName; // how HQ lists this device
    int timeoutMs = 30000;
};

struct DeviceSignedIn
{
    QUrl server;
    QJsonObject user; // HQ's {login, role, territories, ...}
    QString login;
    QString role;
    QStringList territories;
    QString deviceId; // the id HQ enrolled (also the HLC node id)
};

// POST /v1/auth/login; on success stores device id, token, server, CA file, login, role and
// territories in sync_state (another user's rows are wiped first). Nothing is stored on
// failure.
Result<DeviceSignedIn> signInDevice(LocalStore &store, const DeviceSignInRequest &request);

struct DeviceSignOutOptions
{
    bool force = false; // sign out although changes are unsynced or HQ cannot be told
    // The refusal while changes are unsynced; default "N changes are not synced yet".
    std::function<QString(qint64 unsynced, const QString &login)> unsyncedMessage;
    // Appended to the refusal when HQ could not be told (e.g. how to force).
    QString forceHint;
    int timeoutMs = 30000;
};

struct DeviceSignedOut
{
    QString login;
    QUrl server;
    qint64 unsynced = 0;
    QString warning; // HQ could not be told (only with force); empty when it revoked the device
};

// Revokes the device at HQ (POST /v1/auth/logout), forgets the token and starts a new device
// id (HQ never enrolls a revoked id again).
Result<DeviceSignedOut> signOutDevice(LocalStore &store, const DeviceSignOutOptions &options);

// What kind of failure a sign-in or sync error is, for a message in the user's language.
enum class SyncFailure {
    Other, // not one of these: the message is all there is
    InvalidServer, // not an https://host[:port] address
    PlainHttp, // http:// to another machine
    CaFile, // the CA file cannot be read or holds no certificate
    ConnectionRefused,
    HostNotFound,
    Timeout,
    Network, // the connection broke
    TlsUntrusted, // the certificate is not trusted (a private CA without its file)
    Tls, // another TLS problem (name mismatch, expired, handshake)
    WrongPassword,
    NotSignedIn,
    TokenRejected, // HQ no longer accepts this device's token (HTTP 401)
    Revoked, // HQ revoked the device; its local data was wiped
    ServerError, // HQ failed (HTTP 5xx)
    Refused, // HQ refused the request (another HTTP 4xx)
    Protocol, // HQ's answer could not be understood
    Unsynced, // refused because changes are not synced yet
    Busy, // a sync is already running
};

SyncFailure classifySyncError(const Error &error);
// A stable name for logs and QML: "connection_refused", "tls_untrusted", ...
QString syncFailureName(SyncFailure failure);
QList<SyncFailure> allSyncFailures();

} // namespace karvan::sync
