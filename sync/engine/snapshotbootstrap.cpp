#include "engine/snapshotbootstrap.h"

#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <zlib.h>

#include <algorithm>
#include <optional>

namespace karvan::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 IoBlock = 256 * 1024;
const QString FilePrefix = u"karvan-snapshot-"_s;
const QString SnapshotPath = u"/v1/sync/snapshot"_s;

Error fileError(const QString &what, const QFile &file)
{
    return makeError(ErrorCode::Storage,
                     u"%1 %2: %3"_s.arg(what, file.fileName(), file.errorString()));
}

QString quoted(const QString &identifier)
{
    return u"\""_s + QString(identifier).replace(u'"', u"\"\""_s) + u"\""_s;
}

Result<QStringList> columnsOf(QSqlDatabase db, const QString &schema, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA %1.table_info(%2)"_s.arg(schema, quoted(table))))
        return makeError(
            ErrorCode::Storage,
            u"cannot read the columns of %1.%2: %3"_s.arg(schema, table, q.lastError().text()));
    QStringList out;
    while (q.next())
        out.append(q.value(1).toString());
    return out;
}

} // namespace

namespace snapshotfile {

QStringList syncedTables()
{
    return {
        u"customers"_s,       u"customer_contacts"_s, u"customer_addresses"_s,
        u"customer_search"_s, u"products"_s,          u"product_units"_s,
        u"product_search"_s,  u"price_lists"_s,       u"price_list_entries"_s,
        u"price_tiers"_s,     u"customer_prices"_s,   u"promotions"_s,
        u"tax_rules"_s,       u"warehouses"_s,        u"stock_levels"_s,
        u"sales_documents"_s, u"document_lines"_s,    u"invoices"_s,
        u"payments"_s,        u"tickets"_s,           u"ticket_comments"_s,
        u"activities"_s,      u"field_versions"_s,
    };
}

bool isSearchTable(const QString &table)
{
    return table == u"customer_search"_s || table == u"product_search"_s;
}

Result<QByteArray> sha256OfFile(const QString &path, qint64 *size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(u"cannot read"_s, file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return fileError(u"cannot read"_s, file);
    if (size)
        *size = file.size();
    return hash.result().toHex();
}

Result<qint64> deflateFile(const QString &from, const QString &to, QByteArray *sha256Hex)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return fileError(u"cannot read"_s, in);
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fileError(u"cannot write"_s, out);
    z_stream z {};
    if (deflateInit(&z, 6) != Z_OK)
        return makeError(ErrorCode::Storage, u"zlib: cannot start compressing"_s);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray inBuf(IoBlock, Qt::Uninitialized);
    QByteArray outBuf(IoBlock, Qt::Uninitialized);
    qint64 written = 0;
    int flush = Z_NO_FLUSH;
    std::optional<Error> failure;
    while (flush != Z_FINISH) {
        const qint64 n = in.read(inBuf.data(), inBuf.size());
        if (n < 0) {
            failure = fileError(u"cannot read"_s, in);
            break;
        }
        flush = in.atEnd() ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = reinterpret_cast<Bytef *>(inBuf.data());
        z.avail_in = uInt(n);
        do {
            z.next_out = reinterpret_cast<Bytef *>(outBuf.data());
            z.avail_out = uInt(outBuf.size());
            (void)deflate(&z, flush);
            const qint64 have = outBuf.size() - qint64(z.avail_out);
            if (have > 0) {
                if (out.write(outBuf.constData(), have) != have) {
                    failure = fileError(u"cannot write"_s, out);
                    break;
                }
                hash.addData(QByteArrayView(outBuf.constData(), have));
                written += have;
            }
        } while (z.avail_out == 0);
        if (failure)
            break;
    }
    deflateEnd(&z);
    if (failure)
        return *failure;
    if (!out.flush())
        return fileError(u"cannot write"_s, out);
    if (sha256Hex)
        *sha256Hex = hash.result().toHex();
    return written;
}

Result<qint64> inflateFile(const QString &from, const QString &to, qint64 maxOutputBytes)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return fileError(u"cannot read"_s, in);
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fileError(u"cannot write"_s, out);
    z_stream z {};
    if (inflateInit(&z) != Z_OK)
        return makeError(ErrorCode::Storage, u"zlib: cannot start inflating"_s);
    QByteArray inBuf(IoBlock, Qt::Uninitialized);
    QByteArray outBuf(IoBlock, Qt::Uninitialized);
    qint64 written = 0;
    bool ended = false;
    Result<qint64> result = qint64(0);
    while (result && !ended) {
        const qint64 n = in.read(inBuf.data(), inBuf.size());
        if (n < 0) {
            result = fileError(u"cannot read"_s, in);
            break;
        }
        if (n == 0) {
            result = makeError(ErrorCode::InvalidArgument, u"the snapshot stream is truncated"_s);
            break;
        }
        z.next_in = reinterpret_cast<Bytef *>(inBuf.data());
        z.avail_in = uInt(n);
        while (z.avail_in > 0 && !ended) {
            z.next_out = reinterpret_cast<Bytef *>(outBuf.data());
            z.avail_out = uInt(outBuf.size());
            const int rc = inflate(&z, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                result = makeError(ErrorCode::InvalidArgument,
                                   u"the snapshot stream is invalid (zlib %1)"_s.arg(rc));
                break;
            }
            const qint64 have = outBuf.size() - qint64(z.avail_out);
            written += have;
            if (written > maxOutputBytes) {
                result = makeError(ErrorCode::InvalidArgument,
                                   u"the snapshot inflates past its announced size"_s);
                break;
            }
            if (have > 0 && out.write(outBuf.constData(), have) != have) {
                result = fileError(u"cannot write"_s, out);
                break;
            }
            ended = rc == Z_STREAM_END;
            if (rc == Z_OK && have == 0 && z.avail_in > 0) {
                result = makeError(ErrorCode::InvalidArgument, u"the snapshot stream stalls"_s);
                break;
            }
        }
        if (result && ended && (z.avail_in > 0 || !in.atEnd()))
            result = makeError(ErrorCode::InvalidArgument,
                               u"the snapshot stream has bytes after its end"_s);
    }
    inflateEnd(&z);
    if (!result)
        return result;
    if (!out.flush())
        return fileError(u"cannot write"_s, out);
    return written;
}

} // namespace snapshotfile

