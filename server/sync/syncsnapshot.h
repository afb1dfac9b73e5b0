#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <optional>

namespace karvan::hq {

class Database;

namespace sync {

// A bootstrap snapshot (docs/sync-protocol.md section 12): the device-format SQLite file a fresh
// device of one scope set would hold after pulling the feed to its end, and the feed cursor it
// corresponds to. Built with the device's own code (LocalStore + RowApplier) from one
// consistent read of the feed, so it is what the paged pull would give, by construction.
struct SyncSnapshot
{
    QString id; // random, names the file to download
    QString scopeKey; // the scope set it is of
    QString path; // the file served (zlib stream or raw SQLite)
    QString encoding; // "zlib" or "identity"
    qint64 size = 0; // of the file served
    QByteArray sha256; // hex, of the file served
    qint64 rawSize = 0; // of the SQLite file
    int schemaVersion = 0; // device schema version
    QByteArray cursor;
    QString newestHlc;
    qint64 records = 0; // feed records applied (upserts and tombstones)
    qint64 unreadable = 0; // feed rows the device code could not read (skipped, as a pull does)
    QDateTime builtAt;
    double buildSeconds = 0;
};

// The scope set as a key: the sorted, de-duplicated scopes; "*" for everything.
QString snapshotScopeKey(const std::optional<QStringList> &scopes);

// Builds the snapshot of scopes into dir (files "snap-<id>.*"), reading db in one read
// transaction (REPEATABLE READ on PostgreSQL). cancelled, when given, is asked between feed
// pages; true stops the build (its files are removed) with an error.
Result<SyncSnapshot> buildSnapshot(Database &db, const std::optional<QStringList> &scopes,
                                   const QString &dir, const std::function<bool()> &cancelled = {});

// The snapshots of one HQ process, per scope set. Builds run in the background on a pool of
// their own (one thread: a build is a long, CPU-bound read), never on a request's worker:
// single-flight, so concurrent requests for the same scope set share one build, and a request
// waits for a build at most waitSeconds, then gets "building" (the device pulls page by page).
// A snapshot is served while younger than maxAge; an older one is still served at once (it is
// harmless: the device pulls what changed since its cursor) while a fresh one is built. After
// a rebuild the previous file stays downloadable for keepRetired, then is deleted.
class SnapshotCache
{
public:
    // The process's cache for db (one per database URL).
    static SnapshotCache &forDatabase(Database &db);
    // Cancels the builds running or queued on db (of every cache) and waits for them: before db
    // is closed. Later requests may start builds again.
    static void stopBuilds(Database &db);

    struct Settings
    {
        qint64 maxAgeSeconds = 600; // KARVAN_HQ_SNAPSHOT_MAX_AGE
        qint64 keepRetiredSeconds = 1800;
        qint64 chunkBytes = 8 * 1024 * 1024; // most bytes per GET; KARVAN_HQ_SNAPSHOT_CHUNK
        // The longest a request waits for a build (KARVAN_HQ_SNAPSHOT_WAIT): under the devices'
        // 30 s request timeout, so a long build answers "building" rather than time out.
        qint64 waitSeconds = 25;
    };
    Settings settings() const;
    void setSettings(const Settings &settings);

    struct Lookup
    {
        std::optional<SyncSnapshot> snapshot; // the one to serve
        bool building = false; // none yet: a build is running (did not end within the wait)
        QString error; // none: the build failed
    };
    // The snapshot of scopes to serve now. With none, starts a build (unless one runs) and waits
    // for it up to waitSeconds; with a stale one, serves it and starts a build.
    Lookup snapshotFor(Database &db, const std::optional<QStringList> &scopes);
    // Starts a build of scopes in the background when there is no snapshot or it is stale (a
    // rep who just signed in is about to sync a fresh device); returns at once.
    void prepare(Database &db, const std::optional<QStringList> &scopes);
    // A snapshot still downloadable (current or retired), by id.
    std::optional<SyncSnapshot> find(const QString &id);
    QString directory() const { return m_dir; }

    ~SnapshotCache();

private:
    explicit SnapshotCache(QString dir);
    void purgeLocked();
    bool isFreshLocked(const SyncSnapshot &snap) const;
    // Starts a build of key unless one is running; m_mutex is held.
    void startBuildLocked(Database &db, const QString &key,
                          const std::optional<QStringList> &scopes);
    void cancelAndWait(Database &db);

    struct Entry
    {
        bool building = false;
        quint64 builds = 0; // builds ended (a waiter's build ended when this moves on)
        QString lastError; // of the last build, empty when it succeeded
        std::optional<SyncSnapshot> current;
    };
    struct Retired
    {
        SyncSnapshot snapshot;
        QDateTime retiredAt;
    };

    QString m_dir;
    mutable QMutex m_mutex;
    QWaitCondition m_built;
    Settings m_settings;
    QHash<QString, Entry> m_entries;
    QList<Retired> m_retired;
    QThreadPool m_builders;
    QHash<Database *, int> m_buildsOn; // builds queued or running, per database
    QSet<Database *> m_cancelled; // databases being stopped: their builds end at the next page
};

} // namespace sync
} // namespace karvan::hq

namespace karvan::hq::http {
class HqServer;
// POST /v1/sync/snapshot and GET /v1/sync/snapshot/{id} (snapshotroutes.cpp).
void addSnapshotRoutes(HqServer &server);
} // namespace karvan::hq::http
