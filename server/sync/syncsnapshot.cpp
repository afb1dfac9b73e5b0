#include "sync/syncsnapshot.h"

#include "engine/rowapplier.h"
#include "engine/snapshotbootstrap.h"
#include "storage/database.h"
#include "store/localstore.h"
#include "sync/changefeed.h"
#include "sync/hqclock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <map>
#include <memory>

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
                                   const QString &dir)
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

    karvan::sync::Hlc newest = hqClock().now();
    {
        auto opened = LocalStore::open(buildPath);
        if (!opened)
            return opened.error();
        std::unique_ptr<LocalStore> store = std::move(opened).value();
        snap.schemaVersion = LocalStore::latestSchemaVersion();
        // The builder is no device: no field of any row is "its own", so no conflict arises.
        const QString builderId = QUuid::createUuid().toString(QUuid::WithoutBraces);

        ReadTransaction read(db);
        if (auto r = read.begin(); !r) {
            store.reset();
            cleanUp();
            return r.error();
        }
        ChangeFeed feed(db);
        QByteArray cursor;
        Result<void> built;
        {
            LocalStore::BulkLoad bulk(*store);
            while (true) {
                auto page = feed.read(scopes, cursor, 5000);
                if (!page) {
                    built = page.error();
                    break;
                }
                karvan::sync::RowApplier applier(*store, builderId);
                built = store->transaction([&]() -> Result<void> {
                    for (const karvan::sync::RowChange &c : std::as_const(page->changes)) {
                        newest = std::max(newest, c.hlc);
                        auto r = applier.apply(c);
                        if (r)
                            continue;
                        // As the device's pull: an unreadable row is skipped, never fatal.
                        if (r.error().code == ErrorCode::Storage)
                            return r;
                        ++snap.unreadable;
                    }
                    return applier.flush();
                });
                if (!built)
                    break;
                snap.records += applier.counts().upserts + applier.counts().tombstones;
                if (!page->nextCursor.isEmpty())
                    cursor = page->nextCursor;
                if (!page->hasMore)
                    break;
            }
        }
        if (built)
            built = read.commit();
        if (!built) {
            store.reset();
            cleanUp();
            return built.error();
        }
        if (cursor.isEmpty()) {
            // An empty feed: the cursor of "nothing yet" is the one an empty read returns.
            auto page = feed.read(scopes, {}, 1);
            if (page)
                cursor = page->nextCursor;
        }
        snap.cursor = cursor;
        snap.newestHlc = newest.toString();
        snap.builtAt = QDateTime::currentDateTimeUtc();

        const QString meta = karvan::sync::snapshotfile::MetaTable;
        Result<void> r = store->exec(
            u"CREATE TABLE %1 (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s.arg(meta));
        const QList<std::pair<QString, QString>> values {
            {u"cursor"_s, QString::fromLatin1(cursor.toBase64())},
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
        store.reset();
        removeFiles(buildPath);
        for (const QString &bak :
             QDir(dir).entryList({u"snap-"_s + snap.id + u".build.sqlite.*"_s}))
            QFile::remove(QDir(dir).filePath(bak));
        if (!r) {
            cleanUp();
            return r.error();
        }
    }

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
    qInfo("sync snapshot %s: %lld records, %lld bytes (%s, %lld raw) in %.2f s",
          qPrintable(snap.id), snap.records, snap.size, qPrintable(snap.encoding), snap.rawSize,
          snap.buildSeconds);
    return snap;
}

SnapshotCache &SnapshotCache::forDatabase(Database &db)
{
    static QMutex mutex;
    static std::map<QString, std::unique_ptr<SnapshotCache>> caches;
    const QString dir = cacheDirFor(db);
    QMutexLocker lock(&mutex);
    auto it = caches.find(dir);
    if (it == caches.end()) {
        std::unique_ptr<SnapshotCache> cache(new SnapshotCache(dir));
        it = caches.emplace(dir, std::move(cache)).first;
    }
    return *it->second;
}

SnapshotCache::SnapshotCache(QString dir)
    : m_dir(std::move(dir))
{
    m_settings.maxAgeSeconds
        = envInteger("KARVAN_HQ_SNAPSHOT_MAX_AGE", m_settings.maxAgeSeconds, 0);
    m_settings.chunkBytes = std::min<qint64>(
        envInteger("KARVAN_HQ_SNAPSHOT_CHUNK", m_settings.chunkBytes, 1), 8 * 1024 * 1024);
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

Result<SyncSnapshot> SnapshotCache::snapshotFor(Database &db,
                                                const std::optional<QStringList> &scopes)
{
    const QString key = snapshotScopeKey(scopes);
    QMutexLocker lock(&m_mutex);
    purgeLocked();
    while (true) {
        Entry &entry = m_entries[key];
        if (entry.building) {
            m_built.wait(&m_mutex);
            continue;
        }
        if (entry.current
            && entry.current->builtAt.secsTo(QDateTime::currentDateTimeUtc())
                < m_settings.maxAgeSeconds
            && QFileInfo::exists(entry.current->path))
            return *entry.current;
        entry.building = true;
        break;
    }
    lock.unlock();
    auto built = buildSnapshot(db, scopes, m_dir);
    lock.relock();
    Entry &entry = m_entries[key];
    entry.building = false;
    if (built) {
        if (entry.current)
            m_retired.append({*entry.current, QDateTime::currentDateTimeUtc()});
        entry.current = *built;
    }
    m_built.wakeAll();
    return built;
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
