#include "bench_concurrency_client.h"

#include "protocol/codec.h"
#include "protocol/envelope.h"

#include <QCborStreamReader>

#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace karvan::bench {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;

QString socketErrorKind(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return u"connection_refused"_s;
    case QAbstractSocket::RemoteHostClosedError:
        return u"connection_closed"_s;
    case QAbstractSocket::SocketTimeoutError:
        return u"socket_timeout"_s;
    case QAbstractSocket::SocketResourceError:
        return u"socket_resource"_s; // out of file descriptors or memory
    case QAbstractSocket::NetworkError:
        return u"network_error"_s; // reset by peer among others
    default:
        return u"socket_error_%1"_s.arg(int(error));
    }
}

} // namespace

struct SyncLoad::Round
{
    BenchDevice *device = nullptr;
    qsizetype index = 0; // in run()'s list
    RoundOutcome outcome;
    QTcpSocket *socket = nullptr;
    enum class Phase { Push, Pull, Done } phase = Phase::Pull;
    bool started = false;
    qint64 startNs = 0;
    qint64 requestStartNs = 0;
    QByteArray request; // the request in flight, kept to re-send on a fresh connection
    QByteArray buffer;
    qsizetype headerLength = -1; // up to and including the blank line; -1 until seen
    qint64 contentLength = 0;
    int status = 0;
    bool serverCloses = false;
    bool connectionReused = false; // the current connection already carried a response
    bool resent = false; // the current request was re-sent once after a stale connection
};

SyncLoad::SyncLoad(LoadOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

SyncLoad::~SyncLoad()
{
    qDeleteAll(m_rounds);
}

QList<RoundOutcome> SyncLoad::run(QList<BenchDevice> &devices)
{
    qDeleteAll(m_rounds);
    m_rounds.clear();
    for (BenchDevice &d : devices) {
        auto *r = new Round;
        r->device = &d;
        r->index = m_rounds.size();
        m_rounds.append(r);
    }
    m_next = 0;
    m_running = 0;
    m_done = 0;
    m_wallNs = 0;
    QList<RoundOutcome> outcomes;
    if (m_rounds.isEmpty())
        return outcomes;

    QEventLoop loop;
    QTimer watchdog;
    watchdog.setInterval(250);
    connect(&watchdog, &QTimer::timeout, this, &SyncLoad::checkTimeouts);
    m_loop = &loop;
    m_clock.start();
    watchdog.start();
    startMore();
    if (m_done < m_rounds.size())
        loop.exec();
    watchdog.stop();
    m_loop = nullptr;
    for (const Round *r : std::as_const(m_rounds))
        outcomes.append(r->outcome);
    return outcomes;
}

void SyncLoad::startMore()
{
    const int limit = m_options.concurrency > 0 ? m_options.concurrency : int(m_rounds.size());
    while (m_next < m_rounds.size() && m_running < limit) {
        Round &r = *m_rounds[m_next++];
        ++m_running;
        start(r);
    }
}

void SyncLoad::start(Round &round)
{
    round.started = true;
    round.startNs = m_clock.nsecsElapsed();
    round.phase = round.device->mutations.isEmpty() ? Round::Phase::Pull : Round::Phase::Push;
    sendNext(round);
}

void SyncLoad::connectRound(Round &round)
{
    auto *socket = new QTcpSocket(this);
    round.socket = socket;
    round.connectionReused = false;
    round.buffer.clear();
    round.headerLength = -1;
    connect(socket, &QTcpSocket::connected, this, [this, &round, socket]() {
        if (round.socket != socket)
            return;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->write(round.request);
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, &round, socket]() {
        if (round.socket == socket)
            onReadyRead(round);
    });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, &round, socket](QAbstractSocket::SocketError error) {
                if (round.socket != socket || round.phase == Round::Phase::Done)
                    return;
                // A kept-alive connection the server closed before this request reached it:
                // re-send once on a new connection (sync requests are idempotent).
                if (round.connectionReused && round.buffer.isEmpty() && !round.resent
                    && (error == QAbstractSocket::RemoteHostClosedError
                        || error == QAbstractSocket::NetworkError)) {
                    round.resent = true;
                    ++round.outcome.reconnects;
                    socket->disconnect(this);
                    socket->abort();
                    socket->deleteLater();
                    connectRound(round);
                    return;
                }
                fail(round, socketErrorKind(error));
            });
    socket->connectToHost(m_options.host, m_options.port);
}

