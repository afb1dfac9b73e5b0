#pragma once

#include "domain/result.h"

#include <QMutex>
#include <QString>

#include <compare>
#include <functional>

namespace karvan::sync {

// A hybrid logical clock timestamp (Kulkarni et al., "Logical Physical Clocks", 2014):
// wallMs follows the physical clock as closely as causality allows, counter orders events
// within one millisecond, nodeId breaks the remaining ties so that the order is total and
// every replica sorts the same timestamps the same way.
struct Hlc
{
    qint64 wallMs = 0; // Unix milliseconds, 0 .. MaxWallMs
    quint32 counter = 0;
    QString nodeId; // 1..MaxNodeIdLength of [A-Za-z0-9._:-]

    static constexpr qint64 MaxWallMs = (qint64(1) << 48) - 1; // 12 hex digits: year 10889
    static constexpr int MaxNodeIdLength = 64;

    bool isNull() const { return wallMs == 0 && counter == 0 && nodeId.isEmpty(); }

    // "wwwwwwwwwwww-cccccccc-node": zero-padded lowercase hex, so that comparing two encodings
    // as strings (or as bytes: node ids are ASCII) gives the same order as operator<=>.
    QString toString() const;
    static Result<Hlc> fromString(QStringView text);
    static bool isValidNodeId(QStringView nodeId);

    friend bool operator==(const Hlc &a, const Hlc &b)
    {
        return a.wallMs == b.wallMs && a.counter == b.counter && a.nodeId == b.nodeId;
    }
    friend std::strong_ordering operator<=>(const Hlc &a, const Hlc &b)
    {
        if (auto c = a.wallMs <=> b.wallMs; c != 0)
            return c;
        if (auto c = a.counter <=> b.counter; c != 0)
            return c;
        const int n = QString::compare(a.nodeId, b.nodeId, Qt::CaseSensitive);
        return n < 0 ? std::strong_ordering::less
                     : (n > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
};

// Issues HLC timestamps for one node. Thread-safe. The wall clock is injectable for tests.
class HlcClock
{
public:
    using WallClock = std::function<qint64()>; // Unix milliseconds
    static constexpr qint64 DefaultMaxDriftMs = 5 * 60 * 1000;

    // nodeId must satisfy Hlc::isValidNodeId (a device id or "hq"); an invalid id is a
    // programming error and asserts in debug builds. An empty wallClock uses the system clock.
    explicit HlcClock(QString nodeId, WallClock wallClock = {},
                      qint64 maxDriftMs = DefaultMaxDriftMs);

    // A timestamp for a local event or a message about to be sent; strictly greater than every
    // timestamp this clock issued or received, even when the wall clock steps backwards.
    Hlc now();
    // Merges a received timestamp and returns the timestamp of the receive event. Refuses
    // (and ignores) a remote timestamp more than maxDriftMs ahead of the local wall clock, so
    // one node with a wrong clock cannot drag every replica into the future.
    Result<Hlc> update(const Hlc &remote);
    // Restores the last timestamp issued before a restart (no drift check: it is our own).
    void restore(const Hlc &lastIssued);

    Hlc last() const;
    QString nodeId() const { return m_nodeId; }
    qint64 maxDriftMs() const;
    void setMaxDriftMs(qint64 maxDriftMs);

private:
    qint64 physicalNow() const;

    mutable QMutex m_mutex;
    const QString m_nodeId;
    const WallClock m_wallClock;
    qint64 m_maxDriftMs;
    qint64 m_wallMs = 0;
    quint32 m_counter = 0;
};

} // namespace karvan::sync
