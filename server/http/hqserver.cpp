#include "http/hqserver.h"

#include "storage/database.h"
#include "sync/pullpagecache.h"
#include "sync/pushcommitter.h"
#include "sync/syncsnapshot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <exception>
#include <memory>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

namespace {

// The Content-Length a request announces in the headers at the start of buf, -1 when the
// headers are not complete yet or carry none.
qint64 announcedLength(const QByteArray &buf)
{
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length") {
            bool ok = false;
            const qint64 n = line.mid(colon + 1).trimmed().toLongLong(&ok);
            return ok ? n : -1;
        }
    }
    return -1;
}

// A listening server that refuses, before reading it, a request whose announced body exceeds
// HqServer::HardBodyLimit. Our readyRead handler is connected before QHttpServer's (which
// buffers a whole request in memory), so it sees each request's headers first.
template<typename Base> class BodyLimitedServer : public Base
{
public:
    BodyLimitedServer(QObject *httpServer)
        : Base(httpServer)
        , m_httpServer(httpServer)
    { }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (!socket)
            return nullptr;
        QObject *http = m_httpServer;
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, http]() {
            if (socket->property("karvan.refused").toBool()) {
                (void)socket->readAll(); // drain; the connection is closing
                return;
            }
            if (socket->isTransactionStarted())
                return; // in the middle of a request whose headers were already checked
            if (announcedLength(socket->peek(16 << 10)) <= HqServer::HardBodyLimit)
                return;
            socket->setProperty("karvan.refused", true);
            QObject::disconnect(socket, &QTcpSocket::readyRead, http, nullptr);
            (void)socket->readAll();
            const QByteArray body = ApiResponse::error(413, u"payload_too_large"_s,
                                                       u"the request body is larger than %1 "
                                                       "bytes"_s.arg(HqServer::HardBodyLimit))
                                        .body;
            socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        return socket;
    }

private:
    QObject *m_httpServer;
};

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

void writeLogLine(const QJsonObject &line)
{
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

} // namespace

HqServer::HqServer(Database &db, int workerThreads, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_pool.setMaxThreadCount(std::max(1, workerThreads));
    // Threads that never expire keep their database connection: the pool is the connection
    // pool, bounded by maxThreadCount.
    m_pool.setExpiryTimeout(-1);
    m_writerPool.setMaxThreadCount(WriterThreads);
    m_writerPool.setExpiryTimeout(-1);
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            dispatch(request, std::move(responder));
        });
    addBuiltInRoutes();
}

HqServer::~HqServer()
{
    shutdownWorkers();
}

void HqServer::shutdownWorkers()
{
    m_pool.waitForDone();
    m_writerPool.waitForDone();
    sync::PushCommitter::stop(m_db);
    sync::SnapshotCache::stopBuilds(m_db);
}

void HqServer::addRoute(const QString &method, const QString &pattern, const RouteGuard &guard,
                        RouteHandler handler, qint64 bodyLimit, Pool pool)
{
    Route r;
    r.method = method.toUpper();
    r.pattern = pattern;
    r.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    r.guard = guard;
    r.handler = std::move(handler);
    r.bodyLimit = std::min(bodyLimit, HardBodyLimit);
    r.pool = pool;
    m_routes.append(std::move(r));
}

void HqServer::addBuiltInRoutes()
{
    addRoute(u"GET"_s, u"/health"_s, RouteGuard::open(), [](ApiContext &c) {
        auto one = c.db.scalar(u"SELECT 1"_s);
        if (!one || one->toInt() != 1) {
            ApiResponse r
                = ApiResponse::json({{u"status"_s, u"degraded"_s}, {u"db"_s, u"error"_s}}, 503);
            r.logDetail = one ? u"SELECT 1 returned no row"_s : one.errorMessage();
            return r;
        }
        return ApiResponse::json({{u"status"_s, u"ok"_s}, {u"db"_s, u"ok"_s}});
    });
    addRoute(u"GET"_s, u"/metrics"_s, RouteGuard::open(), [this](ApiContext &) {
        ApiResponse r;
        r.body = m_metrics.exposition(m_pool.maxThreadCount(), m_inFlight) + syncMetrics();
        r.mimeType = "text/plain; version=0.0.4; charset=utf-8";
        return r;
    });
}

