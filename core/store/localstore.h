#pragma once

#include "domain/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

namespace karvan {

class LocalStore;

// One schema step: brings the database from version - 1 to version. Runs inside the
// transaction LocalStore::migrate opens for it; user_version is bumped in the same transaction.
struct MigrationStep
{
    int version = 0;
    QString description;
    std::function<Result<void>(LocalStore &store)> apply;
};

// The steps that build the device schema, in order (see migrations.cpp for what each adds).
QList<MigrationStep> schemaMigrations();

// The device's SQLite database, opened through Qt Sql on a connection of its own.
//
// Durability: the connection runs journal_mode=WAL and synchronous=FULL, so every committed
// transaction (in particular each one that appends to the outbox) survives power loss.
// Initial and demo loads may open a BulkLoad scope, which drops to synchronous=NORMAL (a
// power cut may lose the last transactions, never corrupt the file) until the scope ends;
// the outbox refuses appends while a BulkLoad is active.
//
// A LocalStore and everything that uses it (repositories, queries) belong to one thread.
class LocalStore
{
public:
    struct Options
    {
        bool migrate = true; // bring the schema to the latest version on open
        int busyTimeoutMs = 5000; // how long SQLite waits for a lock before SQLITE_BUSY
    };

    // Opens (creating if needed) the database at path. With Options::migrate (the default) the
    // schema is brought to latestSchemaVersion(), backing up an existing database first.
    // A database written by a newer Karvan is refused and left untouched.
    static Result<std::unique_ptr<LocalStore>> open(const QString &path);
    static Result<std::unique_ptr<LocalStore>> open(const QString &path, const Options &options);
    ~LocalStore();

    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    static int latestSchemaVersion();

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase database() const;

    // PRAGMA user_version.
    Result<int> schemaVersion();
    // Migrates up to version (<= latestSchemaVersion()), one transaction per step. Before
    // touching a non-empty database it writes a copy with VACUUM INTO '<path>.v<N>.bak'.
    // Also the test hook for building a database at an older version.
    Result<void> migrateTo(int version);
    // The same with an explicit list of steps (tests inject a failing step this way).
    Result<void> migrate(const QList<MigrationStep> &steps, int targetVersion);
    // The backup written by the last migration, empty if none was needed.
    QString lastBackupPath() const { return m_lastBackupPath; }

    // Runs work in one transaction: commit when it returns ok, roll back when it returns an
    // error (or throws). The write lock is taken up front (BEGIN IMMEDIATE) and retried with
    // back-off while another connection holds it (SQLITE_BUSY), as is the commit. Nested calls
    // run in a SAVEPOINT: an inner error rolls back the inner work only, and the outer work
    // decides whether to propagate it.
    Result<void> transaction(const std::function<Result<void>()> &work);
    bool inTransaction() const { return m_depth > 0; }

    // A prepared statement for sql, prepared once per connection and reused (bind and exec
    // again). Callers must not hold on to it across another prepared(sql) call with the same
    // text while iterating results.
    Result<QSqlQuery *> prepared(const QString &sql);
    // Runs a one-off statement (DDL, PRAGMA).
    Result<void> exec(const QString &sql);
    // Reads a single value (PRAGMA x, SELECT count(*) ...).
    Result<QVariant> scalar(const QString &sql);

    // Scoped synchronous=NORMAL for initial and demo loads (see the class comment).
    class BulkLoad
    {
    public:
        explicit BulkLoad(LocalStore &store);
        ~BulkLoad();
        BulkLoad(const BulkLoad &) = delete;
        BulkLoad &operator=(const BulkLoad &) = delete;

    private:
        LocalStore &m_store;
    };
    bool inBulkLoad() const { return m_bulkDepth > 0; }

private:
    LocalStore(QString path, QString connectionName);
    Result<void> configure(const Options &options);
    Result<void> backupBeforeMigration(int fromVersion);
    Result<void> beginWithRetry();
    Result<void> commitWithRetry();
    void clearStatementCache();

    QString m_path;
    QString m_connectionName;
    QString m_lastBackupPath;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    int m_depth = 0;
    int m_savepointCounter = 0;
    int m_bulkDepth = 0;
};

} // namespace karvan
