#pragma once

// Pull answers shared by the devices that ask the same question (docs/sync-protocol.md 5.4).
//
// Devices of one scope set that start from the same cursor get the same page as long as the
// feed has not changed: under load (1,000 devices, six scope sets) rebuilding it per device
// (feed read, row loading, CBOR encoding, deflate) was most of HQ's CPU. A page is encoded and
// compressed once and kept with the feed clock (sync_feed_clock) read before it was built.
//
// Exactness. A request that read clock C is answered as built by a page built at clock >= C:
// everything committed before the request is in it and nothing uncommitted (one process, or
// several HQ processes on one PostgreSQL database alike). While such a page is being built by
// another request, a kept page of the same question built at an older clock is answered with
// has_more = true: it is a true prefix of the feed after the cursor as of a committed state,
// like any page of a multi-page sync, and has_more makes the device pull again at once from
// its next_cursor, where every row changed since comes (the feed never skips). A round only
// ends on a page with has_more false, which is always exact for its request. This is what lets
// devices keep moving while pushes change the feed many times a second. The same holds for a
// page built less than a second ago (olderWindowMs) when nobody builds: the device pulls the
// few rows changed since as a small page of their own instead of a rebuild of the whole one.
//
// has_more and server_hlc are per response and are not in the cached bytes: the page keeps its
// CBOR body without them and the deflate stream of it ending on a sync flush; each response
// appends has_more and server_hlc (the map's last two entries) as a final stored deflate block
// and the Adler-32 of the whole body, which makes one valid zlib stream (RFC 1950/1951); the
// message decodes to what encode(PullResponse) would send.

#include "domain/result.h"
#include "protocol/messages.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <list>
#include <memory>

namespace karvan::hq::sync {

struct EncodedPullPage
{
    QByteArray body; // the CBOR body without has_more and server_hlc (a map announcing 5
                     // entries); empty when only the compressed form is kept
    qsizetype bodySize = 0;
    QByteArray deflated; // zlib header + deflate(body) ending on a sync flush; empty: not
                         // compressed (too small, or compression does not pay)
    quint32 adler = 1; // Adler-32 of body
    bool hasMore = false; // as built
    qsizetype changes = 0;
    qint64 memoryBytes() const { return body.size() + deflated.size() + 128; }
};

// Encodes response (its serverHlc is ignored) once, compressed as encode() would compress it.
// An error only if the protocol encoder's layout changed (tst_pullpagecache checks it).
Result<EncodedPullPage> encodePullPage(const karvan::sync::PullResponse &response);
// The whole wire message (envelope included) of page with this has_more and server_hlc.
QByteArray pullPageWire(const EncodedPullPage &page, bool hasMore,
                        const karvan::sync::Hlc &serverHlc);

class PullPageCache
{
public:
    struct Key
    {
        QString scopes; // the reader's scope set, sorted, or "*" for every scope
        QByteArray cursor;
        int limit = 0; // the effective batch size
        // The database the page was read from (Database::instanceId()): two databases' feeds
        // share cursors and clock values (a copy of one HQ file, the simulation's seeds), and a
        // page of one must never answer for the other.
        quint64 database = 0;
        bool operator==(const Key &other) const
        {
            return limit == other.limit && database == other.database && cursor == other.cursor
                && scopes == other.scopes;
        }
    };
    using Page = std::shared_ptr<const EncodedPullPage>;
    struct Served
    {
        Page page;
        bool exact = true; // built at a clock >= the request's; false: answer has_more = true
    };
    using ClockReader = std::function<Result<qint64>()>;
    using Builder = std::function<Result<EncodedPullPage>()>;

    // olderWindowMs: how long after its build a page may still be served not exact when no
    // build is in flight (0: only while another request builds the exact page).
    explicit PullPageCache(qint64 budgetBytes = 64LL << 20, qint64 olderWindowMs = 1000);

    // The page for key as of feed clock `clock` (read by the caller before asking) or later: a
    // kept page built at a clock >= clock, else a new one: readClock() then build(), both on the
    // caller's connection. Concurrent callers of one key share one build; while one builds, a
    // kept older page is served not exact (see above) instead of waiting. Errors are returned
    // to the callers of that build and not kept.
    Result<Served> get(const Key &key, qint64 clock, const ClockReader &readClock,
                       const Builder &build);

    struct Stats
    {
        qint64 hits = 0; // answered from a kept page
        qint64 shared = 0; // answered by a build another request ran
        qint64 older = 0; // answered with an older page and has_more while another built
        qint64 builds = 0;
        qint64 evictions = 0;
        qint64 bytes = 0;
        qint64 entries = 0;
    };
    Stats stats() const;
    void clear();

    // The one HQ process-wide cache the sync routes use.
    static PullPageCache &shared();

private:
    struct Build;
    struct Slot
    {
        Page page;
        qint64 pageClock = -1;
        qint64 builtAtMs = 0; // on m_age
        qint64 bytes = 0;
        std::shared_ptr<Build> building; // the build in flight, if any
        std::list<Key>::iterator lru; // valid when inLru
        bool inLru = false;
    };
    void evictOverBudget();

    qint64 m_budget;
    qint64 m_olderWindowMs;
    QElapsedTimer m_age;
    mutable QMutex m_mutex;
    QWaitCondition m_built;
    QHash<Key, Slot> m_slots;
    std::list<Key> m_lru; // most recently used first
    Stats m_stats;
};

size_t qHash(const PullPageCache::Key &key, size_t seed = 0);

} // namespace karvan::hq::sync