Result<quint16> HqServer::listen(const QHostAddress &address, quint16 port,
                                 const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new BodyLimitedServer<QSslServer>(&m_http);
        ssl->setSslConfiguration(*tls);
        ssl->setHandshakeTimeout(10000);
        server = ssl;
    } else {
        server = new BodyLimitedServer<QTcpServer>(&m_http);
    }
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return makeError(
            ErrorCode::InvalidArgument,
            u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(reason));
    }
    m_http.bind(server);
    return server->serverPort();
}

void HqServer::stopAccepting()
{
    for (QTcpServer *server : m_http.servers())
        server->close();
}

bool HqServer::matches(const Route &route, const QStringList &path, QStringList *params)
{
    if (route.segments.size() != path.size())
        return false;
    params->clear();
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}'))
            params->append(path.at(i));
        else if (want != path.at(i))
            return false;
    }
    return true;
}

void HqServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path();
    req.query = request.query();
    for (const auto &header : request.headers())
        req.headers.insert(header.first.toLower(), header.second);
    req.body = request.body();
    req.remoteAddress = request.remoteAddress().toString();

    const QStringList path = req.path.split(u'/', Qt::SkipEmptyParts);
    const Route *found = nullptr;
    QStringList params;
    QStringList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        QStringList p;
        if (!matches(route, path, &p))
            continue;
        if (route.method == req.method) {
            found = &route;
            params = p;
            break;
        }
        if (!allowed.contains(route.method))
            allowed.append(route.method);
    }
    if (!found) {
        ApiResponse r;
        if (allowed.isEmpty()) {
            r = ApiResponse::error(404, u"not_found"_s, u"no route %1"_s.arg(req.path.left(200)));
        } else {
            r = ApiResponse::error(
                405, u"method_not_allowed"_s,
                u"%1 is not allowed here; use %2"_s.arg(req.method, allowed.join(u", "_s)));
            r.headers.emplaceBack("Allow", allowed.join(u", "_s).toLatin1());
        }
        finish(responder, req, u"unmatched"_s, r, timer.nsecsElapsed());
        return;
    }
    if (req.body.size() > found->bodyLimit) {
        finish(
            responder, req, found->pattern,
            ApiResponse::error(413, u"payload_too_large"_s,
                               u"the request body is larger than %1 bytes"_s.arg(found->bodyLimit)),
            timer.nsecsElapsed());
        return;
    }

    ++m_inFlight;
    // The responder and its socket stay on this thread: the worker gets the request, and posts
    // its response back here under the request's number. (Not QFuture::then(context): under
    // a burst of 1,000 devices Qt 6.4's continuation crashed the event loop in
    // QFutureInterfaceBase::reportStarted.)
    const quint64 id = ++m_lastRequest;
    Pending &pending = m_pending[id];
    pending.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    pending.socket = pending.responder->socket();
    pending.request = req;
    pending.route = found->pattern;
    pending.startedNs = timer.nsecsElapsed();
    pending.sinceDispatch.start();
    QThreadPool *pool = found->pool == Pool::Writers ? &m_writerPool : &m_pool;
    pool->start([this, id, route = *found, req, params]() {
        prepareWorkerThread(route.pool);
        ApiContext context {m_db, req, params, std::nullopt};
        ApiResponse r;
        try {
            if (auto refused = route.guard.admit(context))
                r = *refused;
            else
                r = route.handler(context);
        } catch (const std::exception &e) {
            r = ApiResponse::internal(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            r = ApiResponse::internal(u"unknown exception"_s);
        }
        if (context.caller) {
            r.logUser = context.caller->user.login;
            r.logDevice = context.caller->device.id;
        }
        QMetaObject::invokeMethod(
            this, [this, id, r = std::move(r)]() { respond(id, r); }, Qt::QueuedConnection);
    });
}

