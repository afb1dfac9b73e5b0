#include "sync/syncsnapshot.h"

#include "engine/rowapplier.h"
#include "engine/snapshotbootstrap.h"
#include "storage/database.h"
#include "store/localstore.h"
#include "sync/changefeed.h"
#include "sync/hqclock.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <thread>

namespace karvan::hq::sync {

using namespace Qt::StringLiterals;

namespace {

qint64 envInteger(const char *name, qint64 fallback, qint64 min)
{
    bool ok = false;
    const qint64 v = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && v >= min ? v : fallback;
}

QString cacheDirFor(const Database &db)
{
    if (db.backend() == Backend::Sqlite)
        return QFileInfo(db.url().path).absoluteFilePath() + u".snapshots"_s;
    const QByteArray tag
        = QCryptographicHash::hash(db.url().toDisplayString().toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(12);
    return QDir::temp().filePath(u"karvan-snapshots-"_s + QString::fromLatin1(tag));
}

void removeFiles(const QString &base)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(base + suffix);
}

QString sqlText(const QString &text)
{
    return u"'"_s + QString(text).replace(u'\'', u"''"_s) + u"'"_s;
}

// One consistent read of the feed on this thread's connection, without the write lock:
// SQLite's deferred BEGIN reads one WAL snapshot; PostgreSQL's REPEATABLE READ one MVCC one.
class ReadTransaction
{
public:
    explicit ReadTransaction(Database &db)
        : m_db(db)
    { }
    ~ReadTransaction()
    {
        if (m_open)
            (void)m_db.exec(u"ROLLBACK"_s);
    }
    Result<void> begin()
    {
        if (m_db.inTransaction())
            return makeError(ErrorCode::Storage, u"a snapshot is built outside a transaction"_s);
        const QString sql = m_db.backend() == Backend::Sqlite
            ? u"BEGIN DEFERRED"_s
            : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s;
        if (auto r = m_db.exec(sql); !r)
            return r.error();
        m_open = true;
        return {};
    }
    Result<void> commit()
    {
        m_open = false;
        if (auto r = m_db.exec(u"COMMIT"_s); !r)
            return r.error();
        return {};
    }

private:
    Database &m_db;
    bool m_open = false;
};

// Feed pages on their way from the thread reading the feed to the one applying them: at most
// two waiting, so the reader stays a page or two ahead and memory stays bounded.
class PageQueue
{
public:
    // False when the applier stopped (its error is the build's).
    bool push(ChangeFeed::Page page)
    {
        QMutexLocker lock(&m_mutex);
        while (m_pages.size() >= 2 && !m_aborted)
            m_changed.wait(&m_mutex);
        if (m_aborted)
            return false;
        m_pages.push_back(std::move(page));
        m_changed.wakeAll();
        return true;
    }
    // The next page; none at the end of the feed or when the build stopped (then aborted()).
    std::optional<ChangeFeed::Page> pop()
    {
        QMutexLocker lock(&m_mutex);
        while (m_pages.empty() && !m_finished && !m_aborted)
            m_changed.wait(&m_mutex);
        if (m_aborted || m_pages.empty())
            return std::nullopt;
        ChangeFeed::Page page = std::move(m_pages.front());
        m_pages.pop_front();
        m_changed.wakeAll();
        return page;
    }
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_changed.wakeAll();
    }
    void abort()
    {
        QMutexLocker lock(&m_mutex);
        m_aborted = true;
        m_changed.wakeAll();
    }
    bool aborted() const
    {
        QMutexLocker lock(&m_mutex);
        return m_aborted;
    }

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<ChangeFeed::Page> m_pages;
    bool m_finished = false;
    bool m_aborted = false;
};

// The reading half of a build: the scope's feed to its end in one read transaction, into
// queue; sets snap's cursor, newest HLC and build time before it returns.
Result<void> readPages(Database &db, const std::optional<QStringList> &scopes,
                       const std::function<bool()> &cancelled, PageQueue &queue, SyncSnapshot &snap)
{
    karvan::sync::Hlc newest = hqClock().now();
    ReadTransaction read(db);
    if (auto r = read.begin(); !r)
        return r.error();
    ChangeFeed feed(db);
    QByteArray cursor;
    while (true) {
        if (cancelled && cancelled())
            return makeError(ErrorCode::Storage, u"the snapshot build was cancelled"_s);
        auto page = feed.read(scopes, cursor, 5000);
        if (!page)
            return page.error();
        for (const karvan::sync::RowChange &c : std::as_const(page->changes))
            newest = std::max(newest, c.hlc);
        if (!page->nextCursor.isEmpty())
            cursor = page->nextCursor;
        const bool more = page->hasMore;
        if (!queue.push(std::move(page).value()))
            return {}; // the applier's error is the build's
        if (!more)
            break;
    }
    if (auto r = read.commit(); !r)
        return r.error();
    if (cursor.isEmpty()) {
        // An empty feed: the cursor of "nothing yet" is the one an empty read returns.
        auto page = feed.read(scopes, {}, 1);
        if (page)
            cursor = page->nextCursor;
    }
    snap.cursor = cursor;
    snap.newestHlc = newest.toString();
    snap.builtAt = QDateTime::currentDateTimeUtc();
    return {};
}

// The applying half: the queue's pages into a device store at buildPath (the device's own
// code), then its metadata, and a compact copy of it at sqlitePath. Counts snap's records.
Result<void> applyPages(PageQueue &queue, const QString &buildPath, const QString &sqlitePath,
                        SyncSnapshot &snap)
{
    auto opened = LocalStore::open(buildPath);
    if (!opened)
        return opened.error();
    std::unique_ptr<LocalStore> store = std::move(opened).value();
    // The builder is no device: no field of any row is "its own", so no conflict arises.
    const QString builderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        LocalStore::BulkLoad bulk(*store);
        while (auto page = queue.pop()) {
            karvan::sync::RowApplier applier(*store, builderId);
            // As the device's pull: an unreadable row is skipped, never fatal.
            Result<void> built = store->transaction([&]() -> Result<void> {
                return applier.applyPage(page->changes, &snap.unreadable);
            });
            if (!built)
                return built;
            snap.records += applier.counts().upserts + applier.counts().tombstones;
        }
    }
    if (queue.aborted())
        return makeError(ErrorCode::Storage, u"the snapshot build stopped"_s);

