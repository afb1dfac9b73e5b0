#include "store/localstore.h"

#include "store/sqlvalue.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace karvan {

using namespace Qt::StringLiterals;
using sqlvalue::storageError;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

bool isBusy(const QSqlError &error)
{
    // Qt reports SQLite's result code as text; extended codes keep the primary code in the
    // low byte (SQLITE_BUSY 5, SQLITE_LOCKED 6).
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

// Back-off between attempts to take the write lock: 10, 20, 40 ... 320 ms, about 5 s in all on
// top of busy_timeout.
constexpr int MaxLockAttempts = 20;
int backoffMs(int attempt)
{
    return 10 << std::min(attempt, 5);
}

// Checkpoints the WAL on a thread and a connection of its own, so that a commit costs the
// writer one fsync of the WAL and never a checkpoint. With SQLite's automatic checkpoint
// (every 1,000 WAL pages, run by the committing connection) about one order creation in 40
// also copied ~1,000 pages into the database file and fsynced it twice: that was the order
// creation p99 (issue 6). PASSIVE checkpoints never wait for or block readers and writers.
// A checkpoint runs after CheckpointCommits commits (an order is ~23 pages), or after each
// commit of a bulk load (an initial sync, a demo load: large commits, checkpointed while the
// next batch is built). Not after every small commit, and not on a timer: after each complete
// checkpoint the next writer restarts the WAL and syncs its header, a second fsync in that
// commit; one commit in 256 pays it (SQLite's own: one in ~43 orders). The writer keeps an
// automatic checkpoint at WriterCheckpointPages as a bound, should this thread fall behind or
// a long reader hold frames back; it then finds most frames already copied.
class WalCheckpointer
{
public:
    static constexpr int CheckpointCommits = 256;
    static constexpr int WriterCheckpointPages = 10000;

    explicit WalCheckpointer(QString path)
        : m_path(std::move(path))
    { }

    ~WalCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // After a commit, on the writer's thread: cheap (the thread starts on the first
    // checkpoint).
    void committed(bool bulkLoad)
    {
        {
            std::lock_guard lock(m_mutex);
            m_commits += bulkLoad ? CheckpointCommits : 1;
            if (m_commits < CheckpointCommits)
                return;
            if (!m_thread.joinable())
                m_thread = std::thread([this] { run(); });
        }
        m_wake.notify_one();
    }

private:
    void run()
    {
        const QString name
            = u"karvan-checkpoint-"_s + QString::number(s_connectionCounter.fetchAndAddRelaxed(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_path);
            const bool open = db.open();
            if (open) {
                // The checkpoint fsyncs the WAL before and the database after copying.
                QSqlQuery(db).exec(u"PRAGMA synchronous=FULL"_s);
            }
            std::unique_lock lock(m_mutex);
            for (;;) {
                m_wake.wait(lock, [this] { return m_stop || m_commits >= CheckpointCommits; });
                if (m_stop)
                    break;
                m_commits = 0;
                lock.unlock();
                if (open) {
                    // Failure is harmless (SQLITE_BUSY: another checkpoint is running; the
                    // writer's bound still holds); the next commit tries again.
                    QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
                }
                lock.lock();
            }
            lock.unlock();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    int m_commits = 0; // since the last checkpoint started
    bool m_stop = false;
};

// One checkpointer per open store, keyed by its connection name.
std::mutex s_checkpointersMutex;
std::map<QString, std::unique_ptr<WalCheckpointer>> s_checkpointers;

WalCheckpointer *checkpointerFor(const QString &connectionName)
{
    std::lock_guard lock(s_checkpointersMutex);
    auto it = s_checkpointers.find(connectionName);
    return it == s_checkpointers.end() ? nullptr : it->second.get();
}

} // namespace

LocalStore::LocalStore(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

LocalStore::~LocalStore()
{
    // Its connection closes first: the store's own close is then the last one, which
    // checkpoints and removes the WAL as before.
    std::unique_ptr<WalCheckpointer> checkpointer;
    {
        std::lock_guard lock(s_checkpointersMutex);
        auto it = s_checkpointers.find(m_connectionName);
        if (it != s_checkpointers.end()) {
            checkpointer = std::move(it->second);
            s_checkpointers.erase(it);
        }
    }
    checkpointer.reset();
    clearStatementCache();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int LocalStore::latestSchemaVersion()
{
    static const int latest = [] {
        int v = 0;
        for (const MigrationStep &step : schemaMigrations())
            v = std::max(v, step.version);
        return v;
    }();
    return latest;
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path)
{
    return open(path, Options {});
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path, const Options &options)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"no database path given"_s);
    const QString name
        = u"karvan-store-"_s + QString::number(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<LocalStore> store(new LocalStore(path, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return storageError(u"cannot open the local database "_s + path, db.lastError());
    }
    // The version is read before anything writes to the file, so a database from a newer
    // Karvan is left byte-for-byte as it was.
    auto version = store->schemaVersion();
    if (!version)
        return version.error();
    const int latest = latestSchemaVersion();
    if (*version > latest)
        return makeError(
            ErrorCode::Conflict,
            u"the local database %1 has schema version %2, newer than this version of "
            u"Karvan knows (%3); update the app, the database was not changed"_s.arg(path)
                .arg(*version)
                .arg(latest));
    if (auto r = store->configure(options); !r)
        return r.error();
    if (options.migrate) {
        if (auto r = store->migrateTo(latest); !r)
            return r.error();
    }
    return store;
}

Result<void> LocalStore::configure(const Options &options)
{
    auto mode = scalar(u"PRAGMA journal_mode=WAL"_s);
    if (!mode)
        return mode.error();
    if (mode->toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return makeError(
            ErrorCode::Storage,
            u"the local database could not switch to WAL mode (got %1)"_s.arg(mode->toString()));
    for (const QString &pragma :
         {u"PRAGMA foreign_keys=ON"_s, u"PRAGMA synchronous=FULL"_s,
          u"PRAGMA busy_timeout=%1"_s.arg(options.busyTimeoutMs),
          u"PRAGMA wal_autocheckpoint=%1"_s.arg(WalCheckpointer::WriterCheckpointPages)}) {
        if (auto r = exec(pragma); !r)
            return r;
    }
    std::lock_guard lock(s_checkpointersMutex);
    s_checkpointers[m_connectionName] = std::make_unique<WalCheckpointer>(m_path);
    return {};
}

Result<int> LocalStore::schemaVersion()
{
    auto v = scalar(u"PRAGMA user_version"_s);
    if (!v)
        return v.error();
    return v->toInt();
}

Result<void> LocalStore::exec(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return storageError(sql.left(60), query.lastError());
    return {};
}

Result<QVariant> LocalStore::scalar(const QString &sql)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return storageError(sql.left(60), query.lastError());
    QVariant value;
    if (query.next())
        value = query.value(0);
    return value;
}

Result<QSqlQuery *> LocalStore::prepared(const QString &sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return it.value().get();
    auto query = std::make_shared<QSqlQuery>(database());
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return storageError(u"cannot prepare "_s + sql.simplified().left(80), query->lastError());
    m_statements.insert(sql, query);
    return query.get();
}

void LocalStore::clearStatementCache()
{
    for (auto &q : m_statements)
        q->finish();
    m_statements.clear();
}

Result<void> LocalStore::beginWithRetry()
{
    for (int attempt = 0;; ++attempt) {
        QSqlQuery query(database());
        if (query.exec(u"BEGIN IMMEDIATE"_s))
            return {};
        if (!isBusy(query.lastError()) || attempt + 1 >= MaxLockAttempts)
            return storageError(u"cannot start a transaction"_s, query.lastError());
        QThread::msleep(backoffMs(attempt));
    }
}

Result<void> LocalStore::commitWithRetry()
{
    for (int attempt = 0;; ++attempt) {
        QSqlQuery query(database());
        if (query.exec(u"COMMIT"_s))
            return {};
        if (!isBusy(query.lastError()) || attempt + 1 >= MaxLockAttempts)
            return storageError(u"cannot commit"_s, query.lastError());
        QThread::msleep(backoffMs(attempt));
    }
}

Result<void> LocalStore::transaction(const std::function<Result<void>()> &work)
{
    if (m_depth > 0) {
        const QString savepoint = u"sp%1"_s.arg(++m_savepointCounter);
        if (auto r = exec(u"SAVEPOINT "_s + savepoint); !r)
            return r;
        ++m_depth;
        Result<void> result = makeError(ErrorCode::Storage, u"transaction aborted"_s);
        try {
            result = work();
        } catch (...) {
            --m_depth;
            (void)exec(u"ROLLBACK TO "_s + savepoint);
            (void)exec(u"RELEASE "_s + savepoint);
            throw;
        }
        --m_depth;
        if (!result) {
            (void)exec(u"ROLLBACK TO "_s + savepoint);
            (void)exec(u"RELEASE "_s + savepoint);
            return result;
        }
        if (auto r = exec(u"RELEASE "_s + savepoint); !r)
            return r;
        return {};
    }

    if (auto r = beginWithRetry(); !r)
        return r;
    m_depth = 1;
    Result<void> result = makeError(ErrorCode::Storage, u"transaction aborted"_s);
    try {
        result = work();
    } catch (...) {
        m_depth = 0;
        (void)exec(u"ROLLBACK"_s);
        throw;
    }
    m_depth = 0;
    if (!result) {
        (void)exec(u"ROLLBACK"_s);
        return result;
    }
    if (auto r = commitWithRetry(); !r) {
        (void)exec(u"ROLLBACK"_s);
        return r;
    }
    if (WalCheckpointer *checkpointer = checkpointerFor(m_connectionName))
        checkpointer->committed(m_bulkDepth > 0);
    return {};
}

Result<void> LocalStore::backupBeforeMigration(int fromVersion)
{
    m_lastBackupPath.clear();
    auto objects = scalar(u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects)
        return objects.error();
    if (objects->toInt() == 0)
        return {}; // a new, empty database: nothing to protect
    QString target = u"%1.v%2.bak"_s.arg(m_path).arg(fromVersion);
    // An earlier, interrupted migration may have left a backup: keep it, write another.
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = u"%1.v%2.%3.bak"_s.arg(m_path).arg(fromVersion).arg(n);
    QString quoted = target;
    quoted.replace(u"'"_s, u"''"_s);
    if (auto r = exec(u"VACUUM INTO '"_s + quoted + u"'"_s); !r)
        return makeError(ErrorCode::Storage,
                         u"backup before migration failed, database left unchanged: "_s
                             + r.errorMessage());
    m_lastBackupPath = target;
    return {};
}

Result<void> LocalStore::migrateTo(int version)
{
    return migrate(schemaMigrations(), version);
}

Result<void> LocalStore::migrate(const QList<MigrationStep> &steps, int targetVersion)
{
    if (m_depth > 0)
        return makeError(ErrorCode::InvalidArgument, u"cannot migrate inside a transaction"_s);
    auto current = schemaVersion();
    if (!current)
        return current.error();
    int known = 0;
    for (const MigrationStep &step : steps)
        known = std::max(known, step.version);
    if (*current > known)
        return makeError(ErrorCode::Conflict,
                         u"the local database has schema version %1, newer than this version of "
                         u"Karvan knows (%2)"_s.arg(*current)
                             .arg(known));
    if (targetVersion > known || targetVersion < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            u"no migration to schema version %1 (known: 0..%2)"_s.arg(targetVersion).arg(known));
    if (*current >= targetVersion)
        return {};

    if (auto r = backupBeforeMigration(*current); !r)
        return r;
    clearStatementCache();

    for (const MigrationStep &step : steps) {
        if (step.version <= *current || step.version > targetVersion)
            continue;
        auto r = transaction([&]() -> Result<void> {
            if (auto applied = step.apply(*this); !applied)
                return applied;
            return exec(u"PRAGMA user_version = %1"_s.arg(step.version));
        });
        if (!r)
            return makeError(r.error().code,
                             u"migration to schema version %1 (%2) failed, the database stays at "
                             u"version %3: %4"_s.arg(step.version)
                                 .arg(step.description)
                                 .arg(step.version - 1)
                                 .arg(r.errorMessage()));
    }
    clearStatementCache();
    return {};
}

LocalStore::BulkLoad::BulkLoad(LocalStore &store)
    : m_store(store)
{
    if (m_store.m_bulkDepth++ == 0)
        (void)m_store.exec(u"PRAGMA synchronous=NORMAL"_s);
}

LocalStore::BulkLoad::~BulkLoad()
{
    if (--m_store.m_bulkDepth == 0)
        (void)m_store.exec(u"PRAGMA synchronous=FULL"_s);
}

} // namespace karvan
