#include "sync/pullpagecache.h"

#include "protocol/codec.h"
#include "protocol/limits.h"

#include <QCborStreamWriter>
#include <QtEndian>

#include <zlib.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

constexpr qsizetype EnvelopeHeaderSize = 12;
constexpr char MapOf4 = char(0xA4); // CBOR: a map of 4 entries (major type 5)
constexpr char MapOf5 = char(0xA5);
// has_more and server_hlc, keys and values: 21 bytes and an HLC's text of about 30.
constexpr qsizetype TailEstimate = 56;

QByteArray hasMoreEntry(bool hasMore)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.append(QLatin1StringView("has_more"));
    w.append(hasMore);
    return out;
}

// The progress entry exactly as the protocol encoder writes it (cborencode.cpp).
QByteArray progressEntry(const karvan::sync::SyncProgress &p)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.append(QLatin1StringView("progress"));
    w.startMap(4);
    w.append(QLatin1StringView("records_done"));
    w.append(p.recordsDone);
    w.append(QLatin1StringView("records_total"));
    w.append(p.recordsTotal);
    w.append(QLatin1StringView("bytes_done"));
    w.append(p.bytesDone);
    w.append(QLatin1StringView("bytes_total"));
    w.append(p.bytesTotal);
    w.endMap();
    return out;
}

QByteArray responseTail(bool hasMore, const karvan::sync::Hlc &hlc)
{
    QByteArray tail;
    QCborStreamWriter w(&tail);
    w.append(QLatin1StringView("has_more"));
    w.append(hasMore);
    w.append(QLatin1StringView("server_hlc"));
    w.append(hlc.toString());
    return tail;
}

// zlib header + deflate(data) flushed with Z_SYNC_FLUSH: byte aligned, not final, so more
// deflate blocks may follow. Empty on failure.
QByteArray deflateSyncFlushed(const QByteArray &data, int level)
{
    z_stream s {};
    if (deflateInit(&s, level) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&s, uLong(data.size()))) + 16);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    const int rc = deflate(&s, Z_SYNC_FLUSH);
    const bool ok = rc == Z_OK && s.avail_in == 0 && s.avail_out > 0;
    const qsizetype produced = out.size() - qsizetype(s.avail_out);
    deflateEnd(&s); // Z_DATA_ERROR: the stream was not finished, as intended
    if (!ok)
        return {};
    out.resize(produced);
    // resize() keeps the deflateBound() capacity (about the body's size); the cache's budget
    // counts what the page really holds.
    out.squeeze();
    return out;
}

void appendBigEndian32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

Result<EncodedPullPage> encodePullPage(const karvan::sync::PullResponse &response)
{
    karvan::sync::ProtocolLimits raw;
    raw.compressThreshold = std::numeric_limits<qsizetype>::max();
    QByteArray wire;
    if (response.serverHlc.isNull()) {
        wire = karvan::sync::encode(response, raw);
    } else {
        karvan::sync::PullResponse withoutHlc = response;
        withoutHlc.serverHlc = {};
        wire = karvan::sync::encode(withoutHlc, raw);
    }
    // The encoder writes {changes, next_cursor, has_more, progress} (a definite map of 4 when
    // server_hlc is absent). The page keeps {changes, next_cursor, progress} announcing 5
    // entries; has_more and server_hlc follow per response (the decoder takes fields in any
    // order).
    const QByteArray body = wire.mid(EnvelopeHeaderSize);
    const QByteArray more = hasMoreEntry(response.hasMore);
    const QByteArray progress = progressEntry(response.progress);
    if (body.isEmpty() || body.at(0) != MapOf4 || !body.endsWith(QByteArray(more + progress)))
        return makeError(ErrorCode::Storage,
                         u"pull page: the protocol encoder's layout is not the expected one"_s);
    QByteArray prefix = body.left(body.size() - more.size() - progress.size()) + progress;
    prefix[0] = MapOf5;

    EncodedPullPage page;
    page.changes = response.changes.size();
    page.hasMore = response.hasMore;
    page.bodySize = prefix.size();
    page.adler = quint32(adler32(adler32(0, nullptr, 0),
                                 reinterpret_cast<const Bytef *>(prefix.constData()),
                                 uInt(prefix.size())));
    if (prefix.size() + TailEstimate > karvan::sync::ProtocolLimits {}.compressThreshold) {
        QByteArray deflated = deflateSyncFlushed(prefix, 6);
        // Pays when it is smaller than the body even with the stored block and the trailer.
        if (!deflated.isEmpty() && deflated.size() + 13 < prefix.size()) {
            page.deflated = std::move(deflated);
            return page;
        }
    }
    page.body = std::move(prefix);
    return page;
}

QByteArray pullPageWire(const EncodedPullPage &page, bool hasMore,
                        const karvan::sync::Hlc &serverHlc)
{
    const QByteArray tail = responseTail(hasMore, serverHlc);
    QByteArray payload;
    quint8 flags = 0;
    if (!page.deflated.isEmpty()) {
        flags = 0x01;
        payload.reserve(4 + page.deflated.size() + 5 + tail.size() + 4);
        appendBigEndian32(payload, quint32(page.bodySize + tail.size()));
        payload.append(page.deflated);
        // The last block: stored (BTYPE 00) and final (BFINAL 1), byte aligned after the sync
        // flush: LEN and its one's complement, little-endian, then the bytes themselves.
        const auto length = quint16(tail.size());
        const auto complement = quint16(~length);
        payload.append(char(0x01));
        payload.append(char(length & 0xFF));
        payload.append(char(length >> 8));
        payload.append(char(complement & 0xFF));
        payload.append(char(complement >> 8));
        payload.append(tail);
        const uLong adler
            = adler32(uLong(page.adler), reinterpret_cast<const Bytef *>(tail.constData()),
                      uInt(tail.size()));
        appendBigEndian32(payload, quint32(adler));
    } else {
        payload = page.body + tail;
    }
    QByteArray wire;
    wire.reserve(EnvelopeHeaderSize + payload.size());
    wire.append("KRVN", 4);
    wire.append(char(karvan::sync::ProtocolVersion));
    wire.append(char(karvan::sync::MessageType::PullResponse));
    wire.append(char(flags));
    wire.append('\0');
    appendBigEndian32(wire, quint32(payload.size()));
    wire.append(payload);
    return wire;
}

