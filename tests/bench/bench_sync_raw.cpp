#include "bench_sync_raw.h"

#include "bench_sync_process.h"

#include <QFile>
#include <QSet>

#include <sqlite3.h>

#include <memory>
#include <vector>

namespace karvan::bench {

using namespace Qt::StringLiterals;

namespace {

struct DbCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

struct StmtFinalizer
{
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

Error sqliteError(sqlite3 *db, const QString &what)
{
    return makeError(ErrorCode::Storage,
                     u"raw SQLite: %1: %2"_s.arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

Result<Stmt> prepare(sqlite3 *db, const QByteArray &sql)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &s, nullptr) != SQLITE_OK)
        return sqliteError(db, QString::fromUtf8(sql));
    return Stmt(s);
}

Result<void> exec(sqlite3 *db, const QByteArray &sql)
{
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(db, QString::fromUtf8(sql));
    return {};
}

QByteArray quoted(const QByteArray &name)
{
    QByteArray q = name;
    q.replace('"', "\"\"");
    return '"' + q + '"';
}

struct TableSchema
{
    QByteArray name;
    QByteArray sql;
    bool isVirtual = false;
};

struct Schema
{
    QList<TableSchema> tables; // in creation order
    QList<QByteArray> indexes; // CREATE INDEX statements of those tables
};

Result<Schema> readSchema(sqlite3 *db, const QStringList &skip)
{
    auto stmt = prepare(db,
                        "SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "WHERE sql IS NOT NULL ORDER BY rowid");
    if (!stmt)
        return stmt.error();
    struct Entry
    {
        QByteArray type, name, table, sql;
    };
    QList<Entry> entries;
    QSet<QByteArray> virtualTables;
    for (int rc; (rc = sqlite3_step(stmt->get())) == SQLITE_ROW;) {
        auto text = [&](int i) {
            return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt->get(), i)));
        };
        Entry e {text(0), text(1), text(2), text(3)};
        if (e.type == "table" && e.sql.toUpper().startsWith("CREATE VIRTUAL TABLE"))
            virtualTables.insert(e.name);
        entries.append(e);
    }
    QSet<QByteArray> excluded;
    for (const QString &s : skip)
        excluded.insert(s.toUtf8());
    // FTS5's shadow tables are created by CREATE VIRTUAL TABLE and filled through it.
    for (const QByteArray &v : std::as_const(virtualTables)) {
        for (const char *suffix : {"_data", "_idx", "_content", "_docsize", "_config"})
            excluded.insert(v + suffix);
    }
    Schema schema;
    for (const Entry &e : std::as_const(entries)) {
        if (e.name.startsWith("sqlite_") || excluded.contains(e.table))
            continue;
        if (e.type == "table")
            schema.tables.append({e.name, e.sql, virtualTables.contains(e.name)});
        else if (e.type == "index")
            schema.indexes.append(e.sql);
    }
    return schema;
}

Result<Db> openDb(const QString &path, int flags)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        return makeError(ErrorCode::Storage,
                         u"raw SQLite: cannot open %1: %2"_s.arg(
                             path, QString::fromUtf8(raw ? sqlite3_errmsg(raw) : "out of memory")));
    return db;
}

// One column value, as SQLite stores it.
struct Value
{
    int type = SQLITE_NULL;
    qint64 integer = 0;
    double real = 0;
    QByteArray bytes;
};

struct TableRows
{
    TableSchema table;
    QList<QByteArray> columns;
    std::vector<Value> values; // row-major, columns.size() per row
    qint64 rows = 0;
};

Result<TableRows> readTable(sqlite3 *db, const TableSchema &table)
{
    TableRows out;
    out.table = table;
    const QByteArray sql
        = (table.isVirtual ? "SELECT rowid, * FROM " : "SELECT * FROM ") + quoted(table.name);
    auto stmt = prepare(db, sql);
    if (!stmt)
        return stmt.error();
    const int n = sqlite3_column_count(stmt->get());
    for (int i = 0; i < n; ++i)
        out.columns.append(QByteArray(sqlite3_column_name(stmt->get(), i)));
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
        for (int i = 0; i < n; ++i) {
            Value v;
            v.type = sqlite3_column_type(stmt->get(), i);
            if (v.type == SQLITE_INTEGER) {
                v.integer = sqlite3_column_int64(stmt->get(), i);
            } else if (v.type == SQLITE_FLOAT) {
                v.real = sqlite3_column_double(stmt->get(), i);
            } else if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB) {
                const void *p = v.type == SQLITE_TEXT ? sqlite3_column_text(stmt->get(), i)
                                                      : sqlite3_column_blob(stmt->get(), i);
                const int len = sqlite3_column_bytes(stmt->get(), i);
                v.bytes = QByteArray(static_cast<const char *>(p), len);
            }
            out.values.push_back(std::move(v));
        }
        ++out.rows;
    }
    if (rc != SQLITE_DONE)
        return sqliteError(db, u"reading "_s + QString::fromUtf8(table.name));
    return out;
}

} // namespace

