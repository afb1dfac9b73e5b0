#pragma once

// The load generator of bench_concurrency: N simulated devices, each on its own TCP
// connection, all driven by one event loop. HTTP/1.1 is spoken directly on QTcpSocket (POST
// with Content-Length and a bearer token, the response read by its Content-Length), because
// QNetworkAccessManager opens at most six connections per host.

#include "protocol/messages.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QEventLoop;
class QTcpSocket;

namespace karvan::bench {

// One enrolled device and what it does in the next round.
struct BenchDevice
{
    QUuid id;
    QString token;
    QString login;
    QString scopeKey; // the user's territories, sorted and joined: devices that share a feed
    QByteArray cursor; // where its next pull starts; the round leaves the last next_cursor here
    QList<karvan::sync::SyncMutation> mutations; // pushed first when not empty
};

// What one device's round did.
struct RoundOutcome
{
    bool finished = false; // push (if any) and every pull answered 200 and decoded
    QString error; // the kind of the first error ("timeout", "http_503", ...) when not finished
    qint64 latencyNs = 0; // connect to the last pull decoded (or to the error)
    int requests = 0;
    int reconnects = 0; // the server closed a kept-alive connection between requests
    qint64 pulledChanges = 0;
    qint64 bytesIn = 0;
    int pushed = 0;
    int applied = 0;
    int appliedWithChanges = 0;
    QMap<QString, int> rejected; // reason_code -> count
    QList<qint64> pushNs; // latency of each push request
    QList<qint64> pullNs; // latency of each pull request
};

struct LoadOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    qint64 roundTimeoutMs = 120000; // a round not done by then ends as "timeout"
    int maxChanges = 0; // per pull; 0 = the server's default
    int concurrency = 0; // rounds in flight at once; 0 = every device at the same instant
    // One pull answer in this many is decoded row by row (decodePullResponse, as a device
    // would); the others are checked by pullSummary. 1: every answer.
    int fullDecodeEvery = 1;
};

// What the next pull needs from a PullResponse, without decoding its rows into maps: the
// envelope is checked and inflated as decodePullResponse does, the CBOR is walked (every
// change must be a map), next_cursor and has_more are read. False when malformed.
struct PullSummary
{
    qsizetype changes = 0;
    QByteArray nextCursor;
    bool hasMore = false;
};
bool pullSummary(const QByteArray &wire, PullSummary *out);

// Runs one round for every device (push its mutations, then pull until has_more is false)
// and returns when all have finished or failed; outcomes are in the order of devices.
// Devices' cursors are updated to their last next_cursor.
class SyncLoad : public QObject
{
    Q_OBJECT
public:
    explicit SyncLoad(LoadOptions options, QObject *parent = nullptr);
    ~SyncLoad() override;

    QList<RoundOutcome> run(QList<BenchDevice> &devices);
    qint64 wallNs() const { return m_wallNs; } // first connect to last round finished

private:
    struct Round;
    void start(Round &round);
    void connectRound(Round &round);
    void sendNext(Round &round);
    void onReadyRead(Round &round);
    void onResponse(Round &round, int status, const QByteArray &body, bool serverCloses);
    void fail(Round &round, const QString &kind);
    void finish(Round &round);
    void startMore();
    void checkTimeouts();

    LoadOptions m_options;
    QList<Round *> m_rounds;
    QElapsedTimer m_clock;
    QEventLoop *m_loop = nullptr; // run()'s, while it runs
    int m_next = 0; // the next round to start
    int m_running = 0;
    int m_done = 0;
    qint64 m_wallNs = 0;
};

} // namespace karvan::bench