void SyncLoad::sendNext(Round &round)
{
    const BenchDevice &d = *round.device;
    QByteArray path;
    QByteArray body;
    if (round.phase == Round::Phase::Push) {
        path = "/v1/sync/push";
        body = karvan::sync::encode(karvan::sync::PushRequest {d.id, d.mutations});
    } else {
        path = "/v1/sync/pull";
        body = karvan::sync::encode(
            karvan::sync::PullRequest {d.id, d.cursor, m_options.maxChanges});
    }
    round.request = "POST " + path + " HTTP/1.1\r\nHost: " + m_options.host.toString().toLatin1()
        + ':' + QByteArray::number(m_options.port) + "\r\nAuthorization: Bearer "
        + d.token.toLatin1()
        + "\r\nContent-Type: application/vnd.karvan.sync\r\nAccept: "
          "application/vnd.karvan.sync\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    round.requestStartNs = m_clock.nsecsElapsed();
    round.resent = false;
    ++round.outcome.requests;
    if (round.socket && round.socket->state() == QAbstractSocket::ConnectedState) {
        round.connectionReused = true;
        round.socket->write(round.request);
    } else {
        connectRound(round);
    }
}

void SyncLoad::onReadyRead(Round &round)
{
    round.buffer += round.socket->readAll();
    if (round.headerLength < 0) {
        const qsizetype end = round.buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (round.buffer.size() > MaxHeaderBytes)
                fail(round, u"bad_response"_s);
            return;
        }
        round.headerLength = end + 4;
        const QList<QByteArray> lines = round.buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        bool ok = false;
        round.status = statusLine.value(1).toInt(&ok);
        if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
            fail(round, u"bad_response"_s);
            return;
        }
        round.contentLength = -1;
        round.serverCloses = statusLine.value(0) == "HTTP/1.0";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                round.contentLength = value.toLongLong(&ok);
            else if (name == "connection")
                round.serverCloses = value.toLower() == "close";
        }
        if (round.contentLength < 0) {
            fail(round, u"no_content_length"_s);
            return;
        }
    }
    if (round.buffer.size() < round.headerLength + round.contentLength)
        return;
    const QByteArray body = round.buffer.mid(round.headerLength, round.contentLength);
    round.outcome.bytesIn += round.buffer.size();
    round.buffer.clear();
    round.headerLength = -1;
    onResponse(round, round.status, body, round.serverCloses);
}

void SyncLoad::onResponse(Round &round, int status, const QByteArray &body, bool serverCloses)
{
    const qint64 tookNs = m_clock.nsecsElapsed() - round.requestStartNs;
    (round.phase == Round::Phase::Push ? round.outcome.pushNs : round.outcome.pullNs)
        .append(tookNs);
    if (serverCloses && round.socket) {
        round.socket->disconnect(this);
        round.socket->abort();
        round.socket->deleteLater();
        round.socket = nullptr;
    }
    if (status != 200) {
        QString kind = u"http_%1"_s.arg(status);
        if (auto error = karvan::sync::decodeProtocolError(body); error)
            kind += u":"_s + error->code;
        fail(round, kind);
        return;
    }
    BenchDevice &d = *round.device;
    if (round.phase == Round::Phase::Push) {
        auto response = karvan::sync::decodePushResponse(body);
        if (!response) {
            fail(round, u"decode_push_response"_s);
            return;
        }
        if (response->results.size() != d.mutations.size()) {
            fail(round, u"push_results_mismatch"_s);
            return;
        }
        using Status = karvan::sync::MutationResult::Status;
        for (const auto &result : std::as_const(response->results)) {
            if (result.status == Status::Applied)
                ++round.outcome.applied;
            else if (result.status == Status::AppliedWithChanges)
                ++round.outcome.appliedWithChanges;
            else
                ++round.outcome.rejected[result.reasonCode];
        }
        round.outcome.pushed = int(d.mutations.size());
        round.phase = Round::Phase::Pull;
        sendNext(round);
        return;
    }
    // The simulated devices share this process's CPU with the server, so only a sample of
    // them decode every row as a device would; the others check the envelope, inflate and
    // walk the CBOR, and read what the next request needs (pullSummary).
    const bool fullDecode = m_options.fullDecodeEvery > 0
        && (round.outcome.requests + int(round.index)) % m_options.fullDecodeEvery == 0;
    PullSummary summary;
    if (fullDecode) {
        auto response = karvan::sync::decodePullResponse(body);
        if (!response) {
            fail(round, u"decode_pull_response"_s);
            return;
        }
        summary = {response->changes.size(), response->nextCursor, response->hasMore};
    } else if (!pullSummary(body, &summary)) {
        fail(round, u"decode_pull_response"_s);
        return;
    }
    round.outcome.pulledChanges += summary.changes;
    d.cursor = summary.nextCursor;
    if (summary.hasMore)
        sendNext(round);
    else
        finish(round);
}