Result<SnapshotMeta> SnapshotMeta::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument, u"the snapshot description is not JSON"_s);
    const QJsonObject o = doc.object();
    SnapshotMeta m;
    m.id = o.value(u"snapshot_id"_s).toString();
    m.size = o.value(u"size"_s).toInteger(-1);
    m.sha256 = o.value(u"sha256"_s).toString().toLatin1();
    m.encoding = o.value(u"encoding"_s).toString();
    m.rawSize = o.value(u"raw_size"_s).toInteger(-1);
    m.schemaVersion = int(o.value(u"schema_version"_s).toInteger(-1));
    m.chunkSize = o.value(u"chunk_size"_s).toInteger(-1);
    m.records = o.value(u"records"_s).toInteger(0);
    static const QRegularExpression idPattern(u"^[0-9a-f-]{8,64}$"_s);
    static const QRegularExpression shaPattern(u"^[0-9a-f]{64}$"_s);
    if (!idPattern.match(m.id).hasMatch() || m.size <= 0 || m.rawSize <= 0 || m.chunkSize <= 0
        || !shaPattern.match(QString::fromLatin1(m.sha256)).hasMatch()
        || (m.encoding != u"zlib"_s && m.encoding != u"identity"_s))
        return makeError(ErrorCode::InvalidArgument,
                         u"the snapshot description is incomplete or malformed"_s);
    return m;
}

QByteArray SnapshotMeta::toJson() const
{
    return QJsonDocument(QJsonObject {{u"snapshot_id"_s, id},
                                      {u"size"_s, size},
                                      {u"sha256"_s, QString::fromLatin1(sha256)},
                                      {u"encoding"_s, encoding},
                                      {u"raw_size"_s, rawSize},
                                      {u"schema_version"_s, schemaVersion},
                                      {u"chunk_size"_s, chunkSize},
                                      {u"records"_s, records}})
        .toJson(QJsonDocument::Compact);
}

SnapshotBootstrap::SnapshotBootstrap(LocalStore &store, SyncTransport &transport, QString deviceId)
    : m_store(store)
    , m_transport(transport)
    , m_deviceId(std::move(deviceId))
{ }