    // The reader set these before it finished the queue.
    const QString meta = karvan::sync::snapshotfile::MetaTable;
    Result<void> r
        = store->exec(u"CREATE TABLE %1 (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s.arg(meta));
    const QList<std::pair<QString, QString>> values {
        {u"cursor"_s, QString::fromLatin1(snap.cursor.toBase64())},
        {u"newest_hlc"_s, snap.newestHlc},
        {u"records"_s, QString::number(snap.records)},
        {u"scope_key"_s, snap.scopeKey},
        {u"built_at"_s, snap.builtAt.toString(Qt::ISODateWithMs)},
    };
    for (const auto &[key, value] : values) {
        if (!r)
            break;
        r = store->exec(u"INSERT INTO %1 (key, value) VALUES (%2, %3)"_s.arg(meta, sqlText(key),
                                                                             sqlText(value)));
    }
    if (r)
        r = store->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    if (r)
        r = store->exec(u"VACUUM INTO "_s + sqlText(sqlitePath));
    return r;
}

} // namespace

QString snapshotScopeKey(const std::optional<QStringList> &scopes)
{
    if (!scopes)
        return u"*"_s;
    QStringList list = *scopes;
    list.removeAll(QString());
    list.sort();
    list.removeDuplicates();
    return list.join(u'\n');
}

