#include "storage/database.h"

#include "storage/sqldialect.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {
// pg_advisory_xact_lock key every top-level write transaction takes on PostgreSQL ("KRVNWRTR").
constexpr qint64 WriterLockKey = 0x4b52564e57525452;

std::atomic<quint64> g_instances {0};
std::atomic<quint64> g_threads {0};
std::atomic<quint64> g_transactions {0};

// A process-unique number for the calling thread. Unlike QThread::currentThreadId() it is
// never reused, so a connection left behind by a finished thread is never handed to another.
quint64 threadSerial()
{
    thread_local const quint64 serial = ++g_threads;
    return serial;
}

} // namespace

Error storageError(const QString &what, const QSqlError &error)
{
    QString reason = error.text().simplified();
    if (reason.isEmpty())
        reason = u"unknown database error"_s;
    return makeError(ErrorCode::Storage, what + u": "_s + reason);
}

Database::Database(DatabaseUrl url, Options options)
    : m_url(std::move(url))
    , m_options(options)
    , m_instance(++g_instances)
{ }

Database::~Database()
{
    QStringList names;
    QHash<QString, StatementCache> statements;
    {
        QMutexLocker lock(&m_mutex);
        names = m_connectionNames;
        m_connectionNames.clear();
        statements.swap(m_statements);
    }
    statements.clear(); // the queries go before their connections
    // Removing a connection destroys its driver, which closes it.
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<Database>> Database::open(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return open(*parsed);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    return open(url, Options {});
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, const Options &options)
{
    if (url.backend == Backend::Sqlite) {
        // Before the first connection of the process (later the call is refused and does
        // nothing): without memory statistics SQLite takes no process-wide mutex on each of its
        // allocations, which every HQ thread running a statement contended for. perf, 1,000
        // devices: 8.5% of the push thread's samples waited on that lock; with it off, 0.1%.
        // Qt's QSQLITE driver uses this same shared libsqlite3.
        static std::once_flag configured;
        std::call_once(configured, []() { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    }
    const QString driver = url.backend == Backend::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return makeError(
            ErrorCode::Storage,
            u"the Qt Sql driver %1 is not installed (Debian: %2)"_s.arg(
                driver,
                url.backend == Backend::Sqlite ? u"libqt6sql6-sqlite"_s : u"libqt6sql6-psql"_s));
    }
    if (url.backend == Backend::Sqlite) {
        const QFileInfo file(url.path);
        if (!file.absoluteDir().exists()) {
            return makeError(ErrorCode::InvalidArgument,
                             u"cannot open %1: directory %2 does not exist"_s.arg(
                                 url.toDisplayString(), file.absolutePath()));
        }
        if (file.exists() && !file.isFile()) {
            return makeError(ErrorCode::InvalidArgument,
                             u"cannot open %1: not a file"_s.arg(url.toDisplayString()));
        }
    }
    std::unique_ptr<Database> db(new Database(url, options));
    if (auto c = db->connection(); !c)
        return c.error();
    return db;
}

QString Database::threadConnectionName() const
{
    // Asked for twice per statement: the thread keeps the last name it built (4% of a demo load).
    thread_local quint64 lastInstance = 0, lastSerial = 0;
    thread_local QString lastName;
    const quint64 serial = threadSerial();
    if (lastName.isEmpty() || lastInstance != m_instance || lastSerial != serial) {
        lastName = u"karvan-hq/%1/%2"_s.arg(m_instance).arg(serial);
        lastInstance = m_instance;
        lastSerial = serial;
    }
    return lastName;
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = threadConnectionName();
    {
        QMutexLocker lock(&m_mutex);
        if (m_connectionNames.contains(name))
            return QSqlDatabase::database(name, false);
    }
    if (auto r = openConnection(name); !r) {
        QSqlDatabase::removeDatabase(name);
        return r.error();
    }
    QMutexLocker lock(&m_mutex);
    m_connectionNames.append(name);
    return QSqlDatabase::database(name, false);
}

Result<void> Database::openConnection(const QString &name)
{
    const QString where = m_url.toDisplayString();
    if (m_url.backend == Backend::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.busyTimeoutMs));
        if (!db.open())
            return storageError(u"cannot open "_s + where, db.lastError());
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next()
            || q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            return makeError(ErrorCode::Storage,
                             u"cannot open %1: WAL journal mode refused (%2)"_s.arg(
                                 where, q.lastError().text().simplified()));
        }
        // cache_size: SQLite's default page cache is 2 MB; with the ERP's working set far
        // larger, every index lookup became a pread() of a page the OS already had (13 % of
        // the demo load's time in the kernel's copy routine). mmap_size lets reads map pages
        // instead of copying them. Both are per connection and only grow as pages are used;
        // mmap_size is an option (see Options::sqliteMmapBytes).
        for (const QString &pragma : {u"PRAGMA foreign_keys=ON"_s, u"PRAGMA synchronous=FULL"_s,
                                      u"PRAGMA busy_timeout=%1"_s.arg(m_options.busyTimeoutMs),
                                      u"PRAGMA cache_size=-65536"_s,
                                      u"PRAGMA mmap_size=%1"_s.arg(m_options.sqliteMmapBytes)}) {
            if (!q.exec(pragma))
                return storageError(u"cannot open %1: %2"_s.arg(where, pragma), q.lastError());
        }
        return {};
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setUserName(m_url.user);
    db.setPassword(m_url.password);
    db.setDatabaseName(m_url.database);
    db.setConnectOptions(
        u"connect_timeout=%1;application_name=karvan-hq"_s.arg(m_options.connectTimeoutS));
    if (!db.open())
        return storageError(u"cannot connect to "_s + where, db.lastError());
    QSqlQuery q(db);
    // Quiet NOTICEs (e.g. "relation already exists, skipping") and fixed text encoding.
    for (const QString &setting :
         {u"SET client_min_messages TO WARNING"_s, u"SET client_encoding TO 'UTF8'"_s}) {
        if (!q.exec(setting))
            return storageError(u"cannot configure the connection to "_s + where, q.lastError());
    }
    return {};
}