QByteArray HqServer::syncMetrics()
{
    const sync::PushCommitter::Totals pushes = sync::PushCommitter::totals();
    const sync::PullPageCache::Stats pulls = sync::PullPageCache::shared().stats();
    const auto counter = [](const QString &name, const QString &help, qint64 value) {
        return Metrics::family(name, u"counter"_s, help, {{QString(), value}});
    };
    return counter(u"karvan_sync_push_commits_total"_s,
                   u"Transactions that committed device pushes (each holds one or more)."_s,
                   qint64(pushes.commits))
        + counter(u"karvan_sync_pushes_committed_total"_s, u"Device pushes committed."_s,
                  qint64(pushes.pushes))
        + counter(u"karvan_sync_mutations_committed_total"_s,
                  u"Mutations of the committed pushes."_s, qint64(pushes.mutations))
        + Metrics::family(u"karvan_sync_pull_pages_total"_s, u"counter"_s,
                          u"Pull answers by how their page was found: kept (hit), built by "
                          "another request (shared), an older page with has_more (older), or "
                          "built for this one (built)."_s,
                          {{u"answer=\"hit\""_s, pulls.hits},
                           {u"answer=\"shared\""_s, pulls.shared},
                           {u"answer=\"older\""_s, pulls.older},
                           {u"answer=\"built\""_s, pulls.builds}})
        + Metrics::family(u"karvan_sync_pull_page_cache_bytes"_s, u"gauge"_s,
                          u"Bytes of pull pages kept."_s, {{QString(), pulls.bytes}});
}

void HqServer::prepareWorkerThread(Pool pool)
{
#ifdef Q_OS_LINUX
    thread_local bool prepared = false;
    if (prepared)
        return;
    prepared = true;
    // Named for top, perf and gdb.
    ::prctl(PR_SET_NAME, pool == Pool::Writers ? "hq-push" : "hq-worker");
    // Pushes are applied by one thread (sync::PushCommitter), so any CPU it waits for delays
    // every push queued behind it, while reads run side by side. When the CPU is the limit
    // (1,000 devices on 2 cores), the shared workers give way: nice 5 gives each of them about
    // a third of that thread's share under Linux's scheduler. (Nice 19 was measured too: push
    // p99 fell by a fifth but starved pulls doubled the devices' round p99.) A thread may
    // always lower its own priority.
    if (pool == Pool::Shared)
        (void)::setpriority(PRIO_PROCESS, pid_t(::syscall(SYS_gettid)), 5);
#else
    Q_UNUSED(pool);
#endif
}

void HqServer::respond(quint64 id, ApiResponse r)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    --m_inFlight;
    const qint64 ns = pending.startedNs + pending.sinceDispatch.nsecsElapsed();
    if (!pending.socket) {
        // The client left while we worked; log it the way nginx does.
        r.status = 499;
        r.logDetail = u"client closed the connection before the response"_s;
        m_metrics.record(pending.request.method, pending.route, r.status, double(ns) / 1e9);
        QJsonObject line {{u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                          {u"method"_s, pending.request.method},
                          {u"path"_s, pending.request.path.left(200)},
                          {u"status"_s, r.status},
                          {u"ms"_s, double(ns / 1000) / 1000.0},
                          {u"error"_s, r.logDetail}};
        writeLogLine(line);
        return;
    }
    finish(*pending.responder, pending.request, pending.route, r, ns);
}

void HqServer::finish(QHttpServerResponder &responder, const ApiRequest &request,
                      const QString &route, const ApiResponse &response, qint64 startedNs)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    responder.writeHeader("Content-Type", response.mimeType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(response.body);

    const double seconds = double(startedNs) / 1e9;
    m_metrics.record(request.method, route, response.status, seconds);
    QJsonObject line {
        {u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {u"method"_s, request.method},
        {u"path"_s, request.path.left(200)},
        {u"status"_s, response.status},
        {u"ms"_s, double(startedNs / 1000) / 1000.0},
        {u"user"_s, response.logUser.isEmpty() ? QJsonValue() : QJsonValue(response.logUser)},
        {u"device"_s, response.logDevice.isEmpty() ? QJsonValue() : QJsonValue(response.logDevice)},
        {u"remote"_s, request.remoteAddress},
    };
    if (!response.logDetail.isEmpty())
        line.insert(u"error"_s, response.logDetail);
    writeLogLine(line);
}

} // namespace karvan::hq::http