Result<SyncSnapshot> buildSnapshot(Database &db, const std::optional<QStringList> &scopes,
                                   const QString &dir, const std::function<bool()> &cancelled)
{
    QElapsedTimer timer;
    timer.start();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Storage, u"cannot create the snapshot folder "_s + dir);
    SyncSnapshot snap;
    snap.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    snap.scopeKey = snapshotScopeKey(scopes);
    const QString base = QDir(dir).filePath(u"snap-"_s + snap.id);
    const QString buildPath = base + u".build.sqlite"_s;
    const QString sqlitePath = base + u".sqlite"_s;
    const QString zlibPath = base + u".z"_s;

    auto cleanUp = [&]() {
        removeFiles(buildPath);
        removeFiles(sqlitePath);
        QFile::remove(zlibPath);
    };

    // The feed is read on this thread (its connection holds the read transaction) while a
    // thread of the build's own applies the pages already read into the device-format file. A
    // build's time was about half each (perf on the large demo set: ChangeFeed::read 43%, the
    // RowApplier 37%), so together they take about as long as the longer half.
    snap.schemaVersion = LocalStore::latestSchemaVersion();
    PageQueue queue;
    Result<void> applied;
    std::thread applying([&]() {
        applied = applyPages(queue, buildPath, sqlitePath, snap);
        if (!applied)
            queue.abort();
        // The store's files (and any backup SQLite left) go; the VACUUM INTO copy stays.
        removeFiles(buildPath);
        for (const QString &bak :
             QDir(dir).entryList({u"snap-"_s + snap.id + u".build.sqlite.*"_s}))
            QFile::remove(QDir(dir).filePath(bak));
    });
    const Result<void> reading = readPages(db, scopes, cancelled, queue, snap);
    if (reading)
        queue.finish();
    else
        queue.abort();
    applying.join();
    if (!reading || !applied) {
        cleanUp();
        return !reading ? reading.error() : applied.error();
    }

    const double pipelineSeconds = double(timer.nsecsElapsed()) / 1e9;

    // Compressed once, here, for every download of it; kept raw when that does not pay.
    snap.rawSize = QFileInfo(sqlitePath).size();
    QByteArray sha;
    auto compressed = karvan::sync::snapshotfile::deflateFile(sqlitePath, zlibPath, &sha);
    if (!compressed) {
        cleanUp();
        return compressed.error();
    }
    if (*compressed < snap.rawSize * 9 / 10) {
        removeFiles(sqlitePath);
        snap.path = zlibPath;
        snap.encoding = u"zlib"_s;
        snap.size = *compressed;
        snap.sha256 = sha;
    } else {
        QFile::remove(zlibPath);
        auto rawSha = karvan::sync::snapshotfile::sha256OfFile(sqlitePath, &snap.size);
        if (!rawSha) {
            cleanUp();
            return rawSha.error();
        }
        snap.path = sqlitePath;
        snap.encoding = u"identity"_s;
        snap.sha256 = *rawSha;
    }
    snap.buildSeconds = double(timer.nsecsElapsed()) / 1e9;
    qInfo("sync snapshot %s: %lld records, %lld bytes (%s, %lld raw) in %.2f s (feed read and "
          "applied, compacted: %.2f s; compressed: %.2f s)",
          qPrintable(snap.id), snap.records, snap.size, qPrintable(snap.encoding), snap.rawSize,
          snap.buildSeconds, pipelineSeconds, snap.buildSeconds - pipelineSeconds);
    return snap;
}

namespace {

struct CacheRegistry
{
    QMutex mutex;
    std::map<QString, std::unique_ptr<SnapshotCache>> caches;
};

CacheRegistry &cacheRegistry()
{
    static CacheRegistry registry;
    return registry;
}

} // namespace

SnapshotCache &SnapshotCache::forDatabase(Database &db)
{
    const QString dir = cacheDirFor(db);
    CacheRegistry &registry = cacheRegistry();
    QMutexLocker lock(&registry.mutex);
    auto it = registry.caches.find(dir);
    if (it == registry.caches.end()) {
        std::unique_ptr<SnapshotCache> cache(new SnapshotCache(dir));
        it = registry.caches.emplace(dir, std::move(cache)).first;
    }
    return *it->second;
}

void SnapshotCache::stopBuilds(Database &db)
{
    QList<SnapshotCache *> caches;
    {
        CacheRegistry &registry = cacheRegistry();
        QMutexLocker lock(&registry.mutex);
        for (const auto &[dir, cache] : registry.caches)
            caches.append(cache.get());
    }
    for (SnapshotCache *cache : std::as_const(caches))
        cache->cancelAndWait(db);
}

SnapshotCache::SnapshotCache(QString dir)
    : m_dir(std::move(dir))
{
    m_settings.maxAgeSeconds
        = envInteger("KARVAN_HQ_SNAPSHOT_MAX_AGE", m_settings.maxAgeSeconds, 0);
    m_settings.chunkBytes = std::min<qint64>(
        envInteger("KARVAN_HQ_SNAPSHOT_CHUNK", m_settings.chunkBytes, 1), 8 * 1024 * 1024);
    m_settings.waitSeconds
        = std::min<qint64>(envInteger("KARVAN_HQ_SNAPSHOT_WAIT", m_settings.waitSeconds, 0), 25);
    m_builders.setMaxThreadCount(1);
    // Files a previous process left behind, unless recent (another process on the same
    // database may still serve them).
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-m_settings.keepRetiredSeconds);
    QDir d(m_dir);
    for (const QFileInfo &f : d.entryInfoList({u"snap-*"_s}, QDir::Files)) {
        if (f.lastModified().toUTC() < old)
            QFile::remove(f.absoluteFilePath());
    }
}

