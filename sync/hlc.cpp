#include "hlc.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::sync {

namespace {

constexpr int WallDigits = 12;
constexpr int CounterDigits = 8;

bool isNodeIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || u == u'.' || u == u'_' || u == u':' || u == u'-';
}

// Strict lowercase hex of exactly text.size() digits; -1 when anything else.
qint64 parseHex(QStringView text)
{
    qint64 value = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        int digit;
        if (u >= u'0' && u <= u'9')
            digit = u - u'0';
        else if (u >= u'a' && u <= u'f')
            digit = u - u'a' + 10;
        else
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

} // namespace

bool Hlc::isValidNodeId(QStringView nodeId)
{
    if (nodeId.isEmpty() || nodeId.size() > MaxNodeIdLength)
        return false;
    return std::all_of(nodeId.begin(), nodeId.end(), isNodeIdChar);
}

QString Hlc::toString() const
{
    return u"%1-%2-%3"_s.arg(wallMs, WallDigits, 16, QLatin1Char('0'))
        .arg(counter, CounterDigits, 16, QLatin1Char('0'))
        .arg(nodeId);
}

Result<Hlc> Hlc::fromString(QStringView text)
{
    constexpr qsizetype nodeStart = WallDigits + 1 + CounterDigits + 1;
    if (text.size() <= nodeStart || text.size() > nodeStart + MaxNodeIdLength
        || text[WallDigits] != u'-' || text[WallDigits + 1 + CounterDigits] != u'-')
        return makeError(ErrorCode::InvalidArgument,
                         u"hlc: expected \"<12 hex wall>-<8 hex counter>-<node id>\""_s);
    const qint64 wall = parseHex(text.first(WallDigits));
    const qint64 counter = parseHex(text.sliced(WallDigits + 1, CounterDigits));
    if (wall < 0 || counter < 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"hlc: wall and counter must be lowercase hex digits"_s);
    const QStringView node = text.sliced(nodeStart);
    if (!isValidNodeId(node))
        return makeError(ErrorCode::InvalidArgument,
                         u"hlc: node id must be 1 to 64 characters of [A-Za-z0-9._:-]"_s);
    return Hlc {wall, quint32(counter), node.toString()};
}

HlcClock::HlcClock(QString nodeId, WallClock wallClock, qint64 maxDriftMs)
    : m_nodeId(std::move(nodeId))
    , m_wallClock(std::move(wallClock))
    , m_maxDriftMs(std::max<qint64>(0, maxDriftMs))
{
    Q_ASSERT(Hlc::isValidNodeId(m_nodeId));
}

qint64 HlcClock::physicalNow() const
{
    const qint64 ms = m_wallClock ? m_wallClock() : QDateTime::currentMSecsSinceEpoch();
    return std::clamp<qint64>(ms, 0, Hlc::MaxWallMs);
}

Hlc HlcClock::now()
{
    QMutexLocker lock(&m_mutex);
    const qint64 pt = physicalNow();
    if (pt > m_wallMs) {
        m_wallMs = pt;
        m_counter = 0;
    } else if (m_counter == std::numeric_limits<quint32>::max()) {
        // 2^32 events in one logical millisecond: borrow the next millisecond rather than
        // wrap, so the order stays strict. The wall clock catches up within a millisecond.
        ++m_wallMs;
        m_counter = 0;
    } else {
        ++m_counter;
    }
    return Hlc {m_wallMs, m_counter, m_nodeId};
}

Result<Hlc> HlcClock::update(const Hlc &remote)
{
    if (remote.wallMs < 0 || remote.wallMs > Hlc::MaxWallMs || !Hlc::isValidNodeId(remote.nodeId))
        return makeError(ErrorCode::InvalidArgument, u"hlc: remote timestamp is malformed"_s);
    QMutexLocker lock(&m_mutex);
    const qint64 pt = physicalNow();
    if (remote.wallMs > pt && remote.wallMs - pt > m_maxDriftMs)
        return makeError(ErrorCode::InvalidArgument,
                         u"hlc: remote clock of %1 is %2 ms ahead of the local clock (max %3 ms)"_s
                             .arg(remote.nodeId)
                             .arg(remote.wallMs - pt)
                             .arg(m_maxDriftMs));
    const qint64 previous = m_wallMs;
    const qint64 wall = std::max({previous, remote.wallMs, pt});
    // Kulkarni et al., receive event; counters saturate into the next millisecond.
    quint64 counter;
    if (wall == previous && wall == remote.wallMs)
        counter = quint64(std::max(m_counter, remote.counter)) + 1;
    else if (wall == previous)
        counter = quint64(m_counter) + 1;
    else if (wall == remote.wallMs)
        counter = quint64(remote.counter) + 1;
    else
        counter = 0;
    if (counter > std::numeric_limits<quint32>::max()) {
        m_wallMs = wall + 1;
        m_counter = 0;
    } else {
        m_wallMs = wall;
        m_counter = quint32(counter);
    }
    return Hlc {m_wallMs, m_counter, m_nodeId};
}

void HlcClock::restore(const Hlc &lastIssued)
{
    QMutexLocker lock(&m_mutex);
    const qint64 wall = std::clamp<qint64>(lastIssued.wallMs, 0, Hlc::MaxWallMs);
    if (wall > m_wallMs || (wall == m_wallMs && lastIssued.counter > m_counter)) {
        m_wallMs = wall;
        m_counter = lastIssued.counter;
    }
}

Hlc HlcClock::last() const
{
    QMutexLocker lock(&m_mutex);
    return Hlc {m_wallMs, m_counter, m_nodeId};
}

qint64 HlcClock::maxDriftMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxDriftMs;
}

void HlcClock::setMaxDriftMs(qint64 maxDriftMs)
{
    QMutexLocker lock(&m_mutex);
    m_maxDriftMs = std::max<qint64>(0, maxDriftMs);
}

} // namespace karvan::sync
