#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace karvan::sync {

// What came back for one request: the HTTP status and body (a sync envelope, a JSON error...).
struct TransportReply
{
    int httpStatus = 0;
    QByteArray body;
    QByteArray contentType;
};

// How the sync engine reaches HQ. The engine POSTs (and GETs snapshot bytes); a transport error (no
// route, refused, timeout, TLS failure) is an Error whose message says which, and the engine
// retries at its next round. Tests inject faults by wrapping a transport.
class SyncTransport
{
public:
    virtual ~SyncTransport() = default;
    // path: "/v1/sync/push", "/v1/auth/login", ...
    virtual Result<TransportReply> post(const QString &path, const QByteArray &body,
                                        const QByteArray &contentType)
        = 0;
    // Whether this transport reaches an HQ's bootstrap snapshot routes (POST
    // /v1/sync/snapshot, then get()); the engine only asks for a snapshot when it does.
    virtual bool supportsSnapshots() const { return false; }
    // A GET (the snapshot's bytes: GET /v1/sync/snapshot/ID?offset=N&length=M). A transport
    // that cannot GET answers 501, and the engine pulls page by page.
    virtual Result<TransportReply> get(const QString &path, const QUrlQuery &query)
    {
        Q_UNUSED(path);
        Q_UNUSED(query);
        return TransportReply {501, {}, {}};
    }
};

// HTTPS (or http on loopback) through Qt Network. Blocks the calling thread in a local event
// loop (the engine runs on the CLI's main thread or the app's sync thread, never the UI).
// Certificates are checked against the system's CAs plus, when caFile is given, the PEM
// certificates in it (a self-hosted HQ). Sends "Authorization: Bearer TOKEN" when token is set.
class HttpTransport : public SyncTransport
{
public:
    struct Options
    {
        QUrl server; // "https://hq.example.com:8443" or "http://127.0.0.1:PORT"
        QString token;
        QString caFile;
        int timeoutMs = 30000;
    };
    static Result<std::unique_ptr<HttpTransport>> create(const Options &options);
    ~HttpTransport() override;

    Result<TransportReply> post(const QString &path, const QByteArray &body,
                                const QByteArray &contentType) override;
    Result<TransportReply> get(const QString &path, const QUrlQuery &query) override;
    bool supportsSnapshots() const override { return true; }
    void setToken(const QString &token);

private:
    explicit HttpTransport(const Options &options);
    Result<TransportReply> send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                                const QByteArray &body, const QByteArray &contentType);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace karvan::sync
