#include "rawsqlite.h"

#include <QElapsedTimer>
#include <QFile>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

namespace rawsqlite {

namespace {

void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "raw sqlite: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(2);
    }
}

sqlite3 *openFresh(const QString &path, const char *synchronous)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QString::fromLatin1(suffix));
    sqlite3 *db = nullptr;
    check(sqlite3_open(path.toUtf8().constData(), &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr), db, "wal");
    const QByteArray sync = QByteArray("PRAGMA synchronous=") + synchronous;
    check(sqlite3_exec(db, sync.constData(), nullptr, nullptr, nullptr), db, "synchronous");
    return db;
}

// A text id that sorts by creation order, like UUIDv7, without Karvan's generator.
QByteArray sequentialId(qint64 n)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "0190a5c4-%04llx-7%03llx-8000-%012llx", (n >> 24) & 0xffff,
                  (n >> 12) & 0xfff, n & 0xffffffffffffLL);
    return QByteArray(buf);
}

} // namespace

BulkInsertFigure bulkInsertCustomers(const QString &path, qint64 rows)
{
    sqlite3 *db = openFresh(path, "NORMAL");
    check(sqlite3_exec(db,
                       "CREATE TABLE customer(id TEXT PRIMARY KEY, code TEXT, name TEXT NOT NULL,"
                       " territory TEXT, phone TEXT, city TEXT, notes TEXT, credit_limit INTEGER,"
                       " currency TEXT, archived INTEGER NOT NULL DEFAULT 0)",
                       nullptr, nullptr, nullptr),
          db, "create");
    sqlite3_stmt *stmt = nullptr;
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO customer(id, code, name, territory, phone, city, notes,"
                             " credit_limit, currency) VALUES(?,?,?,?,?,?,?,?,?)",
                             -1, &stmt, nullptr),
          db, "prepare");
    QElapsedTimer timer;
    timer.start();
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    for (qint64 i = 0; i < rows; ++i) {
        const QByteArray id = sequentialId(i);
        const QByteArray code = "C" + QByteArray::number(100000 + i);
        const QByteArray name = "Customer trading company number " + QByteArray::number(i);
        sqlite3_bind_text(stmt, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, code.constData(), int(code.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 4, "TR-IST", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, "+90 212 555 0101", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 6, "Istanbul", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 7, "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 8, 500000);
        sqlite3_bind_text(stmt, 9, "USD", -1, SQLITE_STATIC);
        check(sqlite3_step(stmt), db, "insert");
        sqlite3_reset(stmt);
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    BulkInsertFigure figure {rows, timer.nsecsElapsed() / 1e9};
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return figure;
}

struct OrderShapedWriter::Handles
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *order = nullptr;
    sqlite3_stmt *line = nullptr;
    sqlite3_stmt *outbox = nullptr;
    QByteArray payload = QByteArray(400, 'x');
};

OrderShapedWriter::OrderShapedWriter(const QString &path, int lines)
    : m_handles(new Handles)
    , m_lines(lines)
{
    sqlite3 *db = openFresh(path, "FULL");
    m_handles->db = db;
    check(sqlite3_exec(db,
                       "CREATE TABLE sales_order(id TEXT PRIMARY KEY, customer_id TEXT, date TEXT,"
                       " status TEXT, net INTEGER, tax INTEGER, total INTEGER, currency TEXT);"
                       "CREATE TABLE order_line(order_id TEXT, line_no INTEGER, sku TEXT,"
                       " qty INTEGER, unit TEXT, unit_price INTEGER, net INTEGER, tax INTEGER,"
                       " PRIMARY KEY(order_id, line_no));"
                       "CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " mutation_id TEXT UNIQUE, entity TEXT, entity_id TEXT, payload BLOB);",
                       nullptr, nullptr, nullptr),
          db, "create");
    check(sqlite3_prepare_v2(db, "INSERT INTO sales_order VALUES(?,?,?,?,?,?,?,?)", -1,
                             &m_handles->order, nullptr),
          db, "prepare order");
    check(sqlite3_prepare_v2(db, "INSERT INTO order_line VALUES(?,?,?,?,?,?,?,?)", -1,
                             &m_handles->line, nullptr),
          db, "prepare line");
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO outbox(mutation_id, entity, entity_id, payload)"
                             " VALUES(?,?,?,?)",
                             -1, &m_handles->outbox, nullptr),
          db, "prepare outbox");
}

OrderShapedWriter::~OrderShapedWriter()
{
    sqlite3_finalize(m_handles->order);
    sqlite3_finalize(m_handles->line);
    sqlite3_finalize(m_handles->outbox);
    sqlite3_close(m_handles->db);
    delete m_handles;
}

double OrderShapedWriter::commitNext()
{
    sqlite3 *db = m_handles->db;
    sqlite3_stmt *order = m_handles->order, *line = m_handles->line, *outbox = m_handles->outbox;
    const qint64 i = m_next++;
    const QByteArray id = sequentialId(i);
    const QByteArray mutation = sequentialId(1000000000 + i);
    QElapsedTimer timer;
    timer.start();
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_bind_text(order, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(order, 2, "0190a5c4-0000-7000-8000-000000000001", -1, SQLITE_STATIC);
    sqlite3_bind_text(order, 3, "2026-11-22", -1, SQLITE_STATIC);
    sqlite3_bind_text(order, 4, "pending_sync", -1, SQLITE_STATIC);
    sqlite3_bind_int64(order, 5, 10000);
    sqlite3_bind_int64(order, 6, 2000);
    sqlite3_bind_int64(order, 7, 12000);
    sqlite3_bind_text(order, 8, "USD", -1, SQLITE_STATIC);
    check(sqlite3_step(order), db, "order");
    sqlite3_reset(order);
    for (int l = 1; l <= m_lines; ++l) {
        sqlite3_bind_text(line, 1, id.constData(), int(id.size()), SQLITE_STATIC);
        sqlite3_bind_int(line, 2, l);
        sqlite3_bind_text(line, 3, "BEV-00123", -1, SQLITE_STATIC);
        sqlite3_bind_int64(line, 4, 12000);
        sqlite3_bind_text(line, 5, "ea", -1, SQLITE_STATIC);
        sqlite3_bind_int64(line, 6, 250);
        sqlite3_bind_int64(line, 7, 3000);
        sqlite3_bind_int64(line, 8, 600);
        check(sqlite3_step(line), db, "line");
        sqlite3_reset(line);
    }
    sqlite3_bind_text(outbox, 1, mutation.constData(), int(mutation.size()), SQLITE_STATIC);
    sqlite3_bind_text(outbox, 2, "order", -1, SQLITE_STATIC);
    sqlite3_bind_text(outbox, 3, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_blob(outbox, 4, m_handles->payload.constData(), int(m_handles->payload.size()),
                      SQLITE_STATIC);
    check(sqlite3_step(outbox), db, "outbox");
    sqlite3_reset(outbox);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    return timer.nsecsElapsed() / 1e3;
}

QList<double> orderShapedTransactions(const QString &path, int count, int lines)
{
    OrderShapedWriter writer(path, lines);
    QList<double> micros;
    micros.reserve(count);
    for (int i = 0; i < count; ++i)
        micros.append(writer.commitNext());
    return micros;
}

} // namespace rawsqlite