QString SnapshotBootstrap::profileDir() const
{
    return QFileInfo(m_store.path()).absolutePath();
}

void SnapshotBootstrap::removeDownloads() const
{
    discardDownloads(m_store);
}

void SnapshotBootstrap::discardDownloads(const LocalStore &store)
{
    QDir dir(QFileInfo(store.path()).absolutePath());
    for (const QString &name : dir.entryList({FilePrefix + u"*"_s}, QDir::Files))
        dir.remove(name);
}

Result<bool> SnapshotBootstrap::isFresh(LocalStore &store, const QString &cursorKey)
{
    auto cursor = SyncStateRepository(store).value(cursorKey);
    if (!cursor)
        return cursor.error();
    if (!cursor->isEmpty())
        return false;
    auto pending = store.scalar(
        u"SELECT EXISTS (SELECT 1 FROM outbox WHERE state IN ('pending', 'sent'))"_s);
    if (!pending)
        return pending.error();
    if (pending->toBool())
        return false;
    for (const QString &table : snapshotfile::syncedTables()) {
        auto any = store.scalar(u"SELECT EXISTS (SELECT 1 FROM %1)"_s.arg(quoted(table)));
        if (!any)
            return any.error();
        if (any->toBool())
            return false;
    }
    return true;
}

Result<SnapshotMeta> SnapshotBootstrap::requestMeta(QString *unavailable)
{
    const QByteArray body
        = QJsonDocument(QJsonObject {{u"device_id"_s, m_deviceId},
                                     {u"schema_version"_s, LocalStore::latestSchemaVersion()}})
              .toJson(QJsonDocument::Compact);
    auto reply = m_transport.post(SnapshotPath, body, QByteArrayLiteral("application/json"));
    if (!reply)
        return reply.error();
    if (reply->httpStatus != 200) {
        const QJsonObject error
            = QJsonDocument::fromJson(reply->body).object().value(u"error"_s).toObject();
        *unavailable = u"HTTP %1 %2"_s.arg(reply->httpStatus)
                           .arg(error.value(u"message"_s).toString())
                           .trimmed();
        return SnapshotMeta();
    }
    auto meta = SnapshotMeta::fromJson(reply->body);
    if (!meta) {
        *unavailable = meta.errorMessage();
        return SnapshotMeta();
    }
    if (meta->schemaVersion != LocalStore::latestSchemaVersion()) {
        *unavailable
            = u"the snapshot has device schema %1, this device %2"_s.arg(meta->schemaVersion)
                  .arg(LocalStore::latestSchemaVersion());
        return SnapshotMeta();
    }
    return meta;
}

Result<void> SnapshotBootstrap::download(const SnapshotMeta &meta, const QString &partPath,
                                         Result_ &out, bool *gone, QString *interrupted)
{
    QFile part(partPath);
    if (!part.open(QIODevice::ReadWrite | QIODevice::Append))
        return fileError(u"cannot write"_s, part);
    if (part.size() > meta.size && !part.resize(0))
        return fileError(u"cannot truncate"_s, part);
    const qint64 chunk = std::max<qint64>(1, std::min(m_chunkBytes, meta.chunkSize));
    while (part.size() < meta.size) {
        const qint64 offset = part.size();
        QUrlQuery query;
        query.addQueryItem(u"offset"_s, QString::number(offset));
        query.addQueryItem(u"length"_s, QString::number(std::min(chunk, meta.size - offset)));
        auto reply = m_transport.get(SnapshotPath + u"/"_s + meta.id, query);
        if (!reply) {
            // A slow or broken link (a chunk outlasting the transfer timeout): the bytes so far
            // stay for the next round, and this round pulls page by page.
            *interrupted = u"the snapshot download stopped at byte %1: %2"_s.arg(offset).arg(
                reply.errorMessage());
            return {};
        }
        if (reply->httpStatus == 404) {
            // Gone (HQ dropped it, or restarted): start over with a new snapshot.
            *gone = true;
            return {};
        }
        if (reply->httpStatus != 200 || reply->body.isEmpty()) {
            // Busy, refused by a proxy, ...: keep the bytes, pull page by page this round.
            *interrupted = u"the snapshot download stopped at byte %1: HTTP %2"_s.arg(offset).arg(
                reply->httpStatus);
            return {};
        }
        const QByteArray bytes = reply->body.left(meta.size - offset);
        if (part.write(bytes) != bytes.size() || !part.flush())
            return fileError(u"cannot write"_s, part);
        out.bytes += reply->body.size();
        if (m_progress)
            m_progress(part.size(), meta.size);
        if (m_faultHook && !m_faultHook(u"snapshot.chunk"_s))
            return makeError(ErrorCode::Storage,
                             u"sync stopped at snapshot.chunk (injected fault)"_s);
    }
    return {};
}

