#pragma once

#include "domain/result.h"
#include "http/metrics.h"
#include "http/routeguard.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>

namespace karvan::hq {
class Database;
}

namespace karvan::hq::http {

// The HQ's HTTP API on QHttpServer (Qt 6.4).
//
// Routing is ours, not QHttpServer's router: every request reaches dispatch(), which matches
// the path against the routes added with addRoute() ("/v1/devices/{id}/revoke"), answers 404
// for an unknown path and 405 (with Allow) for a known path with another method, enforces the
// route's body limit (413), then runs the route's guard and handler on a bounded QThreadPool
// and posts the response back to the event loop. Each pool thread uses Database's per-thread
// connection; threads never expire, so the pool sizes (Pool) bound the database connections.
//
// The response is written back on the event loop only if the client's socket still exists:
// Qt 6.4's own QFuture route handling writes to a socket that may have been freed when the
// client disconnected while the handler ran, which is why routes are not QHttpServer routes.
//
// One JSON line per request goes to stderr (time, method, path, status, ms, user, device,
// error detail on 500); never bodies, passwords or tokens.
class HqServer : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 JsonBodyLimit = 1 << 20; // 1 MiB for JSON routes
    static constexpr qint64 SyncBodyLimit = (16 << 20) + (64 << 10); // 16 MiB + envelope
    // Requests announcing more than this are refused before their body is read.
    static constexpr qint64 HardBodyLimit = SyncBodyLimit;

    // Which worker pool runs a route. Writers: sync pushes. Their threads decode a push and
    // wait while sync::PushCommitter's one thread applies it together with the pushes queued
    // beside it, in one transaction; so they get a pool of their own (WriterThreads), and
    // while many wait, reads (pulls) keep being answered by the shared workers.
    enum class Pool { Shared, Writers };

    static constexpr int WriterThreads = 32; // at most this many pushes share one commit

    explicit HqServer(Database &db, int workerThreads = 8, QObject *parent = nullptr);
    ~HqServer() override;

    // method: "GET", "POST", ...; pattern: "/v1/x/{name}/y" ({...} matches one path segment).
    void addRoute(const QString &method, const QString &pattern, const RouteGuard &guard,
                  RouteHandler handler, qint64 bodyLimit = JsonBodyLimit, Pool pool = Pool::Shared);

    // Listens on address:port (0: any free port) with TLS when tls is given; returns the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port,
                           const std::optional<QSslConfiguration> &tls);
    // Stops accepting connections; requests in flight still get their responses.
    void stopAccepting();
    int inFlight() const { return m_inFlight; }
    int workerThreads() const { return m_pool.maxThreadCount(); }
    // Waits for the worker threads and releases their database connections.
    void shutdownWorkers();

private:
    struct Route
    {
        QString method;
        QString pattern;
        QStringList segments;
        RouteGuard guard;
        RouteHandler handler;
        qint64 bodyLimit = JsonBodyLimit;
        Pool pool = Pool::Shared;
    };

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // Once per worker thread: names it, and lowers a shared worker's CPU priority below the
    // pushes'.
    static void prepareWorkerThread(Pool pool);
    // GET /metrics' sync figures: pushes per commit (sync::PushCommitter) and pull answers
    // (sync::PullPageCache).
    static QByteArray syncMetrics();
    // On the event loop: the response of request id, from a worker.
    void respond(quint64 id, ApiResponse response);
    void addBuiltInRoutes();
    static bool matches(const Route &route, const QStringList &path, QStringList *params);
    void finish(QHttpServerResponder &responder, const ApiRequest &request, const QString &route,
                const ApiResponse &response, qint64 startedNs);

    Database &m_db;
    QHttpServer m_http;
    QThreadPool m_pool;
    QThreadPool m_writerPool;
    QList<Route> m_routes;
    // Requests at a worker, by number; touched on the event loop only.
    struct Pending
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        ApiRequest request;
        QString route;
        qint64 startedNs = 0;
        QElapsedTimer sinceDispatch;
    };
    std::unordered_map<quint64, Pending> m_pending;
    quint64 m_lastRequest = 0;
    Metrics m_metrics;
    std::atomic<int> m_inFlight {0};
};

// The routes of authentication and devices (authroutes.cpp).
void addAuthRoutes(HqServer &server);
// The back-office ERP routes (erproutes.cpp): master data, orders, receivables, inventory,
// purchasing, reports, each behind its RouteGuard.
void addErpRoutes(HqServer &server);

} // namespace karvan::hq::http
