#pragma once

#include "domain/result.h"
#include "storage/databaseurl.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace karvan::hq {

// The HQ database, on SQLite or PostgreSQL, through Qt Sql (QSQLITE / QPSQL).
//
// Qt Sql connections belong to the thread that opened them, and the HQ serves requests on
// several threads, so a Database hands every thread a connection of its own, named after this
// instance and the thread. A thread that is about to finish calls releaseThreadConnection();
// whatever remains is closed with the Database.
//
// SQLite connections run journal_mode=WAL, synchronous=FULL (a committed transaction survives
// power loss), foreign_keys=ON and a busy_timeout, and take the write lock when a transaction
// begins (BEGIN IMMEDIATE), so two writers never deadlock on a lock upgrade.
class Database
{
public:
    struct Options
    {
        int busyTimeoutMs = 10000; // SQLite: how long to wait for another writer's lock
        int connectTimeoutS = 10; // PostgreSQL: how long to wait for the server
        // SQLite: how much of the file each connection may memory-map (PRAGMA mmap_size). It
        // pays for one connection doing bulk work (init --demo, imports). A server's many
        // connections want 0: when any connection commits, SQLite unmaps every other
        // connection's whole mapping at its next read, which then faults its pages in again
        // (bench_concurrency, 1,000 devices on the large set: p99 8.9 s and 4.5 GB RSS with
        // 1 GiB, 4.8 s and 1.0 GB with 0).
        qint64 sqliteMmapBytes = qint64(1) << 30;
    };

    // Opens the database and checks that this thread can connect; does not migrate
    // (see migrations.h).
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url);
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &url);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Backend backend() const { return m_url.backend; }
    const DatabaseUrl &url() const { return m_url; }

    // This thread's connection, opened on first use.
    Result<QSqlDatabase> connection();
    // Closes this thread's connection (call before a worker thread ends).
    void releaseThreadConnection();

    // Prepares and runs sql on this thread's connection with positional '?' bindings. The
    // returned query is positioned before the first row.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &bindings = {});
    // The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &bindings = {});
    // Runs sql with positional bindings and calls onRow for every row, on a statement prepared
    // once per connection and kept for the next call with the same sql (parsing a statement
    // costs more than running most of the ERP's; see docs/benchmarks.md). The statement is
    // reset before this returns, so it holds no read snapshot. A call from inside onRow with
    // the same sql gets a statement of its own.
    // Returns the number of rows an INSERT, UPDATE or DELETE changed.
    Result<int> run(const QString &sql, const QVariantList &bindings = {},
                    const std::function<void(const QSqlQuery &)> &onRow = {});

    // Runs work in one transaction on this thread's connection: commit when it returns ok, roll
    // back when it returns an error or throws. SQLite takes the write lock up front (BEGIN
    // IMMEDIATE); PostgreSQL runs READ COMMITTED, so work that must serialize with other
    // writers locks a row (SELECT ... FOR UPDATE) or an advisory lock. Nested calls run in a
    // SAVEPOINT: an inner error rolls back the inner work only. On PostgreSQL a top-level
    // transaction aborted by a deadlock or a serialization failure is retried (up to 8 times),
    // so work must not have effects outside the database that a second run would repeat.
    Result<void> transaction(const std::function<Result<void>()> &work);
    // A deadlock or serialization failure: nothing was written, running again may succeed.
    static bool isTransientConflict(const Error &error);
    bool inTransaction() const;
    // A process-unique number of this thread's current transaction, 0 outside one. It changes
    // when a transaction begins and when any of its savepoints rolls back (what was written
    // after the savepoint, locks included, is gone), so per-transaction caches can key on it.
    quint64 transactionSerial() const;

    // Unique per Database object in this process (never reused): tells caches apart.
    quint64 instanceId() const { return m_instance; }
    // Whether table exists (used by migrations and tests).
    Result<bool> tableExists(const QString &table);

private:
    Database(DatabaseUrl url, Options options);
    QString threadConnectionName() const;
    Result<void> openConnection(const QString &name);
    Result<void> execPlain(const QString &sql);
    Result<void> topLevelTransaction(const std::function<Result<void>()> &work,
                                     const std::function<void(int)> &setDepth,
                                     const std::function<void()> &newSerial);

    DatabaseUrl m_url;
    Options m_options;
    quint64 m_instance = 0;
    struct CachedStatement
    {
        QSqlQuery query;
        bool prepared = false;
        bool inUse = false;
    };
    // Prepared statements of one connection, by sql; dropped with the connection.
    using StatementCache = QHash<QString, std::shared_ptr<CachedStatement>>;

    // SQLite: top-level transactions of this process queue here before BEGIN IMMEDIATE. SQLite's
    // own busy handler sleeps in growing steps (up to 100 ms) while another connection writes,
    // holding the worker thread and adding its sleep to every waiter's latency; a mutex hands
    // the lock over the moment the writer commits. Other processes still wait in busy_timeout.
    QMutex m_writer;
    mutable QMutex m_mutex; // guards the members below
    QStringList m_connectionNames;
    QHash<QString, StatementCache> m_statements; // per connection
    QHash<QString, int> m_depth; // transaction depth per connection
    QHash<QString, quint64> m_serial; // transactionSerial() per connection
};

// Converts a failed QSqlQuery/QSqlDatabase into a Storage error with the driver's reason.
Error storageError(const QString &what, const QSqlError &error);

} // namespace karvan::hq