bool pullSummary(const QByteArray &wire, PullSummary *out)
{
    QByteArray body;
    karvan::sync::detail::DecodeFailure failure;
    if (!karvan::sync::detail::unwrapEnvelope(wire, karvan::sync::MessageType::PullResponse, {},
                                              &body, &failure))
        return false;
    QCborStreamReader r(body);
    if (!r.isMap() || !r.enterContainer())
        return false;
    bool sawChanges = false, sawCursor = false, sawMore = false;
    while (r.hasNext() && r.lastError() == QCborError::NoError) {
        if (!r.isString())
            return false;
        QString key;
        for (auto chunk = r.readString(); chunk.status == QCborStreamReader::Ok;
             chunk = r.readString())
            key += chunk.data;
        if (key == u"changes"_s) {
            if (!r.isArray() || !r.enterContainer())
                return false;
            qsizetype n = 0;
            while (r.hasNext() && r.lastError() == QCborError::NoError) {
                if (!r.isMap() || !r.next())
                    return false;
                ++n;
            }
            if (!r.leaveContainer())
                return false;
            out->changes = n;
            sawChanges = true;
        } else if (key == u"next_cursor"_s) {
            if (!r.isByteArray())
                return false;
            out->nextCursor.clear();
            for (auto chunk = r.readByteArray(); chunk.status == QCborStreamReader::Ok;
                 chunk = r.readByteArray())
                out->nextCursor += chunk.data;
            sawCursor = true;
        } else if (key == u"has_more"_s) {
            if (!r.isBool())
                return false;
            out->hasMore = r.toBool();
            r.next();
            sawMore = true;
        } else if (!r.next()) {
            return false;
        }
    }
    return r.lastError() == QCborError::NoError && r.leaveContainer() && sawChanges && sawCursor
        && sawMore;
}

void SyncLoad::fail(Round &round, const QString &kind)
{
    round.outcome.error = kind;
    finish(round);
}

void SyncLoad::finish(Round &round)
{
    if (round.phase == Round::Phase::Done)
        return;
    round.outcome.finished = round.outcome.error.isEmpty();
    round.phase = Round::Phase::Done;
    const qint64 now = m_clock.nsecsElapsed();
    round.outcome.latencyNs = now - round.startNs;
    m_wallNs = std::max(m_wallNs, now);
    if (round.socket) {
        round.socket->disconnect(this);
        round.socket->abort();
        round.socket->deleteLater();
        round.socket = nullptr;
    }
    --m_running;
    ++m_done;
    if (m_done == m_rounds.size()) {
        if (m_loop)
            m_loop->quit();
        return;
    }
    startMore();
}

void SyncLoad::checkTimeouts()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 limitNs = m_options.roundTimeoutMs * 1000000;
    for (Round *r : std::as_const(m_rounds)) {
        if (r->started && r->phase != Round::Phase::Done && now - r->startNs > limitNs)
            fail(*r, u"timeout"_s);
    }
}

} // namespace karvan::bench
