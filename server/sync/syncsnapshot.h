#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

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
// transaction (REPEATABLE READ on PostgreSQL).
Result<SyncSnapshot> buildSnapshot(Database &db, const std::optional<QStringList> &scopes,
                                   const QString &dir);

// The snapshots of one HQ process, per scope set. Single-flight: concurrent requests for the
// same scope set wait for one build. A snapshot is served while younger than maxAge (a stale
// one is harmless: the device pulls what changed since its cursor); after a rebuild the
// previous file stays downloadable for keepRetired, then is deleted.
class SnapshotCache
{
public:
    // The process's cache for db (one per database URL).
    static SnapshotCache &forDatabase(Database &db);

    struct Settings
    {
        qint64 maxAgeSeconds = 600;
        qint64 keepRetiredSeconds = 1800;
        qint64 chunkBytes = 8 * 1024 * 1024; // most bytes per GET
    };
    Settings settings() const;
    void setSettings(const Settings &settings);

    // The current snapshot of scopes, building it when there is none or it is too old.
    Result<SyncSnapshot> snapshotFor(Database &db, const std::optional<QStringList> &scopes);
    // A snapshot still downloadable (current or retired), by id.
    std::optional<SyncSnapshot> find(const QString &id);
    QString directory() const { return m_dir; }

private:
    explicit SnapshotCache(QString dir);
    void purgeLocked();

    struct Entry
    {
        bool building = false;
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
};

} // namespace sync
} // namespace karvan::hq

namespace karvan::hq::http {
class HqServer;
// POST /v1/sync/snapshot and GET /v1/sync/snapshot/{id} (snapshotroutes.cpp).
void addSnapshotRoutes(HqServer &server);
} // namespace karvan::hq::http