void Database::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    StatementCache statements;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.removeOne(name))
            return;
        m_depth.remove(name);
        m_serial.remove(name);
        statements = m_statements.take(name);
    }
    statements.clear();
    QSqlDatabase::removeDatabase(name);
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &bindings)
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    const auto shortSql = [&sql]() {
        return sql.simplified().left(100);
    };
    if (bindings.isEmpty()) {
        if (!query.exec(sql))
            return storageError(shortSql(), query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        return storageError(shortSql(), query.lastError());
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return storageError(shortSql(), query.lastError());
    return query;
}

Result<int> Database::run(const QString &sql, const QVariantList &bindings,
                          const std::function<void(const QSqlQuery &)> &onRow)
{
    // Distinct statements are bounded by the code, apart from IN (?, ?, ...) lists of varying
    // length: a cache that grows past this is emptied.
    constexpr qsizetype MaxCached = 1024;
    auto db = connection();
    if (!db)
        return db.error();
    const QString name = threadConnectionName();
    std::shared_ptr<CachedStatement> statement;
    {
        QMutexLocker lock(&m_mutex);
        StatementCache &cache = m_statements[name];
        statement = cache.value(sql);
        if (statement && statement->inUse) {
            statement = std::make_shared<CachedStatement>(); // reentrant use: not cached
        } else if (!statement) {
            if (cache.size() >= MaxCached)
                cache.clear();
            statement = std::make_shared<CachedStatement>();
            cache.insert(sql, statement);
        }
        statement->inUse = true;
    }
    struct Release
    {
        CachedStatement &s;
        ~Release()
        {
            s.query.finish();
            s.inUse = false;
        }
    } release {*statement};

    QSqlQuery &query = statement->query;
    const auto failed = [&](const QSqlError &error) {
        // A statement that failed to prepare or run is not kept.
        QMutexLocker lock(&m_mutex);
        auto it = m_statements.find(name);
        if (it != m_statements.end() && it->value(sql) == statement)
            it->remove(sql);
        return storageError(sql.simplified().left(100), error);
    };
    if (!statement->prepared) {
        query = QSqlQuery(*db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return failed(query.lastError());
        statement->prepared = true;
    }
    for (int i = 0; i < bindings.size(); ++i)
        query.bindValue(i, bindings.at(i));
    if (!query.exec())
        return failed(query.lastError());
    if (query.isSelect()) {
        while (query.next()) {
            if (onRow)
                onRow(query);
        }
        return 0;
    }
    return query.numRowsAffected();
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &bindings)
{
    QVariant value;
    bool first = true;
    auto r = run(sql, bindings, [&](const QSqlQuery &query) {
        if (first)
            value = query.value(0);
        first = false;
    });
    if (!r)
        return r.error();
    return value;
}

Result<void> Database::execPlain(const QString &sql)
{
    auto query = exec(sql);
    if (!query)
        return query.error();
    return {};
}

bool Database::inTransaction() const
{
    QMutexLocker lock(&m_mutex);
    return m_depth.value(threadConnectionName()) > 0;
}

quint64 Database::transactionSerial() const
{
    QMutexLocker lock(&m_mutex);
    const QString name = threadConnectionName();
    return m_depth.value(name) > 0 ? m_serial.value(name) : 0;
}

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    if (auto c = connection(); !c)
        return c.error();
    int depth = 0;
    {
        QMutexLocker lock(&m_mutex);
        depth = m_depth.value(threadConnectionName());
    }
    const auto setDepth = [this](int value) {
        QMutexLocker lock(&m_mutex);
        m_depth[threadConnectionName()] = value;
    };
    const auto newSerial = [this]() {
        QMutexLocker lock(&m_mutex);
        m_serial[threadConnectionName()] = ++g_transactions;
    };

    if (depth > 0) {
        const QString savepoint = u"karvan_sp%1"_s.arg(depth);
        if (auto r = execPlain(u"SAVEPOINT "_s + savepoint); !r)
            return r;
        setDepth(depth + 1);
        Result<void> result = makeError(ErrorCode::Storage, u"transaction aborted"_s);
        try {
            result = work();
        } catch (...) {
            setDepth(depth);
            newSerial();
            (void)execPlain(u"ROLLBACK TO SAVEPOINT "_s + savepoint);
            throw;
        }
        setDepth(depth);
        if (!result) {
            newSerial();
            (void)execPlain(u"ROLLBACK TO SAVEPOINT "_s + savepoint);
            (void)execPlain(u"RELEASE SAVEPOINT "_s + savepoint);
            return result;
        }
        return execPlain(u"RELEASE SAVEPOINT "_s + savepoint);
    }

    // PostgreSQL may abort a transaction that deadlocked with another writer (two HQ processes
    // locking the same rows in different orders) or failed to serialize; the work did nothing
    // then, so it is run again from the start, a few times, after a short random pause.
    constexpr int MaxAttempts = 8;
    for (int attempt = 1;; ++attempt) {
        Result<void> outcome = topLevelTransaction(work, setDepth, newSerial);
        if (outcome || attempt == MaxAttempts || backend() != Backend::Postgres
            || !isTransientConflict(outcome.error())) {
            return outcome;
        }
        QThread::msleep(QRandomGenerator::global()->bounded(5u << attempt));
    }
}

bool Database::isTransientConflict(const Error &error)
{
    return error.code == ErrorCode::Storage
        && (error.message.contains(u"deadlock detected"_s)
            || error.message.contains(u"could not serialize access"_s));
}

Result<void> Database::topLevelTransaction(const std::function<Result<void>()> &work,
                                           const std::function<void(int)> &setDepth,
                                           const std::function<void()> &newSerial)
{
    std::unique_lock<QMutex> writer(m_writer, std::defer_lock);
    if (backend() == Backend::Sqlite)
        writer.lock();
    const QString begin = backend() == Backend::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
    if (auto r = execPlain(begin); !r)
        return makeError(ErrorCode::Storage, u"cannot start a transaction: "_s + r.errorMessage());
    if (backend() == Backend::Postgres) {
        // Every write appends to the audit hash chain and most touch the feed clock: both are
        // one row that all writers lock, in whatever order their work reaches them, which
        // deadlocks two HQ processes (an order intake holds the customer and waits for the
        // chain; a payment holds the chain and waits for the customer). Writers therefore
        // take one transaction-scoped advisory lock first, as SQLite's BEGIN IMMEDIATE does.
        if (auto r = execPlain(sqldialect::exclusiveTransactionLock(backend(), WriterLockKey));
            !r) {
            (void)execPlain(u"ROLLBACK"_s);
            return makeError(ErrorCode::Storage, u"cannot lock for writing: "_s + r.errorMessage());
        }
    }
    setDepth(1);
    newSerial();
    Result<void> result = makeError(ErrorCode::Storage, u"transaction aborted"_s);
    try {
        result = work();
    } catch (...) {
        setDepth(0);
        (void)execPlain(u"ROLLBACK"_s);
        throw;
    }
    setDepth(0);
    if (!result) {
        (void)execPlain(u"ROLLBACK"_s);
        return result;
    }
    if (auto r = execPlain(u"COMMIT"_s); !r) {
        (void)execPlain(u"ROLLBACK"_s);
        return makeError(ErrorCode::Storage, u"cannot commit: "_s + r.errorMessage());
    }
    return {};
}

Result<bool> Database::tableExists(const QString &table)
{
    const QString sql = backend() == Backend::Sqlite
        ? u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"_s
        : u"SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
          "AND table_name = ?"_s;
    auto value = scalar(sql, {table});
    if (!value)
        return value.error();
    return !value->isNull();
}

} // namespace karvan::hq