SnapshotCache::Settings SnapshotCache::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void SnapshotCache::setSettings(const Settings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
}

void SnapshotCache::purgeLocked()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = m_retired.size() - 1; i >= 0; --i) {
        if (m_retired.at(i).retiredAt.secsTo(now) >= m_settings.keepRetiredSeconds) {
            QFile::remove(m_retired.at(i).snapshot.path);
            m_retired.removeAt(i);
        }
    }
}

SnapshotCache::~SnapshotCache()
{
    m_builders.waitForDone();
}

bool SnapshotCache::isFreshLocked(const SyncSnapshot &snap) const
{
    return snap.builtAt.secsTo(QDateTime::currentDateTimeUtc()) < m_settings.maxAgeSeconds;
}

void SnapshotCache::startBuildLocked(Database &db, const QString &key,
                                     const std::optional<QStringList> &scopes)
{
    Entry &entry = m_entries[key];
    if (entry.building || m_cancelled.contains(&db))
        return;
    entry.building = true;
    ++m_buildsOn[&db];
    Database *database = &db;
    m_builders.start([this, database, key, scopes]() {
        const auto cancelled = [this, database]() {
            QMutexLocker lock(&m_mutex);
            return m_cancelled.contains(database);
        };
        Result<SyncSnapshot> built = cancelled()
            ? Result<SyncSnapshot>(
                makeError(ErrorCode::Storage, u"the snapshot build was cancelled"_s))
            : buildSnapshot(*database, scopes, m_dir, cancelled);
        // Pool threads expire: never leave a connection behind on one.
        database->releaseThreadConnection();
        QMutexLocker lock(&m_mutex);
        Entry &done = m_entries[key];
        done.building = false;
        ++done.builds;
        if (built) {
            if (done.current)
                m_retired.append({*done.current, QDateTime::currentDateTimeUtc()});
            done.current = *built;
            done.lastError.clear();
        } else {
            done.lastError = built.errorMessage();
            qWarning("sync snapshot of scope set \"%s\" not built: %s",
                     qPrintable(QString(key).replace(u'\n', u',')), qPrintable(done.lastError));
        }
        if (--m_buildsOn[database] <= 0)
            m_buildsOn.remove(database);
        m_built.wakeAll();
    });
}

void SnapshotCache::cancelAndWait(Database &db)
{
    QMutexLocker lock(&m_mutex);
    m_cancelled.insert(&db);
    while (m_buildsOn.value(&db) > 0)
        m_built.wait(&m_mutex);
    m_cancelled.remove(&db);
}

SnapshotCache::Lookup SnapshotCache::snapshotFor(Database &db,
                                                 const std::optional<QStringList> &scopes)
{
    const QString key = snapshotScopeKey(scopes);
    QMutexLocker lock(&m_mutex);
    purgeLocked();
    {
        Entry &entry = m_entries[key];
        if (entry.current && QFileInfo::exists(entry.current->path)) {
            if (!isFreshLocked(*entry.current))
                startBuildLocked(db, key, scopes);
            return {entry.current, false, {}};
        }
        entry.current.reset();
    }
    startBuildLocked(db, key, scopes);
    if (!m_entries[key].building)
        return {std::nullopt, false, u"HQ is stopping"_s};
    const quint64 ended = m_entries[key].builds + 1;
    QDeadlineTimer deadline(m_settings.waitSeconds * 1000);
    while (true) {
        // Looked up again after every wait: other scope sets' entries may have been added.
        const Entry &entry = m_entries[key];
        if (entry.builds >= ended) {
            if (entry.current)
                return {entry.current, false, {}};
            return {std::nullopt, false, entry.lastError};
        }
        if (deadline.hasExpired())
            return {std::nullopt, true, {}};
        m_built.wait(&m_mutex, deadline);
    }
}

void SnapshotCache::prepare(Database &db, const std::optional<QStringList> &scopes)
{
    const QString key = snapshotScopeKey(scopes);
    QMutexLocker lock(&m_mutex);
    const Entry &entry = m_entries[key];
    if (entry.current && QFileInfo::exists(entry.current->path) && isFreshLocked(*entry.current))
        return;
    startBuildLocked(db, key, scopes);
}

std::optional<SyncSnapshot> SnapshotCache::find(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    purgeLocked();
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.current && entry.current->id == id)
            return entry.current;
    }
    for (const Retired &r : std::as_const(m_retired)) {
        if (r.snapshot.id == id)
            return r.snapshot;
    }
    return std::nullopt;
}

} // namespace karvan::hq::sync