Result<qint64> countDeviceRows(const QString &sourcePath, const QStringList &skip)
{
    auto db = openDb(sourcePath, SQLITE_OPEN_READONLY);
    if (!db)
        return db.error();
    auto schema = readSchema(db->get(), skip);
    if (!schema)
        return schema.error();
    qint64 total = 0;
    for (const TableSchema &t : std::as_const(schema->tables)) {
        auto stmt = prepare(db->get(), "SELECT count(*) FROM " + quoted(t.name));
        if (!stmt)
            return stmt.error();
        if (sqlite3_step(stmt->get()) == SQLITE_ROW)
            total += sqlite3_column_int64(stmt->get(), 0);
    }
    return total;
}

Result<RawReplayFigure> replayDeviceRows(const QString &sourcePath, const QString &targetPath,
                                         const QStringList &skip)
{
    // 1. Everything in memory (not timed).
    auto opened = openDb(sourcePath, SQLITE_OPEN_READONLY);
    if (!opened)
        return opened.error();
    Db source = std::move(opened).value();
    auto schema = readSchema(source.get(), skip);
    if (!schema)
        return schema.error();
    std::vector<TableRows> data;
    for (const TableSchema &t : std::as_const(schema->tables)) {
        auto rows = readTable(source.get(), t);
        if (!rows)
            return rows.error();
        data.push_back(std::move(rows).value());
    }
    source.reset(); // closed before the timed part

    // 2. A fresh database with the same tables and indexes, as the device opens its store.
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(targetPath + suffix);
    auto target = openDb(targetPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!target)
        return target.error();
    sqlite3 *db = target->get();
    for (const QByteArray &sql :
         {QByteArray("PRAGMA journal_mode=WAL"), QByteArray("PRAGMA foreign_keys=ON"),
          QByteArray("PRAGMA synchronous=NORMAL")}) {
        if (auto r = exec(db, sql); !r)
            return r.error();
    }
    for (const TableSchema &t : std::as_const(schema->tables)) {
        if (auto r = exec(db, t.sql); !r)
            return r.error();
    }
    for (const QByteArray &sql : std::as_const(schema->indexes)) {
        if (auto r = exec(db, sql); !r)
            return r.error();
    }

    // 3. Timed: one transaction, one prepared INSERT per table.
    RawReplayFigure figure;
    const qint64 started = monotonicNs();
    if (auto r = exec(db, "BEGIN"); !r)
        return r.error();
    // Rows go in table by table in creation order; the foreign keys are checked at COMMIT.
    if (auto r = exec(db, "PRAGMA defer_foreign_keys=ON"); !r)
        return r.error();
    for (const TableRows &t : data) {
        QByteArray sql = "INSERT INTO " + quoted(t.table.name) + '(';
        QByteArray params;
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            sql += (i ? "," : "") + quoted(t.columns.at(i));
            params += i ? ",?" : "?";
        }
        sql += ") VALUES(" + params + ')';
        auto stmt = prepare(db, sql);
        if (!stmt)
            return stmt.error();
        sqlite3_stmt *s = stmt->get();
        const int n = int(t.columns.size());
        for (qint64 row = 0; row < t.rows; ++row) {
            const Value *v = t.values.data() + row * n;
            for (int i = 0; i < n; ++i) {
                switch (v[i].type) {
                case SQLITE_INTEGER:
                    sqlite3_bind_int64(s, i + 1, v[i].integer);
                    break;
                case SQLITE_FLOAT:
                    sqlite3_bind_double(s, i + 1, v[i].real);
                    break;
                case SQLITE_TEXT:
                    sqlite3_bind_text(s, i + 1, v[i].bytes.constData(), int(v[i].bytes.size()),
                                      SQLITE_STATIC);
                    break;
                case SQLITE_BLOB:
                    sqlite3_bind_blob(s, i + 1, v[i].bytes.constData(), int(v[i].bytes.size()),
                                      SQLITE_STATIC);
                    break;
                default:
                    sqlite3_bind_null(s, i + 1);
                }
            }
            if (sqlite3_step(s) != SQLITE_DONE)
                return sqliteError(db, u"inserting into "_s + QString::fromUtf8(t.table.name));
            sqlite3_reset(s);
        }
        figure.rows += t.rows;
        figure.tables.append({QString::fromUtf8(t.table.name), t.rows});
    }
    if (auto r = exec(db, "COMMIT"); !r)
        return r.error();
    figure.seconds = (monotonicNs() - started) / 1e9;
    return figure;
}

} // namespace karvan::bench
