#pragma once

#include "domain/result.h"
#include "engine/transport.h"
#include "hlc.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace karvan {
class LocalStore;
}

namespace karvan::sync {

// The bootstrap snapshot (docs/sync-protocol.md section 12): HQ builds, once per scope set, the
// SQLite file a fresh device of that scope would hold after pulling to the end (with the
// device's own schema and RowApplier), and a fresh device downloads it in resumable chunks and
// copies its synced tables in one transaction instead of decoding and applying every row.
namespace snapshotfile {

// The device tables RowApplier writes (server rows), parents first. Exactly these are copied
// from a snapshot; device-local tables (outbox, sync_state, local_reservations, conflicts,
// attachments, opportunities) never are.
QStringList syncedTables();
// The FTS5 tables among them: copied with their rowid (= customers.seq / products.seq).
bool isSearchTable(const QString &table);

// The snapshot's own metadata table (key, value): cursor (base64), newest_hlc, records,
// scope_key, built_at. Not part of the device schema; never copied.
inline const QString MetaTable = QStringLiteral("karvan_snapshot");

// zlib (RFC 1950) stream compression of a file into another, level 6; sha256 (hex) of what was
// written goes to *sha256Hex. inflate refuses to write more than maxOutputBytes (a bomb) and a
// stream that is truncated or has trailing bytes.
Result<qint64> deflateFile(const QString &from, const QString &to, QByteArray *sha256Hex);
Result<qint64> inflateFile(const QString &from, const QString &to, qint64 maxOutputBytes);
// sha256 (hex, lower case) and size of a file.
Result<QByteArray> sha256OfFile(const QString &path, qint64 *size = nullptr);

} // namespace snapshotfile

// What HQ said about the snapshot of the caller's scope (POST /v1/sync/snapshot).
struct SnapshotMeta
{
    QString id;
    qint64 size = 0; // bytes to download
    QByteArray sha256; // hex, of those bytes
    QString encoding; // "zlib" or "identity"
    qint64 rawSize = 0; // the SQLite file's size once inflated
    int schemaVersion = 0; // the device schema version of the file
    qint64 chunkSize = 0; // the most bytes HQ sends per GET
    qint64 records = 0;

    static Result<SnapshotMeta> fromJson(const QByteArray &json);
    QByteArray toJson() const;
};

// Downloads and installs a snapshot on a fresh device. The download goes to
// <profile dir>/snapshot-<id>.part (its metadata beside it in .json), so an interrupted
// download resumes from the bytes already there at the next attempt.
class SnapshotBootstrap
{
public:
    enum class Outcome {
        Installed, // the synced tables hold the snapshot; the cursor is the snapshot's
        Unavailable, // HQ has no snapshot for this device (refused, old HQ): use paged pulls
    };
    struct Result_
    {
        Outcome outcome = Outcome::Unavailable;
        QString reason; // why Unavailable
        qint64 records = 0; // feed records the snapshot holds
        qint64 rows = 0; // table rows copied
        qint64 bytes = 0; // downloaded in this attempt
        Hlc newestHlc;
    };

    SnapshotBootstrap(LocalStore &store, SyncTransport &transport, QString deviceId);

    // At most this many bytes per GET (HQ caps it too); tests cut a download with small chunks.
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    // Called after every chunk with (bytes on disk, bytes in all).
    void setProgress(std::function<void(qint64, qint64)> progress)
    {
        m_progress = std::move(progress);
    }
    // Returning false stops at the named point ("snapshot.chunk") with an error.
    void setFaultHook(std::function<bool(const QString &)> hook) { m_faultHook = std::move(hook); }

    // Fresh: empty cursor, no rows in any synced table, nothing pending or sent in the outbox.
    static Result<bool> isFresh(LocalStore &store, const QString &cursorKey);
    // Deletes every snapshot download (part files, their metadata, an inflated file) in the
    // store's folder: on wipe and sign-in (they belong to the previous session's scope) and once
    // the device is no longer fresh (they can no longer be installed).
    static void discardDownloads(const LocalStore &store);

    // An injected fault or a local storage failure is an Error (the partial download stays for
    // the next attempt). No answer to the request for a snapshot, a refusal by HQ, a download
    // cut short by the network (its bytes stay for the next attempt) or a snapshot that cannot
    // be used is Unavailable: the engine then pulls page by page, so a link too slow for the
    // snapshot's chunks still syncs.
    Result<Result_> run(const QString &cursorKey);

private:
    Result<SnapshotMeta> requestMeta(QString *unavailable);
    // *gone: HQ no longer has it (404); *interrupted: why the download stopped short (a
    // transport failure or another refusal: the bytes so far stay for the next attempt).
    Result<void> download(const SnapshotMeta &meta, const QString &partPath, Result_ &out,
                          bool *gone, QString *interrupted);
    Result<qint64> install(const QString &sqlitePath, const QString &cursorKey, Hlc *newest);
    QString profileDir() const;
    void removeDownloads() const;

    LocalStore &m_store;
    SyncTransport &m_transport;
    QString m_deviceId;
    qint64 m_chunkBytes = 8 * 1024 * 1024;
    std::function<void(qint64, qint64)> m_progress;
    std::function<bool(const QString &)> m_faultHook;
};

} // namespace karvan::sync