size_t qHash(const PullPageCache::Key &key, size_t seed)
{
    return qHashMulti(seed, key.scopes, key.cursor, key.limit, key.database);
}

struct PullPageCache::Build
{
    bool done = false;
    qint64 clock = -1; // what the build read before reading the feed
    Result<Page> result = Error {ErrorCode::Storage, u"the page was not built"_s};
};

PullPageCache::PullPageCache(qint64 budgetBytes, qint64 olderWindowMs)
    : m_budget(budgetBytes)
    , m_olderWindowMs(olderWindowMs)
{
    m_age.start();
}

PullPageCache &PullPageCache::shared()
{
    static PullPageCache cache;
    return cache;
}

Result<PullPageCache::Served> PullPageCache::get(const Key &key, qint64 clock,
                                                 const ClockReader &readClock, const Builder &build)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        Slot &slot = m_slots[key];
        if (slot.page && slot.pageClock >= clock) {
            ++m_stats.hits;
            m_lru.splice(m_lru.begin(), m_lru, slot.lru);
            return Served {slot.page, true};
        }
        // An older page while someone builds the exact one, or one built less than
        // olderWindowMs ago: the device moves on with it and pulls what changed since from
        // its next_cursor (a small page, shared too) instead of everyone rebuilding the whole
        // page after every commit. Not an empty page: has_more on it would send the device
        // back to the same question.
        if (slot.page && slot.page->changes > 0
            && (slot.building || m_age.elapsed() - slot.builtAtMs < m_olderWindowMs)) {
            ++m_stats.older;
            m_lru.splice(m_lru.begin(), m_lru, slot.lru);
            return Served {slot.page, false};
        }
        if (!slot.building)
            break;
        // Wait for the build in flight; it serves us when it read a clock at least ours (it
        // began after we read ours), else the next build will.
        const std::shared_ptr<Build> running = slot.building;
        while (!running->done)
            m_built.wait(&m_mutex);
        if (!running->result)
            return running->result.error();
        if (running->clock >= clock) {
            ++m_stats.shared;
            return Served {*running->result, true};
        }
    }

    const auto mine = std::make_shared<Build>();
    m_slots[key].building = mine;
    lock.unlock();

    Result<Page> result = Error {ErrorCode::Storage, u"the page was not built"_s};
    qint64 builtAt = -1;
    try {
        auto now = readClock();
        if (!now) {
            result = now.error();
        } else {
            builtAt = *now;
            auto page = build();
            if (page)
                result = Page(std::make_shared<const EncodedPullPage>(std::move(page).value()));
            else
                result = page.error();
        }
    } catch (...) {
        // Nothing here throws on purpose; waiters must never wait forever all the same.
        result = Error {ErrorCode::Storage, u"building the pull page failed"_s};
    }

    lock.relock();
    mine->done = true;
    mine->clock = builtAt;
    mine->result = result;
    ++m_stats.builds;
    auto it = m_slots.find(key);
    if (it != m_slots.end() && it->building == mine) {
        Slot &slot = *it;
        slot.building.reset();
        if (result && builtAt > slot.pageClock) {
            m_stats.bytes -= slot.bytes;
            slot.page = *result;
            slot.pageClock = builtAt;
            slot.builtAtMs = m_age.elapsed();
            slot.bytes = slot.page->memoryBytes();
            m_stats.bytes += slot.bytes;
            if (slot.inLru) {
                m_lru.splice(m_lru.begin(), m_lru, slot.lru);
            } else {
                m_lru.push_front(key);
                slot.lru = m_lru.begin();
                slot.inLru = true;
            }
        } else if (!slot.page) {
            m_slots.erase(it);
        }
        evictOverBudget();
    }
    m_stats.entries = m_slots.size();
    m_built.wakeAll();
    if (!result)
        return result.error();
    return Served {*result, true};
}

void PullPageCache::evictOverBudget()
{
    while (m_stats.bytes > m_budget && !m_lru.empty()) {
        const Key oldest = m_lru.back();
        m_lru.pop_back();
        ++m_stats.evictions;
        auto it = m_slots.find(oldest);
        if (it == m_slots.end())
            continue;
        m_stats.bytes -= it->bytes;
        if (it->building) {
            it->page.reset();
            it->pageClock = -1;
            it->bytes = 0;
            it->inLru = false;
        } else {
            m_slots.erase(it);
        }
    }
}

PullPageCache::Stats PullPageCache::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats s = m_stats;
    s.entries = m_slots.size();
    return s;
}

void PullPageCache::clear()
{
    QMutexLocker lock(&m_mutex);
    // Slots with a build in flight stay (their builder finds them); kept pages go.
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if (it->building) {
            it->page.reset();
            it->pageClock = -1;
            it->bytes = 0;
            it->inLru = false;
            ++it;
        } else {
            it = m_slots.erase(it);
        }
    }
    m_lru.clear();
    m_stats.bytes = 0;
}

} // namespace karvan::hq::sync