Result<qint64> SnapshotBootstrap::install(const QString &sqlitePath, const QString &cursorKey,
                                          Hlc *newest)
{
    QSqlDatabase db = m_store.database();
    {
        QSqlQuery attach(db);
        attach.prepare(u"ATTACH DATABASE ? AS snap"_s);
        attach.addBindValue(sqlitePath);
        if (!attach.exec())
            return makeError(ErrorCode::Storage,
                             u"cannot open the snapshot: "_s + attach.lastError().text());
    }
    qint64 rows = 0;
    auto installed = [&]() -> Result<void> {
        auto version = m_store.scalar(u"PRAGMA snap.user_version"_s);
        if (!version)
            return version.error();
        if (version->toInt() != LocalStore::latestSchemaVersion())
            return makeError(
                ErrorCode::InvalidArgument,
                u"the snapshot file has device schema %1, this device %2"_s.arg(version->toInt())
                    .arg(LocalStore::latestSchemaVersion()));
        QHash<QString, QString> meta;
        {
            QSqlQuery q(db);
            if (!q.exec(u"SELECT key, value FROM snap.%1"_s.arg(snapshotfile::MetaTable)))
                return makeError(ErrorCode::InvalidArgument,
                                 u"the snapshot file has no metadata: "_s + q.lastError().text());
            while (q.next())
                meta.insert(q.value(0).toString(), q.value(1).toString());
        }
        const QString cursor = meta.value(u"cursor"_s);
        if (cursor.isEmpty())
            return makeError(ErrorCode::InvalidArgument, u"the snapshot file has no cursor"_s);
        if (auto hlc = Hlc::fromString(meta.value(u"newest_hlc"_s)))
            *newest = *hlc;

        LocalStore::BulkLoad bulk(m_store);
        // Foreign keys off for the copy (the pragma is a no-op inside a transaction, so around
        // it): SQLite then copies a table whose columns match its own record by record, index
        // entries included, instead of re-encoding every row and checking every reference
        // (its "transfer optimization"; 0.95 s instead of 2.57 s for a 269,279-record scope).
        // The snapshot was written by this same device code with foreign keys on, and its
        // checksum was verified.
        if (auto r = m_store.exec(u"PRAGMA foreign_keys = OFF"_s); !r)
            return r;
        const auto keysBackOn
            = qScopeGuard([&] { (void)m_store.exec(u"PRAGMA foreign_keys = ON"_s); });
        return m_store.transaction([&]() -> Result<void> {
            // Checked again under the write lock: nothing may have arrived meanwhile.
            auto fresh = isFresh(m_store, cursorKey);
            if (!fresh)
                return fresh.error();
            if (!*fresh)
                return makeError(ErrorCode::Conflict,
                                 u"the device is no longer fresh; not installing the snapshot"_s);
            for (const QString &table : snapshotfile::syncedTables()) {
                auto mine = columnsOf(db, u"main"_s, table);
                if (!mine)
                    return mine.error();
                auto theirs = columnsOf(db, u"snap"_s, table);
                if (!theirs)
                    return theirs.error();
                const QSet<QString> available(theirs->cbegin(), theirs->cend());
                QStringList columns;
                for (const QString &c : std::as_const(*mine)) {
                    if (!available.contains(c))
                        return makeError(ErrorCode::InvalidArgument,
                                         u"the snapshot's %1 has no column %2"_s.arg(table, c));
                    columns.append(quoted(c));
                }
                if (snapshotfile::isSearchTable(table))
                    columns.prepend(u"rowid"_s);
                const QString list = columns.join(u", "_s);
                // The same columns in the same order (the same schema version made both): the
                // form SQLite transfers record by record. Otherwise by column name.
                const bool same = *mine == *theirs && !snapshotfile::isSearchTable(table);
                QSqlQuery copy(db);
                if (!copy.exec(
                        same ? u"INSERT INTO main.%1 SELECT * FROM snap.%1"_s.arg(quoted(table))
                             : u"INSERT INTO main.%1 (%2) SELECT %2 FROM snap.%1"_s.arg(
                                 quoted(table), list)))
                    return makeError(ErrorCode::Storage,
                                     u"cannot copy %1 from the snapshot: %2"_s.arg(
                                         table, copy.lastError().text()));
                rows += std::max(0, copy.numRowsAffected());
            }
            return SyncStateRepository(m_store).setValue(cursorKey, cursor);
        });
    }();
    {
        QSqlQuery detach(db);
        (void)detach.exec(u"DETACH DATABASE snap"_s);
    }
    if (!installed)
        return installed.error();
    return rows;
}

Result<SnapshotBootstrap::Result_> SnapshotBootstrap::run(const QString &cursorKey)
{
    Result_ out;
    const QDir dir(profileDir());
    // A download under way from an earlier attempt: its metadata beside the part file.
    std::optional<SnapshotMeta> meta;
    for (const QString &name : dir.entryList({FilePrefix + u"*.json"_s}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            if (auto m = SnapshotMeta::fromJson(f.readAll());
                m && m->schemaVersion == LocalStore::latestSchemaVersion()) {
                meta = *m;
                break;
            }
        }
    }
    if (!meta)
        removeDownloads();

    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!meta) {
            QString unavailable;
            auto fresh = requestMeta(&unavailable);
            if (!fresh) {
                // HQ may still be building it (a large scope outlasts the request timeout):
                // pull page by page now; a real network failure stops that pull too.
                out.reason = fresh.errorMessage();
                return out;
            }
            if (!unavailable.isEmpty()) {
                out.reason = unavailable;
                return out;
            }
            meta = *fresh;
            QFile sidecar(dir.filePath(FilePrefix + meta->id + u".json"_s));
            if (!sidecar.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || sidecar.write(meta->toJson()) < 0 || !sidecar.flush())
                return fileError(u"cannot write"_s, sidecar);
        }
        const QString partPath = dir.filePath(FilePrefix + meta->id + u".part"_s);
        bool gone = false;
        QString interrupted;
        if (auto r = download(*meta, partPath, out, &gone, &interrupted); !r)
            return r.error();
        if (!interrupted.isEmpty()) {
            out.reason = interrupted;
            return out;
        }
        if (gone) {
            removeDownloads();
            meta.reset();
            out.reason = u"HQ no longer has the snapshot"_s;
            continue;
        }
        qint64 size = 0;
        auto sha = snapshotfile::sha256OfFile(partPath, &size);
        if (!sha)
            return sha.error();
        if (size != meta->size || *sha != meta->sha256) {
            removeDownloads();
            out.reason = u"the downloaded snapshot does not match its checksum"_s;
            return out;
        }
        const QString sqlitePath = dir.filePath(FilePrefix + meta->id + u".sqlite"_s);
        if (meta->encoding == u"zlib"_s) {
            auto inflated = snapshotfile::inflateFile(partPath, sqlitePath, meta->rawSize);
            if (!inflated || *inflated != meta->rawSize) {
                removeDownloads();
                if (!inflated && inflated.error().code == ErrorCode::Storage)
                    return inflated.error();
                out.reason = u"the snapshot does not inflate to its announced size"_s;
                return out;
            }
            QFile::remove(partPath);
        } else if (!QFile::rename(partPath, sqlitePath)) {
            removeDownloads();
            return makeError(ErrorCode::Storage, u"cannot rename the snapshot download"_s);
        }
        auto rows = install(sqlitePath, cursorKey, &out.newestHlc);
        removeDownloads();
        if (!rows) {
            if (rows.error().code == ErrorCode::Storage)
                return rows.error();
            out.reason = rows.errorMessage();
            return out;
        }
        out.outcome = Outcome::Installed;
        out.rows = *rows;
        out.records = meta->records;
        return out;
    }
    return out;
}

} // namespace karvan::sync
